// Per-sample losses exactly as shared/spec/network-format.md defines them,
// computed stably from the output layer's pre-activations where that matters
// (log-sigmoid for binary cross-entropy, log-softmax for cross-entropy).
#pragma once

#include "core/activation.h"

#include <Eigen/Dense>
#include <optional>
#include <string>

namespace bpl {

enum class Loss { HalfSquaredError, SquaredError, MeanSquaredError, BinaryCrossEntropy, CrossEntropy };

std::string lossName(Loss loss);
std::optional<Loss> lossFromName(const std::string& name);
const std::vector<Loss>& allLosses();

// E(y, t) where y = h(a) is the output; `a` lets the cross-entropies use the
// stable log forms when the output activation is sigmoid or softmax.
double lossValue(Loss loss, const ActivationFunction& output, const Eigen::VectorXd& a,
                 const Eigen::VectorXd& y, const Eigen::VectorXd& t);

// ∂E/∂y, element-wise (used when the output pair has no y − t shortcut).
Eigen::VectorXd lossGradient(Loss loss, const Eigen::VectorXd& y, const Eigen::VectorXd& t);

// True for the canonical pairs whose output delta is exactly y − t:
// sigmoid + binary cross-entropy, softmax + cross-entropy, identity + ½ squared error.
bool outputDeltaIsResidual(Loss loss, Activation output);

// δ⁽ᴸ⁾ = ∂E/∂a⁽ᴸ⁾ for the output layer.
Eigen::VectorXd outputDelta(Loss loss, const ActivationFunction& output, const Eigen::VectorXd& a,
                            const Eigen::VectorXd& y, const Eigen::VectorXd& t);

} // namespace bpl
