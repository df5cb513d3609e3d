#include "core/common/split_mix64.h"

#include <cmath>
#include <numbers>
#include <utility>

namespace bpl {

std::uint64_t SplitMix64::next() {
    // The constants are those of the reference code.
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double SplitMix64::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double SplitMix64::normal() {
    const double u1 = uniform();
    const double u2 = uniform();
    // 1 − u₁ ∈ (0, 1], so the logarithm is finite.
    return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

void SplitMix64::shuffle(std::vector<int>& items) {
    for (std::size_t i = items.size(); i-- > 1;) {
        const auto j = static_cast<std::size_t>(next() % (i + 1));
        std::swap(items[i], items[j]);
    }
}

} // namespace bpl
