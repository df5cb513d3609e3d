// The stepper's update steps with an optimizer (shared/spec/training.md) on
// the 3-2-1 network of teaching-content.md section 1: after three passes, each
// starting from the previous pass's new weights and optimizer state (what
// Apply update does), m, v, t and the weights equal the spec's formulas worked
// here element by element, independently of applyOptimizer; the formulas of
// the update step show those numbers; plain SGD keeps today's trace.
#include "core/number_format.h"
#include "core/trace.h"

#include <QtTest>
#include <cmath>

#include "support/sheet5_network.h"

using namespace bpl;

namespace {

using bpl::test::sheet5;

// The spec's update of one parameter, written out (state starts at 0).
struct Scalar {
    double w, m = 0, v = 0;
};

void handUpdate(const OptimizerSettings& s, long t, Scalar& p, double g) {
    const double eta = s.learningRate;
    switch (s.kind) {
    case OptimizerKind::Momentum:
        p.m = s.beta * p.m + (1 - s.beta) * g;
        p.w = p.w - eta * p.m;
        break;
    case OptimizerKind::RmsProp:
        p.v = s.beta * p.v + (1 - s.beta) * g * g;
        p.w = p.w - eta * g / (std::sqrt(p.v) + 1e-8);
        break;
    case OptimizerKind::Adam: {
        p.m = s.beta1 * p.m + (1 - s.beta1) * g;
        p.v = s.beta2 * p.v + (1 - s.beta2) * g * g;
        double mHat = p.m, vHat = p.v;
        if (s.biasCorrection) {
            mHat = p.m / (1 - std::pow(s.beta1, t));
            vHat = p.v / (1 - std::pow(s.beta2, t));
        }
        p.w = p.w - eta * mHat / (std::sqrt(vHat) + 1e-8);
        break;
    }
    default:
        QFAIL("not an optimizer of this test");
    }
}

bool close(double actual, double expected) {
    return std::abs(actual - expected) <= 1e-12 * std::max(1.0, std::abs(expected));
}

OptimizerSettings settings(OptimizerKind kind, bool biasCorrection = true) {
    OptimizerSettings s;
    s.kind = kind;
    s.learningRate = 0.05; // the sheet's η
    s.biasCorrection = biasCorrection;
    return s;
}

// Three passes as the stepper makes them: each trace's new weights and state feed the next.
Trace threePasses(const OptimizerSettings& s, Network& net, OptimizerState& state,
                  const TraceOptions& options = {}) {
    Trace trace;
    for (int pass = 0; pass < 3; ++pass) {
        trace = traceNetwork(net, options, s, state);
        net = trace.updated;
        state = trace.optimizerAfter;
    }
    return trace;
}

const ScalarFormula& updateFormula(const Trace& t, int layer, int i, int j) {
    static const ScalarFormula none;
    for (const Step& step : t.steps) {
        if (step.kind != StepKind::Update || step.layer != layer)
            continue;
        for (const ScalarFormula& f : step.scalars) {
            const Quantity q = j < 0 ? Quantity::NewBias : Quantity::NewWeights;
            if (f.ref.quantity == q && f.ref.i == i && f.ref.j == j)
                return f;
        }
    }
    return none;
}

} // namespace

class TestTraceOptimizer : public QObject {
    Q_OBJECT
  private slots:
    void threeUpdatesFollowTheSpec_data();
    void threeUpdatesFollowTheSpec();
    void firstPassByHand();
    void formulasShowTheState();
    void notationsNameTheState();
    void sgdTraceIsUnchanged();
    void stateOfAnotherShapeStartsAtZero();
    void normsByLayer();
};

void TestTraceOptimizer::threeUpdatesFollowTheSpec_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("biasCorrection");
    QTest::newRow("momentum") << int(OptimizerKind::Momentum) << true;
    QTest::newRow("rmsprop") << int(OptimizerKind::RmsProp) << true;
    QTest::newRow("adam") << int(OptimizerKind::Adam) << true;
    QTest::newRow("adam, no bias correction") << int(OptimizerKind::Adam) << false;
}

void TestTraceOptimizer::threeUpdatesFollowTheSpec() {
    QFETCH(int, kind);
    QFETCH(bool, biasCorrection);
    const OptimizerSettings s = settings(OptimizerKind(kind), biasCorrection);

    // By hand: the gradient of each pass at the hand's own weights, then the spec's formulas.
    Network hand = sheet5();
    std::vector<std::vector<Scalar>> params(3);
    for (int l = 1; l <= 2; ++l) {
        const Layer& layer = hand.layers[l];
        for (int i = 0; i < layer.size; ++i) {
            for (int j = 0; j < layer.weights.cols(); ++j)
                params[l].push_back({layer.weights(i, j)});
            params[l].push_back({layer.bias[i]});
        }
    }
    for (long t = 1; t <= 3; ++t) {
        const ForwardPass pass = forward(hand, hand.sample.input);
        const Gradients g = backward(hand, pass, hand.sample.target);
        for (int l = 1; l <= 2; ++l) {
            Layer& layer = hand.layers[l];
            int k = 0;
            for (int i = 0; i < layer.size; ++i) {
                for (int j = 0; j < layer.weights.cols(); ++j) {
                    handUpdate(s, t, params[l][k], g.weights[l](i, j));
                    layer.weights(i, j) = params[l][k++].w;
                }
                handUpdate(s, t, params[l][k], g.bias[l][i]);
                layer.bias[i] = params[l][k++].w;
            }
        }
    }

    Network net = sheet5();
    OptimizerState state = zeroOptimizerState(net);
    const Trace last = threePasses(s, net, state);
    QVERIFY(last.optimizer.has_value());
    QCOMPARE(state.t, 3L);
    for (int l = 1; l <= 2; ++l) {
        const Layer& layer = net.layers[l];
        int k = 0;
        for (int i = 0; i < layer.size; ++i) {
            for (int j = 0; j < layer.weights.cols(); ++j) {
                const Scalar& p = params[l][k++];
                QVERIFY2(close(layer.weights(i, j), p.w),
                         qPrintable(QString("w layer %1 [%2,%3]").arg(l).arg(i).arg(j)));
                QVERIFY(close(state.mWeights[l](i, j), p.m));
                QVERIFY(close(state.vWeights[l](i, j), p.v));
                // The update step shows the new weight that was applied.
                QVERIFY(close(updateFormula(last, l, i, j).value, p.w));
            }
            const Scalar& p = params[l][k++];
            QVERIFY(close(layer.bias[i], p.w));
            QVERIFY(close(state.mBias[l][i], p.m));
            QVERIFY(close(state.vBias[l][i], p.v));
        }
    }
    // The same three updates without formulas (trace --passes): bit for bit the traces' ones.
    Network quick = sheet5();
    OptimizerState quickState = zeroOptimizerState(quick);
    for (int pass = 0; pass < 3; ++pass)
        applyNetworkUpdate(quick, s, quickState);
    QCOMPARE(quickState.t, 3L);
    for (int l = 1; l <= 2; ++l) {
        QCOMPARE(quick.layers[l].weights, net.layers[l].weights);
        QCOMPARE(quick.layers[l].bias, net.layers[l].bias);
        QCOMPARE(quickState.vWeights[l], state.vWeights[l]);
        QCOMPARE(quickState.mBias[l], state.mBias[l]);
    }
}

void TestTraceOptimizer::firstPassByHand() {
    // teaching-content.md section 1: ∂E/∂w₁₁⁽²⁾ = 0.292666, w₁₁⁽²⁾ = 0.2, η = 0.05.
    const Network net = sheet5();
    const Trace momentum =
        traceNetwork(net, {}, settings(OptimizerKind::Momentum), zeroOptimizerState(net));
    // m₁ = 0.9 × 0 + 0.1 × 0.292666; new w = 0.2 − 0.05 m₁.
    QVERIFY(std::abs(momentum.optimizerAfter.mWeights[2](0, 0) - 0.0292666) < 1e-7);
    QVERIFY(std::abs(momentum.updated.layers[2].weights(0, 0) - (0.2 - 0.05 * 0.0292666)) < 1e-8);
    // Adam's first step with bias correction: m̂ = g, v̂ = g², so w moves by η·sign(g).
    const Trace adam =
        traceNetwork(net, {}, settings(OptimizerKind::Adam), zeroOptimizerState(net));
    QVERIFY(std::abs(adam.updated.layers[2].weights(0, 0) - 0.15) < 1e-8);
    // w₂₁⁽¹⁾ = −0.1 and ∂E/∂w₂₁⁽¹⁾ = −0.0746259 < 0: it moves up by η.
    QVERIFY(std::abs(adam.updated.layers[1].weights(1, 0) - (-0.1 + 0.05)) < 1e-8);
}

void TestTraceOptimizer::formulasShowTheState() {
    Network net = sheet5();
    OptimizerState state = zeroOptimizerState(net);
    const OptimizerState before = [&] {
        Network n2 = net;
        OptimizerState s2 = state;
        for (int pass = 0; pass < 2; ++pass) {
            const Trace t = traceNetwork(n2, {}, settings(OptimizerKind::Adam), s2);
            n2 = t.updated;
            s2 = t.optimizerAfter;
        }
        return s2;
    }();
    const Trace t = threePasses(settings(OptimizerKind::Adam), net, state);
    const ScalarFormula& f = updateFormula(t, 2, 0, 0);
    QCOMPARE(f.working.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(f.working[0].lhs.text), QString("m₃(w₁₁⁽²⁾)"));
    QCOMPARE(QString::fromStdString(f.working[1].lhs.text), QString("v₃(w₁₁⁽²⁾)"));
    QCOMPARE(QString::fromStdString(f.working[2].lhs.text), QString("m\u0302₃(w₁₁⁽²⁾)"));
    QCOMPARE(QString::fromStdString(f.working[0].symbolic.text),
             QString("β₁ m₂(w₁₁⁽²⁾) + (1 − β₁) ∂E/∂w₁₁⁽²⁾"));
    // Substituted: β₁ × m₂ + (1 − β₁) × g with the numbers of the pass.
    const double m2 = before.mWeights[2](0, 0);
    const double g = t.gradients.weights[2](0, 0);
    const std::string expected =
        "0.9 × " + formatFactor(m2, 6).text + " + (1 - 0.9) × " + formatFactor(g, 6).text;
    QCOMPARE(QString::fromStdString(f.working[0].substituted.text),
             QString::fromStdString(expected));
    QVERIFY(close(f.working[0].value, t.optimizerAfter.mWeights[2](0, 0)));
    QVERIFY(close(f.working[2].value, t.optimizerAfter.mWeights[2](0, 0) / (1 - std::pow(0.9, 3))));
    QVERIFY(
        close(f.working[3].value, t.optimizerAfter.vWeights[2](0, 0) / (1 - std::pow(0.999, 3))));
    QVERIFY(QString::fromStdString(f.working[2].substituted.text).endsWith("/ (1 - 0.9³)"));
    QCOMPARE(QString::fromStdString(f.symbolic.text),
             QString("w₁₁⁽²⁾ − η m\u0302₃(w₁₁⁽²⁾) / (√v\u0302₃(w₁₁⁽²⁾) + ε)"));
    QVERIFY(QString::fromStdString(f.line().latex).contains("\\hat{m}_{3}(w_{11}^{(2)})"));
    QCOMPARE(f.inputs.size(), std::size_t(1));
    QCOMPARE(f.inputs[0].quantity, Quantity::GradWeights);
    // The update step names the optimizer and its state.
    const Step& step = t.steps[std::size_t(t.firstStepOf(StepKind::Update))];
    QVERIFY(QString::fromStdString(step.title.text).contains("Adam"));
    QVERIFY(QString::fromStdString(step.vectorFormula.text).contains("m\u0302 = m / (1 − β₁ᵗ)"));
    QVERIFY(QString::fromStdString(step.note).contains("t = 3"));
}

void TestTraceOptimizer::notationsNameTheState() {
    const Network net = sheet5();
    TraceOptions course;
    Notation::fromId("course", course.notation);
    const Trace t =
        traceNetwork(net, course, settings(OptimizerKind::Momentum), zeroOptimizerState(net));
    const ScalarFormula& bias = updateFormula(t, 2, 0, -1);
    QCOMPARE(QString::fromStdString(bias.working.at(0).lhs.text), QString("m₁(w₁₀⁽²⁾)"));
    QCOMPARE(QString::fromStdString(bias.symbolic.text), QString("w₁₀⁽²⁾ − η m₁(w₁₀⁽²⁾)"));
    TraceOptions bishop;
    Notation::fromId("bishop", bishop.notation);
    const Trace b =
        traceNetwork(net, bishop, settings(OptimizerKind::RmsProp), zeroOptimizerState(net));
    const ScalarFormula& w = updateFormula(b, 2, 0, 1);
    QCOMPARE(QString::fromStdString(w.working.at(0).lhs.text), QString("v₁(w₁₂⁽²⁾)"));
    QCOMPARE(QString::fromStdString(w.working.at(0).symbolic.text),
             QString("β v₀(w₁₂⁽²⁾) + (1 − β) (∂E/∂w₁₂⁽²⁾)²"));
}

void TestTraceOptimizer::sgdTraceIsUnchanged() {
    const Network net = sheet5();
    const Trace plain = traceNetwork(net);
    OptimizerSettings sgd;
    sgd.learningRate = 123; // ignored: η is the trace's
    const Trace withSgd = traceNetwork(net, {}, sgd, zeroOptimizerState(net));
    QVERIFY(!withSgd.optimizer.has_value());
    QCOMPARE(withSgd.steps.size(), plain.steps.size());
    for (std::size_t s = 0; s < plain.steps.size(); ++s) {
        QCOMPARE(withSgd.steps[s].title.text, plain.steps[s].title.text);
        QCOMPARE(withSgd.steps[s].vectorFormula.latex, plain.steps[s].vectorFormula.latex);
        for (std::size_t k = 0; k < plain.steps[s].scalars.size(); ++k) {
            QCOMPARE(withSgd.steps[s].scalars[k].line().text,
                     plain.steps[s].scalars[k].line().text);
            // Plain gradient descent works no m or v: the only working lines
            // are the output delta's derivation of y − t, as without it.
            QCOMPARE(withSgd.steps[s].scalars[k].working.size(),
                     plain.steps[s].scalars[k].working.size());
            if (withSgd.steps[s].kind == StepKind::Update)
                QVERIFY(withSgd.steps[s].scalars[k].working.empty());
        }
    }
    QVERIFY(withSgd.updated.layers[1].weights == plain.updated.layers[1].weights);
}

void TestTraceOptimizer::stateOfAnotherShapeStartsAtZero() {
    const Network net = sheet5();
    OptimizerState wrong;
    wrong.t = 7;
    QVERIFY(!optimizerStateFits(wrong, net));
    QVERIFY(optimizerStateFits(zeroOptimizerState(net), net));
    const Trace t = traceNetwork(net, {}, settings(OptimizerKind::Adam), wrong);
    QCOMPARE(t.optimizerBefore.t, 0L);
    QCOMPARE(t.optimizerAfter.t, 1L);
}

void TestTraceOptimizer::normsByLayer() {
    const Trace t = traceNetwork(sheet5());
    QCOMPARE(t.deltaNorms.size(), std::size_t(3));
    // δ⁽²⁾ = 0.507321; δ⁽¹⁾ = (0.0247663, −0.0248753) (teaching-content.md section 1).
    QVERIFY(std::abs(t.deltaNorms[2] - 0.507321) < 1e-6);
    QVERIFY(std::abs(t.deltaNorms[1] - std::hypot(0.0247663, 0.0248753)) < 1e-6);
    // ‖∂E/∂W⁽²⁾‖ = ‖(0.292666, 0.218378)‖.
    QVERIFY(std::abs(t.gradWeightNorms[2] - std::hypot(0.292666, 0.218378)) < 1e-6);
    QCOMPARE(t.deltaNorms[0], 0.0);
}

QTEST_APPLESS_MAIN(TestTraceOptimizer)
#include "tst_trace_optimizer.moc"
