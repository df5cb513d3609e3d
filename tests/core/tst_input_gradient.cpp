// The input gradient ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ (the optional last step of the trace)
// against central differences of E in x, a hand-worked 2-2-1 network, its
// checking (symbol, answer, carried error), and the collapse of consecutive
// identity layers against a product worked by hand.
#include "core/answer_check.h"
#include "core/linear_collapse.h"
#include "core/symbol_parse.h"
#include "core/trace.h"
#include "core/trace_overflow.h"
#include "support/sheet5_network.h"

#include <QtTest>
#include <cmath>

using namespace bpl;

namespace {

Layer layer(int size, Activation kind, const Eigen::MatrixXd& weights,
            const Eigen::VectorXd& bias) {
    Layer l;
    l.size = size;
    l.activation.kind = kind;
    l.weights = weights;
    l.bias = bias;
    return l;
}

Layer inputLayer(int size) {
    Layer l;
    l.size = size;
    return l;
}

Eigen::MatrixXd matrix(int rows, int cols, std::initializer_list<double> values) {
    Eigen::MatrixXd m(rows, cols);
    auto it = values.begin();
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j)
            m(i, j) = *it++;
    return m;
}

Eigen::VectorXd vector(std::initializer_list<double> values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    int k = 0;
    for (double x : values)
        v[k++] = x;
    return v;
}

// The 2-2-1 network worked by hand below: ReLU hidden, identity output, ½(y − t)².
Network tiny() {
    Network net;
    net.layers = {inputLayer(2),
                  layer(2, Activation::Relu, matrix(2, 2, {0.5, -1, 2, 1}), vector({0, 0})),
                  layer(1, Activation::Identity, matrix(1, 2, {1, -2}), vector({0}))};
    net.loss = Loss::HalfSquaredError;
    net.learningRate = 0.1;
    net.sample.input = vector({4, 1});
    net.sample.target = vector({0});
    return net;
}

// A 3-3-3 softmax network with cross-entropy (tanh hidden).
Network softmaxNet() {
    Network net;
    net.layers = {inputLayer(3),
                  layer(3, Activation::Tanh,
                        matrix(3, 3, {0.4, -0.7, 0.2, 1.1, 0.3, -0.5, -0.6, 0.8, 0.9}),
                        vector({0.1, -0.2, 0.05})),
                  layer(3, Activation::Softmax,
                        matrix(3, 3, {0.7, -1.2, 0.4, -0.3, 0.9, 1.5, 0.2, 0.6, -0.8}),
                        vector({0.0, 0.3, -0.1}))};
    net.loss = Loss::CrossEntropy;
    net.sample.input = vector({0.5, -1.2, 2.0});
    net.sample.target = vector({0, 1, 0});
    return net;
}

// A 2-3-2 sigmoid network with mean squared error.
Network sigmoidMse() {
    Network net;
    net.layers = {inputLayer(2),
                  layer(3, Activation::Sigmoid, matrix(3, 2, {0.3, -0.8, 1.2, 0.4, -0.5, 0.9}),
                        vector({0.1, 0, -0.3})),
                  layer(2, Activation::Sigmoid, matrix(2, 3, {0.6, -0.4, 1.1, -1.3, 0.2, 0.5}),
                        vector({0.2, -0.1}))};
    net.loss = Loss::MeanSquaredError;
    net.sample.input = vector({1.5, -0.7});
    net.sample.target = vector({1, 0});
    return net;
}

// Two identity layers (2 → 2 → 2) with half squared error.
Network linear221() {
    Network net;
    net.layers = {inputLayer(2),
                  layer(2, Activation::Identity, matrix(2, 2, {1, 2, 3, 4}), vector({1, -1})),
                  layer(2, Activation::Identity, matrix(2, 2, {0, 1, -1, 2}), vector({0.5, 2}))};
    net.loss = Loss::HalfSquaredError;
    net.sample.input = vector({1, 2});
    net.sample.target = vector({0, 0});
    return net;
}

double lossAt(const Network& net, const Eigen::VectorXd& x) {
    return loss(net, forward(net, x), net.sample.target);
}

TraceOptions withInputGradient() {
    TraceOptions o;
    o.inputGradient = true;
    return o;
}

} // namespace

class TestInputGradient : public QObject {
    Q_OBJECT
  private slots:
    void matchesCentralDifferences_data();
    void matchesCentralDifferences();
    void tinyNetworkByHand();
    void isTheLastStepOnlyWhenAsked();
    void followsTheNotation();
    void isCheckable();
    void overflowIsNamed();
    void twoIdentityLayersCollapse();
    void threeIdentityLayersCollapse();
    void collapseNeedsTwoIdentityLayers();
};

void TestInputGradient::matchesCentralDifferences_data() {
    QTest::addColumn<int>("which");
    QTest::newRow("softmax + cross-entropy") << 0;
    QTest::newRow("sigmoid + MSE") << 1;
    QTest::newRow("course 3-2-1, sigmoid + BCE") << 2;
    QTest::newRow("ReLU + half squared error") << 3;
    QTest::newRow("two identity layers") << 4;
}

void TestInputGradient::matchesCentralDifferences() {
    QFETCH(int, which);
    const Network nets[] = {softmaxNet(), sigmoidMse(), test::sheet5(), tiny(), linear221()};
    const Network& net = nets[which];
    const Trace t = traceNetwork(net, withInputGradient());
    const double h = 1e-6;
    QCOMPARE(t.inputGradient.size(), net.sample.input.size());
    for (Eigen::Index j = 0; j < net.sample.input.size(); ++j) {
        Eigen::VectorXd up = net.sample.input, down = net.sample.input;
        up[j] += h;
        down[j] -= h;
        const double numeric = (lossAt(net, up) - lossAt(net, down)) / (2 * h);
        const double analytic = t.inputGradient[j];
        QVERIFY2(std::abs(numeric - analytic) <= 1e-7 * std::max(1.0, std::abs(numeric)),
                 qPrintable(QString("x%1: backprop %2, central differences %3")
                                .arg(j + 1)
                                .arg(analytic, 0, 'g', 12)
                                .arg(numeric, 0, 'g', 12)));
        // The step's scalar is the same number.
        QCOMPARE(t.steps.back().scalars[j].value, analytic);
    }
}

void TestInputGradient::tinyNetworkByHand() {
    // a⁽¹⁾ = (0.5·4 − 1·1, 2·4 + 1·1) = (1, 9) = z⁽¹⁾; y = 1·1 − 2·9 = −17;
    // δ⁽²⁾ = y − t = −17; δ⁽¹⁾ = (1·(1·−17), 1·(−2·−17)) = (−17, 34);
    // ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ = (0.5·−17 + 2·34, −1·−17 + 1·34) = (59.5, 51).
    // (Directly: y = −3.5x₁ − 3x₂ here, so ∂E/∂x = y·(−3.5, −3) = (59.5, 51).)
    const Trace t = traceNetwork(tiny(), withInputGradient());
    QCOMPARE(t.inputGradient[0], 59.5);
    QCOMPARE(t.inputGradient[1], 51.0);
    const Step& step = t.steps.back();
    QCOMPARE(step.kind, StepKind::InputGradient);
    QCOMPARE(step.layer, 0);
    QCOMPARE(step.title.text, std::string("Input gradient, layer 0"));
    QCOMPARE(step.vectorFormula.text, std::string("∂E/∂z⁽⁰⁾ = W⁽¹⁾ᵀδ⁽¹⁾"));
    QCOMPARE(stepKindKey(step.kind), std::string("input_gradient"));
    QCOMPARE(step.scalars.size(), size_t(2));
    QCOMPARE(step.scalars[0].line().text,
             std::string("∂E/∂z₁⁽⁰⁾ = w₁₁⁽¹⁾δ₁⁽¹⁾ + w₂₁⁽¹⁾δ₂⁽¹⁾ = 0.5 × (-17) + 2 × 34 = 59.5"));
    QCOMPARE(step.scalars[1].line().text,
             std::string("∂E/∂z₂⁽⁰⁾ = w₁₂⁽¹⁾δ₁⁽¹⁾ + w₂₂⁽¹⁾δ₂⁽¹⁾ = (-1) × (-17) + 1 × 34 = 51"));
    QCOMPARE(step.scalars[1].lhs.latex, std::string("\\frac{\\partial E}{\\partial z_{2}^{(0)}}"));
    QCOMPARE(step.scalars[1].symbolic.latex,
             std::string("w_{12}^{(1)}\\delta_{1}^{(1)} + w_{22}^{(1)}\\delta_{2}^{(1)}"));
    const std::vector<QuantityRef> inputs = {{Quantity::Delta, 1, 0, -1},
                                             {Quantity::Delta, 1, 1, -1}};
    QCOMPARE(step.scalars[0].inputs, inputs);
    QCOMPARE(t.valueOf({Quantity::GradInput, 0, 1, -1}).value(), 51.0);
    QVERIFY(!t.valueOf({Quantity::GradInput, 1, 0, -1}));
    QVERIFY(!t.valueOf({Quantity::GradInput, 0, 2, -1}));
}

void TestInputGradient::isTheLastStepOnlyWhenAsked() {
    const Trace plain = traceNetwork(test::sheet5());
    const Trace with = traceNetwork(test::sheet5(), withInputGradient());
    QCOMPARE(with.steps.size(), plain.steps.size() + 1);
    QCOMPARE(plain.firstStepOf(StepKind::InputGradient), -1);
    QCOMPARE(with.firstStepOf(StepKind::InputGradient), static_cast<int>(plain.steps.size()));
    // Every other step is unchanged, in the same place.
    for (size_t s = 0; s < plain.steps.size(); ++s) {
        QCOMPARE(with.steps[s].title.text, plain.steps[s].title.text);
        QCOMPARE(with.steps[s].scalars.size(), plain.steps[s].scalars.size());
        for (size_t k = 0; k < plain.steps[s].scalars.size(); ++k)
            QCOMPARE(with.steps[s].scalars[k].line().text, plain.steps[s].scalars[k].line().text);
    }
    // The course's 3-2-1 network: ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ with δ⁽¹⁾ = (0.0247663, −0.0248753).
    QCOMPARE(with.steps.back().scalars[0].result.text, std::string("0.00496416"));
    QCOMPARE(with.steps.back().scalars[1].result.text, std::string("0.00495325"));
    QCOMPARE(with.steps.back().scalars[2].result.text, std::string("0.0124049"));
}

void TestInputGradient::followsTheNotation() {
    // Bishop: the input is layer 1 and W⁽¹⁾ leaves it, so ∂E/∂z⁽¹⁾ = W⁽¹⁾ᵀδ⁽²⁾.
    TraceOptions o = withInputGradient();
    o.notation = Notation::make(NotationScheme::Bishop);
    const Trace t = traceNetwork(tiny(), o);
    QCOMPARE(t.steps.back().title.text, std::string("Input gradient, layer 1"));
    QCOMPARE(t.steps.back().vectorFormula.text, std::string("∂E/∂z⁽¹⁾ = W⁽¹⁾ᵀδ⁽²⁾"));
    QCOMPARE(t.steps.back().scalars[0].lhs.text, std::string("∂E/∂z₁⁽¹⁾"));
    // Ng: the input is a⁽⁰⁾.
    o.notation = Notation::make(NotationScheme::Ng);
    QCOMPARE(traceNetwork(tiny(), o).steps.back().scalars[1].lhs.text, std::string("∂E/∂a₂⁽⁰⁾"));
}

void TestInputGradient::isCheckable() {
    const Network net = tiny();
    const Notation standard = Notation::make(NotationScheme::Standard);
    const QuantityRef x2{Quantity::GradInput, 0, 1, -1};
    for (const char* typed : {"∂E/∂z₂⁽⁰⁾", "dE/dz2(0)", "∂E/∂x₂", "dE/dx_2",
                              "\\frac{\\partial E}{\\partial z_{2}^{(0)}}"}) {
        const SymbolParse p = parseQuantitySymbol(typed, standard, net);
        QVERIFY2(p.ref.has_value(), typed);
        QCOMPARE(*p.ref, x2);
    }
    const Notation bishop = Notation::make(NotationScheme::Bishop);
    QCOMPARE(*parseQuantitySymbol("∂E/∂z₂⁽¹⁾", bishop, net).ref, x2);
    QVERIFY(
        !parseQuantitySymbol("∂E/∂z₁⁽¹⁾", standard, net).ref); // a hidden z has no ∂E/∂ quantity
    QVERIFY(!parseQuantitySymbol("∂E/∂x₃", standard, net).ref); // two inputs
    QCOMPARE(quantityKey(Quantity::GradInput), std::string("grad_input"));
    QCOMPARE(quantityFromKey("grad_input"), std::optional<Quantity>(Quantity::GradInput));

    // Right, wrong, and carried from a wrong δ₂⁽¹⁾ = 35 (0.5·−17 + 2·35 = 61.5).
    const Trace t = traceNetwork(net, withInputGradient());
    const std::vector<Answer> answers = {{{Quantity::Delta, 1, 1, -1}, 35},
                                         {{Quantity::GradInput, 0, 0, -1}, 61.5},
                                         {{Quantity::GradInput, 0, 1, -1}, 51}};
    const CheckReport r = checkAnswers(t, answers, Tolerance{});
    QCOMPARE(r.results[0].status, AnswerStatus::Wrong);
    QCOMPARE(r.results[1].status, AnswerStatus::Carried);
    QCOMPARE(r.results[1].expected, 59.5);
    QCOMPARE(r.results[1].symbol.text, std::string("∂E/∂z₁⁽⁰⁾"));
    QCOMPARE(r.results[2].status, AnswerStatus::Correct);
    // Without the step it is still a value of the network (checked, named).
    const CheckReport plain =
        checkAnswers(traceNetwork(net), {{{Quantity::GradInput, 0, 1, -1}, 51}}, Tolerance{});
    QCOMPARE(plain.results[0].status, AnswerStatus::Correct);
    QCOMPARE(plain.results[0].symbol.text, std::string("∂E/∂z₂⁽⁰⁾"));
}

void TestInputGradient::overflowIsNamed() {
    Network net = tiny();
    // a⁽¹⁾ = (1, 1), y = 1, δ⁽²⁾ = y − t = 1 + 1e10 = δ₁⁽¹⁾: every value of the
    // trace is finite, but ∂E/∂x₁ = 1e300 · δ₁⁽¹⁾ ≈ 1e310 is not.
    net.layers[1].weights(0, 0) = 1e300;
    net.sample.input = vector({0, 1e-300});
    net.sample.target = vector({-1e10});
    net.layers[2].weights = matrix(1, 2, {1, 0});
    net.layers[1].bias = vector({1, 1});
    const Trace plain = traceNetwork(net);
    QVERIFY(!traceOverflow(plain));
    const Trace with = traceNetwork(net, withInputGradient());
    QVERIFY(std::isfinite(with.gradients.delta[1][0]));
    const auto m = traceOverflow(with);
    QVERIFY(m.has_value());
    QVERIFY2(m->find("layer 0, neuron 1: the input gradient ∂E/∂x overflows") == 0, m->c_str());
}

void TestInputGradient::twoIdentityLayersCollapse() {
    // W = W⁽²⁾W⁽¹⁾ = [[0, 1], [−1, 2]]·[[1, 2], [3, 4]] = [[3, 4], [5, 6]];
    // b = W⁽²⁾b⁽¹⁾ + b⁽²⁾ = (−1, −1 − 2) + (0.5, 2) = (−0.5, −1);
    // x = (1, 2): W x + b = (11, 17) + (−0.5, −1) = (10.5, 16) = z⁽²⁾.
    const Network net = linear221();
    const ForwardPass pass = forward(net, net.sample.input);
    const Notation n = Notation::make(NotationScheme::Standard);
    QVERIFY(!linearCollapseAt(net, pass, 1, n)); // layer 1 has no identity layer before it
    const auto c = linearCollapseAt(net, pass, 2, n);
    QVERIFY(c.has_value());
    QCOMPARE(c->first, 1);
    QCOMPARE(c->last, 2);
    QCOMPARE(c->weights, matrix(2, 2, {3, 4, 5, 6}));
    QCOMPARE(c->bias, vector({-0.5, -1}));
    QCOMPARE(c->output, vector({10.5, 16}));
    QCOMPARE(pass.z[2], vector({10.5, 16}));
    QCOMPARE(c->largestDifference, 0.0);
    QCOMPARE(c->weightsFormula.text, std::string("W = W⁽²⁾W⁽¹⁾"));
    QCOMPARE(c->biasFormula.text, std::string("b = W⁽²⁾b⁽¹⁾ + b⁽²⁾"));
    const std::vector<std::string> lines = linearCollapseLines(*c, n, 6);
    const std::vector<std::string> expected = {
        "Layers 1 and 2 are linear (identity), so together they are one linear layer z⁽²⁾ = Wz⁽⁰⁾ "
        "+ b:",
        "W = W⁽²⁾W⁽¹⁾ = [[3, 4], [5, 6]]", "b = W⁽²⁾b⁽¹⁾ + b⁽²⁾ = (-0.5, -1)",
        "Wz⁽⁰⁾ + b = (10.5, 16), the same as z⁽²⁾ computed layer by layer (largest difference 0)"};
    QCOMPARE(lines, expected);
}

void TestInputGradient::threeIdentityLayersCollapse() {
    Network net = linear221();
    net.layers.push_back(layer(1, Activation::Identity, matrix(1, 2, {2, -1}), vector({3})));
    const ForwardPass pass = forward(net, net.sample.input);
    const auto c = linearCollapseAt(net, pass, 3, Notation::make(NotationScheme::Standard));
    QVERIFY(c.has_value());
    QCOMPARE(c->first, 1);
    // [2, −1]·[[3, 4], [5, 6]] = [1, 2]; b = [2, −1]·(−0.5, −1) + 3 = 3; output 1 + 4 + 3 = 8 =
    // 2·10.5 − 16 + 3.
    QCOMPARE(c->weights, matrix(1, 2, {1, 2}));
    QCOMPARE(c->bias, vector({3}));
    QCOMPARE(c->output, vector({8}));
    QCOMPARE(pass.z[3], vector({8}));
    QCOMPARE(c->biasFormula.text, std::string("b = W⁽³⁾W⁽²⁾b⁽¹⁾ + W⁽³⁾b⁽²⁾ + b⁽³⁾"));
}

void TestInputGradient::collapseNeedsTwoIdentityLayers() {
    const Network net = test::sheet5();
    const ForwardPass pass = forward(net, net.sample.input);
    QVERIFY(!linearCollapseAt(net, pass, 2, Notation::make(NotationScheme::Standard)));
    Network mixed = linear221();
    mixed.layers[1].activation.kind = Activation::Relu;
    QVERIFY(!linearCollapseAt(mixed, forward(mixed, mixed.sample.input), 2,
                              Notation::make(NotationScheme::Standard)));
}

QTEST_GUILESS_MAIN(TestInputGradient)
#include "tst_input_gradient.moc"
