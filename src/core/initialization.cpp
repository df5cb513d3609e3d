#include "core/initialization.h"

#include <cmath>

namespace bpl {

std::string initSchemeKey(InitScheme scheme) {
    switch (scheme) {
    case InitScheme::Uniform: return "uniform";
    case InitScheme::Xavier: return "xavier";
    case InitScheme::He: return "he";
    case InitScheme::Zero: return "zero";
    }
    return "xavier";
}

std::string initSchemeTitle(InitScheme scheme) {
    switch (scheme) {
    case InitScheme::Uniform: return "Uniform";
    case InitScheme::Xavier: return "Xavier/Glorot uniform";
    case InitScheme::He: return "He (Kaiming) uniform";
    case InitScheme::Zero: return "All zero";
    }
    return "Xavier/Glorot uniform";
}

const std::vector<InitScheme>& allInitSchemes() {
    static const std::vector<InitScheme> all = {InitScheme::Xavier, InitScheme::He, InitScheme::Uniform,
                                                InitScheme::Zero};
    return all;
}

double initLimit(const Network& network, int layer, const InitOptions& options) {
    const double fanIn = network.layers[layer - 1].size;
    const double fanOut = network.layers[layer].size;
    switch (options.scheme) {
    case InitScheme::Uniform: return std::abs(options.range);
    case InitScheme::Xavier: return std::sqrt(6.0 / (fanIn + fanOut));
    case InitScheme::He: return std::sqrt(6.0 / fanIn);
    case InitScheme::Zero: return 0.0;
    }
    return 0.0;
}

Network initializeWeights(const Network& network, const InitOptions& options) {
    Network out = network;
    SplitMix64 rng(options.seed);
    for (int l = 1; l < out.layerCount(); ++l) {
        Layer& layer = out.layers[l];
        const int fanIn = network.layers[l - 1].size;
        const double limit = initLimit(network, l, options);
        layer.weights.resize(layer.size, fanIn);
        // Row by row, so a weight's value does not depend on Eigen's storage order.
        for (int i = 0; i < layer.size; ++i) {
            for (int j = 0; j < fanIn; ++j) {
                layer.weights(i, j) = options.scheme == InitScheme::Zero ? 0.0 : rng.symmetric(limit);
            }
        }
        layer.bias = Eigen::VectorXd::Zero(layer.size);
    }
    return out;
}

} // namespace bpl
