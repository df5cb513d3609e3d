#include "core/numerics.h"

#include <cmath>

namespace bpl {

double sigmoid(double a) {
    if (a >= 0) {
        return 1.0 / (1.0 + std::exp(-a));
    }
    const double e = std::exp(a);
    return e / (1.0 + e);
}

double softplus(double a) { return std::max(a, 0.0) + std::log1p(std::exp(-std::abs(a))); }

double logSigmoid(double a) { return -softplus(-a); }

double logSumExp(const Eigen::VectorXd& a) {
    const double m = a.maxCoeff();
    return m + std::log((a.array() - m).exp().sum());
}

Eigen::VectorXd softmax(const Eigen::VectorXd& a) {
    Eigen::VectorXd e = (a.array() - a.maxCoeff()).exp();
    return e / e.sum();
}

Eigen::VectorXd logSoftmax(const Eigen::VectorXd& a) {
    return a.array() - logSumExp(a);
}

} // namespace bpl
