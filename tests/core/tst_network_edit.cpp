// Structural edits keep shapes valid, keep the weights they should keep, and
// refuse edits that would leave an unusable network (with a reason).
#include "core/network_edit.h"
#include "core/trace.h"

#include <QtTest>

using namespace bpl;

namespace {

// The 3-2-1 exercise of teaching-content.md section 1.
Network sheet5() {
    Network net;
    Layer input;
    input.size = 3;
    input.labels = {"u1", "u2", "u3"};
    Layer hidden;
    hidden.size = 2;
    hidden.activation.kind = Activation::Sigmoid;
    hidden.weights.resize(2, 3);
    hidden.weights << 0.1, 0.2, 0.3, -0.1, 0.0, -0.2;
    hidden.bias = Eigen::Vector2d(0.5, -0.5);
    Layer output;
    output.size = 1;
    output.activation.kind = Activation::Sigmoid;
    output.weights.resize(1, 2);
    output.weights << 0.2, -0.2;
    output.bias = Eigen::VectorXd::Constant(1, 0.25);
    net.layers = {input, hidden, output};
    net.loss = Loss::BinaryCrossEntropy;
    net.learningRate = 0.05;
    net.sample.input = Eigen::Vector3d(3, 0.2, -0.1);
    net.sample.target = Eigen::VectorXd::Zero(1);
    return net;
}

Eigen::MatrixXd mat(std::initializer_list<std::initializer_list<double>> rows) {
    Eigen::MatrixXd m(rows.size(), rows.begin()->size());
    int i = 0;
    for (const auto& r : rows) {
        int j = 0;
        for (double x : r) m(i, j++) = x;
        ++i;
    }
    return m;
}

} // namespace

class TestNetworkEdit : public QObject {
    Q_OBJECT
private slots:
    void insertHiddenNeuronKeepsTheOutput();
    void insertInputNeuronGrowsTheSample();
    void removeHiddenNeuronDropsItsRowAndColumn();
    void removeOutputNeuronShrinksTheTarget();
    void removeLastNeuronIsRefused();
    void insertHiddenLayerResizesTheNextLayer();
    void appendOutputLayerMovesTheTarget();
    void removeHiddenLayerKeepsTheOverlap();
    void removeLayerRefusals_data();
    void removeLayerRefusals();
    void softmaxOutputSwitchesTheLoss();
    void softmaxOnHiddenLayerIsRefused();
    void lossPullsTheOutputActivation_data();
    void lossPullsTheOutputActivation();
    void valueChecks_data();
    void valueChecks();
};

void TestNetworkEdit::insertHiddenNeuronKeepsTheOutput() {
    const Network net = sheet5();
    const auto edited = insertNeuron(net, 1, 1);
    QVERIFY(edited.ok());
    const Network& e = edited.value();
    QCOMPARE(e.layers[1].size, 3);
    QCOMPARE(e.layers[1].weights, mat({{0.1, 0.2, 0.3}, {0, 0, 0}, {-0.1, 0.0, -0.2}}));
    QCOMPARE(e.layers[1].bias, Eigen::Vector3d(0.5, 0, -0.5));
    QCOMPARE(e.layers[2].weights, mat({{0.2, 0, -0.2}}));
    // Zero weights out of the new neuron: the network computes the same output.
    const double before = forward(net, net.sample.input).output()[0];
    const double after = forward(e, e.sample.input).output()[0];
    QCOMPARE(after, before);
    QVERIFY(structuralProblems(e).empty());
}

void TestNetworkEdit::insertInputNeuronGrowsTheSample() {
    const auto edited = insertNeuron(sheet5(), 0, 3);
    QVERIFY(edited.ok());
    const Network& e = edited.value();
    QCOMPARE(e.inputSize(), 4);
    QCOMPARE(e.sample.input, Eigen::Vector4d(3, 0.2, -0.1, 0));
    QCOMPARE(e.layers[1].weights, mat({{0.1, 0.2, 0.3, 0}, {-0.1, 0.0, -0.2, 0}}));
    QCOMPARE(e.layers[0].labels, (std::vector<std::string>{"u1", "u2", "u3", "u4"}));
}

void TestNetworkEdit::removeHiddenNeuronDropsItsRowAndColumn() {
    const auto edited = removeNeuron(sheet5(), 1, 0);
    QVERIFY(edited.ok());
    const Network& e = edited.value();
    QCOMPARE(e.layers[1].weights, mat({{-0.1, 0.0, -0.2}}));
    QCOMPARE(e.layers[1].bias, Eigen::VectorXd::Constant(1, -0.5));
    QCOMPARE(e.layers[2].weights, mat({{-0.2}}));
}

void TestNetworkEdit::removeOutputNeuronShrinksTheTarget() {
    Network net = insertNeuron(sheet5(), 2, 1).value();
    net.sample.target = Eigen::Vector2d(1, 0);
    const auto edited = removeNeuron(net, 2, 0);
    QVERIFY(edited.ok());
    QCOMPARE(edited.value().sample.target, Eigen::VectorXd::Zero(1));
    QCOMPARE(edited.value().layers[2].weights.rows(), Eigen::Index(1));
}

void TestNetworkEdit::removeLastNeuronIsRefused() {
    const auto edited = removeNeuron(sheet5(), 2, 0);
    QVERIFY(!edited.ok());
    QCOMPARE(QString::fromStdString(edited.error().reason), QString("layer 2 needs at least one neuron"));
}

void TestNetworkEdit::insertHiddenLayerResizesTheNextLayer() {
    ActivationFunction tanh;
    tanh.kind = Activation::Tanh;
    const auto edited = insertLayer(sheet5(), 2, 4, tanh);
    QVERIFY(edited.ok());
    const Network& e = edited.value();
    QCOMPARE(e.layerCount(), 4);
    QCOMPARE(e.layers[2].activation.kind, Activation::Tanh);
    QCOMPARE(e.layers[2].weights, Eigen::MatrixXd(Eigen::MatrixXd::Zero(4, 2)));
    // The old output layer keeps w₁₁ and w₁₂ and reads the two new inputs with weight 0.
    QCOMPARE(e.layers[3].weights, mat({{0.2, -0.2, 0, 0}}));
    QCOMPARE(e.layers[3].bias, Eigen::VectorXd::Constant(1, 0.25));
}

void TestNetworkEdit::appendOutputLayerMovesTheTarget() {
    ActivationFunction identity;
    identity.kind = Activation::Identity;
    const auto edited = insertLayer(sheet5(), 3, 2, identity);
    QVERIFY(edited.ok());
    const Network& e = edited.value();
    QCOMPARE(e.outputSize(), 2);
    QCOMPARE(e.sample.target, Eigen::Vector2d(0, 0));
    // Binary cross-entropy needs a sigmoid output, so the loss follows.
    QCOMPARE(e.loss, Loss::HalfSquaredError);
}

void TestNetworkEdit::removeHiddenLayerKeepsTheOverlap() {
    const auto edited = removeLayer(sheet5(), 1);
    QVERIFY(edited.ok());
    const Network& e = edited.value();
    QCOMPARE(e.layerCount(), 2);
    QCOMPARE(e.layers[1].weights, mat({{0.2, -0.2, 0}}));
    QCOMPARE(e.layers[1].bias, Eigen::VectorXd::Constant(1, 0.25));
}

void TestNetworkEdit::removeLayerRefusals_data() {
    QTest::addColumn<int>("layer");
    QTest::addColumn<bool>("twoLayers");
    QTest::addColumn<QString>("reason");
    QTest::newRow("input") << 0 << false << "the input layer cannot be removed (change its number of neurons instead)";
    QTest::newRow("beyond") << 3 << false << "there is no layer 3";
    QTest::newRow("only layer") << 1 << true << "a network needs an input layer and at least one more layer";
}

void TestNetworkEdit::removeLayerRefusals() {
    QFETCH(int, layer);
    QFETCH(bool, twoLayers);
    QFETCH(QString, reason);
    Network net = sheet5();
    if (twoLayers) net = removeLayer(net, 1).value();
    const auto edited = removeLayer(net, layer);
    QVERIFY(!edited.ok());
    QCOMPARE(QString::fromStdString(edited.error().reason), reason);
}

void TestNetworkEdit::softmaxOutputSwitchesTheLoss() {
    Network net = insertNeuron(sheet5(), 2, 1).value();
    ActivationFunction softmax;
    softmax.kind = Activation::Softmax;
    // The target (0, 0) sums to 0, not 1: cross-entropy cannot take it (issue 11:
    // the edit used to go through and Save As wrote a file the app refused).
    const auto refused = setActivation(net, 2, softmax);
    QVERIFY(!refused.ok());
    QCOMPARE(QString::fromStdString(refused.error().reason),
             QString("cross_entropy targets must be non-negative and sum to 1; they sum to 0"));
    net.sample.target = Eigen::Vector2d(1, 0);
    const auto edited = setActivation(net, 2, softmax);
    QVERIFY(edited.ok());
    QCOMPARE(edited.value().loss, Loss::CrossEntropy);
    // A tanh output cannot keep binary cross-entropy either.
    ActivationFunction tanh;
    tanh.kind = Activation::Tanh;
    QCOMPARE(setActivation(sheet5(), 2, tanh).value().loss, Loss::HalfSquaredError);
    // A sigmoid hidden layer changed to ReLU leaves the loss alone.
    ActivationFunction relu;
    relu.kind = Activation::Relu;
    QCOMPARE(setActivation(sheet5(), 1, relu).value().loss, Loss::BinaryCrossEntropy);
}

void TestNetworkEdit::softmaxOnHiddenLayerIsRefused() {
    ActivationFunction softmax;
    softmax.kind = Activation::Softmax;
    const auto edited = setActivation(sheet5(), 1, softmax);
    QVERIFY(!edited.ok());
    QCOMPARE(QString::fromStdString(edited.error().reason), QString("softmax is only allowed on the output layer"));
    QVERIFY(!setActivation(sheet5(), 0, softmax).ok());
}

void TestNetworkEdit::lossPullsTheOutputActivation_data() {
    QTest::addColumn<int>("startOutput");
    QTest::addColumn<int>("loss");
    QTest::addColumn<int>("expectedOutput");
    QTest::newRow("bce makes sigmoid") << int(Activation::Identity) << int(Loss::BinaryCrossEntropy)
                                       << int(Activation::Sigmoid);
    QTest::newRow("ce makes softmax") << int(Activation::Tanh) << int(Loss::CrossEntropy) << int(Activation::Softmax);
    QTest::newRow("ce keeps sigmoid") << int(Activation::Sigmoid) << int(Loss::CrossEntropy) << int(Activation::Sigmoid);
    QTest::newRow("mse keeps tanh") << int(Activation::Tanh) << int(Loss::MeanSquaredError) << int(Activation::Tanh);
    QTest::newRow("squared error leaves softmax") << int(Activation::Softmax) << int(Loss::SquaredError)
                                                  << int(Activation::Identity);
}

void TestNetworkEdit::lossPullsTheOutputActivation() {
    QFETCH(int, startOutput);
    QFETCH(int, loss);
    QFETCH(int, expectedOutput);
    Network net = insertNeuron(sheet5(), 2, 1).value();
    net.loss = startOutput == int(Activation::Softmax) ? Loss::CrossEntropy : Loss::HalfSquaredError;
    net.layers[2].activation.kind = Activation(startOutput);
    net.sample.target = Eigen::Vector2d(1, 0); // valid for every loss
    QVERIFY(structuralProblems(net).empty());
    const auto edited = setLoss(net, Loss(loss));
    QVERIFY2(edited.ok(), edited.ok() ? "" : edited.error().reason.c_str());
    QCOMPARE(int(edited.value().layers[2].activation.kind), expectedOutput);
    QCOMPARE(int(edited.value().loss), loss);
}

void TestNetworkEdit::valueChecks_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("parameterOk");
    QTest::addColumn<bool>("learningRateOk");
    QTest::newRow("0.05") << 0.05 << true << true;
    QTest::newRow("0") << 0.0 << true << false;
    QTest::newRow("-0.4") << -0.4 << true << false;
    QTest::newRow("nan") << std::nan("") << false << false;
    QTest::newRow("inf") << HUGE_VAL << false << false;
    QTest::newRow("5000") << 5000.0 << true << false;
    QTest::newRow("2e6") << 2e6 << false << false;
}

void TestNetworkEdit::valueChecks() {
    QFETCH(double, value);
    QFETCH(bool, parameterOk);
    QFETCH(bool, learningRateOk);
    QCOMPARE(parameterProblem(value).empty(), parameterOk);
    QCOMPARE(learningRateProblem(value).empty(), learningRateOk);
}

QTEST_APPLESS_MAIN(TestNetworkEdit)
#include "tst_network_edit.moc"
