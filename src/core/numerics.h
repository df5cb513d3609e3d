// Numerically stable scalar helpers, stated once and reused everywhere:
// sigmoid, log-sigmoid, softplus and log-sum-exp. They never overflow for
// finite inputs (|a| up to 1e308), so saturated units give large finite losses.
#pragma once

#include <Eigen/Dense>

namespace bpl {

// σ(a) = 1 / (1 + e^(−a)), evaluated on the side where the exponential is ≤ 1.
double sigmoid(double a);
// ln σ(a) = −softplus(−a).
double logSigmoid(double a);
// softplus(a) = ln(1 + e^a) = max(a, 0) + ln(1 + e^(−|a|)).
double softplus(double a);
// ln Σ e^(a_k), shifted by the maximum.
double logSumExp(const Eigen::VectorXd& a);
// softmax(a)_k = e^(a_k − max a) / Σ e^(a_j − max a).
Eigen::VectorXd softmax(const Eigen::VectorXd& a);
// ln softmax(a)_k = a_k − logSumExp(a).
Eigen::VectorXd logSoftmax(const Eigen::VectorXd& a);

} // namespace bpl
