#include "core/training/trainer.h"

#include "core/common/batch_size.h"
#include "core/common/limits.h"
#include "core/common/split_mix64.h"
#include "core/training/batch_passes.h"
#include "core/training/top_k.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace bpl {

namespace {

using Clock = std::chrono::steady_clock;

// Columns per recording pass when the batch is smaller.
constexpr int kRecordChunk = 256;

bool weightsFinite(const Network& network) {
    for (std::size_t l = 1; l < network.layers.size(); ++l) {
        if (!network.layers[l].weights.allFinite() || !network.layers[l].bias.allFinite())
            return false;
    }
    return true;
}

// True when every part of the split has the network's input and output counts.
bool fits(const Network& network, const DataSplit& split) {
    for (const Dataset* part : {&split.train, &split.validation, &split.test}) {
        if (part->sampleCount() == 0 && part != &split.train)
            continue;
        if (part->inputs.rows() != network.inputSize() ||
            part->targets.rows() != network.outputSize() ||
            part->targets.cols() != part->inputs.cols() ||
            (part->isClassification() &&
             part->labels.size() != static_cast<std::size_t>(part->sampleCount()))) {
            return false;
        }
    }
    return network.layerCount() >= 2;
}

// Mean loss and accuracy of one part of the split.
struct PartRecord {
    double loss = 0, accuracy = 0;
    std::vector<double> topKError; // per options.topK
};

// Misses per k into errors over n samples.
std::vector<double> errorsOf(const std::vector<long>& misses, int n) {
    std::vector<double> errors;
    for (long miss : misses)
        errors.push_back(static_cast<double>(miss) / std::max(n, 1));
    return errors;
}

} // namespace

struct Trainer::Impl {
    std::shared_ptr<const DataSplit> data;
    Network start;   // with the run's start weights
    Network network; // the weights as training goes
    TrainingRun run;
    OptimizerState state;
    SplitMix64 shuffler;
    std::vector<int> order;
    int batch = 1;
    training::BatchPasses passes;
    Gradients step;    // one mini-batch's mean gradient
    Gradients fullSet; // the full training set's mean gradient, when recording
    Eigen::MatrixXd batchTargets;
    int epochsDone = 0;

    Impl(const Network& startNetwork, std::shared_ptr<const DataSplit> split,
         const TrainingOptions& options)
        : data(std::move(split)),
          start(options.init ? initializeWeights(startNetwork, *options.init) : startNetwork),
          network(start), shuffler(options.seed) {
        run.options = options;
        run.label = options.label.empty() ? defaultRunLabel(options) : options.label;
        const Dataset& train = data->train;
        const int rows = train.sampleCount();
        batch = effectiveBatchSize(std::max(options.batchSize, 1), std::max(rows, 1));
        order.resize(static_cast<std::size_t>(rows));
        std::iota(order.begin(), order.end(), 0);
        const int largest =
            std::max({rows, data->validation.sampleCount(), data->test.sampleCount(), 1});
        passes.reserve(network, std::max(batch, std::min(kRecordChunk, largest)));
        step = training::zeroGradients(network);
        fullSet = training::zeroGradients(network);
        batchTargets.resize(train.targets.rows(), batch);
        state = zeroOptimizerState(network);
        const auto expected = static_cast<std::size_t>(std::max(options.epochs, 0) /
                                                       std::max(options.recordEvery, 1)) +
                              2;
        for (auto* v : {&run.trainLoss, &run.validationLoss, &run.testLoss, &run.trainAccuracy,
                        &run.validationAccuracy, &run.testAccuracy}) {
            v->reserve(expected);
        }
        run.gradNorm.reserve(expected);
        for (int k : topK())
            run.topK.push_back(TopKSeries{k, {}, {}, {}});
        run.recordedEpoch.reserve(expected);
        run.snapshots.reserve(options.keepSnapshots ? expected : 1);
        if (!fits(start, *data)) {
            // A split not fitted to the network (a caller's mistake): nothing to train.
            run.stopped = TrainingStop::Cancelled;
            run.finalNetwork = start;
            return;
        }
        record();
    }

    // The k's recorded: the options' for classification, none for regression.
    const std::vector<int>& topK() const {
        static const std::vector<int> none;
        return data->train.isClassification() ? run.options.topK : none;
    }

    // Loss (and accuracy) over one part of the split, forward only, in chunks.
    PartRecord evaluate(const Dataset& part) {
        PartRecord r;
        const int n = part.sampleCount();
        double lossSum = 0;
        long correct = 0;
        std::vector<long> misses(topK().size(), 0);
        for (int first = 0; first < n; first += passes.capacity()) {
            const int m = std::min(passes.capacity(), n - first);
            passes.input(m) = part.inputs.middleCols(first, m);
            passes.forward(network, m);
            lossSum += passes.lossSum(network, part.targets.middleCols(first, m), m);
            if (part.isClassification()) {
                correct += passes.correctCount(part.labels, first, m);
                countTopKMisses(passes.output(), part.labels, first, m, topK(), misses);
            }
        }
        r.loss = lossSum / std::max(n, 1);
        r.accuracy = static_cast<double>(correct) / std::max(n, 1);
        r.topKError = errorsOf(misses, n);
        return r;
    }

    // The training part also accumulates the full-set mean gradient.
    PartRecord evaluateTraining() {
        const Dataset& part = data->train;
        PartRecord r;
        const int n = part.sampleCount();
        for (std::size_t l = 1; l < fullSet.weights.size(); ++l) {
            fullSet.weights[l].setZero();
            fullSet.bias[l].setZero();
        }
        double lossSum = 0;
        long correct = 0;
        std::vector<long> misses(topK().size(), 0);
        for (int first = 0; first < n; first += passes.capacity()) {
            const int m = std::min(passes.capacity(), n - first);
            passes.input(m) = part.inputs.middleCols(first, m);
            passes.forward(network, m);
            const auto targets = part.targets.middleCols(first, m);
            lossSum += passes.lossSum(network, targets, m);
            if (part.isClassification()) {
                correct += passes.correctCount(part.labels, first, m);
                countTopKMisses(passes.output(), part.labels, first, m, topK(), misses);
            }
            passes.backward(network, targets, m, 1.0 / n, fullSet, true);
        }
        r.loss = lossSum / std::max(n, 1);
        r.accuracy = static_cast<double>(correct) / std::max(n, 1);
        r.topKError = errorsOf(misses, n);
        return r;
    }

    // Records the current weights (k = number of epochs so far) or marks the
    // run diverged; then decides whether it stops.
    void record() {
        const bool classification = data->train.isClassification();
        const bool hasValidation = data->validation.sampleCount() > 0;
        const bool hasTest = data->test.sampleCount() > 0;
        const bool finiteWeights = weightsFinite(network);
        PartRecord train, validation, test;
        std::vector<double> norms;
        if (finiteWeights) {
            train = evaluateTraining();
            if (hasValidation)
                validation = evaluate(data->validation);
            if (hasTest)
                test = evaluate(data->test);
            for (std::size_t l = 1; l < fullSet.weights.size(); ++l)
                norms.push_back(fullSet.weights[l].norm());
        }
        const bool finite =
            finiteWeights && std::isfinite(train.loss) && std::isfinite(validation.loss) &&
            std::isfinite(test.loss) &&
            std::all_of(norms.begin(), norms.end(), [](double x) { return std::isfinite(x); });
        if (!finite || train.loss > kDivergedLoss) {
            finish(TrainingStop::Diverged); // nothing non-finite is recorded
            return;
        }
        run.trainLoss.push_back(train.loss);
        if (hasValidation)
            run.validationLoss.push_back(validation.loss);
        if (hasTest)
            run.testLoss.push_back(test.loss);
        if (classification) {
            run.trainAccuracy.push_back(train.accuracy);
            if (hasValidation)
                run.validationAccuracy.push_back(validation.accuracy);
            if (hasTest)
                run.testAccuracy.push_back(test.accuracy);
            for (std::size_t i = 0; i < run.topK.size(); ++i) {
                run.topK[i].train.push_back(train.topKError[i]);
                if (hasValidation)
                    run.topK[i].validation.push_back(validation.topKError[i]);
                if (hasTest)
                    run.topK[i].test.push_back(test.topKError[i]);
            }
        }
        run.gradNorm.push_back(std::move(norms));
        run.recordedEpoch.push_back(epochsDone);
        if (run.options.keepSnapshots || run.snapshots.empty())
            run.snapshots.push_back(snapshotOf(network));
        else
            run.snapshots.back() = snapshotOf(network);
        if (run.options.targetLoss > 0 && train.loss < run.options.targetLoss) {
            finish(TrainingStop::TargetLoss);
        } else if (epochsDone >= run.options.epochs) {
            finish(TrainingStop::MaxEpochs);
        }
    }

    // Ends the run: the final network is the last recorded one.
    void finish(TrainingStop why) {
        run.stopped = why;
        run.finalNetwork = run.snapshots.empty() ? start : withWeights(start, run.snapshots.back());
        if (data->train.isClassification()) {
            const Dataset& rows = data->test.sampleCount() > 0 ? data->test : data->validation;
            run.confusion = confusionMatrix(run.finalNetwork, rows);
        }
    }

    // One pass over the training rows in mini-batches; false when cancelled.
    bool trainEpoch(const StopCheck& shouldStop) {
        const Dataset& train = data->train;
        const int n = train.sampleCount();
        if (run.options.shuffle) {
            // The split order, shuffled afresh: an epoch does not build on the last one's order.
            std::iota(order.begin(), order.end(), 0);
            shuffler.shuffle(order);
        }
        const double l2 = run.options.l2;
        for (int first = 0; first < n; first += batch) {
            if (shouldStop && shouldStop())
                return false;
            const int m = std::min(batch, n - first);
            auto inputs = passes.input(m);
            for (int j = 0; j < m; ++j) {
                const int row = order[static_cast<std::size_t>(first + j)];
                inputs.col(j) = train.inputs.col(row);
                batchTargets.col(j) = train.targets.col(row);
            }
            passes.forward(network, m);
            passes.backward(network, batchTargets.leftCols(m), m, 1.0 / m, step, false);
            if (l2 != 0) {
                for (std::size_t l = 1; l < step.weights.size(); ++l)
                    step.weights[l] += l2 * network.layers[l].weights;
            }
            applyOptimizer(run.options.optimizer, state, network, step);
        }
        return true;
    }
};

Trainer::Trainer(const Network& start, std::shared_ptr<const DataSplit> data,
                 const TrainingOptions& options) {
    const auto began = Clock::now();
    impl_ = std::make_unique<Impl>(start, std::move(data), options);
    impl_->run.trainSeconds += std::chrono::duration<double>(Clock::now() - began).count();
}

Trainer::~Trainer() = default;

bool Trainer::epoch(const StopCheck& shouldStop) {
    if (!running())
        return false;
    const auto began = Clock::now();
    if (impl_->trainEpoch(shouldStop)) {
        const int done = ++impl_->epochsDone;
        if (done % std::max(impl_->run.options.recordEvery, 1) == 0 ||
            done >= impl_->run.options.epochs)
            impl_->record();
    } else {
        impl_->finish(TrainingStop::Cancelled);
    }
    impl_->run.trainSeconds += std::chrono::duration<double>(Clock::now() - began).count();
    return running();
}

bool Trainer::running() const {
    return impl_->run.stopped == TrainingStop::Running;
}

void Trainer::cancel() {
    if (running())
        impl_->finish(TrainingStop::Cancelled);
}

const TrainingRun& Trainer::run() const {
    return impl_->run;
}

TrainingRun Trainer::takeRun() {
    return std::move(impl_->run);
}

TrainingRun train(const Network& start, std::shared_ptr<const DataSplit> data,
                  const TrainingOptions& options, const Trainer::StopCheck& shouldStop) {
    Trainer trainer(start, std::move(data), options);
    while (trainer.epoch(shouldStop)) {
    }
    return trainer.takeRun();
}

std::string comparisonLimitProblem(const Network& network, long long rows,
                                   const std::vector<TrainingOptions>& runs) {
    long long epochs = 0, neurons = 0;
    bool snapshots = false;
    for (const TrainingOptions& o : runs) {
        epochs = std::max<long long>(epochs, o.epochs);
        snapshots = snapshots || o.keepSnapshots;
    }
    for (const Layer& layer : network.layers)
        neurons += layer.size;
    const auto count = static_cast<long long>(runs.size());
    std::string problem =
        trainingSizeProblem(rows, neurons, network.parameterCount(), epochs, count);
    if (problem.empty() && snapshots)
        problem = trainingSnapshotProblem(epochs, count, network.parameterCount());
    return problem;
}

} // namespace bpl
