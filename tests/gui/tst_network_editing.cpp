// Editing the network in the window: clicking an edge or a neuron puts it in
// the inspector, typing a value changes the trace at once (checked against a
// hand computation), arrow keys nudge and merge into one undo step, undo and
// redo restore exactly, structural edits keep the canvas in step, refused
// edits change nothing and say why.
#include "core/truth_table.h"
#include "gui/canvas/edge_item.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/layer_label_item.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas_menu.h"
#include "gui/canvas/neuron_item.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/inspector/value_spin_box.h"
#include "gui/network_editor.h"
#include "gui_test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>
#include <QSignalSpy>
#include <QUndoStack>

using namespace bpl;
using namespace bpl::gui;

namespace {

// Every number of two traces, compared exactly.
void compareTraces(const Trace& a, const Trace& b) {
    QCOMPARE(a.network.layerCount(), b.network.layerCount());
    for (int l = 1; l < a.network.layerCount(); ++l) {
        QCOMPARE(a.network.layers[l].weights, b.network.layers[l].weights);
        QCOMPARE(a.network.layers[l].bias, b.network.layers[l].bias);
        QCOMPARE(a.forward.a[l], b.forward.a[l]);
        QCOMPARE(a.forward.z[l], b.forward.z[l]);
        QCOMPARE(a.gradients.delta[l], b.gradients.delta[l]);
        QCOMPARE(a.gradients.weights[l], b.gradients.weights[l]);
        QCOMPARE(a.updated.layers[l].weights, b.updated.layers[l].weights);
    }
    QCOMPARE(a.loss, b.loss);
    QCOMPARE(a.sample.input, b.sample.input);
    QCOMPARE(a.learningRate, b.learningRate);
}

} // namespace

class TestNetworkEditing : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickEdgeAndTypeWeight();
    void undoRedoRestoreExactly();
    void arrowNudgesMergeIntoOneUndoStep();
    void canvasKeysNudgeAndStartTyping();
    void clickNeuronEditsBias();
    void structuralEditsRebuildTheCanvas();
    void refusedEditChangesNothing();
    void initializeAndApplyUpdate();
    void canvasMenuActsOnTheItemUnderTheMouse();
    void stepAtZeroInTheInspector();

private:
    QPoint viewPoint(const QPointF& scenePoint) const;

    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
    NetworkDocument* doc_ = nullptr;
    NetworkScene* scene_ = nullptr;
    NetworkView* view_ = nullptr;
    InspectorPanel* inspector_ = nullptr;
};

void TestNetworkEditing::initTestCase() { test::isolateSettings(settings_); }

void TestNetworkEditing::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
    doc_ = window_->document();
    scene_ = window_->workspace()->scene();
    view_ = window_->workspace()->view();
    inspector_ = window_->workspace()->inspector();
}

void TestNetworkEditing::cleanup() { window_.reset(); }

QPoint TestNetworkEditing::viewPoint(const QPointF& scenePoint) const { return view_->mapFromScene(scenePoint); }

void TestNetworkEditing::clickEdgeAndTypeWeight() {
    doc_->setPosition(1); // forward pass, layer 1
    // Click the label of w₁₃⁽¹⁾: the edge is selected and its weight is in the inspector.
    EdgeLabelItem* label = scene_->edgeLabelItem(1, 0, 2);
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, viewPoint(label->scenePos()));
    QCOMPARE(doc_->selection(), Selection::ofEdge(1, 0, 2));
    QVERIFY(scene_->edgeItem(1, 0, 2)->isSelected());
    ValueSpinBox* field = inspector_->weightField();
    QVERIFY(field->isVisible());
    QCOMPARE(field->value(), 0.3);

    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, "0.5");
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(doc_->network().layers[1].weights(0, 2), 0.5);
    // a₁⁽¹⁾ = 0.1 × 3 + 0.2 × 0.2 + 0.5 × (−0.1) = 0.29, on the canvas at once.
    QCOMPARE(doc_->trace().forward.a[1][0], 0.1 * 3 + 0.2 * 0.2 + 0.5 * -0.1);
    QCOMPARE(scene_->neuronItem(1, 0)->content().lines.front().text, QString("a₁⁽¹⁾ = 0.29"));
    QCOMPARE(scene_->edgeLabelItem(1, 0, 2)->lines(), (QStringList{"w₁₃⁽¹⁾", "0.5"}));
    QCOMPARE(doc_->undoStack()->undoText(), QString("Set w₁₃⁽¹⁾ to 0.5"));
    QVERIFY(doc_->isModified());
    QVERIFY(window_->isWindowModified());
}

void TestNetworkEditing::undoRedoRestoreExactly() {
    const Trace original = doc_->trace();
    NetworkEditor* editor = window_->workspace()->editor();
    editor->setWeight(2, 0, 1, 0.75);
    editor->setBias(1, 1, -0.125);
    editor->setLearningRate(0.5);
    editor->addNeuron(1, 2);
    const Trace edited = doc_->trace();
    QCOMPARE(doc_->undoStack()->count(), 4);
    QCOMPARE(scene_->neuronItem(1, 2) != nullptr, true);

    // Ctrl+Z four times: back to the file's numbers, bit for bit.
    for (int k = 0; k < 4; ++k) QTest::keyClick(view_, Qt::Key_Z, Qt::ControlModifier);
    compareTraces(doc_->trace(), original);
    QVERIFY(scene_->neuronItem(1, 2) == nullptr);
    QVERIFY(!doc_->isModified());
    // Ctrl+Shift+Z four times: the edits again, bit for bit.
    for (int k = 0; k < 4; ++k) QTest::keyClick(view_, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    compareTraces(doc_->trace(), edited);
    QCOMPARE(doc_->network().layers[1].size, 3);
    QVERIFY(scene_->neuronItem(1, 2) != nullptr);
}

void TestNetworkEditing::arrowNudgesMergeIntoOneUndoStep() {
    doc_->setSelection(Selection::ofEdge(2, 0, 0));
    ValueSpinBox* field = inspector_->weightField();
    QCOMPARE(field->value(), 0.2);
    field->setFocus();
    for (int k = 0; k < 3; ++k) QTest::keyClick(field, Qt::Key_Up);
    QCOMPARE(doc_->network().layers[2].weights(0, 0), 0.2 + 0.01 + 0.01 + 0.01);
    QCOMPARE(doc_->undoStack()->count(), 1);
    QCOMPARE(doc_->undoStack()->undoText(), QString("Set w₁₁⁽²⁾ to 0.23"));
    doc_->undoStack()->undo();
    QCOMPARE(doc_->network().layers[2].weights(0, 0), 0.2);
    QCOMPARE(field->value(), 0.2);
}

void TestNetworkEditing::canvasKeysNudgeAndStartTyping() {
    doc_->setSelection(Selection::ofNeuron(0, 1)); // input u2 = 0.2
    view_->setFocus();
    QTest::keyClick(view_, Qt::Key_Up, Qt::ShiftModifier); // +0.1
    QCOMPARE(doc_->network().sample.input[1], 0.2 + 0.1);
    QTest::keyClick(view_, Qt::Key_Down);
    QCOMPARE(doc_->network().sample.input[1], 0.2 + 0.1 - 0.01);
    QCOMPARE(doc_->undoStack()->count(), 1);
    // Typing a digit on the canvas starts editing the selection in the inspector.
    QTest::keyClick(view_, Qt::Key_7);
    ValueSpinBox* field = inspector_->neuronField();
    QVERIFY(field->hasFocus());
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(doc_->network().sample.input[1], 7.0);
    QCOMPARE(doc_->trace().forward.z[0][1], 7.0);
    QCOMPARE(scene_->neuronItem(0, 1)->content().lines.front().text, QString("z₂⁽⁰⁾ = 7"));
}

void TestNetworkEditing::clickNeuronEditsBias() {
    NeuronItem* neuron = scene_->neuronItem(2, 0);
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, viewPoint(neuron->scenePos()));
    QCOMPARE(doc_->selection(), Selection::ofNeuron(2, 0));
    ValueSpinBox* field = inspector_->neuronField();
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, "-1e-1");
    QTest::keyClick(field, Qt::Key_Enter);
    QCOMPARE(doc_->network().layers[2].bias[0], -0.1);
    // a₁⁽²⁾ = 0.0292863 − 0.1 (the hand-worked value plus the new bias).
    QCOMPARE(QString::fromStdString(formatNumber(doc_->trace().forward.a[2][0], 6)), QString("-0.0707137"));
    // Clicking empty canvas clears the selection; the inspector shows the network.
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, viewPoint(QPointF(scene_->layout().columnX[1], 400)));
    QCOMPARE(doc_->selection().kind, Selection::None);
}

void TestNetworkEditing::structuralEditsRebuildTheCanvas() {
    NetworkEditor* editor = window_->workspace()->editor();
    ActivationFunction tanh;
    tanh.kind = Activation::Tanh;
    QVERIFY(editor->addLayer(2, 3, tanh));
    QCOMPARE(doc_->network().layerCount(), 4);
    QVERIFY(scene_->layerLabelItem(3) != nullptr);
    QCOMPARE(scene_->layerLabelItem(2)->subtitle(), QString("3 × tanh"));
    QVERIFY(scene_->edgeItem(3, 0, 2) != nullptr);
    QCOMPARE(doc_->trace().steps.size(), size_t(3 + 1 + 3 + 3 + 3));
    QCOMPARE(doc_->undoStack()->undoText(), QString("Add tanh layer 2"));
    // Select the new layer's heading and remove it from the Network menu.
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, viewPoint(scene_->layerLabelItem(2)->scenePos() + QPointF(0, -10)));
    QCOMPARE(doc_->selection(), Selection::ofLayer(2));
    QVERIFY(editor->removeLayer(2));
    QCOMPARE(doc_->network().layerCount(), 3);
    QVERIFY(scene_->layerLabelItem(3) == nullptr);
    QCOMPARE(doc_->selection().kind, Selection::None);
    // The output activation switches the loss with it, in one undo step.
    ActivationFunction identity;
    identity.kind = Activation::Identity;
    QVERIFY(editor->setActivation(2, identity));
    QCOMPARE(doc_->network().loss, Loss::HalfSquaredError);
    QCOMPARE(doc_->undoStack()->undoText(), QString("Set layer 2 activation to identity (loss → half_squared_error)"));
    doc_->undoStack()->undo();
    QCOMPARE(doc_->network().loss, Loss::BinaryCrossEntropy);
}

void TestNetworkEditing::refusedEditChangesNothing() {
    NetworkEditor* editor = window_->workspace()->editor();
    QSignalSpy refused(editor, &NetworkEditor::refused);
    const Trace before = doc_->trace();
    QVERIFY(!editor->removeNeuron(2, 0));
    QVERIFY(!editor->setLearningRate(-1));
    QVERIFY(!editor->setWeight(1, 0, 0, std::nan("")));
    ActivationFunction softmax;
    softmax.kind = Activation::Softmax;
    QVERIFY(!editor->setActivation(1, softmax));
    QCOMPARE(refused.count(), 4);
    QCOMPARE(refused.at(0).at(0).toString(), QString("layer 2 needs at least one neuron"));
    QCOMPARE(refused.at(3).at(0).toString(), QString("softmax is only allowed on the output layer"));
    QCOMPARE(doc_->undoStack()->count(), 0);
    compareTraces(doc_->trace(), before);
    QVERIFY(window_->statusBar()->currentMessage().contains("softmax is only allowed"));
}

void TestNetworkEditing::initializeAndApplyUpdate() {
    NetworkEditor* editor = window_->workspace()->editor();
    // Apply update: the network takes the trace's new weights, the stepper restarts.
    doc_->setPosition(doc_->lastPosition());
    const Network updated = doc_->trace().updated;
    QTest::keyClick(view_, Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(doc_->position(), 0);
    QCOMPARE(doc_->samplePass(), 1);
    QCOMPARE(doc_->network().layers[1].weights, updated.layers[1].weights);
    QCOMPARE(QString::fromStdString(formatNumber(doc_->network().layers[2].bias[0], 6)), QString("-0.0253661"));
    // Undo puts the old weights back and returns to the last step.
    doc_->undoStack()->undo();
    QCOMPARE(doc_->network().layers[2].bias[0], 0.0);
    QCOMPARE(doc_->position(), doc_->lastPosition());
    // Seeded Xavier initialisation: the same seed gives the same weights; reset goes back to the file.
    InitOptions options;
    options.scheme = InitScheme::Xavier;
    options.seed = 11;
    editor->initializeWeights(options);
    const Eigen::MatrixXd first = doc_->network().layers[1].weights;
    QVERIFY(first != updated.layers[1].weights);
    QCOMPARE(first, initializeWeights(doc_->fileState().network, options).layers[1].weights);
    QTest::keyClick(view_, Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(doc_->network().layers[1].weights(0, 2), 0.3);
    QCOMPARE(doc_->undoStack()->undoText(), QString("Reset to the file's weights"));
}

void TestNetworkEditing::canvasMenuActsOnTheItemUnderTheMouse() {
    auto trigger = [](QMenu& menu, const QString& text) {
        for (QAction* a : menu.actions()) {
            if (a->text() == text) {
                a->trigger();
                return true;
            }
        }
        return false;
    };
    QMenu neuronMenu;
    fillCanvasMenu(&neuronMenu, window_->workspace(), viewPoint(scene_->neuronItem(1, 0)->scenePos()));
    QCOMPARE(doc_->selection(), Selection::ofNeuron(1, 0));
    QVERIFY(trigger(neuronMenu, "Add a neuron below"));
    QCOMPARE(doc_->network().layers[1].size, 3);
    QCOMPARE(doc_->selection(), Selection::ofNeuron(1, 1));
    QMenu edgeMenu;
    fillCanvasMenu(&edgeMenu, window_->workspace(), viewPoint(scene_->edgeLabelItem(2, 0, 0)->scenePos()));
    QCOMPARE(doc_->selection(), Selection::ofEdge(2, 0, 0));
    QVERIFY(trigger(edgeMenu, "Flip the sign of w₁₁⁽²⁾"));
    QCOMPARE(doc_->network().layers[2].weights(0, 0), -0.2);
    QCOMPARE(doc_->undoStack()->count(), 2);
}

void TestNetworkEditing::stepAtZeroInTheInspector() {
    // The course's XNOR needs U(0) = 1: unticking it in the Inspector gives
    // U(0) = 0, the truth table's row (0, 0) becomes 0, and Undo brings it back.
    QVERIFY(window_->openExample("xnor_step_course"));
    doc_ = window_->document();
    inspector_ = window_->workspace()->inspector();
    doc_->setSelection(Selection::ofLayer(1));
    QApplication::processEvents();
    auto* box = inspector_->findChild<QCheckBox*>("stepAtZeroCheck");
    QVERIFY(box);
    QCOMPARE(doc_->network().layers[1].activation.stepAtZero, 1.0);
    QVERIFY(box->isEnabled());
    QVERIFY(box->isChecked());
    const auto rowZero = [this] { return truthTable(doc_->network())->front().output[0]; };
    QCOMPARE(rowZero(), 1.0);
    box->click();
    QApplication::processEvents();
    QCOMPARE(doc_->network().layers[1].activation.stepAtZero, 0.0);
    QCOMPARE(doc_->undoStack()->undoText(), QString("Set U(0) = 0 on layer 1"));
    // The layer stays selected, its page in the Inspector (it went back to the network's).
    QCOMPARE(doc_->selection(), Selection::ofLayer(1));
    QVERIFY(box->isVisibleTo(inspector_));
    // z₂ = U(−x₁ − x₂) at (0, 0) is U(0) = 0 now, so y = U(0 + 0 − 1) = 0.
    QCOMPARE(rowZero(), 0.0);
    doc_->undoStack()->undo();
    QApplication::processEvents();
    QCOMPARE(doc_->network().layers[1].activation.stepAtZero, 1.0);
    QCOMPARE(doc_->selection(), Selection::ofLayer(1));
    QVERIFY(box->isChecked());
    // The same for the activation itself.
    auto* combo = inspector_->findChild<QComboBox*>("activationCombo");
    QVERIFY(combo && combo->isVisibleTo(inspector_));
    combo->setCurrentIndex(combo->findData(int(Activation::Sigmoid)));
    emit combo->activated(combo->currentIndex());
    QApplication::processEvents();
    QCOMPARE(doc_->network().layers[1].activation.kind, Activation::Sigmoid);
    QCOMPARE(doc_->selection(), Selection::ofLayer(1));
    QVERIFY(combo->isVisibleTo(inspector_));
    doc_->undoStack()->undo();
    QApplication::processEvents();
    QCOMPARE(rowZero(), 1.0);
    // A sigmoid layer: the box is off and disabled.
    QVERIFY(window_->openExample("sheet5_321_sigmoid"));
    window_->document()->setSelection(Selection::ofLayer(1));
    QApplication::processEvents();
    box = window_->workspace()->inspector()->findChild<QCheckBox*>("stepAtZeroCheck");
    QVERIFY(box && !box->isEnabled());
}

QTEST_MAIN(TestNetworkEditing)
#include "tst_network_editing.moc"
