// The truth table a network computes on binary inputs (teaching-content.md
// section 6: XOR and XNOR from step units): every 0/1 input, its output.
#pragma once

#include "core/network.h"

#include <optional>
#include <vector>

namespace bpl {

struct TruthRow {
    Eigen::VectorXd input;
    Eigen::VectorXd output;
};

// All 2ⁿ binary inputs in counting order (x₁ most significant); nullopt for
// more than `maxInputs` inputs, where the table would not be readable.
std::optional<std::vector<TruthRow>> truthTable(const Network& network, int maxInputs = 4);

// True when the network reads as a logic circuit: every layer after the input uses step units.
bool isLogicNetwork(const Network& network);

} // namespace bpl
