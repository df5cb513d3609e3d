// The activation-function tool of the Worked maths tab (teaching-content.md
// section 7): samples of h and h′ over a range for every activation of
// core/activation.h (which computes them: nothing is re-implemented here), the
// values at a point, where h′ is largest, the identity tanh(x) = 2σ(2x) − 1,
// and softmax of two or three logits with a constant added to every logit.
#pragma once

#include "core/activation.h"

#include <Eigen/Dense>
#include <string>
#include <vector>

namespace bpl {

// Softmax is a vector function: the tool plots its first output over the
// logits (x, 0), which is σ(x), with the diagonal of its Jacobian s(1 − s).
struct ActivationSamples {
    std::vector<double> x;
    std::vector<double> value;      // h(x)
    std::vector<double> derivative; // h′(x)
};

struct ActivationPoint {
    double x = 0;
    double value = 0;      // h(x)
    double derivative = 0; // h′(x)
};

// Where h′ is largest on [from, to]. For a smooth h′ one point (σ′: 0.25 at
// 0, tanh′: 1 at 0); where h′ is flat at its maximum (identity, ReLU) the
// interval [xFrom, xTo] on which it is attained, with x its left end.
struct DerivativeMaximum {
    double x = 0;
    double value = 0;
    double xFrom = 0;
    double xTo = 0;
    bool plateau = false;
    std::string describe(int significantFigures) const; // "h′ max 0.25 at x = 0"
};

// h(x) and h′(x) of one activation (softmax: first output over (x, 0)).
ActivationPoint activationAt(const ActivationFunction& function, double x);
// `count` ≥ 2 equally spaced points from `from` to `to` inclusive.
ActivationSamples sampleActivation(const ActivationFunction& function, double from, double to,
                                   int count);
// Located numerically: a grid of `gridPoints` then golden-section refinement
// around the best grid point (h′ is unimodal near its peak for every
// activation of the app), or the plateau where it is flat.
DerivativeMaximum derivativeMaximum(const ActivationFunction& function, double from, double to,
                                    int gridPoints = 2001);

// 2σ(2x) − 1, computed with the core's stable σ: equal to tanh(x) up to rounding.
double tanhFromSigmoid(double x);
// max |tanh(x) − (2σ(2x) − 1)| over `count` equally spaced points.
double tanhIdentityError(double from, double to, int count);

// softmax(a) and softmax(a + c·1): equal, because e^(a_k + c) / Σ e^(a_j + c)
// = e^c e^(a_k) / (e^c Σ e^(a_j)).
struct SoftmaxShift {
    Eigen::VectorXd logits;
    Eigen::VectorXd probabilities;
    double shift = 0;
    Eigen::VectorXd shiftedLogits;
    Eigen::VectorXd shiftedProbabilities;
    double maxDifference = 0; // max_k |p_k − p′_k|: rounding only
};
SoftmaxShift softmaxWithShift(const Eigen::VectorXd& logits, double shift);

// "sigmoid" → "σ(x)", used in legends and the details text.
std::string activationFormula(Activation activation);
std::string activationDerivativeFormula(Activation activation);

} // namespace bpl
