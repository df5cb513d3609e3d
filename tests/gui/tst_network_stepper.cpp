// The stepper on the 3-2-1 exercise (teaching-content.md section 1): Space and
// the arrow keys move one step, the highlighted layer and the numbers on the
// canvas and in the details panel follow, and they are the hand-worked values
// and the core's trace, step by step, forward and back.
#include "gui/canvas/canvas_content.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/layer_label_item.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas/neuron_item.h"
#include "gui/details/details_panel.h"
#include "gui/details/formula_view.h"
#include "gui/details/matrix_table.h"
#include "gui/details/step_tables.h"
#include "gui/step_list_panel.h"
#include "gui_test_support.h"

#include <QClipboard>
#include <QTableView>

using namespace bpl;
using namespace bpl::gui;

namespace {

QStringList lineTexts(const NeuronItem* n) {
    QStringList out;
    for (const ValueLine& l : n->content().lines) out << l.text;
    return out;
}

} // namespace

class TestNetworkStepper : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startShowsInputAndUnknowns();
    void spaceWalksTheForwardPass_data();
    void spaceWalksTheForwardPass();
    void everyStepMatchesTheTrace();
    void leftGoesBack();
    void backwardAndUpdateShowHandWorkedValues();
    void jumpsAndStepList();
    void notationAndPrecisionApplyEverywhere();
    void copyFormulaAndTable();
    void deepChainFollowsTheCurrentLayer();

private:
    void press(Qt::Key key);

    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
    NetworkDocument* doc_ = nullptr;
    NetworkScene* scene_ = nullptr;
};

void TestNetworkStepper::initTestCase() { test::isolateSettings(settings_); }

void TestNetworkStepper::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
    doc_ = window_->document();
    scene_ = window_->workspace()->scene();
    window_->workspace()->view()->setFocus();
}

void TestNetworkStepper::cleanup() { window_.reset(); }

void TestNetworkStepper::press(Qt::Key key) {
    QTest::keyClick(window_->workspace()->view(), key);
    QApplication::processEvents();
}

void TestNetworkStepper::startShowsInputAndUnknowns() {
    QCOMPARE(doc_->position(), 0);
    QCOMPARE(scene_->highlightedLayer(), -1);
    QCOMPARE(lineTexts(scene_->neuronItem(0, 0)), QStringList{"z₁⁽⁰⁾ = 3"});
    QCOMPARE(lineTexts(scene_->neuronItem(0, 2)), QStringList{"z₃⁽⁰⁾ = -0.1"});
    QCOMPARE(lineTexts(scene_->neuronItem(1, 0)), (QStringList{"a₁⁽¹⁾ = ?", "z₁⁽¹⁾ = ?", "δ₁⁽¹⁾ = ?"}));
    QCOMPARE(scene_->neuronItem(0, 0)->content().symbol, QString("u1"));
    QCOMPARE(scene_->edgeLabelItem(1, 1, 2)->lines(), (QStringList{"w₂₃⁽¹⁾", "-0.2"}));
    QVERIFY(scene_->lossItem()->lines().contains("E = ?"));
    QVERIFY(window_->workspace()->details()->titleText().contains("Start"));
    QCOMPARE(scene_->warningText(), QString());
    // Step units: the canvas says that no gradient flows through them.
    QVERIFY(window_->openExample("xor_step"));
    QVERIFY(scene_->warningText().contains("layer 1 uses step units"));
}

void TestNetworkStepper::spaceWalksTheForwardPass_data() {
    QTest::addColumn<int>("presses");
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("neuron");
    QTest::addColumn<QStringList>("lines");
    // The table of teaching-content.md section 1.
    QTest::newRow("layer 1, unit 1") << 1 << 1 << 0 << QStringList{"a₁⁽¹⁾ = 0.31", "z₁⁽¹⁾ = 0.576885", "δ₁⁽¹⁾ = ?"};
    QTest::newRow("layer 1, unit 2") << 1 << 1 << 1 << QStringList{"a₂⁽¹⁾ = -0.28", "z₂⁽¹⁾ = 0.430454", "δ₂⁽¹⁾ = ?"};
    QTest::newRow("layer 2 still unknown") << 1 << 2 << 0 << QStringList{"a₁⁽²⁾ = ?", "z₁⁽²⁾ = ?", "δ₁⁽²⁾ = ?"};
    QTest::newRow("layer 2") << 2 << 2 << 0 << QStringList{"a₁⁽²⁾ = 0.0292863", "z₁⁽²⁾ = 0.507321", "δ₁⁽²⁾ = ?"};
    QTest::newRow("output delta") << 4 << 2 << 0
                                  << QStringList{"a₁⁽²⁾ = 0.0292863", "z₁⁽²⁾ = 0.507321", "δ₁⁽²⁾ = 0.507321"};
    QTest::newRow("hidden delta") << 5 << 1 << 1 << QStringList{"a₂⁽¹⁾ = -0.28", "z₂⁽¹⁾ = 0.430454", "δ₂⁽¹⁾ = -0.0248753"};
}

void TestNetworkStepper::spaceWalksTheForwardPass() {
    QFETCH(int, presses);
    QFETCH(int, layer);
    QFETCH(int, neuron);
    QFETCH(QStringList, lines);
    for (int k = 0; k < presses; ++k) press(Qt::Key_Space);
    QCOMPARE(doc_->position(), presses);
    QCOMPARE(lineTexts(scene_->neuronItem(layer, neuron)), lines);
}

void TestNetworkStepper::everyStepMatchesTheTrace() {
    const Trace& trace = doc_->trace();
    FormulaView* formulas = window_->workspace()->details()->formulaView();
    for (int p = 1; p <= doc_->lastPosition(); ++p) {
        press(p % 2 ? Qt::Key_Space : Qt::Key_Right);
        QCOMPARE(doc_->position(), p);
        const Step& step = trace.steps[p - 1];
        // The highlighted layer and its heading are the step's layer.
        QCOMPARE(scene_->highlightedLayer(), step.layer);
        for (int l = 0; l < trace.network.layerCount(); ++l) {
            QCOMPARE(scene_->layerLabelItem(l)->title(), QString("Layer %1").arg(l));
        }
        // The details panel shows this step's formulas, results written as the core writes them.
        QVERIFY(window_->workspace()->details()->titleText().contains(QString::fromStdString(step.title.text)));
        QCOMPARE(formulas->formulas().size(), step.scalars.size());
        const QString shown = formulas->toPlainText();
        for (const ScalarFormula& f : step.scalars) {
            QVERIFY2(shown.contains(QString::fromStdString(f.result.text).replace('-', QChar(0x2212))),
                     qPrintable(QString::fromStdString(f.result.text)));
        }
        // Every neuron value on the canvas is the trace's.
        const StepDisplay display = stepDisplay(trace, p);
        for (int l = 1; l < trace.network.layerCount(); ++l) {
            for (int i = 0; i < trace.network.layers[l].size; ++i) {
                const QStringList lines = lineTexts(scene_->neuronItem(l, i));
                if (display.forwardKnown(l)) QVERIFY(lines[1].endsWith("= " + test::six(trace.forward.z[l][i])));
                else QVERIFY(lines[1].endsWith("= ?"));
                if (display.deltaKnown(l)) QVERIFY(lines[2].endsWith("= " + test::six(trace.gradients.delta[l][i])));
                else QVERIFY(lines[2].endsWith("= ?"));
            }
        }
    }
    // The last step cannot go further.
    press(Qt::Key_Space);
    QCOMPARE(doc_->position(), doc_->lastPosition());
}

void TestNetworkStepper::leftGoesBack() {
    for (int k = 0; k < 3; ++k) press(Qt::Key_Space);
    QCOMPARE(scene_->highlightedLayer(), 2); // the loss step belongs to the output layer
    QVERIFY(scene_->lossItem()->lines().contains("E = 0.707898"));
    press(Qt::Key_Left);
    QCOMPARE(doc_->position(), 2);
    QVERIFY(scene_->lossItem()->lines().contains("E = ?"));
    press(Qt::Key_Left);
    QCOMPARE(doc_->position(), 1);
    QCOMPARE(scene_->highlightedLayer(), 1);
    QCOMPARE(lineTexts(scene_->neuronItem(2, 0)).first(), QString("a₁⁽²⁾ = ?"));
    press(Qt::Key_Left);
    press(Qt::Key_Left);
    QCOMPARE(doc_->position(), 0);
    QCOMPARE(scene_->highlightedLayer(), -1);
}

void TestNetworkStepper::backwardAndUpdateShowHandWorkedValues() {
    // Step 7: gradients of layer 1, edges labelled and coloured by ∂E/∂w.
    doc_->setPosition(7);
    QCOMPARE(scene_->edgeLabelItem(1, 1, 0)->lines(), (QStringList{"∂E/∂w₂₁⁽¹⁾", "-0.0746259"}));
    QCOMPARE(scene_->edgeItem(1, 1, 0)->look().colour, scene_->canvasStyle().gradNegative);
    QCOMPARE(scene_->edgeItem(1, 0, 0)->look().colour, scene_->canvasStyle().gradPositive);
    QVERIFY(scene_->edgeItem(1, 0, 0)->look().active);
    QVERIFY(scene_->edgeItem(1, 0, 0)->look().backward);
    QCOMPARE(scene_->edgeLabelItem(2, 0, 1)->lines(), (QStringList{"∂E/∂w₁₂⁽²⁾", "0.218378"}));
    // Step 9: old → new weights and biases of layer 1.
    doc_->setPosition(9);
    QCOMPARE(scene_->edgeLabelItem(1, 0, 2)->lines(), (QStringList{"w₁₃⁽¹⁾", "0.3", "→ 0.300124"}));
    QCOMPARE(scene_->edgeLabelItem(1, 1, 1)->lines(), (QStringList{"w₂₂⁽¹⁾", "0", "→ 0.000248753"}));
    QCOMPARE(scene_->neuronItem(1, 1)->content().caption, QString("b₂⁽¹⁾: 0 → 0.00124377"));
    QCOMPARE(scene_->neuronItem(2, 0)->content().caption, QString("b₁⁽²⁾: 0 → -0.0253661"));
    QCOMPARE(scene_->edgeLabelItem(2, 0, 0)->lines(), (QStringList{"w₁₁⁽²⁾", "0.2", "→ 0.185367"}));
    // The details panel's tables hold the new matrix.
    const auto& tables = window_->workspace()->details()->stepTables()->tables();
    const auto newW = std::find_if(tables.begin(), tables.end(),
                                   [](MatrixTable* t) { return t->name().text == "new W⁽¹⁾"; });
    QVERIFY(newW != tables.end());
    QCOMPARE((*newW)->view()->model()->index(1, 2).data().toString(), QString("-0.200124"));
}

void TestNetworkStepper::jumpsAndStepList() {
    NetworkWorkspace* w = window_->workspace();
    QTest::keyClick(w->view(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(doc_->position(), 3); // after the loss
    QTest::keyClick(w->view(), Qt::Key_B, Qt::ControlModifier);
    QCOMPARE(doc_->position(), 7); // after the last gradient
    QTest::keyClick(w->view(), Qt::Key_End);
    QCOMPARE(doc_->position(), 9);
    QTest::keyClick(w->view(), Qt::Key_Home);
    QCOMPARE(doc_->position(), 0);
    // Clicking a step in the list goes there.
    StepListPanel* list = w->stepList();
    const int row = list->rowOfPosition(5);
    QVERIFY(row > 0);
    const QRect rect = list->visualItemRect(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(doc_->position(), 5);
    QCOMPARE(scene_->highlightedLayer(), 1);
    // Space still steps with the list focused, and the list follows the stepper.
    QVERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(doc_->position(), 6);
    QCOMPARE(list->currentRow(), list->rowOfPosition(6));
    // ↓ in the list moves to the next step as well.
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(doc_->position(), 7);
}

void TestNetworkStepper::notationAndPrecisionApplyEverywhere() {
    doc_->setPosition(1);
    window_->setNotation("bishop");
    QCOMPARE(scene_->layerLabelItem(0)->title(), QString("Layer 1"));
    QCOMPARE(lineTexts(scene_->neuronItem(1, 0)).first(), QString("a₁⁽²⁾ = 0.31"));
    QVERIFY(window_->workspace()->details()->titleText().contains("layer 2"));
    window_->setNotation("ng");
    QCOMPARE(lineTexts(scene_->neuronItem(1, 0)), (QStringList{"z₁⁽¹⁾ = 0.31", "a₁⁽¹⁾ = 0.576885", "dz₁⁽¹⁾ = ?"}));
    window_->setNotation("course");
    QCOMPARE(scene_->neuronItem(1, 0)->content().caption, QString("w₁₀⁽¹⁾ = 0"));
    window_->setPrecision(3);
    QCOMPARE(lineTexts(scene_->neuronItem(1, 0)).at(1), QString("Y₁⁽¹⁾ = 0.577"));
    QVERIFY(window_->workspace()->details()->formulaView()->toPlainText().contains("0.577"));
    // Remembered for the next window.
    window_.reset();
    window_ = test::openSheet5(false);
    QCOMPARE(window_->document()->traceOptions().precision, 3);
    QCOMPARE(QString::fromStdString(window_->document()->traceOptions().notation.id), QString("course"));
}

void TestNetworkStepper::copyFormulaAndTable() {
    doc_->setPosition(1);
    FormulaView* formulas = window_->workspace()->details()->formulaView();
    QVERIFY(formulas->stepLatex().contains("a_{1}^{(1)} &= w_{11}^{(1)}z_{1}^{(0)}"));
    QVERIFY(formulas->stepPlainText().contains("a₁⁽¹⁾ = w₁₁⁽¹⁾z₁⁽⁰⁾ + w₁₂⁽¹⁾z₂⁽⁰⁾ + w₁₃⁽¹⁾z₃⁽⁰⁾ + b₁⁽¹⁾ = "
                                               "0.1 × 3 + 0.2 × 0.2 + 0.3 × (-0.1) + 0 = 0.31"));
    QVERIFY(formulas->stepCsv().contains("a₁⁽¹⁾,0.31"));
    MatrixTable* w = window_->workspace()->details()->stepTables()->tables().front();
    QCOMPARE(w->plainText(), QString("W⁽¹⁾ = [[0.1, 0.2, 0.3], [-0.1, 0, -0.2]]"));
    QCOMPARE(w->csv(), QString("0.1,0.2,0.3\n-0.1,0,-0.2\n"));
    QVERIFY(w->latex().startsWith("W^{(1)} = \\begin{pmatrix}0.1 & 0.2 & 0.3 \\\\ -0.1 & 0 & -0.2"));
}

void TestNetworkStepper::deepChainFollowsTheCurrentLayer() {
    QVERIFY(window_->openExample("vanishing_chain_153"));
    NetworkView* view = window_->workspace()->view();
    QCOMPARE(doc_->network().layerCount(), 153);
    // The view opens on the first layers at a readable size, not 153 columns squeezed.
    QVERIFY2(view->zoom() > 0.2, qPrintable(QString::number(view->zoom())));
    doc_->setPosition(doc_->forwardEndPosition() - 1); // forward pass through the last layer
    QApplication::processEvents();
    QCOMPARE(scene_->highlightedLayer(), 152);
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.intersects(scene_->neuronItem(152, 0)->sceneBoundingRect()));
    QVERIFY(!visible.intersects(scene_->neuronItem(1, 0)->sceneBoundingRect()));
}

QTEST_MAIN(TestNetworkStepper)
#include "tst_network_stepper.moc"
