// The batched passes used outside a training run: predictions, activations,
// classes, confusion matrices, one batch's mean gradient, and
// weight snapshots (trainer.h).
#include "core/loss.h"
#include "core/training/batch_passes.h"
#include "core/training/trainer.h"

#include <algorithm>

namespace bpl {

namespace {
// Columns per pass, so a large data set needs no buffers of its own size.
constexpr int kChunk = 1024;
} // namespace

Eigen::MatrixXd predictBatch(const Network& network, const Eigen::MatrixXd& inputs) {
    const auto n = static_cast<int>(inputs.cols());
    Eigen::MatrixXd out(network.outputSize(), n);
    training::BatchPasses passes;
    passes.reserve(network, std::min(n, kChunk));
    for (int first = 0; first < n; first += kChunk) {
        const int m = std::min(kChunk, n - first);
        passes.input(m) = inputs.middleCols(first, m);
        passes.forward(network, m);
        out.middleCols(first, m) = passes.output().leftCols(m);
    }
    return out;
}

std::vector<Eigen::MatrixXd> activationsBatch(const Network& network,
                                              const Eigen::MatrixXd& inputs) {
    const auto n = static_cast<int>(inputs.cols());
    training::BatchPasses passes;
    passes.reserve(network, n);
    passes.input(n) = inputs;
    passes.forward(network, n);
    std::vector<Eigen::MatrixXd> z(static_cast<std::size_t>(network.layerCount()));
    for (int l = 0; l < network.layerCount(); ++l)
        z[static_cast<std::size_t>(l)] = passes.activations(l).leftCols(n);
    return z;
}

std::vector<int> predictedClasses(const Network& /*network*/, const Eigen::MatrixXd& outputs) {
    std::vector<int> classes(static_cast<std::size_t>(outputs.cols()));
    for (Eigen::Index j = 0; j < outputs.cols(); ++j)
        classes[static_cast<std::size_t>(j)] = training::predictedClass(outputs, j);
    return classes;
}

std::string confusionProblem(const Network& network, const Dataset& data) {
    if (data.isClassification())
        return {};
    const auto plural = [](long n, const std::string& one) {
        return std::to_string(n) + " " + one + (n == 1 ? "" : "s");
    };
    const int outputs = network.outputSize();
    const Activation out = network.layers.back().activation.kind;
    std::string why =
        "no classes to count: the data has " + plural(data.targets.rows(), "output column") +
        " of values, not class labels; the network has " + plural(outputs, "output unit") + " (" +
        activationName(out) + ") and the " + lossName(network.loss) + " loss";
    // The rule of the data files (io/training_data): one sigmoid unit reads
    // its targets as classes 0 and 1 only with binary_cross_entropy.
    if (outputs == 1 && out == Activation::Sigmoid && network.loss != Loss::BinaryCrossEntropy)
        why += ", which reads the targets as values (binary_cross_entropy reads them as classes "
               "0 and 1)";
    return why;
}

Eigen::MatrixXi confusionMatrix(const Network& network, const Dataset& data) {
    const int k = std::max(data.classes, 0);
    Eigen::MatrixXi confusion = Eigen::MatrixXi::Zero(k, k);
    if (k == 0 || data.sampleCount() == 0)
        return confusion;
    const std::vector<int> predicted =
        predictedClasses(network, predictBatch(network, data.inputs));
    for (std::size_t j = 0; j < predicted.size() && j < data.labels.size(); ++j) {
        const int truth = data.labels[j], guess = predicted[j];
        if (truth >= 0 && truth < k && guess >= 0 && guess < k)
            ++confusion(truth, guess);
    }
    return confusion;
}

BatchResult batchedGradients(const Network& network, const Eigen::MatrixXd& inputs,
                             const Eigen::MatrixXd& targets) {
    BatchResult result;
    result.gradients = training::zeroGradients(network);
    result.gradients.delta.clear();
    const auto n = static_cast<int>(inputs.cols());
    if (n == 0)
        return result;
    training::BatchPasses passes;
    passes.reserve(network, std::min(n, kChunk));
    double lossSum = 0;
    for (int first = 0; first < n; first += kChunk) {
        const int m = std::min(kChunk, n - first);
        passes.input(m) = inputs.middleCols(first, m);
        passes.forward(network, m);
        lossSum += passes.lossSum(network, targets.middleCols(first, m), m);
        passes.backward(network, targets.middleCols(first, m), m, 1.0 / n, result.gradients, true);
    }
    result.meanLoss = lossSum / n;
    return result;
}

WeightSnapshot snapshotOf(const Network& network) {
    WeightSnapshot s;
    const auto layers = static_cast<std::size_t>(network.layerCount());
    s.weights.resize(layers);
    s.bias.resize(layers);
    for (std::size_t l = 1; l < layers; ++l) {
        s.weights[l] = network.layers[l].weights;
        s.bias[l] = network.layers[l].bias;
    }
    return s;
}

Network withWeights(const Network& network, const WeightSnapshot& snapshot) {
    Network out = network;
    for (std::size_t l = 1; l < out.layers.size() && l < snapshot.weights.size(); ++l) {
        out.layers[l].weights = snapshot.weights[l];
        out.layers[l].bias = snapshot.bias[l];
    }
    return out;
}

} // namespace bpl
