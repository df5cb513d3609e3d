// Variants of a network exercise: from the exercise's network, its template and
// a variant number, new weights, biases, input and target drawn by SplitMix64
// (seeded with the number) in a fixed order — layer by layer, weights
// row-major then biases, then the input, then the target — redrawn as a
// whole while the result is not hand-workable (handWorkabilityProblems).
// The values asked on a sheet are those of the trace (core/trace.h).
#pragma once

#include "core/exercise/variant_code.h"
#include "core/exercise/variant_template.h"
#include "core/network.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace bpl::exercise {

// Weights and biases an exercise may have: more is not worked by hand (and
// each rejected draw costs a trace).
constexpr long kMaxVariantParameters = 200;

// "3-2-1": the layer sizes joined by '-'.
std::string networkShape(const Network& network);
VariantCode networkVariantCode(const Network& network, std::uint32_t number);

// The template a network file without a `variants` key gets: the defaults of
// NetworkTemplate, with targets fitted to the loss and output (a range in
// [−1, 1] for an identity output with a squared error, {0, 1} otherwise).
NetworkTemplate defaultNetworkTemplate(const Network& network);

// What makes a template unusable for this network (a bad range, a fixed entry
// that names no parameter, a question key that is not a quantity); empty when
// usable. Each message names the key ("weights: min 2 is above max 1").
std::vector<std::string> templateProblems(const Network& network, const NetworkTemplate& t);

// Every scalar the template asks (t.askedQuantities()), in file numbering and
// in the order of the quantities, layer by layer, row-major; `output` as z of
// the last layer. What a sheet asks and its key answers.
std::vector<QuantityRef> askedQuantityRefs(const Network& network, const NetworkTemplate& t);

// Variant `number` of the exercise; the same number gives the same network on
// every machine. Errors: a network with more than kMaxVariantParameters, the
// template's problems, or kNoVariantReason after kMaxVariantAttempts draws.
Result<Network> networkVariant(const Network& exercise, const NetworkTemplate& t,
                               std::uint32_t number);
// The same, from a code, refusing a code for another shape (variantShapeProblem).
Result<Network> networkVariant(const Network& exercise, const NetworkTemplate& t,
                               const VariantCode& code);

// Why a network is not a hand-workable variant under the template, one message
// each (empty when it is): a drawn value outside its range or with too many
// decimals or significant figures, a pre-activation with |a| above the limit,
// an asked value (computed by the trace) that rounds to 0 at answerDecimals,
// a value that is not finite, a target the loss refuses (sample_rules.h).
// `exercise` tells which values are fixed (they keep the exercise's value and
// are exempt from the range rules).
std::vector<std::string> handWorkabilityProblems(const Network& variant, const NetworkTemplate& t,
                                                 const Network* exercise = nullptr);

} // namespace bpl::exercise
