// Check mode for pooling (checkPoolingAnswers, core/maths/maths_check.h) on
// X = [[1, 3, 2, 1], [2, 4, 1, 0], [5, 1, 0, 2], [1, 2, 3, 3]], 2×2 windows,
// stride 2, by hand: max gives P = [[4, 2], [5, 3]]; the last window ties
// (X₄₃ = X₄₄ = 3), so ∂E/∂X₄₄ = 0 and a 1 there is the tie slip; average
// gives P₁₁ = (1 + 3 + 2 + 4)/4 = 2.5, so 10 is the undivided sum, and with
// ∂E/∂P all ones each cell takes 1/4, so 1 is the unshared gradient. Answers
// name P as "output" and ∂E/∂X as "grad_input"; anything else names nothing.
#include "core/maths/maths_check.h"

#include <QtTest>

using namespace bpl;

namespace {

Pooling pooled(PoolingKind kind) {
    PoolingProblem p;
    p.input.resize(4, 4);
    p.input << 1, 3, 2, 1, 2, 4, 1, 0, 5, 1, 0, 2, 1, 2, 3, 3;
    p.kind = kind;
    p.window = 2;
    return computePooling(p).value();
}

MathsAnswer answer(MathsQuantity q, int row, int col, double value) {
    return {MathsRef::entry(q, row, col), value};
}

QString hints(const MathsAnswerResult& r) {
    QStringList out;
    for (const std::string& h : r.hints)
        out << QString::fromStdString(h);
    return out.join(" | ");
}

} // namespace

class TestPoolingCheck : public QObject {
    Q_OBJECT
  private slots:
    void maxRightAndTheTieSlip();
    void averageUndividedAndUnshared();
    void refsThatNameNothing();
};

void TestPoolingCheck::maxRightAndTheTieSlip() {
    const Pooling r = pooled(PoolingKind::Max);
    const MathsCheckReport report =
        checkPoolingAnswers(r, {answer(MathsQuantity::ConvOutput, 1, 1, 3),
                                answer(MathsQuantity::ConvGradInput, 3, 2, 1),
                                answer(MathsQuantity::ConvGradInput, 3, 3, 1)});
    QCOMPARE(report.correct, 2);
    QCOMPARE(report.wrong, 1);
    const MathsAnswerResult& tie = report.results[2];
    QCOMPARE(tie.status, AnswerStatus::Wrong);
    QCOMPARE(tie.expected, 0.0);
    QVERIFY2(hints(tie).contains("not the first one"), qPrintable(hints(tie)));
    QCOMPARE(QString::fromStdString(tie.symbol.text), QString("∂E/∂X₄₄"));
    QVERIFY2(QString::fromStdString(report.summary()) == "2 of 3 right; 1 wrong",
             report.summary().c_str());
    // A wrong P₁₁ is not taken for a tie.
    const MathsCheckReport p11 =
        checkPoolingAnswers(r, {answer(MathsQuantity::ConvOutput, 0, 0, 3)});
    QCOMPARE(p11.results[0].status, AnswerStatus::Wrong);
    QVERIFY(hints(p11.results[0]).isEmpty());
    QVERIFY(QString::fromStdString(p11.results[0].explanation)
                .contains("P₁₁ = max(X₁₁, X₁₂, X₂₁, X₂₂) = max(1, 3, 2, 4) = 4"));
}

void TestPoolingCheck::averageUndividedAndUnshared() {
    const Pooling r = pooled(PoolingKind::Average);
    const MathsCheckReport report =
        checkPoolingAnswers(r, {answer(MathsQuantity::ConvOutput, 0, 0, 10),
                                answer(MathsQuantity::ConvGradInput, 0, 0, 1),
                                answer(MathsQuantity::ConvOutput, 0, 1, 1),
                                answer(MathsQuantity::ConvGradInput, 2, 2, 0.25)});
    QCOMPARE(report.results[0].expected, 2.5);
    QVERIFY2(hints(report.results[0]).contains("the window's sum; the average divides it by 4"),
             qPrintable(hints(report.results[0])));
    QCOMPARE(report.results[1].expected, 0.25);
    QVERIFY2(hints(report.results[1]).contains("shares its ∂E/∂P equally"),
             qPrintable(hints(report.results[1])));
    QCOMPARE(report.results[2].status, AnswerStatus::Correct); // (2 + 1 + 1 + 0)/4
    QCOMPARE(report.results[3].status, AnswerStatus::Correct);
}

void TestPoolingCheck::refsThatNameNothing() {
    const Pooling r = pooled(PoolingKind::Max);
    const MathsCheckReport report =
        checkPoolingAnswers(r, {answer(MathsQuantity::ConvGradFilter, 0, 0, 1),
                                answer(MathsQuantity::ConvOutput, 2, 0, 1)});
    QCOMPARE(report.correct, 0);
    for (const MathsAnswerResult& x : report.results) {
        QVERIFY(std::isnan(x.expected));
        QVERIFY2(QString::fromStdString(x.explanation).startsWith("Not a value of this problem"),
                 x.explanation.c_str());
    }
}

QTEST_MAIN(TestPoolingCheck)
#include "tst_pooling_check.moc"
