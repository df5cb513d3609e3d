// The activation tool's core (teaching-content.md section 7): σ′(0) = 0.25,
// tanh(x) = 2σ(2x) − 1 to 1e-15 over a grid, the maxima of the derivatives
// (σ′ 0.25 at 0, tanh′ 1 at 0, flat maxima of identity and ReLU), samples
// against closed forms and central differences, softmax's shift invariance.
#include "core/maths/activation_analysis.h"

#include <QtTest>
#include <cmath>

using namespace bpl;

class TestActivationAnalysis : public QObject {
    Q_OBJECT
  private slots:
    void sigmoidDerivativeAtZero();
    void tanhIdentityOverGrid();
    void derivativeMaxima_data();
    void derivativeMaxima();
    void plateauMaxima();
    void samplesMatchClosedFormsAndDifferences_data();
    void samplesMatchClosedFormsAndDifferences();
    void softmaxSampleIsSigmoid();
    void softmaxShiftInvariance();
    void describeNamesTheMaximum();
};

void TestActivationAnalysis::sigmoidDerivativeAtZero() {
    const ActivationPoint p = activationAt({Activation::Sigmoid}, 0.0);
    QCOMPARE(p.value, 0.5);
    QCOMPARE(p.derivative, 0.25);
    const ActivationPoint t = activationAt({Activation::Tanh}, 0.0);
    QCOMPARE(t.value, 0.0);
    QCOMPARE(t.derivative, 1.0);
}

void TestActivationAnalysis::tanhIdentityOverGrid() {
    // 20,001 points over [−20, 20] (step 0.002) and a fine grid near 0.
    QVERIFY(tanhIdentityError(-20.0, 20.0, 20001) <= 1e-15);
    QVERIFY(tanhIdentityError(-1e-3, 1e-3, 2001) <= 1e-15);
    for (double x : {-3.0, -0.5, 0.0, 0.25, 1.0, 7.0}) {
        QVERIFY2(std::abs(std::tanh(x) - tanhFromSigmoid(x)) <= 1e-15,
                 qPrintable(QString::number(x)));
    }
    // Not a test that cannot fail: 2σ(x) − 1 (no doubling inside) is far off.
    QVERIFY(std::abs(std::tanh(1.0) - (2.0 / (1.0 + std::exp(-1.0)) - 1.0)) > 0.1);
}

void TestActivationAnalysis::derivativeMaxima_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("value");
    QTest::newRow("sigmoid on [-6, 6]") << int(Activation::Sigmoid) << -6.0 << 6.0 << 0.0 << 0.25;
    QTest::newRow("sigmoid on [-5, 7]") << int(Activation::Sigmoid) << -5.0 << 7.0 << 0.0 << 0.25;
    QTest::newRow("tanh on [-4, 4]") << int(Activation::Tanh) << -4.0 << 4.0 << 0.0 << 1.0;
    QTest::newRow("tanh on [-3.3, 2.9]") << int(Activation::Tanh) << -3.3 << 2.9 << 0.0 << 1.0;
    // The peak outside the range: the maximum is at the end nearest to it;
    // σ′(1) = σ(1)(1 − σ(1)) = 0.196611933241…
    QTest::newRow("sigmoid on [1, 5]")
        << int(Activation::Sigmoid) << 1.0 << 5.0 << 1.0 << 0.19661193324148185;
}

void TestActivationAnalysis::derivativeMaxima() {
    QFETCH(int, kind);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, x);
    QFETCH(double, value);
    const DerivativeMaximum m = derivativeMaximum({static_cast<Activation>(kind)}, from, to);
    QVERIFY(!m.plateau);
    QVERIFY2(std::abs(m.x - x) < 1e-6, qPrintable(QString::number(m.x, 'g', 17)));
    QVERIFY2(std::abs(m.value - value) < 1e-13, qPrintable(QString::number(m.value, 'g', 17)));
}

void TestActivationAnalysis::plateauMaxima() {
    const DerivativeMaximum relu = derivativeMaximum({Activation::Relu}, -2.0, 3.0);
    QVERIFY(relu.plateau);
    QCOMPARE(relu.value, 1.0);
    QVERIFY(std::abs(relu.xFrom) < 1e-9);
    QCOMPARE(relu.xTo, 3.0);
    const DerivativeMaximum identity = derivativeMaximum({Activation::Identity}, -2.0, 3.0);
    QVERIFY(identity.plateau);
    QCOMPARE(identity.value, 1.0);
    QCOMPARE(identity.xFrom, -2.0);
    QCOMPARE(identity.xTo, 3.0);
    ActivationFunction leaky{Activation::LeakyRelu};
    leaky.alpha = 0.1;
    const DerivativeMaximum l = derivativeMaximum(leaky, -2.0, 3.0);
    QCOMPARE(l.value, 1.0);
    QVERIFY(std::abs(l.xFrom) < 1e-9);
}

void TestActivationAnalysis::samplesMatchClosedFormsAndDifferences_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("sigmoid") << int(Activation::Sigmoid);
    QTest::newRow("tanh") << int(Activation::Tanh);
    QTest::newRow("softmax") << int(Activation::Softmax);
}

void TestActivationAnalysis::samplesMatchClosedFormsAndDifferences() {
    QFETCH(int, kind);
    const ActivationFunction f{static_cast<Activation>(kind)};
    const ActivationSamples s = sampleActivation(f, -4.0, 4.0, 81);
    QCOMPARE(int(s.x.size()), 81);
    QCOMPARE(s.x.front(), -4.0);
    QCOMPARE(s.x.back(), 4.0);
    for (size_t i = 0; i < s.x.size(); ++i) {
        const double x = s.x[i];
        // Independent closed forms: 1/(1 + e^−x), sinh/cosh and 1/cosh².
        const double expected =
            f.kind == Activation::Tanh ? std::sinh(x) / std::cosh(x) : 1.0 / (1.0 + std::exp(-x));
        const double expectedDerivative = f.kind == Activation::Tanh
                                              ? 1.0 / (std::cosh(x) * std::cosh(x))
                                              : std::exp(-x) / std::pow(1.0 + std::exp(-x), 2);
        QVERIFY(std::abs(s.value[i] - expected) < 1e-14);
        QVERIFY(std::abs(s.derivative[i] - expectedDerivative) < 1e-14);
        // Central difference of h.
        const double h = 1e-5;
        const double difference =
            (activationAt(f, x + h).value - activationAt(f, x - h).value) / (2 * h);
        QVERIFY(std::abs(s.derivative[i] - difference) < 1e-9);
    }
}

void TestActivationAnalysis::softmaxSampleIsSigmoid() {
    // softmax₁(x, 0) = e^x / (e^x + 1) = σ(x).
    for (double x : {-3.0, 0.0, 0.7, 5.0}) {
        const ActivationPoint s = activationAt({Activation::Softmax}, x);
        const ActivationPoint g = activationAt({Activation::Sigmoid}, x);
        QVERIFY(std::abs(s.value - g.value) < 1e-15);
        QVERIFY(std::abs(s.derivative - g.derivative) < 1e-15);
    }
}

void TestActivationAnalysis::softmaxShiftInvariance() {
    // softmax(1, 2, 3) = e^k / (e + e² + e³): 0.0900305731703805, 0.244728471054797,
    // 0.665240955774822.
    const Eigen::Vector3d logits(1.0, 2.0, 3.0);
    for (double shift : {0.0, -2.0, 100.0, 1000.0}) {
        const SoftmaxShift s = softmaxWithShift(logits, shift);
        QCOMPARE(s.shiftedLogits(2), 3.0 + shift);
        QVERIFY(std::abs(s.probabilities(0) - 0.0900305731703805) < 1e-15);
        QVERIFY(std::abs(s.probabilities(1) - 0.244728471054797) < 1e-15);
        QVERIFY(std::abs(s.probabilities(2) - 0.665240955774822) < 1e-15);
        // With +1000 a naive e^(a + c) overflows; the core's softmax does not.
        QVERIFY(s.shiftedProbabilities.allFinite());
        QVERIFY(s.maxDifference < 1e-15);
        QVERIFY(std::abs(s.shiftedProbabilities.sum() - 1.0) < 1e-15);
    }
    // Two logits: softmax(0.5, −0.5) = (σ(1), σ(−1)).
    const SoftmaxShift two = softmaxWithShift(Eigen::Vector2d(0.5, -0.5), 7.0);
    QVERIFY(std::abs(two.shiftedProbabilities(0) - 1.0 / (1.0 + std::exp(-1.0))) < 1e-15);
}

void TestActivationAnalysis::describeNamesTheMaximum() {
    QCOMPARE(derivativeMaximum({Activation::Sigmoid}, -6, 6).describe(3),
             std::string("h′ max 0.25 at x = 0"));
    QCOMPARE(derivativeMaximum({Activation::Relu}, -2, 3).describe(3),
             std::string("h′ max 1 for x in [0, 3]"));
}

QTEST_APPLESS_MAIN(TestActivationAnalysis)
#include "tst_activation_analysis.moc"
