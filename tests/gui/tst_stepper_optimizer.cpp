// The stepper with an optimizer and the vanishing-gradient plot: choosing Adam
// in the inspector and pressing Ctrl+U three times leaves the document with the
// core's state after three passes (m, v, t and weights); undo, Reset and a new
// optimizer put the state back or zero it; the update step's tables show m and
// v; during the backward pass the plot has one point per layer, read from the
// trace.
#include "gui/canvas/network_view.h"
#include "gui/details/details_panel.h"
#include "gui/details/gradient_norm_plot.h"
#include "gui/details/matrix_table.h"
#include "gui/details/step_tables.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/network_editor.h"
#include "gui_test_support.h"

#include <QComboBox>
#include <QUndoStack>

using namespace bpl;
using namespace bpl::gui;

namespace {

// The core's passes, as Apply update makes them, from the file's network.
std::vector<Trace> corePasses(const Network& start, const OptimizerSettings& s, int count) {
    std::vector<Trace> out;
    Network net = start;
    OptimizerState state = zeroOptimizerState(net);
    for (int k = 0; k < count; ++k) {
        out.push_back(traceNetwork(net, {}, s, state));
        net = out.back().updated;
        state = out.back().optimizerAfter;
    }
    return out;
}

bool sameState(const OptimizerState& a, const OptimizerState& b) {
    if (a.t != b.t || a.mWeights.size() != b.mWeights.size())
        return false;
    for (std::size_t l = 1; l < a.mWeights.size(); ++l) {
        if (a.mWeights[l] != b.mWeights[l] || a.vWeights[l] != b.vWeights[l] ||
            a.mBias[l] != b.mBias[l] || a.vBias[l] != b.vBias[l]) {
            return false;
        }
    }
    return true;
}

bool isZero(const OptimizerState& s) {
    for (std::size_t l = 1; l < s.mWeights.size(); ++l) {
        if (!s.mWeights[l].isZero(0) || !s.vWeights[l].isZero(0) || !s.mBias[l].isZero(0) ||
            !s.vBias[l].isZero(0)) {
            return false;
        }
    }
    return s.t == 0;
}

} // namespace

class TestStepperOptimizer : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void init();
    void cleanup();
    void adamThreeApplyUpdatesMatchTheCore();
    void undoResetAndNewOptimizer();
    void updateStepShowsTheState();
    void normPlotHasOnePointPerLayer();

  private:
    void chooseAdam();
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
    NetworkDocument* doc_ = nullptr;
};

void TestStepperOptimizer::initTestCase() {
    test::isolateSettings(settings_);
}

void TestStepperOptimizer::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
    doc_ = window_->document();
    window_->workspace()->view()->setFocus();
}

void TestStepperOptimizer::cleanup() {
    window_.reset();
}

void TestStepperOptimizer::press(Qt::Key key, Qt::KeyboardModifiers modifiers) {
    QTest::keyClick(window_->workspace()->view(), key, modifiers);
    QApplication::processEvents();
}

void TestStepperOptimizer::chooseAdam() {
    doc_->setSelection({});
    QComboBox* combo = window_->workspace()->inspector()->optimizerField();
    const int index = combo->findText("Adam");
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
    QApplication::processEvents();
    QCOMPARE(doc_->state().optimizer.kind, OptimizerKind::Adam);
    QCOMPARE(doc_->undoStack()->undoText(),
             QString("Set optimizer to Adam (β₁ = 0.9, β₂ = 0.999)"));
}

void TestStepperOptimizer::adamThreeApplyUpdatesMatchTheCore() {
    chooseAdam();
    const Network start = doc_->network();
    for (int k = 0; k < 3; ++k)
        press(Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(doc_->samplePass(), 3);
    OptimizerSettings adam;
    adam.kind = OptimizerKind::Adam;
    const std::vector<Trace> core = corePasses(start, adam, 3);
    QCOMPARE(doc_->state().optimizerState.t, 3L);
    QVERIFY(sameState(doc_->state().optimizerState, core.back().optimizerAfter));
    for (int l = 1; l <= 2; ++l) {
        QVERIFY(doc_->network().layers[l].weights == core.back().updated.layers[l].weights);
        QVERIFY(doc_->network().layers[l].bias == core.back().updated.layers[l].bias);
    }
    // m has built up over the passes: |m₃| > |m₁| for the output weight whose gradient keeps its
    // sign.
    QVERIFY(std::abs(core[2].optimizerAfter.mWeights[2](0, 0)) >
            std::abs(core[0].optimizerAfter.mWeights[2](0, 0)));
    // The fourth pass's trace starts from that state.
    QCOMPARE(doc_->trace().optimizerBefore.t, 3L);
}

void TestStepperOptimizer::undoResetAndNewOptimizer() {
    chooseAdam();
    OptimizerSettings adam;
    adam.kind = OptimizerKind::Adam;
    const std::vector<Trace> core = corePasses(doc_->network(), adam, 3);
    for (int k = 0; k < 3; ++k)
        press(Qt::Key_U, Qt::ControlModifier);
    press(Qt::Key_Z, Qt::ControlModifier); // undo the third Apply update
    QCOMPARE(doc_->samplePass(), 2);
    QVERIFY(sameState(doc_->state().optimizerState, core[1].optimizerAfter));
    press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // redo
    QVERIFY(sameState(doc_->state().optimizerState, core[2].optimizerAfter));

    press(Qt::Key_R, Qt::ControlModifier); // Reset: the file's weights, a fresh state, still Adam
    QVERIFY(isZero(doc_->state().optimizerState));
    QCOMPARE(doc_->state().optimizer.kind, OptimizerKind::Adam);
    QVERIFY(doc_->network().layers[1].weights == doc_->fileState().network.layers[1].weights);
    press(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(sameState(doc_->state().optimizerState, core[2].optimizerAfter));

    OptimizerSettings momentum;
    momentum.kind = OptimizerKind::Momentum;
    QVERIFY(window_->workspace()->editor()->setOptimizer(momentum));
    QVERIFY(isZero(doc_->state().optimizerState));
    QCOMPARE(doc_->undoStack()->undoText(), QString("Set optimizer to Momentum (β = 0.9)"));
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc_->state().optimizer.kind, OptimizerKind::Adam);
    QVERIFY(sameState(doc_->state().optimizerState, core[2].optimizerAfter));
    // A β out of range is refused and changes nothing.
    OptimizerSettings bad = adam;
    bad.beta1 = 1.5;
    QVERIFY(!window_->workspace()->editor()->setOptimizer(bad));
    QCOMPARE(doc_->state().optimizer.beta1, 0.9);
}

void TestStepperOptimizer::updateStepShowsTheState() {
    chooseAdam();
    for (int k = 0; k < 2; ++k)
        press(Qt::Key_U, Qt::ControlModifier);
    doc_->setPosition(doc_->trace().firstStepOf(StepKind::Update) + 1); // update of layer 2
    QApplication::processEvents();
    const Trace& t = doc_->trace();
    DetailsPanel* details = window_->workspace()->details();
    QVERIFY(details->titleText().contains("Update (Adam), layer 2"));
    QStringList names;
    const MatrixTable* m = nullptr;
    const MatrixTable* v = nullptr;
    for (const MatrixTable* table : details->stepTables()->tables()) {
        names << QString::fromStdString(table->name().text);
        if (table->name().text == "m₃(W⁽²⁾)")
            m = table;
        if (table->name().text == "v₃(W⁽²⁾)")
            v = table;
    }
    QVERIFY2(m && v, qPrintable(names.join(" | ")));
    QVERIFY(m->values() == t.optimizerAfter.mWeights[2]);
    QVERIFY(v->values() == t.optimizerAfter.vWeights[2]);
    QVERIFY(names.contains("m₃(b⁽²⁾)"));
    // The plot belongs to the backward pass, not to the update.
    QVERIFY(!details->gradientNormPlot()->isVisible());
}

void TestStepperOptimizer::normPlotHasOnePointPerLayer() {
    QVERIFY(window_->openExample("vanishing_chain_153"));
    QApplication::processEvents();
    const Trace& t = doc_->trace();
    const int L = t.network.lastLayer();
    QCOMPARE(t.network.layerCount(), 153); // the input and 152 sigmoid layers
    GradientNormPlot* plot = window_->workspace()->details()->gradientNormPlot();
    QVERIFY(!plot->isVisible()); // at the start
    doc_->setPosition(doc_->backwardEndPosition());
    QApplication::processEvents();
    QVERIFY(plot->isVisible());
    QCOMPARE(plot->deltaGraph()->dataCount() + plot->gradientGraph()->dataCount() +
                 plot->undrawnCount(),
             2 * L);
    QCOMPARE(plot->undrawnCount(), 0);
    // Layer 1 and layer L, as the trace holds them: |δ| is the norm of the trace's δ.
    QCOMPARE(plot->deltaGraph()->data()->at(0)->key, 1.0);
    QCOMPARE(plot->deltaGraph()->data()->at(0)->value, std::abs(t.gradients.delta[1][0]));
    QCOMPARE(plot->gradientGraph()->data()->at(L - 1)->value, t.gradients.weights[L].norm());
    // The collapse: the first layer's δ is many orders of magnitude below the last one's.
    QVERIFY(t.deltaNorms[1] < 1e-20 * t.deltaNorms[L]);
    // At the output delta only layer L is known.
    doc_->setPosition(doc_->trace().firstStepOf(StepKind::OutputDelta) + 1);
    QApplication::processEvents();
    QCOMPARE(plot->deltaGraph()->dataCount(), 1);
    QCOMPARE(plot->gradientGraph()->dataCount(), 0);
}

QTEST_MAIN(TestStepperOptimizer)
#include "tst_stepper_optimizer.moc"
