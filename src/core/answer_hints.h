// Recognisable slips behind a wrong hand-worked value, found by comparing it
// with what the usual mistakes would give: a flipped sign, a misplaced decimal
// point, a dropped, extra or swapped digit, truncating instead of rounding, the
// activation not applied, the derivative factor left out of a delta, the indices
// of a weight swapped, the update step added instead of subtracted or missing
// η, log₁₀ in place of ln. Each hint is one sentence for the student.
#pragma once

#include "core/quantity.h"
#include "core/tolerance.h"
#include "core/trace.h"

#include <string>
#include <vector>

namespace bpl {

// `ref` is canonical (output already mapped to z of the last layer); `given`
// does not match the exact value. Empty when no known slip explains it.
std::vector<std::string> slipHints(const Trace& trace, const QuantityRef& ref, double given,
                                   const Tolerance& tolerance);

// The slips any number can show, for checkers of other quantities (the worked
// maths): a flipped sign; and — only when `hints` is still empty — a misplaced
// decimal point, a dropped, extra or swapped digit, truncation, too few figures.
void addSignHint(double given, double exact, const Tolerance& tolerance, std::vector<std::string>& hints);
void addNumberSlipHints(double given, double exact, const Tolerance& tolerance, std::vector<std::string>& hints);

} // namespace bpl
