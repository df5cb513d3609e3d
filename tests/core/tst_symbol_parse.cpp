// Answers typed in the notation on screen: every symbol the trace displays (in
// Unicode and in LaTeX, in all four notations) reads back as its quantity in
// file numbering; ASCII spellings a student types; helpful refusals.
#include "core/symbol_parse.h"
#include "core/trace.h"

#include <QtTest>

using namespace bpl;

namespace {

// 3-2-1 (teaching-content.md section 1) with a 12-wide hidden layer option for wide indices.
Network sheet5(int hidden = 2) {
    Network net;
    Layer input;
    input.size = 3;
    Layer h;
    h.size = hidden;
    h.activation.kind = Activation::Sigmoid;
    h.weights = Eigen::MatrixXd::Constant(hidden, 3, 0.1);
    h.bias = Eigen::VectorXd::Zero(hidden);
    Layer output;
    output.size = 1;
    output.activation.kind = Activation::Sigmoid;
    output.weights = Eigen::MatrixXd::Constant(1, hidden, 0.2);
    output.bias = Eigen::VectorXd::Zero(1);
    net.layers = {input, h, output};
    net.loss = Loss::BinaryCrossEntropy;
    net.learningRate = 0.05;
    net.sample.input = Eigen::Vector3d(3, 0.2, -0.1);
    net.sample.target = Eigen::VectorXd::Zero(1);
    return net;
}

} // namespace

class TestSymbolParse : public QObject {
    Q_OBJECT
private slots:
    void everyDisplayedSymbolReadsBack_data();
    void everyDisplayedSymbolReadsBack();
    void typedSpellings_data();
    void typedSpellings();
    void refusals_data();
    void refusals();
    void typedNumbers_data();
    void typedNumbers();
};

void TestSymbolParse::everyDisplayedSymbolReadsBack_data() {
    QTest::addColumn<QString>("notation");
    QTest::addColumn<int>("hidden");
    for (const Notation& n : Notation::all()) {
        QTest::newRow(n.id.c_str()) << QString::fromStdString(n.id) << 2;
        QTest::newRow((n.id + ", 12 wide").c_str()) << QString::fromStdString(n.id) << 12;
    }
}

void TestSymbolParse::everyDisplayedSymbolReadsBack() {
    QFETCH(QString, notation);
    QFETCH(int, hidden);
    TraceOptions options;
    QVERIFY(Notation::fromId(notation.toStdString(), options.notation));
    const Network net = sheet5(hidden);
    const Trace trace = traceNetwork(net, options);
    int checked = 0;
    for (const Step& step : trace.steps) {
        for (const ScalarFormula& f : step.scalars) {
            for (const std::string& shown : {f.lhs.text, f.lhs.latex}) {
                const SymbolParse parsed = parseQuantitySymbol(shown, options.notation, net);
                QVERIFY2(parsed.ref.has_value(), qPrintable(QString::fromStdString(shown + ": " + parsed.error)));
                QVERIFY2(*parsed.ref == f.ref,
                         qPrintable(QString::fromStdString(shown + " read as " + parsed.ref->describe() +
                                                           ", expected " + f.ref.describe())));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 40);
}

void TestSymbolParse::typedSpellings_data() {
    QTest::addColumn<QString>("notation");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("i");
    QTest::addColumn<int>("j");
    auto row = [](const char* n, const char* typed, Quantity q, int l, int i, int j) {
        QTest::newRow((std::string(n) + ": " + typed).c_str()) << n << QString::fromUtf8(typed) << int(q) << l << i << j;
    };
    using Q = Quantity;
    row("standard", "a1(1)", Q::A, 1, 0, -1);
    row("standard", "z_2^(1)", Q::Z, 1, 1, -1);
    row("standard", "z_{1}^{(0)}", Q::Z, 0, 0, -1);
    row("standard", "delta1(2)", Q::Delta, 2, 0, -1);
    row("standard", "\\delta_1^{(1)}", Q::Delta, 1, 0, -1);
    row("standard", "dE/dw13(1)", Q::GradWeights, 1, 0, 2);
    row("standard", "dE / db_2^(1)", Q::GradBias, 1, 1, -1);
    row("standard", "new w13(1)", Q::NewWeights, 1, 0, 2);
    row("standard", "w_13^(1) new", Q::NewWeights, 1, 0, 2);
    row("standard", "new b2(1)", Q::NewBias, 1, 1, -1);
    row("standard", "E", Q::Loss, 0, 0, -1);
    row("standard", "loss", Q::Loss, 0, 0, -1);
    row("standard", "y1", Q::Output, 2, 0, -1);
    // Bishop: input is layer 1 and w₁₂⁽²⁾ leaves layer 2 — file layer 2 for both.
    row("bishop", "a1(2)", Q::A, 1, 0, -1);
    row("bishop", "new w12(2)", Q::NewWeights, 2, 0, 1);
    row("bishop", "∂E/∂w₁₃⁽¹⁾", Q::GradWeights, 1, 0, 2);
    // Course sheet: X, Y and the bias as w_{i0}.
    row("course", "X1(1)", Q::A, 1, 0, -1);
    row("course", "Y₂⁽¹⁾", Q::Z, 1, 1, -1);
    row("course", "dE/dw10(2)", Q::GradBias, 2, 0, -1);
    row("course", "new w₂₀⁽¹⁾", Q::NewBias, 1, 1, -1);
    // Ng: z is the pre-activation, a the activation, dz the delta.
    row("ng", "z1(1)", Q::A, 1, 0, -1);
    row("ng", "a2(1)", Q::Z, 1, 1, -1);
    row("ng", "dz1(2)", Q::Delta, 2, 0, -1);
}

void TestSymbolParse::typedSpellings() {
    QFETCH(QString, notation);
    QFETCH(QString, typed);
    QFETCH(int, quantity);
    QFETCH(int, layer);
    QFETCH(int, i);
    QFETCH(int, j);
    Notation n;
    QVERIFY(Notation::fromId(notation.toStdString(), n));
    const SymbolParse parsed = parseQuantitySymbol(typed.toStdString(), n, sheet5());
    QVERIFY2(parsed.ref.has_value(), parsed.error.c_str());
    const QuantityRef expected{static_cast<Quantity>(quantity), layer, i, j};
    QVERIFY2(*parsed.ref == expected, parsed.ref->describe().c_str());
}

void TestSymbolParse::refusals_data() {
    QTest::addColumn<QString>("notation");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("a weight itself") << "standard" << "w12(1)" << "is a parameter of the network, not a computed value";
    QTest::newRow("no layer") << "standard" << "a1" << "give the layer";
    QTest::newRow("delta of the input") << "standard" << "delta1(0)" << "layer 0 is the input layer: it has no δ";
    QTest::newRow("bishop input delta") << "bishop" << "δ₁⁽¹⁾" << "layer 0 is the input layer";
    QTest::newRow("neuron out of range") << "standard" << "z3(1)" << "layer 1 has 2 neurons, found index 3";
    QTest::newRow("one index for a weight") << "standard" << "new w1(1)" << "a weight needs two indices";
    QTest::newRow("gradient of a delta") << "standard" << "dE/ddelta1(1)" << "only weights and biases";
    QTest::newRow("unknown letter") << "standard" << "q1(1)" << "expected a, z, δ";
    QTest::newRow("course letters") << "course" << "a1(1)" << "expected X, Y, δ";
    QTest::newRow("empty") << "standard" << "  " << "empty";
}

void TestSymbolParse::refusals() {
    QFETCH(QString, notation);
    QFETCH(QString, typed);
    QFETCH(QString, reason);
    Notation n;
    QVERIFY(Notation::fromId(notation.toStdString(), n));
    const SymbolParse parsed = parseQuantitySymbol(typed.toStdString(), n, sheet5());
    QVERIFY(!parsed.ref.has_value());
    QVERIFY2(QString::fromStdString(parsed.error).contains(reason), parsed.error.c_str());
}

void TestSymbolParse::typedNumbers_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("plain") << "0.5769" << true << 0.5769;
    QTest::newRow("decimal comma") << "0,5769" << true << 0.5769;
    QTest::newRow("unicode minus") << QString::fromUtf8("−0.8") << true << -0.8;
    QTest::newRow("plus and spaces") << " +0.31 " << true << 0.31;
    QTest::newRow("e notation") << "2.49e-7" << true << 2.49e-7;
    QTest::newRow("times ten") << QString::fromUtf8("2.49×10⁻⁷") << true << 2.49e-7;
    QTest::newRow("x ten caret") << "2.49 x 10^-7" << true << 2.49e-7;
    QTest::newRow("comma and point") << "1,234.5" << false << 0.0;
    QTest::newRow("two commas") << "1,2,3" << false << 0.0;
    QTest::newRow("words") << "abc" << false << 0.0;
    QTest::newRow("trailing junk") << "0.5x" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
    QTest::newRow("inf") << "inf" << false << 0.0;
}

void TestSymbolParse::typedNumbers() {
    QFETCH(QString, typed);
    QFETCH(bool, ok);
    QFETCH(double, value);
    const auto parsed = parseTypedNumber(typed.toStdString());
    QCOMPARE(parsed.has_value(), ok);
    if (ok) QCOMPARE(*parsed, value);
}

QTEST_APPLESS_MAIN(TestSymbolParse)
#include "tst_symbol_parse.moc"
