// Issue 18, what a person types is never silently ignored: a split of
// "70, 70" or "60, 20" is refused with the core's message and the old split
// does not train the next run; the inspector's input and target after Return
// are applied or refused with the field showing the network's value, and a
// stale "Not changed: …" goes after a valid change; Clear answers is one undo
// step; a file that cannot be opened asks nothing and keeps the network (a
// good one asks once); the empty confusion plot says why; "Open in the
// stepper" shows the Network tab and the next runs start from the comparison's
// start weights unless the weights now are picked; the convolution's formula
// uses the steps' 1-based indices for every stride and padding, and padding
// is drawn as a zero border.
#include "core/common/number_text.h"
#include "core/maths/convolution.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/check/check_session.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/main_window.h"
#include "gui/maths/convolution_tool.h"
#include "gui/maths/matrix_editor.h"
#include "gui/network_document.h"
#include "gui/network_editor.h"
#include "gui/network_workspace.h"
#include "gui/tab_fit.h"
#include "gui/training/training_confusion_plot.h"
#include "gui/training/training_lab.h"
#include "gui_test_support.h"
#include "io/network_file.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

using namespace bpl;
using namespace bpl::gui;

namespace {

// Closes every dialog that opens while it lives (Escape: Cancel), noting its text.
class DialogWatcher {
  public:
    DialogWatcher() {
        timer_.setInterval(20);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                auto* box = qobject_cast<QMessageBox*>(modal);
                seen_ << (box ? box->text() : modal->windowTitle());
                modal->close();
            }
        });
        timer_.start();
    }
    const QStringList& seen() const { return seen_; }

  private:
    QTimer timer_;
    QStringList seen_;
};

std::vector<double> numbers(const QString& text) {
    std::vector<double> out;
    std::string error;
    parseNumberList(text.toStdString(), out, error, true);
    return out;
}

std::vector<double> numbers(const Eigen::VectorXd& v) {
    return std::vector<double>(v.data(), v.data() + v.size());
}

} // namespace

class TestTypedInput : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { test::isolateSettings(settingsDir_); }
    void init();
    void cleanup();
    void splitIsRefusedWithTheCoresMessage();
    void inspectorAppliesOrRefusesWhatIsTyped();
    void clearAnswersIsOneUndoStep();
    void failedOpenAsksNothingAndKeepsTheNetwork();
    void confusionPlotSaysWhyItIsEmpty();
    void openInStepperThenRunStartsFromTheComparisonsStart();
    void convolutionFormulaIsOneBased_data();
    void convolutionFormulaIsOneBased();

  private:
    bool loadSpiral();
    TrainingLab* training();
    bool runAndWait(int epochs);
    QTemporaryDir settingsDir_;
    QTemporaryDir files_;
    std::unique_ptr<MainWindow> window_;
};

void TestTypedInput::init() {
    window_ = test::openSheet5(false, QSize(1024, 768));
    QVERIFY(window_);
}

void TestTypedInput::cleanup() {
    if (auto* controller = window_->findChild<CheckController*>())
        controller->session()->clear();
    window_->document()->undoStack()->setClean(); // close without asking
    window_.reset();
}

bool TestTypedInput::loadSpiral() {
    const auto parsed = io::parseNetwork(QByteArray(test::kSpiralNet), "spiral.json");
    if (!parsed)
        return false;
    window_->document()->load(parsed.value(), QString(), "spiral");
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
    QApplication::processEvents();
    return true;
}

TrainingLab* TestTypedInput::training() {
    return window_->tabs()->findChild<TrainingLab*>();
}

bool TestTypedInput::runAndWait(int epochs) {
    TrainingLab* lab = training();
    lab->findChild<QSpinBox*>("epochsSpin")->setValue(epochs);
    QSignalSpy finished(lab, &TrainingLab::comparisonFinished);
    if (!lab->run())
        return false;
    return (!finished.isEmpty() || finished.wait(120000)) && !finished.first().first().toBool();
}

void TestTypedInput::splitIsRefusedWithTheCoresMessage() {
    QVERIFY(loadSpiral());
    TrainingLab* lab = training();
    QVERIFY(lab->prepareData());
    QVERIFY(lab->session().split);
    auto* split = lab->findChild<QLineEdit*>("splitEdit");
    for (const QString typed : {"70, 70", "60, 20"}) {
        split->setText(typed);
        emit split->editingFinished();
        const QString expected =
            "expected three whole percentages (training, validation, test), found '" + typed + "'";
        QVERIFY2(lab->statusText().contains(expected), qPrintable(lab->statusText()));
        for (QLabel* l : lab->findChildren<QLabel*>()) // no old split described
            QVERIFY2(!l->text().contains(" training, "), qPrintable(l->text()));
        // Run does not train on the split that was there before.
        QVERIFY(!lab->run());
        QVERIFY(!lab->running());
        QVERIFY2(lab->statusText().contains(expected), qPrintable(lab->statusText()));
    }
    split->setText("60, 30, 20");
    QVERIFY(!lab->run());
    QVERIFY2(
        lab->statusText().contains("the split's parts must add up to 100 percent, found 60,30,20"),
        qPrintable(lab->statusText()));
    split->setText("50; 25 25");
    QVERIFY2(lab->prepareData(), qPrintable(lab->statusText()));
    const int n = lab->session().data->sampleCount();
    QCOMPARE(lab->session().split->train.sampleCount(), n / 2);
}

void TestTypedInput::inspectorAppliesOrRefusesWhatIsTyped() {
    NetworkDocument* doc = window_->document();
    doc->setSelection(Selection{});
    InspectorPanel* inspector = window_->workspace()->inspector();
    auto* input = inspector->findChild<QLineEdit*>("inputEdit");
    auto* target = inspector->findChild<QLineEdit*>("targetEdit");
    QVERIFY(input && target);
    QVERIFY(input->isVisible());
    auto type = [](QLineEdit* field, const QString& text) {
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
        QApplication::processEvents();
    };
    // −5 for three inputs, 2 for a sigmoid output's target: whatever the
    // network does with them, the field shows what it has.
    type(input, "-5");
    QCOMPARE(numbers(input->text()), numbers(doc->network().sample.input));
    QVERIFY2(window_->statusBar()->currentMessage().startsWith("Not changed:"),
             qPrintable(window_->statusBar()->currentMessage()));
    QVERIFY(window_->statusBar()->currentMessage().contains("input"));
    type(target, "2");
    QCOMPARE(numbers(target->text()), numbers(doc->network().sample.target));
    // A valid change goes through and the old refusal is not left standing.
    type(input, "-5");
    QVERIFY(window_->statusBar()->currentMessage().startsWith("Not changed:"));
    std::vector<double> wanted = numbers(doc->network().sample.input);
    wanted[0] += 1;
    QStringList parts;
    for (double v : wanted)
        parts << QString::number(v);
    type(input, parts.join(", "));
    QCOMPARE(numbers(doc->network().sample.input), wanted);
    QCOMPARE(numbers(input->text()), wanted);
    QVERIFY2(!window_->statusBar()->currentMessage().startsWith("Not changed:"),
             qPrintable(window_->statusBar()->currentMessage()));
}

void TestTypedInput::clearAnswersIsOneUndoStep() {
    auto* controller = window_->findChild<CheckController*>();
    controller->setCheckMode(true);
    CheckPanel* panel = controller->panel();
    panel->setShowAllSteps(true);
    CheckSession* session = controller->session();
    QVERIFY(panel->entries().size() >= 3);
    const QStringList typed{"0.5", "−0.8", "0,25"};
    for (int k = 0; k < 3; ++k)
        session->setText(panel->entries()[std::size_t(k)]->ref(), typed[k]);
    QVERIFY(!session->isEmpty());
    auto* clear = window_->findChild<QAction*>("actionClearAnswers");
    QVERIFY(clear);
    QUndoStack* stack = window_->document()->undoStack();
    DialogWatcher dialogs;
    clear->trigger();
    QApplication::processEvents();
    QVERIFY2(dialogs.seen().isEmpty(), qPrintable(dialogs.seen().join(" | ")));
    QVERIFY(session->isEmpty());
    QVERIFY(stack->canUndo());
    QCOMPARE(stack->undoText(), QString("Clear answers"));
    stack->undo();
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(session->text(panel->entries()[std::size_t(k)]->ref()), typed[k]);
        QCOMPARE(panel->entries()[std::size_t(k)]->text(), typed[k]);
    }
    stack->redo();
    QVERIFY(session->isEmpty());
}

void TestTypedInput::failedOpenAsksNothingAndKeepsTheNetwork() {
    NetworkDocument* doc = window_->document();
    const QString path = files_.filePath("net.json");
    auto write = [&path](const QByteArray& bytes) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write(test::kSpiralNet));
    QVERIFY(window_->openFile(path)); // now in File ▸ Recent
    QVERIFY(window_->workspace()->editor()->setWeight(1, 0, 0, 0.123));
    QVERIFY(doc->isModified());
    // The file goes bad; opening it from Recent asks nothing, keeps the network.
    QVERIFY(write("{\"format\": \"backprop-lab.network/1\", \"layers\": ["));
    auto openRecent = [this, &path] {
        auto* recent = window_->findChild<QMenu*>("menuRecent");
        for (QAction* a : recent ? recent->actions() : QList<QAction*>()) {
            if (a->statusTip() == QDir::toNativeSeparators(path)) {
                a->trigger();
                QApplication::processEvents();
                return true;
            }
        }
        return false;
    };
    {
        DialogWatcher dialogs;
        QVERIFY(openRecent());
        QVERIFY2(dialogs.seen().isEmpty(), qPrintable(dialogs.seen().join(" | ")));
    }
    QVERIFY(doc->isModified());
    QCOMPARE(doc->network().layers[1].weights(0, 0), 0.123);
    // Readable again: it asks once; Cancel keeps the network.
    QVERIFY(write(test::kSpiralNet));
    {
        DialogWatcher dialogs;
        QVERIFY(openRecent());
        QCOMPARE(dialogs.seen().size(), 1);
        QVERIFY(dialogs.seen().first().contains("unsaved changes"));
    }
    QCOMPARE(doc->network().layers[1].weights(0, 0), 0.123);
}

void TestTypedInput::confusionPlotSaysWhyItIsEmpty() {
    // The 3-2-1 sigmoid network with the half squared error: its targets are
    // read as values, so a data file of 0/1 targets has no classes to count.
    NetworkDocument* doc = window_->document();
    QVERIFY(window_->workspace()->editor()->setLoss(Loss::HalfSquaredError));
    window_->tabs()->setCurrentIndex(findTab(window_->tabs(), "training"));
    TrainingLab* lab = training();
    const QString path = files_.filePath("values.csv");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("0, 0, 0, 0\n1, 0, 1, 1\n0, 1, 0, 1\n1, 1, 1, 0\n0.5, 0.5, 0, 1\n");
    f.close();
    QVERIFY2(lab->openData(path), qPrintable(lab->statusText()));
    QCOMPARE(doc->network().outputSize(), 1);
    const QString why = lab->confusionPlot()->summary();
    QVERIFY2(why.contains("the data has 1 output column of values, not class labels") &&
                 why.contains("the network has 1 output unit (sigmoid)") &&
                 why.contains("half_squared_error"),
             qPrintable(why + " / " + lab->statusText()));
    QVERIFY(!why.contains("regression: no classes"));
}

void TestTypedInput::openInStepperThenRunStartsFromTheComparisonsStart() {
    QVERIFY(loadSpiral());
    TrainingLab* lab = training();
    auto* combo = lab->findChild<QComboBox*>("dataCombo");
    combo->setCurrentIndex(combo->findData("spiral"));
    lab->findChild<QSpinBox*>("pointsSpin")->setValue(100);
    emit lab->findChild<QSpinBox*>("pointsSpin")->editingFinished();
    NetworkDocument* doc = window_->document();
    const Network original = doc->network();
    QVERIFY2(runAndWait(6), qPrintable(lab->statusText()));
    lab->setEpoch(6);
    QVERIFY(lab->openInStepper());
    QApplication::processEvents();
    QCOMPARE(window_->tabs()->currentIndex(), findTab(window_->tabs(), "network"));
    const Network trained = doc->network();
    QVERIFY(trained.layers[1].weights != original.layers[1].weights);
    auto* info = lab->findChild<QLabel*>("runStartInfo");
    QVERIFY(info);
    QVERIFY2(info->text().contains("the last comparison started from"), qPrintable(info->text()));
    // The next Run: from the comparison's start, not from the trained weights.
    QVERIFY2(runAndWait(3), qPrintable(lab->statusText()));
    for (int l = 1; l < original.layerCount(); ++l) {
        QVERIFY(lab->session().start.layers[l].weights == original.layers[l].weights);
        QVERIFY(lab->session().start.layers[l].bias == original.layers[l].bias);
    }
    QVERIFY(doc->network().layers[1].weights == trained.layers[1].weights);
    // Picking the weights now trains on from them.
    auto* start = lab->findChild<QComboBox*>("runStartCombo");
    start->setCurrentIndex(start->findData("network"));
    QVERIFY2(info->text().contains("Network tab's weights now"), qPrintable(info->text()));
    QVERIFY2(runAndWait(3), qPrintable(lab->statusText()));
    QVERIFY(lab->session().start.layers[1].weights == trained.layers[1].weights);
}

void TestTypedInput::convolutionFormulaIsOneBased_data() {
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::addColumn<QString>("operation");
    QTest::newRow("s 1, p 0") << 1 << 0 << "F_ij = Σ_uv W_uv · X_(i + u − 1)(j + v − 1)";
    QTest::newRow("s 1, p 1") << 1 << 1 << "F_ij = Σ_uv W_uv · X_(i + u − 2)(j + v − 2)";
    QTest::newRow("s 2, p 0") << 2 << 0 << "F_ij = Σ_uv W_uv · X_(2(i − 1) + u)(2(j − 1) + v)";
    QTest::newRow("s 2, p 2") << 2 << 2
                              << "F_ij = Σ_uv W_uv · X_(2(i − 1) + u − 2)(2(j − 1) + v − 2)";
    QTest::newRow("s 3, p 1") << 3 << 1
                              << "F_ij = Σ_uv W_uv · X_(3(i − 1) + u − 1)(3(j − 1) + v − 1)";
}

void TestTypedInput::convolutionFormulaIsOneBased() {
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(QString, operation);
    ConvolutionTool tool;
    tool.resize(1000, 700);
    tool.show();
    tool.findChild<QSpinBox*>("strideSpin")->setValue(stride);
    tool.findChild<QSpinBox*>("paddingSpin")->setValue(padding);
    QVERIFY2(tool.convolution(), qPrintable(tool.errorText()));
    const QString heading = tool.findChild<QLabel*>("convolutionOperation")->text();
    QVERIFY2(heading.contains(operation), qPrintable(heading));
    // The rule of the heading, with the 1-based indices of every step and term:
    // X's row s(i − 1) + u − p (row 0 and less: the padding).
    const Convolution& c = *tool.convolution();
    for (const ConvElementStep& step : c.forward) {
        for (const ConvTerm& t : step.terms) {
            const int i = t.i + 1, j = t.j + 1, u = t.u + 1, v = t.v + 1;
            QCOMPARE(t.p + 1, stride * (i - 1) + u - padding);
            QCOMPARE(t.q + 1, stride * (j - 1) + v - padding);
        }
    }
    // F₁₁ starts with W₁₁ times X at row and column 1 − p.
    QVERIFY(c.forward[0].terms[0].u == 0 && c.forward[0].terms[0].v == 0);
    // The padding, drawn: X inside a border of zeros, the window on it.
    MatrixEditor* padded = tool.paddedInputView();
    QCOMPARE(padded->isVisible(), padding > 0);
    if (padding > 0) {
        QCOMPARE(padded->rowCount(), 5 + 2 * padding);
        QCOMPARE(padded->columnCount(), 5 + 2 * padding);
        for (int k = 0; k < padded->rowCount(); ++k) {
            QCOMPARE(padded->cellText(0, k), QString("0"));
            QCOMPARE(padded->cellText(k, padded->columnCount() - 1), QString("0"));
        }
        QCOMPARE(padded->cellText(padding, padding), QString("4")); // X₁₁
        // Numbered as the formula numbers X: the border is row 0 (and less).
        QCOMPARE(padded->verticalHeaderItem(padding)->text(), QString("1"));
        QCOMPARE(padded->verticalHeaderItem(0)->text(), QString::number(1 - padding));
        QCOMPARE(padded->horizontalHeaderItem(0)->text(), QString::number(1 - padding));
        tool.home();
        QVERIFY(padded->isHighlighted(0, 0)); // F₁₁'s window starts in the padding
        QVERIFY(padded->isHighlighted(2, 2));
    }
    // The flipped kernel: u = 1 takes W's last row.
    tool.modeCombo()->setCurrentIndex(
        tool.modeCombo()->findData(int(ConvolutionMode::Convolution)));
    QVERIFY(tool.findChild<QLabel*>("convolutionOperation")->text().contains("W_(4−u)(4−v)"));
}

int main(int argc, char** argv) {
    QTemporaryDir dir;
    if (!test::useOffscreenScreen(dir, 1024, 768))
        return 1;
    QApplication app(argc, argv);
    TestTypedInput test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_typed_input.moc"
