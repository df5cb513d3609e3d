// Exercise variants of the worked maths (core/exercise): chain-rule
// expressions get new values of their variables, convolutions new X and W.
// Over hundreds of variant numbers each value has at most the stated
// decimals (checked here independently), no ln of a non-positive number or
// division by ~0 gets through, no σ/tanh/exp argument is saturated, every node
// value and gradient survives rounding, central differences still agree with
// the chain rule, and each convolution output equals a sum of products
// computed here directly. (A sum of products of one-decimal numbers such as
// 0.01 may come out a few ulps below it: "survives rounding" allows that.)
#include "core/exercise/convolution_variant.h"
#include "core/exercise/expression_variant.h"

#include <QtTest>

#include <cmath>

using namespace bpl;
using namespace bpl::exercise;

namespace {

bool atMostDecimals(double value, int d) {
    const double scaled = value * std::pow(10.0, d);
    return std::abs(scaled - std::round(scaled)) <= 1e-9;
}

Expression parsed(const char* text) {
    ParseResult r = parseExpression(text);
    if (!r.ok())
        qFatal("bad expression %s", text);
    return *r.expression;
}

} // namespace

class TestExerciseMathsVariants : public QObject {
    Q_OBJECT
  private slots:
    void expressionVariantsAreHandWorkable_data();
    void expressionVariantsAreHandWorkable();
    void expressionVariantsAreReproducible();
    void expressionTemplateErrors();
    void fixedVariablesKeepTheirValues();
    void convolutionVariantsAreHandWorkable_data();
    void convolutionVariantsAreHandWorkable();
    void convolutionTemplateErrors();
};

void TestExerciseMathsVariants::expressionVariantsAreHandWorkable_data() {
    QTest::addColumn<QString>("expression");
    QTest::newRow("course graph") << "(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))";
    QTest::newRow("ln needs x > 1") << "ln(x - 1) * y";
    QTest::newRow("division") << "x / (y - 0.5)";
    QTest::newRow("tanh and exp") << "tanh(x*y) + exp(x)";
    QTest::newRow("product of three") << "x*y*z + x";
}

void TestExerciseMathsVariants::expressionVariantsAreHandWorkable() {
    QFETCH(QString, expression);
    const Expression e = parsed(expression.toUtf8().constData());
    ExpressionTemplate t;
    std::vector<VariableValue> at;
    for (const auto& name : e.variables)
        at.push_back({name, 1});
    int distinct = 0;
    std::vector<double> previous;
    for (std::uint32_t n = 0; n < 300; ++n) {
        const auto values = expressionVariant(e, at, t, n * 3491 + 11);
        QVERIFY2(values.ok(), values.ok() ? "" : values.error().reason.c_str());
        std::vector<double> now;
        for (const auto& v : values.value()) {
            QVERIFY(atMostDecimals(v.value, 1));
            QVERIFY(v.value >= -2 && v.value <= 2);
            now.push_back(v.value);
        }
        distinct += now != previous ? 1 : 0;
        previous = now;
        const GraphResult graph = buildExpressionGraph(e, values.value());
        QVERIFY2(graph.ok(), graph.ok() ? "" : graph.error.message.c_str()); // no domain error
        for (const GraphNode& node : graph.graph->nodes) {
            if (!node.dependsOnVariables)
                continue;
            QVERIFY(std::isfinite(node.value) && std::isfinite(node.grad));
            if (node.op != ExprOp::Variable)
                QVERIFY(std::abs(node.value) >= 1e-4);
            QVERIFY(std::abs(node.grad) >= 1e-4);
            if (node.op == ExprOp::Sigmoid || node.op == ExprOp::Tanh || node.op == ExprOp::Exp)
                QVERIFY(std::abs(graph.graph->nodes[node.inputs[0]].value) <= 2.5);
            if (node.op == ExprOp::Log)
                QVERIFY(graph.graph->nodes[node.inputs[0]].value > 0);
        }
        const CentralDifferenceCheck check = centralDifferenceCheck(*graph.graph);
        QVERIFY(check.agrees);
        QVERIFY(check.maxRelativeError < 1e-6);
    }
    QVERIFY(distinct > 250);
}

void TestExerciseMathsVariants::expressionVariantsAreReproducible() {
    const Expression e = parsed("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))");
    const std::vector<VariableValue> at{{"x", 1}, {"y", 0}};
    const ExpressionTemplate t;
    for (std::uint32_t n : {0u, 5u, 99999u}) {
        const auto a = expressionVariant(e, at, t, n).value();
        const auto b = expressionVariant(e, at, t, n).value();
        QCOMPARE(a.size(), std::size_t(2));
        for (std::size_t k = 0; k < a.size(); ++k) {
            QCOMPARE(a[k].name, b[k].name);
            QCOMPARE(a[k].value, b[k].value);
        }
    }
    const auto zero = expressionVariant(e, at, t, 0).value();
    const auto one = expressionVariant(e, at, t, 1).value();
    QVERIFY(zero[0].value != one[0].value || zero[1].value != one[1].value);
}

void TestExerciseMathsVariants::expressionTemplateErrors() {
    const Expression e = parsed("ln(x) * y");
    const std::vector<VariableValue> at{{"x", 1}, {"y", 1}};
    ExpressionTemplate t;
    t.ranges = {{"z", NumberRange{0, 1, 1, {}}}};
    auto v = expressionVariant(e, at, t, 1);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().reason, std::string("ranges: 'z' is not a variable of the expression"));
    // ln(x) with x ≤ 0 everywhere: no variant.
    t = ExpressionTemplate{};
    t.ranges = {{"x", NumberRange{-2, 0, 1, {}}}};
    v = expressionVariant(e, at, t, 1);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().reason, std::string(kNoVariantReason));
}

void TestExerciseMathsVariants::fixedVariablesKeepTheirValues() {
    const Expression e = parsed("x*y + y");
    const std::vector<VariableValue> at{{"x", 1.5}, {"y", 1}};
    ExpressionTemplate t;
    t.fixed = {"x"};
    for (std::uint32_t n = 0; n < 20; ++n) {
        const auto v = expressionVariant(e, at, t, n);
        QVERIFY(v.ok());
        QCOMPARE(v.value()[0].value, 1.5);
    }
}

void TestExerciseMathsVariants::convolutionVariantsAreHandWorkable_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("decimals");
    QTest::newRow("4x4, 2x2") << 4 << 2 << 1 << 0 << 0;
    QTest::newRow("3x3, 2x2, padding 1") << 3 << 2 << 1 << 1 << 0;
    QTest::newRow("5x5, 3x3, stride 2") << 5 << 3 << 2 << 0 << 0;
    QTest::newRow("4x4, 2x2, one decimal") << 4 << 2 << 1 << 0 << 1;
}

void TestExerciseMathsVariants::convolutionVariantsAreHandWorkable() {
    QFETCH(int, n);
    QFETCH(int, k);
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(int, decimals);
    ConvolutionProblem exercise;
    exercise.input = Eigen::MatrixXd::Ones(n, n);
    exercise.filter = Eigen::MatrixXd::Ones(k, k);
    exercise.stride = stride;
    exercise.padding = padding;
    ConvolutionTemplate t;
    t.input.decimals = decimals;
    t.filter.decimals = decimals;
    QCOMPARE(convolutionShape(exercise), "conv" + std::to_string(n) + "x" + std::to_string(n) +
                                             "-" + std::to_string(k) + "x" + std::to_string(k));
    for (std::uint32_t number = 0; number < 300; ++number) {
        const auto v = convolutionVariant(exercise, t, (number * 7919 + 3) % kVariantNumberCount);
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().reason.c_str());
        const ConvolutionProblem& p = v.value();
        QCOMPARE(p.stride, stride);
        QCOMPARE(p.padding, padding);
        for (Eigen::Index e = 0; e < p.input.size(); ++e) {
            QVERIFY(atMostDecimals(p.input.data()[e], decimals));
            QVERIFY(p.input.data()[e] >= 0 && p.input.data()[e] <= 5);
        }
        for (Eigen::Index e = 0; e < p.filter.size(); ++e) {
            QVERIFY(atMostDecimals(p.filter.data()[e], decimals));
            QVERIFY(p.filter.data()[e] >= -2 && p.filter.data()[e] <= 2);
        }
        const auto c = computeConvolution(p);
        QVERIFY(c.ok());
        const Convolution& conv = c.value();
        // F_ij = Σ_uv W_uv X_(si+u−p)(sj+v−p), computed here directly.
        for (int i = 0; i < conv.output.rows(); ++i)
            for (int j = 0; j < conv.output.cols(); ++j) {
                double sum = 0;
                for (int u = 0; u < k; ++u)
                    for (int w = 0; w < k; ++w) {
                        const int r = stride * i + u - padding, s = stride * j + w - padding;
                        if (r >= 0 && r < n && s >= 0 && s < n)
                            sum += p.filter(u, w) * p.input(r, s);
                    }
                QVERIFY(std::abs(conv.output(i, j) - sum) < 1e-9);
                QVERIFY(std::abs(conv.output(i, j)) >= 1e-2 * (1 - 1e-9));
            }
        for (Eigen::Index e = 0; e < conv.gradFilter.size(); ++e)
            QVERIFY(std::abs(conv.gradFilter.data()[e]) >= 1e-2 * (1 - 1e-9));
        for (int r = 0; r < n; ++r)
            for (int s = 0; s < n; ++s)
                if (!conv.windowsCovering(r, s).empty())
                    QVERIFY(std::abs(conv.gradInput(r, s)) >= 1e-2 * (1 - 1e-9));
    }
    // What a sheet asks: every F and ∂E/∂W, and ∂E/∂X of every covered cell.
    const Convolution first =
        computeConvolution(convolutionVariant(exercise, t, 42).value()).value();
    int covered = 0;
    for (int r = 0; r < n; ++r)
        for (int s = 0; s < n; ++s)
            covered += first.windowsCovering(r, s).empty() ? 0 : 1;
    QCOMPARE(static_cast<long>(askedMathsRefs(first).size()),
             static_cast<long>(first.output.size() + k * k + covered));
    // The same number, the same entries.
    QCOMPARE(convolutionVariant(exercise, t, 42).value().input,
             convolutionVariant(exercise, t, 42).value().input);
    QVERIFY(convolutionVariant(exercise, t, 42).value().input !=
            convolutionVariant(exercise, t, 43).value().input);
}

void TestExerciseMathsVariants::convolutionTemplateErrors() {
    ConvolutionProblem exercise;
    exercise.input = Eigen::MatrixXd::Ones(3, 3);
    exercise.filter = Eigen::MatrixXd::Ones(2, 2);
    ConvolutionTemplate t;
    t.input.decimals = 2;
    auto v = convolutionVariant(exercise, t, 1);
    QVERIFY(!v.ok());
    QVERIFY(v.error().reason.find("decimals must be 0 or 1") != std::string::npos);
    t = ConvolutionTemplate{};
    t.filter = NumberRange{0, 0, 0, {}}; // every F is 0
    v = convolutionVariant(exercise, t, 1);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().reason, std::string(kNoVariantReason));
}

QTEST_APPLESS_MAIN(TestExerciseMathsVariants)
#include "tst_exercise_maths_variants.moc"
