// Training data (shared/spec/training.md): a data set as matrices whose columns
// are samples, the built-in seeded generators, and the train/validation/test
// split. Targets are stored as the network's loss takes them (one-hot columns
// for a softmax output, 0/1 for one sigmoid output, real values otherwise).
#pragma once

#include "core/network.h"
#include "core/result.h"

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bpl {

struct Dataset {
    std::string source;      // file name as given, or the generator's name ("spiral")
    Eigen::MatrixXd inputs;  // inputs × samples
    Eigen::MatrixXd targets; // outputs × samples, as the loss takes them
    int classes = 0;         // 0 for regression; K ≥ 2 for classification
    std::vector<int> labels; // class index of each sample when classes > 0

    int sampleCount() const { return static_cast<int>(inputs.cols()); }
    int inputCount() const { return static_cast<int>(inputs.rows()); }
    bool isClassification() const { return classes > 0; }
    // The samples at `columns`, in that order (for the split).
    Dataset subset(const std::vector<int>& columns) const;
};

// The built-in sets: "circle", "xor", "two_gaussians", "spiral", "three_blobs",
// "sine" (generated; 2-D sets in [−6, 6]²) and "digits" (shipped, loaded by io).
struct GeneratorOptions {
    std::string name = "circle";
    int points = 500;
    double noise = 0.1; // 0 … 1, scaled per generator
    std::uint64_t seed = 1;
};
const std::vector<std::string>& generatorNames(); // the generated ones, in menu order
// Raw points with class labels (or y values for "sine"), before they are fitted
// to a network: targets are then a 1 × n row of labels or values.
Result<Dataset> generateDataset(const GeneratorOptions& options);

// Re-expresses a data set's targets for `network` (one-hot for a K-unit softmax,
// the label for one sigmoid unit, the values for regression), or says why the
// data does not fit the network (input count, class count, loss).
Result<Dataset> fitDatasetToNetwork(const Dataset& data, const Network& network);

struct SplitOptions {
    int trainPercent = 60;
    int validationPercent = 20;
    int testPercent = 20; // the rest; the three add up to 100
    std::uint64_t seed = 1; // --split-seed
    bool shuffle = true;    // false: file order (--no-shuffle)
};
// Empty when the percentages are usable (each 0 … 100, summing to 100, train > 0).
std::string splitProblem(const SplitOptions& options);
// "60, 20, 20" (commas, semicolons or spaces between; the window's field and
// --split) into `options`' three percentages; empty when they are usable,
// else what is wrong (three whole numbers expected, or splitProblem's reason).
std::string parseSplitPercentages(std::string_view text, SplitOptions& options);

struct DataSplit {
    Dataset train, validation, test;
};
// Shuffles the rows once (SplitMix64 seeded with options.seed, Fisher–Yates),
// then cuts ⌊n·train/100⌋, ⌊n·validation/100⌋ and the rest.
DataSplit splitDataset(const Dataset& data, const SplitOptions& options);

} // namespace bpl
