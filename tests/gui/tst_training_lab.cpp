// The Training tab: a comparison of three optimizers on the spiral fills every
// plot for every run with the values the core recorded (checked against
// per-sample forward passes, an independent path from the batched trainer);
// the slider moves every plot; the heat map's class at probe points is the
// network's own prediction; "Open in the stepper" puts exactly the run's
// weights at that epoch into the document as one undo step, and undo restores
// the start; invalid fields are refused with the core's message; closing the
// window mid-run is clean. With BPL_SCREENSHOT_DIR set, it saves screenshots.
#include "compute/heatmap_worker.h"
#include "core/common/limits.h"
#include "core/decision.h"
#include "core/number_format.h"
#include "gui/main_window.h"
#include "gui/network_document.h"
#include "gui/network_workspace.h"
#include "gui/plot_style.h"
#include "gui/tab_fit.h"
#include "gui/training/training_confusion_plot.h"
#include "gui/training/training_curve_plot.h"
#include "gui/training/training_lab.h"
#include "gui/training/training_region_plot.h"
#include "gui/training/unit_thumbnails.h"
#include "gui_test_support.h"
#include "io/network_file.h"
#include "gui/training/top_k_ranks_dialog.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QUndoStack>
#include <QtTest>

#include <sys/stat.h>

using namespace bpl;
using namespace bpl::gui;

namespace {

// 2-3 softmax, cross-entropy: three linear regions meeting at one point.
const char* kBlobsNet = R"({"format": "backprop-lab.network/1", "name": "three blobs 2-3 softmax",
  "layers": [{"size": 2},
    {"size": 3, "activation": "softmax", "weights": [[0.1, 0.2], [-0.2, 0.1], [0.1, -0.2]], "bias": [0, 0.1, -0.1]}],
  "loss": "cross_entropy", "learning_rate": 0.1, "sample": {"input": [0, 0], "target": [1, 0, 0]}})";

// A network file with all weights 0 (the tab's Xavier start replaces them).
QByteArray zeroNetwork(const std::vector<int>& sizes, const std::vector<QString>& activations,
                       const QString& loss) {
    QStringList layers{QString("{\"size\": %1}").arg(sizes[0])};
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        QStringList rows;
        for (int i = 0; i < sizes[l]; ++i)
            rows << "[" + QStringList(sizes[l - 1], "0").join(",") + "]";
        layers << QString(
                      "{\"size\": %1, \"activation\": \"%2\", \"weights\": [%3], \"bias\": [%4]}")
                      .arg(sizes[l])
                      .arg(activations[l - 1], rows.join(","),
                           QStringList(sizes[l], "0").join(","));
    }
    const int out = sizes.back();
    return QString("{\"format\": \"backprop-lab.network/1\", \"layers\": [%1], \"loss\": \"%2\", "
                   "\"learning_rate\": 0.1, \"sample\": {\"input\": [%3], \"target\": [%4]}}")
        .arg(layers.join(","), loss, QStringList(sizes[0], "0").join(","),
             (QStringList{"1"} + QStringList(out - 1, "0")).join(","))
        .toUtf8();
}

int classOf(const Network& net, const Eigen::VectorXd& x) {
    const Eigen::VectorXd y = forward(net, x).output();
    if (y.size() == 1)
        return y[0] > 0.5 ? 1 : 0;
    Eigen::Index k = 0;
    y.maxCoeff(&k);
    return static_cast<int>(k);
}

} // namespace

class TestTrainingLab : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void init();
    void cleanup();
    void comparisonFillsEveryPlotForEveryRun();
    void sliderMovesEveryPlot();
    void heatMapClassIsThePrediction();
    void softmaxRegionsMarkTheThirdPoint();
    void everyFrameIsDrawnFromItsOwnEpoch();
    void openInStepperIsOneUndoStep();
    void invalidFieldsGiveTheCoresMessage();
    void digitsShowTopFiveAndWeightImages();
    void topKFollowsTheChosenK();
    void workLimitsAsOnTheCommandLine();
    void exportsWriteFiles();
    void closingMidRunIsClean();
    void overfittingDemoMarksTheLowestValidationLoss();
    void screenshots();

  private:
    bool load(const char* json);
    bool runAndWait(const QString& compare, const QString& values, int epochs);
    bool waitForRequestedFrame();
    template <typename T> T* child(const char* name) {
        T* w = lab_->findChild<T*>(name);
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    void setData(const QString& name, int points);

    QTemporaryDir settingsDir_;
    std::unique_ptr<MainWindow> window_;
    TrainingLab* lab_ = nullptr;
};

void TestTrainingLab::initTestCase() {
    test::isolateSettings(settingsDir_);
}

void TestTrainingLab::init() {
    window_ = std::make_unique<MainWindow>();
    window_->resize(1400, 900);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    lab_ = window_->tabs()->findChild<TrainingLab*>();
    QVERIFY(lab_);
    QCOMPARE(lab_->property("tabId").toString(), QString("training"));
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
}

void TestTrainingLab::cleanup() {
    window_.reset();
    lab_ = nullptr;
}

bool TestTrainingLab::load(const char* json) {
    const auto parsed = io::parseNetwork(QByteArray(json), "test.json");
    if (!parsed)
        return false;
    window_->document()->load(parsed.value(), QString(), "test");
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
    return true;
}

void TestTrainingLab::setData(const QString& name, int points) {
    auto* combo = child<QComboBox>("dataCombo");
    combo->setCurrentIndex(combo->findData(name));
    child<QSpinBox>("pointsSpin")->setValue(points);
    emit child<QSpinBox>("pointsSpin")->editingFinished();
}

bool TestTrainingLab::runAndWait(const QString& compare, const QString& values, int epochs) {
    auto* combo = child<QComboBox>("compareCombo");
    combo->setCurrentIndex(combo->findData(compare));
    child<QLineEdit>("compareEdit")->setText(values);
    child<QSpinBox>("epochsSpin")->setValue(epochs);
    QSignalSpy finished(lab_, &TrainingLab::comparisonFinished);
    if (!lab_->run())
        return false;
    return (!finished.isEmpty() || finished.wait(120000)) && !finished.first().first().toBool();
}

// Waits for the heat-map frame of the newest request (the one the last
// setEpoch or setSelectedRun asked for), not for any frame: a frame asked for
// earlier (during the run, or for another epoch) may still be queued and
// arrive first.
bool TestTrainingLab::waitForRequestedFrame() {
    const quint64 id = lab_->frameRequested();
    if (id == 0)
        return false;
    return QTest::qWaitFor([&] { return lab_->regionPlot()->frameId() >= id; }, 60000) &&
           lab_->regionPlot()->frameId() == id;
}

void TestTrainingLab::comparisonFillsEveryPlotForEveryRun() {
    QVERIFY(load(test::kSpiralNet));
    setData("spiral", 200);
    child<QLineEdit>("etaEdit")->setText("0.05");
    QVERIFY2(runAndWait("optimizer", "sgd, momentum, adam", 20), qPrintable(lab_->statusText()));
    const TrainingSession& s = lab_->session();
    QCOMPARE(s.runCount(), 3);
    QVERIFY(lab_->statusText().contains("max_epochs"));
    const Network& start = s.start;
    // The loss before training, per sample with the stepper's own passes.
    double sum = 0;
    for (int i = 0; i < s.split->train.sampleCount(); ++i) {
        const ForwardPass pass = forward(start, s.split->train.inputs.col(i));
        sum += loss(start, pass, s.split->train.targets.col(i));
    }
    const double expectedLoss0 = sum / s.split->train.sampleCount();
    for (int r = 0; r < 3; ++r) {
        const TrainingRun& run = s.runs[static_cast<std::size_t>(r)];
        QCOMPARE(run.recordedEpochs(), 21);
        QVERIFY(qAbs(run.trainLoss[0] - expectedLoss0) < 1e-12);
        for (TrainingCurvePlot* plot : {lab_->lossPlot(), lab_->accuracyPlot()}) {
            const auto graphs = plot->runGraphs(r);
            QCOMPARE(int(graphs.size()), 2);
            QCOMPARE(graphs[0]->dataCount(), 21);
            QCOMPARE(graphs[1]->dataCount(), 21);
        }
        QCOMPARE(lab_->lossPlot()->runGraphs(r)[0]->data()->at(20)->value, run.trainLoss[20]);
        const auto grads = lab_->gradientPlot()->runGraphs(r);
        QCOMPARE(int(grads.size()), 2);
        for (QCPGraph* g : grads)
            QCOMPARE(g->dataCount(), 21);
        QCOMPARE(grads[1]->data()->at(7)->value, run.gradNorm[7][1]);
    }
    // The runs differ only in the optimizer: same start, different ends.
    QCOMPARE(s.runs[0].trainLoss[0], s.runs[2].trainLoss[0]);
    QVERIFY(s.runs[0].trainLoss[20] != s.runs[2].trainLoss[20]);
    QCOMPARE(lab_->confusionPlot()->confusion().sum(), s.split->test.sampleCount());
    QVERIFY(waitForRequestedFrame());
    QCOMPARE(lab_->regionPlot()->frameEpoch(), 20);
}

void TestTrainingLab::sliderMovesEveryPlot() {
    QVERIFY(load(test::kSpiralNet));
    setData("spiral", 200);
    QVERIFY2(runAndWait("learning_rate", "0.3, 0.03", 15), qPrintable(lab_->statusText()));
    lab_->setSelectedRun(1);
    lab_->setEpoch(5);
    for (TrainingCurvePlot* plot : {lab_->lossPlot(), lab_->accuracyPlot(), lab_->gradientPlot()})
        QCOMPARE(plot->epochLine()->point1->key(), 5.0);
    QVERIFY(lab_->confusionPlot()->title().contains("epoch 5"));
    // The confusion matrix at epoch 5, one forward pass per test sample.
    const TrainingSession& s = lab_->session();
    const Network net = withWeights(s.start, s.runs[1].snapshots[5]);
    Eigen::MatrixXi expected = Eigen::MatrixXi::Zero(2, 2);
    for (int i = 0; i < s.split->test.sampleCount(); ++i)
        ++expected(s.split->test.labels[static_cast<std::size_t>(i)],
                   classOf(net, s.split->test.inputs.col(i)));
    QVERIFY(lab_->confusionPlot()->confusion() == expected);
    lab_->setEpoch(12);
    QCOMPARE(lab_->lossPlot()->epochLine()->point1->key(), 12.0);
    QVERIFY(lab_->confusionPlot()->title().contains("epoch 12"));
}

void TestTrainingLab::heatMapClassIsThePrediction() {
    QVERIFY(load(test::kSpiralNet));
    setData("spiral", 200);
    QVERIFY2(runAndWait("", "", 25), qPrintable(lab_->statusText()));
    lab_->setEpoch(25);
    QVERIFY(waitForRequestedFrame());
    QCOMPARE(lab_->regionPlot()->frameEpoch(), 25);
    const TrainingSession& s = lab_->session();
    const Network net = withWeights(s.start, s.runs[0].snapshots[25]);
    const compute::PlaneGrid g = lab_->regionPlot()->grid();
    int checked = 0;
    for (int ix : {3, 20, 50, 77, 96}) {
        for (int iy : {5, 33, 50, 81}) {
            const double x = g.x(ix), y = g.y(iy);
            QCOMPARE(lab_->regionPlot()->shownClassAt(x, y), classOf(net, Eigen::Vector2d(x, y)));
            ++checked;
        }
    }
    QCOMPARE(checked, 20);

    // What each unit learned: a thumbnail beside every hidden and output unit.
    const quint64 before = lab_->frameRequested();
    lab_->thumbnailsAction()->setChecked(true); // asks for a frame with the activations
    QVERIFY(lab_->frameRequested() > before);
    QVERIFY(waitForRequestedFrame());
    QCOMPARE(unitThumbnailCount(window_->workspace()->scene()), 6 + 1);
    lab_->thumbnailsAction()->setChecked(false);
    QCOMPARE(unitThumbnailCount(window_->workspace()->scene()), 0);
}

void TestTrainingLab::softmaxRegionsMarkTheThirdPoint() {
    QVERIFY(load(kBlobsNet));
    setData("three_blobs", 300);
    QVERIFY2(runAndWait("", "", 30), qPrintable(lab_->statusText()));
    lab_->setEpoch(30);
    QVERIFY(waitForRequestedFrame());
    QCOMPARE(lab_->regionPlot()->frameRun(), 0);
    QCOMPARE(lab_->regionPlot()->frameEpoch(), 30);
    const auto point = lab_->regionPlot()->thirdPoint();
    QVERIFY(point.has_value());
    const TrainingSession& s = lab_->session();
    const Network net = withWeights(s.start, s.runs[0].snapshots[30]);
    const Eigen::VectorXd y = forward(net, Eigen::Vector2d(point->x(), point->y())).output();
    for (int k = 0; k < 3; ++k)
        QVERIFY2(qAbs(y[k] - 1.0 / 3.0) < 1e-9, qPrintable(QString::number(y[k])));
    QCOMPARE(lab_->confusionPlot()->confusion().rows(), 3);
    // Under the axes: the ⅓ point and the three tie lines of the shown network.
    TrainingRegionPlot* plot = lab_->regionPlot();
    const QStringList notes = plot->notes();
    QCOMPARE(notes.size(), 4);
    QCOMPARE(notes[0],
             QString::fromStdString("⅓ point: x = " +
                                    planePointText(Eigen::Vector2d(point->x(), point->y()), 3)));
    const std::vector<SoftmaxTie> ties = softmaxTies(net);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(notes[i + 1],
                 QString::fromStdString(softmaxTieText(ties[static_cast<std::size_t>(i)], 3)));
    QVERIFY(notes[1].startsWith("p₀ = p₁: ") && notes[3].startsWith("p₁ = p₂: "));
    // Hovering: x, p(c | x) from the network, the predicted class.
    const Eigen::Vector2d at(point->x() + 1.0, point->y() - 0.5);
    const Eigen::VectorXd p = forward(net, at).output();
    Eigen::Index best = 0;
    p.maxCoeff(&best);
    const QString readout = plot->readoutAt(at[0], at[1]);
    const QStringList lines = readout.split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QString::fromStdString("x = " + planePointText(at, 3)));
    for (int k = 0; k < 3; ++k)
        QCOMPARE(
            lines[k + 1],
            QString("p(%1 | x) = %2").arg(k).arg(QString::fromStdString(formatNumber(p[k], 4))));
    QCOMPARE(lines[4], QString("predicted class %1").arg(best));
    // The same text as the tool tip at that pixel, none outside the axes.
    plot->replot();
    const QPointF pixel(plot->xAxis->coordToPixel(at[0]), plot->yAxis->coordToPixel(at[1]));
    QCOMPARE(plot->hoverText(pixel), plot->readoutAt(plot->xAxis->pixelToCoord(pixel.x()),
                                                     plot->yAxis->pixelToCoord(pixel.y())));
    QVERIFY(plot->hoverText(QPointF(1, 1)).isEmpty());
    // The grid's useful height counts each note's row: the axes keep their
    // minimum (4 notes left them 20 px short, one row spacing each).
    const int width = plot->usefulWidth();
    plot->resize(width, plot->usefulHeight(width));
    plot->replot();
    QVERIFY2(plot->axisRect()->height() >= kMinAxisRectHeight,
             qPrintable(QString::number(plot->axisRect()->height())));
}

// Frames arrive while the run goes on and while the slider is scrubbed; each
// one's ⅓ point must be that of the network at the frame's own run and epoch
// (checked after the run against the recorded weights), whatever the slider
// shows by the time the frame is drawn.
void TestTrainingLab::everyFrameIsDrawnFromItsOwnEpoch() {
    QVERIFY(load(kBlobsNet));
    setData("three_blobs", 300);
    struct Shown {
        int run, epoch;
        QPointF point;
    };
    std::vector<Shown> shown;
    const auto connection = connect(lab_, &TrainingLab::frameShown, this, [&] {
        const auto* plot = lab_->regionPlot();
        if (plot->thirdPoint())
            shown.push_back({plot->frameRun(), plot->frameEpoch(), *plot->thirdPoint()});
    });
    QVERIFY2(runAndWait("learning_rate", "0.3, 0.03", 40), qPrintable(lab_->statusText()));
    for (int k = 40; k >= 0; k -= 3) { // scrub back without waiting for each frame
        lab_->setSelectedRun(k % 2);
        lab_->setEpoch(k);
        QCoreApplication::processEvents();
    }
    QVERIFY(waitForRequestedFrame());
    QCOMPARE(lab_->regionPlot()->frameEpoch(), 1);
    QCOMPARE(lab_->regionPlot()->frameRun(), 1);
    disconnect(connection);
    QVERIFY(shown.size() >= 2);
    const TrainingSession& s = lab_->session();
    for (const Shown& f : shown) {
        const Network net = s.networkAt(f.run, f.epoch);
        const Eigen::VectorXd y = forward(net, Eigen::Vector2d(f.point.x(), f.point.y())).output();
        for (int k = 0; k < 3; ++k)
            QVERIFY2(qAbs(y[k] - 1.0 / 3.0) < 1e-9,
                     qPrintable(QString("run %1 epoch %2: %3").arg(f.run).arg(f.epoch).arg(y[k])));
    }
}

void TestTrainingLab::openInStepperIsOneUndoStep() {
    QVERIFY(load(test::kSpiralNet));
    setData("spiral", 200);
    child<QComboBox>("optimizerCombo")
        ->setCurrentIndex(child<QComboBox>("optimizerCombo")->findData("adam"));
    child<QLineEdit>("etaEdit")->setText("0.01");
    QVERIFY2(runAndWait("", "", 12), qPrintable(lab_->statusText()));
    NetworkDocument* doc = window_->document();
    const Network before = doc->network();
    const int commands = doc->undoStack()->count();
    lab_->setEpoch(10);
    QVERIFY(lab_->openInStepper());
    QCOMPARE(doc->undoStack()->count(), commands + 1);
    QCOMPARE(doc->undoStack()->text(doc->undoStack()->count() - 1),
             QString("Train 10 epochs (adam, η = 0.01)"));
    const WeightSnapshot& w = lab_->session().runs[0].snapshots[10];
    for (int l = 1; l < doc->network().layerCount(); ++l) {
        QVERIFY(doc->network().layers[l].weights == w.weights[l]);
        QVERIFY(doc->network().layers[l].bias == w.bias[l]);
        QVERIFY(doc->network().layers[l].weights != before.layers[l].weights);
    }
    doc->undoStack()->undo();
    for (int l = 1; l < doc->network().layerCount(); ++l) {
        QVERIFY(doc->network().layers[l].weights == before.layers[l].weights);
        QVERIFY(doc->network().layers[l].bias == before.layers[l].bias);
    }
}

void TestTrainingLab::invalidFieldsGiveTheCoresMessage() {
    QVERIFY(load(test::kSpiralNet));
    setData("spiral", 100);
    child<QLineEdit>("etaEdit")->setText("-1");
    QVERIFY(!lab_->run());
    OptimizerSettings bad;
    bad.learningRate = -1;
    QVERIFY(lab_->statusText().contains(QString::fromStdString(optimizerProblem(bad))));
    child<QLineEdit>("etaEdit")->setText("abc");
    QVERIFY(!lab_->run());
    QVERIFY(lab_->statusText().contains("abc"));
    child<QLineEdit>("etaEdit")->setText("0.1");
    child<QLineEdit>("splitEdit")->setText("50, 20, 20");
    QVERIFY(!lab_->prepareData());
    SplitOptions split;
    split.trainPercent = 50;
    QVERIFY(lab_->statusText().contains(QString::fromStdString(splitProblem(split))));
    QVERIFY(!lab_->running());
}

void TestTrainingLab::digitsShowTopFiveAndWeightImages() {
    QVERIFY(load(zeroNetwork({64, 16, 10}, {"tanh", "softmax"}, "cross_entropy")));
    auto* data = child<QComboBox>("dataCombo");
    data->setCurrentIndex(data->findData("digits"));
    QVERIFY2(lab_->prepareData(), qPrintable(lab_->statusText()));
    auto* init = child<QComboBox>("initCombo");
    init->setCurrentIndex(init->findData("xavier"));
    child<QSpinBox>("batchSpin")->setValue(32);
    QVERIFY2(runAndWait("", "", 3), qPrintable(lab_->statusText()));
    const Eigen::MatrixXi confusion = lab_->confusionPlot()->confusion();
    QCOMPARE(confusion.rows(), 10);
    QCOMPARE(confusion.sum(), lab_->session().split->test.sampleCount());
    // The top-1 error is 1 − the confusion matrix's diagonal share (two different core
    // functions); k = 5 by default for ten classes.
    const double top1 = double(confusion.trace()) / confusion.sum();
    QVERIFY2(lab_->confusionPlot()->summary().contains(
                 "top-1 error " + QLocale().toString(100 * (1 - top1), 'f', 1) + " %"),
             qPrintable(lab_->confusionPlot()->summary()));
    QCOMPARE(child<QSpinBox>("topKSpin")->value(), 5);
    QCOMPARE(child<QSpinBox>("topKSpin")->maximum(), 10);
    QVERIFY(lab_->confusionPlot()->summary().contains("top-5 error"));
    QCOMPARE(lab_->weightImages()->imageCount(), 16);
    QVERIFY(lab_->weightImages()->isVisible());
}

// Three classes: k from 1 to 3; the readout and the ranks window follow k, with
// the top-k error counted here from per-sample forward passes (ties do not
// occur with these real-valued scores).
void TestTrainingLab::topKFollowsTheChosenK() {
    // kBlobsNet's weights turned round: at the start the true class scores low.
    QVERIFY(load(R"({"format": "backprop-lab.network/1", "layers": [{"size": 2},
      {"size": 3, "activation": "softmax", "weights": [[-0.1, -0.2], [0.2, -0.1], [-0.1, 0.2]],
       "bias": [0, -0.1, 0.1]}], "loss": "cross_entropy", "learning_rate": 0.1,
      "sample": {"input": [0, 0], "target": [1, 0, 0]}})"));
    setData("three_blobs", 300);
    QVERIFY2(runAndWait("", "", 2), qPrintable(lab_->statusText()));
    lab_->setEpoch(0); // the start weights: errors far from 0 for k = 1 and 2
    auto* spin = child<QSpinBox>("topKSpin");
    QCOMPARE(spin->maximum(), 3);
    QCOMPARE(spin->value(), 1);
    const TrainingSession& s = lab_->session();
    const Dataset& test = s.split->test;
    auto error = [&](int k) {
        int misses = 0;
        for (int j = 0; j < test.sampleCount(); ++j) {
            const Eigen::VectorXd y = forward(s.start, test.inputs.col(j)).output();
            const int t = test.labels[static_cast<std::size_t>(j)];
            misses += (y.array() > y[t]).count() >= k ? 1 : 0;
        }
        return QLocale().toString(100.0 * misses / test.sampleCount(), 'f', 1) + " %";
    };
    const QString top1 = "top-1 error " + error(1);
    QCOMPARE(lab_->confusionPlot()->summary(), top1);
    spin->setValue(2);
    QCOMPARE(lab_->confusionPlot()->summary(), top1 + ", top-2 error " + error(2));
    QVERIFY2(error(2) != error(1) && error(2) != error(3), qPrintable(error(1) + error(2)));
    spin->setValue(3);
    QCOMPARE(lab_->confusionPlot()->summary(), top1 + ", top-3 error 0.0 %");

    child<QPushButton>("topKRanksButton")->click();
    auto* dialog = lab_->findChild<TopKRanksDialog*>("topKRanksDialog");
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->worked().contains(
                 QString("E = (1/m) Σ 𝟙(Rᵢ > 3) = (1/%1) × 0 = 0/%1 = 0").arg(test.sampleCount())),
             qPrintable(dialog->worked()));
    QVERIFY(dialog->heading().contains("k = 3"));
    spin->setValue(2);
    QVERIFY(dialog->worked().contains("𝟙(Rᵢ > 2)"));
    QVERIFY(dialog->heading().contains("epoch 0"));
    lab_->setEpoch(2);
    QVERIFY(dialog->heading().contains("epoch 2"));
}

void TestTrainingLab::workLimitsAsOnTheCommandLine() {
    // 64-16-10 on the digits (1,797 rows, 1,210 weights and biases) for 100,000
    // epochs: 1,797 × 1,210 × 100,001 row-parameter-epochs, past train's limit;
    // the tab started it and kept every epoch's weights (about 1 GB a run).
    QVERIFY(load(zeroNetwork({64, 16, 10}, {"tanh", "softmax"}, "cross_entropy")));
    auto* data = child<QComboBox>("dataCombo");
    data->setCurrentIndex(data->findData("digits"));
    QVERIFY2(lab_->prepareData(), qPrintable(lab_->statusText()));
    child<QSpinBox>("epochsSpin")->setValue(100000);
    QVERIFY(!lab_->run());
    QVERIFY(!lab_->running());
    const long long rows = lab_->session().split->train.sampleCount() +
                           lab_->session().split->validation.sampleCount() +
                           lab_->session().split->test.sampleCount();
    QCOMPARE(rows, 1797LL);
    QVERIFY2(lab_->statusText().startsWith(QString::fromStdString(
                 trainingSizeProblem(rows, 90, 1210, 100000, 1))),
             qPrintable(lab_->statusText()));
    QVERIFY(lab_->statusText().contains("at most 200000000000 row-parameter-epochs"));
    // Few rows and a wide network: the work fits (100 × 4,001 × 100,001), the
    // weights kept to replay every epoch do not (100,001 × 4,001 values).
    QVERIFY(load(zeroNetwork({2, 1000, 1}, {"tanh", "sigmoid"}, "binary_cross_entropy")));
    setData("spiral", 100);
    QVERIFY2(lab_->prepareData(), qPrintable(lab_->statusText()));
    child<QSpinBox>("epochsSpin")->setValue(100000);
    QVERIFY(!lab_->run());
    QVERIFY2(lab_->statusText().startsWith(
                 QString::fromStdString(trainingSnapshotProblem(100000, 1, 4001))),
             qPrintable(lab_->statusText()));
    // 1,000 epochs of it fit both and run.
    QVERIFY2(runAndWait("", "", 1000), qPrintable(lab_->statusText()));
}

void TestTrainingLab::exportsWriteFiles() {
    QVERIFY(load(test::kSpiralNet));
    setData("spiral", 100);
    QVERIFY2(runAndWait("learning_rate", "0.3, 0.03", 5), qPrintable(lab_->statusText()));
    QTemporaryDir dir;
    QString error;
    for (const char* name : {"a.png", "a.pdf", "a.svg"}) {
        QVERIFY2(lab_->savePlot(lab_->lossPlot(), dir.filePath(name), error), qPrintable(error));
        QVERIFY(QFileInfo(dir.filePath(name)).size() > 0);
    }
    QVERIFY2(lab_->saveAllPlots(dir.filePath("all.png"), error), qPrintable(error));
    QVERIFY(!lab_->savePlot(lab_->lossPlot(), dir.filePath("a.txt"), error));
    QVERIFY2(lab_->saveRuns(dir.filePath("runs.json"), error), qPrintable(error));
    QFile json(dir.filePath("runs.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(root.value("format").toString(), QString("backprop-lab.training/1"));
    const QJsonArray runs = root.value("runs").toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[1].toObject().value("learning_rate").toDouble(), 0.03);
    const QJsonArray loss = runs[1].toObject().value("train_loss").toArray();
    QCOMPARE(loss.size(), 6);
    QCOMPARE(loss[5].toDouble(), lab_->session().runs[1].trainLoss[5]);
    // The top-1 error per epoch, as `train` records it (1 − accuracy).
    const QJsonArray top1 =
        runs[1].toObject()["top_k"].toObject()["1"].toObject()["train_error"].toArray();
    QCOMPARE(top1.size(), 6);
    QCOMPARE(top1[5].toDouble(), 1 - lab_->session().runs[1].trainAccuracy[5]);
    QVERIFY2(lab_->saveRuns(dir.filePath("runs.csv"), error), qPrintable(error));
    QFile csv(dir.filePath("runs.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 1 + 2 * 6);
    // Through the one safe-write path (io/safe_file.h): a pipe is refused and
    // stays a pipe (QSaveFile alone renamed a regular file over it).
    const QString fifo = dir.filePath("runs-pipe.csv");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!lab_->saveRuns(fifo, error));
    QVERIFY2(error.contains("not a regular file") && error.contains("runs-pipe.csv"),
             qPrintable(error));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
}

void TestTrainingLab::closingMidRunIsClean() {
    QVERIFY(load(test::kSpiralNet));
    setData("spiral", 400);
    child<QSpinBox>("epochsSpin")->setValue(100000);
    QVERIFY(lab_->run());
    QSignalSpy epochs(lab_, &TrainingLab::epochChanged);
    QVERIFY(epochs.wait(60000));
    QVERIFY(lab_->running());
    QElapsedTimer clock;
    clock.start();
    window_.reset(); // joins the training and heat-map threads
    lab_ = nullptr;
    qInfo("closed mid-run in %lld ms", static_cast<long long>(clock.elapsed()));
}

void TestTrainingLab::overfittingDemoMarksTheLowestValidationLoss() {
    // The L2 demo: three runs of the overfitting network, λ = 0, 0.01, 0.03. The loss plot
    // stars the selected run's lowest validation loss, long before the last epoch for λ = 0.
    QVERIFY(window_->openExample("overfit_l2_circle"));
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
    QCOMPARE(child<QLineEdit>("compareEdit")->text(), QString("0, 0.01, 0.03"));
    QVERIFY2(runAndWait("l2", "0, 0.01, 0.03", 600), qPrintable(lab_->statusText()));
    TrainingCurvePlot* loss = lab_->lossPlot();
    QVERIFY(loss && loss->minimumMark());
    const auto lowest = [loss](int run) {
        // From the plotted validation curve itself.
        QCPGraph* validation = loss->runGraphs(run).at(1);
        auto best = validation->data()->constBegin();
        for (auto it = best; it != validation->data()->constEnd(); ++it) {
            if (it->value < best->value)
                best = it;
        }
        return *best;
    };
    for (int run : {0, 2}) {
        lab_->setSelectedRun(run);
        QCOMPARE(loss->minimumMark()->dataCount(), 1);
        const QCPGraphData mark = *loss->minimumMark()->data()->constBegin();
        QCOMPARE(mark.key, lowest(run).key);
        QCOMPARE(mark.value, lowest(run).value);
        QCOMPARE(loss->minimumText(), QString("lowest validation J: epoch %1").arg(int(mark.key)));
        QVERIFY(loss->legend->hasItemWithPlottable(loss->minimumMark()));
    }
    lab_->setSelectedRun(0);
    QVERIFY(loss->minimumMark()->data()->constBegin()->key < 300);
}

void TestTrainingLab::screenshots() {
    const QString dir = qEnvironmentVariable("BPL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set BPL_SCREENSHOT_DIR to save screenshots");
    const auto shoot = [&](const QString& name) {
        for (const QSize size : {QSize(1024, 768), QSize(1600, 1000)}) {
            window_->resize(size);
            QApplication::processEvents();
            lab_->setEpoch(lab_->session().longest() - 1);
            QVERIFY(waitForRequestedFrame());
            QTest::qWait(200);
            const QString file = QString("%1/training-%2-%3x%4.png")
                                     .arg(dir, name)
                                     .arg(size.width())
                                     .arg(size.height());
            QVERIFY(window_->grab().save(file));
        }
    };
    // The shipped examples, with the defaults of their `training` objects.
    QVERIFY(window_->openExample("spiral_2881_tanh"));
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
    QCOMPARE(child<QLineEdit>("compareEdit")->text(), QString("sgd, momentum, adam"));
    QVERIFY(runAndWait("optimizer", "sgd, momentum, adam", 800));
    lab_->setSelectedRun(2);
    shoot("spiral");
    QVERIFY(window_->openExample("three_blobs_softmax"));
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
    child<QDoubleSpinBox>("noiseSpin")->setValue(0.6);
    emit child<QDoubleSpinBox>("noiseSpin")->editingFinished();
    QVERIFY(runAndWait("", "", 50));
    shoot("three-blobs");
    QVERIFY(window_->openExample("digits_64_32_10_relu"));
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
    QVERIFY(runAndWait("", "", 30));
    shoot("digits");
}

QTEST_MAIN(TestTrainingLab)
#include "tst_training_lab.moc"
