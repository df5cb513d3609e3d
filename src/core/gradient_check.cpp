#include "core/gradient_check.h"

#include <cmath>

namespace bpl {

namespace {

double lossAt(const Network& network, const Sample& sample) {
    return loss(network, forward(network, sample.input), sample.target);
}

// Relative error with a floor on the denominator, so two tiny gradients that
// agree to rounding are not reported as 100 % apart.
double relativeError(double numeric, double analytic) {
    const double denom = std::max(std::abs(numeric) + std::abs(analytic), 1e-7);
    return std::abs(numeric - analytic) / denom;
}

} // namespace

GradientCheck checkGradients(const Network& network, const Sample& sample, double step) {
    GradientCheck result;
    result.step = step;
    const Gradients g = backward(network, forward(network, sample.input), sample.target);
    Network probe = network;
    auto check = [&](double& parameter, double analytic, QuantityRef ref) {
        const double saved = parameter;
        parameter = saved + step;
        const double plus = lossAt(probe, sample);
        parameter = saved - step;
        const double minus = lossAt(probe, sample);
        parameter = saved;
        const double numeric = (plus - minus) / (2 * step);
        const double rel = relativeError(numeric, analytic);
        result.maxAbsoluteError = std::max(result.maxAbsoluteError, std::abs(numeric - analytic));
        if (rel > result.maxRelativeError || result.parametersChecked == 0) {
            result.maxRelativeError = std::max(rel, result.maxRelativeError);
            if (rel >= result.maxRelativeError) result.worst = ref;
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
