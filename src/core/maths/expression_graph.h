// The computation graph of a scalar expression at given values of its
// variables (teaching-content.md §8): one node per operation with its value
// and local derivatives, then the backward pass (reverse mode, node by node)
// with each step's formula symbolic / substituted / result, and a central-
// difference check. Identical subexpressions are one node: a variable used
// three times is one node with three users, and its gradient is the visible
// sum of three contributions — where students slip. The view, the exporters,
// `backprop-lab grad` and the checker all read this; nothing recomputes it.
//
// Node symbols: variables keep their names, constants are their numbers, the
// operations are v₁, v₂, … in evaluation order and the output is f (as in the
// "evaluation trace" of reverse-mode autodiff texts).
#pragma once

#include "core/maths/expression.h"
#include "core/maths/worked_formula.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace bpl {

// A node's `expression` is written whole up to this many bytes of text, longer ones
// with inner parts elided: the values stay exact, and a 5,000-factor product costs
// 5,000 short texts instead of 5,000 ever longer ones (25 million characters).
constexpr std::size_t kNodeExpressionBytes = 100;

struct VariableValue {
    std::string name;
    double value = 0;
};

// One use of a node: the user's id and which of its inputs (0 or 1) it is.
struct NodeUse {
    int user = -1;
    int slot = 0;
};

struct GraphNode {
    int id = 0; // index in ExpressionGraph::nodes
    ExprOp op = ExprOp::Constant;
    std::vector<int> inputs;    // ids of earlier nodes (x*x has inputs [x, x])
    std::vector<NodeUse> users; // every use, in evaluation order of the users
    double value = 0;
    std::vector<double>
        local;       // ∂node/∂inputs[k]; 0 where the input is constant and it is undefined
    double grad = 0; // ∂f/∂node, accumulated over every use
    bool dependsOnVariables = false; // false for constants and constant subexpressions
    std::string name;                // variable name; the number as typed for a constant
    Dual symbol;                     // x, 2, v₃ (v_{3}), f
    Dual expression;                 // the subexpression it computes: "x^2 + σ(y)"; elided past
                     // kNodeExpressionBytes ("…·x·x"), so that n nodes cost O(n) text
    Dual opLabel;   // drawn inside the node: "x", "2", "+", "−", "×", "÷", "^", "σ", "ln" …
    int column = 1; // where it first appears in the source
};

// One term of a backward step: the gradient arriving from one user times the
// user's local derivative with respect to this node.
struct GradContribution {
    NodeUse use;
    double upstream = 0;   // ∂f/∂user
    double local = 0;      // ∂user/∂node
    double value = 0;      // upstream · local
    Dual localSymbolic;    // "2x", "1/b", "σ(x)(1 − σ(x))" in the input symbols
    Dual localSubstituted; // "2·1", "1/2.269"
    Dual term;             // "∂f/∂v₁ · 2x" (just "2x" when the user is f)
    Dual termSubstituted;  // "0.4407 · 2·1"
};

// The backward pass at one node: ∂f/∂node = Σ over its uses.
struct BackwardStep {
    int node = 0;
    Dual title;            // "∂f/∂x: x is used 3 times, so 3 contributions add"
    WorkedFormula formula; // ref = MathsRef::grad(node); inputs: the users' grads and the values in
                           // the locals
    std::vector<GradContribution> contributions; // empty for f itself (∂f/∂f = 1)
};

// Central differences (f(x + h) − f(x − h)) / 2h per variable, h = 1e-5·max(1, |x|),
// refined by one Richardson step; relative error |analytic − numeric| / max(1, |analytic|,
// |numeric|).
struct CentralDifference {
    std::string variable;
    double analytic = 0;
    double numeric = 0;
    double relativeError = 0;
};
struct CentralDifferenceCheck {
    std::vector<CentralDifference> entries; // in variable order
    double maxRelativeError = 0;
    bool agrees = true; // every relative error ≤ 1e-6 (false also when f is not finite nearby)
};

struct GraphOptions {
    int precision = 4; // significant figures in substituted numbers and results
};

struct ExpressionGraph {
    Expression expression;
    std::vector<VariableValue> at; // one per variable, in expression.variables order
    std::vector<GraphNode> nodes;  // evaluation order: variables first, then inputs before users
    int output = -1;               // the node of f (the last)
    std::vector<WorkedFormula>
        forward; // one per operation node (not variables or constants), in order
    std::vector<BackwardStep>
        backward; // f first, then every node that depends on a variable, in reverse order
    GraphOptions options;

    double value() const { return nodes[output].value; }
    // ∂f/∂variable (0 for a name that is not a variable).
    double gradient(const std::string& variable) const;
    // The node of a variable, or −1.
    int variableNode(const std::string& name) const;
    // A node by what a person types: its id ("3"), its symbol ("v3", "v₃", "f") or
    // its subexpression in any spelling ("x^2 + sigmoid(y)", matched after parsing). −1 if none.
    int findNode(const std::string& text) const;

    // The exact value of a scalar (NodeValue or NodeGrad); nullopt for other refs or bad ids.
    std::optional<double> valueOf(const MathsRef& ref) const;
    // The formula of a scalar from the worked solution; nullptr for variables and constants'
    // values, which are given, and for refs that name nothing.
    const WorkedFormula* formulaFor(const MathsRef& ref) const;
    // The same formula with every direct input read from `lookup`, and its result recomputed:
    // what the step gives with a student's own earlier values. Nullopt where formulaFor is null.
    std::optional<WorkedFormula> formulaWithInputs(const MathsRef& ref,
                                                   const MathsLookup& lookup) const;
    // The symbol of a scalar: "v₃", "∂f/∂x" (text and LaTeX).
    Dual symbolOf(const MathsRef& ref) const;
    // Index of the backward step of a node, or −1.
    int backwardStepOf(int node) const;
};

// Why a graph could not be built: a variable without a value (node = its id),
// a value that is not finite, or a node whose value or gradient is not finite
// ("node 7, ln(y − 1): ln of −1 is not defined"). describe() gives that text.
struct GraphError {
    int node = -1;
    std::string message;
    std::string describe() const { return message; }
};

struct GraphResult {
    std::optional<ExpressionGraph> graph;
    GraphError error; // meaningful when !ok()
    bool ok() const { return graph.has_value(); }
};

// Builds, evaluates and differentiates the graph. `at` must give a finite value
// to every variable of the expression (extra names are refused too, naming them).
GraphResult buildExpressionGraph(const Expression& expression, const std::vector<VariableValue>& at,
                                 const GraphOptions& options = {});

// f at other values of the variables (no graph): nullopt when a variable is
// missing or the value is not finite. Used by the central differences.
std::optional<double> evaluateExpression(const Expression& expression,
                                         const std::vector<VariableValue>& at);

CentralDifferenceCheck centralDifferenceCheck(const ExpressionGraph& graph);

// The local derivative ∂(op)/∂input[slot] for input values `a` (and `b` for two
// inputs): what the graph uses, stated once (e.g. relu′(0) = 0, |·|′(0) = 0).
double localDerivative(ExprOp op, int slot, double a, double b = 0);
// The operation itself on input values.
double applyOp(ExprOp op, double a, double b = 0);

// "x=1,y=0" or "x=1, y=-2.5" → values, locale-free; false with a reason on
// anything else ("'y=abc': not a number").
bool parseVariableValues(const std::string& text, std::vector<VariableValue>& out,
                         std::string& error);

} // namespace bpl
