// The rules issue 11 put in the core, each checked against hand-worked values:
// one target rule for every way in (a refusal names the offending value), the
// class decision of the 3-2-1 exercise (output 0.507321 ≤ 0.6 → class 0) and of
// a softmax output (arg max), the truth table with its hidden units, and the
// edits of every hidden layer at once.
#include "core/decision.h"
#include "core/network_edit.h"
#include "core/sample_rules.h"
#include "core/truth_table.h"
#include "support/sheet5_network.h"

#include <QtTest>

using namespace bpl;

class TestClassroomRules : public QObject {
    Q_OBJECT
  private slots:
    void targetRule_data();
    void targetRule();
    void structuralProblemsUseTheTargetRule();
    void editsThatBreakTheTargetAreRefused();
    void thresholdDecision();
    void argMaxDecision();
    void truthTableHasHiddenColumns();
    void declaredTruthTableDisagreement();
    void hiddenActivationsAtOnce();
    void twoUnitsWideKeepsTheOutputs();
};

namespace {

Network softmax3() {
    Network net;
    Layer in;
    in.size = 2;
    Layer out;
    out.size = 3;
    out.activation.kind = Activation::Softmax;
    out.weights = Eigen::MatrixXd::Zero(3, 2);
    out.weights << 1, 0, 0, 1, 0.5, 0.5;
    out.bias = Eigen::Vector3d(0, 0, 0);
    net.layers = {in, out};
    net.loss = Loss::CrossEntropy;
    net.sample.input = Eigen::Vector2d(1, 2);
    net.sample.target = Eigen::Vector3d(0, 1, 0);
    return net;
}

// XOR from step units (teaching-content section 6).
Network xorNetwork() {
    Network net;
    Layer in;
    in.size = 2;
    Layer hidden;
    hidden.size = 2;
    hidden.activation.kind = Activation::Step;
    hidden.weights.resize(2, 2);
    hidden.weights << 2, -2, -2, 2;
    hidden.bias = Eigen::Vector2d(-1, -1);
    Layer out;
    out.size = 1;
    out.activation.kind = Activation::Step;
    out.weights = Eigen::MatrixXd::Constant(1, 2, 1.0);
    out.bias = Eigen::VectorXd::Constant(1, -0.5);
    net.layers = {in, hidden, out};
    net.sample.input = Eigen::Vector2d(1, 0);
    net.sample.target = Eigen::VectorXd::Constant(1, 1);
    return net;
}

// A chain of `depth` one-unit sigmoid layers, w = 0.8 each, identity output.
Network chain(int depth) {
    Network net;
    Layer in;
    in.size = 1;
    net.layers.push_back(in);
    for (int l = 1; l <= depth; ++l) {
        Layer layer;
        layer.activation.kind = l == depth ? Activation::Identity : Activation::Sigmoid;
        layer.weights = Eigen::MatrixXd::Constant(1, 1, 0.8);
        layer.bias = Eigen::VectorXd::Constant(1, 0.1);
        net.layers.push_back(layer);
    }
    net.sample.input = Eigen::VectorXd::Constant(1, 1.5);
    net.sample.target = Eigen::VectorXd::Constant(1, 0);
    return net;
}

} // namespace

void TestClassroomRules::targetRule_data() {
    QTest::addColumn<int>("which"); // 0: the 3-2-1 BCE network, 1: the softmax/CE one
    QTest::addColumn<QList<double>>("target");
    QTest::addColumn<QString>("problem");
    QTest::newRow("BCE 2") << 0 << QList<double>{2}
                           << "binary_cross_entropy targets must lie in [0, 1]; target 1 is 2";
    QTest::newRow("BCE -0.5")
        << 0 << QList<double>{-0.5}
        << "binary_cross_entropy targets must lie in [0, 1]; target 1 is -0.5";
    QTest::newRow("BCE 1") << 0 << QList<double>{1} << "";
    QTest::newRow("two numbers")
        << 0 << QList<double>{0, 1}
        << "the target needs 1 number (the output layer has 1 neuron), found 2";
    QTest::newRow("CE sums to 1.7")
        << 1 << QList<double>{0.5, 0.9, 0.3}
        << "cross_entropy targets must be non-negative and sum to 1; they sum to 1.7";
    QTest::newRow("CE negative")
        << 1 << QList<double>{-1, 2, 0}
        << "cross_entropy targets must be non-negative and sum to 1; target 1 is -1";
    QTest::newRow("CE one-hot") << 1 << QList<double>{0, 0, 1} << "";
    QTest::newRow("CE soft") << 1 << QList<double>{0.2, 0.3, 0.5} << "";
    QTest::newRow("nan") << 1 << QList<double>{qQNaN(), 0, 1} << "target 1 is not a finite number";
}

void TestClassroomRules::targetRule() {
    QFETCH(int, which);
    QFETCH(QList<double>, target);
    QFETCH(QString, problem);
    const Network net = which == 0 ? test::sheet5() : softmax3();
    const Eigen::VectorXd t = Eigen::Map<const Eigen::VectorXd>(target.data(), target.size());
    QCOMPARE(QString::fromStdString(targetProblem(net, t)), problem);
}

void TestClassroomRules::structuralProblemsUseTheTargetRule() {
    Network net = test::sheet5();
    QVERIFY(structuralProblems(net).empty());
    net.sample.target[0] = 2;
    const auto problems = structuralProblems(net);
    QCOMPARE(problems.size(), size_t(1));
    QCOMPARE(QString::fromStdString(problems.front()),
             QString("binary_cross_entropy targets must lie in [0, 1]; target 1 is 2"));
}

void TestClassroomRules::editsThatBreakTheTargetAreRefused() {
    // Half squared error with target 2 is fine; switching to BCE would make it invalid.
    Network net = test::sheet5();
    net.loss = Loss::HalfSquaredError;
    net.sample.target[0] = 2;
    QVERIFY(structuralProblems(net).empty());
    const auto edited = setLoss(net, Loss::BinaryCrossEntropy);
    QVERIFY(!edited.ok());
    QVERIFY(edited.error().reason.find("target 1 is 2") != std::string::npos);
}

void TestClassroomRules::thresholdDecision() {
    // Section 1: output z⁽²⁾ = 0.507321, class 1 only above 0.6 → class 0.
    Network net = test::sheet5();
    const Notation n = Notation::make(NotationScheme::Standard);
    const Eigen::VectorXd y = forward(net, net.sample.input).output();
    QVERIFY(!classDecision(net, y, n, 6).has_value()); // no rule stated
    net.decisionThreshold = 0.6;
    auto d = classDecision(net, y, n, 6);
    QVERIFY(d.has_value());
    QCOMPARE(d->classes, std::vector<int>{0});
    QCOMPARE(QString::fromStdString(d->text.text), QString("z₁⁽²⁾ = 0.507321 ≤ 0.6 → class 0"));
    net.decisionThreshold = 0.5;
    d = classDecision(net, y, n, 6);
    QCOMPARE(d->classes, std::vector<int>{1});
    QCOMPARE(QString::fromStdString(d->text.text), QString("z₁⁽²⁾ = 0.507321 > 0.5 → class 1"));
}

void TestClassroomRules::argMaxDecision() {
    // a = (1, 2, 1.5): the second class has the largest probability.
    const Network net = softmax3();
    const Eigen::VectorXd y = forward(net, net.sample.input).output();
    const auto d = classDecision(net, y, Notation::make(NotationScheme::Standard), 3);
    QVERIFY(d.has_value());
    QVERIFY(d->rule == ClassDecision::Rule::ArgMax);
    QCOMPARE(d->classes, std::vector<int>{2});
    // softmax(1, 2, 1.5)₂ = e² / (e + e² + e^1.5) = 0.506
    QVERIFY(QString::fromStdString(d->text.text).endsWith("= 0.506 → class 2"));
}

void TestClassroomRules::truthTableHasHiddenColumns() {
    const auto table = truthTable(xorNetwork());
    QVERIFY(table.has_value());
    // z₁ = U(2x₁ − 2x₂ − 1) is 1 only for (1, 0); z₂ = U(−2x₁ + 2x₂ − 1) only for (0, 1).
    const double z1[] = {0, 0, 1, 0}, z2[] = {0, 1, 0, 0}, y[] = {0, 1, 1, 0};
    for (int r = 0; r < 4; ++r) {
        QCOMPARE((*table)[r].hidden.size(), size_t(1));
        QCOMPARE((*table)[r].hidden[0][0], z1[r]);
        QCOMPARE((*table)[r].hidden[0][1], z2[r]);
        QCOMPARE((*table)[r].output[0], y[r]);
    }
}

void TestClassroomRules::declaredTruthTableDisagreement() {
    Network net = xorNetwork();
    net.declaredTruthTable = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
    QVERIFY(truthTableDisagreements(net).empty());
    net.declaredTruthTable[3] = {1, 1, 1}; // an OR table's last row
    const auto problems = truthTableDisagreements(net);
    QCOMPARE(problems.size(), size_t(1));
    QCOMPARE(QString::fromStdString(problems.front()),
             QString("truth_table[3]: for input (1, 1) the file says (1), the network gives (0)"));
}

void TestClassroomRules::hiddenActivationsAtOnce() {
    const Network net = chain(5);
    ActivationFunction relu;
    relu.kind = Activation::Relu;
    const auto edited = setHiddenActivations(net, relu);
    QVERIFY(edited.ok());
    for (int l = 1; l < 5; ++l)
        QVERIFY(edited.value().layers[l].activation.kind == Activation::Relu);
    QVERIFY(edited.value().layers[5].activation.kind ==
            Activation::Identity); // the output keeps its own
    ActivationFunction softmax;
    softmax.kind = Activation::Softmax;
    QVERIFY(!setHiddenActivations(net, softmax).ok());
}

void TestClassroomRules::twoUnitsWideKeepsTheOutputs() {
    const Network net = chain(4);
    const auto wide = widenHiddenLayers(net, 2);
    QVERIFY(wide.ok());
    const Network& w = wide.value();
    for (int l = 1; l < 4; ++l)
        QCOMPARE(w.layers[l].size, 2);
    QCOMPARE(w.layers[4].size, 1);
    // Each copy has the first unit's weights in; the weights out are halved: same outputs.
    QCOMPARE(w.layers[2].weights, Eigen::MatrixXd::Constant(2, 2, 0.4));
    QCOMPARE(w.layers[4].weights, Eigen::MatrixXd::Constant(1, 2, 0.4));
    const double before = forward(net, net.sample.input).output()[0];
    const double after = forward(w, w.sample.input).output()[0];
    QVERIFY(std::abs(before - after) < 1e-14);
    QVERIFY(!widenHiddenLayers(w, 2).ok()); // already two wide
}

QTEST_APPLESS_MAIN(TestClassroomRules)
#include "tst_classroom_rules.moc"
