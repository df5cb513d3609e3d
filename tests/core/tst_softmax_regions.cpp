// Softmax regions in numbers (teaching-content.md section 4): the tie lines
// (w_c − w_d)·x + (b_c − b_d) = 0 of a softmax regression, their text, and the
// ⅓ point where all three probabilities meet, on hand-worked networks.
#include "core/decision.h"
#include "core/network.h"

#include <QtTest>

using namespace bpl;

namespace {

// W rows w₀ = (1, 0), w₁ = (0, 1), w₂ = (0, 0); b = (0, 0, 1):
// a = (x₁, x₂, 1), so the ties are x₁ − x₂ = 0, x₁ − 1 = 0, x₂ − 1 = 0 and
// the ⅓ point is (1, 1).
Network softmaxRegression(const Eigen::MatrixXd& w, const Eigen::VectorXd& b) {
    Network net;
    Layer input;
    input.size = static_cast<int>(w.cols());
    Layer output;
    output.size = static_cast<int>(w.rows());
    output.activation.kind = Activation::Softmax;
    output.weights = w;
    output.bias = b;
    net.layers = {input, output};
    net.loss = Loss::CrossEntropy;
    net.sample.input = Eigen::VectorXd::Zero(input.size);
    net.sample.target = Eigen::VectorXd::Zero(output.size);
    net.sample.target[0] = 1;
    return net;
}

Network handWorked() {
    Eigen::MatrixXd w(3, 2);
    w << 1, 0, 0, 1, 0, 0;
    return softmaxRegression(w, Eigen::Vector3d(0, 0, 1));
}

} // namespace

class TestSoftmaxRegions : public QObject {
    Q_OBJECT
  private slots:
    void tiesOfEveryPair();
    void tieText();
    void thirdPointOnEveryTie();
    void lines();
    void noTiesWithAHiddenLayerOrASigmoid();
};

void TestSoftmaxRegions::tiesOfEveryPair() {
    const std::vector<SoftmaxTie> ties = softmaxTies(handWorked());
    QCOMPARE(ties.size(), std::size_t(3));
    QCOMPARE(ties[0].c, 0);
    QCOMPARE(ties[0].d, 1);
    QVERIFY(ties[0].normal == Eigen::Vector2d(1, -1));
    QCOMPARE(ties[0].offset, 0.0);
    QCOMPARE(ties[1].c, 0);
    QCOMPARE(ties[1].d, 2);
    QVERIFY(ties[1].normal == Eigen::Vector2d(1, 0));
    QCOMPARE(ties[1].offset, -1.0);
    QCOMPARE(ties[2].c, 1);
    QCOMPARE(ties[2].d, 2);
    QVERIFY(ties[2].normal == Eigen::Vector2d(0, 1));
    QCOMPARE(ties[2].offset, -1.0);
    // Four classes: six pairs; ten: 45; eleven or more: none listed (a 1→4096
    // softmax would need 8.4 million and ran out of memory in train's JSON).
    Eigen::MatrixXd w4 = Eigen::MatrixXd::Zero(4, 2);
    QCOMPARE(softmaxTies(softmaxRegression(w4, Eigen::Vector4d::Zero())).size(), std::size_t(6));
    QCOMPARE(softmaxTies(softmaxRegression(Eigen::MatrixXd::Zero(10, 1), Eigen::VectorXd::Zero(10)))
                 .size(),
             std::size_t(45));
    QVERIFY(softmaxTies(softmaxRegression(Eigen::MatrixXd::Zero(11, 1), Eigen::VectorXd::Zero(11)))
                .empty());
}

void TestSoftmaxRegions::tieText() {
    const std::vector<SoftmaxTie> ties = softmaxTies(handWorked());
    QCOMPARE(softmaxTieText(ties[0], 3), std::string("p₀ = p₁: 1 x₁ - 1 x₂ + 0 = 0"));
    QCOMPARE(softmaxTieText(ties[1], 3), std::string("p₀ = p₂: 1 x₁ + 0 x₂ - 1 = 0"));
    SoftmaxTie t{1, 2, Eigen::Vector2d(-0.123456, 2.5), 0.0004567};
    QCOMPARE(softmaxTieText(t, 3), std::string("p₁ = p₂: -0.123 x₁ + 2.5 x₂ + 0.000457 = 0"));
}

// The ⅓ point lies on every tie line, and there p = (⅓, ⅓, ⅓).
void TestSoftmaxRegions::thirdPointOnEveryTie() {
    const auto x = softmaxThirdPoint(handWorked());
    QVERIFY(x.has_value());
    QCOMPARE((*x)[0], 1.0);
    QCOMPARE((*x)[1], 1.0);
    Eigen::MatrixXd w(3, 2);
    w << 0.7, -0.3, -0.5, 0.6, 0.2, 0.1;
    const Network net = softmaxRegression(w, Eigen::Vector3d(0, 0.1, -0.1));
    const auto p = softmaxThirdPoint(net);
    QVERIFY(p.has_value());
    for (const SoftmaxTie& tie : softmaxTies(net))
        QVERIFY(std::abs(tie.normal.dot(*p) + tie.offset) < 1e-12);
    const Eigen::VectorXd y = forward(net, *p).output();
    for (int k = 0; k < 3; ++k)
        QVERIFY(std::abs(y[k] - 1.0 / 3.0) < 1e-12);
    // Parallel ties (w₀ − w₁ ∥ w₀ − w₂): no point.
    Eigen::MatrixXd parallel(3, 2);
    parallel << 0, 0, 1, 1, 2, 2;
    QVERIFY(!softmaxThirdPoint(softmaxRegression(parallel, Eigen::Vector3d(0, 0, 1))));
}

void TestSoftmaxRegions::lines() {
    const std::vector<std::string> lines = softmaxRegionLines(handWorked(), 3);
    QCOMPARE(lines.size(), std::size_t(4));
    QCOMPARE(lines[0], std::string("⅓ point: x = (1, 1)"));
    QCOMPARE(lines[3], std::string("p₁ = p₂: 0 x₁ + 1 x₂ - 1 = 0"));
}

void TestSoftmaxRegions::noTiesWithAHiddenLayerOrASigmoid() {
    Network hidden = handWorked();
    Layer h;
    h.size = 2;
    h.activation.kind = Activation::Tanh;
    h.weights = Eigen::Matrix2d::Identity();
    h.bias = Eigen::Vector2d::Zero();
    hidden.layers.insert(hidden.layers.begin() + 1, h);
    QVERIFY(softmaxTies(hidden).empty());
    QVERIFY(softmaxRegionLines(hidden, 3).empty());
    Network sigmoid = handWorked();
    sigmoid.layers[1].activation.kind = Activation::Sigmoid;
    QVERIFY(softmaxTies(sigmoid).empty());
    QVERIFY(!softmaxThirdPoint(sigmoid));
}

QTEST_APPLESS_MAIN(TestSoftmaxRegions)
#include "tst_softmax_regions.moc"
