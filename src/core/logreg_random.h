// Seeded random numbers that come out the same on every platform: the raw
// output of std::mt19937_64 (fixed by the C++ standard) turned into uniforms,
// bounded integers, normals (Box–Muller) and shuffles by our own code, because
// the standard's distributions and std::shuffle differ between libraries.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace bpl {

class SeededRandom {
  public:
    explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}

    // Uniform on [0, 1) with 53 random bits.
    double uniform();
    // Uniform integer in [0, n), n ≥ 1, without modulo bias (rejection).
    std::uint64_t below(std::uint64_t n);
    // Standard normal N(0, 1) by the Box–Muller transform (pairs, second cached).
    double normal();
    // Fisher–Yates shuffle of `order` in place.
    void shuffle(std::vector<int>& order);

  private:
    std::mt19937_64 engine_;
    double cachedNormal_ = 0.0;
    bool haveCachedNormal_ = false;
};

} // namespace bpl
