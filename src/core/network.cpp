#include "core/network.h"

#include "core/loss_pairing.h"
#include "core/sample_rules.h"

#include <cmath>

namespace bpl {

long Network::parameterCount() const {
    long n = 0;
    for (int l = 1; l < layerCount(); ++l) {
        n += static_cast<long>(layers[l].weights.size() + layers[l].bias.size());
    }
    return n;
}

ForwardPass forward(const Network& network, const Eigen::VectorXd& input) {
    ForwardPass pass;
    const int count = network.layerCount();
    pass.a.resize(count);
    pass.z.resize(count);
    pass.z[0] = input;
    for (int l = 1; l < count; ++l) {
        const Layer& layer = network.layers[l];
        pass.a[l] = layer.weights * pass.z[l - 1] + layer.bias;
        pass.z[l] = layer.activation.apply(pass.a[l]);
    }
    return pass;
}

double loss(const Network& network, const ForwardPass& pass, const Eigen::VectorXd& target) {
    const int last = network.lastLayer();
    return lossValue(network.loss, network.layers[last].activation, pass.a[last], pass.z[last],
                     target);
}

Gradients backward(const Network& network, const ForwardPass& pass, const Eigen::VectorXd& target) {
    const int count = network.layerCount();
    const int last = count - 1;
    Gradients g;
    g.delta.resize(count);
    g.weights.resize(count);
    g.bias.resize(count);
    // δ⁽ᴸ⁾ = h′(a⁽ᴸ⁾) ⊙ ∂E/∂y  (or y − t for the canonical pairs)
    g.delta[last] = outputDelta(network.loss, network.layers[last].activation, pass.a[last],
                                pass.z[last], target);
    // δ⁽ˡ⁾ = h′(a⁽ˡ⁾) ⊙ (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾
    for (int l = last - 1; l >= 1; --l) {
        const Eigen::VectorXd back = network.layers[l + 1].weights.transpose() * g.delta[l + 1];
        g.delta[l] = (network.layers[l].activation.derivative(pass.a[l], pass.z[l]).array() *
                      back.array())
                         .matrix();
    }
    // ∂E/∂W⁽ˡ⁾ = δ⁽ˡ⁾ (z⁽ˡ⁻¹⁾)ᵀ, ∂E/∂b⁽ˡ⁾ = δ⁽ˡ⁾
    for (int l = 1; l <= last; ++l) {
        g.weights[l] = g.delta[l] * pass.z[l - 1].transpose();
        g.bias[l] = g.delta[l];
    }
    return g;
}

Eigen::VectorXd inputGradient(const Network& network, const Gradients& gradients) {
    return network.layers[1].weights.transpose() * gradients.delta[1];
}

Network applyGradients(const Network& network, const Gradients& gradients, double learningRate) {
    Network updated = network;
    for (int l = 1; l < network.layerCount(); ++l) {
        updated.layers[l].weights -= learningRate * gradients.weights[l];
        updated.layers[l].bias -= learningRate * gradients.bias[l];
    }
    return updated;
}

BatchResult batchGradients(const Network& network, const std::vector<Sample>& samples) {
    BatchResult result;
    const int count = network.layerCount();
    result.gradients.delta.resize(count);
    result.gradients.weights.resize(count);
    result.gradients.bias.resize(count);
    for (int l = 1; l < count; ++l) {
        const Layer& layer = network.layers[l];
        result.gradients.weights[l] = Eigen::MatrixXd::Zero(layer.weights.rows(), layer.weights.cols());
        result.gradients.bias[l] = Eigen::VectorXd::Zero(layer.size);
        result.gradients.delta[l] = Eigen::VectorXd::Zero(layer.size);
    }
    if (samples.empty()) {
        return result;
    }
    const double scale = 1.0 / static_cast<double>(samples.size());
    for (const Sample& sample : samples) {
        const ForwardPass pass = forward(network, sample.input);
        result.meanLoss += scale * loss(network, pass, sample.target);
        const Gradients g = backward(network, pass, sample.target);
        for (int l = 1; l < count; ++l) {
            result.gradients.weights[l] += scale * g.weights[l];
            result.gradients.bias[l] += scale * g.bias[l];
            result.gradients.delta[l] += scale * g.delta[l];
        }
    }
    return result;
}

std::vector<std::string> structuralProblems(const Network& network) {
    std::vector<std::string> problems;
    if (network.layerCount() < 2) {
        problems.push_back("a network needs an input layer and at least one more layer");
        return problems;
    }
    for (int l = 0; l < network.layerCount(); ++l) {
        const Layer& layer = network.layers[l];
        const std::string where = "layer " + std::to_string(l);
        if (layer.size < 1) {
            problems.push_back(where + " has no neurons; every layer needs at least 1");
            continue;
        }
        if (l == 0) {
            continue;
        }
        const int prev = network.layers[l - 1].size;
        if (layer.weights.rows() != layer.size || layer.weights.cols() != prev) {
            problems.push_back(where + ": weights must be " + std::to_string(layer.size) + " × " +
                               std::to_string(prev));
        }
        if (layer.bias.size() != layer.size) {
            problems.push_back(where + ": bias must have " + std::to_string(layer.size) + " numbers");
        }
        if (layer.activation.kind == Activation::Softmax && l != network.lastLayer()) {
            problems.push_back(where + ": softmax is only allowed on the last layer");
        }
    }
    const Activation out = network.layers.back().activation.kind;
    if (const auto mismatch = lossOutputMismatch(network.loss, out)) problems.push_back(mismatch->reason);
    if (!(std::isfinite(network.learningRate) && network.learningRate > 0)) {
        problems.push_back("the learning rate must be finite and greater than 0");
    }
    // The sample's rules live in one place (core/sample_rules.h).
    if (std::string p = inputProblem(network, network.sample.input); !p.empty()) problems.push_back(p);
    if (std::string p = targetProblem(network, network.sample.target); !p.empty()) problems.push_back(p);
    return problems;
}

} // namespace bpl
