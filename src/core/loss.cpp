#include "core/loss.h"

#include "core/numerics.h"

#include <cmath>

namespace bpl {

std::string lossName(Loss loss) {
    switch (loss) {
    case Loss::HalfSquaredError: return "half_squared_error";
    case Loss::SquaredError: return "squared_error";
    case Loss::MeanSquaredError: return "mean_squared_error";
    case Loss::BinaryCrossEntropy: return "binary_cross_entropy";
    case Loss::CrossEntropy: return "cross_entropy";
    }
    return "half_squared_error";
}

const std::vector<Loss>& allLosses() {
    static const std::vector<Loss> all = {Loss::HalfSquaredError, Loss::SquaredError,
                                          Loss::MeanSquaredError, Loss::BinaryCrossEntropy,
                                          Loss::CrossEntropy};
    return all;
}

std::optional<Loss> lossFromName(const std::string& name) {
    for (Loss l : allLosses()) {
        if (lossName(l) == name) {
            return l;
        }
    }
    return std::nullopt;
}

namespace {
// ln y and ln(1 − y) for one output, from the pre-activation when the unit is a
// sigmoid (so a saturated unit gives a large finite value), else from y itself
// with y clamped away from 0 and 1 by the smallest positive double.
void logTerms(const ActivationFunction& output, double a, double y, double& lnY, double& ln1mY) {
    if (output.kind == Activation::Sigmoid) {
        lnY = logSigmoid(a);
        ln1mY = logSigmoid(-a);
        return;
    }
    const double tiny = std::numeric_limits<double>::min();
    lnY = std::log(std::max(y, tiny));
    ln1mY = std::log(std::max(1.0 - y, tiny));
}
} // namespace

double lossValue(Loss loss, const ActivationFunction& output, const Eigen::VectorXd& a,
                 const Eigen::VectorXd& y, const Eigen::VectorXd& t) {
    const Eigen::VectorXd r = y - t;
    switch (loss) {
    case Loss::HalfSquaredError: return 0.5 * r.squaredNorm();
    case Loss::SquaredError: return r.squaredNorm();
    case Loss::MeanSquaredError: return r.squaredNorm() / static_cast<double>(r.size());
    case Loss::BinaryCrossEntropy: {
        double e = 0;
        for (Eigen::Index k = 0; k < y.size(); ++k) {
            double lnY = 0, ln1mY = 0;
            logTerms(output, a[k], y[k], lnY, ln1mY);
            // Skip 0 × ln(…) terms so a hard target never multiplies −∞.
            if (t[k] != 0.0) e -= t[k] * lnY;
            if (t[k] != 1.0) e -= (1.0 - t[k]) * ln1mY;
        }
        return e;
    }
    case Loss::CrossEntropy: {
        Eigen::VectorXd lnY;
        if (output.kind == Activation::Softmax) {
            lnY = logSoftmax(a);
        } else {
            lnY = y.array().max(std::numeric_limits<double>::min()).log();
        }
        double e = 0;
        for (Eigen::Index k = 0; k < y.size(); ++k) {
            if (t[k] != 0.0) e -= t[k] * lnY[k];
        }
        return e;
    }
    }
    return 0;
}

Eigen::VectorXd lossGradient(Loss loss, const Eigen::VectorXd& y, const Eigen::VectorXd& t) {
    const Eigen::VectorXd r = y - t;
    switch (loss) {
    case Loss::HalfSquaredError: return r;
    case Loss::SquaredError: return 2.0 * r;
    case Loss::MeanSquaredError: return (2.0 / static_cast<double>(r.size())) * r;
    case Loss::BinaryCrossEntropy: {
        const double tiny = 1e-300;
        return (-t.array() / y.array().max(tiny) +
                (1.0 - t.array()) / (1.0 - y.array()).max(tiny))
            .matrix();
    }
    case Loss::CrossEntropy: return (-t.array() / y.array().max(1e-300)).matrix();
    }
    return r;
}

bool outputDeltaIsResidual(Loss loss, Activation output) {
    return (loss == Loss::BinaryCrossEntropy && output == Activation::Sigmoid) ||
           (loss == Loss::CrossEntropy && output == Activation::Softmax) ||
           (loss == Loss::HalfSquaredError && output == Activation::Identity);
}

Eigen::VectorXd outputDelta(Loss loss, const ActivationFunction& output, const Eigen::VectorXd& a,
                            const Eigen::VectorXd& y, const Eigen::VectorXd& t) {
    if (outputDeltaIsResidual(loss, output.kind)) {
        return y - t;
    }
    return (output.derivative(a, y).array() * lossGradient(loss, y, t).array()).matrix();
}

} // namespace bpl
