#include "core/logreg_random.h"

#include <cmath>
#include <numbers>
#include <utility>

namespace bpl {

double SeededRandom::uniform() {
    return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

std::uint64_t SeededRandom::below(std::uint64_t n) {
    // Accept only draws below the largest multiple of n, so every residue is
    // equally likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t draw = engine_();
    while (draw >= limit)
        draw = engine_();
    return draw % n;
}

double SeededRandom::normal() {
    if (haveCachedNormal_) {
        haveCachedNormal_ = false;
        return cachedNormal_;
    }
    // u1 ∈ (0, 1] so that ln u1 is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    cachedNormal_ = radius * std::sin(angle);
    haveCachedNormal_ = true;
    return radius * std::cos(angle);
}

void SeededRandom::shuffle(std::vector<int>& order) {
    for (std::size_t k = order.size(); k > 1; --k) {
        const std::size_t j = static_cast<std::size_t>(below(k));
        std::swap(order[k - 1], order[j]);
    }
}

} // namespace bpl
