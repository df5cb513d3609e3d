#include "core/activation.h"

#include "core/numerics.h"

#include <cmath>

namespace bpl {

std::string activationName(Activation activation) {
    switch (activation) {
    case Activation::Identity: return "identity";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Tanh: return "tanh";
    case Activation::Relu: return "relu";
    case Activation::LeakyRelu: return "leaky_relu";
    case Activation::Step: return "step";
    case Activation::Softmax: return "softmax";
    }
    return "identity";
}

std::optional<Activation> activationFromName(const std::string& name) {
    for (Activation a : allActivations()) {
        if (activationName(a) == name) {
            return a;
        }
    }
    if (name == "linear") {
        return Activation::Identity;
    }
    return std::nullopt;
}

const std::vector<Activation>& allActivations() {
    static const std::vector<Activation> all = {
        Activation::Identity, Activation::Sigmoid, Activation::Tanh,    Activation::Relu,
        Activation::LeakyRelu, Activation::Step,   Activation::Softmax};
    return all;
}

double ActivationFunction::applyScalar(double a) const {
    switch (kind) {
    case Activation::Identity: return a;
    case Activation::Sigmoid: return sigmoid(a);
    case Activation::Tanh: return std::tanh(a);
    case Activation::Relu: return a > 0 ? a : 0.0;
    case Activation::LeakyRelu: return a > 0 ? a : alpha * a;
    case Activation::Step: return a > 0 ? 1.0 : (a == 0 ? stepAtZero : 0.0);
    case Activation::Softmax: return 1.0; // softmax of a single unit
    }
    return a;
}

double ActivationFunction::derivativeScalar(double a) const {
    switch (kind) {
    case Activation::Identity: return 1.0;
    case Activation::Sigmoid: {
        const double s = sigmoid(a);
        return s * (1.0 - s);
    }
    case Activation::Tanh: {
        const double t = std::tanh(a);
        return 1.0 - t * t;
    }
    case Activation::Relu: return a > 0 ? 1.0 : 0.0;
    case Activation::LeakyRelu: return a > 0 ? 1.0 : alpha;
    case Activation::Step: return 0.0;
    case Activation::Softmax: return 0.0;
    }
    return 1.0;
}

Eigen::VectorXd ActivationFunction::apply(const Eigen::VectorXd& a) const {
    if (kind == Activation::Softmax) {
        return softmax(a);
    }
    return a.unaryExpr([this](double v) { return applyScalar(v); });
}

Eigen::VectorXd ActivationFunction::derivative(const Eigen::VectorXd& a,
                                               const Eigen::VectorXd& z) const {
    if (kind == Activation::Softmax) {
        return z.array() * (1.0 - z.array());
    }
    return a.unaryExpr([this](double v) { return derivativeScalar(v); });
}

} // namespace bpl
