// Variant codes of exercise sheets (ISSUE13-DESIGN.md): "SHAPE/XXXX", e.g.
// "3-2-1/7F3K". SHAPE names the exercise (a network's layer sizes joined by
// '-', "chain" for an expression, "conv4x4-2x2" for a convolution); XXXX is
// the variant number 0 … 2²⁰−1 in four Crockford base-32 digits
// (0123456789ABCDEFGHJKMNPQRSTVWXYZ), read case-insensitively with I/L as 1,
// O as 0 and spaces or hyphens inside the digits ignored. A class seed gives
// every student a distinct number (classVariantNumbers).
#pragma once

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bpl::exercise {

// Variant numbers lie in [0, kVariantNumberCount).
constexpr std::uint32_t kVariantNumberCount = 1u << 20;
constexpr int kVariantDigits = 4;

struct VariantCode {
    std::string shape;        // "3-2-1", "chain", "conv4x4-2x2"
    std::uint32_t number = 0; // 0 … 2²⁰−1

    friend bool operator==(const VariantCode&, const VariantCode&) = default;
};

// "7F3K": the number in four Crockford base-32 digits (number < 2²⁰).
std::string formatVariantNumber(std::uint32_t number);
// "3-2-1/7F3K".
std::string formatVariantCode(const VariantCode& code);

// The number of "7F3K" (also "7f3k", "7F-3K", "7f 3k"); an Error with place
// "variant" and the reason otherwise ("'7F3U': U is not a base-32 digit").
Result<std::uint32_t> parseVariantNumber(std::string_view digits);
// "3-2-1/7F3K"; spaces around are ignored. Errors name what is wrong:
// no '/', an unknown shape, a digit that is not Crockford base-32, too few or
// too many digits.
Result<VariantCode> parseVariantCode(std::string_view text);

// True for text that is a valid SHAPE ("3-2-1", "chain", "conv4x4-2x2").
bool isVariantShape(std::string_view shape);
// "a 3-2-1 network", "a chain-rule exercise", "a 4×4 convolution with a 2×2 filter".
std::string describeVariantShape(const std::string& shape);
// Nothing when the code is for `exerciseShape`; otherwise Error{"", "variant",
// "code 2-2-1/7F3K is for a 2-2-1 network; this exercise is 3-2-1"}.
std::optional<Error> variantShapeProblem(const VariantCode& code, const std::string& exerciseShape);

// The first `count` distinct variant numbers drawn by SplitMix64(seed):
// number = next() mod 2²⁰, skipping repeats and numbers for which `admits`
// returns false (no hand-workable variant). Student k's number depends only on
// seed and k. Fewer than `count` when the admitted numbers run out (after a
// bounded number of draws) or as soon as more numbers were refused than admitted:
// a refused number has already failed kMaxVariantAttempts draws, the rule by
// which `trace --variant` gives up, so a template that admits nothing is refused
// after one number's draws (under a second), not after 64·count + 4096 of them.
std::vector<std::uint32_t>
classVariantNumbers(std::uint64_t seed, int count,
                    const std::function<bool(std::uint32_t)>& admits = {});

} // namespace bpl::exercise
