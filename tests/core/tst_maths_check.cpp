// Check mode for the worked maths (core/maths/maths_check.h): right answers
// pass, a slip is wrong with a hint, and a later value computed from it is
// carried (with the origin named); convolution answers and the flip hint.
// Expected values are those of the course example (teaching-content.md §8, §9).
#include "core/maths/maths_check.h"

#include <QtTest>

using namespace bpl;

namespace {

ExpressionGraph courseGraph() {
    const ParseResult parsed = parseExpression("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))");
    return *buildExpressionGraph(*parsed.expression, {{"x", 1}, {"y", 0}}).graph;
}

bool anyHintContains(const MathsAnswerResult& r, const QString& text) {
    for (const std::string& h : r.hints) {
        if (QString::fromStdString(h).contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestMathsCheck : public QObject {
    Q_OBJECT
  private slots:
    void rightAnswersPass();
    void slippedValueCarriesIntoLaterGradients();
    void slippedGradientCarriesDownTheGraph();
    void onlyOneContributionOfASharedVariable();
    void dividedByLnTen();
    void refsThatNameNothing();
    void convolutionAnswers();
};

void TestMathsCheck::rightAnswersPass() {
    const ExpressionGraph g = courseGraph();
    // The course's numbers to 3 significant figures.
    const std::vector<MathsAnswer> answers = {
        {MathsRef::value(g.findNode("sigmoid(x)")), 0.731},
        {MathsRef::value(g.findNode("x^2 + sigmoid(y)")), 1.5},
        {MathsRef::value(g.findNode("3*x + y - sigmoid(x)")), 2.27},
        {MathsRef::grad(g.variableNode("x")), 0.0646},
        {MathsRef::grad(g.variableNode("y")), -0.181},
    };
    const MathsCheckReport report = checkGraphAnswers(g, answers);
    QCOMPARE(report.correct, 5);
    QVERIFY(report.allCorrect());
    QCOMPARE(QString::fromStdString(report.summary()), QString("5 of 5 right"));
    QVERIFY(QString::fromStdString(report.results[0].explanation)
                .startsWith("Correct: 0.731 and 0.731059"));
}

void TestMathsCheck::slippedValueCarriesIntoLaterGradients() {
    const ExpressionGraph g = courseGraph();
    const int a = g.findNode("x^2 + sigmoid(y)");
    const int b = g.findNode("3*x + y - sigmoid(x)");
    // b slipped to 2.5 (exact 2.269); ∂f/∂a = 1/b computed from it: 1/2.5 = 0.4.
    const std::vector<MathsAnswer> answers = {{MathsRef::value(b), 2.5}, {MathsRef::grad(a), 0.4}};
    const MathsCheckReport report = checkGraphAnswers(g, answers);
    QCOMPARE(report.results[0].status, AnswerStatus::Wrong);
    QCOMPARE(report.results[1].status, AnswerStatus::Carried);
    QCOMPARE(report.results[1].carriedFrom, std::vector<MathsRef>{MathsRef::value(b)});
    QCOMPARE(*report.results[1].recomputed, 0.4);
    QCOMPARE(QString::fromStdString(report.results[1].givenWorking.text),
             QString("∂f/∂v₃ = 1/v₇ = 1/2.5 = 0.4"));
    QCOMPARE(QString::fromStdString(report.summary()),
             QString("0 of 2 right; 1 wrong; 1 carried from v₇"));
    // The wrong value's explanation shows the step with the right numbers.
    QVERIFY(QString::fromStdString(report.results[0].explanation)
                .contains("v₇ = v₅ − v₆ = 3 − 0.7311 = 2.269"));
    // Without the slipped value, 0.4 is simply wrong.
    const MathsCheckReport alone = checkGraphAnswers(g, {{MathsRef::grad(a), 0.4}});
    QCOMPARE(alone.results[0].status, AnswerStatus::Wrong);
}

void TestMathsCheck::slippedGradientCarriesDownTheGraph() {
    const ExpressionGraph g = courseGraph();
    const int b = g.findNode("3*x + y - sigmoid(x)");
    const int sx = g.findNode("sigmoid(x)");
    const int x = g.variableNode("x");
    // ∂f/∂b slipped to +0.2914 (sign); ∂f/∂σ(x) = −∂f/∂b follows it: −0.2914, carried.
    // ∂f/∂x then uses their ∂f/∂σ(x): 0.4407·2 + (−0.2914)·3 + (−0.2914)·0.19661 = 0.0075, carried
    // again.
    const double dx = 2 * g.nodes[g.findNode("x^2")].grad + 3 * g.nodes[g.findNode("3*x")].grad +
                      -0.2914 * g.nodes[sx].value * (1 - g.nodes[sx].value);
    const std::vector<MathsAnswer> answers = {
        {MathsRef::grad(b), 0.2914}, {MathsRef::grad(sx), -0.2914}, {MathsRef::grad(x), dx}};
    const MathsCheckReport report = checkGraphAnswers(g, answers);
    QCOMPARE(report.results[0].status, AnswerStatus::Wrong);
    QVERIFY(anyHintContains(report.results[0], "The sign is wrong"));
    QCOMPARE(report.results[1].status, AnswerStatus::Carried);
    QCOMPARE(report.results[2].status, AnswerStatus::Carried);
    QCOMPARE(report.results[2].origins, std::vector<MathsRef>{MathsRef::grad(b)});
    QVERIFY(QString::fromStdString(report.results[2].explanation)
                .contains("The error starts at your ∂f/∂v₇"));
    QCOMPARE(report.carried, 2);
}

void TestMathsCheck::onlyOneContributionOfASharedVariable() {
    const ExpressionGraph g = courseGraph();
    const int x = g.variableNode("x");
    // The slip the course warns about: x appears in a and in b. Leaving out the
    // path through σ(x) gives 0.4407·2 − 0.2914·3 = 0.00716.
    const double withoutSigma = g.backward[g.backwardStepOf(x)].contributions[0].value +
                                g.backward[g.backwardStepOf(x)].contributions[1].value;
    const MathsCheckReport report = checkGraphAnswers(g, {{MathsRef::grad(x), withoutSigma}});
    QCOMPARE(report.results[0].status, AnswerStatus::Wrong);
    QVERIFY(anyHintContains(report.results[0], "The contribution through v₆"));
    QVERIFY(anyHintContains(report.results[0], "is missing"));
    // Only the first contribution (through x²): 0.8815.
    const double first = g.backward[g.backwardStepOf(x)].contributions[0].value;
    const MathsCheckReport only = checkGraphAnswers(g, {{MathsRef::grad(x), first}});
    QVERIFY(anyHintContains(only.results[0], "this is only the one through v₁"));
}

void TestMathsCheck::dividedByLnTen() {
    const ParseResult parsed = parseExpression("ln(x) * y");
    const ExpressionGraph g = *buildExpressionGraph(*parsed.expression, {{"x", 2}, {"y", 3}}).graph;
    // ∂f/∂x = y/x = 1.5; with log₁₀'s derivative 1/(x ln 10) it would be 0.6514.
    QCOMPARE(g.gradient("x"), 1.5);
    const MathsCheckReport report = checkGraphAnswers(g, {{MathsRef::grad(0), 0.6514}});
    QCOMPARE(report.results[0].status, AnswerStatus::Wrong);
    QVERIFY(anyHintContains(report.results[0], "Divided by ln 10"));
    // ln 2 = 0.693 written as log₁₀ 2 = 0.301.
    const MathsCheckReport value =
        checkGraphAnswers(g, {{MathsRef::value(g.findNode("ln(x)")), 0.301}});
    QVERIFY(anyHintContains(value.results[0], "natural logarithm"));
}

void TestMathsCheck::refsThatNameNothing() {
    const ExpressionGraph g = courseGraph();
    const MathsCheckReport report = checkGraphAnswers(g, {{MathsRef::value(99), 1.0}});
    QCOMPARE(report.results[0].status, AnswerStatus::Wrong);
    QVERIFY(QString::fromStdString(report.results[0].explanation)
                .startsWith("Not a value of this problem"));
}

void TestMathsCheck::convolutionAnswers() {
    ConvolutionProblem p;
    p.input = Eigen::MatrixXd::Constant(5, 5, 1.0);
    p.input.topLeftCorner(3, 3) << 4, 5, 2, 3, 3, 2, 4, 3, 4;
    p.filter = Eigen::MatrixXd(3, 3);
    p.filter << 4, 3, 3, 5, 5, 5, 2, 4, 3;
    const Convolution c = computeConvolution(p).value();
    const std::vector<MathsAnswer> answers = {
        {MathsRef::entry(MathsQuantity::ConvOutput, 0, 0), 109},
        {MathsRef::entry(MathsQuantity::ConvOutput, 0, 0), 113}, // the flipped kernel
        {MathsRef::entry(MathsQuantity::ConvGradInput, 1, 1), 17},
        {MathsRef::entry(MathsQuantity::ConvGradInput, 1, 1), 12}, // 17 − 5: one product left out
        {MathsRef::entry(MathsQuantity::ConvGradFilter, 0, 0), 30},
    };
    const MathsCheckReport report = checkConvolutionAnswers(c, answers);
    QCOMPARE(report.results[0].status, AnswerStatus::Correct);
    QCOMPARE(report.results[1].status, AnswerStatus::Wrong);
    QVERIFY(anyHintContains(report.results[1], "The filter was flipped"));
    QCOMPARE(report.results[2].status, AnswerStatus::Correct);
    QVERIFY(anyHintContains(report.results[3], "One product (5) is missing"));
    QCOMPARE(report.results[4].status, AnswerStatus::Correct); // the sum of the course's block: 30
    QCOMPARE(QString::fromStdString(report.results[3].symbol.text), QString("∂E/∂X₂₂"));
}

QTEST_APPLESS_MAIN(TestMathsCheck)
#include "tst_maths_check.moc"
