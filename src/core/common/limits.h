// The limits that bound a command's work and memory, not only its input's size,
// in one place (docs/limits.md gives each with its worst case
// measured). Each check returns "" when the work fits, else a refusal that names
// the limit and the values found. The input-size limits of the files stay with
// their loaders (io/network_file.h, io/training_data.h, io/logreg_data.h, …).
#pragma once

#include <string>

namespace bpl {

namespace limits_detail {
inline std::string product(long long a, long long b) {
    return std::to_string(a) + " × " + std::to_string(b);
}
// "at most LIMIT WHAT, found FOUND; ADVICE": every refusal below reads the same way.
inline std::string refusal(long long limit, const std::string& what, const std::string& found,
                           const std::string& advice) {
    return "at most " + std::to_string(limit) + " " + what + ", found " + found + "; " + advice;
}
} // namespace limits_detail

// logreg: every run keeps its NLL and weights per recorded iteration (32 bytes),
// and its JSON about 150 bytes more, so the recorded values of all runs together
// are capped (runs × max iterations).
constexpr long long kMaxRecordedPerSweep = 2'000'000;

inline std::string sweepSizeProblem(long long runs, long long maxIter) {
    if (runs * maxIter <= kMaxRecordedPerSweep)
        return "";
    return limits_detail::refusal(kMaxRecordedPerSweep,
                                  "recorded iterations in all (runs × max iterations)",
                                  limits_detail::product(runs, maxIter),
                                  "record fewer iterations or run fewer learning rates");
}

// logreg: every recorded iteration (or epoch) passes over every point, so the
// work is points × max iterations × runs; measured, 20 ns (gd) to 65 ns (sgd)
// per point pass, so 5·10⁸ take 10 to 35 s.
constexpr long long kMaxLogRegPointPasses = 500'000'000;

inline std::string logRegWorkProblem(long long points, long long maxIter, long long runs) {
    if (points * maxIter * runs <= kMaxLogRegPointPasses)
        return "";
    return limits_detail::refusal(
        kMaxLogRegPointPasses, "point passes (points × max iterations × runs)",
        limits_detail::product(points, maxIter) + " × " + std::to_string(runs),
        "lower --max-iter or use fewer points");
}

// conv: a worked convolution keeps one product term per (output, filter entry)
// three times over (forward, ∂E/∂W, ∂E/∂X), each in its formula: measured, about
// 1.6 KB of memory, 330 bytes of JSON and 26 µs per product (968,256 products
// took 1.6 GB and 26 s), so 100,000 products stay near 160 MB and 3 s.
constexpr long long kMaxConvolutionProducts = 100'000;

inline std::string convolutionWorkProblem(long long outRows, long long outCols, long long kh,
                                          long long kw) {
    const long long products = outRows * outCols * kh * kw;
    if (products <= kMaxConvolutionProducts)
        return "";
    return limits_detail::refusal(
        kMaxConvolutionProducts, "products (outputs × filter entries) are worked by hand",
        limits_detail::product(outRows, outCols) + " outputs × " + limits_detail::product(kh, kw) +
            " filter entries = " + std::to_string(products),
        "use a smaller filter, padding or input");
}

// topk: the worked table holds every sample's score of every class as text
// (one cell each, about 12 bytes of output and a few dozen of memory), so
// samples × classes is capped; the digits (1,797 × 10) are far below.
constexpr long long kMaxTopKTableScores = 1'000'000;

inline std::string topKTableProblem(long long samples, long long classes) {
    if (samples * classes <= kMaxTopKTableScores)
        return "";
    return limits_detail::refusal(kMaxTopKTableScores,
                                  "scores (samples × classes) in the table of ranks",
                                  limits_detail::product(samples, classes) + " = " +
                                      std::to_string(samples * classes),
                                  "use --part or a smaller data file");
}

// pool: one term per (output, window cell) in the forward formulas and again in
// the backward ones, like a convolution's products.
constexpr long long kMaxPoolingTerms = kMaxConvolutionProducts;

inline std::string poolingWorkProblem(long long outRows, long long outCols, long long cells) {
    const long long terms = outRows * outCols * cells;
    if (terms <= kMaxPoolingTerms)
        return "";
    return limits_detail::refusal(
        kMaxPoolingTerms, "terms (outputs × window cells) are worked by hand",
        limits_detail::product(outRows, outCols) + " outputs × " + std::to_string(cells) +
            " cells = " + std::to_string(terms),
        "use a smaller window or input, or a larger stride");
}

// Training data: the values kept per row are the network's inputs and targets
// (a class index becomes K one-hot targets), so rows × (inputs + outputs) is
// capped while reading: 160 MB of doubles, copied once by the split.
constexpr long long kMaxTrainingDataValues = 20'000'000;

inline std::string trainingDataProblem(long long rows, long long valuesPerRow) {
    if (rows * valuesPerRow <= kMaxTrainingDataValues)
        return "";
    return limits_detail::refusal(
        kMaxTrainingDataValues, "values (data rows × (network inputs + outputs))",
        std::to_string(rows) + " rows × " + std::to_string(valuesPerRow) + " values by this row",
        "use fewer rows or a smaller network");
}

// train: each layer's activations and deltas for a chunk of rows cost rows ×
// neurons (all layers); the time is rows × weights and biases per epoch, for
// every epoch (and the start) of every run: measured, about 1.1 ns per
// row-parameter (a 99,330-parameter network, 2,013 rows: 0.4 s an epoch), so
// 2·10¹¹ row-parameter-epochs take about four minutes.
constexpr long long kMaxTrainingRowNeurons = 20'000'000;
constexpr long long kMaxTrainingWork = 200'000'000'000;

inline std::string trainingSizeProblem(long long rows, long long neurons, long long parameters,
                                       long long epochs, long long runs) {
    if (rows * neurons > kMaxTrainingRowNeurons) {
        return limits_detail::refusal(
            kMaxTrainingRowNeurons, "row-neurons (data rows × neurons of the network)",
            limits_detail::product(rows, neurons), "use fewer rows or a smaller network");
    }
    // Each factor is bounded (rows by the data limit, parameters by the network
    // limit, epochs by 10⁶, runs by the options), so a long double holds the product.
    const long double work = static_cast<long double>(rows) * parameters * (epochs + 1) * runs;
    if (work > static_cast<long double>(kMaxTrainingWork)) {
        return limits_detail::refusal(
            kMaxTrainingWork,
            "row-parameter-epochs (data rows × weights and biases × (epochs + 1) × runs)",
            limits_detail::product(rows, parameters) + " × " + std::to_string(epochs + 1) + " × " +
                std::to_string(runs),
            "train fewer epochs, runs or rows");
    }
    return "";
}

// train: the values recorded per epoch (losses, accuracies, one gradient norm per
// layer) over all epochs and runs; past this, every k-th epoch is recorded
// (the start and the last epoch always), and the output says so.
constexpr long long kMaxRecordedTrainingValues = 10'000'000;

// The epoch stride k ≥ 1 that keeps (epochs / k + 2) × runs × valuesPerEpoch within
// kMaxRecordedTrainingValues.
inline int trainingRecordStride(long long epochs, long long runs, long long valuesPerEpoch) {
    const long long perEpoch = runs * valuesPerEpoch;
    if (perEpoch <= 0 || (epochs + 1) * perEpoch <= kMaxRecordedTrainingValues)
        return 1;
    const long long records = kMaxRecordedTrainingValues / perEpoch - 2; // start and end too
    if (records < 1)
        return static_cast<int>(epochs > 0 ? epochs : 1);
    return static_cast<int>((epochs + records - 1) / records);
}

// The Training tab keeps every run's weights at every epoch, so the slider can
// replay any of them: (epochs + 1) × runs × weights and biases values, 8 bytes
// each. 10⁸ values are 800 MB (`train` on the command line keeps only the
// latest weights and has no such limit).
constexpr long long kMaxTrainingSnapshotValues = 100'000'000;

inline std::string trainingSnapshotProblem(long long epochs, long long runs, long long parameters) {
    const long double values = static_cast<long double>(epochs + 1) * runs * parameters;
    if (values <= static_cast<long double>(kMaxTrainingSnapshotValues))
        return "";
    return limits_detail::refusal(
        kMaxTrainingSnapshotValues,
        "weights kept to replay the runs ((epochs + 1) × runs × weights and biases)",
        std::to_string(epochs + 1) + " × " + std::to_string(runs) + " × " +
            std::to_string(parameters),
        "train fewer epochs or runs here, or use backprop-lab train");
}

// trace --passes N: the N − 1 passes before the traced one are plain updates (a
// forward and a backward pass, about 50 ns per weight and bias measured with
// Adam), so the work is passes × weights and biases: 5·10⁸ take about 25 s.
constexpr long long kMaxTracePassParameters = 500'000'000;

inline std::string tracePassesProblem(long long passes, long long parameters) {
    if (passes * parameters <= kMaxTracePassParameters)
        return "";
    return limits_detail::refusal(kMaxTracePassParameters,
                                  "traced parameters (passes × weights and biases)",
                                  limits_detail::product(passes, parameters), "trace fewer passes");
}

} // namespace bpl
