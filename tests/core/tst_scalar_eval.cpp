// Recomputing one scalar from its direct inputs: with the exact inputs it gives
// the trace's value for every scalar of seeded networks covering every
// activation and loss, reads only the inputs its formula lists, and writes the
// same formula text; with other inputs it follows hand-worked arithmetic.
// Also: which references exist in a network (layer 0 has no δ, indices in range).
#include "core/scalar_eval.h"

#include <QtTest>
#include <cmath>
#include <random>
#include <set>

#include "support/sheet5_network.h"

using namespace bpl;

namespace {

using bpl::test::sheet5;

// Seeded networks: every hidden activation (step included) and every loss with
// the outputs it allows.
Network seeded(std::mt19937_64& rng, Loss loss, Activation output) {
    std::uniform_real_distribution<double> weight(-1.2, 1.2);
    const std::vector<Activation> hidden = {Activation::Identity, Activation::Sigmoid, Activation::Tanh,
                                            Activation::Relu, Activation::LeakyRelu, Activation::Step};
    std::uniform_int_distribution<size_t> pick(0, hidden.size() - 1);
    std::uniform_int_distribution<int> width(1, 4);
    Network net;
    Layer input;
    input.size = width(rng);
    net.layers.push_back(input);
    const int layers = 4;
    for (int l = 1; l < layers; ++l) {
        Layer layer;
        const bool last = l == layers - 1;
        layer.size = last && output == Activation::Softmax ? 3 : width(rng);
        layer.activation.kind = last ? output : hidden[pick(rng)];
        layer.activation.alpha = 0.1;
        layer.weights = Eigen::MatrixXd::NullaryExpr(layer.size, net.layers.back().size, [&] { return weight(rng); });
        layer.bias = Eigen::VectorXd::NullaryExpr(layer.size, [&] { return weight(rng); });
        net.layers.push_back(layer);
    }
    net.loss = loss;
    net.learningRate = 0.3;
    net.sample.input = Eigen::VectorXd::NullaryExpr(net.inputSize(), [&] { return 2 * weight(rng); });
    std::uniform_real_distribution<double> unit(0.05, 0.95);
    net.sample.target = Eigen::VectorXd::NullaryExpr(net.outputSize(), [&] { return unit(rng); });
    if (loss == Loss::CrossEntropy) net.sample.target /= net.sample.target.sum();
    return net;
}

bool close(double x, double y) { return std::abs(x - y) <= 1e-12 * std::max(1.0, std::abs(y)); }

} // namespace

class TestScalarEval : public QObject {
    Q_OBJECT
private slots:
    void exactInputsGiveTheTraceValue_data();
    void exactInputsGiveTheTraceValue();
    void studentInputsFollowHandArithmetic();
    void formulaShowsTheStudentsNumbers();
    void outputIsZOfTheLastLayer();
    void refProblems_data();
    void refProblems();
};

void TestScalarEval::exactInputsGiveTheTraceValue_data() {
    QTest::addColumn<int>("loss");
    QTest::addColumn<int>("output");
    const std::vector<std::pair<Loss, Activation>> pairs = {
        {Loss::BinaryCrossEntropy, Activation::Sigmoid}, {Loss::CrossEntropy, Activation::Softmax},
        {Loss::CrossEntropy, Activation::Sigmoid},       {Loss::HalfSquaredError, Activation::Identity},
        {Loss::SquaredError, Activation::Tanh},          {Loss::MeanSquaredError, Activation::Relu},
        {Loss::HalfSquaredError, Activation::LeakyRelu}, {Loss::MeanSquaredError, Activation::Sigmoid}};
    for (const auto& [loss, output] : pairs) {
        QTest::newRow((lossName(loss) + " + " + activationName(output)).c_str())
            << static_cast<int>(loss) << static_cast<int>(output);
    }
}

void TestScalarEval::exactInputsGiveTheTraceValue() {
    QFETCH(int, loss);
    QFETCH(int, output);
    std::mt19937_64 rng(1234 + loss * 10 + output);
    for (int repeat = 0; repeat < 20; ++repeat) {
        const Network net = seeded(rng, static_cast<Loss>(loss), static_cast<Activation>(output));
        const Trace trace = traceNetwork(net);
        int checked = 0;
        for (const Step& step : trace.steps) {
            for (const ScalarFormula& f : step.scalars) {
                std::set<QuantityRef> read;
                const ValueLookup exact = [&](const QuantityRef& r) {
                    read.insert(r);
                    return *trace.valueOf(r);
                };
                const double value = evaluateScalar(trace, f.ref, exact);
                QVERIFY2(close(value, f.value), qPrintable(QString("%1: %2 vs %3")
                                                               .arg(QString::fromStdString(f.ref.describe()))
                                                               .arg(value, 0, 'g', 17)
                                                               .arg(f.value, 0, 'g', 17)));
                const std::set<QuantityRef> listed(f.inputs.begin(), f.inputs.end());
                for (const QuantityRef& r : read) {
                    QVERIFY2(listed.contains(r), qPrintable(QString::fromStdString(
                                                     f.ref.describe() + " reads " + r.describe() + ", not an input")));
                }
                const auto rebuilt = formulaWithInputs(trace, f.ref, exact);
                QVERIFY(rebuilt.has_value());
                QCOMPARE(QString::fromStdString(rebuilt->line().text), QString::fromStdString(f.line().text));
                ++checked;
            }
        }
        QVERIFY(checked > 10);
    }
}

void TestScalarEval::studentInputsFollowHandArithmetic() {
    const Trace trace = traceNetwork(sheet5());
    // A student's δ⁽²⁾ = 0.6 and their z⁽¹⁾ = (0.5769, 0.4305).
    const std::map<QuantityRef, double> student = {{{Quantity::Delta, 2, 0, -1}, 0.6},
                                                   {{Quantity::Z, 1, 0, -1}, 0.5769},
                                                   {{Quantity::Z, 1, 1, -1}, 0.4305},
                                                   {{Quantity::GradWeights, 1, 0, 2}, -0.0025}};
    const ValueLookup theirs = [&](const QuantityRef& r) {
        const auto it = student.find(r);
        return it != student.end() ? it->second : *trace.valueOf(r);
    };
    // ∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾ z₁⁽¹⁾ = 0.6 × 0.5769
    QCOMPARE(evaluateScalar(trace, {Quantity::GradWeights, 2, 0, 0}, theirs), 0.6 * 0.5769);
    // δ₂⁽¹⁾ = z₂⁽¹⁾(1 − z₂⁽¹⁾) w₁₂⁽²⁾ δ₁⁽²⁾ = 0.4305 × 0.5695 × (−0.2) × 0.6
    QVERIFY(close(evaluateScalar(trace, {Quantity::Delta, 1, 1, -1}, theirs), 0.4305 * 0.5695 * -0.2 * 0.6));
    // new w₁₃⁽¹⁾ = 0.3 − 0.05 × (−0.0025)
    QVERIFY(close(evaluateScalar(trace, {Quantity::NewWeights, 1, 0, 2}, theirs), 0.3 + 0.05 * 0.0025));
    // a⁽²⁾ = 0.2 × 0.5769 − 0.2 × 0.4305; the loss from y = 0.6 with t = 0 is −ln(0.4).
    QVERIFY(close(evaluateScalar(trace, {Quantity::A, 2, 0, -1}, theirs), 0.2 * 0.5769 - 0.2 * 0.4305));
    const ValueLookup y06 = [&](const QuantityRef&) { return 0.6; };
    QVERIFY(close(evaluateScalar(trace, {Quantity::Loss, 0, 0, -1}, y06), -std::log(0.4)));
    // An output of 1 or more with target 0: ln(1 − y) is undefined.
    const ValueLookup y12 = [&](const QuantityRef&) { return 1.2; };
    QVERIFY(std::isnan(evaluateScalar(trace, {Quantity::Loss, 0, 0, -1}, y12)));
}

void TestScalarEval::formulaShowsTheStudentsNumbers() {
    const Trace trace = traceNetwork(sheet5());
    const ValueLookup theirs = [&](const QuantityRef& r) {
        return r == QuantityRef{Quantity::Delta, 2, 0, -1} ? 0.6 : *trace.valueOf(r);
    };
    const auto f = formulaWithInputs(trace, {Quantity::GradWeights, 2, 0, 0}, theirs);
    QVERIFY(f.has_value());
    QCOMPARE(QString::fromStdString(f->line().text), QString("∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾z₁⁽¹⁾ = 0.6 × 0.576885 = 0.346131"));
    // z⁽⁰⁾ is the input: no formula.
    QVERIFY(!formulaWithInputs(trace, {Quantity::Z, 0, 0, -1}, theirs).has_value());
}

void TestScalarEval::outputIsZOfTheLastLayer() {
    const Network net = sheet5();
    QVERIFY((canonicalRef(net, {Quantity::Output, 7, 0, -1}) == QuantityRef{Quantity::Z, 2, 0, -1}));
    QVERIFY((canonicalRef(net, {Quantity::Loss, 3, 1, 2}) == QuantityRef{Quantity::Loss, 0, 0, -1}));
    const Trace trace = traceNetwork(net);
    const ValueLookup exact = [&](const QuantityRef& r) { return *trace.valueOf(r); };
    QCOMPARE(evaluateScalar(trace, {Quantity::Output, 0, 0, -1}, exact), trace.forward.output()[0]);
}

void TestScalarEval::refProblems_data() {
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("i");
    QTest::addColumn<int>("j");
    QTest::addColumn<int>("part"); // -1: no problem
    QTest::addColumn<QString>("reason");
    auto row = [](const char* name, Quantity q, int l, int i, int j, int part, const char* reason) {
        QTest::newRow(name) << static_cast<int>(q) << l << i << j << part << QString(reason);
    };
    using P = RefProblem::Part;
    row("z layer 0 is the input", Quantity::Z, 0, 2, -1, -1, "");
    row("loss", Quantity::Loss, 0, 0, -1, -1, "");
    row("delta layer 0", Quantity::Delta, 0, 0, -1, int(P::Layer), "layer 0 is the input layer: it has no δ");
    row("a layer 0", Quantity::A, 0, 0, -1, int(P::Layer), "no pre-activation");
    row("weights layer 0", Quantity::GradWeights, 0, 0, 0, int(P::Layer), "no weights or biases feed it");
    row("layer 3", Quantity::Delta, 3, 0, -1, int(P::Layer), "layer 3 does not exist (the network has layers 0 to 2)");
    row("negative layer", Quantity::Z, -1, 0, -1, int(P::Layer), "layer -1 does not exist");
    row("neuron 3 of 2", Quantity::Z, 1, 2, -1, int(P::Row), "layer 1 has 2 neurons, found index 3");
    row("output 2 of 1", Quantity::Output, 0, 1, -1, int(P::Row), "the output layer has 1 neuron, found index 2");
    row("weight from 4 of 3", Quantity::NewWeights, 1, 0, 3, int(P::Column),
        "weights into layer 1 come from the 3 neurons of layer 0, found index 4");
    row("weight 1,2 into layer 2", Quantity::GradWeights, 2, 0, 1, -1, "");
}

void TestScalarEval::refProblems() {
    QFETCH(int, quantity);
    QFETCH(int, layer);
    QFETCH(int, i);
    QFETCH(int, j);
    QFETCH(int, part);
    QFETCH(QString, reason);
    const auto problem = refProblem(sheet5(), {static_cast<Quantity>(quantity), layer, i, j});
    QCOMPARE(problem.has_value(), part >= 0);
    if (!problem) return;
    QCOMPARE(static_cast<int>(problem->part), part);
    QVERIFY2(QString::fromStdString(problem->reason).contains(reason), problem->reason.c_str());
}

QTEST_APPLESS_MAIN(TestScalarEval)
#include "tst_scalar_eval.moc"
