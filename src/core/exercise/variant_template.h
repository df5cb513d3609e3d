// What may vary in an exercise and how (the `variants` key of a network file,
// docs/formats/network-format.md; the maths exercise file, exercise-format.md):
// ranges with a number of decimals for each kind of value, parameters that
// keep the file's value, and the rules that make a variant hand-workable (no
// saturated unit, no asked value that rounds to 0 at the sheet's precision,
// no drawn number with more significant figures than stated). The draws and
// the number rules live here once, for networks, expressions and convolutions.
#pragma once

#include "core/common/split_mix64.h"
#include "core/quantity.h"

#include <optional>
#include <string>
#include <vector>

namespace bpl::exercise {

// A drawn number: k / 10^decimals for an integer k with min ≤ value ≤ max,
// or (when `values` is not empty) one of `values`.
struct NumberRange {
    double min = -1;
    double max = 1;
    int decimals = 1;           // 0 … 6
    std::vector<double> values; // a fixed set to choose from instead of the range

    friend bool operator==(const NumberRange&, const NumberRange&) = default;
};

// A parameter or sample value that keeps the file's value. File numbering:
// layer ≥ 1 for weights and bias, 0-based i (and j for weights); i = −1 means
// the whole layer (or the whole input / target vector).
enum class ParameterKind { Weights, Bias, Input, Target };
struct FixedParameter {
    ParameterKind kind = ParameterKind::Weights;
    int layer = 0; // weights and bias only
    int i = -1;
    int j = -1; // weights only; −1 with i ≥ 0: the whole row

    friend bool operator==(const FixedParameter&, const FixedParameter&) = default;
    // True when this entry covers that value.
    bool covers(ParameterKind k, int l, int row, int col) const;
};
// "weights", "bias", "input", "target".
std::string parameterKindKey(ParameterKind kind);
std::optional<ParameterKind> parameterKindFromKey(const std::string& key);

struct NetworkTemplate {
    NumberRange weights{-1, 1, 1, {}};
    NumberRange biases{-1, 1, 1, {}};
    NumberRange inputs{-1, 1, 1, {}};
    // Cross-entropy (softmax) targets are always one-hot with the 1 drawn;
    // for other losses a range or a set of values.
    NumberRange targets{0, 1, 0, {0.0, 1.0}};
    std::vector<FixedParameter> fixed;
    double maxAbsActivation = 2.5; // every pre-activation |a| ≤ this
    int answerDecimals = 4;        // every asked value has |v| ≥ 10^-answerDecimals
    int significantFigures = 2;    // at most this many in every drawn number
    // The quantities the sheet asks; empty means the default: a, z (output),
    // loss, delta, grad_weights, grad_bias, new_weights and new_bias.
    std::vector<Quantity> questions;

    friend bool operator==(const NetworkTemplate&, const NetworkTemplate&) = default;
    std::vector<Quantity> askedQuantities() const;
};

// Limits every template is checked against (a template outside them is refused).
constexpr int kMaxDecimals = 6;
constexpr int kMaxAnswerDecimals = 8;
constexpr int kMaxSignificantFigures = 6;
// Draws of a whole variant before giving up on a template.
constexpr int kMaxVariantAttempts = 4000;
// The error when that happens.
constexpr const char* kNoVariantReason = "the template's ranges admit no hand-workable variant";

// What is wrong with a range ("min 2 is above max 1", "decimals must be 0 … 6,
// found 9", "no number with 1 decimal lies in [0.01, 0.04]"); empty when usable.
std::string rangeProblem(const NumberRange& range, int significantFigures);

// One number of the range (uniform over the admitted numbers k/10^d that have
// at most `significantFigures` significant figures).
double drawNumber(SplitMix64& random, const NumberRange& range, int significantFigures);

// True when value × 10^decimals is an integer (within 1e-9).
bool hasAtMostDecimals(double value, int decimals);
// Significant figures of a number with at most `decimals` decimals: 0.25 → 2,
// 1.5 → 2, 10 → 1, 0 → 1.
int significantFiguresOf(double value, int decimals);
// True when |value| ≥ 10^-decimals (it does not round to 0 at that precision).
bool survivesRounding(double value, int decimals);

} // namespace bpl::exercise
