#include "core/maths/activation_analysis.h"

#include "core/number_format.h"
#include "core/numerics.h"

#include <algorithm>
#include <cmath>

namespace bpl {

namespace {

double derivativeAt(const ActivationFunction& function, double x) {
    return activationAt(function, x).derivative;
}

// The maximiser of h′ between a and b, by golden-section search.
double goldenSectionMax(const ActivationFunction& function, double a, double b) {
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double c = b - ratio * (b - a);
    double d = a + ratio * (b - a);
    double fc = derivativeAt(function, c);
    double fd = derivativeAt(function, d);
    for (int i = 0; i < 200 && b - a > 1e-15 * std::max(1.0, std::abs(a) + std::abs(b)); ++i) {
        if (fc >= fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - ratio * (b - a);
            fc = derivativeAt(function, c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + ratio * (b - a);
            fd = derivativeAt(function, d);
        }
    }
    return (a + b) / 2;
}

// The edge of a plateau between `outside` (below the maximum) and `inside`
// (at it), by bisection.
double plateauEdge(const ActivationFunction& function, double outside, double inside, double top,
                   double closeEnough) {
    for (int i = 0; i < 200; ++i) {
        const double mid = (outside + inside) / 2;
        if (mid == outside || mid == inside)
            break;
        if (derivativeAt(function, mid) >= top - closeEnough) {
            inside = mid;
        } else {
            outside = mid;
        }
    }
    return inside;
}

} // namespace

ActivationPoint activationAt(const ActivationFunction& function, double x) {
    ActivationPoint point;
    point.x = x;
    if (function.kind == Activation::Softmax) {
        const Eigen::Vector2d logits(x, 0.0);
        const Eigen::VectorXd z = function.apply(logits);
        point.value = z(0);
        point.derivative = function.derivative(logits, z)(0);
        return point;
    }
    point.value = function.applyScalar(x);
    point.derivative = function.derivativeScalar(x);
    return point;
}

ActivationSamples sampleActivation(const ActivationFunction& function, double from, double to,
                                   int count) {
    count = std::max(count, 2);
    ActivationSamples samples;
    samples.x.reserve(count);
    samples.value.reserve(count);
    samples.derivative.reserve(count);
    for (int i = 0; i < count; ++i) {
        const double x = from + (to - from) * i / (count - 1);
        const ActivationPoint p = activationAt(function, x);
        samples.x.push_back(x);
        samples.value.push_back(p.value);
        samples.derivative.push_back(p.derivative);
    }
    return samples;
}

DerivativeMaximum derivativeMaximum(const ActivationFunction& function, double from, double to,
                                    int gridPoints) {
    const ActivationSamples grid = sampleActivation(function, from, to, std::max(gridPoints, 3));
    const auto& d = grid.derivative;
    const int n = static_cast<int>(d.size());
    const int best = static_cast<int>(std::max_element(d.begin(), d.end()) - d.begin());
    const double top = d[best];
    const double closeEnough = 1e-12 * std::max(1.0, std::abs(top));
    int first = best;
    int last = best;
    while (first > 0 && d[first - 1] >= top - closeEnough)
        --first;
    while (last < n - 1 && d[last + 1] >= top - closeEnough)
        ++last;

    DerivativeMaximum maximum;
    maximum.value = top;
    if (last - first >= 2) {
        // Flat at its maximum: report where the plateau starts and ends.
        const double span = (to - from) * 1e-12;
        auto snap = [span](double x) { return std::abs(x) < span ? 0.0 : x; };
        maximum.plateau = true;
        maximum.xFrom =
            first == 0
                ? grid.x[0]
                : snap(plateauEdge(function, grid.x[first - 1], grid.x[first], top, closeEnough));
        maximum.xTo =
            last == n - 1
                ? grid.x[n - 1]
                : snap(plateauEdge(function, grid.x[last + 1], grid.x[last], top, closeEnough));
        maximum.x = maximum.xFrom;
        return maximum;
    }
    const double a = grid.x[std::max(best - 1, 0)];
    const double b = grid.x[std::min(best + 1, n - 1)];
    const double x = goldenSectionMax(function, a, b);
    const double value = derivativeAt(function, x);
    maximum.x = value >= top ? x : grid.x[best];
    maximum.value = std::max(value, top);
    // Round-off left of the peak: 1e-9 of the range is below any plotted pixel.
    if (std::abs(maximum.x) < 1e-9 * (to - from))
        maximum.x = 0;
    maximum.xFrom = maximum.xTo = maximum.x;
    return maximum;
}

std::string DerivativeMaximum::describe(int significantFigures) const {
    const std::string v = formatNumber(value, significantFigures);
    if (plateau) {
        return "h′ max " + v + " for x in [" + formatNumber(xFrom, significantFigures) + ", " +
               formatNumber(xTo, significantFigures) + "]";
    }
    return "h′ max " + v + " at x = " + formatNumber(x, significantFigures);
}

double tanhFromSigmoid(double x) {
    return 2.0 * sigmoid(2.0 * x) - 1.0;
}

double tanhIdentityError(double from, double to, int count) {
    count = std::max(count, 2);
    double worst = 0;
    for (int i = 0; i < count; ++i) {
        const double x = from + (to - from) * i / (count - 1);
        worst = std::max(worst, std::abs(std::tanh(x) - tanhFromSigmoid(x)));
    }
    return worst;
}

SoftmaxShift softmaxWithShift(const Eigen::VectorXd& logits, double shift) {
    SoftmaxShift result;
    result.logits = logits;
    result.shift = shift;
    result.probabilities = softmax(logits);
    result.shiftedLogits = logits.array() + shift;
    result.shiftedProbabilities = softmax(result.shiftedLogits);
    result.maxDifference =
        logits.size() == 0
            ? 0.0
            : (result.probabilities - result.shiftedProbabilities).cwiseAbs().maxCoeff();
    return result;
}

std::string activationFormula(Activation activation) {
    switch (activation) {
    case Activation::Identity:
        return "h(x) = x";
    case Activation::Sigmoid:
        return "σ(x) = 1 / (1 + e^(−x))";
    case Activation::Tanh:
        return "tanh(x) = 2σ(2x) − 1";
    case Activation::Relu:
        return "ReLU(x) = max(0, x)";
    case Activation::LeakyRelu:
        return "LReLU(x) = x for x > 0, αx otherwise";
    case Activation::Step:
        return "U(x) = 1 for x > 0, 0 otherwise";
    case Activation::Softmax:
        return "softmax₁(x, 0) = e^x / (e^x + e^0) = σ(x)";
    }
    return {};
}

std::string activationDerivativeFormula(Activation activation) {
    switch (activation) {
    case Activation::Identity:
        return "h′(x) = 1";
    case Activation::Sigmoid:
        return "σ′(x) = σ(x)(1 − σ(x))";
    case Activation::Tanh:
        return "tanh′(x) = 1 − tanh²(x)";
    case Activation::Relu:
        return "ReLU′(x) = 1 for x > 0, 0 otherwise";
    case Activation::LeakyRelu:
        return "LReLU′(x) = 1 for x > 0, α otherwise";
    case Activation::Step:
        return "U′(x) = 0 (undefined at the jump)";
    case Activation::Softmax:
        return "∂s₁/∂x = s₁(1 − s₁)";
    }
    return {};
}

} // namespace bpl
