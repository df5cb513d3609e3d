#include "core/logreg_trainer.h"

#include <chrono>
#include <cmath>
#include <numeric>

namespace bpl {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A build without AVX (plain x86-64, SSE2) can run on a CPU whose AVX
// registers were left with "dirty" upper halves by library code (seen inside
// the Qt application); every SSE instruction then waits on those halves, which
// made SGD four times slower. vzeroupper clears them; builds with AVX
// (-march=native) never need it.
void clearUpperVectorState() {
#if defined(__x86_64__) && !defined(__AVX__) && defined(__GNUC__)
    static const bool hasAvx = __builtin_cpu_supports("avx");
    if (hasAvx)
        asm volatile("vzeroupper");
#endif
}

} // namespace

LogRegTrainer::LogRegTrainer(const LogRegData& data, const LogRegOptions& options)
    : data_(data), weights_(options.initialWeights), random_(options.seed) {
    clearUpperVectorState();
    const auto start = Clock::now();
    run_.options = options;
    run_.batchSize = effectiveBatchSize(options, data.size());
    run_.nll.reserve(static_cast<std::size_t>(options.maxIter));
    run_.weights.reserve(static_cast<std::size_t>(options.maxIter));
    if (options.shuffle && options.method != LogRegMethod::GradientDescent) {
        order_.resize(static_cast<std::size_t>(data.size()));
        std::iota(order_.begin(), order_.end(), 0);
    }
    if (options.method == LogRegMethod::MiniBatch && options.shuffle) {
        batchX1_.resize(run_.batchSize);
        batchX2_.resize(run_.batchSize);
        batchT_.resize(run_.batchSize);
    }
    const bool gd = options.method == LogRegMethod::GradientDescent;
    LogRegSums sums;
    fullPass(weights_, gd, sums, {});
    const double n = static_cast<double>(data.size());
    meanGradient_ = sums.gradient / n;
    record(weights_, sums.loss / n);
    run_.trainSeconds += secondsSince(start);
}

void LogRegTrainer::cancel() {
    if (running())
        run_.stopped = LogRegStop::Cancelled;
}

void LogRegTrainer::record(const Eigen::Vector3d& weights, double nll) {
    if (!weights.allFinite() || !std::isfinite(nll) || nll > kDivergedNll) {
        run_.stopped = LogRegStop::Diverged; // nothing non-finite is recorded
        // The start is recorded when finite, even past the divergence bound
        // (data at 1e300): the run then shows where it began, not nothing.
        if (run_.nll.empty() && weights.allFinite() && std::isfinite(nll)) {
            run_.nll.push_back(nll);
            run_.weights.push_back(weights);
        }
        return;
    }
    run_.nll.push_back(nll);
    run_.weights.push_back(weights);
    const std::size_t k = run_.nll.size() - 1;
    if (k >= 1 && std::abs(run_.nll[k] - run_.nll[k - 1]) < run_.options.tolerance) {
        run_.stopped = LogRegStop::Tolerance;
    } else if (run_.recorded() >= run_.options.maxIter) {
        run_.stopped = LogRegStop::MaxIter;
    }
}

bool LogRegTrainer::step(const StopCheck& shouldStop) {
    if (!running())
        return false;
    clearUpperVectorState();
    const auto start = Clock::now();
    bool completed = false;
    switch (run_.options.method) {
    case LogRegMethod::GradientDescent:
        completed = gradientDescentStep(shouldStop);
        break;
    case LogRegMethod::Stochastic:
        completed = stochasticEpoch(shouldStop);
        break;
    case LogRegMethod::MiniBatch:
        completed = miniBatchEpoch(shouldStop);
        break;
    }
    if (!completed)
        cancel();
    run_.trainSeconds += secondsSince(start);
    return running();
}

bool LogRegTrainer::fullPass(const Eigen::Vector3d& weights, bool withGradient, LogRegSums& sums,
                             const StopCheck& shouldStop) const {
    sums = LogRegSums{};
    const Eigen::Index n = data_.size();
    for (Eigen::Index begin = 0; begin < n; begin += kStopCheckPoints) {
        if (begin > 0 && shouldStop && shouldStop())
            return false;
        const Eigen::Index count = std::min(kStopCheckPoints, n - begin);
        const LogRegSums part = logRegPass(data_.x1.data() + begin, data_.x2.data() + begin,
                                           data_.t.data() + begin, count, weights, withGradient);
        sums.loss += part.loss;
        sums.gradient += part.gradient;
    }
    return true;
}

// w_{k+1} = w_k − η ∇NLL(w_k); one pass at w_{k+1} gives NLL(w_{k+1}) for the
// record and ∇NLL(w_{k+1}) for the next step.
bool LogRegTrainer::gradientDescentStep(const StopCheck& shouldStop) {
    const Eigen::Vector3d next = weights_ - run_.options.learningRate * meanGradient_;
    LogRegSums sums;
    if (!fullPass(next, true, sums, shouldStop))
        return false;
    const double n = static_cast<double>(data_.size());
    weights_ = next;
    meanGradient_ = sums.gradient / n;
    record(weights_, sums.loss / n);
    return true;
}

// One epoch: after each point, w ← w − η (yₙ − tₙ) xₙ with xₙ = (x₁, x₂, 1).
bool LogRegTrainer::stochasticEpoch(const StopCheck& shouldStop) {
    const bool shuffled = !order_.empty();
    if (shuffled)
        random_.shuffle(order_);
    SgdState state{weights_(0), weights_(1), weights_(2)};
    const Eigen::Index n = data_.size();
    for (Eigen::Index begin = 0; begin < n; begin += kStopCheckPoints) {
        if (begin > 0 && shouldStop && shouldStop())
            return false;
        const Eigen::Index end = std::min(n, begin + kStopCheckPoints);
        if (shuffled) {
            stochasticRange<true>(state, begin, end);
        } else {
            stochasticRange<false>(state, begin, end);
        }
    }
    // The last point's update, still pending.
    weights_ = Eigen::Vector3d(state.w1 - state.step * state.x1, state.w2 - state.step * state.x2,
                               state.w0 - state.step);
    LogRegSums sums;
    if (!fullPass(weights_, false, sums, shouldStop))
        return false;
    record(weights_, sums.loss / static_cast<double>(n));
    return true;
}

// The SGD inner loop over visiting positions [begin, end). Each update is
// applied one point late: with step = η(σ(zₙ₋₁) − tₙ₋₁) pending for xₙ₋₁,
//   zₙ = wₙ·xₙ = wₙ₋₁·xₙ − step (xₙ₋₁·xₙ),
// so the loop's critical path from one step to the next is a single
// multiply-add, exp, add and divide (the dot products run alongside).
// σ(z) = 1/(1 + e^(−z)) has no branch (e^(−z) → ∞ gives σ → 0, never NaN): a
// data-dependent branch would be mispredicted half the time.
template <bool Shuffled>
void LogRegTrainer::stochasticRange(SgdState& s, Eigen::Index begin, Eigen::Index end) const {
    const double eta = run_.options.learningRate;
    const double* x1 = data_.x1.data();
    const double* x2 = data_.x2.data();
    const double* t = data_.t.data();
    const int* order = order_.data();
    double w1 = s.w1, w2 = s.w2, w0 = s.w0, step = s.step, p1 = s.x1, p2 = s.x2;
    for (Eigen::Index k = begin; k < end; ++k) {
        const Eigen::Index i = Shuffled ? order[k] : k;
        const double a1 = x1[i], a2 = x2[i];
        const double z = (w1 * a1 + w2 * a2 + w0) - step * (p1 * a1 + p2 * a2 + 1.0);
        w1 -= step * p1;
        w2 -= step * p2;
        w0 -= step;
        step = eta / (1.0 + std::exp(-z)) - eta * t[i];
        p1 = a1;
        p2 = a2;
    }
    s = SgdState{w1, w2, w0, step, p1, p2};
}

// One epoch of batches of B points (the last one may be smaller): after each,
// w ← w − η (1/|batch|) Σ_batch (yₙ − tₙ) xₙ.
bool LogRegTrainer::miniBatchEpoch(const StopCheck& shouldStop) {
    const bool shuffled = !order_.empty();
    if (shuffled)
        random_.shuffle(order_);
    const double eta = run_.options.learningRate;
    const Eigen::Index n = data_.size();
    const Eigen::Index batch = run_.batchSize;
    Eigen::Index sinceCheck = 0;
    for (Eigen::Index begin = 0; begin < n; begin += batch) {
        sinceCheck += batch;
        if (sinceCheck >= kStopCheckPoints) {
            sinceCheck = 0;
            if (shouldStop && shouldStop())
                return false;
        }
        const Eigen::Index count = std::min(batch, n - begin);
        LogRegSums sums;
        if (shuffled) {
            for (Eigen::Index j = 0; j < count; ++j) {
                const int i = order_[static_cast<std::size_t>(begin + j)];
                batchX1_(j) = data_.x1(i);
                batchX2_(j) = data_.x2(i);
                batchT_(j) = data_.t(i);
            }
            sums =
                logRegPass(batchX1_.data(), batchX2_.data(), batchT_.data(), count, weights_, true);
        } else {
            sums = logRegPass(data_.x1.data() + begin, data_.x2.data() + begin,
                              data_.t.data() + begin, count, weights_, true);
        }
        weights_ -= eta * (sums.gradient / static_cast<double>(count));
    }
    LogRegSums sums;
    if (!fullPass(weights_, false, sums, shouldStop))
        return false;
    record(weights_, sums.loss / static_cast<double>(n));
    return true;
}

LogRegRun runLogReg(const LogRegData& data, const LogRegOptions& options,
                    const LogRegTrainer::StopCheck& shouldStop) {
    LogRegTrainer trainer(data, options);
    while (trainer.step(shouldStop)) {
    }
    return trainer.takeRun();
}

} // namespace bpl
