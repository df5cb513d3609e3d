// The formulas of an expression graph (internal to core/maths): each node's
// forward formula and each backward step, built from a value lookup so the
// same code writes the exact solution and recomputes a step with a student's
// own earlier values (the checker's "carried" test).
#pragma once

#include "core/maths/expression_graph.h"

namespace bpl {

// What the view draws inside a node: "+", "−", "×", "÷", "^", "−x", "σ", "ln", …
Dual opLabel(ExprOp op);
// ∂f/∂v₃ (text) and \frac{\partial f}{\partial v_{3}} (LaTeX).
Dual gradSymbol(const ExpressionGraph& graph, int node);

// v₃ = x^2 + v₂ = 1 + 0.5 = 1.5, with input values from `lookup` (operation nodes only).
WorkedFormula forwardFormula(const ExpressionGraph& graph, int node, const MathsLookup& lookup);
// ∂f/∂node as the sum over its uses, with upstream gradients and values from `lookup`.
BackwardStep backwardStep(const ExpressionGraph& graph, int node, const MathsLookup& lookup);

// grad of every node from the values and local derivatives (the output's is 1).
void computeGradients(ExpressionGraph& graph);
// Fills graph.forward and graph.backward from the exact values.
void buildFormulas(ExpressionGraph& graph);

} // namespace bpl
