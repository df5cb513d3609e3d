#include "core/sample_rules.h"

#include "core/number_format.h"

#include <cmath>

namespace bpl {

namespace {

std::string number(double x) {
    return formatNumber(x, 6);
}

std::string countProblem(const char* what, Eigen::Index expected, Eigen::Index found,
                         const std::string& layer) {
    if (found == expected)
        return {};
    return std::string("the ") + what + " needs " + std::to_string(expected) +
           (expected == 1 ? " number (" : " numbers (") + layer + " has " +
           std::to_string(expected) + (expected == 1 ? " neuron" : " neurons") + "), found " +
           std::to_string(found);
}

std::string finiteProblem(const char* what, const Eigen::VectorXd& v) {
    for (Eigen::Index k = 0; k < v.size(); ++k) {
        if (!std::isfinite(v[k]))
            return std::string(what) + " " + std::to_string(k + 1) + " is not a finite number";
    }
    return {};
}

} // namespace

std::string inputProblem(const Network& network, const Eigen::VectorXd& input) {
    if (auto p = countProblem("input", network.inputSize(), input.size(), "layer 0"); !p.empty())
        return p;
    return finiteProblem("input", input);
}

std::string targetProblem(const Network& network, const Eigen::VectorXd& target) {
    if (auto p = countProblem("target", network.outputSize(), target.size(), "the output layer");
        !p.empty()) {
        return p;
    }
    if (auto p = finiteProblem("target", target); !p.empty())
        return p;
    if (network.loss == Loss::BinaryCrossEntropy) {
        for (Eigen::Index k = 0; k < target.size(); ++k) {
            if (target[k] < 0 || target[k] > 1) {
                return "binary_cross_entropy targets must lie in [0, 1]; target " +
                       std::to_string(k + 1) + " is " + number(target[k]);
            }
        }
    }
    if (network.loss == Loss::CrossEntropy) {
        const std::string rule = "cross_entropy targets must be non-negative and sum to 1";
        for (Eigen::Index k = 0; k < target.size(); ++k) {
            if (target[k] < 0)
                return rule + "; target " + std::to_string(k + 1) + " is " + number(target[k]);
        }
        if (std::abs(target.sum() - 1.0) > kTargetSumTolerance)
            return rule + "; they sum to " + number(target.sum());
    }
    return {};
}

} // namespace bpl
