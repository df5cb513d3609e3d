// Logistic regression on two classes of 2-D points (shared/spec/logreg.md):
// the data, the options of one run, the recorded run, the separator line in
// slope–intercept space, and the negative log-likelihood computed in one fused,
// vectorised pass. Training itself is in logreg_trainer.h.
//
// Model: y = σ(w₁x₁ + w₂x₂ + w₀), weights w = (w₁, w₂, w₀).
// NLL(w) = −(1/N) Σₙ [tₙ ln yₙ + (1 − tₙ) ln(1 − yₙ)] = (1/N) Σₙ softplus(sₙ zₙ)
// with zₙ = w·xₙ and sₙ = 1 − 2tₙ, which is finite for every finite w.
#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bpl {

// Two classes of points, stored column-wise so that a pass over the data reads
// three contiguous streams. t holds 0 or 1.
struct LogRegData {
    Eigen::ArrayXd x1;
    Eigen::ArrayXd x2;
    Eigen::ArrayXd t;

    Eigen::Index size() const { return t.size(); }
    // Number of points with label `label` (0 or 1).
    Eigen::Index countOf(int label) const;
};

enum class LogRegMethod { GradientDescent, Stochastic, MiniBatch };

// "gd", "sgd", "minibatch" (the spec's and the command line's names).
const char* methodId(LogRegMethod method);
bool methodFromId(const std::string& id, LogRegMethod& method);
// "GD", "SGD", "Mini-batch": for legends and titles.
const char* methodLabel(LogRegMethod method);

enum class LogRegStop { Running, Tolerance, MaxIter, Diverged, Cancelled };

// "tolerance", "max_iter", "diverged", "cancelled" ("running" while it runs).
const char* stopId(LogRegStop stop);

// A run's NLL above this counts as diverged (shared/spec/logreg.md).
constexpr double kDivergedNll = 1e6;
// The most values one run may record (keeps the up-front reservation sane).
constexpr int kMaxRecordedIterations = 10'000'000;

struct LogRegOptions {
    LogRegMethod method = LogRegMethod::GradientDescent;
    double learningRate = 0.1;                     // η
    int batchSize = 10;                            // B, used by MiniBatch only
    int maxIter = 1000;                            // values recorded at most, w₀ included
    double tolerance = 1e-6;                       // stop when |nll[k] − nll[k−1]| < tolerance
    Eigen::Vector3d initialWeights{0.1, 0.0, 0.0}; // (w₁, w₂, w₀)
    bool shuffle = false;                          // sgd/minibatch: seeded shuffled order per epoch
    std::uint64_t seed = 1;
};

// The batch size a run really uses: N for gd, 1 for sgd, B for minibatch
// (B > N runs as N: core/common/batch_size.h).
int effectiveBatchSize(const LogRegOptions& options, Eigen::Index dataSize);

// What is wrong with these options for a data set of `dataSize` points, or an
// empty string: "learning rate η must be a finite number greater than 0, found -1".
std::string optionsProblem(const LogRegOptions& options, Eigen::Index dataSize);

// One recorded run: nll[k] = NLL(w_k) and weights[k] = w_k for k = 0, 1, …
// where k counts iterations (gd) or epochs (sgd, minibatch).
struct LogRegRun {
    LogRegOptions options;
    int batchSize = 0; // the effective batch size
    std::vector<double> nll;
    std::vector<Eigen::Vector3d> weights;
    LogRegStop stopped = LogRegStop::Running;
    double trainSeconds = 0.0;

    int recorded() const { return static_cast<int>(nll.size()); }
};

// The separator w₁x₁ + w₂x₂ + w₀ = 0 written as x₂ = m x₁ + b.
struct SlopeIntercept {
    double slope = 0.0;     // m = −w₁/w₂
    double intercept = 0.0; // b = −w₀/w₂
};

// Where |w₂| is this small relative to |w₁| and |w₀| (|m| or |b| beyond 1e6),
// the line counts as vertical and (m, b) as undefined.
constexpr double kVerticalRatio = 1e-6;

// (m, b) of the separator, or nothing where the line is (nearly) vertical.
std::optional<SlopeIntercept> separatorSlopeIntercept(const Eigen::Vector3d& weights);

// True when the path in slope–intercept space from `from` to `to` must be
// drawn with a break: (m, b) is undefined at either end, or w₂ changes sign
// between them (the line passed through vertical, so m jumps from ±∞ to ∓∞).
bool separatorPathBreaks(const Eigen::Vector3d& from, const Eigen::Vector3d& to);

// The part of the separator line inside the box [x1Min, x1Max] × [x2Min, x2Max],
// as two end points (x₁, x₂), or nothing if the line misses the box or w₁ = w₂ = 0.
std::optional<std::pair<Eigen::Vector2d, Eigen::Vector2d>>
separatorSegment(const Eigen::Vector3d& weights, double x1Min, double x1Max, double x2Min,
                 double x2Max);

// y = σ(w₁x₁ + w₂x₂ + w₀): the model's probability of class 1 at a point.
double logRegProbability(const Eigen::Vector3d& weights, double x1, double x2);

// Σₙ softplus(sₙ zₙ) and Σₙ (yₙ − tₙ) xₙ over the points [begin, begin + count):
// the loss sum and the gradient sum of one pass (divide by the count for means).
struct LogRegSums {
    double loss = 0.0;
    Eigen::Vector3d gradient = Eigen::Vector3d::Zero();
};

// One fused, vectorised pass over a range of points (no allocation). The
// pointers address `count` consecutive values of x₁, x₂ and t.
LogRegSums logRegPass(const double* x1, const double* x2, const double* t, Eigen::Index count,
                      const Eigen::Vector3d& weights, bool withGradient);

// NLL(w) over the whole data set.
double logRegNll(const LogRegData& data, const Eigen::Vector3d& weights);
// ∇NLL(w) = (1/N) Σₙ (yₙ − tₙ) xₙ with xₙ = (x₁, x₂, 1).
Eigen::Vector3d logRegGradient(const LogRegData& data, const Eigen::Vector3d& weights);

} // namespace bpl
