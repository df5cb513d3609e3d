// The hand-worked exercise of teaching-content.md section 1 (3-2-1 sigmoid
// network, binary cross-entropy): every value of its table, to 6 significant
// figures, plus the variants whose output delta is also y − t.
#include "core/trace.h"

#include <QtTest>
#include <cmath>

#include "support/sheet5_network.h"

using namespace bpl;

namespace {

using bpl::test::sheet5;

// Equal to 6 significant figures: the table's precision.
bool sameTo6(double actual, double expected) {
    if (expected == 0) return std::abs(actual) < 1e-12;
    return std::abs(actual - expected) <= 0.5e-5 * std::abs(expected) + 1e-15;
}

} // namespace

class TestWorkedExample : public QObject {
    Q_OBJECT
private slots:
    void tableValues_data();
    void tableValues();
    void classDecision();
    void outputDeltaIsResidualForTheThreePairs();
    void substitutedFormulaOfHiddenDelta();
    void outputDeltaDerivedWithTheNumbers();
    void stepOrderFollowsTheLesson();
};

void TestWorkedExample::tableValues_data() {
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("i");
    QTest::addColumn<int>("j");
    QTest::addColumn<double>("expected");
    auto row = [](const char* name, Quantity q, int l, int i, int j, double v) {
        QTest::newRow(name) << static_cast<int>(q) << l << i << j << v;
    };
    row("a1(1)", Quantity::A, 1, 0, -1, 0.31);
    row("a2(1)", Quantity::A, 1, 1, -1, -0.28);
    row("z1(1)", Quantity::Z, 1, 0, -1, 0.576885);
    row("z2(1)", Quantity::Z, 1, 1, -1, 0.430454);
    row("a1(2)", Quantity::A, 2, 0, -1, 0.0292863);
    row("output", Quantity::Output, 2, 0, -1, 0.507321);
    row("loss", Quantity::Loss, 0, 0, -1, 0.707898);
    row("delta(2)", Quantity::Delta, 2, 0, -1, 0.507321);
    row("dW(2)11", Quantity::GradWeights, 2, 0, 0, 0.292666);
    row("dW(2)12", Quantity::GradWeights, 2, 0, 1, 0.218378);
    row("delta1(1)", Quantity::Delta, 1, 0, -1, 0.0247663);
    row("delta2(1)", Quantity::Delta, 1, 1, -1, -0.0248753);
    row("dW(1)11", Quantity::GradWeights, 1, 0, 0, 0.0742988);
    row("dW(1)12", Quantity::GradWeights, 1, 0, 1, 0.00495325);
    row("dW(1)13", Quantity::GradWeights, 1, 0, 2, -0.00247663);
    row("dW(1)21", Quantity::GradWeights, 1, 1, 0, -0.0746259);
    row("dW(1)22", Quantity::GradWeights, 1, 1, 1, -0.00497506);
    row("dW(1)23", Quantity::GradWeights, 1, 1, 2, 0.00248753);
    row("db(1)1", Quantity::GradBias, 1, 0, -1, 0.0247663);
    row("newW(2)11", Quantity::NewWeights, 2, 0, 0, 0.185367);
    row("newW(2)12", Quantity::NewWeights, 2, 0, 1, -0.210919);
    row("newb(2)", Quantity::NewBias, 2, 0, -1, -0.0253661);
    row("newW(1)11", Quantity::NewWeights, 1, 0, 0, 0.0962851);
    row("newW(1)12", Quantity::NewWeights, 1, 0, 1, 0.199752);
    row("newW(1)13", Quantity::NewWeights, 1, 0, 2, 0.300124);
    row("newW(1)21", Quantity::NewWeights, 1, 1, 0, -0.0962687);
    row("newW(1)22", Quantity::NewWeights, 1, 1, 1, 0.000248753);
    row("newW(1)23", Quantity::NewWeights, 1, 1, 2, -0.200124);
    row("newb(1)1", Quantity::NewBias, 1, 0, -1, -0.00123831);
    row("newb(1)2", Quantity::NewBias, 1, 1, -1, 0.00124377);
}

void TestWorkedExample::tableValues() {
    QFETCH(int, quantity);
    QFETCH(int, layer);
    QFETCH(int, i);
    QFETCH(int, j);
    QFETCH(double, expected);
    const Trace trace = traceNetwork(sheet5());
    const QuantityRef ref{static_cast<Quantity>(quantity), layer, i, j};
    const auto value = trace.valueOf(ref);
    QVERIFY(value.has_value());
    QVERIFY2(sameTo6(*value, expected), qPrintable(QString("%1 vs %2").arg(*value, 0, 'g', 12).arg(expected)));
    // The formula in the trace shows the same value, to the trace's precision.
    const ScalarFormula* f = trace.formulaFor(ref);
    QVERIFY(f != nullptr);
    QCOMPARE(f->value, *value);
    QCOMPARE(QString::fromStdString(f->result.text), QString::number(expected, 'g', 6));
}

void TestWorkedExample::classDecision() {
    // The exercise's rule: class 1 when the output exceeds 0.6.
    const Trace trace = traceNetwork(sheet5());
    QVERIFY(trace.forward.output()[0] < 0.6);
}

void TestWorkedExample::outputDeltaIsResidualForTheThreePairs() {
    // sigmoid + BCE (the exercise), identity + ½SE (variant a), softmax + CE (variant b).
    Network regression = sheet5();
    regression.layers[2].activation.kind = Activation::Identity;
    regression.loss = Loss::HalfSquaredError;
    Network multi = sheet5();
    multi.layers[2].size = 3;
    multi.layers[2].activation.kind = Activation::Softmax;
    multi.layers[2].weights.resize(3, 2);
    multi.layers[2].weights << 0.2, -0.2, 0.5, 0.1, -0.3, 0.4;
    multi.layers[2].bias = Eigen::Vector3d(0.1, 0, -0.1);
    multi.loss = Loss::CrossEntropy;
    multi.sample.target = Eigen::Vector3d(0, 1, 0);
    for (const Network& net : {sheet5(), regression, multi}) {
        const Trace t = traceNetwork(net);
        const Eigen::VectorXd residual = t.forward.output() - net.sample.target;
        QVERIFY((t.gradients.delta[2] - residual).cwiseAbs().maxCoeff() < 1e-15);
        const Step& step = t.steps[t.firstStepOf(StepKind::OutputDelta)];
        QVERIFY2(QString::fromStdString(step.note).contains("δ = y − t"), step.note.c_str());
    }
    // ∂E/∂W⁽¹⁾ = ((W⁽²⁾)ᵀδ⁽²⁾ ⊙ z⁽¹⁾ ⊙ (1 − z⁽¹⁾)) uᵀ for the softmax variant, worked independently.
    const Trace t = traceNetwork(multi);
    const Eigen::VectorXd z1 = t.forward.z[1];
    const Eigen::VectorXd back = multi.layers[2].weights.transpose() * (t.forward.output() - multi.sample.target);
    const Eigen::MatrixXd expected =
        (back.array() * z1.array() * (1 - z1.array())).matrix() * multi.sample.input.transpose();
    QVERIFY((t.gradients.weights[1] - expected).cwiseAbs().maxCoeff() < 1e-15);
}

void TestWorkedExample::outputDeltaDerivedWithTheNumbers() {
    // Sigmoid with binary cross-entropy, y = 0.507321, t = 0, worked by hand:
    // ∂E/∂y = −t/y + (1 − t)/(1 − y) = 1/0.492679 = 2.02972, σ′(a) = y(1 − y)
    // = 0.249946, and their product 0.507321 = y − t.
    const Trace trace = traceNetwork(sheet5());
    const ScalarFormula* f = trace.formulaFor({Quantity::Delta, 2, 0, -1});
    QVERIFY(f);
    QCOMPARE(f->working.size(), size_t(3));
    QVERIFY(sameTo6(f->working[0].value, 2.02972));
    QVERIFY(sameTo6(f->working[1].value, 0.249946));
    QVERIFY(sameTo6(f->working[2].value, 0.507321));
    QCOMPARE(QString::fromStdString(f->working[0].line().text),
             QString("∂E/∂z₁⁽²⁾ = −t₁/z₁⁽²⁾ + (1 − t₁)/(1 − z₁⁽²⁾) = −0/0.507321 + (1 - 0)/(1 - "
                     "0.507321) = 2.02972"));
    QCOMPARE(QString::fromStdString(f->working[1].line().text),
             QString("σ′(a₁⁽²⁾) = z₁⁽²⁾(1 − z₁⁽²⁾) = 0.507321 × (1 - 0.507321) = 0.249946"));
    // Softmax with cross-entropy: δₖ = −tₖ + yₖ Σⱼ tⱼ, the targets summing to 1.
    Network multi = sheet5();
    multi.layers[2].size = 3;
    multi.layers[2].activation.kind = Activation::Softmax;
    multi.layers[2].weights = Eigen::MatrixXd::Zero(3, 2);
    multi.layers[2].bias = Eigen::Vector3d::Zero();
    multi.loss = Loss::CrossEntropy;
    multi.sample.target = Eigen::Vector3d(0, 1, 0);
    const Trace soft = traceNetwork(multi);
    const ScalarFormula* d2 = soft.formulaFor({Quantity::Delta, 2, 1, -1});
    QVERIFY(d2);
    QCOMPARE(d2->working.size(), size_t(1));
    QVERIFY(sameTo6(d2->working[0].value, -1 + 1.0 / 3)); // equal outputs ⅓
    QVERIFY(QString::fromStdString(d2->working[0].line().text).endsWith("= −1 + 0.333333 × 1 = -0.666667"));
    // The indicator names this unit (δ₂: j = 2), not a free k.
    QVERIFY2(QString::fromStdString(d2->working[0].symbolic.text).startsWith("Σⱼ (−tⱼ/yⱼ) · yⱼ(𝟙[j = 2] − z₂⁽²⁾)"),
             d2->working[0].symbolic.text.c_str());
}

void TestWorkedExample::substitutedFormulaOfHiddenDelta() {
    const Trace trace = traceNetwork(sheet5());
    const ScalarFormula* f = trace.formulaFor({Quantity::Delta, 1, 0, -1});
    QVERIFY(f);
    QCOMPARE(QString::fromStdString(f->lhs.text), QString("δ₁⁽¹⁾"));
    QCOMPARE(QString::fromStdString(f->symbolic.text), QString("z₁⁽¹⁾(1 − z₁⁽¹⁾) · (w₁₁⁽²⁾δ₁⁽²⁾)"));
    QCOMPARE(QString::fromStdString(f->substituted.text),
             QString("0.576885 × (1 - 0.576885) × (0.2 × 0.507321)"));
    QCOMPARE(QString::fromStdString(f->result.text), QString("0.0247663"));
    QCOMPARE(QString::fromStdString(f->lhs.latex), QString("\\delta_{1}^{(1)}"));
    // Its direct inputs: z₁⁽¹⁾ and δ₁⁽²⁾.
    QCOMPARE(f->inputs.size(), size_t(2));
    QVERIFY((f->inputs[0] == QuantityRef{Quantity::Z, 1, 0, -1}));
    QVERIFY((f->inputs[1] == QuantityRef{Quantity::Delta, 2, 0, -1}));
    // The new weight's substituted form and its input, the gradient.
    const ScalarFormula* w = trace.formulaFor({Quantity::NewWeights, 1, 0, 2});
    QVERIFY(w);
    QCOMPARE(QString::fromStdString(w->substituted.text), QString("0.3 - 0.05 × (-0.00247663)"));
    QVERIFY((w->inputs.front() == QuantityRef{Quantity::GradWeights, 1, 0, 2}));
}

void TestWorkedExample::stepOrderFollowsTheLesson() {
    const Trace trace = traceNetwork(sheet5());
    const std::vector<std::pair<StepKind, int>> expected = {
        {StepKind::Forward, 1},  {StepKind::Forward, 2},     {StepKind::Loss, 2},
        {StepKind::OutputDelta, 2}, {StepKind::HiddenDelta, 1}, {StepKind::Gradient, 2},
        {StepKind::Gradient, 1}, {StepKind::Update, 2},      {StepKind::Update, 1}};
    QCOMPARE(trace.steps.size(), expected.size());
    for (size_t s = 0; s < expected.size(); ++s) {
        QCOMPARE(trace.steps[s].kind, expected[s].first);
        QCOMPARE(trace.steps[s].layer, expected[s].second);
    }
}

QTEST_APPLESS_MAIN(TestWorkedExample)
#include "tst_worked_example.moc"
