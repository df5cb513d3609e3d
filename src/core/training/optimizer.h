// The optimizers of shared/spec/training.md, elementwise for every weight and
// bias: sgd, momentum (the course's moving-average form), rmsprop, adam (with
// or without bias correction) and adagrad. One implementation serves the
// trainer and the stepper's update steps, so both show the same numbers.
#pragma once

#include "core/network.h"

#include <optional>
#include <string>
#include <vector>

namespace bpl {

enum class OptimizerKind { Sgd, Momentum, RmsProp, Adam, AdaGrad };

// "sgd", "momentum", "rmsprop", "adam", "adagrad".
std::string optimizerKey(OptimizerKind kind);
std::optional<OptimizerKind> optimizerFromKey(const std::string& key);
// "SGD", "Momentum", "RMSProp", "Adam", "AdaGrad": for legends and menus.
std::string optimizerTitle(OptimizerKind kind);
const std::vector<OptimizerKind>& allOptimizers();

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Sgd;
    double learningRate = 0.1; // η
    double beta = 0.9;         // momentum and rmsprop
    double beta1 = 0.9;        // adam
    double beta2 = 0.999;      // adam
    double epsilon = -1;       // < 0: the optimizer's default (1e-8; adagrad 1e-10)
    bool biasCorrection = true; // adam: m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ); off: m̂ = m, v̂ = v

    double effectiveEpsilon() const;
};
// Empty when usable: η finite and > 0, β's in [0, 1), ε ≥ 0 …
std::string optimizerProblem(const OptimizerSettings& settings);

// m and v (G for adagrad) for every weight and bias, shaped like the network's
// W⁽ˡ⁾ and b⁽ˡ⁾ (entry 0 empty); t is the number of updates done so far.
struct OptimizerState {
    std::vector<Eigen::MatrixXd> mWeights, vWeights;
    std::vector<Eigen::VectorXd> mBias, vBias;
    long t = 0;
};
OptimizerState zeroOptimizerState(const Network& network);
// True when `state` has the shapes of `network`'s weights and biases.
bool optimizerStateFits(const OptimizerState& state, const Network& network);

// One update of every weight and bias of `network` with the gradient `g`
// (L2 already added by the caller): t ← t + 1, then the spec's table.
// Allocates nothing once `state` has the network's shapes.
void applyOptimizer(const OptimizerSettings& settings, OptimizerState& state, Network& network,
                    const Gradients& g);

} // namespace bpl
