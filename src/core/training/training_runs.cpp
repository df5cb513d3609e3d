// Checking and naming training runs, and expanding a comparison into its runs
// (trainer.h).
#include "core/common/message_text.h"
#include "core/number_format.h"
#include "core/training/trainer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace bpl {

namespace {
constexpr int kMaxEpochs = 1'000'000;
} // namespace

std::string trainingProblem(const TrainingOptions& options, int trainRows) {
    const std::string optimizer = optimizerProblem(options.optimizer);
    if (!optimizer.empty())
        return optimizer;
    if (trainRows < 1)
        return "the training part of the data set is empty";
    if (options.batchSize < 1) {
        return "the batch size must be at least 1, found " + std::to_string(options.batchSize);
    }
    if (options.epochs < 0 || options.epochs > kMaxEpochs) {
        return "the number of epochs must be from 0 to " + std::to_string(kMaxEpochs) + ", found " +
               std::to_string(options.epochs);
    }
    if (!std::isfinite(options.l2) || options.l2 < 0) {
        return "the L2 strength λ must be a finite number ≥ 0, found " +
               formatNumber(options.l2, 6);
    }
    if (!std::isfinite(options.targetLoss) || options.targetLoss < 0) {
        return "the target loss must be a finite number ≥ 0, found " +
               formatNumber(options.targetLoss, 6);
    }
    if (options.init && options.init->scheme == InitScheme::Uniform &&
        !(std::isfinite(options.init->range) && options.init->range > 0)) {
        return "the uniform initialisation's range must be a finite number > 0, found " +
               formatNumber(options.init->range, 6);
    }
    return {};
}

std::string networkTrainingProblem(const Network& network) {
    // The passes ignore the network's own sample and learning rate.
    Network shape = network;
    shape.learningRate = 0.1;
    shape.sample.input = Eigen::VectorXd::Zero(network.inputSize());
    // A one-hot target suits every loss (in [0, 1], sums to 1), so only the
    // network's structure is judged here.
    shape.sample.target = Eigen::VectorXd::Zero(network.outputSize());
    if (network.outputSize() > 0) shape.sample.target[0] = 1.0;
    const std::vector<std::string> problems = structuralProblems(shape);
    if (!problems.empty())
        return problems.front();
    for (int l = 1; l < network.layerCount(); ++l) {
        if (network.layers[static_cast<std::size_t>(l)].activation.kind == Activation::Step) {
            return "layer " + std::to_string(l) +
                   " uses the step activation, whose derivative is 0 everywhere: no gradient "
                   "reaches "
                   "the weights, so training cannot change them; use sigmoid, tanh or ReLU";
        }
    }
    for (const Layer& layer : network.layers) {
        if (!layer.weights.allFinite() || !layer.bias.allFinite()) {
            return "the network's weights and biases must be finite numbers";
        }
    }
    return {};
}

std::string defaultRunLabel(const TrainingOptions& options) {
    return optimizerKey(options.optimizer.kind) +
           ", η = " + formatNumber(options.optimizer.learningRate, 6);
}

std::string trainingStopKey(TrainingStop stop) {
    switch (stop) {
    case TrainingStop::Running:
        return "running";
    case TrainingStop::MaxEpochs:
        return "max_epochs";
    case TrainingStop::TargetLoss:
        return "target_loss";
    case TrainingStop::Cancelled:
        return "cancelled";
    case TrainingStop::Diverged:
        return "diverged";
    }
    return "running";
}

namespace {

Error settingError(const std::string& setting, const std::string& reason) {
    return Error{"", setting, reason};
}

// The whole text as a finite double, locale-free.
bool parseDouble(const std::string& text, double& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value);
}

bool parseInt(const std::string& text, int& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

std::optional<InitScheme> initFromKey(const std::string& key) {
    for (InitScheme scheme : allInitSchemes()) {
        if (initSchemeKey(scheme) == key)
            return scheme;
    }
    return std::nullopt;
}

// One run of the comparison: `base` with `setting` = `value`; empty error text when fine.
std::string applySetting(TrainingOptions& run, const std::string& setting, const std::string& value,
                         std::string& labelSuffix) {
    const std::string found = ", found " + quoteExcerpt(value, Quote::Single);
    if (setting == "learning_rate") {
        if (!parseDouble(value, run.optimizer.learningRate) || run.optimizer.learningRate <= 0) {
            return "expected a learning rate η > 0" + found;
        }
    } else if (setting == "optimizer") {
        const auto kind = optimizerFromKey(value);
        if (!kind)
            return "expected sgd, momentum, rmsprop, adam or adagrad" + found;
        run.optimizer.kind = *kind;
    } else if (setting == "batch_size") {
        if (!parseInt(value, run.batchSize) || run.batchSize < 1)
            return "expected a whole number ≥ 1" + found;
        labelSuffix = ", B = " + std::to_string(run.batchSize);
    } else if (setting == "init") {
        const auto scheme = initFromKey(value);
        if (!scheme)
            return "expected xavier, he, uniform or zero" + found;
        InitOptions init = run.init.value_or(InitOptions{});
        init.scheme = *scheme;
        run.init = init;
        labelSuffix = ", " + value + " init";
    } else if (setting == "l2") {
        if (!parseDouble(value, run.l2) || run.l2 < 0)
            return "expected a number λ ≥ 0" + found;
        labelSuffix = ", λ = " + formatNumber(run.l2, 6);
    }
    return {};
}

} // namespace

Result<std::vector<TrainingOptions>> comparisonRuns(const TrainingOptions& base,
                                                    const Comparison& comparison) {
    std::vector<TrainingOptions> runs;
    const std::string& setting = comparison.setting;
    if (setting.empty()) {
        TrainingOptions run = base;
        if (run.label.empty())
            run.label = defaultRunLabel(run);
        runs.push_back(run);
        return runs;
    }
    static const std::vector<std::string> settings = {"learning_rate", "optimizer", "batch_size",
                                                      "init", "l2"};
    if (std::find(settings.begin(), settings.end(), setting) == settings.end()) {
        return settingError(setting,
                            "unknown setting to compare; expected learning_rate, optimizer, "
                            "batch_size, init or l2");
    }
    if (comparison.values.empty())
        return settingError(setting, "no values to compare");
    for (const std::string& value : comparison.values) {
        TrainingOptions run = base;
        std::string suffix;
        const std::string why = applySetting(run, setting, value, suffix);
        if (!why.empty())
            return settingError(setting, why);
        if (base.label.empty())
            run.label = defaultRunLabel(run) + suffix;
        const std::string problem = trainingProblem(run, 1);
        if (!problem.empty())
            return settingError(setting, value + ": " + problem);
        runs.push_back(run);
    }
    return runs;
}

int TrainingRun::lowestValidationRecord() const {
    int best = -1;
    for (int k = 0; k < static_cast<int>(validationLoss.size()); ++k) {
        const double v = validationLoss[static_cast<std::size_t>(k)];
        if (std::isfinite(v) && (best < 0 || v < validationLoss[static_cast<std::size_t>(best)])) best = k;
    }
    return best;
}

} // namespace bpl
