// Builders for the per-scalar formulas of a trace (internal to the core): one
// function per kind of scalar, each writing the symbolic form in the chosen
// notation and the same form with numbers substituted, in Unicode and LaTeX.
#pragma once

#include "core/network.h"
#include "core/number_format.h"
#include "core/trace.h"

namespace bpl::formulas {

struct Context {
    const Network& network;
    const ForwardPass& pass;
    const Gradients& grads;
    const Eigen::VectorXd& target;
    double learningRate;
    const Notation& n;
    int precision;
};

// A number at the context's precision, as a term and as a factor (negative in parentheses).
inline Dual num(const Context& c, double x) { return formatDual(x, c.precision); }
inline Dual fac(const Context& c, double x) { return formatFactor(x, c.precision); }

ScalarFormula preActivation(const Context& c, int l, int i);
ScalarFormula activation(const Context& c, int l, int i);
ScalarFormula lossScalar(const Context& c, double lossValue);
ScalarFormula outputDelta(const Context& c, int k);
ScalarFormula hiddenDelta(const Context& c, int l, int j);
ScalarFormula gradWeight(const Context& c, int l, int i, int j);
ScalarFormula gradBias(const Context& c, int l, int i);
ScalarFormula newWeight(const Context& c, int l, int i, int j, double value);
ScalarFormula newBias(const Context& c, int l, int i, double value);
// ∂E/∂z_j⁽⁰⁾ = Σᵢ w_ij⁽¹⁾ δᵢ⁽¹⁾; `value` is inputGradient(network, grads)[j].
ScalarFormula inputGradient(const Context& c, int j, double value);

// Symbolic name of a layer's activation function, e.g. "σ", "tanh", "ReLU".
Dual activationSymbol(const ActivationFunction& f);
// Why the output delta takes its form, for the step's note.
std::string outputDeltaNote(Loss loss, const ActivationFunction& output);

} // namespace bpl::formulas
