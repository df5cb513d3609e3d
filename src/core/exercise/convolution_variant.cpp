#include "core/exercise/convolution_variant.h"

#include "core/common/number_text.h"

#include <cmath>

namespace bpl::exercise {

namespace {

std::string sizeText(const Eigen::MatrixXd& m) {
    return std::to_string(m.rows()) + "x" + std::to_string(m.cols());
}

void draw(SplitMix64& random, const NumberRange& range, int figures, Eigen::MatrixXd& m) {
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            m(i, j) = drawNumber(random, range, figures);
}

void checkEntries(std::vector<std::string>& problems, const char* name, const Eigen::MatrixXd& m,
                  const NumberRange& r, int figures) {
    if (!r.values.empty())
        return;
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j) {
            const double v = m(i, j);
            if (!hasAtMostDecimals(v, r.decimals) ||
                significantFiguresOf(v, r.decimals) > figures || v < r.min - 1e-12 ||
                v > r.max + 1e-12)
                problems.push_back(std::string(name) + "[" + std::to_string(i + 1) + "," +
                                   std::to_string(j + 1) + "] = " + shortestNumberText(v) +
                                   " is not a number of the template");
        }
}

void checkAsked(std::vector<std::string>& problems, const std::string& name, double value,
                int decimals) {
    if (!survivesRounding(value, decimals))
        problems.push_back(name + " = " + numberText(value, 6) + " rounds to 0 at " +
                           std::to_string(decimals) + " decimals");
}

} // namespace

std::string convolutionShape(const ConvolutionProblem& problem) {
    return "conv" + sizeText(problem.input) + "-" + sizeText(problem.filter);
}

std::vector<std::string> convolutionTemplateProblems(const ConvolutionTemplate& t) {
    std::vector<std::string> problems;
    if (t.significantFigures < 1 || t.significantFigures > kMaxSignificantFigures)
        problems.push_back("significant_figures must be 1 … " +
                           std::to_string(kMaxSignificantFigures));
    const int s = std::max(1, t.significantFigures);
    for (auto [key, range] : {std::pair{"input", &t.input}, std::pair{"filter", &t.filter}}) {
        if (range->values.empty() && (range->decimals < 0 || range->decimals > 1))
            problems.push_back(std::string(key) +
                               ": decimals must be 0 or 1 (hand-workable entries), found " +
                               std::to_string(range->decimals));
        else if (auto p = rangeProblem(*range, s); !p.empty())
            problems.push_back(std::string(key) + ": " + p);
    }
    if (t.answerDecimals < 0 || t.answerDecimals > kMaxAnswerDecimals)
        problems.push_back("answer_decimals must be 0 … " + std::to_string(kMaxAnswerDecimals));
    return problems;
}

std::vector<MathsRef> askedMathsRefs(const Convolution& c) {
    std::vector<MathsRef> refs;
    for (int i = 0; i < c.output.rows(); ++i)
        for (int j = 0; j < c.output.cols(); ++j)
            refs.push_back(MathsRef::entry(MathsQuantity::ConvOutput, i, j));
    for (int i = 0; i < c.gradFilter.rows(); ++i)
        for (int j = 0; j < c.gradFilter.cols(); ++j)
            refs.push_back(MathsRef::entry(MathsQuantity::ConvGradFilter, i, j));
    for (int p = 0; p < c.gradInput.rows(); ++p)
        for (int q = 0; q < c.gradInput.cols(); ++q)
            if (!c.windowsCovering(p, q).empty())
                refs.push_back(MathsRef::entry(MathsQuantity::ConvGradInput, p, q));
    return refs;
}

std::vector<std::string> convolutionProblems(const Convolution& c, const ConvolutionTemplate& t) {
    std::vector<std::string> problems;
    checkEntries(problems, "X", c.problem.input, t.input, t.significantFigures);
    checkEntries(problems, "W", c.problem.filter, t.filter, t.significantFigures);
    // Cells no window covers have ∂E/∂X = 0 whatever the numbers: they are not asked.
    for (const MathsRef& ref : askedMathsRefs(c))
        checkAsked(problems, c.symbolOf(ref).text, c.valueOf(ref).value_or(0), t.answerDecimals);
    return problems;
}

Result<ConvolutionProblem> convolutionVariant(const ConvolutionProblem& exercise,
                                              const ConvolutionTemplate& t, std::uint32_t number) {
    if (auto p = convolutionTemplateProblems(t); !p.empty())
        return Error{"", "variants", p.front()};
    if (number >= kVariantNumberCount)
        return Error{"", "variant",
                     "variant number " + std::to_string(number) + " is beyond 2^20 - 1"};
    if (auto check = computeConvolution(exercise); !check)
        return check.error();
    SplitMix64 random(number);
    ConvolutionProblem variant = exercise;
    for (int attempt = 0; attempt < kMaxVariantAttempts; ++attempt) {
        draw(random, t.input, t.significantFigures, variant.input);
        draw(random, t.filter, t.significantFigures, variant.filter);
        const auto computed = computeConvolution(variant);
        if (computed && convolutionProblems(computed.value(), t).empty())
            return variant;
    }
    return Error{"", "variants", kNoVariantReason};
}

} // namespace bpl::exercise
