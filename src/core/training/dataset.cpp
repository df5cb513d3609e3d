#include "core/training/dataset.h"

#include "core/common/number_text.h"
#include "core/common/split_mix64.h"
#include "core/number_format.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace bpl {

Dataset Dataset::subset(const std::vector<int>& columns) const {
    Dataset out;
    out.source = source;
    out.classes = classes;
    const auto n = static_cast<Eigen::Index>(columns.size());
    out.inputs.resize(inputs.rows(), n);
    out.targets.resize(targets.rows(), n);
    if (!labels.empty())
        out.labels.resize(columns.size());
    for (Eigen::Index j = 0; j < n; ++j) {
        const int c = columns[static_cast<std::size_t>(j)];
        out.inputs.col(j) = inputs.col(c);
        out.targets.col(j) = targets.col(c);
        if (!labels.empty())
            out.labels[static_cast<std::size_t>(j)] = labels[static_cast<std::size_t>(c)];
    }
    return out;
}

const std::vector<std::string>& generatorNames() {
    static const std::vector<std::string> names = {"circle", "xor",         "two_gaussians",
                                                   "spiral", "three_blobs", "sine"};
    return names;
}

namespace {

constexpr double kHalfWidth = 6.0; // the 2-D sets lie in [−6, 6]²
constexpr int kMaxGeneratedPoints = 10'000'000;

double clampToPlane(double v) {
    return std::clamp(v, -kHalfWidth, kHalfWidth);
}

// A 2-D classification set: points are added one by one with their class.
struct PlaneBuilder {
    Dataset data;
    Eigen::Index next = 0;
    PlaneBuilder(const std::string& name, int points, int classes) {
        data.source = name;
        data.classes = classes;
        data.inputs.resize(2, points);
        data.targets.resize(1, points);
        data.labels.resize(static_cast<std::size_t>(points));
    }
    void add(double x, double y, int label) {
        data.inputs(0, next) = clampToPlane(x);
        data.inputs(1, next) = clampToPlane(y);
        data.targets(0, next) = label;
        data.labels[static_cast<std::size_t>(next)] = label;
        ++next;
    }
};

// A disc of radius 2.5 (class 1) inside a ring from 3.5 to 5 (class 0); the
// classes alternate in file order. Noise: σ = 1 · noise on each coordinate.
Dataset circle(int n, double noise, SplitMix64& rng) {
    PlaneBuilder b("circle", n, 2);
    for (int i = 0; i < n; ++i) {
        const int label = i % 2 == 0 ? 1 : 0;
        const double r = label == 1 ? 2.5 * std::sqrt(rng.uniform()) : 3.5 + 1.5 * rng.uniform();
        const double angle = 2 * std::numbers::pi * rng.uniform();
        const double x = r * std::cos(angle) + noise * rng.normal();
        const double y = r * std::sin(angle) + noise * rng.normal();
        b.add(x, y, label);
    }
    return b.data;
}

// Uniform in [−5, 5]², kept 0.3 away from the axes; class 1 where x·y > 0 (the
// quadrants I and III), class 0 in II and IV. Noise σ = 1 · noise after labelling.
Dataset xorSet(int n, double noise, SplitMix64& rng) {
    PlaneBuilder b("xor", n, 2);
    auto coordinate = [&rng] {
        const double v = 10 * rng.uniform() - 5;
        return v + (v > 0 ? 0.3 : -0.3);
    };
    for (int i = 0; i < n; ++i) {
        const double x = coordinate(), y = coordinate();
        const int label = x * y > 0 ? 1 : 0;
        b.add(x + noise * rng.normal(), y + noise * rng.normal(), label);
    }
    return b.data;
}

// Round clouds around (2, 2) (class 1) and (−2, −2) (class 0), σ = 0.5 + 2 · noise.
Dataset twoGaussians(int n, double noise, SplitMix64& rng) {
    PlaneBuilder b("two_gaussians", n, 2);
    const double sigma = 0.5 + 2 * noise;
    for (int i = 0; i < n; ++i) {
        const int label = i % 2 == 0 ? 1 : 0;
        const double centre = label == 1 ? 2.0 : -2.0;
        const double x = centre + sigma * rng.normal();
        const double y = centre + sigma * rng.normal();
        b.add(x, y, label);
    }
    return b.data;
}

// Two interleaved spirals of radius up to 5 and 1.75 turns, the second turned
// by π; noise σ = 1 · noise.
Dataset spiral(int n, double noise, SplitMix64& rng) {
    PlaneBuilder b("spiral", n, 2);
    const int perArm = (n + 1) / 2;
    for (int i = 0; i < n; ++i) {
        const int label = i % 2 == 0 ? 1 : 0;
        const double s = static_cast<double>(i / 2) / perArm;
        const double r = 5 * s;
        const double t = 1.75 * 2 * std::numbers::pi * s + (label == 1 ? 0.0 : std::numbers::pi);
        const double x = r * std::sin(t) + noise * rng.normal();
        const double y = r * std::cos(t) + noise * rng.normal();
        b.add(x, y, label);
    }
    return b.data;
}

// Three clouds whose centres lie 3 from the origin at 90°, 210° and 330°, so
// the regions of a 2-3 softmax network meet near the origin; σ = 0.5 + 2 · noise.
Dataset threeBlobs(int n, double noise, SplitMix64& rng) {
    PlaneBuilder b("three_blobs", n, 3);
    const double sigma = 0.5 + 2 * noise;
    for (int i = 0; i < n; ++i) {
        const int label = i % 3;
        const double angle = std::numbers::pi / 2 + label * 2 * std::numbers::pi / 3;
        const double x = 3 * std::cos(angle) + sigma * rng.normal();
        const double y = 3 * std::sin(angle) + sigma * rng.normal();
        b.add(x, y, label);
    }
    return b.data;
}

// x uniform in [−π, π], y = sin x + noise · N(0, 1): one input, one real target.
Dataset sine(int n, double noise, SplitMix64& rng) {
    Dataset d;
    d.source = "sine";
    d.inputs.resize(1, n);
    d.targets.resize(1, n);
    for (int i = 0; i < n; ++i) {
        const double x = std::numbers::pi * (2 * rng.uniform() - 1);
        d.inputs(0, i) = x;
        d.targets(0, i) = std::sin(x) + noise * rng.normal();
    }
    return d;
}

} // namespace

Result<Dataset> generateDataset(const GeneratorOptions& options) {
    const std::string& name = options.name;
    if (name == "digits") {
        return Error{name, "",
                     "the digits are shipped data, not generated: load them with the data-file "
                     "loader"};
    }
    const auto& names = generatorNames();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string list;
        for (const std::string& n : names)
            list += (list.empty() ? "" : ", ") + n;
        return Error{name, "", "unknown data set; expected one of " + list + " or digits"};
    }
    if (options.points < 2 || options.points > kMaxGeneratedPoints) {
        return Error{name, "",
                     "the number of points must be from 2 to " +
                         std::to_string(kMaxGeneratedPoints) + ", found " +
                         std::to_string(options.points)};
    }
    if (!std::isfinite(options.noise) || options.noise < 0 || options.noise > 1) {
        return Error{name, "",
                     "the noise level must be from 0 to 1, found " +
                         formatNumber(options.noise, 6)};
    }
    SplitMix64 rng(options.seed);
    const int n = options.points;
    const double noise = options.noise;
    if (name == "circle")
        return circle(n, noise, rng);
    if (name == "xor")
        return xorSet(n, noise, rng);
    if (name == "two_gaussians")
        return twoGaussians(n, noise, rng);
    if (name == "spiral")
        return spiral(n, noise, rng);
    if (name == "three_blobs")
        return threeBlobs(n, noise, rng);
    return sine(n, noise, rng);
}

namespace {

bool labelsUsable(const Dataset& data) {
    if (static_cast<int>(data.labels.size()) != data.sampleCount())
        return false;
    return std::all_of(data.labels.begin(), data.labels.end(),
                       [&](int c) { return c >= 0 && c < data.classes; });
}

Eigen::MatrixXd oneHot(const std::vector<int>& labels, int classes) {
    Eigen::MatrixXd t = Eigen::MatrixXd::Zero(classes, static_cast<Eigen::Index>(labels.size()));
    for (std::size_t j = 0; j < labels.size(); ++j)
        t(labels[j], static_cast<Eigen::Index>(j)) = 1.0;
    return t;
}

Eigen::MatrixXd labelRow(const std::vector<int>& labels) {
    Eigen::MatrixXd t(1, static_cast<Eigen::Index>(labels.size()));
    for (std::size_t j = 0; j < labels.size(); ++j)
        t(0, static_cast<Eigen::Index>(j)) = labels[j];
    return t;
}

Result<Dataset> fitClasses(const Dataset& data, const Network& network) {
    const int outputs = network.outputSize();
    const Activation out = network.layers.back().activation.kind;
    const std::string classes = std::to_string(data.classes) + " classes";
    Dataset fitted = data;
    if (!labelsUsable(data)) {
        return Error{data.source, "",
                     "every sample needs a class from 0 to " + std::to_string(data.classes - 1)};
    }
    if (outputs == 1) {
        if (data.classes != 2) {
            return Error{data.source, "",
                         "the data has " + classes +
                             " but the network has 1 output unit, which separates 2; "
                             "use a softmax output layer with " +
                             std::to_string(data.classes) + " units"};
        }
        if (network.loss == Loss::CrossEntropy) {
            return Error{
                data.source, "",
                "one output unit with 2 classes needs the binary_cross_entropy loss (or a 2-unit "
                "softmax with cross_entropy), not cross_entropy"};
        }
        fitted.targets = labelRow(data.labels);
        return fitted;
    }
    if (outputs != data.classes) {
        return Error{data.source, "",
                     "the data has " + classes + " but the network has " + std::to_string(outputs) +
                         " output units; a classifier needs one output per class"};
    }
    if (network.loss == Loss::BinaryCrossEntropy && out != Activation::Sigmoid) {
        return Error{data.source, "", "binary_cross_entropy needs sigmoid outputs"};
    }
    if (out == Activation::Softmax && network.loss != Loss::CrossEntropy) {
        return Error{data.source, "",
                     "a softmax output needs the cross_entropy loss, found " +
                         lossName(network.loss)};
    }
    // Targets already given as K-vectors (one-hot or probabilities) are kept.
    if (data.targets.rows() != outputs)
        fitted.targets = oneHot(data.labels, data.classes);
    return fitted;
}

Result<Dataset> fitValues(const Dataset& data, const Network& network) {
    const int outputs = network.outputSize();
    if (data.targets.rows() != outputs) {
        return Error{data.source, "",
                     "the data has " + std::to_string(data.targets.rows()) +
                         " target values per sample but the network has " +
                         std::to_string(outputs) + " output units"};
    }
    if (network.loss == Loss::CrossEntropy || network.loss == Loss::BinaryCrossEntropy) {
        const bool probabilities =
            (data.targets.array() >= 0).all() && (data.targets.array() <= 1).all();
        if (!probabilities) {
            return Error{
                data.source, "",
                "the data has real-valued targets (regression) but the network's loss is " +
                    lossName(network.loss) +
                    ", which needs targets in [0, 1]; use half_squared_error or "
                    "mean_squared_error with an identity output"};
        }
    }
    return data;
}

} // namespace

Result<Dataset> fitDatasetToNetwork(const Dataset& data, const Network& network) {
    if (network.layerCount() < 2) {
        return Error{data.source, "",
                     "the network needs an input layer and at least one more layer"};
    }
    if (data.inputCount() != network.inputSize()) {
        return Error{data.source, "",
                     "the data has " + std::to_string(data.inputCount()) +
                         " inputs per sample but the network's input layer has " +
                         std::to_string(network.inputSize()) + " neurons"};
    }
    if (data.sampleCount() < 1)
        return Error{data.source, "", "the data set has no samples"};
    if (!data.inputs.allFinite() || !data.targets.allFinite()) {
        return Error{data.source, "", "the data contains a value that is not a finite number"};
    }
    return data.isClassification() ? fitClasses(data, network) : fitValues(data, network);
}

std::string splitProblem(const SplitOptions& options) {
    const std::string found = std::to_string(options.trainPercent) + "," +
                              std::to_string(options.validationPercent) + "," +
                              std::to_string(options.testPercent);
    for (int p : {options.trainPercent, options.validationPercent, options.testPercent}) {
        if (p < 0 || p > 100) {
            return "each part of the split must be from 0 to 100 percent, found " + found;
        }
    }
    if (options.trainPercent + options.validationPercent + options.testPercent != 100) {
        return "the split's parts must add up to 100 percent, found " + found;
    }
    if (options.trainPercent == 0)
        return "the training part of the split must be more than 0 percent, found " + found;
    return {};
}

std::string parseSplitPercentages(std::string_view text, SplitOptions& options) {
    std::vector<double> parts;
    std::string error;
    if (!parseNumberList(text, parts, error, true))
        return "the split: " + error;
    if (parts.size() != 3 ||
        std::any_of(parts.begin(), parts.end(), [](double x) { return x != std::floor(x); })) {
        const std::string shown =
            text.size() > 60 ? std::string(text.substr(0, 60)) + "…" : std::string(text);
        return "expected three whole percentages (training, validation, test), found '" + shown +
               "'";
    }
    // Held to ±10⁶ so the conversion is defined; splitProblem refuses it anyway.
    const auto percent = [](double x) { return static_cast<int>(std::clamp(x, -1e6, 1e6)); };
    SplitOptions parsed = options;
    parsed.trainPercent = percent(parts[0]);
    parsed.validationPercent = percent(parts[1]);
    parsed.testPercent = percent(parts[2]);
    if (std::string problem = splitProblem(parsed); !problem.empty())
        return problem;
    options = parsed;
    return {};
}

DataSplit splitDataset(const Dataset& data, const SplitOptions& options) {
    const int n = data.sampleCount();
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    if (options.shuffle) {
        SplitMix64 rng(options.seed);
        rng.shuffle(order);
    }
    const auto cut = [n](int percent) {
        return static_cast<int>(static_cast<long long>(n) * percent / 100);
    };
    const int train = cut(options.trainPercent);
    const int validation = cut(options.validationPercent);
    const auto begin = order.begin();
    DataSplit split;
    split.train = data.subset(std::vector<int>(begin, begin + train));
    split.validation = data.subset(std::vector<int>(begin + train, begin + train + validation));
    split.test = data.subset(std::vector<int>(begin + train + validation, order.end()));
    return split;
}

} // namespace bpl
