// When does a hand-worked value count as equal to the exact one? Either by
// significant figures (answers-format.md: both round to the same n significant
// figures, or the answer lies within half a unit in the n-th significant figure
// of the exact value) or by an absolute / relative margin. Rounding is decimal
// and half away from zero, as on paper: 0.5765 rounds to 0.577.
#pragma once

#include <string>

namespace bpl {

// A written 0 matches an exact value this close to zero (1e-17 of rounding
// noise has no significant figures to compare), and an exact 0 matches an
// answer this small. Two nonzero values, however tiny (a vanishing gradient of
// 1e-80), are compared by their significant figures like any others.
constexpr double kToleranceZeroFloor = 1e-12;

struct Tolerance {
    enum class Kind { SignificantFigures, AbsoluteRelative };
    Kind kind = Kind::SignificantFigures;
    int significantFigures = 3; // 1–15
    double absolute = 0;        // |given − exact| ≤ absolute + relative·|exact|
    double relative = 0;

    static Tolerance sigFigs(int n);
    static Tolerance margin(double absolute, double relative);

    bool matches(double given, double exact) const;
    // One sentence for output headers: how values are compared and rounded.
    std::string describe() const;
    // Why this pair matches or not, e.g. "0.5769 and 0.576885 both round to 0.577
    // (3 significant figures)".
    std::string explain(double given, double exact) const;
    // "3 significant figures", "absolute 0.001".
    std::string shortName() const;
};

// Decimal rounding of a double's shortest decimal form to n significant
// figures, half away from zero, with significant trailing zeros kept:
// roundedText(0.576885, 3) = "0.577", roundedText(0.99996, 3) = "1.00",
// roundedText(-2.4875e-7, 3) = "-2.49e-07".
std::string roundedText(double x, int significantFigures);
// True when both round to the same n significant figures (0 only equals 0).
bool sameWhenRounded(double x, double y, int significantFigures);
// 10^(e − n + 1) where e is the decimal exponent of x: one unit in the n-th
// significant figure of x (0.001 for 0.576885 at 3 figures). 0 for x = 0.
double unitInLastPlace(double x, int significantFigures);
// The shortest text that reads back to x ("0.30124", "-0.8", "3e-05").
std::string shortestText(double x);
// How many significant digits that shortest text has (0.30124 → 5, 300 → 1, 0 → 1).
int significantDigits(double x);

} // namespace bpl
