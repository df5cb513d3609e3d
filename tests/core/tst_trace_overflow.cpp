// core/trace_overflow.h: large but finite weights that overflow in the
// forward pass, the loss or the backward pass are found and named.
#include "core/trace.h"
#include "core/trace_overflow.h"
#include "support/sheet5_network.h"

#include <QtTest>

using namespace bpl;

namespace {

// input → identity layer (w1) → identity output (w2), half squared error, t = 0.
Network chain(double input, double w1, double w2) {
    Network net;
    Layer in;
    in.size = 1;
    Layer hidden;
    hidden.size = 1;
    hidden.activation.kind = Activation::Identity;
    hidden.weights = Eigen::MatrixXd::Constant(1, 1, w1);
    hidden.bias = Eigen::VectorXd::Zero(1);
    Layer out = hidden;
    out.weights(0, 0) = w2;
    net.layers = {in, hidden, out};
    net.loss = Loss::HalfSquaredError;
    net.learningRate = 0.1;
    net.sample.input = Eigen::VectorXd::Constant(1, input);
    net.sample.target = Eigen::VectorXd::Zero(1);
    return net;
}

std::string overflowOf(const Network& net) {
    return traceOverflow(traceNetwork(net)).value_or("(none)");
}

} // namespace

class TestTraceOverflow : public QObject {
    Q_OBJECT
  private slots:
    void finiteTracesHaveNone();
    void forwardOverflow();
    void lossOverflow();
    void backwardOverflow();
};

void TestTraceOverflow::finiteTracesHaveNone() {
    QVERIFY(!traceOverflow(traceNetwork(test::sheet5())));
    // Large but harmless: a = 1e150 · 1 = 1e150, y = 1e150 · 1e-150 = 1.
    QVERIFY(!traceOverflow(traceNetwork(chain(1, 1e150, 1e-150))));
}

void TestTraceOverflow::forwardOverflow() {
    // a₁⁽¹⁾ = 1e308 × 3 = 3e308 > DBL_MAX ≈ 1.8e308.
    QCOMPARE(overflowOf(chain(3, 1e308, 1)),
             std::string("layer 1, neuron 1: the pre-activation a overflows (inf) in the forward "
                         "pass; the numbers "
                         "exceed double precision (about 1.8e308)"));
}

void TestTraceOverflow::lossOverflow() {
    // y = 1e154 × 1e154 = 1e308 is finite; E = ½ (1e308)² is not.
    const std::string m = overflowOf(chain(1, 1e154, 1e154));
    QVERIFY2(m.starts_with("the loss E overflows (inf); the"), m.c_str());
}

void TestTraceOverflow::backwardOverflow() {
    // Forward: a⁽¹⁾ = 1e-308 × 10 = 1e-307, y = 1e308 × 1e-307 = 10, E = 50.
    // Backward: δ⁽²⁾ = y − t = 10, δ⁽¹⁾ = w⁽²⁾ δ⁽²⁾ = 1e309 = inf.
    const std::string m = overflowOf(chain(10, 1e-308, 1e308));
    QVERIFY2(m.starts_with("layer 1, neuron 1: the delta δ overflows (inf) in the backward pass"),
             m.c_str());
}

QTEST_APPLESS_MAIN(TestTraceOverflow)
#include "tst_trace_overflow.moc"
