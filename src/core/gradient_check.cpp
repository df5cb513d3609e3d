#include "core/gradient_check.h"

#include <cmath>

namespace bpl {

namespace {

double lossAt(const Network& network, const Sample& sample) {
    return loss(network, forward(network, sample.input), sample.target);
}

// Relative error with a floor on the denominator: a gradient a million times
// smaller than the network's largest one is compared at that scale, because the
// rounding noise of E(θ ± h) (about ε·|E|/h) would otherwise dominate it.
double relativeError(double numeric, double analytic, double floor) {
    const double denom = std::max(std::abs(numeric) + std::abs(analytic), floor);
    return std::abs(numeric - analytic) / denom;
}

} // namespace

GradientCheck checkGradients(const Network& network, const Sample& sample, double step) {
    GradientCheck result;
    result.step = step;
    const Gradients g = backward(network, forward(network, sample.input), sample.target);
    double largest = 0;
    for (int l = 1; l < network.layerCount(); ++l) {
        largest = std::max({largest, g.weights[l].cwiseAbs().maxCoeff(), g.bias[l].cwiseAbs().maxCoeff()});
    }
    const double floor = std::max(1e-7, 1e-3 * largest);
    Network probe = network;
    auto check = [&](double& parameter, double analytic, QuantityRef ref) {
        const double saved = parameter;
        parameter = saved + step;
        const double plus = lossAt(probe, sample);
        parameter = saved - step;
        const double minus = lossAt(probe, sample);
        parameter = saved;
        const double numeric = (plus - minus) / (2 * step);
        const double rel = relativeError(numeric, analytic, floor);
        result.maxAbsoluteError = std::max(result.maxAbsoluteError, std::abs(numeric - analytic));
        if (rel > result.maxRelativeError || result.parametersChecked == 0) {
            result.maxRelativeError = rel;
            result.worst = ref;
        }
        ++result.parametersChecked;
    };
    for (int l = 1; l < probe.layerCount(); ++l) {
        Layer& layer = probe.layers[l];
        for (int i = 0; i < layer.weights.rows(); ++i) {
            for (int j = 0; j < layer.weights.cols(); ++j) {
                check(layer.weights(i, j), g.weights[l](i, j), {Quantity::GradWeights, l, i, j});
            }
            check(layer.bias[i], g.bias[l][i], {Quantity::GradBias, l, i, -1});
        }
    }
    return result;
}

} // namespace bpl
