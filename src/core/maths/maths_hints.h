// Recognisable slips in the worked maths (internal to core/maths): for a graph,
// a variable's gradient with only some of its contributions, or one of them
// with the wrong sign; ln taken as log₁₀ (divided by ln 10); σ′ written as
// a(1 − a) from the argument. For a convolution, the kernel flipped when it
// should not be (or the other way round), and a product left out of a sum.
// For pooling, an average left undivided, a gradient not shared over the
// window, and a gradient sent to a tied maximum that is not the first.
// Each hint is one sentence for the student.
#pragma once

#include "core/maths/convolution.h"
#include "core/maths/expression_graph.h"
#include "core/maths/pooling.h"
#include "core/tolerance.h"

#include <string>
#include <vector>

namespace bpl {

void graphSlipHints(const ExpressionGraph& graph, const MathsRef& ref, double given,
                    const Tolerance& tolerance, std::vector<std::string>& hints);
void convolutionSlipHints(const Convolution& conv, const MathsRef& ref, double given,
                          const Tolerance& tolerance, std::vector<std::string>& hints);
void poolingSlipHints(const Pooling& pooling, const MathsRef& ref, double given,
                      const Tolerance& tolerance, std::vector<std::string>& hints);

} // namespace bpl
