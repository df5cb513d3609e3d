// Mini-batch training of a network on a data set (shared/spec/training.md):
// each epoch shuffles the training rows (SplitMix64 seeded with the run's seed),
// cuts mini-batches of B, and per batch does one batched forward and backward
// pass (one matrix product per layer, columns are samples) and one optimizer
// update. After every epoch it records losses, accuracies and the per-layer
// gradient norms; at the end the confusion matrix and the final network.
#pragma once

#include "core/initialization.h"
#include "core/network.h"
#include "core/training/dataset.h"
#include "core/training/optimizer.h"

#include <Eigen/Dense>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bpl {

// A run's training loss above this counts as diverged.
constexpr double kDivergedLoss = 1e6;

struct TrainingOptions {
    std::string label;           // "adam, η = 0.01"; empty: made from the settings
    OptimizerSettings optimizer;
    int batchSize = 10;          // B (1 = SGD … N = full batch; B > N runs as N)
    int epochs = 100;
    double l2 = 0;               // λ: g += λW for weights, not biases
    std::uint64_t seed = 1;      // the epochs' shuffle
    bool shuffle = true;         // false: file order every epoch
    double targetLoss = 0;       // > 0: stop when the training loss falls below it
    std::optional<InitOptions> init; // new start weights; none: the network's own
    // Record every k-th epoch (the start and the last epoch always; a target loss is
    // checked when recording): k > 1 when all epochs would exceed the recording budget
    // (core/common/limits.h).
    int recordEvery = 1;
    bool keepSnapshots = true; // false: only the latest weights (what the command line needs)
    // For classification: the k's whose top-k error is recorded per epoch
    // (core/training/top_k.h; `train` records defaultTopK unless --top-k is given).
    std::vector<int> topK;
};
// Empty when usable for `trainRows` training rows.
std::string trainingProblem(const TrainingOptions& options, int trainRows);
// The limits of core/common/limits.h for a comparison of `runs` on `rows` data
// rows (all parts of the split): the work (rows × neurons, row-parameter-epochs),
// and, when a run keeps every epoch's weights (keepSnapshots, the Training tab),
// the weights kept. `train` and the Training tab both ask this; empty when within.
std::string comparisonLimitProblem(const Network& network, long long rows,
                                   const std::vector<TrainingOptions>& runs);
// Empty when gradient training can change the network: a usable structure and
// no step units (h′ = 0 everywhere, so no gradient reaches the weights before them).
std::string networkTrainingProblem(const Network& network);
// "adam, η = 0.01" etc.
std::string defaultRunLabel(const TrainingOptions& options);

enum class TrainingStop { Running, MaxEpochs, TargetLoss, Cancelled, Diverged };
// "running", "max_epochs", "target_loss", "cancelled", "diverged".
std::string trainingStopKey(TrainingStop stop);

// The weights and biases at one recorded epoch (entry 0 empty), for replay.
struct WeightSnapshot {
    std::vector<Eigen::MatrixXd> weights;
    std::vector<Eigen::VectorXd> bias;
};
WeightSnapshot snapshotOf(const Network& network);
Network withWeights(const Network& network, const WeightSnapshot& snapshot);

// The top-k error E of one k per recorded epoch, on each part of the split
// (validation/test empty when that part is).
struct TopKSeries {
    int k = 1;
    std::vector<double> train, validation, test;
};

// Everything a run records; index k = 0 is before training, k = 1 … after epoch k.
// Accuracy vectors are empty for regression; validation/test vectors are empty
// when that part of the split is.
struct TrainingRun {
    TrainingOptions options;
    std::string label;
    std::vector<double> trainLoss, validationLoss, testLoss;
    std::vector<double> trainAccuracy, validationAccuracy, testAccuracy;
    std::vector<std::vector<double>> gradNorm; // [k][l − 1], ‖∂J/∂W⁽ˡ⁾‖ over the full training set
    std::vector<TopKSeries> topK;              // one per options.topK, for classification
    std::vector<WeightSnapshot> snapshots;     // [k]; only the last without keepSnapshots
    std::vector<int> recordedEpoch; // [k]: the epoch of record k (k when recordEvery is 1)
    Eigen::MatrixXi confusion;                 // at the end: rows true class, columns predicted
    Network finalNetwork;
    TrainingStop stopped = TrainingStop::Running;
    double trainSeconds = 0;

    int recordedEpochs() const { return static_cast<int>(trainLoss.size()); }
    // The record with the lowest finite validation loss (the first of equal ones):
    // where an overfitting run was best. -1 without validation rows.
    int lowestValidationRecord() const;
    // The epoch of record k (k itself unless every k-th epoch was recorded).
    int epochOf(int k) const {
        return k < static_cast<int>(recordedEpoch.size())
                   ? recordedEpoch[static_cast<std::size_t>(k)]
                   : k;
    }
};

// Batched forward pass: outputs (outputs × samples) of `inputs` (inputs × samples).
Eigen::MatrixXd predictBatch(const Network& network, const Eigen::MatrixXd& inputs);
// Every layer's activations z⁽ˡ⁾ (entry 0 = inputs), for the units' thumbnails.
std::vector<Eigen::MatrixXd> activationsBatch(const Network& network, const Eigen::MatrixXd& inputs);
// Class of each output column: argmax for softmax, output > 0.5 for one sigmoid unit.
std::vector<int> predictedClasses(const Network& network, const Eigen::MatrixXd& outputs);
// Confusion matrix (classes × classes) of `network` on `data`.
Eigen::MatrixXi confusionMatrix(const Network& network, const Dataset& data);
// Why `network` on `data` has no confusion matrix (the data has values, not
// class labels), or "" when it has one: what an empty confusion plot says.
std::string confusionProblem(const Network& network, const Dataset& data);
// The mean loss and mean gradient over the columns of `inputs` and `targets`,
// by the trainer's batched passes (deltas left empty); what one mini-batch uses.
BatchResult batchedGradients(const Network& network, const Eigen::MatrixXd& inputs,
                             const Eigen::MatrixXd& targets);

// Trains one run an epoch at a time (for the worker, which interleaves runs).
class Trainer {
  public:
    // Asked between mini-batches; returning true cancels the run.
    using StopCheck = std::function<bool()>;

    // Records k = 0. `data` must hold a split fitted to `start`
    // (fitDatasetToNetwork) and trainingProblem(options, train rows) be empty.
    Trainer(const Network& start, std::shared_ptr<const DataSplit> data, const TrainingOptions& options);
    ~Trainer();

    // One epoch, recorded. Returns true while the run may continue.
    bool epoch(const StopCheck& shouldStop = {});
    bool running() const;
    void cancel();

    const TrainingRun& run() const;
    TrainingRun takeRun();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Runs to the end (or until `shouldStop` says so).
TrainingRun train(const Network& start, std::shared_ptr<const DataSplit> data,
                  const TrainingOptions& options, const Trainer::StopCheck& shouldStop = {});

// A comparison: the base options with one setting varied over `values`
// ("learning_rate", "optimizer", "batch_size", "init", "l2"); every run starts
// from the same weights unless the setting is "init". Empty string: fine.
struct Comparison {
    std::string setting; // empty: a single run
    std::vector<std::string> values;
};
Result<std::vector<TrainingOptions>> comparisonRuns(const TrainingOptions& base, const Comparison& comparison);

} // namespace bpl
