// The scalars of the worked-maths tools (chain rule on an expression,
// convolution) and their formulas: a reference naming one scalar, and the
// formula that computes it — symbolic, substituted and result, in Unicode and
// LaTeX — with its direct inputs, which is what the stepper shows, the
// exporters write and the checker (maths_check.h) follows to tell a carried
// error from a new one. The network trace has its own ScalarFormula; this is
// its counterpart for scalars that are not neurons.
#pragma once

#include "core/notation.h"

#include <functional>
#include <string>
#include <tuple>
#include <vector>

namespace bpl {

enum class MathsQuantity {
    NodeValue,      // the value of a graph node (its forward formula)
    NodeGrad,       // ∂f/∂node, summed over every use of the node
    ConvOutput,     // F_ij
    ConvGradFilter, // ∂E/∂W_uv
    ConvGradInput,  // ∂E/∂X_pq
};

// "value", "grad", "output", "grad_filter", "grad_input" (maths-answers.md).
std::string mathsQuantityKey(MathsQuantity q);
bool mathsQuantityFromKey(const std::string& key, MathsQuantity& out);

// One scalar: a graph node (node = id) or a matrix entry (row, col, 0-based).
struct MathsRef {
    MathsQuantity quantity = MathsQuantity::NodeValue;
    int node = -1;
    int row = -1;
    int col = -1;

    static MathsRef value(int node) { return {MathsQuantity::NodeValue, node, -1, -1}; }
    static MathsRef grad(int node) { return {MathsQuantity::NodeGrad, node, -1, -1}; }
    static MathsRef entry(MathsQuantity q, int row, int col) { return {q, -1, row, col}; }

    friend bool operator==(const MathsRef& a, const MathsRef& b) {
        return std::tie(a.quantity, a.node, a.row, a.col) ==
               std::tie(b.quantity, b.node, b.row, b.col);
    }
    friend bool operator<(const MathsRef& a, const MathsRef& b) {
        return std::tie(a.quantity, a.node, a.row, a.col) <
               std::tie(b.quantity, b.node, b.row, b.col);
    }
    // "grad of node 3", "output[1,2]" (1-based entries), for messages.
    std::string describe() const;
};

// The value to use for a scalar (a student's where given, else the exact one).
using MathsLookup = std::function<double(const MathsRef&)>;

struct WorkedFormula {
    MathsRef ref;
    double value = 0;
    Dual lhs;         // ∂f/∂x
    Dual symbolic;    // ∂f/∂v₁·2x + ∂f/∂v₄·3
    Dual substituted; // 0.4407·2·1 + (−0.2911)·3
    Dual result;      // 0.0646
    // The scalars this one is computed from (a carried error flows along these);
    // empty when it depends only on given data (X, W, the variables' values).
    std::vector<MathsRef> inputs;

    // "lhs = symbolic = substituted = result" (parts omitted when they repeat).
    Dual line() const;
};

} // namespace bpl
