#include "core/initialization.h"

#include <cmath>

namespace bpl {

std::uint64_t SplitMix64::next() {
    // Steele, Lea & Flood (2014); the constants are those of the reference code.
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double SplitMix64::uniform01() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

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
