// Backpropagation against central differences on seeded random networks covering
// every activation (except step, whose derivative is 0 by definition) and every
// loss; numerical stability of activations and losses at extreme inputs.
#include "core/gradient_check.h"
#include "core/numerics.h"
#include "core/trace.h"

#include <QtTest>
#include <cmath>
#include <random>

using namespace bpl;

namespace {

struct Pairing {
    Loss loss;
    Activation output;
};

// Every loss with every output activation it may be paired with.
std::vector<Pairing> pairings() {
    std::vector<Pairing> out;
    for (Activation a : {Activation::Identity, Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                         Activation::LeakyRelu}) {
        out.push_back({Loss::HalfSquaredError, a});
        out.push_back({Loss::SquaredError, a});
        out.push_back({Loss::MeanSquaredError, a});
    }
    out.push_back({Loss::BinaryCrossEntropy, Activation::Sigmoid});
    out.push_back({Loss::CrossEntropy, Activation::Softmax});
    out.push_back({Loss::CrossEntropy, Activation::Sigmoid});
    return out;
}

Network randomNetwork(std::mt19937_64& rng, const Pairing& pairing) {
    std::uniform_int_distribution<int> depth(2, 5);
    std::uniform_int_distribution<int> width(1, 5);
    std::uniform_real_distribution<double> weight(-1.5, 1.5);
    const std::vector<Activation> hidden = {Activation::Identity, Activation::Sigmoid, Activation::Tanh,
                                            Activation::Relu, Activation::LeakyRelu};
    std::uniform_int_distribution<size_t> pick(0, hidden.size() - 1);
    Network net;
    const int layers = depth(rng);
    int previous = width(rng);
    Layer input;
    input.size = previous;
    net.layers.push_back(input);
    for (int l = 1; l < layers; ++l) {
        Layer layer;
        const bool last = l == layers - 1;
        layer.size = last && pairing.output == Activation::Softmax ? std::max(2, width(rng)) : width(rng);
        layer.activation.kind = last ? pairing.output : hidden[pick(rng)];
        layer.activation.alpha = 0.1;
        layer.weights = Eigen::MatrixXd::NullaryExpr(layer.size, previous, [&] { return weight(rng); });
        layer.bias = Eigen::VectorXd::NullaryExpr(layer.size, [&] { return weight(rng); });
        net.layers.push_back(layer);
        previous = layer.size;
    }
    net.loss = pairing.loss;
    net.sample.input = Eigen::VectorXd::NullaryExpr(net.inputSize(), [&] { return 2 * weight(rng); });
    std::uniform_real_distribution<double> unit(0, 1);
    Eigen::VectorXd t = Eigen::VectorXd::NullaryExpr(net.outputSize(), [&] { return unit(rng); });
    if (pairing.loss == Loss::CrossEntropy) t /= t.sum();
    net.sample.target = t;
    return net;
}

} // namespace

class TestGradients : public QObject {
    Q_OBJECT
private slots:
    void backpropMatchesFiniteDifferences();
    void batchGradientIsTheMeanOfSampleGradients();
    void activationsStayFiniteAtExtremes();
    void saturatedLossesAreLargeAndFinite();
    void softmaxIsShiftInvariant();
    void stepUnitsPassNoGradient();
};

void TestGradients::backpropMatchesFiniteDifferences() {
    std::mt19937_64 rng(20261123);
    const auto all = pairings();
    int networks = 0;
    double worst = 0;
    // 8 networks per pairing: 19 pairings → 152 networks.
    for (const Pairing& pairing : all) {
        for (int n = 0; n < 8; ++n) {
            const Network net = randomNetwork(rng, pairing);
            QVERIFY(structuralProblems(net).empty());
            const GradientCheck check = checkGradients(net, net.sample);
            QCOMPARE(check.parametersChecked, static_cast<int>(net.parameterCount()));
            QVERIFY2(check.maxRelativeError < 1e-5,
                     qPrintable(QString("loss %1, output %2, network %3: relative error %4 at %5")
                                    .arg(QString::fromStdString(lossName(pairing.loss)),
                                         QString::fromStdString(activationName(pairing.output)))
                                    .arg(n)
                                    .arg(check.maxRelativeError)
                                    .arg(QString::fromStdString(check.worst.describe()))));
            worst = std::max(worst, check.maxRelativeError);
            ++networks;
        }
    }
    QVERIFY(networks >= 100);
    qInfo("%d networks, largest relative error %.3g", networks, worst);
}

void TestGradients::batchGradientIsTheMeanOfSampleGradients() {
    std::mt19937_64 rng(7);
    const Network net = randomNetwork(rng, {Loss::HalfSquaredError, Activation::Tanh});
    std::vector<Sample> samples;
    for (int m = 0; m < 4; ++m) samples.push_back(randomNetwork(rng, {Loss::HalfSquaredError, Activation::Tanh}).sample);
    for (Sample& s : samples) {
        s.input = Eigen::VectorXd::Constant(net.inputSize(), 0.3 * static_cast<double>(&s - samples.data()) - 0.4);
        s.target = Eigen::VectorXd::Constant(net.outputSize(), 0.5);
    }
    const BatchResult batch = batchGradients(net, samples);
    // J = (1/M) Σ Jₘ, so ∂J/∂θ by finite differences of the mean loss.
    Network probe = net;
    const double h = 1e-6;
    auto meanLoss = [&](const Network& n) {
        double sum = 0;
        for (const Sample& s : samples) sum += loss(n, forward(n, s.input), s.target);
        return sum / static_cast<double>(samples.size());
    };
    QVERIFY(std::abs(batch.meanLoss - meanLoss(net)) < 1e-14);
    for (int l = 1; l < net.layerCount(); ++l) {
        for (int i = 0; i < net.layers[l].weights.rows(); ++i) {
            for (int j = 0; j < net.layers[l].weights.cols(); ++j) {
                double& w = probe.layers[l].weights(i, j);
                const double saved = w;
                w = saved + h;
                const double plus = meanLoss(probe);
                w = saved - h;
                const double minus = meanLoss(probe);
                w = saved;
                QVERIFY(std::abs((plus - minus) / (2 * h) - batch.gradients.weights[l](i, j)) < 1e-7);
            }
        }
    }
}

void TestGradients::activationsStayFiniteAtExtremes() {
    for (Activation kind : allActivations()) {
        ActivationFunction f{kind, 0.01};
        const Eigen::VectorXd a = Eigen::Vector4d(-1e4, -745.5, 745.5, 1e4);
        const Eigen::VectorXd z = f.apply(a);
        const Eigen::VectorXd d = f.derivative(a, z);
        QVERIFY2(z.allFinite() && d.allFinite(), activationName(kind).c_str());
    }
    QCOMPARE(sigmoid(1e4), 1.0);
    QCOMPARE(sigmoid(-1e4), 0.0);
    QVERIFY(std::abs(logSigmoid(-1e4) + 1e4) < 1e-9);
    QCOMPARE(softplus(1e4), 1e4);
}

void TestGradients::saturatedLossesAreLargeAndFinite() {
    // Sigmoid output saturated at the wrong end: E ≈ |a|, not inf.
    ActivationFunction sig{Activation::Sigmoid, 0.01};
    const Eigen::VectorXd a = Eigen::VectorXd::Constant(1, 1e4);
    const double bce = lossValue(Loss::BinaryCrossEntropy, sig, a, sig.apply(a), Eigen::VectorXd::Zero(1));
    QVERIFY(std::isfinite(bce));
    QVERIFY(std::abs(bce - 1e4) < 1e-6);
    ActivationFunction soft{Activation::Softmax, 0.01};
    const Eigen::VectorXd b = Eigen::Vector3d(1e4, -1e4, 0);
    const double ce = lossValue(Loss::CrossEntropy, soft, b, soft.apply(b), Eigen::Vector3d(0, 1, 0));
    QVERIFY(std::isfinite(ce));
    QVERIFY(std::abs(ce - 2e4) < 1e-6);
}

void TestGradients::softmaxIsShiftInvariant() {
    const Eigen::VectorXd a = Eigen::Vector3d(0.1, 0.2, 0.3);
    const Eigen::VectorXd s = softmax(a);
    QVERIFY(std::abs(s.sum() - 1) < 1e-15);
    QVERIFY((softmax((a.array() + 1000).matrix()) - s).cwiseAbs().maxCoeff() < 1e-12);
    // e^0.1 / (e^0.1 + e^0.2 + e^0.3), worked by hand: 0.300609
    QVERIFY(std::abs(s[0] - 0.3006096053557) < 1e-12);
}

void TestGradients::stepUnitsPassNoGradient() {
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
    out.activation.kind = Activation::Identity;
    out.weights.resize(1, 2);
    out.weights << 1, 1;
    out.bias = Eigen::VectorXd::Constant(1, -0.5);
    net.layers = {in, hidden, out};
    net.sample = {Eigen::Vector2d(1, 0), Eigen::VectorXd::Constant(1, 1)};
    const Trace t = traceNetwork(net);
    QCOMPARE(t.forward.z[1], Eigen::VectorXd(Eigen::Vector2d(1, 0)));
    QVERIFY(t.gradients.weights[1].isZero());
    QVERIFY(!t.gradients.weights[2].isZero());
    QCOMPARE(t.warnings.size(), size_t(1));
    QVERIFY(t.steps[t.firstStepOf(StepKind::HiddenDelta)].note.find("derivative 0") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestGradients)
#include "tst_gradients.moc"
