// Seeded initialisation: reproducible, within each scheme's bounds with the
// expected spread, biases zero, and the all-zero trap (hidden units identical).
#include "core/initialization.h"
#include "core/trace.h"

#include <QtTest>
#include <cmath>

using namespace bpl;

namespace {

Network layered(std::vector<int> sizes, Activation hidden = Activation::Tanh) {
    Network net;
    for (size_t l = 0; l < sizes.size(); ++l) {
        Layer layer;
        layer.size = sizes[l];
        if (l > 0) {
            layer.activation.kind = l + 1 == sizes.size() ? Activation::Identity : hidden;
            layer.weights = Eigen::MatrixXd::Constant(sizes[l], sizes[l - 1], 0.7);
            layer.bias = Eigen::VectorXd::Constant(sizes[l], 0.3);
        }
        net.layers.push_back(layer);
    }
    net.loss = Loss::HalfSquaredError;
    net.sample.input = Eigen::VectorXd::LinSpaced(sizes.front(), 0.5, 1.5);
    net.sample.target = Eigen::VectorXd::Ones(sizes.back());
    return net;
}

} // namespace

class TestInitialization : public QObject {
    Q_OBJECT
private slots:
    void splitMixMatchesReference();
    void sameSeedSameWeights();
    void boundsPerScheme_data();
    void boundsPerScheme();
    void spreadOfUniformDraws();
    void zeroInitKeepsHiddenUnitsIdentical();
};

void TestInitialization::splitMixMatchesReference() {
    // First outputs of the SplitMix64 reference implementation for seed 1234567.
    SplitMix64 rng(1234567);
    QCOMPARE(rng.next(), Q_UINT64_C(6457827717110365317));
    QCOMPARE(rng.next(), Q_UINT64_C(3203168211198807973));
    QCOMPARE(rng.next(), Q_UINT64_C(9817491932198370423));
}

void TestInitialization::sameSeedSameWeights() {
    const Network net = layered({3, 4, 2});
    InitOptions a;
    a.seed = 42;
    const Network x = initializeWeights(net, a);
    const Network y = initializeWeights(net, a);
    QCOMPARE(x.layers[1].weights, y.layers[1].weights);
    QCOMPARE(x.layers[2].weights, y.layers[2].weights);
    a.seed = 43;
    const Network z = initializeWeights(net, a);
    QVERIFY(x.layers[1].weights != z.layers[1].weights);
    // Shapes, sample and activations stay; biases become 0.
    QCOMPARE(x.layers[1].weights.rows(), Eigen::Index(4));
    QCOMPARE(x.layers[1].weights.cols(), Eigen::Index(3));
    QCOMPARE(x.layers[2].bias, Eigen::VectorXd(Eigen::VectorXd::Zero(2)));
    QCOMPARE(x.sample.input, net.sample.input);
    QCOMPARE(x.layers[1].activation.kind, Activation::Tanh);
}

void TestInitialization::boundsPerScheme_data() {
    QTest::addColumn<int>("scheme");
    QTest::addColumn<double>("limitLayer1"); // layer 1 is 30 → 20
    QTest::addColumn<double>("limitLayer2"); // layer 2 is 20 → 10
    QTest::newRow("xavier") << int(InitScheme::Xavier) << std::sqrt(6.0 / 50) << std::sqrt(6.0 / 30);
    QTest::newRow("he") << int(InitScheme::He) << std::sqrt(6.0 / 30) << std::sqrt(6.0 / 20);
    QTest::newRow("uniform") << int(InitScheme::Uniform) << 0.25 << 0.25;
    QTest::newRow("zero") << int(InitScheme::Zero) << 0.0 << 0.0;
}

void TestInitialization::boundsPerScheme() {
    QFETCH(int, scheme);
    QFETCH(double, limitLayer1);
    QFETCH(double, limitLayer2);
    const Network net = layered({30, 20, 10});
    InitOptions options;
    options.scheme = InitScheme(scheme);
    options.range = 0.25;
    options.seed = 7;
    QCOMPARE(initLimit(net, 1, options), limitLayer1);
    QCOMPARE(initLimit(net, 2, options), limitLayer2);
    const Network out = initializeWeights(net, options);
    const double max1 = out.layers[1].weights.cwiseAbs().maxCoeff();
    const double max2 = out.layers[2].weights.cwiseAbs().maxCoeff();
    QVERIFY(max1 <= limitLayer1);
    QVERIFY(max2 <= limitLayer2);
    // 600 and 200 draws reach close to the edge of the interval.
    QVERIFY(max1 >= 0.9 * limitLayer1);
    QVERIFY(max2 >= 0.9 * limitLayer2);
}

void TestInitialization::spreadOfUniformDraws() {
    // U(−r, r) has mean 0 and variance r²/3; 40 000 draws pin both to ~1 %.
    const Network net = layered({200, 200, 1});
    InitOptions options;
    options.scheme = InitScheme::Uniform;
    options.range = 1.0;
    options.seed = 2024;
    const Eigen::MatrixXd w = initializeWeights(net, options).layers[1].weights;
    const double mean = w.mean();
    const double variance = (w.array() - mean).square().mean();
    QVERIFY2(std::abs(mean) < 0.01, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(variance - 1.0 / 3.0) < 0.01, qPrintable(QString::number(variance)));
}

void TestInitialization::zeroInitKeepsHiddenUnitsIdentical() {
    // With all-zero weights every hidden unit gets the same gradient, so after
    // an update its incoming weights are still identical: the symmetry trap.
    InitOptions options;
    options.scheme = InitScheme::Zero;
    Network net = initializeWeights(layered({3, 4, 1}), options);
    net.learningRate = 0.5;
    for (int pass = 0; pass < 3; ++pass) net = traceNetwork(net).updated;
    const Eigen::MatrixXd& w = net.layers[1].weights;
    for (int i = 1; i < 4; ++i) QCOMPARE(Eigen::MatrixXd(w.row(i)), Eigen::MatrixXd(w.row(0)));
    // Random weights break it.
    options.scheme = InitScheme::Xavier;
    Network random = initializeWeights(layered({3, 4, 1}), options);
    random = traceNetwork(random).updated;
    QVERIFY(random.layers[1].weights.row(1) != random.layers[1].weights.row(0));
}

QTEST_APPLESS_MAIN(TestInitialization)
#include "tst_initialization.moc"
