// The update step of a trace when the update is made by an optimizer
// (shared/spec/training.md): for every weight and bias, the lines m, v, m̂, v̂
// (G for AdaGrad) and the new value, symbolic and with the numbers
// substituted, in the trace's notation (internal to the core, like
// trace_formulas.h). The values come from applyOptimizer's state before and
// after the update; nothing here updates a weight.
#pragma once

#include "core/trace_formulas.h"
#include "core/training/optimizer.h"

namespace bpl::formulas {

struct OptimizerContext {
    const OptimizerSettings& settings;
    const OptimizerState& before;
    const OptimizerState& after;
};

// The update step of layer l; `updated` holds applyOptimizer's new weights.
Step optimizerUpdateStep(const Context& c, const OptimizerContext& o, const Network& updated,
                         int l);

} // namespace bpl::formulas
