// Pooling worked by hand (teaching-content.md §12): hand-worked numbers for
// max and average pooling, the first maximum on ties, overlapping windows
// adding, padding, adaptive windows where n/m is not whole, and refusals that
// name the part. tests/reference/pooling.py checks many more cases against
// NumPy.
#include "core/maths/pooling.h"

#include <QtTest>

using namespace bpl;

class TestPooling : public QObject {
    Q_OBJECT
  private slots:
    void maxAndAverageByHand();
    void tiesGoToTheFirstMaximum();
    void overlappingWindowsAdd();
    void adaptiveWindows();
    void refusals();
};

namespace {

Eigen::MatrixXd x4() {
    Eigen::MatrixXd x(4, 4);
    x << 1, 3, 2, 1, 2, 4, 1, 0, 5, 1, 0, 2, 1, 2, 3, 3;
    return x;
}

Pooling pool(PoolingProblem p) {
    const auto r = computePooling(p);
    if (!r)
        qFatal("%s", r.error().message().c_str());
    return r.value();
}

} // namespace

void TestPooling::maxAndAverageByHand() {
    PoolingProblem p;
    p.input = x4();
    const Pooling max = pool(p); // 2×2 windows, stride 2
    Eigen::MatrixXd want(2, 2);
    want << 4, 2, 5, 3;
    QCOMPARE(max.output, want);
    QCOMPARE(QString::fromStdString(max.forward[0].line().text),
             QString("P₁₁ = max(X₁₁, X₁₂, X₂₁, X₂₂) = max(1, 3, 2, 4) = 4"));
    // Each output's gradient to its maximum: X₂₂, X₁₃, X₃₁, X₄₃ (the first 3).
    Eigen::MatrixXd grad = Eigen::MatrixXd::Zero(4, 4);
    grad(1, 1) = grad(0, 2) = grad(2, 0) = grad(3, 2) = 1;
    QCOMPARE(max.gradInput, grad);
    QCOMPARE(QString::fromStdString(max.backward[0].line().text), QString("∂E/∂X₁₁ = 0"));

    p.kind = PoolingKind::Average;
    p.gradOutput = Eigen::MatrixXd::Constant(2, 2, 2.0);
    const Pooling average = pool(p);
    want << 2.5, 1, 2.25, 2; // 10/4, 4/4, 9/4, 8/4
    QCOMPARE(average.output, want);
    QCOMPARE(average.gradInput, Eigen::MatrixXd::Constant(4, 4, 0.5)); // 2/4 each
    QCOMPARE(QString::fromStdString(average.forward[0].line().text),
             QString("P₁₁ = (X₁₁ + X₁₂ + X₂₁ + X₂₂)/4 = (1 + 3 + 2 + 4)/4 = 2.5"));
}

void TestPooling::tiesGoToTheFirstMaximum() {
    PoolingProblem p;
    p.input = Eigen::MatrixXd::Constant(2, 2, 7.0);
    const Pooling r = pool(p);
    QCOMPARE(r.argMax.front(), std::make_pair(0, 0));
    QCOMPARE(r.gradInput(0, 0), 1.0);
    QCOMPARE(r.gradInput.sum(), 1.0);
}

void TestPooling::overlappingWindowsAdd() {
    // 3×3 max windows at stride 1 over x4: the four windows' maxima are 5, 4,
    // 5, 4: X₃₁ = 5 and X₂₂ = 4 are each the maximum of two windows and
    // collect both parts.
    PoolingProblem p;
    p.input = x4();
    p.window = 3;
    p.stride = 1;
    const Pooling r = pool(p);
    Eigen::MatrixXd want(2, 2);
    want << 5, 4, 5, 4;
    QCOMPARE(r.output, want);
    QCOMPARE(r.gradInput(2, 0), 2.0);
    QCOMPARE(r.gradInput(1, 1), 2.0);
    QCOMPARE(r.gradInput.sum(), 4.0);
    QCOMPARE(r.backward[8].windows.size(), std::size_t(2));
    // Average with one ring of padding: the corner window holds 4 cells of X
    // and 5 zeros, divided by 9.
    p.kind = PoolingKind::Average;
    p.padding = 1;
    const Pooling padded = pool(p);
    QCOMPARE(padded.output.rows(), 4);
    QCOMPARE(padded.output(0, 0), (1 + 3 + 2 + 4) / 9.0);
}

void TestPooling::adaptiveWindows() {
    // n = 5 rows into m = 3: rows ⌊0⌋–⌈5/3⌉−1 = 1–2, ⌊5/3⌋ … = 2–4, ⌊10/3⌋ … = 4–5 (1-based).
    PoolingProblem p;
    p.input = Eigen::MatrixXd(5, 1);
    p.input << 1, 2, 3, 4, 5;
    p.kind = PoolingKind::AdaptiveAverage;
    p.outRows = 3;
    p.outCols = 1;
    const Pooling r = pool(p);
    QCOMPARE(r.windows[0].rowBegin, 0);
    QCOMPARE(r.windows[0].rowEnd, 2);
    QCOMPARE(r.windows[1].rowBegin, 1);
    QCOMPARE(r.windows[1].rowEnd, 4);
    QCOMPARE(r.windows[2].rowBegin, 3);
    QCOMPARE(r.windows[2].rowEnd, 5);
    Eigen::MatrixXd want(3, 1);
    want << 1.5, 3, 4.5;
    QCOMPARE(r.output, want);
    // Row 2 is in windows 1 and 2: 1/2 + 1/3.
    QCOMPARE(r.gradInput(1, 0), 1.0 / 2 + 1.0 / 3);
}

void TestPooling::refusals() {
    PoolingProblem p;
    p.input = x4();
    p.window = 2;
    p.padding = 2;
    auto r = computePooling(p);
    QVERIFY(!r);
    QCOMPARE(QString::fromStdString(r.error().message()),
             QString("padding: must be from 0 to half the window, 1 (found 2)"));
    p.padding = 0;
    p.window = 5;
    r = computePooling(p);
    QVERIFY(!r);
    QVERIFY(
        QString::fromStdString(r.error().message()).contains("larger than the padded input 4×4"));
    p.window = 2;
    p.gradOutput = Eigen::MatrixXd::Ones(3, 3);
    r = computePooling(p);
    QVERIFY(!r);
    QVERIFY(QString::fromStdString(r.error().message()).contains("the size of P, 2×2"));
    p.gradOutput.resize(0, 0);
    p.input(1, 1) = std::nan("");
    QVERIFY(!computePooling(p));
}

QTEST_APPLESS_MAIN(TestPooling)
#include "tst_pooling.moc"
