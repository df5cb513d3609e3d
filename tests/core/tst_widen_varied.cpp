// "Make the hidden layers two units wide" with the copies varied (core
// widenHiddenLayers with a perturbation): the copies differ from the unit
// they copy, by the documented factors 1 + u of the seeded draws, the same for
// a seed; and the section 3 picture — a ReLU copy dies (a ≤ 0, δ = 0) beside
// the unit it copies, which carries the gradient. Expected numbers worked by
// hand with the reference generator (tests/reference/split_mix64.py).
#include "core/common/split_mix64.h"
#include "core/network_edit.h"
#include "core/trace.h"

#include <QtTest>

using namespace bpl;

namespace {

// A section 3 chain, one ReLU unit per hidden layer: x = 1,
// a⁽¹⁾ = 0.5·1 − 0.49 = 0.01 (alive, just), a⁽²⁾ = 1·0.01 + 0.1, identity
// output y = z⁽²⁾, half squared error against t = 1.
Network reluChain() {
    Network net;
    Layer input;
    input.size = 1;
    auto unit = [](Activation kind, double w, double b) {
        Layer l;
        l.size = 1;
        l.activation.kind = kind;
        l.weights = Eigen::MatrixXd::Constant(1, 1, w);
        l.bias = Eigen::VectorXd::Constant(1, b);
        return l;
    };
    net.layers = {input, unit(Activation::Relu, 0.5, -0.49), unit(Activation::Relu, 1.0, 0.1),
                  unit(Activation::Identity, 1.0, 0.0)};
    net.loss = Loss::HalfSquaredError;
    net.sample.input = Eigen::VectorXd::Constant(1, 1.0);
    net.sample.target = Eigen::VectorXd::Constant(1, 1.0);
    return net;
}

} // namespace

class TestWidenVaried : public QObject {
    Q_OBJECT
  private slots:
    void copiesAreVariedByTheSeededFactors();
    void sameSeedSameCopiesOtherSeedOthers();
    void withoutVariationTheCopiesAreExact();
    void badVariationIsRefused_data();
    void badVariationIsRefused();
    void deadCopyBesideALiveUnit();
};

// Draws in the documented order: layer 1's copy (its weight, then its bias),
// then layer 2's copy (its two weights, then its bias).
void TestWidenVaried::copiesAreVariedByTheSeededFactors() {
    const auto wide = widenHiddenLayers(reluChain(), 2, 0.1, 1);
    QVERIFY(wide.ok());
    const Network& n = wide.value();
    SplitMix64 random(1);
    std::vector<double> f;
    for (int i = 0; i < 5; ++i)
        f.push_back(1 + random.symmetric(0.1));
    // The first factors of seed 1, from tests/reference/split_mix64.py.
    QVERIFY(std::abs(f[0] - 1.01331231503445618) < 1e-15);
    QVERIFY(std::abs(f[1] - 1.04915635145254023) < 1e-15);
    QCOMPARE(n.layers[1].weights(0, 0), 0.5); // the original unit is kept
    QCOMPARE(n.layers[1].bias[0], -0.49);
    QCOMPARE(n.layers[1].weights(1, 0), 0.5 * f[0]);
    QCOMPARE(n.layers[1].bias[1], -0.49 * f[1]);
    // Layer 2's first unit: its weight out of layer 1's unit shared (1/2 each).
    QCOMPARE(n.layers[2].weights(0, 0), 0.5);
    QCOMPARE(n.layers[2].weights(0, 1), 0.5);
    QCOMPARE(n.layers[2].weights(1, 0), 0.5 * f[2]);
    QCOMPARE(n.layers[2].weights(1, 1), 0.5 * f[3]);
    QCOMPARE(n.layers[2].bias[1], 0.1 * f[4]);
    // The output's weights are shared equally, not varied.
    QCOMPARE(n.layers[3].weights(0, 0), 0.5);
    QCOMPARE(n.layers[3].weights(0, 1), 0.5);
}

void TestWidenVaried::sameSeedSameCopiesOtherSeedOthers() {
    const Network a = widenHiddenLayers(reluChain(), 2, 0.1, 7).value();
    const Network b = widenHiddenLayers(reluChain(), 2, 0.1, 7).value();
    const Network c = widenHiddenLayers(reluChain(), 2, 0.1, 8).value();
    for (int l = 1; l <= 2; ++l) {
        QVERIFY(a.layers[l].weights == b.layers[l].weights);
        QVERIFY(a.layers[l].bias == b.layers[l].bias);
        QVERIFY(a.layers[l].weights.row(1) != a.layers[l].weights.row(0)); // the copy differs
        QVERIFY(a.layers[l].weights.row(1) != c.layers[l].weights.row(1));
        // Within ±10 % of the copied weight.
        const Eigen::ArrayXd ratio =
            a.layers[l].weights.row(1).array() / a.layers[l].weights.row(0).array();
        QVERIFY((ratio - 1).abs().maxCoeff() <= 0.1);
    }
}

void TestWidenVaried::withoutVariationTheCopiesAreExact() {
    const Network n = widenHiddenLayers(reluChain(), 2, 0, 5).value();
    QVERIFY(n.layers[1].weights.row(1) == n.layers[1].weights.row(0));
    QCOMPARE(n.layers[1].bias[1], n.layers[1].bias[0]);
    const double before = forward(reluChain(), reluChain().sample.input).output()[0];
    QCOMPARE(forward(n, n.sample.input).output()[0], before);
}

void TestWidenVaried::badVariationIsRefused_data() {
    QTest::addColumn<double>("perturbation");
    QTest::newRow("negative") << -0.1;
    QTest::newRow("over 50 %") << 0.6;
    QTest::newRow("nan") << std::nan("");
}

void TestWidenVaried::badVariationIsRefused() {
    QFETCH(double, perturbation);
    const auto wide = widenHiddenLayers(reluChain(), 2, perturbation, 1);
    QVERIFY(!wide.ok());
    QCOMPARE(wide.error().reason,
             std::string("the perturbation of the copies must be between 0 and 50 %"));
}

// By hand (seed 1, ±10 %): a⁽¹⁾ = (0.5 − 0.49, 0.5·1.013312 − 0.49·1.049156)
// = (0.01, −0.007430): the copy is dead. z⁽¹⁾ = (0.01, 0);
// a⁽²⁾ = (0.5·0.01 + 0.1, 0.5·1.094201·0.01 + 0.1·0.988853) = (0.105, 0.104356);
// y = 0.5·0.105 + 0.5·0.104356 = 0.104678, δ⁽³⁾ = y − 1 = −0.895322;
// δ⁽²⁾ = 0.5·δ⁽³⁾ each = −0.447661; δ₁⁽¹⁾ = 1·(0.5 + 0.5·1.094201)·(−0.447661)
// = −0.468746, δ₂⁽¹⁾ = h′(−0.007430)·… = 0.
void TestWidenVaried::deadCopyBesideALiveUnit() {
    const auto wide = widenHiddenLayers(reluChain(), 2, 0.1, 1);
    QVERIFY(wide.ok());
    const Trace t = traceNetwork(wide.value());
    const Eigen::VectorXd& a1 = t.forward.a[1];
    QVERIFY(std::abs(a1[0] - 0.01) < 1e-12);
    QVERIFY2(std::abs(a1[1] - -0.007430454694516531) < 1e-12, qPrintable(QString::number(a1[1])));
    QVERIFY(std::abs(t.forward.output()[0] - 0.10467814838505698) < 1e-12);
    const Eigen::VectorXd& d1 = t.gradients.delta[1];
    QVERIFY2(std::abs(d1[0] - -0.4687458786803249) < 1e-12, qPrintable(QString::number(d1[0])));
    QCOMPARE(d1[1], 0.0);
    // The dead copy's weight gets no gradient; the live unit's does.
    QCOMPARE(t.gradients.weights[1](1, 0), 0.0);
    QVERIFY(std::abs(t.gradients.weights[1](0, 0) - -0.4687458786803249) < 1e-12);
    // Without the variation both copies are alive and alike.
    const Trace same = traceNetwork(widenHiddenLayers(reluChain(), 2).value());
    QCOMPARE(same.gradients.delta[1][0], same.gradients.delta[1][1]);
    QVERIFY(same.gradients.delta[1][1] != 0.0);
}

QTEST_APPLESS_MAIN(TestWidenVaried)
#include "tst_widen_varied.moc"
