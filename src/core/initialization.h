// Seeded random initialisation of a network's weights (teaching-content.md
// section 7): uniform, Xavier/Glorot, He, and all-zero (the symmetry trap).
// The generator is the core's SplitMix64 (core/common/split_mix64.h), so the
// same seed gives the same weights on every platform and compiler.
#pragma once

#include "core/common/split_mix64.h"
#include "core/network.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bpl {

enum class InitScheme {
    Uniform, // w ~ U(−r, r) for a chosen range r
    Xavier,  // Glorot uniform: w ~ U(−√(6/(n_in + n_out)), +√(6/(n_in + n_out)))
    He,      // He (Kaiming) uniform: w ~ U(−√(6/n_in), +√(6/n_in)), for ReLU layers
    Zero,    // every weight 0: hidden units stay identical forever
};

struct InitOptions {
    InitScheme scheme = InitScheme::Xavier;
    std::uint64_t seed = 1;
    double range = 0.5; // r of the Uniform scheme
};

// "uniform", "xavier", "he", "zero".
std::string initSchemeKey(InitScheme scheme);
// For menus: "Xavier/Glorot uniform", ….
std::string initSchemeTitle(InitScheme scheme);
const std::vector<InitScheme>& allInitSchemes();

// Half-width of the uniform interval the scheme draws layer l's weights from.
double initLimit(const Network& network, int layer, const InitOptions& options);

// A copy of the network with new weights for every layer and all biases 0.
// Shapes, activations, loss, sample and labels are unchanged.
Network initializeWeights(const Network& network, const InitOptions& options);

} // namespace bpl
