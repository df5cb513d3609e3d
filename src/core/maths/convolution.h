// One 2-D convolution layer worked by hand (teaching-content.md §9): an input
// X, a filter W, a stride and zero padding. Forward: every output F_ij as its
// sum of products, substituted (F₁₁ = 4·4 + 3·5 + … = 109). Backward, for a
// given ∂E/∂F (all ones unless given): ∂E/∂W_uv = Σ_ij ∂E/∂F_ij X_(s(i−1)+u)(s(j−1)+v)
// and ∂E/∂X_pq = Σ of ∂E/∂F_ij W_uv over every window that covers X_pq — each
// element with its formula and the windows that overlap it.
//
// Two operations, both stated in every output: the cross-correlation that
// deep-learning libraries call convolution (F_ij = Σ_uv W_uv X_(i+u−1)(j+v−1),
// no flip; the default), and the convolution of signal processing, which flips
// the kernel (F_ij = Σ_uv W_(k+1−u)(k+1−v) X_(i+u−1)(j+v−1)), with stride s and
// padding p X_(s(i−1)+u−p)(s(j−1)+v−p). Indices are 0-based in the
// structs and 1-based in every formula (F₁₁ is output(0, 0)). Input coordinates
// are those of the unpadded X: a padding cell has p or q outside X and value 0.
#pragma once

#include "core/maths/worked_formula.h"
#include "core/result.h"

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

namespace bpl {

enum class ConvolutionMode { CrossCorrelation, Convolution };

// "cross-correlation", "convolution".
std::string convolutionModeKey(ConvolutionMode mode);
bool convolutionModeFromKey(const std::string& key, ConvolutionMode& out);

struct ConvolutionProblem {
    Eigen::MatrixXd input;  // X
    Eigen::MatrixXd filter; // W
    int stride = 1;         // ≥ 1, the same along rows and columns
    int padding = 0;        // ≥ 0 rings of zeros around X
    ConvolutionMode mode = ConvolutionMode::CrossCorrelation;
    Eigen::MatrixXd gradOutput; // ∂E/∂F; empty means all ones
    int precision = 4;          // significant figures in substituted numbers and results
};

// Output size along one axis: ⌊(n + 2·padding − k) / stride⌋ + 1 (0 when the
// filter does not fit).
int convolutionOutputSize(int n, int k, int stride, int padding);

// One product of a sum: filter entry (u, v) — after the flip, in convolution
// mode — times input cell (p, q), for output (i, j).
struct ConvTerm {
    int i = 0, j = 0;     // output
    int u = 0, v = 0;     // filter entry used
    int p = 0, q = 0;     // input cell (unpadded coordinates; may lie in the padding)
    bool padding = false; // the input cell is a padding zero
    double x = 0;         // X_pq (0 in the padding)
    double w = 0;         // W_uv
    double g = 0;         // ∂E/∂F_ij
};

// One element with its formula: an output F_ij (terms = its window), an entry
// of ∂E/∂W (terms = one per output whose window it touched) or of ∂E/∂X
// (terms = one per window covering the cell; padding terms are left out of
// the backward sums, as they add 0).
struct ConvElementStep {
    int row = 0;
    int col = 0;
    std::vector<ConvTerm> terms;
    WorkedFormula formula; // ref: ConvOutput / ConvGradFilter / ConvGradInput at (row, col)
};

struct Convolution {
    ConvolutionProblem problem;
    Eigen::MatrixXd output;                      // F
    Eigen::MatrixXd gradOutput;                  // ∂E/∂F as used (all ones when not given)
    Eigen::MatrixXd gradFilter;                  // ∂E/∂W, the size of W
    Eigen::MatrixXd gradInput;                   // ∂E/∂X, the size of X (unpadded)
    std::vector<ConvElementStep> forward;        // row-major over F
    std::vector<ConvElementStep> backwardFilter; // row-major over W
    std::vector<ConvElementStep> backwardInput;  // row-major over X
    Dual operation; // "F_ij = Σ_uv W_uv · X_(i + u − 1)(j + v − 1)" (1-based, with s and p)
    Dual operationName; // "cross-correlation (what deep-learning libraries call convolution)"

    std::optional<double>
    valueOf(const MathsRef& ref) const; // ConvOutput / ConvGradFilter / ConvGradInput
    const WorkedFormula* formulaFor(const MathsRef& ref) const;
    Dual symbolOf(const MathsRef& ref) const; // F₁₂, ∂E/∂W₂₁, ∂E/∂X₃₃
    // The outputs (i, j) whose windows cover input cell (p, q): the overlapping windows.
    std::vector<std::pair<int, int>> windowsCovering(int p, int q) const;
};

// Checks sizes (X and W non-empty, W fits the padded X, ∂E/∂F the size of F),
// stride ≥ 1, 0 ≤ padding < 64, entries finite, at most 64×64 inputs and
// kMaxConvolutionProducts products (core/common/limits.h), then
// computes everything. Errors name the part: Error{"", "filter", "is 4×4, larger
// than the padded input 3×3"}.
Result<Convolution> computeConvolution(const ConvolutionProblem& problem);

// Parses "[[4, 3, 3], [5, 5, 5], [2, 4, 3]]" (JSON-style nested lists, rows of
// equal length, locale-free numbers); false with a reason naming the place
// ("row 2 has 2 entries, row 1 has 3").
bool parseMatrixText(const std::string& text, Eigen::MatrixXd& out, std::string& error);

} // namespace bpl
