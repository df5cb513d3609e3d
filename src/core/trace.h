// The trace: the ordered steps a teacher walks through for one sample —
// forward layer 1 … L, the loss, the output delta, the hidden deltas from L−1
// down to 1, the gradients and the updates of each layer, and (when asked for)
// the input gradient ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ as the last step. Each step carries its
// numbers and, for every scalar, the formula in index notation, the same formula
// with the numbers substituted, the result, and the scalar's direct inputs.
// The stepper, the checker and every exporter read this; nothing recomputes it.
#pragma once

#include "core/network.h"
#include "core/notation.h"
#include "core/quantity.h"
#include "core/training/optimizer.h"

#include <optional>
#include <string>
#include <vector>

namespace bpl {

enum class StepKind { Forward, Loss, OutputDelta, HiddenDelta, Gradient, Update, InputGradient };

// "forward", "loss", "output_delta", "hidden_delta", "gradient", "update", "input_gradient".
std::string stepKindKey(StepKind kind);

struct ScalarFormula {
    QuantityRef ref;
    double value = 0;
    Dual lhs;         // a₁⁽¹⁾
    Dual symbolic;    // w₁₁⁽¹⁾z₁⁽⁰⁾ + w₁₂⁽¹⁾z₂⁽⁰⁾ + b₁⁽¹⁾
    Dual substituted; // 0.1 × 3 + 0.2 × 0.2 + 0
    Dual result;      // 0.31
    // The values this scalar is computed from (a carried error flows along these).
    std::vector<QuantityRef> inputs;
    // Lines worked out before this one, in order: for an update with an
    // optimizer, this parameter's m, v, m̂, v̂ (empty for plain gradient descent).
    std::vector<ScalarFormula> working;

    // "lhs = symbolic = substituted = result" (symbolic or substituted omitted when trivial).
    Dual line() const;
};

struct Step {
    StepKind kind = StepKind::Forward;
    int layer = 0;          // file numbering; 0 for the loss step
    Dual title;             // "Forward pass, layer 1"
    Dual vectorFormula;     // "a⁽¹⁾ = W⁽¹⁾z⁽⁰⁾ + b⁽¹⁾, z⁽¹⁾ = σ(a⁽¹⁾)"
    std::string note;       // why this formula (e.g. the y − t shortcut)
    std::vector<ScalarFormula> scalars;
};

struct TraceOptions {
    Notation notation = Notation::make(NotationScheme::Standard);
    int precision = 6; // significant figures in substituted numbers and results
    // Adds the input gradient ∂E/∂z⁽⁰⁾ = W⁽¹⁾ᵀδ⁽¹⁾ as a last step (after the
    // updates, so every other step keeps its number); off, the trace is as before.
    bool inputGradient = false;
    // Exports print, under the forward step of a layer that follows another
    // identity layer, the one linear layer they collapse into (linear_collapse.h).
    // The window's details always show it; off, exports are as before.
    bool linearCollapse = false;
};

struct Trace {
    Network network; // weights before the update
    Sample sample;
    double learningRate = 0.1;
    ForwardPass forward;
    double loss = 0;
    Gradients gradients;
    // ∂E/∂z⁽⁰⁾ = W⁽¹⁾ᵀδ⁽¹⁾ with the weights before the update (always computed;
    // its step is in `steps` only with TraceOptions::inputGradient).
    Eigen::VectorXd inputGradient;
    Network updated; // weights after one gradient-descent step (or optimizer update)
    // Set when the update uses an optimizer other than plain SGD (momentum,
    // RMSProp, Adam, AdaGrad); its learningRate is the trace's.
    std::optional<OptimizerSettings> optimizer;
    OptimizerState optimizerBefore; // m, v and t before this pass (only with `optimizer`)
    OptimizerState optimizerAfter;  // after this pass's update: what Apply update carries on
    // Per layer (entry 0 is 0): the Euclidean norm of δ⁽ˡ⁾ and the Frobenius
    // norm of ∂E/∂W⁽ˡ⁾, for the vanishing-gradient plot and the JSON.
    std::vector<double> deltaNorms;
    std::vector<double> gradWeightNorms;
    std::vector<Step> steps;
    std::vector<std::string> warnings; // e.g. step units that block every gradient
    TraceOptions options;

    // The exact value of a quantity; nullopt when it does not exist in this network.
    std::optional<double> valueOf(const QuantityRef& ref) const;
    // The formula that computes a quantity (output maps to z of the last layer).
    const ScalarFormula* formulaFor(const QuantityRef& ref) const;
    // Index of the first step of a kind (−1 if none) and of the last one.
    int firstStepOf(StepKind kind) const;
    int lastStepOf(StepKind kind) const;
};

// One forward pass, backward pass and gradient-descent step on `sample`.
Trace traceSample(const Network& network, const Sample& sample, double learningRate,
                  const TraceOptions& options = {});
// The same on the network's own sample and learning rate.
Trace traceNetwork(const Network& network, const TraceOptions& options = {});
// The same pass, with the update made by `optimizer` from `before` (the state
// after the previous passes; zero when it does not fit the network). Plain SGD
// gives exactly the trace above.
Trace traceSample(const Network& network, const Sample& sample, double learningRate, const TraceOptions& options,
                  const OptimizerSettings& optimizer, const OptimizerState& before);
Trace traceNetwork(const Network& network, const TraceOptions& options, const OptimizerSettings& optimizer,
                   const OptimizerState& before);

// The update of traceNetwork(network, options, optimizer, state) without its
// formulas: `network` becomes trace.updated and `state` trace.optimizerAfter
// (as `trace --passes N` applies the N − 1 passes before the one it shows, at
// the cost of a forward and backward pass instead of a few KB of text per weight).
void applyNetworkUpdate(Network& network, const OptimizerSettings& optimizer,
                        OptimizerState& state);

} // namespace bpl
