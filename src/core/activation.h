// Activation functions h(a) and their derivatives h′(a), applied per layer.
// Softmax is the one vector-valued activation; it is only allowed on the last
// layer together with cross-entropy, where δ = y − t needs no Jacobian.
#pragma once

#include <Eigen/Dense>
#include <optional>
#include <string>

namespace bpl {

enum class Activation { Identity, Sigmoid, Tanh, Relu, LeakyRelu, Step, Softmax };

// File name of an activation ("identity", "sigmoid", …).
std::string activationName(Activation activation);
// Parses a file name; accepts the alias "linear" for identity.
std::optional<Activation> activationFromName(const std::string& name);
// Every activation, in menu order.
const std::vector<Activation>& allActivations();

struct ActivationFunction {
    Activation kind = Activation::Sigmoid;
    double alpha = 0.01; // slope below zero for leaky ReLU
    // U(0) of a step unit: 0 (U(a) = 1 for a > 0, the default) or 1 (U(a) = 1
    // for a ≥ 0, the course's Σ ±xᵢ + C ≥ 0 construction of logic units).
    double stepAtZero = 0.0;

    // z = h(a), element-wise (softmax over the whole vector).
    Eigen::VectorXd apply(const Eigen::VectorXd& a) const;
    // h′(a) element-wise, given a and z = h(a). For softmax this is the
    // diagonal z(1 − z) only; callers use the y − t shortcut with cross-entropy.
    Eigen::VectorXd derivative(const Eigen::VectorXd& a, const Eigen::VectorXd& z) const;
    // Scalar forms for formulas and the checker (not softmax).
    double applyScalar(double a) const;
    double derivativeScalar(double a) const;
};

} // namespace bpl
