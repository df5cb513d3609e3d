// Hand-built logic networks (teaching-content.md section 6): the XOR network
// z₁ = U(2x₁ − 2x₂ − 1), z₂ = U(−2x₁ + 2x₂ − 1), y = U(z₁ + z₂ − ½) computes XOR.
#include "core/truth_table.h"

#include <QtTest>

using namespace bpl;

class TestTruthTable : public QObject {
    Q_OBJECT
private slots:
    void xorAndXnor();
    void tooManyInputs();
};

namespace {
Network logic(double outWeight, double outBias) {
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
    out.weights = Eigen::MatrixXd::Constant(1, 2, outWeight);
    out.bias = Eigen::VectorXd::Constant(1, outBias);
    net.layers = {in, hidden, out};
    return net;
}
} // namespace

void TestTruthTable::xorAndXnor() {
    const auto xorTable = truthTable(logic(1, -0.5));
    const auto xnorTable = truthTable(logic(-1, 0.5));
    QVERIFY(xorTable && xnorTable);
    QCOMPARE(xorTable->size(), size_t(4));
    const double expectedXor[] = {0, 1, 1, 0};
    for (int r = 0; r < 4; ++r) {
        QCOMPARE((*xorTable)[r].input[0], double(r >> 1));
        QCOMPARE((*xorTable)[r].input[1], double(r & 1));
        QCOMPARE((*xorTable)[r].output[0], expectedXor[r]);
        QCOMPARE((*xnorTable)[r].output[0], 1 - expectedXor[r]);
    }
    QVERIFY(isLogicNetwork(logic(1, -0.5)));
}

void TestTruthTable::tooManyInputs() {
    Network net = logic(1, -0.5);
    net.layers[0].size = 5;
    net.layers[1].weights = Eigen::MatrixXd::Ones(2, 5);
    QVERIFY(!truthTable(net).has_value());
    net.layers[1].activation.kind = Activation::Sigmoid;
    QVERIFY(!isLogicNetwork(net));
}

QTEST_APPLESS_MAIN(TestTruthTable)
#include "tst_truth_table.moc"
