// Two-class Gaussian data sets for the logistic-regression lab: each class is
// a round Gaussian cloud with its own mean and spread; the points of both
// classes are interleaved in a seeded random order. Same seed, same data, on
// every platform (see core/common/split_mix64.h).
#pragma once

#include "core/logreg.h"

#include <cstdint>
#include <string>

namespace bpl {

struct GaussianClass {
    double meanX1 = 0.0;
    double meanX2 = 0.0;
    double spread = 1.0; // standard deviation along each axis
    int count = 100;     // points in this class
};

struct TwoGaussians {
    GaussianClass class0{2.0, -7.0, 1.3, 100}; // label t = 0
    GaussianClass class1{0.0, -3.0, 1.3, 100}; // label t = 1
    std::uint64_t seed = 2;
};

// The largest data set the generator makes (per class).
constexpr int kMaxGeneratedPerClass = 10'000'000;

// What is wrong with the specification, or an empty string.
std::string twoGaussiansProblem(const TwoGaussians& spec);
// The data set; call only when twoGaussiansProblem(spec) is empty.
LogRegData generateTwoGaussians(const TwoGaussians& spec);

} // namespace bpl
