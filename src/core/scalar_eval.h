// One scalar of a worked solution recomputed from its direct inputs (the
// `inputs` of its ScalarFormula), with the input values supplied by the
// caller. The checker asks "what does this step give with the student's own
// earlier values?" — δ₁⁽¹⁾ from their z₁⁽¹⁾ and δ⁽²⁾, ∂E/∂w from their δ and z,
// a new weight from their gradient — to tell a carried error from a new one.
// Also says whether a quantity exists in a network (for answer files).
#pragma once

#include "core/network.h"
#include "core/quantity.h"
#include "core/trace.h"

#include <functional>
#include <optional>
#include <string>

namespace bpl {

// The value to use for an input quantity (the student's where given, else exact).
using ValueLookup = std::function<double(const QuantityRef&)>;

// Output i is z of the last layer, and the loss has no layer or index: the
// form used for lookups and formulas. Other references are returned unchanged.
QuantityRef canonicalRef(const Network& network, const QuantityRef& ref);

// Why a reference names nothing in this network, and which part is at fault.
struct RefProblem {
    enum class Part { Layer, Row, Column };
    Part part = Part::Layer;
    std::string reason; // "layer 0 is the input layer: it has no δ"
};
std::optional<RefProblem> refProblem(const Network& network, const QuantityRef& ref);

// The scalar recomputed by its formula, every direct input read from `inputValue`
// (which is called only with canonical references from the formula's inputs).
// z⁽⁰⁾ is the sample input and has no inputs. NaN when the formula cannot be
// evaluated (e.g. ln of a non-positive output).
double evaluateScalar(const Network& network, const Sample& sample, double learningRate,
                      const QuantityRef& ref, const ValueLookup& inputValue);
double evaluateScalar(const Trace& trace, const QuantityRef& ref, const ValueLookup& inputValue);

// The trace's formula for `ref` with the numbers of its direct inputs taken
// from `inputValue` (in the trace's notation and precision) and its result
// recomputed by evaluateScalar. Nullopt for z⁽⁰⁾ (the input has no formula).
std::optional<ScalarFormula> formulaWithInputs(const Trace& trace, const QuantityRef& ref,
                                               const ValueLookup& inputValue);

} // namespace bpl
