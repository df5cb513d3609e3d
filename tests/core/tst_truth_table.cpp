// Hand-built logic networks (teaching-content.md section 6): the XOR network
// z₁ = U(2x₁ − 2x₂ − 1), z₂ = U(−2x₁ + 2x₂ − 1), y = U(z₁ + z₂ − ½) computes XOR.
#include "core/training/batch_passes.h"
#include "core/truth_table.h"

#include <QtTest>

using namespace bpl;

class TestTruthTable : public QObject {
    Q_OBJECT
private slots:
    void xorAndXnor();
    void tooManyInputs();
    void courseXnorNeedsUOfZeroOne();
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


void TestTruthTable::courseXnorNeedsUOfZeroOne() {
    // The course's construction: a unit fires when Σ ±xᵢ + C ≥ 0, so U(0) = 1.
    // z₁ = U(x₁ + x₂ − 2) (AND), z₂ = U(−x₁ − x₂) (NOR), y = U(z₁ + z₂ − 1) (OR):
    // XNOR by hand, 1 0 0 1. With U(0) = 0 every unit misses its zero row.
    Network net = logic(1, -1);
    net.layers[1].weights << 1, 1, -1, -1;
    net.layers[1].bias = Eigen::Vector2d(-2, 0);
    for (const double u0 : {1.0, 0.0}) {
        net.layers[1].activation.stepAtZero = u0;
        net.layers[2].activation.stepAtZero = u0;
        const auto table = truthTable(net);
        QVERIFY(table);
        const double expected[2][4] = {{0, 0, 0, 0}, {1, 0, 0, 1}}; // U(0) = 0, U(0) = 1
        training::BatchPasses batch;
        batch.reserve(net, 4);
        for (int r = 0; r < 4; ++r)
            batch.input(4).col(r) = (*table)[static_cast<std::size_t>(r)].input;
        batch.forward(net, 4);
        for (int r = 0; r < 4; ++r) {
            QCOMPARE((*table)[static_cast<std::size_t>(r)].output[0], expected[int(u0)][r]);
            // Training's batched forward pass agrees with the trace's.
            QCOMPARE(batch.output()(0, r), expected[int(u0)][r]);
        }
    }
}

QTEST_APPLESS_MAIN(TestTruthTable)
#include "tst_truth_table.moc"
