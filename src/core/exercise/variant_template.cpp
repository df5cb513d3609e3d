#include "core/exercise/variant_template.h"

#include "core/common/number_text.h"

#include <algorithm>
#include <cmath>

namespace bpl::exercise {

namespace {

double power10(int decimals) {
    return std::pow(10.0, decimals);
}

// The integers k with min ≤ k / 10^d ≤ max.
struct IntegerSpan {
    long long low = 0;
    long long high = -1;
    long long count() const { return high < low ? 0 : high - low + 1; }
};

IntegerSpan spanOf(const NumberRange& range) {
    const double scale = power10(range.decimals);
    return {static_cast<long long>(std::ceil(range.min * scale - 1e-9)),
            static_cast<long long>(std::floor(range.max * scale + 1e-9))};
}

int figuresOfInteger(long long k) {
    k = k < 0 ? -k : k;
    if (k == 0)
        return 1;
    while (k % 10 == 0)
        k /= 10;
    int digits = 0;
    for (; k > 0; k /= 10)
        ++digits;
    return digits;
}

std::string text(double x) {
    return shortestNumberText(x);
}

} // namespace

bool FixedParameter::covers(ParameterKind k, int l, int row, int col) const {
    if (k != kind)
        return false;
    if ((kind == ParameterKind::Weights || kind == ParameterKind::Bias) && l != layer)
        return false;
    if (i < 0)
        return true;
    if (i != row)
        return false;
    return kind != ParameterKind::Weights || j < 0 || j == col;
}

std::string parameterKindKey(ParameterKind kind) {
    switch (kind) {
    case ParameterKind::Weights:
        return "weights";
    case ParameterKind::Bias:
        return "bias";
    case ParameterKind::Input:
        return "input";
    case ParameterKind::Target:
        return "target";
    }
    return "weights";
}

std::optional<ParameterKind> parameterKindFromKey(const std::string& key) {
    for (auto kind :
         {ParameterKind::Weights, ParameterKind::Bias, ParameterKind::Input, ParameterKind::Target})
        if (parameterKindKey(kind) == key)
            return kind;
    return std::nullopt;
}

std::vector<Quantity> NetworkTemplate::askedQuantities() const {
    if (!questions.empty())
        return questions;
    return {Quantity::A,           Quantity::Z,        Quantity::Loss,       Quantity::Delta,
            Quantity::GradWeights, Quantity::GradBias, Quantity::NewWeights, Quantity::NewBias};
}

std::string rangeProblem(const NumberRange& range, int significantFigures) {
    if (!range.values.empty()) {
        for (double v : range.values)
            if (!std::isfinite(v))
                return "values must be finite numbers";
        return {};
    }
    if (!std::isfinite(range.min) || !std::isfinite(range.max))
        return "min and max must be finite numbers";
    if (std::max(std::abs(range.min), std::abs(range.max)) > 1e6)
        return "min and max must lie within ±1e6 (hand-workable numbers)";
    if (range.min > range.max)
        return "min " + text(range.min) + " is above max " + text(range.max);
    if (range.decimals < 0 || range.decimals > kMaxDecimals)
        return "decimals must be 0 … " + std::to_string(kMaxDecimals) + ", found " +
               std::to_string(range.decimals);
    const IntegerSpan span = spanOf(range);
    const std::string noNumber =
        "no number with " + std::to_string(range.decimals) + " decimal" +
        (range.decimals == 1 ? "" : "s") + " and at most " + std::to_string(significantFigures) +
        " significant figures lies in [" + text(range.min) + ", " + text(range.max) + "]";
    if (span.count() == 0)
        return noNumber;
    if (span.count() <= 200000) {
        for (long long k = span.low; k <= span.high; ++k)
            if (figuresOfInteger(k) <= significantFigures)
                return {};
        return noNumber;
    }
    return {}; // a span that wide holds round numbers
}

double drawNumber(SplitMix64& random, const NumberRange& range, int significantFigures) {
    if (!range.values.empty())
        return range.values[random.below(range.values.size())];
    const IntegerSpan span = spanOf(range);
    const auto count = static_cast<std::uint64_t>(std::max<long long>(span.count(), 1));
    long long k = span.low;
    // Rejection of numbers with too many figures (rangeProblem guarantees one exists).
    for (int attempt = 0; attempt < 100000; ++attempt) {
        k = span.low + static_cast<long long>(random.below(count));
        if (figuresOfInteger(k) <= significantFigures)
            break;
    }
    return static_cast<double>(k) / power10(range.decimals);
}

bool hasAtMostDecimals(double value, int decimals) {
    if (!std::isfinite(value))
        return false;
    const double scaled = value * power10(decimals);
    return std::abs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::abs(scaled));
}

int significantFiguresOf(double value, int decimals) {
    return figuresOfInteger(std::llround(std::abs(value) * power10(decimals)));
}

bool survivesRounding(double value, int decimals) {
    return std::isfinite(value) && std::abs(value) >= power10(-decimals) * (1 - 1e-12);
}

} // namespace bpl::exercise
