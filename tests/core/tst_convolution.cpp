// Convolution forward and backward (core/maths/convolution.h): the course
// example of teaching-content.md §9 (F₁₁ = 109 and its ∂E/∂X for all-ones
// ∂E/∂F), and random sizes, strides, paddings and both modes against direct
// sums written here, with ∂E/∂X and ∂E/∂W also checked by perturbing X and W
// (E = Σ ∂E/∂F ∘ F is linear, so a unit step gives the derivative exactly).
#include "core/maths/convolution.h"

#include <QtTest>

#include <random>

using namespace bpl;

namespace {

Eigen::MatrixXd courseFilter() {
    Eigen::MatrixXd w(3, 3);
    w << 4, 3, 3, 5, 5, 5, 2, 4, 3;
    return w;
}

Eigen::MatrixXd courseBlock() {
    Eigen::MatrixXd x(3, 3);
    x << 4, 5, 2, 3, 3, 2, 4, 3, 4;
    return x;
}

// The forward pass written out directly: pad X with zeros, slide W (flipped in convolution mode).
Eigen::MatrixXd directForward(const Eigen::MatrixXd& x, const Eigen::MatrixXd& w, int stride,
                              int padding, bool flip) {
    Eigen::MatrixXd padded = Eigen::MatrixXd::Zero(x.rows() + 2 * padding, x.cols() + 2 * padding);
    padded.block(padding, padding, x.rows(), x.cols()) = x;
    const Eigen::MatrixXd k = flip ? Eigen::MatrixXd(w.reverse()) : w;
    const Eigen::Index rows = (padded.rows() - w.rows()) / stride + 1;
    const Eigen::Index cols = (padded.cols() - w.cols()) / stride + 1;
    Eigen::MatrixXd f(rows, cols);
    for (Eigen::Index i = 0; i < rows; ++i) {
        for (Eigen::Index j = 0; j < cols; ++j) {
            f(i, j) = (padded.block(i * stride, j * stride, w.rows(), w.cols()).array() * k.array())
                          .sum();
        }
    }
    return f;
}

} // namespace

class TestConvolution : public QObject {
    Q_OBJECT
  private slots:
    void courseForward();
    void courseBackwardInput();
    void randomAgainstDirectSums();
    void convolutionModeFlipsTheKernel();
    void stridePaddingAndFormulas();
    void overlappingWindows();
    void refusals_data();
    void refusals();
    void matrixText();
};

void TestConvolution::courseForward() {
    ConvolutionProblem p;
    p.input = courseBlock();
    p.filter = courseFilter();
    const auto c = computeConvolution(p);
    QVERIFY(c);
    QCOMPARE(c.value().output.rows(), Eigen::Index(1));
    QCOMPARE(c.value().output(0, 0), 109.0);
    QCOMPARE(QString::fromStdString(c.value().forward[0].formula.substituted.text),
             QString("4·4 + 3·5 + 3·2 + 5·3 + 5·3 + 5·2 + 2·4 + 4·3 + 3·4"));
    QCOMPARE(QString::fromStdString(c.value().forward[0].formula.lhs.text), QString("F₁₁"));
    QCOMPARE(QString::fromStdString(c.value().forward[0].formula.result.text), QString("109"));
    QCOMPARE(c.value().forward[0].terms.size(), size_t(9));
    QVERIFY(QString::fromStdString(c.value().operationName.text).startsWith("cross-correlation"));
}

void TestConvolution::courseBackwardInput() {
    // A 5×5 input whose top-left block is the course's (the rest is not given and
    // does not matter for ∂E/∂X, which depends only on W and ∂E/∂F).
    ConvolutionProblem p;
    p.input = Eigen::MatrixXd::Constant(5, 5, 1.0);
    p.input.topLeftCorner(3, 3) = courseBlock();
    p.filter = courseFilter();
    const auto c = computeConvolution(p);
    QVERIFY(c);
    QCOMPARE(c.value().output.rows(), Eigen::Index(3));
    QCOMPARE(c.value().output(0, 0), 109.0);
    Eigen::MatrixXd expected(5, 5);
    expected << 4, 7, 10, 6, 3, 9, 17, 25, 16, 8, 11, 23, 34, 23, 11, 7, 16, 24, 17, 8, 2, 6, 9, 7,
        3;
    QCOMPARE(c.value().gradInput, expected);
    QCOMPARE(c.value().gradOutput, Eigen::MatrixXd::Ones(3, 3).eval());
    // ∂E/∂W_uv = Σ_ij X_(i+u)(j+v) with ∂E/∂F all ones: the sum of a 3×3 block of X.
    QCOMPARE(c.value().gradFilter(0, 0), p.input.topLeftCorner(3, 3).sum());
    QCOMPARE(c.value().gradFilter(2, 2), p.input.bottomRightCorner(3, 3).sum());
    // The centre cell is covered by all nine windows; its formula says so.
    const ConvElementStep& centre = c.value().backwardInput[2 * 5 + 2];
    QCOMPARE(centre.terms.size(), size_t(9));
    QCOMPARE(QString::fromStdString(c.value().backwardInput[6].formula.line().text),
             QString("∂E/∂X₂₂ = ∂E/∂F₁₁·W₂₂ + ∂E/∂F₁₂·W₂₁ + ∂E/∂F₂₁·W₁₂ + ∂E/∂F₂₂·W₁₁ = 1·5 + 1·5 "
                     "+ 1·3 + 1·4 = 17"));
}

void TestConvolution::randomAgainstDirectSums() {
    std::mt19937 rng(91);
    std::uniform_int_distribution<int> side(1, 7);
    std::uniform_real_distribution<double> value(-2, 2);
    int cases = 0;
    for (int attempt = 0; attempt < 400 && cases < 120; ++attempt) {
        ConvolutionProblem p;
        p.input = Eigen::MatrixXd::NullaryExpr(side(rng), side(rng), [&] { return value(rng); });
        p.filter = Eigen::MatrixXd::NullaryExpr(1 + side(rng) % 4, 1 + side(rng) % 4,
                                                [&] { return value(rng); });
        p.stride = 1 + side(rng) % 3;
        p.padding = side(rng) % 3;
        const bool flip = attempt % 2 == 1;
        p.mode = flip ? ConvolutionMode::Convolution : ConvolutionMode::CrossCorrelation;
        if (p.filter.rows() > p.input.rows() + 2 * p.padding ||
            p.filter.cols() > p.input.cols() + 2 * p.padding) {
            QVERIFY(!computeConvolution(p)); // refused, with a reason
            continue;
        }
        const Eigen::MatrixXd f = directForward(p.input, p.filter, p.stride, p.padding, flip);
        p.gradOutput = Eigen::MatrixXd::NullaryExpr(f.rows(), f.cols(), [&] { return value(rng); });
        const auto c = computeConvolution(p);
        QVERIFY(c);
        QVERIFY((c.value().output - f).cwiseAbs().maxCoeff() < 1e-12);
        auto energy = [&](const Eigen::MatrixXd& x, const Eigen::MatrixXd& w) {
            return (directForward(x, w, p.stride, p.padding, flip).array() * p.gradOutput.array())
                .sum();
        };
        const double e0 = energy(p.input, p.filter);
        for (Eigen::Index r = 0; r < p.input.rows(); ++r) {
            for (Eigen::Index s = 0; s < p.input.cols(); ++s) {
                Eigen::MatrixXd x = p.input;
                x(r, s) += 1;
                QVERIFY(std::abs(c.value().gradInput(r, s) - (energy(x, p.filter) - e0)) < 1e-10);
            }
        }
        for (Eigen::Index u = 0; u < p.filter.rows(); ++u) {
            for (Eigen::Index v = 0; v < p.filter.cols(); ++v) {
                Eigen::MatrixXd w = p.filter;
                w(u, v) += 1;
                QVERIFY(std::abs(c.value().gradFilter(u, v) - (energy(p.input, w) - e0)) < 1e-10);
            }
        }
        // Every formula's value is its element.
        for (const ConvElementStep& s : c.value().backwardInput) {
            QCOMPARE(s.formula.value, c.value().gradInput(s.row, s.col));
        }
        ++cases;
    }
    QCOMPARE(cases, 120);
}

void TestConvolution::convolutionModeFlipsTheKernel() {
    ConvolutionProblem p;
    p.input = courseBlock();
    p.filter = courseFilter();
    p.mode = ConvolutionMode::Convolution;
    const auto c = computeConvolution(p);
    QVERIFY(c);
    // Flipped W = [[3, 4, 2], [5, 5, 5], [3, 3, 4]] against the block, by hand:
    // 3·4 + 4·5 + 2·2 + 5·3 + 5·3 + 5·2 + 3·4 + 3·3 + 4·4 = 113.
    QCOMPARE(c.value().output(0, 0), 113.0);
    QVERIFY(QString::fromStdString(c.value().operationName.text).startsWith("convolution"));
    QCOMPARE(QString::fromStdString(c.value().forward[0].formula.symbolic.text).left(11),
             QString("W₃₃·X₁₁ + W"));
}

void TestConvolution::stridePaddingAndFormulas() {
    ConvolutionProblem p;
    p.input = Eigen::MatrixXd(2, 2);
    p.input << 1, 2, 3, 4;
    p.filter = Eigen::MatrixXd::Ones(2, 2);
    p.padding = 1;
    p.stride = 2;
    QCOMPARE(convolutionOutputSize(2, 2, 2, 1), 2);
    const auto c = computeConvolution(p);
    QVERIFY(c);
    Eigen::MatrixXd expected(2, 2);
    expected << 1, 2, 3, 4; // each window holds one cell of X and three padding zeros
    QCOMPARE(c.value().output, expected);
    QCOMPARE(QString::fromStdString(c.value().forward[0].formula.symbolic.text),
             QString("W₁₁·0 + W₁₂·0 + W₂₁·0 + W₂₂·X₁₁"));
    QVERIFY(c.value().forward[0].terms[0].padding);
    // Padding terms add nothing to the backward sums and are left out: W₁₁ meets
    // X only in the window of F₂₂ (at X₂₂), W₂₂ only in that of F₁₁ (at X₁₁).
    QCOMPARE(c.value().backwardFilter[0].terms.size(), size_t(1));
    QCOMPARE(QString::fromStdString(c.value().backwardFilter[0].formula.line().text),
             QString("∂E/∂W₁₁ = ∂E/∂F₂₂·X₂₂ = 1·4 = 4"));
    QCOMPARE(c.value().gradFilter(1, 1), 1.0);
    // A filter entry that only ever meets padding has an empty sum.
    ConvolutionProblem single;
    single.input = Eigen::MatrixXd::Constant(1, 1, 7.0);
    single.filter = courseFilter();
    single.padding = 1;
    const auto s = computeConvolution(single);
    QVERIFY(s);
    QCOMPARE(s.value().output(0, 0), 35.0); // W₂₂·7
    QCOMPARE(QString::fromStdString(s.value().backwardFilter[0].formula.line().text),
             QString("∂E/∂W₁₁ = 0"));
    QCOMPARE(QString::fromStdString(c.value().operation.text),
             QString("F_ij = Σ_uv W_uv · X_(2(i − 1) + u − 1)(2(j − 1) + v − 1)"));
}

void TestConvolution::overlappingWindows() {
    ConvolutionProblem p;
    p.input = Eigen::MatrixXd::Constant(5, 5, 1.0);
    p.filter = courseFilter();
    const auto c = computeConvolution(p);
    QVERIFY(c);
    QCOMPARE(c.value().windowsCovering(0, 0), (std::vector<std::pair<int, int>>{{0, 0}}));
    QCOMPARE(c.value().windowsCovering(2, 2).size(), size_t(9));
    QCOMPARE(c.value().windowsCovering(0, 4), (std::vector<std::pair<int, int>>{{0, 2}}));
    QCOMPARE(c.value().windowsCovering(1, 0), (std::vector<std::pair<int, int>>{{0, 0}, {1, 0}}));
    QVERIFY(c.value().windowsCovering(9, 9).empty());
}

void TestConvolution::refusals_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty input") << 0 << "input: is empty";
    QTest::newRow("filter too large") << 1 << "filter: is 4×4, larger than the padded input 3×3";
    QTest::newRow("stride") << 2 << "stride: must be at least 1 (found 0)";
    QTest::newRow("padding") << 3 << "padding: must be from 0 to 63 (found -1)";
    QTest::newRow("grad output size")
        << 4 << "grad-output: is 2×2; ∂E/∂F must be the size of F, 1×1";
    QTest::newRow("not finite") << 5 << "filter: has an entry that is not a finite number";
    QTest::newRow("too large") << 6 << "input: is 65×1; at most 64×64 is worked by hand here";
}

void TestConvolution::refusals() {
    QFETCH(int, kind);
    QFETCH(QString, message);
    ConvolutionProblem p;
    p.input = courseBlock();
    p.filter = courseFilter();
    switch (kind) {
    case 0:
        p.input.resize(0, 0);
        break;
    case 1:
        p.filter = Eigen::MatrixXd::Ones(4, 4);
        break;
    case 2:
        p.stride = 0;
        break;
    case 3:
        p.padding = -1;
        break;
    case 4:
        p.gradOutput = Eigen::MatrixXd::Ones(2, 2);
        break;
    case 5:
        p.filter(1, 1) = std::nan("");
        break;
    case 6:
        p.input = Eigen::MatrixXd::Ones(65, 1);
        break;
    }
    const auto c = computeConvolution(p);
    QVERIFY(!c);
    QCOMPARE(QString::fromStdString(c.error().message()), message);
}

void TestConvolution::matrixText() {
    Eigen::MatrixXd m;
    std::string error;
    QVERIFY(parseMatrixText(" [[4, 3, 3], [5, 5, 5],[2,4,-3.5e0]] ", m, error));
    QCOMPARE(m.rows(), Eigen::Index(3));
    QCOMPARE(m(2, 2), -3.5);
    QVERIFY(parseMatrixText("[[1]]", m, error));
    // A number ended by a newline or a tab, as a file written row by row
    // (or conv's own JSON) has them: it was "'2?' is not a number".
    QVERIFY2(parseMatrixText("[\n  [1,\t2\n  ],\r\n  [3, 4\n  ]\n]\n", m, error), error.c_str());
    QCOMPARE(m(0, 1), 2.0);
    QCOMPARE(m(1, 1), 4.0);
    QVERIFY(!parseMatrixText("[[1, 2], [3]]", m, error));
    QCOMPARE(QString::fromStdString(error), QString("row 2 has 1 entries, row 1 has 2"));
    QVERIFY(!parseMatrixText("[[1, x]]", m, error));
    QCOMPARE(QString::fromStdString(error), QString("row 1, entry 2: 'x' is not a number"));
    QVERIFY(!parseMatrixText("[[1, 2]", m, error));
    QCOMPARE(QString::fromStdString(error),
             QString("expected ']' after the last row (character 8)"));
    QVERIFY(!parseMatrixText("[1, 2]", m, error));
    QVERIFY(!parseMatrixText("[[]]", m, error));
    QVERIFY(!parseMatrixText("[[1, 2,]]", m, error));
    QVERIFY(!parseMatrixText("[[1]] x", m, error));
    QVERIFY(!parseMatrixText("[[1e999]]", m, error));
}

QTEST_APPLESS_MAIN(TestConvolution)
#include "tst_convolution.moc"
