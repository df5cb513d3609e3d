// The network file's optional `training` object (Backprop Lab extension of
// shared/spec/network-format.md): how the network is meant to be trained, so
// an example opens ready to train and `backprop-lab train` takes its defaults
// from it. Parsed and validated by io (network_file.cpp); header only.
#pragma once

#include "core/initialization.h"
#include "core/training/dataset.h"
#include "core/training/optimizer.h"
#include "core/training/trainer.h"

#include <cstdint>
#include <optional>
#include <string>

namespace bpl {

struct TrainingSetup {
    // The data: a built-in set (generated, or "digits") or a file whose path is
    // relative to the network file. Exactly one is used: the file when not empty.
    GeneratorOptions generator;
    std::string dataFile;

    SplitOptions split;
    // Optimizer and its settings; learningRate < 0: the network's learning_rate.
    OptimizerSettings optimizer{OptimizerKind::Sgd, -1.0};
    int batchSize = 10;
    int epochs = 100;
    double l2 = 0;
    std::uint64_t seed = 1;
    double targetLoss = 0;
    std::optional<InitOptions> init; // none: the file's own weights
    Comparison comparison;           // setting empty: a single run

    bool usesFile() const { return !dataFile.empty(); }
};

// The run options a setup asks for, with `network`'s learning rate when the
// setup names none.
inline TrainingOptions trainingOptionsOf(const TrainingSetup& setup, const Network& network) {
    TrainingOptions options;
    options.optimizer = setup.optimizer;
    if (options.optimizer.learningRate <= 0)
        options.optimizer.learningRate = network.learningRate;
    options.batchSize = setup.batchSize;
    options.epochs = setup.epochs;
    options.l2 = setup.l2;
    options.seed = setup.seed;
    options.shuffle = setup.split.shuffle;
    options.targetLoss = setup.targetLoss;
    options.init = setup.init;
    return options;
}

} // namespace bpl
