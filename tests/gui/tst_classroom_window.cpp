// Issue 11 in the window, on an offscreen screen of 1024×768 (the smallest a
// classroom has): the window opens inside it and no tab needs more; presentation
// mode at 1280×720 never draws canvas text under 14 px; weight boxes keep off
// neuron labels; Check mode with "All steps" shows no answer on the canvas; an
// invalid target is refused in the Inspector with the file's reason; a saved
// file always reopens; the hidden-layer actions, the decision, the truth table,
// the layer heading, wrapping details, log-scale ticks and Save answers' folder.
#include "core/network_edit.h"
#include "core/sample_rules.h"
#include "gui/canvas/canvas_content.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/layer_label_item.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas/neuron_item.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/details/details_panel.h"
#include "gui/details/formula_view.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/logreg/logreg_nll_panel.h"
#include "gui/network_editor.h"
#include "gui/tab_fit.h"
#include "gui/widen_dialog.h"
#include "gui_test_support.h"
#include "io/network_file.h"
#include "support/sheet5_network.h"

#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <qcustomplot.h>

using namespace bpl;
using namespace bpl::gui;

class TestClassroomWindow : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void windowOpensInsideTheScreen();
    void everyTabFitsTheScreen();
    void presentationTextIsLegibleAt1280x720();
    void weightBoxesKeepOffNeuronLabels();
    void checkModeAllStepsHidesEveryAnswer();
    void invalidTargetRefusedInTheInspector();
    void savedFileAlwaysReopens();
    void hiddenLayerActionsAreOneUndoStep();
    void variedCopiesLetTheChainCarryTheGradient();
    void decisionAndTruthTableOnTheCanvas();
    void layerHeadingSaysTheActivationOnce();
    void detailsWrapLongText();
    void logScaleHasTicksWithinADecade();
    void saveAnswersStartsBesideTheNetwork();

  private:
    std::unique_ptr<MainWindow> sheet5(const QSize& size);
    QTemporaryDir settings_;
};

void TestClassroomWindow::initTestCase() {
    test::isolateSettings(settings_);
    const QScreen* screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    QCOMPARE(screen->geometry().size(), QSize(1024, 768));
}

std::unique_ptr<MainWindow> TestClassroomWindow::sheet5(const QSize& size) {
    auto window = std::make_unique<MainWindow>();
    window->setFitsScreen(false);
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    if (!window->openExample("sheet5_321_sigmoid"))
        return nullptr;
    window->setNotation("standard");
    window->setPrecision(6);
    QApplication::processEvents();
    return window;
}

void TestClassroomWindow::windowOpensInsideTheScreen() {
    // It used to open at 1400×900 on this 1024×768 screen.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::processEvents();
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.frameGeometry()),
             qPrintable(QString("%1×%2 at (%3, %4)")
                            .arg(window.frameGeometry().width())
                            .arg(window.frameGeometry().height())
                            .arg(window.frameGeometry().x())
                            .arg(window.frameGeometry().y())));
}

void TestClassroomWindow::everyTabFitsTheScreen() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize screen = window.screen()->availableGeometry().size();
    QTabWidget* tabs = window.tabs();
    QVERIFY(tabIds(tabs).contains("network") && tabIds(tabs).contains("logreg"));
    for (int k = 0; k < tabs->count(); ++k) {
        tabs->setCurrentIndex(k);
        QApplication::processEvents();
        const QSize tab = tabs->widget(k)->minimumSizeHint();
        const QSize whole = window.minimumSizeHint();
        const QString what = QString("tab %1: tab %2×%3, window %4×%5")
                                 .arg(tabId(tabs->widget(k)))
                                 .arg(tab.width())
                                 .arg(tab.height())
                                 .arg(whole.width())
                                 .arg(whole.height());
        QVERIFY2(tab.width() <= screen.width() && tab.height() <= screen.height(),
                 qPrintable(what));
        QVERIFY2(whole.width() <= screen.width() && whole.height() <= screen.height(),
                 qPrintable(what));
        // And the window really fits: nothing is cut off at the right or the bottom.
        QVERIFY2(window.frameGeometry().width() <= screen.width(), qPrintable(what));
    }
}

void TestClassroomWindow::presentationTextIsLegibleAt1280x720() {
    auto window = sheet5(QSize(1280, 720));
    QVERIFY(window);
    window->setPresenting(true);
    QApplication::processEvents();
    NetworkView* view = window->workspace()->view();
    view->fitToWindow();
    NetworkDocument* doc = window->document();
    for (int p = 0; p <= doc->lastPosition(); ++p) {
        doc->setPosition(p);
        QApplication::processEvents();
        QVERIFY2(view->smallestTextPixels() >= 14.0,
                 qPrintable(QString("step %1: %2 px").arg(p).arg(view->smallestTextPixels())));
    }
    // The canvas has the screen: no panel takes it (it was 400×240 px of the window).
    QVERIFY(!window->workspace()->details()->isVisible());
    QVERIFY(view->viewport()->height() > 720 / 2);
    QVERIFY(view->viewport()->width() > 1280 * 9 / 10);
    window->setPresenting(false);
    QVERIFY(window->workspace()->details()->isVisible());
    QCOMPARE(view->minimumTextPixels(), 0.0);
}

void TestClassroomWindow::weightBoxesKeepOffNeuronLabels() {
    auto window = sheet5(QSize(1920, 1080));
    QVERIFY(window);
    NetworkScene* scene = window->workspace()->scene();
    NetworkDocument* doc = window->document();
    auto checkAll = [&](const QString& when) {
        const Network& net = doc->network();
        for (int l = 1; l < net.layerCount(); ++l) {
            for (int i = 0; i < net.layers[l].size; ++i) {
                for (int j = 0; j < net.layers[l - 1].size; ++j) {
                    const QRectF box =
                        scene->edgeLabelItem(l, i, j)->sceneBoundingRect().adjusted(2, 2, -2, -2);
                    for (int side : {l - 1, l}) {
                        for (int k = 0; k < net.layers[side].size; ++k) {
                            const QRectF text = scene->neuronItem(side, k)->textSceneRect();
                            QVERIFY2(
                                !box.intersects(text),
                                qPrintable(QString("%1: the box of w%2%3 (layer %4) covers the "
                                                   "text of neuron %5 of layer %6")
                                               .arg(when)
                                               .arg(i + 1)
                                               .arg(j + 1)
                                               .arg(l)
                                               .arg(k + 1)
                                               .arg(side)));
                        }
                    }
                }
            }
        }
    };
    for (int p = 0; p <= doc->lastPosition(); ++p) {
        doc->setPosition(p);
        checkAll(QString("step %1").arg(p));
    }
    window->workspace()->applyUpdate();
    for (int p = 0; p <= doc->lastPosition(); ++p) {
        doc->setPosition(p);
        checkAll(QString("after the update, step %1").arg(p));
    }
}

void TestClassroomWindow::checkModeAllStepsHidesEveryAnswer() {
    auto window = sheet5(QSize(1280, 800));
    QVERIFY(window);
    auto* check = window->findChild<CheckController*>();
    QVERIFY(check);
    check->setCheckMode(true);
    check->panel()->setShowAllSteps(true);
    NetworkDocument* doc = window->document();
    NetworkScene* scene = window->workspace()->scene();
    // Every value the exercise asks for (section 1), none of which may be on the canvas.
    const QStringList answers = {"0.31",     "0.576885", "0.430454", "0.0292863",
                                 "0.507321", "0.707898", "0.0247663"};
    for (int p : {0, 3, doc->lastPosition()}) {
        doc->setPosition(p);
        QStringList shown;
        for (int l = 0; l < doc->network().layerCount(); ++l) {
            for (int i = 0; i < doc->network().layers[l].size; ++i) {
                const NeuronContent& c = scene->neuronItem(l, i)->content();
                shown << c.caption;
                for (const ValueLine& line : c.lines)
                    shown << line.text;
            }
        }
        shown << scene->lossItem()->lines();
        const QString all = shown.join(" | ");
        for (const QString& a : answers)
            QVERIFY2(!all.contains(a),
                     qPrintable(QString("step %1 shows %2: %3").arg(p).arg(a, all)));
    }
    // Without "All steps", the values before the current step show again.
    check->panel()->setShowAllSteps(false);
    doc->setPosition(doc->forwardEndPosition());
    QVERIFY(scene->neuronItem(1, 0)->content().lines.size() > 0);
    QString layer1;
    for (const ValueLine& line : scene->neuronItem(1, 0)->content().lines)
        layer1 += line.text;
    QVERIFY2(layer1.contains("0.576885"), qPrintable(layer1));
    check->setCheckMode(false);
}

void TestClassroomWindow::invalidTargetRefusedInTheInspector() {
    auto window = sheet5(QSize(1280, 800));
    QVERIFY(window);
    NetworkEditor* editor = window->workspace()->editor();
    QSignalSpy refused(editor, &NetworkEditor::refused);
    const int undoSteps = window->document()->undoStack()->count();
    // Through the Inspector's target field, as a user types it.
    window->document()->setSelection(Selection{});
    auto* targetEdit = window->workspace()->inspector()->findChild<QLineEdit*>("targetEdit");
    QVERIFY(targetEdit);
    targetEdit->setText("2");
    emit targetEdit->editingFinished();
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().first().toString(),
             QString("binary_cross_entropy targets must lie in [0, 1]; target 1 is 2"));
    QCOMPARE(window->document()->network().sample.target[0], 0.0);
    QCOMPARE(window->document()->undoStack()->count(), undoSteps);
    QVERIFY(!editor->setTarget(0, -1));
    // Softmax: the whole target at once, and the same reason as the file's.
    QVERIFY(window->openExample("softmax_3class"));
    refused.clear();
    QVERIFY(!editor->setSample(window->document()->network().sample.input,
                               Eigen::Vector3d(0.5, 0.9, 0.3)));
    QCOMPARE(refused.first().first().toString(),
             QString("cross_entropy targets must be non-negative and sum to 1; they sum to 1.7"));
    QVERIFY(
        !editor->setSample(window->document()->network().sample.input, Eigen::Vector3d(-1, 2, 0)));
    QVERIFY(
        editor->setSample(window->document()->network().sample.input, Eigen::Vector3d(0, 0, 1)));
}

void TestClassroomWindow::savedFileAlwaysReopens() {
    auto window = sheet5(QSize(1280, 800));
    QVERIFY(window);
    QTemporaryDir dir;
    NetworkEditor* editor = window->workspace()->editor();
    int saves = 0;
    auto saveAndReopen = [&](const QString& when) {
        const QString path = dir.filePath(QString("n%1.json").arg(saves++));
        QVERIFY2(window->saveTo(path), qPrintable(when));
        const auto reopened = io::loadNetwork(path);
        QVERIFY2(reopened.ok(), qPrintable(when + ": " +
                                           QString::fromStdString(
                                               reopened.ok() ? "" : reopened.error().message())));
    };
    saveAndReopen("as opened");
    QVERIFY(editor->setLoss(Loss::HalfSquaredError));
    QVERIFY(editor->setTarget(0, 2)); // fine for a squared error
    saveAndReopen("target 2 with half squared error");
    QVERIFY(!editor->setLoss(Loss::BinaryCrossEntropy)); // would make the target invalid
    QVERIFY(editor->setTarget(0, 1));
    QVERIFY(editor->setLoss(Loss::BinaryCrossEntropy));
    window->workspace()->applyUpdate();
    QVERIFY(editor->addNeuron(1, 2));
    ActivationFunction relu;
    relu.kind = Activation::Relu;
    QVERIFY(editor->insertLayerAt(2));
    QVERIFY(editor->setHiddenActivations(relu));
    saveAndReopen("after edits");
    // Undo all the way back, saving on the way.
    while (window->document()->undoStack()->canUndo()) {
        window->document()->undoStack()->undo();
        saveAndReopen(QString("undo to %1").arg(window->document()->undoStack()->index()));
    }
    // A network no loader would accept is not written at all.
    Network broken = window->document()->network();
    broken.sample.target[0] = 3;
    window->document()->setNetwork(broken);
    const QString path = dir.filePath("broken.json");
    QVERIFY(!window->saveTo(path));
    QVERIFY(!QFile::exists(path));
}

void TestClassroomWindow::hiddenLayerActionsAreOneUndoStep() {
    auto window = sheet5(QSize(1280, 800));
    QVERIFY(window);
    QVERIFY(window->openExample("vanishing_chain_153"));
    NetworkDocument* doc = window->document();
    QCOMPARE(doc->network().layerCount(), 153);
    auto* hidden = window->findChild<QMenu*>("menuHiddenLayers");
    QVERIFY(hidden);
    emit hidden->aboutToShow();
    QMenu* all = nullptr;
    for (QAction* a : hidden->actions()) {
        if (a->menu())
            all = a->menu();
    }
    QVERIFY(all);
    QAction* relu = nullptr;
    for (QAction* a : all->actions()) {
        if (a->data().toInt() == int(Activation::Relu))
            relu = a;
    }
    QVERIFY(relu);
    const int before = doc->undoStack()->count();
    relu->trigger();
    QCOMPARE(doc->undoStack()->count(), before + 1);
    for (int l = 1; l < doc->network().lastLayer(); ++l)
        QVERIFY(doc->network().layers[l].activation.kind == Activation::Relu);
    doc->undoStack()->undo();
    for (int l = 1; l < doc->network().lastLayer(); ++l)
        QVERIFY(doc->network().layers[l].activation.kind == Activation::Sigmoid);
    // Two units wide: one step, the same output.
    const Network widenBefore = doc->network();
    const double output = doc->trace().forward.output()[0];
    QAction* widen = hidden->findChild<QAction*>("actionWidenHidden");
    QVERIFY(widen && widen->isEnabled());
    widen->trigger();
    QCOMPARE(doc->network().layers[1].size, 2);
    QCOMPARE(doc->undoStack()->count(), before + 1);
    QVERIFY(std::abs(doc->trace().forward.output()[0] - output) <=
            1e-12 * std::max(1.0, std::abs(output)));
    // The copies varied (the dialog accepted with its defaults, ±10 %, seed 1):
    // one undo step named with its settings; each copy differs from its unit.
    doc->undoStack()->undo();
    emit hidden->aboutToShow();
    QAction* varied = hidden->findChild<QAction*>("actionWidenHiddenVaried");
    QVERIFY(varied && varied->isEnabled());
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<WidenDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->perturbation(), 0.1);
        QCOMPARE(dialog->seed(), std::uint64_t(1));
        dialog->accept();
    });
    varied->trigger();
    QCOMPARE(doc->undoStack()->count(), before + 1);
    QCOMPARE(doc->undoStack()->text(before),
             QString("Make the hidden layers two units wide (copies ±10 %, seed 1)"));
    const Network& wide = doc->network();
    QCOMPARE(wide.layers[1].size, 2);
    QVERIFY(wide.layers[1].weights(1, 0) != wide.layers[1].weights(0, 0));
    QVERIFY(std::abs(wide.layers[1].weights(1, 0) / wide.layers[1].weights(0, 0) - 1) <= 0.1);
    QVERIFY(wide.layers[1].weights ==
            widenHiddenLayers(widenBefore, 2, 0.1, 1).value().layers[1].weights);
}

// Section 3's chain made ReLU: every even layer is dead (a = −1.2·0.1 + 0.1 =
// −0.02), so the gradient stops at layer 151. Two units wide with the copies
// varied by ±10 %, seed 111, layer 150's copy is alive beside its dead unit and
// carries the gradient on to layer 149. Expected values from the rule written
// out in NumPy with the reference generator (tests/reference/split_mix64.py):
// a⁽¹⁵⁰⁾ = (−0.6·0.1 − 0.6·0.0928296 + 0.1, …) = (−0.0156978, 0.00126618),
// δ⁽¹⁵⁰⁾ = (0, 0.110196).
void TestClassroomWindow::variedCopiesLetTheChainCarryTheGradient() {
    auto window = sheet5(QSize(1280, 800));
    QVERIFY(window);
    QVERIFY(window->openExample("vanishing_chain_153"));
    NetworkDocument* doc = window->document();
    NetworkEditor* editor = window->workspace()->editor();
    QVERIFY(editor);
    ActivationFunction relu;
    relu.kind = Activation::Relu;
    QVERIFY(editor->setHiddenActivations(relu));
    QVERIFY(editor->widenHiddenLayers());
    const Trace same = doc->trace();
    QVERIFY(same.gradients.delta[151].cwiseAbs().minCoeff() > 0);
    QCOMPARE(same.gradients.delta[150].cwiseAbs().maxCoeff(), 0.0); // every path dead
    doc->undoStack()->undo();
    QVERIFY(editor->widenHiddenLayers(0.1, 111));
    const Trace t = doc->trace();
    const Eigen::VectorXd& a = t.forward.a[150];
    QVERIFY2(std::abs(a[0] - -0.01569776065504708) < 1e-12, qPrintable(QString::number(a[0])));
    QVERIFY2(std::abs(a[1] - 0.00126617581828453) < 1e-12, qPrintable(QString::number(a[1])));
    const Eigen::VectorXd& d = t.gradients.delta[150];
    QCOMPARE(d[0], 0.0);
    QVERIFY2(std::abs(d[1] - 0.11019626379784149) < 1e-12, qPrintable(QString::number(d[1])));
    QVERIFY(std::abs(t.gradients.delta[149][0] - -0.06166433068642055) < 1e-12);
    QVERIFY(std::abs(t.gradients.delta[149][1] - -0.06026531555458467) < 1e-12);
}

void TestClassroomWindow::decisionAndTruthTableOnTheCanvas() {
    auto window = sheet5(QSize(1280, 800));
    QVERIFY(window);
    NetworkScene* scene = window->workspace()->scene();
    NetworkDocument* doc = window->document();
    doc->setPosition(0);
    QVERIFY(!scene->lossItem()->lines().join('\n').contains("Decision"));
    doc->setPosition(doc->forwardEndPosition());
    QVERIFY2(scene->lossItem()->lines().contains("Decision:") &&
                 scene->lossItem()->lines().contains("z₁⁽²⁾ = 0.507321 ≤ 0.6 → class 0"),
             qPrintable(scene->lossItem()->lines().join('\n')));
    QVERIFY(scene->truthTableText().isEmpty());
    QVERIFY(window->openExample("xor_step"));
    const QString table = scene->truthTableText();
    QVERIFY2(table.contains("Truth table") && table.contains("z₁⁽¹⁾") && table.contains("z₂⁽¹⁾"),
             qPrintable(table));
}

void TestClassroomWindow::layerHeadingSaysTheActivationOnce() {
    Network net = test::sheet5();
    net.layers[1].activation.kind = Activation::Relu;
    const Trace trace = traceNetwork(net);
    QCOMPARE(layerSubtitle(trace, 1), QString("2 × ReLU")); // was "2 × ReLU relu"
    QCOMPARE(layerSubtitle(trace, 2), QString("output, 1 × σ sigmoid"));
}

void TestClassroomWindow::detailsWrapLongText() {
    auto window = sheet5(QSize(1024, 700));
    QVERIFY(window);
    window->document()->setPosition(0); // the start: the exercise's long description
    FormulaView* view = window->workspace()->details()->formulaView();
    view->resize(300, 200);
    QApplication::processEvents();
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
}

void TestClassroomWindow::logScaleHasTicksWithinADecade() {
    QCustomPlot plot;
    plot.resize(400, 300);
    LogRegNllPanel panel(&plot, plot.axisRect());
    panel.setLogScale(true);
    QCPAxis* y = plot.axisRect()->axis(QCPAxis::atLeft);
    for (const QCPRange& range : {QCPRange(0.25, 0.7), QCPRange(0.05, 0.7), QCPRange(1e-4, 0.7)}) {
        y->setRange(range);
        plot.replot();
        const QVector<double> ticks = y->tickVector();
        QVERIFY2(ticks.size() >= 3, qPrintable(QString("%1 ticks in [%2, %3]")
                                                   .arg(ticks.size())
                                                   .arg(range.lower)
                                                   .arg(range.upper)));
        QVERIFY(ticks.front() >= range.lower && ticks.back() <= range.upper);
        // Labels in the lower part too (on the log axis: the lowest quarter of the range).
        QVERIFY(std::log(ticks.front() / range.lower) < 0.25 * std::log(range.upper / range.lower));
    }
}

void TestClassroomWindow::saveAnswersStartsBesideTheNetwork() {
    auto window = sheet5(QSize(1280, 800));
    QVERIFY(window);
    QTemporaryDir dir;
    const QString path = dir.filePath("exercise.json");
    QVERIFY(window->saveTo(path));
    QVERIFY(window->openFile(path));
    auto* check = window->findChild<CheckController*>();
    QVERIFY(check);
    QCOMPARE(check->suggestedAnswersPath(),
             QFileInfo(path).absolutePath() + "/exercise-answers.json");
}

int main(int argc, char** argv) {
    QTemporaryDir dir; // a 1024×768 screen
    if (!test::useOffscreenScreen(dir, 1024, 768))
        return 1;
    QApplication app(argc, argv);
    TestClassroomWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_classroom_window.moc"
