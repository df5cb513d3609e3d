// The logistic-regression lab tab: pressing Run fills all four plots for every
// method × η with the values the core computes; the slider, a click on the NLL
// plot and Play move every plot to the same iteration; the method selector and
// the log-scale box change what is shown; bad input (η list, data file) gives a
// message and keeps what was there; Stop cancels; every export writes a file.
// With BPL_SCREENSHOT_DIR set, the test also saves a screenshot there.
#include "core/logreg_trainer.h"
#include "gui/logreg/logreg_compare_plot.h"
#include "gui/logreg/logreg_data_plot.h"
#include "core/common/limits.h"
#include "gui/logreg/logreg_lab.h"
#include "gui/logreg/logreg_nll_panel.h"
#include "gui/logreg/logreg_nll_plot.h"
#include "gui/logreg/logreg_path_plot.h"
#include "support/thread_watch.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace bpl;
using namespace bpl::gui;

class TestLogRegLab : public QObject {
    Q_OBJECT
  private slots:
    void init();
    void cleanup();
    void runFillsAllFourPlots();
    void sliderMovesEveryPlot();
    void clickOnNllPlotPicksIteration();
    void playReplaysToTheEnd();
    void methodSelectorAndLogScale();
    void hoverShowsValues();
    void invalidFieldsGiveMessages_data();
    void invalidFieldsGiveMessages();
    void badDataFileKeepsTheData();
    void stopCancelsALongSweep();
    void runAgainRestartsTheSweep();
    void closingDuringASweepReturnsPromptly();
    void newDataDuringASweepStopsIt();
    void typoAfterARunKeepsTheRuns();
    void exportsWriteFiles();
    void workLimitsAsOnTheCommandLine();

  private:
    bool runAndWait();
    // A sweep of about 10–30 s within the limits of core/common/limits.h:
    // 160,000 points, one η, three methods, 1,000 iterations (4.8·10⁸ point passes).
    void setUpLongSweep();
    template <typename T> T* child(const char* name) {
        T* w = lab_->findChild<T*>(name);
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    std::unique_ptr<LogRegLab> lab_;
};

void TestLogRegLab::setUpLongSweep() {
    child<QSpinBox>("gen0CountSpin")->setValue(80000);
    child<QSpinBox>("gen1CountSpin")->setValue(80000);
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
    child<QLineEdit>("etasEdit")->setText("0.5");
    child<QSpinBox>("maxIterSpin")->setValue(1000);
    child<QLineEdit>("tolEdit")->setText("0");
}

void TestLogRegLab::init() {
    lab_ = std::make_unique<LogRegLab>();
    lab_->resize(1500, 950);
    lab_->show();
    QVERIFY(QTest::qWaitForWindowExposed(lab_.get()));
}

void TestLogRegLab::cleanup() {
    lab_.reset();
}

bool TestLogRegLab::runAndWait() {
    QSignalSpy finished(lab_.get(), &LogRegLab::sweepFinished);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    if (!lab_->running())
        return false;
    return (!finished.isEmpty() || finished.wait(120000)) && !finished.first().at(0).toBool();
}

void TestLogRegLab::runFillsAllFourPlots() {
    QCOMPARE(lab_->data()->size(), Eigen::Index(200)); // the sample is loaded at start
    QVERIFY(runAndWait());
    const LogRegSweep& sweep = lab_->sweep();
    QVERIFY(sweep.etas == (std::vector<double>{0.5, 0.3, 0.1, 0.05, 0.01}));
    QCOMPARE(sweep.methods.size(), std::size_t(3)); // GD, SGD, mini-batch B = 10
    QCOMPARE(sweep.runCount(), 15);
    QCOMPARE(lab_->comparePlot()->panelCount(), 3);
    for (int r = 0; r < sweep.runCount(); ++r) {
        const LogRegRun& run = sweep.runs[static_cast<std::size_t>(r)];
        // The worker's runs are the core's runs.
        const LogRegRun alone = runLogReg(*lab_->data(), run.options);
        QCOMPARE(run.recorded(), alone.recorded());
        QVERIFY(run.nll == alone.nll);
        QVERIFY(run.recorded() > 1);
        // Plot 3 and plot 4 hold every NLL value.
        QCOMPARE(lab_->nllPlot()->panel()->graph(r)->dataCount(), run.recorded());
        const int method = sweep.methodIndex(r);
        QCOMPARE(lab_->comparePlot()->panel(method)->graph(r)->dataCount(), run.recorded());
        // Plot 2: one point per defined (m, b); the default start has none.
        int defined = 0;
        for (const auto& w : run.weights)
            defined += separatorSlopeIntercept(w).has_value();
        QCPCurve* path = lab_->pathPlot()->path(r);
        int drawn = 0;
        for (const QCPCurveData& d : *path->data())
            drawn += !std::isnan(d.key);
        QCOMPARE(drawn, defined);
        QVERIFY(defined < run.recorded());
    }
    // Plot 1: the GD separators are drawn at the last iteration.
    QCOMPARE(lab_->iteration(), sweep.longest() - 1);
    for (int e = 0; e < 5; ++e)
        QCOMPARE(lab_->dataPlot()->separator(sweep.runIndex(0, e))->dataCount(), 3);
    QVERIFY(lab_->statusText().contains("15 runs finished"));

    if (qEnvironmentVariableIsSet("BPL_SCREENSHOT_DIR")) {
        lab_->setIteration(60);
        QTest::qWait(50);
        const QString dir = qEnvironmentVariable("BPL_SCREENSHOT_DIR");
        QVERIFY(lab_->grab().save(dir + "/logreg_lab.png"));
        QString error;
        QVERIFY(lab_->saveAllPlots(dir + "/logreg_lab_plots.png", error));
    }
}

void TestLogRegLab::sliderMovesEveryPlot() {
    QVERIFY(runAndWait());
    const LogRegSweep& sweep = lab_->sweep();
    const int gd05 = sweep.runIndex(0, 0);
    auto* slider = child<QSlider>("iterationSlider");
    slider->setValue(0);
    // Iteration 0: w = (0.1, 0, 0), the vertical line x₁ = 0, and no (m, b).
    QCPCurve* line = lab_->dataPlot()->separator(gd05);
    // The drawn line runs from 2a − b to 2b − a through the segment a–b the
    // axes show, with η's marker at a point between a and b.
    QCOMPARE(line->dataCount(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(line->data()->at(i)->key, 0.0);
    QCOMPARE(lab_->pathPlot()->currentMarker(gd05)->dataCount(), 0);
    QCOMPARE(child<QLabel>("iterationLabel")->text(),
             QString("iteration 0 of %1").arg(sweep.longest() - 1));

    slider->setValue(50);
    const Eigen::Vector3d& w = sweep.runs[static_cast<std::size_t>(gd05)].weights[50];
    const QCPRange x = lab_->dataPlot()->xAxis->range(), y = lab_->dataPlot()->yAxis->range();
    const auto segment = separatorSegment(w, x.lower, x.upper, y.lower, y.upper);
    QVERIFY(segment.has_value());
    const auto point = [&](int i) {
        return Eigen::Vector2d(line->data()->at(i)->key, line->data()->at(i)->value);
    };
    const Eigen::Vector2d a = (2 * point(0) + point(2)) / 3, b = (point(0) + 2 * point(2)) / 3;
    QVERIFY((a - Eigen::Vector2d(segment->first.x(), segment->first.y())).norm() < 1e-9);
    QVERIFY((b - Eigen::Vector2d(segment->second.x(), segment->second.y())).norm() < 1e-9);
    // η = 0.5 is the first of the η: its marker sits a fifth of the way along.
    QVERIFY((point(1) - (a + 0.2 * (b - a))).norm() < 1e-9);
    const auto mb = separatorSlopeIntercept(w);
    QCOMPARE(lab_->pathPlot()->currentMarker(gd05)->data()->at(0)->key, mb->slope);
    QCOMPARE(lab_->pathPlot()->currentMarker(gd05)->data()->at(0)->value, mb->intercept);
    QVERIFY(lab_->dataPlot()->title().contains("iteration 50"));
}

void TestLogRegLab::clickOnNllPlotPicksIteration() {
    QVERIFY(runAndWait());
    LogRegNllPlot* plot = lab_->nllPlot();
    plot->replot();
    const QPoint pixel(static_cast<int>(std::lround(plot->xAxis->coordToPixel(100))),
                       plot->axisRect()->rect().center().y());
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pixel);
    QVERIFY2(std::abs(lab_->iteration() - 100) <= 1,
             qPrintable(QString::number(lab_->iteration())));
}

void TestLogRegLab::playReplaysToTheEnd() {
    child<QLineEdit>("etasEdit")->setText("0.5, 0.1");
    child<QSpinBox>("maxIterSpin")->setValue(200);
    QVERIFY(runAndWait());
    QSignalSpy changed(lab_.get(), &LogRegLab::iterationChanged);
    auto* play = child<QPushButton>("playButton");
    QTest::mouseClick(play, Qt::LeftButton); // at the end: starts again from 0
    QVERIFY(play->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!play->isChecked(), 60000);
    QCOMPARE(lab_->iteration(), lab_->sweep().longest() - 1);
    QVERIFY(changed.size() > 20); // it went through the iterations, not in one jump
    QCOMPARE(changed.first().at(0).toInt(), 0);
}

void TestLogRegLab::methodSelectorAndLogScale() {
    QVERIFY(runAndWait());
    auto* combo = child<QComboBox>("showCombo");
    QCOMPARE(combo->count(), 3);
    const int sgdIndex = combo->findText("SGD");
    QVERIFY(sgdIndex >= 0);
    combo->setCurrentIndex(sgdIndex);
    emit combo->activated(sgdIndex);
    const LogRegSweep& sweep = lab_->sweep();
    for (int r = 0; r < sweep.runCount(); ++r) {
        QCOMPARE(lab_->nllPlot()->panel()->runVisible(r),
                 sweep.methodOf(r) == LogRegMethod::Stochastic);
        QCOMPARE(lab_->pathPlot()->path(r)->visible(),
                 sweep.methodOf(r) == LogRegMethod::Stochastic);
    }
    QCOMPARE(lab_->nllPlot()->xAxis->label(), QString("epoch"));
    QCOMPARE(lab_->nllPlot()->legend->itemCount(), 5);

    QVERIFY(!lab_->nllPlot()->logScale());
    QTest::mouseClick(child<QCheckBox>("logScaleCheck"), Qt::LeftButton, Qt::NoModifier,
                      QPoint(5, 5));
    QVERIFY(lab_->nllPlot()->logScale());
    QCOMPARE(lab_->comparePlot()->panel(1)->rect()->axis(QCPAxis::atLeft)->scaleType(),
             QCPAxis::stLogarithmic);
}

void TestLogRegLab::hoverShowsValues() {
    QVERIFY(runAndWait());
    LogRegNllPlot* plot = lab_->nllPlot();
    plot->replot();
    const QPointF pixel(plot->xAxis->coordToPixel(10), plot->axisRect()->rect().center().y());
    const QString text = plot->hoverText(pixel);
    const double nll = lab_->sweep().runs[0].nll[10];
    QVERIFY2(text.contains("iteration 10") && text.contains(QString::number(nll, 'g', 6)),
             qPrintable(text));
    QVERIFY(plot->hoverText(QPointF(1, 1)).isEmpty()); // outside the axes
    // The path plot names the run and the iteration of the nearest point.
    LogRegPathPlot* path = lab_->pathPlot();
    path->replot();
    const auto mb = separatorSlopeIntercept(lab_->sweep().runs[4].weights.back());
    const QPointF point(path->xAxis->coordToPixel(mb->slope),
                        path->yAxis->coordToPixel(mb->intercept));
    QVERIFY2(path->hoverText(point).contains("η = 0.01 (GD)"), qPrintable(path->hoverText(point)));
}

void TestLogRegLab::invalidFieldsGiveMessages_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("word in the η list") << "etasEdit"
                                        << "0.5, abc"
                                        << "\"abc\" is not a finite number";
    QTest::newRow("negative η") << "etasEdit"
                                << "0.5, -1"
                                << "learning rate η must be a finite number greater than 0";
    QTest::newRow("empty η list") << "etasEdit"
                                  << " "
                                  << "give from 1 to 10 values";
    QTest::newRow("two start weights") << "initEdit"
                                       << "0.1, 0"
                                       << "expected three numbers";
    QTest::newRow("tolerance not a number") << "tolEdit"
                                            << "small"
                                            << "'small' is not a number";
    QTest::newRow("negative tolerance") << "tolEdit"
                                        << "-1"
                                        << "tolerance must be";
}

void TestLogRegLab::invalidFieldsGiveMessages() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    auto* edit = lab_->findChild<QLineEdit*>(field);
    QVERIFY(edit);
    edit->setText(value);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(!lab_->running());
    QVERIFY2(lab_->statusText().contains(message), qPrintable(lab_->statusText()));
    QCOMPARE(lab_->sweep().runCount(), 0);
}

void TestLogRegLab::badDataFileKeepsTheData() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.txt");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("1 2 0\n3 4 2\n");
    f.close();
    const auto before = lab_->data();
    QVERIFY(!lab_->openData(path));
    QCOMPARE(lab_->data(), before);
    QVERIFY2(lab_->statusText().contains("line 2: label t must be 0 or 1, found 2"),
             qPrintable(lab_->statusText()));
    // A good file replaces the data.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("1 2 0\n3 4 1\n5 5 1\n");
    f.close();
    QVERIFY(lab_->openData(path));
    QCOMPARE(lab_->data()->size(), Eigen::Index(3));
    // Mini-batch B = 10 on 3 points runs with B = 3.
    QVERIFY(runAndWait());
    QCOMPARE(lab_->sweep().runs.back().batchSize, 3);
    QVERIFY(child<QComboBox>("showCombo")->itemText(2).contains("B = 3"));
}

void TestLogRegLab::stopCancelsALongSweep() {
    setUpLongSweep();
    QCOMPARE(lab_->data()->size(), Eigen::Index(160000));
    QVERIFY(lab_->dataPlot()->shownPoints() <= LogRegDataPlot::kMaxShownPoints);
    QSignalSpy finished(lab_.get(), &LogRegLab::sweepFinished);
    QSignalSpy changed(lab_.get(), &LogRegLab::iterationChanged);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(lab_->running());
    QVERIFY(changed.wait(60000));
    QTest::mouseClick(child<QPushButton>("stopButton"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(!lab_->running());
    for (const LogRegRun& run : lab_->sweep().runs) {
        QCOMPARE(run.stopped, LogRegStop::Cancelled);
        QVERIFY(run.recorded() < 10000);
    }
    QVERIFY(lab_->statusText().startsWith("Stopped"));
}

void TestLogRegLab::runAgainRestartsTheSweep() {
    setUpLongSweep();
    QSignalSpy changed(lab_.get(), &LogRegLab::iterationChanged);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(changed.wait(60000));
    QCOMPARE(child<QPushButton>("runButton")->text(), QString("Restart"));
    // A second Run with a short setting replaces the long sweep.
    child<QSpinBox>("maxIterSpin")->setValue(30);
    child<QLineEdit>("etasEdit")->setText("0.1");
    QSignalSpy finished(lab_.get(), &LogRegLab::sweepFinished);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(!finished.isEmpty() || finished.wait(120000));
    QCOMPARE(finished.size(), 1); // only the new sweep reports its end
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(lab_->sweep().runCount(), 3);
    for (const LogRegRun& run : lab_->sweep().runs) {
        QCOMPARE(run.recorded(), 30);
        QCOMPARE(run.stopped, LogRegStop::MaxIter);
    }
    QCOMPARE(child<QPushButton>("runButton")->text(), QString("Run"));
}

void TestLogRegLab::closingDuringASweepReturnsPromptly() {
    setUpLongSweep();
    QSignalSpy changed(lab_.get(), &LogRegLab::iterationChanged);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(changed.wait(60000));
    QVERIFY(lab_->running());
    QVERIFY(lab_->workerBusy());
    const auto ended = test::watchThreadEnd(lab_->workerThread());
    QElapsedTimer clock;
    clock.start();
    lab_.reset();           // as when the window closes: the worker is told to stop and joined
    QVERIFY(ended->load()); // the sweep's thread ended before the lab was gone
    qInfo("closed mid-sweep in %lld ms", static_cast<long long>(clock.elapsed()));
}

void TestLogRegLab::newDataDuringASweepStopsIt() {
    setUpLongSweep();
    QSignalSpy changed(lab_.get(), &LogRegLab::iterationChanged);
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(changed.wait(60000));
    QTest::mouseClick(child<QPushButton>("sampleButton"), Qt::LeftButton);
    QVERIFY(!lab_->running());
    QCOMPARE(lab_->data()->size(), Eigen::Index(200));
    QCOMPARE(lab_->sweep().runCount(), 0);
    // Late reports of the stopped sweep are ignored: wait until the worker has
    // delivered all of them (its end comes after its last report).
    QTRY_VERIFY_WITH_TIMEOUT(!lab_->workerBusy(), 60000);
    QCOMPARE(lab_->sweep().runCount(), 0);
    QCOMPARE(child<QPushButton>("runButton")->text(), QString("Run"));
    child<QSpinBox>("maxIterSpin")->setValue(50);
    QVERIFY(runAndWait()); // and the new data runs normally
    QCOMPARE(lab_->sweep().runs[0].recorded(), 50);
}

void TestLogRegLab::workLimitsAsOnTheCommandLine() {
    // 5 η × 3 methods × 1,000,000 iterations recorded: past logreg's limit
    // (a sweep kept 480 MB); 400,000 points × 1,000 iterations × 15 runs of work.
    child<QSpinBox>("maxIterSpin")->setValue(1000000);
    QVERIFY(!lab_->run());
    QVERIFY(!lab_->running());
    QVERIFY2(lab_->statusText().startsWith(QString::fromStdString(sweepSizeProblem(15, 1000000))),
             qPrintable(lab_->statusText()));
    child<QSpinBox>("gen0CountSpin")->setValue(200000);
    child<QSpinBox>("gen1CountSpin")->setValue(200000);
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
    child<QSpinBox>("maxIterSpin")->setValue(1000);
    QVERIFY(!lab_->run());
    QVERIFY2(lab_->statusText().startsWith(
                 QString::fromStdString(logRegWorkProblem(400000, 1000, 15))),
             qPrintable(lab_->statusText()));
}

void TestLogRegLab::typoAfterARunKeepsTheRuns() {
    QVERIFY(runAndWait());
    const std::vector<double> nll = lab_->sweep().runs[0].nll;
    child<QLineEdit>("etasEdit")->setText("0.5, 0,3");
    QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
    QVERIFY(!lab_->running());
    QVERIFY2(lab_->statusText().contains("greater than 0"), qPrintable(lab_->statusText()));
    QCOMPARE(lab_->sweep().runCount(), 15);
    QVERIFY(lab_->sweep().runs[0].nll == nll);
    QCOMPARE(lab_->nllPlot()->panel()->graph(0)->dataCount(), int(nll.size()));
}

void TestLogRegLab::exportsWriteFiles() {
    QVERIFY(runAndWait());
    QTemporaryDir dir;
    QString error;
    for (const char* suffix : {"png", "pdf", "svg"}) {
        const QString all = dir.filePath(QString("all.%1").arg(suffix));
        QVERIFY2(lab_->saveAllPlots(all, error), qPrintable(error));
        QVERIFY(QFileInfo(all).size() > 1000);
        const QString one = dir.filePath(QString("nll.%1").arg(suffix));
        QVERIFY2(lab_->savePlot(lab_->nllPlot(), one, error), qPrintable(error));
        QVERIFY(QFileInfo(one).size() > 1000);
    }
    const QImage image(dir.filePath("all.png"));
    QCOMPARE(image.size(), QSize(2 * 2 * 900, 2 * 2 * 640)); // 2 × 2 plots at twice the pixels
    QFile svg(dir.filePath("nll.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
    QVERIFY(!lab_->saveAllPlots(dir.filePath("plots.gif"), error));
    QVERIFY(error.contains(".png, .pdf or .svg"));

    const QString csvPath = dir.filePath("runs.csv");
    QVERIFY2(lab_->saveRuns(csvPath, error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    int values = 0;
    for (const LogRegRun& run : lab_->sweep().runs)
        values += run.recorded();
    QCOMPARE(lines.first(),
             QByteArray("method,eta,batch_size,k,nll,w1,w2,w0,slope,intercept,stopped"));
    QCOMPARE(lines.size(), values + 2); // header, rows, and the empty piece after the last newline
    QVERIFY(lines[1].startsWith("gd,0.5,200,0,"));
    QVERIFY(lines[1].contains(",0.1,0,0,,,")); // w₀ = (0.1, 0, 0): slope and intercept empty

    const QString jsonPath = dir.filePath("runs.json");
    QVERIFY2(lab_->saveRuns(jsonPath, error), qPrintable(error));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(o["runs"].toArray().size(), 15);
    QCOMPARE(o["data"].toObject()["points"].toInt(), 200);
}

QTEST_MAIN(TestLogRegLab)
#include "tst_logreg_lab.moc"
