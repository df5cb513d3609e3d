// The rules a network's sample must satisfy, stated once: every way a target
// or an input comes in (the network file, the command line's --input and
// --target, the Inspector, answers checked against a network, undo) asks these
// functions, so each refusal has the same reason wherever it happens.
#pragma once

#include "core/network.h"

#include <string>

namespace bpl {

// Cross-entropy targets must sum to 1 within this.
constexpr double kTargetSumTolerance = 1e-9;

// Empty when `input` fits the network (one finite number per input neuron),
// otherwise the reason ("the input needs 3 numbers (layer 0 has 3 neurons), found 2").
std::string inputProblem(const Network& network, const Eigen::VectorXd& input);

// Empty when `target` fits the network and its loss: one finite number per
// output neuron; for binary_cross_entropy each in [0, 1]; for cross_entropy
// each ≥ 0 and their sum 1. Otherwise the reason, naming the offending value
// ("binary_cross_entropy targets must lie in [0, 1]; target 1 is 2").
std::string targetProblem(const Network& network, const Eigen::VectorXd& target);

} // namespace bpl
