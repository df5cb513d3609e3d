// The computation graph and its backward pass (core/maths/expression_graph.h):
// the course example of teaching-content.md §8 against its closed form, shared
// nodes and summed contributions, errors that name the node, and 200 seeded
// random expressions whose gradients agree with central differences computed
// here by an independent evaluator (not the core's).
#include "core/maths/expression_graph.h"
#include "core/numerics.h"

#include <QtTest>

#include <cmath>
#include <functional>
#include <random>

using namespace bpl;

namespace {

ExpressionGraph graphOf(const std::string& text, const std::string& at) {
    const ParseResult parsed = parseExpression(text);
    if (!parsed.ok())
        qFatal("%s: %s", text.c_str(), parsed.error.describe().c_str());
    std::vector<VariableValue> values;
    std::string error;
    if (!parseVariableValues(at, values, error))
        qFatal("%s", error.c_str());
    GraphResult g = buildExpressionGraph(*parsed.expression, values);
    if (!g.ok())
        qFatal("%s: %s", text.c_str(), g.error.message.c_str());
    return std::move(*g.graph);
}

GraphError errorOf(const std::string& text, const std::string& at) {
    const ParseResult parsed = parseExpression(text);
    std::vector<VariableValue> values;
    std::string error;
    parseVariableValues(at, values, error);
    const GraphResult g = buildExpressionGraph(*parsed.expression, values);
    return g.ok() ? GraphError{-2, "built"} : g.error;
}

double roundTo3(double x) {
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(std::abs(x))));
    return std::round(x * scale) / scale;
}

// A random expression as text, with an evaluator of its own (std::pow, std::exp …
// on the text's meaning) — independent of the parser and the graph.
struct Random {
    std::string text;
    std::function<double(const double*)> f;
};

struct Generator {
    std::mt19937 rng;
    bool nearKink = false; // an argument of relu/abs came within 1e-3 of 0
    const double* probe = nullptr;

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

    Random leaf() {
        if (pick(3) == 0) {
            const int c = 1 + pick(4);
            return {std::to_string(c), [c](const double*) { return double(c); }};
        }
        static const char* names[] = {"x", "y", "z"};
        const int k = pick(3);
        return {names[k], [k](const double* v) { return v[k]; }};
    }

    Random make(int depth) {
        if (depth == 0)
            return leaf();
        const Random a = make(depth - 1);
        const Random b = make(depth - 1);
        const auto fa = a.f;
        const auto fb = b.f;
        switch (pick(14)) {
        case 0:
            return {"(" + a.text + " + " + b.text + ")",
                    [=](const double* v) { return fa(v) + fb(v); }};
        case 1:
            return {"(" + a.text + " − " + b.text + ")",
                    [=](const double* v) { return fa(v) - fb(v); }};
        case 2:
            return {"(" + a.text + " × " + b.text + ")",
                    [=](const double* v) { return fa(v) * fb(v); }};
        case 3:
            return {"(" + a.text + " / (1 + (" + b.text + ")^2))",
                    [=](const double* v) { return fa(v) / (1 + fb(v) * fb(v)); }};
        case 4:
            return {"(" + a.text + ")^3", [=](const double* v) { return std::pow(fa(v), 3); }};
        case 5:
            return {"((1 + σ(" + a.text + "))^(" + b.text + ")/8)", [=](const double* v) {
                        return std::pow(1 + 1 / (1 + std::exp(-fa(v))), fb(v)) / 8;
                    }};
        case 6:
            return {"exp(tanh(" + a.text + "))",
                    [=](const double* v) { return std::exp(std::tanh(fa(v))); }};
        case 7:
            return {"ln(1 + (" + a.text + ")^2)",
                    [=](const double* v) { return std::log(1 + fa(v) * fa(v)); }};
        case 8:
            return {"sqrt(2 + sin(" + a.text + "))",
                    [=](const double* v) { return std::sqrt(2 + std::sin(fa(v))); }};
        case 9:
            return {"cos(" + a.text + ")", [=](const double* v) { return std::cos(fa(v)); }};
        case 10:
            return {"sigmoid(" + a.text + ")",
                    [=](const double* v) { return 1 / (1 + std::exp(-fa(v))); }};
        case 11:
            return {"relu(" + a.text + ")", [this, fa](const double* v) {
                        const double x = fa(v);
                        nearKink = nearKink || std::abs(x) < 1e-3;
                        return x > 0 ? x : 0;
                    }};
        case 12:
            return {"(abs(" + a.text + ") - -" + b.text + ")", [this, fa, fb](const double* v) {
                        const double x = fa(v);
                        nearKink = nearKink || std::abs(x) < 1e-3;
                        return std::abs(x) + fb(v);
                    }};
        default:
            return {"tan(0.5*sin(" + a.text + "))",
                    [=](const double* v) { return std::tan(0.5 * std::sin(fa(v))); }};
        }
    }
};

} // namespace

class TestExpressionGraph : public QObject {
    Q_OBJECT
  private slots:
    void courseExample();
    void courseGraphShape();
    void sharedSubexpressionsAreOneNode();
    void backwardStepsShowSubstitutedFormulas();
    void randomExpressionsAgreeWithCentralDifferences();
    void centralDifferenceCheckOfTheCore();
    void kinksAndConstantExponents();
    void errorsNameTheNode_data();
    void errorsNameTheNode();
    void findNode();
    void formulaWithOtherInputs();
    void longExpressionsCostTheirLength();
};

void TestExpressionGraph::courseExample() {
    const ExpressionGraph g = graphOf("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))", "x=1,y=0");
    // Closed form of teaching-content.md §8, worked here.
    const double x = 1, y = 0;
    const double sx = 1 / (1 + std::exp(-x)), sy = 1 / (1 + std::exp(-y));
    const double a = x * x + sy, b = 3 * x + y - sx;
    const double dfdx = (2 * x * b - (3 - sx * (1 - sx)) * a) / (b * b);
    const double dfdy = (sy * (1 - sy) * b - a) / (b * b);
    QCOMPARE(roundTo3(sx), 0.731);
    QCOMPARE(roundTo3(b), 2.27);
    QVERIFY(std::abs(g.value() - a / b) < 1e-15);
    QVERIFY(std::abs(g.gradient("x") - dfdx) < 1e-14);
    QVERIFY(std::abs(g.gradient("y") - dfdy) < 1e-14);
    QCOMPARE(roundTo3(g.gradient("x")), 0.0646);
    QCOMPARE(roundTo3(g.gradient("y")), -0.181);
}

void TestExpressionGraph::courseGraphShape() {
    const ExpressionGraph g = graphOf("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))", "x=1,y=0");
    // grad-output.md's example: variables first, then node 3 = x^2 with inputs [0, 2] and local [2,
    // 0].
    QCOMPARE(g.nodes[0].name, std::string("x"));
    QCOMPARE(g.nodes[1].name, std::string("y"));
    QCOMPARE(g.nodes[2].op, ExprOp::Constant);
    const GraphNode& square = g.nodes[3];
    QCOMPARE(square.op, ExprOp::Power);
    QCOMPARE(square.inputs, (std::vector<int>{0, 2}));
    QCOMPARE(square.local, (std::vector<double>{2.0, 0.0}));
    QVERIFY(std::abs(square.grad - 1 / (3 - 1 / (1 + std::exp(-1.0)))) < 1e-15); // ∂f/∂a = 1/b
    QCOMPARE(g.output, int(g.nodes.size()) - 1);
    QCOMPARE(g.nodes[g.output].symbol.text, std::string("f"));
    for (const GraphNode& n : g.nodes) {
        for (int in : n.inputs)
            QVERIFY(in < n.id); // inputs before users
    }
    // x feeds x^2, 3*x and σ(x): three uses; y feeds σ(y) and 3x + y.
    QCOMPARE(g.nodes[0].users.size(), size_t(3));
    QCOMPARE(g.nodes[1].users.size(), size_t(2));
    // 12 nodes: x y 2 x² σ(y) a 3 3x 3x+y σ(x) b f.
    QCOMPARE(g.nodes.size(), size_t(12));
    QCOMPARE(g.forward.size(), size_t(8));
    QCOMPARE(g.backward.front().node, g.output);
    QCOMPARE(g.backward.back().node, 0); // x last: every user is done before it
}

void TestExpressionGraph::sharedSubexpressionsAreOneNode() {
    const ExpressionGraph g = graphOf("sigmoid(x)*sigmoid(x) + x*x", "x=0.5");
    // x, σ(x), σ·σ, x·x, + : five nodes.
    QCOMPARE(g.nodes.size(), size_t(5));
    const int s = g.findNode("sigmoid(x)");
    QVERIFY(s > 0);
    QCOMPARE(g.nodes[s].users.size(), size_t(2));
    const int xx = g.findNode("x*x");
    QCOMPARE(g.nodes[xx].inputs, (std::vector<int>{0, 0}));
    const BackwardStep& step = g.backward[g.backwardStepOf(0)];
    QCOMPARE(step.contributions.size(), size_t(3)); // through σ(x), and twice through x·x
    double sum = 0;
    for (const GradContribution& c : step.contributions)
        sum += c.value;
    const double sx = sigmoid(0.5);
    const double expected = 2 * sx * sx * (1 - sx) + 2 * 0.5;
    QVERIFY(std::abs(sum - expected) < 1e-15);
    QVERIFY(std::abs(g.gradient("x") - expected) < 1e-15);
    QVERIFY(QString::fromStdString(step.title.text).contains("used 3 times"));
}

void TestExpressionGraph::backwardStepsShowSubstitutedFormulas() {
    const ExpressionGraph g = graphOf("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))", "x=1,y=0");
    // ∂f/∂a = 1/b = 1/2.269 = 0.4407 (the example), with a = v₃, b = v₇.
    const int a = g.findNode("x^2 + sigmoid(y)");
    const WorkedFormula& fa = g.backward[g.backwardStepOf(a)].formula;
    QCOMPARE(QString::fromStdString(fa.line().text), QString("∂f/∂v₃ = 1/v₇ = 1/2.269 = 0.4407"));
    QCOMPARE(
        QString::fromStdString(fa.line().latex),
        QString(
            "\\frac{\\partial f}{\\partial v_{3}} = \\frac{1}{v_{7}} = \\frac{1}{2.269} = 0.4407"));
    // Its direct inputs: the value of b (∂f/∂f = 1 is no input).
    QCOMPARE(fa.inputs.size(), size_t(1));
    QCOMPARE(fa.inputs[0], MathsRef::value(g.findNode("3*x + y - sigmoid(x)")));
    // x: three contributions, written as a sum, with the numbers substituted.
    const WorkedFormula& fx = g.backward.back().formula;
    QCOMPARE(QString::fromStdString(fx.symbolic.text),
             QString("∂f/∂v₁·2·x + ∂f/∂v₄·3 + ∂f/∂v₆·σ(x)·(1 − σ(x))"));
    QCOMPARE(QString::fromStdString(fx.substituted.text),
             QString("0.4407·2·1 + (-0.2914)·3 + 0.2914·0.7311·(1 − 0.7311)"));
    QCOMPARE(QString::fromStdString(fx.result.text), QString("0.06465"));
    // Forward formulas substitute the inputs' values.
    QCOMPARE(QString::fromStdString(g.forward.back().line().text),
             QString("f = v₃/v₇ = 1.5/2.269 = 0.6611"));
    // A −1 local derivative of a negative upstream keeps its parentheses.
    const WorkedFormula& fs = g.backward[g.backwardStepOf(g.findNode("sigmoid(x)"))].formula;
    QCOMPARE(QString::fromStdString(fs.line().text),
             QString("∂f/∂v₆ = −∂f/∂v₇ = −(-0.2914) = 0.2914"));
}

void TestExpressionGraph::randomExpressionsAgreeWithCentralDifferences() {
    Generator gen{std::mt19937(20261129)};
    std::uniform_real_distribution<double> value(-1.5, 1.5);
    int accepted = 0;
    int attempts = 0;
    double worst = 0;
    while (accepted < 200 && attempts < 5000) {
        ++attempts;
        const Random r = gen.make(1 + gen.pick(4));
        const double at[3] = {value(gen.rng), value(gen.rng), value(gen.rng)};
        gen.nearKink = false;
        const double f0 = r.f(at);
        if (gen.nearKink || !std::isfinite(f0) || std::abs(f0) > 1e6)
            continue;
        const ParseResult parsed = parseExpression(r.text);
        QVERIFY2(parsed.ok(), (r.text + ": " + parsed.error.describe()).c_str());
        std::vector<VariableValue> values;
        for (const std::string& name : parsed.expression->variables) {
            values.push_back({name, at[name[0] - 'x']});
        }
        const GraphResult built = buildExpressionGraph(*parsed.expression, values);
        QVERIFY2(built.ok(), (r.text + ": " + built.error.message).c_str());
        const ExpressionGraph& g = *built.graph;
        QVERIFY2(std::abs(g.value() - f0) <= 1e-12 * std::max(1.0, std::abs(f0)), r.text.c_str());
        for (int k = 0; k < 3; ++k) {
            const std::string name(1, char('x' + k));
            // Central differences with one Richardson step, on the independent evaluator.
            const double h = 1e-4 * std::max(1.0, std::abs(at[k]));
            auto shifted = [&](double d) {
                double v[3] = {at[0], at[1], at[2]};
                v[k] += d;
                return r.f(v);
            };
            const double coarse = (shifted(h) - shifted(-h)) / (2 * h);
            const double fine = (shifted(h / 2) - shifted(-h / 2)) / h;
            const double numeric = (4 * fine - coarse) / 3;
            if (gen.nearKink)
                break; // a shifted point crossed a kink: no derivative to compare
            const double analytic = g.gradient(name);
            const double error = std::abs(analytic - numeric) /
                                 std::max({1.0, std::abs(analytic), std::abs(numeric)});
            worst = std::max(worst, error);
            QVERIFY2(error <= 1e-6, (r.text + " ∂/∂" + name + ": " + std::to_string(analytic) +
                                     " vs " + std::to_string(numeric))
                                        .c_str());
        }
        if (!gen.nearKink)
            ++accepted;
    }
    QCOMPARE(accepted, 200);
    qInfo("200 random expressions (%d drawn): largest relative error %.3g", attempts, worst);
}

void TestExpressionGraph::centralDifferenceCheckOfTheCore() {
    const ExpressionGraph g = graphOf("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))", "x=1,y=0");
    const CentralDifferenceCheck check = centralDifferenceCheck(g);
    QCOMPARE(check.entries.size(), size_t(2));
    QCOMPARE(check.entries[0].variable, std::string("x"));
    QVERIFY(check.agrees);
    QVERIFY(check.maxRelativeError < 1e-9);
    QVERIFY(std::abs(check.entries[1].numeric - (-0.18118636)) < 1e-8);
}

void TestExpressionGraph::kinksAndConstantExponents() {
    // relu′(0) = 0 and |·|′(0) = 0, as for the activations.
    QCOMPARE(graphOf("relu(x) + abs(y)", "x=0,y=0").gradient("x"), 0.0);
    QCOMPARE(graphOf("relu(x) + abs(y)", "x=0,y=0").gradient("y"), 0.0);
    QCOMPARE(graphOf("abs(y)", "y=-2").gradient("y"), -1.0);
    // A negative base with a constant exponent: (x − 3)² at x = 1 is 4, derivative −4.
    const ExpressionGraph g = graphOf("(x - 3)^2", "x=1");
    QCOMPARE(g.value(), 4.0);
    QCOMPARE(g.gradient("x"), -4.0);
    // A variable exponent: d/dy 2^y = 2^y ln 2.
    QVERIFY(std::abs(graphOf("2^y", "y=3").gradient("y") - 8 * std::log(2.0)) < 1e-14);
    // A constant subexpression has no backward step.
    const ExpressionGraph c = graphOf("(2 + 3)*x", "x=2");
    QCOMPARE(c.gradient("x"), 5.0);
    QCOMPARE(c.backwardStepOf(c.findNode("2 + 3")), -1);
    // The expression may be a single variable.
    const ExpressionGraph v = graphOf("x", "x=2");
    QCOMPARE(v.gradient("x"), 1.0);
}

void TestExpressionGraph::errorsNameTheNode_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("at");
    QTest::addColumn<int>("node");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing variable")
        << "x + y"
        << "x=1" << 1 << "no value for the variable y (give it with y=…)";
    QTest::newRow("extra variable") << "x"
                                    << "x=1,z=2" << -1 << "z is not a variable of the expression";
    QTest::newRow("ln of negative")
        << "ln(y - 1)"
        << "y=0" << 3
        << "node 3, ln(y - 1): ln of -1 is not defined (it needs a positive argument)";
    QTest::newRow("ln of zero") << "log(x)"
                                << "x=0" << 1 << "node 1, ln(x): ln 0 is −∞";
    QTest::newRow("division by zero") << "1/(x - x)"
                                      << "x=2" << 3 << "node 3, 1/(x - x): division by 0";
    QTest::newRow("sqrt of negative")
        << "sqrt(x)"
        << "x=-4" << 1 << "node 1, sqrt(x): the square root of -4 is not a real number";
    QTest::newRow("negative base")
        << "(x)^0.5"
        << "x=-1" << 2
        << "node 2, x^0.5: (-1)^0.5 is not a real number (a negative base needs a whole "
           "exponent)";
    QTest::newRow("exp overflow") << "exp(x)"
                                  << "x=1000" << 1 << "node 1, exp(x): exp(1000) overflows";
    QTest::newRow("infinite slope")
        << "sqrt(x)"
        << "x=0" << 1 << "node 1, sqrt(x): the derivative with respect to x is not finite here";
    QTest::newRow("variable exponent of negative base")
        << "(x - 2)^y"
        << "x=1,y=2" << 4
        << "node 4, (x - 2)^y: the derivative with respect to y is "
           "not finite here";
}

void TestExpressionGraph::errorsNameTheNode() {
    QFETCH(QString, text);
    QFETCH(QString, at);
    QFETCH(int, node);
    QFETCH(QString, message);
    const GraphError e = errorOf(text.toStdString(), at.toStdString());
    QCOMPARE(QString::fromStdString(e.message), message);
    QCOMPARE(e.node, node);
}

void TestExpressionGraph::findNode() {
    const ExpressionGraph g = graphOf("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))", "x=1,y=0");
    QCOMPARE(g.findNode("x^2 + σ(y)"), 5);
    QCOMPARE(g.findNode("(x^2) + sigmoid(y)"), 5);
    QCOMPARE(g.findNode("v3"), 5);
    QCOMPARE(g.findNode("v₃"), 5);
    QCOMPARE(g.findNode("5"), 5);
    QCOMPARE(g.findNode("f"), g.output);
    QCOMPARE(g.findNode("y"), 1);
    QCOMPARE(g.findNode("x^3"), -1);
    QCOMPARE(g.findNode("(("), -1);
    QCOMPARE(g.findNode("99"), -1);
}

void TestExpressionGraph::formulaWithOtherInputs() {
    const ExpressionGraph g = graphOf("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))", "x=1,y=0");
    const int b = g.findNode("3*x + y - sigmoid(x)");
    const int a = g.findNode("x^2 + sigmoid(y)");
    // A student's b = 2.5: ∂f/∂a = 1/2.5 = 0.4.
    const MathsLookup lookup = [&](const MathsRef& r) {
        return r == MathsRef::value(b) ? 2.5 : *g.valueOf(r);
    };
    const auto f = g.formulaWithInputs(MathsRef::grad(a), lookup);
    QVERIFY(f);
    QCOMPARE(f->value, 0.4);
    QCOMPARE(QString::fromStdString(f->substituted.text), QString("1/2.5"));
    // Values of variables are given, not computed: no formula.
    QVERIFY(!g.formulaWithInputs(MathsRef::value(0), lookup));
    QVERIFY(g.formulaFor(MathsRef::grad(0)) != nullptr);
}

// x*x*…*x with 5,000 factors (9,999 characters, within the parser's limit): every
// node's subexpression text is capped, so the graph holds O(n) text, not the
// 25 million characters of 5,000 ever longer subexpressions; the root's text and
// every value stay exact, and nodes are still found by what a person types.
void TestExpressionGraph::longExpressionsCostTheirLength() {
    const int factors = 5000;
    std::string product = "x";
    for (int k = 1; k < factors; ++k)
        product += "*x";
    const ExpressionGraph g = graphOf(product, "x=1.001");
    QCOMPARE(static_cast<int>(g.nodes.size()), factors); // x and 4,999 products
    std::size_t text = 0;
    for (const GraphNode& n : g.nodes) {
        QVERIFY2(n.expression.text.size() <= kNodeExpressionBytes + 8, n.expression.text.c_str());
        text += n.expression.text.size() + n.expression.latex.size();
    }
    QVERIFY2(text < 10 * kNodeExpressionBytes * g.nodes.size(), std::to_string(text).c_str());
    // Short subexpressions are whole, long ones elided with "…" at the deep end.
    QCOMPARE(QString::fromStdString(g.nodes[2].expression.text), QString("x·x·x"));
    const Dual& last = g.nodes[g.output].expression;
    QVERIFY2(last.text.rfind("…·x·x", 0) == 0, last.text.c_str());
    QVERIFY2(last.latex.rfind("\\ldots \\cdot x", 0) == 0, last.latex.c_str());
    // The whole expression written back is exact: 5,000 x's and 4,999 "·" (2 bytes).
    QCOMPARE(g.expression.text().text.size(), std::size_t(factors + 2 * (factors - 1)));
    // Values are exact: f = 1.001^5000, ∂f/∂x = 5000 · 1.001^4999.
    QVERIFY(std::abs(g.value() / std::pow(1.001, factors) - 1) < 1e-9);
    QVERIFY(std::abs(g.gradient("x") / (factors * std::pow(1.001, factors - 1)) - 1) < 1e-9);
    QCOMPARE(g.findNode("x*x*x"), 2);
    // A sum of 5,000 terms: the same bound.
    std::string sum = "x";
    for (int k = 1; k < factors; ++k)
        sum += "+x";
    const ExpressionGraph s = graphOf(sum, "x=2");
    std::size_t sumText = 0;
    for (const GraphNode& n : s.nodes)
        sumText += n.expression.text.size();
    QVERIFY2(sumText < 2 * kNodeExpressionBytes * s.nodes.size(), std::to_string(sumText).c_str());
    QCOMPARE(s.value(), 2.0 * factors);
    QCOMPARE(s.gradient("x"), double(factors));
}

QTEST_APPLESS_MAIN(TestExpressionGraph)
#include "tst_expression_graph.moc"
