// Gradient check by central differences: ∂E/∂θ ≈ (E(θ + h) − E(θ − h)) / 2h for
// every weight and bias, compared with backpropagation's gradient.
#pragma once

#include "core/network.h"
#include "core/quantity.h"

namespace bpl {

struct GradientCheck {
    double maxRelativeError = 0;  // largest |num − backprop| / max(|num| + |backprop|, floor)
    double maxAbsoluteError = 0;
    QuantityRef worst;            // the parameter with the largest relative error
    int parametersChecked = 0;
    double step = 1e-6;
};

GradientCheck checkGradients(const Network& network, const Sample& sample, double step = 1e-6);

} // namespace bpl
