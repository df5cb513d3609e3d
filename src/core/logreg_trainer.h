// Training one logistic-regression run step by step (shared/spec/logreg.md):
// full-batch gradient descent (one fused pass per iteration gives NLL(w_k) and
// ∇NLL(w_k) together), stochastic gradient descent (one update per point, file
// order or a seeded shuffle per epoch) and mini-batches of B points. Every step
// records nll[k] and w_k; a run stops on tolerance, max_iter, divergence or a
// cancel request. Nothing is allocated once the trainer is constructed.
#pragma once

#include "core/logreg.h"
#include "core/common/split_mix64.h"

#include <functional>
#include <vector>

namespace bpl {

class LogRegTrainer {
  public:
    // Asked between chunks of work; returning true cancels the run.
    using StopCheck = std::function<bool()>;

    // Records w₀ and NLL(w₀). `data` must outlive the trainer and
    // optionsProblem(options, data.size()) must be empty.
    LogRegTrainer(const LogRegData& data, const LogRegOptions& options);

    // One iteration (gd) or one epoch (sgd, minibatch), recorded. Returns true
    // while the run may continue. `shouldStop` is also asked inside long passes
    // (every kStopCheckPoints points), so a cancel is prompt even on big data.
    bool step(const StopCheck& shouldStop = {});
    bool running() const { return run_.stopped == LogRegStop::Running; }
    // Marks a running run as cancelled.
    void cancel();

    const LogRegRun& run() const { return run_; }
    LogRegRun takeRun() { return std::move(run_); }

    static constexpr Eigen::Index kStopCheckPoints = 1 << 16;

  private:
    // Records (w, nll) unless it diverged; sets `stopped` when the run ends.
    void record(const Eigen::Vector3d& weights, double nll);
    bool gradientDescentStep(const StopCheck& shouldStop);
    bool stochasticEpoch(const StopCheck& shouldStop);
    // Weights and the update still pending for the previous point (x1, x2, 1).
    struct SgdState {
        double w1 = 0, w2 = 0, w0 = 0;
        double step = 0, x1 = 0, x2 = 0;
    };
    template <bool Shuffled>
    void stochasticRange(SgdState& state, Eigen::Index begin, Eigen::Index end) const;
    bool miniBatchEpoch(const StopCheck& shouldStop);
    // NLL sum and gradient sum over all points, asking `shouldStop` between
    // blocks; false if stopped.
    bool fullPass(const Eigen::Vector3d& weights, bool withGradient, LogRegSums& sums,
                  const StopCheck& shouldStop) const;

    const LogRegData& data_;
    LogRegRun run_;
    Eigen::Vector3d weights_;
    Eigen::Vector3d meanGradient_ = Eigen::Vector3d::Zero(); // gd: ∇NLL(weights_)
    SplitMix64 random_;
    std::vector<int> order_;                    // shuffled visiting order
    Eigen::ArrayXd batchX1_, batchX2_, batchT_; // a gathered shuffled batch
};

// Runs to the end (or until `shouldStop` says so) and returns the record.
LogRegRun runLogReg(const LogRegData& data, const LogRegOptions& options,
                    const LogRegTrainer::StopCheck& shouldStop = {});

} // namespace bpl
