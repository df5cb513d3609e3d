// The truth table a network computes on binary inputs (teaching-content.md
// section 6: XOR and XNOR from step units): every 0/1 input, the hidden units'
// values and the output; and how it compares with a table the file declares.
#pragma once

#include "core/network.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace bpl {

struct TruthRow {
    Eigen::VectorXd input;
    std::vector<Eigen::VectorXd> hidden; // z⁽ˡ⁾ of each hidden layer l = 1 … L−1
    Eigen::VectorXd output;
};

// All 2ⁿ binary inputs in counting order (x₁ most significant); nullopt for
// more than `maxInputs` inputs, where the table would not be readable.
std::optional<std::vector<TruthRow>> truthTable(const Network& network, int maxInputs = 4);

// True when the network reads as a logic circuit: every layer after the input uses step units.
bool isLogicNetwork(const Network& network);

// Where the network's outputs differ from the file's declared truth_table, one
// message per row ("truth_table[1]: for input (0, 1) the file says (1), the network gives (0)");
// a row that does not fit the layers is reported too. Empty when they agree or none is declared.
// At most kMaxTruthTableMessages rows are named, then one line counts the rest.
constexpr std::size_t kMaxTruthTableMessages = 20;
std::vector<std::string> truthTableDisagreements(const Network& network);

struct Trace;
// Every warning a worked solution prints, in order: the trace's own (e.g.
// step units that block every gradient), then the declared truth table's
// disagreements. The text, Markdown, JSON and document outputs all use it.
std::vector<std::string> solutionWarnings(const Trace& trace);

} // namespace bpl
