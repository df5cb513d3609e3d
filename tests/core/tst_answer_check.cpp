// Checking hand-worked answers (answers-format.md) on the 3-2-1 exercise of
// teaching-content.md section 1: the real student's three slips are `wrong`
// and everything else `correct`; a wrong output delta makes every later
// gradient and update `carried` (a chain, traced back to δ₁⁽²⁾); skipped
// intermediate values, rounding drift, recognised slips, the summary line.
// The student's numbers are worked here by hand-style arithmetic, not by the core.
#include "core/answer_check.h"

#include <QtTest>
#include <cmath>

#include "support/sheet5_network.h"

using namespace bpl;

namespace {

using bpl::test::sheet5;

Answer ans(Quantity q, int layer, int i, int j, double v) { return {{q, layer, i - 1, j - 1}, v}; }
Answer ans(Quantity q, int layer, int i, double v) { return {{q, layer, i - 1, -1}, v}; }

// A student's sheet to 4 significant figures, with the three slips of the real
// hand-worked solution: new w₁₃⁽¹⁾ = 0.30124 (a dropped zero), new w₂₃⁽¹⁾ = −0.8,
// and new b₂⁽¹⁾ with the wrong sign.
std::vector<Answer> studentSheet() {
    using Q = Quantity;
    return {
        ans(Q::A, 1, 1, 0.31),         ans(Q::A, 1, 2, -0.28),
        ans(Q::Z, 1, 1, 0.5769),       ans(Q::Z, 1, 2, 0.4305),
        ans(Q::A, 2, 1, 0.02929),      ans(Q::Output, 0, 1, 0.5073),
        {{Q::Loss, 0, 0, -1}, 0.7079}, ans(Q::Delta, 2, 1, 0.5073),
        ans(Q::GradWeights, 2, 1, 1, 0.2927), ans(Q::GradWeights, 2, 1, 2, 0.2184),
        ans(Q::GradBias, 2, 1, 0.5073),
        ans(Q::Delta, 1, 1, 0.02477),  ans(Q::Delta, 1, 2, -0.02488),
        ans(Q::GradWeights, 1, 1, 1, 0.07430), ans(Q::GradWeights, 1, 1, 2, 0.004953),
        ans(Q::GradWeights, 1, 1, 3, -0.002477), ans(Q::GradWeights, 1, 2, 1, -0.07463),
        ans(Q::GradWeights, 1, 2, 2, -0.004975), ans(Q::GradWeights, 1, 2, 3, 0.002488),
        ans(Q::GradBias, 1, 1, 0.02477), ans(Q::GradBias, 1, 2, -0.02488),
        ans(Q::NewWeights, 2, 1, 1, 0.1854), ans(Q::NewWeights, 2, 1, 2, -0.2109),
        ans(Q::NewBias, 2, 1, -0.02537),
        ans(Q::NewWeights, 1, 1, 1, 0.09629), ans(Q::NewWeights, 1, 1, 2, 0.1998),
        ans(Q::NewWeights, 1, 1, 3, 0.30124), ans(Q::NewWeights, 1, 2, 1, -0.09627),
        ans(Q::NewWeights, 1, 2, 2, 0.0002488), ans(Q::NewWeights, 1, 2, 3, -0.8),
        ans(Q::NewBias, 1, 1, -0.001238), ans(Q::NewBias, 1, 2, -0.001244),
    };
}

// How a student writes a number: 4 significant figures.
double write4(double x) { return std::stod(QString::number(x, 'g', 4).toStdString()); }

// The same exercise worked from a wrong output delta δ⁽²⁾ = 0.6, each value
// computed from the student's own previous (written) values.
std::vector<Answer> carriedSheet(bool withGradients = true) {
    using Q = Quantity;
    const double z1 = 0.5769, z2 = 0.4305, d2 = 0.6;
    const double u[3] = {3, 0.2, -0.1};
    std::vector<Answer> a = {ans(Q::Z, 1, 1, z1), ans(Q::Z, 1, 2, z2), ans(Q::Output, 0, 1, 0.5073),
                             ans(Q::Delta, 2, 1, d2)};
    const double gw2[2] = {write4(d2 * z1), write4(d2 * z2)};
    const double d1[2] = {write4(z1 * (1 - z1) * 0.2 * d2), write4(z2 * (1 - z2) * -0.2 * d2)};
    double gw1[2][3];
    for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 3; ++j) gw1[i][j] = write4(d1[i] * u[j]);
    }
    if (withGradients) {
        a.push_back(ans(Q::GradWeights, 2, 1, 1, gw2[0]));
        a.push_back(ans(Q::GradWeights, 2, 1, 2, gw2[1]));
        a.push_back(ans(Q::GradBias, 2, 1, d2));
        a.push_back(ans(Q::Delta, 1, 1, d1[0]));
        a.push_back(ans(Q::Delta, 1, 2, d1[1]));
        for (int i = 0; i < 2; ++i) {
            for (int j = 0; j < 3; ++j) a.push_back(ans(Q::GradWeights, 1, i + 1, j + 1, gw1[i][j]));
            a.push_back(ans(Q::GradBias, 1, i + 1, d1[i]));
        }
    }
    const double w1[2][3] = {{0.1, 0.2, 0.3}, {-0.1, 0.0, -0.2}};
    a.push_back(ans(Q::NewWeights, 2, 1, 1, write4(0.2 - 0.05 * gw2[0])));
    a.push_back(ans(Q::NewWeights, 2, 1, 2, write4(-0.2 - 0.05 * gw2[1])));
    a.push_back(ans(Q::NewBias, 2, 1, write4(0 - 0.05 * d2)));
    for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 3; ++j) a.push_back(ans(Q::NewWeights, 1, i + 1, j + 1, write4(w1[i][j] - 0.05 * gw1[i][j])));
        a.push_back(ans(Q::NewBias, 1, i + 1, write4(0 - 0.05 * d1[i])));
    }
    return a;
}

QString text(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestAnswerCheck : public QObject {
    Q_OBJECT
private slots:
    void studentSlipsAreWrongTheRestCorrect();
    void wrongOutputDeltaIsCarriedToEveryLaterValue();
    void skippedIntermediateValuesAreNotCarried();
    void wrongInputsThatDoNotExplainTheAnswer();
    void roundingDriftIsWrongButExplained();
    void outputAliasFeedsTheLoss();
    void answerForAMissingQuantity();
    void slipHints_data();
    void slipHints();
    void noPrecisionHintForAWrongAnswerWithMoreFigures();
    void resultsInStepOrder();
};

void TestAnswerCheck::studentSlipsAreWrongTheRestCorrect() {
    const Trace trace = traceNetwork(sheet5());
    const std::vector<Answer> sheet = studentSheet();
    const CheckReport report = checkAnswers(trace, sheet, Tolerance::sigFigs(3));
    QCOMPARE(report.results.size(), sheet.size());
    const std::vector<QuantityRef> slips = {{Quantity::NewWeights, 1, 0, 2},
                                            {Quantity::NewWeights, 1, 1, 2},
                                            {Quantity::NewBias, 1, 1, -1}};
    for (const AnswerResult& r : report.results) {
        const bool slip = std::find(slips.begin(), slips.end(), r.answer.ref) != slips.end();
        QVERIFY2(r.status == (slip ? AnswerStatus::Wrong : AnswerStatus::Correct),
                 qPrintable(text(r.answer.ref.describe() + ": " + r.explanation)));
    }
    QCOMPARE(report.correct, 29);
    QCOMPARE(report.wrong, 3);
    QCOMPARE(report.carried, 0);
    QCOMPARE(text(report.summary()), QString("29 of 32 right; 3 wrong"));

    // The dropped zero: the right numbers, and the slip named.
    const AnswerResult* w13 = report.find({Quantity::NewWeights, 1, 0, 2});
    QVERIFY(w13);
    QCOMPARE(w13->expected, trace.updated.layers[1].weights(0, 2));
    QVERIFY2(text(w13->explanation).contains("The step with the right numbers:\nnew w₁₃⁽¹⁾ = w₁₃⁽¹⁾ − η ∂E/∂w₁₃⁽¹⁾ = 0.3 - 0.05 × (-0.00247663) = 0.300124\n"),
             w13->explanation.c_str());
    QVERIFY2(text(w13->explanation).contains("A digit seems to be missing: 0.300124 was written as 0.30124"),
             w13->explanation.c_str());
    // The sign of new b₂⁽¹⁾.
    const AnswerResult* b2 = report.find({Quantity::NewBias, 1, 1, -1});
    QVERIFY(b2);
    QVERIFY2(text(b2->explanation).contains("The sign is wrong"), b2->explanation.c_str());
    // A correct answer says why it matches.
    const AnswerResult* z1 = report.find({Quantity::Z, 1, 0, -1});
    QCOMPARE(text(z1->explanation), QString("Correct: 0.5769 and 0.576885 both round to 0.577 (3 significant figures)."));
    QCOMPARE(text(z1->symbol.text), QString("z₁⁽¹⁾"));
    // At 4 figures the same sheet still has exactly those three wrong.
    QCOMPARE(checkAnswers(trace, sheet, Tolerance::sigFigs(4)).wrong, 3);
}

void TestAnswerCheck::wrongOutputDeltaIsCarriedToEveryLaterValue() {
    const Trace trace = traceNetwork(sheet5());
    const CheckReport report = checkAnswers(trace, carriedSheet(), Tolerance::sigFigs(3));
    const QuantityRef delta2{Quantity::Delta, 2, 0, -1};
    // Three updates come out right anyway: the step η ∂E/∂w is too small there to
    // show at 3 figures (0.2 − 0.05 × 0.005858 = 0.1997 and 0.199752 both round to 0.200;
    // 0.3001 against 0.300124; −0.2001 against −0.200124).
    const std::vector<QuantityRef> rightAnyway = {
        {Quantity::NewWeights, 1, 0, 1}, {Quantity::NewWeights, 1, 0, 2}, {Quantity::NewWeights, 1, 1, 2}};
    for (const AnswerResult& r : report.results) {
        const Quantity q = r.answer.ref.quantity;
        AnswerStatus expected = AnswerStatus::Carried;
        if (q == Quantity::Z || q == Quantity::Output) expected = AnswerStatus::Correct;
        if (std::find(rightAnyway.begin(), rightAnyway.end(), r.answer.ref) != rightAnyway.end()) {
            expected = AnswerStatus::Correct;
        }
        if (r.answer.ref == delta2) expected = AnswerStatus::Wrong;
        QVERIFY2(r.status == expected, qPrintable(text(r.answer.ref.describe() + ": " + answerStatusKey(r.status) +
                                                       " — " + r.explanation)));
        if (expected == AnswerStatus::Carried) {
            QCOMPARE(r.origins.size(), size_t(1));
            QVERIFY(r.origins.front() == delta2);
            QVERIFY(r.recomputed.has_value());
        }
    }
    QCOMPARE(report.results.size(), size_t(28));
    QCOMPARE(report.wrong, 1);
    QCOMPARE(report.correct, 6);
    QCOMPARE(report.carried, 21);
    QCOMPARE(text(report.summary()), QString("6 of 28 right; 1 wrong; 21 carried from δ₁⁽²⁾"));

    // Directly from δ⁽²⁾: ∂E/∂w₁₁⁽²⁾ = 0.6 × 0.5769 with the student's numbers.
    const AnswerResult* g11 = report.find({Quantity::GradWeights, 2, 0, 0});
    QVERIFY2(text(g11->explanation).startsWith("Carried forward from your δ₁⁽²⁾ = 0.6 (exact 0.507321)."),
             g11->explanation.c_str());
    QVERIFY2(text(g11->explanation).contains(":\n∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾z₁⁽¹⁾ = 0.6 × 0.5769 = 0.34614\n"),
             g11->explanation.c_str());
    // Through the chain: the new weight names its gradient and where the error starts.
    const AnswerResult* w11 = report.find({Quantity::NewWeights, 1, 0, 0});
    QVERIFY(w11->carriedFrom.size() == 1 && w11->carriedFrom.front() == QuantityRef({Quantity::GradWeights, 1, 0, 0}));
    QVERIFY2(text(w11->explanation).contains("Carried forward from your ∂E/∂w₁₁⁽¹⁾ = 0.08787"), w11->explanation.c_str());
    QVERIFY2(text(w11->explanation).contains("The error starts at your δ₁⁽²⁾."), w11->explanation.c_str());
}

void TestAnswerCheck::skippedIntermediateValuesAreNotCarried() {
    // Without their gradients on the sheet, the new weights are compared with
    // the update of the exact gradients (answers-format.md): wrong, not carried.
    const Trace trace = traceNetwork(sheet5());
    const CheckReport report = checkAnswers(trace, carriedSheet(false), Tolerance::sigFigs(3));
    const AnswerResult* w = report.find({Quantity::NewWeights, 2, 0, 0});
    QVERIFY(w);
    QCOMPARE(w->status, AnswerStatus::Wrong);
    QVERIFY(!w->recomputed.has_value());
    QCOMPARE(report.carried, 0);
}

void TestAnswerCheck::wrongInputsThatDoNotExplainTheAnswer() {
    const Trace trace = traceNetwork(sheet5());
    const CheckReport report = checkAnswers(
        trace, {ans(Quantity::Delta, 2, 1, 0.6), ans(Quantity::GradWeights, 2, 1, 1, 0.5)}, Tolerance::sigFigs(3));
    const AnswerResult& g = report.results[1];
    QCOMPARE(g.status, AnswerStatus::Wrong);
    QVERIFY(g.recomputed && std::abs(*g.recomputed - 0.6 * trace.forward.z[1][0]) < 1e-12);
    QVERIFY2(text(g.explanation).contains("Not explained by your earlier answers either; with your δ₁⁽²⁾ = 0.6"),
             g.explanation.c_str());
    QVERIFY2(text(g.explanation).endsWith("The step with the right numbers:\n∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾z₁⁽¹⁾ = 0.507321 × 0.576885 = 0.292666"),
             g.explanation.c_str());
}

void TestAnswerCheck::roundingDriftIsWrongButExplained() {
    // At 4 figures: δ₁⁽¹⁾ = 0.02477 is right, but 3 × 0.02477 = 0.07431 is not 0.07430.
    const Trace trace = traceNetwork(sheet5());
    const CheckReport report = checkAnswers(
        trace, {ans(Quantity::Delta, 1, 1, 0.02477), ans(Quantity::GradWeights, 1, 1, 1, 0.07431)}, Tolerance::sigFigs(4));
    QCOMPARE(report.results[0].status, AnswerStatus::Correct);
    const AnswerResult& g = report.results[1];
    QCOMPARE(g.status, AnswerStatus::Wrong);
    QVERIFY(g.roundingDrift);
    QVERIFY2(text(g.explanation).contains("Keep more figures in intermediate values"), g.explanation.c_str());
}

void TestAnswerCheck::outputAliasFeedsTheLoss() {
    // A wrong output y = 0.6 given as "output": the loss −ln(1 − 0.6) and δ = y − t carry it.
    const Trace trace = traceNetwork(sheet5());
    const CheckReport report = checkAnswers(trace,
                                            {ans(Quantity::Output, 0, 1, 0.6), {{Quantity::Loss, 0, 0, -1}, 0.9163},
                                             ans(Quantity::Delta, 2, 1, 0.6)},
                                            Tolerance::sigFigs(3));
    QCOMPARE(report.results[0].status, AnswerStatus::Wrong);
    QCOMPARE(report.results[1].status, AnswerStatus::Carried);
    QCOMPARE(report.results[2].status, AnswerStatus::Carried);
    QVERIFY(report.results[1].carriedFrom.front() == QuantityRef({Quantity::Z, 2, 0, -1}));
    QCOMPARE(text(report.summary()), QString("0 of 3 right; 1 wrong; 2 carried from z₁⁽²⁾"));
}

void TestAnswerCheck::answerForAMissingQuantity() {
    const Trace trace = traceNetwork(sheet5());
    const CheckReport report = checkAnswers(trace, {ans(Quantity::Delta, 0, 1, 0.1)});
    QCOMPARE(report.results[0].status, AnswerStatus::Wrong);
    QCOMPARE(text(report.results[0].explanation),
             QString("Not a value of this network: layer 0 is the input layer: it has no δ (deltas start at layer 1)."));
}

void TestAnswerCheck::slipHints_data() {
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("i");
    QTest::addColumn<int>("j");
    QTest::addColumn<double>("given");
    QTest::addColumn<QString>("hint");
    auto row = [](const char* name, Quantity q, int l, int i, int j, double v, const char* hint) {
        QTest::newRow(name) << int(q) << l << i << j << v << QString(hint);
    };
    using Q = Quantity;
    // Exact values from teaching-content.md section 1; the slips worked by hand.
    row("added the step", Q::NewWeights, 2, 1, 1, 0.2 + 0.05 * 0.292666, "added instead of subtracted");
    row("no update", Q::NewWeights, 2, 1, 1, 0.2, "value before the update");
    row("no eta", Q::NewWeights, 2, 1, 1, 0.2 - 0.292666, "learning rate η = 0.05 is missing");
    row("only the step", Q::NewWeights, 2, 1, 1, -0.05 * 0.292666, "only the step");
    row("t - y", Q::Delta, 2, 1, 0, -0.507321, "This is t − y");
    row("no derivative", Q::Delta, 1, 1, 0, 0.2 * 0.507321, "without the factor h′(a₁⁽¹⁾) = 0.244");
    row("a(1-a)", Q::Delta, 1, 1, 0, 0.31 * 0.69 * 0.2 * 0.507321, "computed as a(1 − a)");
    row("swapped indices", Q::GradWeights, 1, 1, 2, -0.0248753 * 3, "indices look swapped");
    row("activation not applied", Q::Z, 1, 1, 0, 0.31, "activation function was not applied");
    row("sign in exponent", Q::Z, 1, 1, 0, 1 / (1 + std::exp(0.31)), "sign in the exponent");
    row("log10", Q::Loss, 0, 1, 0, 0.707898 / std::log(10.0), "log₁₀");
    row("decimal point", Q::GradWeights, 2, 1, 1, 2.92666, "factor of 10¹");
    row("sign", Q::Delta, 1, 2, 0, 0.0248753, "The sign is wrong");
    row("extra digit", Q::Z, 1, 2, 0, 0.43305, "extra digit: 0.4305 was written as 0.43305");
    row("swapped digits", Q::A, 2, 1, 0, 0.02992, "Two digits seem swapped: 0.02929 was written as 0.02992");
    row("truncated", Q::Z, 1, 1, 0, 0.576, "cut off after 3 figures instead of rounded (0.577)");
    row("too few figures", Q::Z, 1, 1, 0, 0.58, "Right to 2 significant figures only; give 3 (0.577)");
    row("one figure", Q::Z, 1, 1, 0, 0.6, "Right to 1 significant figure only; give 3 (0.577)");
}

void TestAnswerCheck::slipHints() {
    QFETCH(int, quantity);
    QFETCH(int, layer);
    QFETCH(int, i);
    QFETCH(int, j);
    QFETCH(double, given);
    QFETCH(QString, hint);
    const Trace trace = traceNetwork(sheet5());
    const Answer a{{static_cast<Quantity>(quantity), layer, i - 1, j - 1}, given};
    const CheckReport report = checkAnswers(trace, {a}, Tolerance::sigFigs(3));
    const AnswerResult& r = report.results.front();
    QCOMPARE(r.status, AnswerStatus::Wrong);
    QString all;
    for (const auto& h : r.hints) all += text(h) + " | ";
    QVERIFY2(all.contains(hint), qPrintable(all));
    QVERIFY(text(r.explanation).contains(hint));
}

void TestAnswerCheck::noPrecisionHintForAWrongAnswerWithMoreFigures() {
    // z₁⁽¹⁾ = 0.576885: 0.6481 given to 4 figures is 12 % off. It was told
    // "Right to 1 significant figure only; give 3 (0.577)".
    const Trace trace = traceNetwork(sheet5());
    for (const double given : {0.6481, 0.65, 0.5}) {
        const Answer a{{Quantity::Z, 1, 0, -1}, given};
        const CheckReport report = checkAnswers(trace, {a}, Tolerance::sigFigs(3));
        const AnswerResult& r = report.results.front();
        QCOMPARE(r.status, AnswerStatus::Wrong);
        for (const auto& h : r.hints)
            QVERIFY2(!text(h).contains("significant figure"), qPrintable(text(h)));
    }
}

void TestAnswerCheck::resultsInStepOrder() {
    const Trace trace = traceNetwork(sheet5());
    std::vector<Answer> sheet = studentSheet();
    std::reverse(sheet.begin(), sheet.end());
    sheet.push_back(ans(Quantity::Z, 0, 1, 3));
    const CheckReport report = checkAnswers(trace, sheet);
    const auto ordered = bpl::resultsInStepOrder(trace, report);
    QCOMPARE(ordered.size(), sheet.size());
    QVERIFY(ordered.front()->canonical == QuantityRef({Quantity::Z, 0, 0, -1}));
    QVERIFY(ordered[1]->canonical == QuantityRef({Quantity::A, 1, 0, -1}));
    QVERIFY(ordered.back()->canonical == QuantityRef({Quantity::NewBias, 1, 1, -1}));
    QCOMPARE(report.results.front().answer.ref, sheet.front().ref); // the report keeps the given order
}

QTEST_APPLESS_MAIN(TestAnswerCheck)
#include "tst_answer_check.moc"
