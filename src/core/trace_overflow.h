// Where a trace leaves the finite numbers: a network whose weights are large
// but finite (1e308, or 1e154 twice) overflows to inf or nan in the forward or
// backward pass. No output may show such a value: `trace` and `check` refuse
// with this message (exit 3) and the window shows it instead of inf.
#pragma once

#include "core/trace.h"

#include <optional>
#include <string>

namespace bpl {

// The first value of the trace, in the order it is computed (forward layer by
// layer, the loss, the deltas from the output back, the gradients, the
// updated weights), that is not finite, described in the file numbering:
// "layer 2, neuron 1: the pre-activation a overflows (inf) in the forward pass".
// nullopt when every value is finite.
std::optional<std::string> traceOverflow(const Trace& trace);

} // namespace bpl
