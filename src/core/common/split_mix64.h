// The one seeded random-number generator of the core (shared/spec/training.md,
// "Random numbers"): SplitMix64 (Steele, Lea & Flood 2014, the splitmix64 of
// Vigna's reference code) with our own mappings to uniforms, bounded integers,
// normal deviates and shuffles, so the same seed gives the same numbers with
// any compiler and standard library. Data generation, splits, epoch shuffles,
// weight initialisation and the logistic-regression lab all draw from it.
#pragma once

#include <cstdint>
#include <vector>

namespace bpl {

class SplitMix64 {
  public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    // state += 0x9E3779B97F4A7C15, then the two xor-shift-multiply rounds.
    std::uint64_t next();
    // (next() >> 11) · 2⁻⁵³: uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform in [−limit, limit): (2u − 1) · limit.
    double symmetric(double limit) { return (2.0 * uniform() - 1.0) * limit; }
    // next() % n, for n ≥ 1.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    // √(−2 ln(1 − u₁)) · cos(2π u₂): one standard normal deviate per pair of
    // uniforms, nothing cached.
    double normal();
    // Fisher–Yates from the end: for i = n−1 down to 1, j = next() % (i + 1),
    // swap items i and j.
    void shuffle(std::vector<int>& items);

  private:
    std::uint64_t state_;
};

} // namespace bpl
