// Pooling worked by hand (teaching-content.md §12): max, average and adaptive
// (max or average) pooling over a matrix X, forward with each output's window
// and backward for a given ∂E/∂P (all ones unless given).
//
// Definitions, as PyTorch's MaxPool2d / AvgPool2d / AdaptiveMaxPool2d /
// AdaptiveAvgPool2d compute them:
// - max and average: a k×k window moved by the stride s (default k) over X
//   with p rings of padding; P is ⌊(n + 2p − k)/s⌋ + 1 along each axis. Max
//   padding never wins (it counts as −∞); average padding counts as 0 and the
//   divisor is always k² (count_include_pad).
// - adaptive, for an output of m × m' from n × n' inputs: window i covers rows
//   ⌊i·n/m⌋ to ⌈(i+1)·n/m⌉ − 1 (and the same for columns); no padding; the
//   average divides by the window's own cell count.
// - backward: max sends ∂E/∂P_ij to the window's first maximum (row by row,
//   as PyTorch does); average shares it equally over the window (padding cells
//   take their share and drop it); where windows overlap, the parts add.
// Indices are 0-based in the structs and 1-based in every formula.
#pragma once

#include "core/maths/worked_formula.h"
#include "core/result.h"

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bpl {

enum class PoolingKind { Max, Average, AdaptiveMax, AdaptiveAverage };

// "max", "average", "adaptive-max", "adaptive-average".
std::string poolingKindKey(PoolingKind kind);
bool poolingKindFromKey(const std::string& key, PoolingKind& out);
bool isAdaptive(PoolingKind kind);
bool isMaxPooling(PoolingKind kind);

struct PoolingProblem {
    Eigen::MatrixXd input; // X
    PoolingKind kind = PoolingKind::Max;
    int window = 2;  // k (max and average)
    int stride = 0;  // s ≥ 1; 0 means s = k (PyTorch's default)
    int padding = 0; // 0 ≤ p ≤ k/2 (as PyTorch requires)
    int outRows = 0; // adaptive: the output's size
    int outCols = 0;
    Eigen::MatrixXd gradOutput; // ∂E/∂P; empty means all ones
    int precision = 4;
};

// One output's window: rows [rowBegin, rowEnd) and columns [colBegin, colEnd)
// of the unpadded X (they reach outside X by the padding).
struct PoolWindow {
    int rowBegin = 0, rowEnd = 0, colBegin = 0, colEnd = 0;
    int cells() const { return (rowEnd - rowBegin) * (colEnd - colBegin); }
    bool covers(int p, int q) const {
        return p >= rowBegin && p < rowEnd && q >= colBegin && q < colEnd;
    }
};

struct PoolElementStep {
    int row = 0, col = 0;
    Dual lhs;      // P₁₁, ∂E/∂X₁₁
    Dual symbolic; // max(X₁₁, X₁₂, X₂₁, X₂₂) or ∂E/∂P₁₁ + ∂E/∂P₁₂/4
    Dual substituted; // max(1, 3, 2, 4)
    Dual result;      // 4
    double value = 0;
    std::vector<std::pair<int, int>> windows; // backward: the outputs (i, j) that send a part here
    Dual line() const;                        // "lhs = symbolic = substituted = result"
};

struct Pooling {
    PoolingProblem problem;                  // stride resolved (never 0)
    Eigen::MatrixXd output;                  // P
    Eigen::MatrixXd gradOutput;              // ∂E/∂P as used
    Eigen::MatrixXd gradInput;               // ∂E/∂X, the size of X
    std::vector<PoolWindow> windows;         // row-major over P
    std::vector<std::pair<int, int>> argMax; // max: the chosen cell of each window
    std::vector<PoolElementStep> forward;    // row-major over P
    std::vector<PoolElementStep> backward;   // row-major over X
    Dual operation;                          // "P_ij = max over window (i, j) of X" …

    // The scalars as the checker and the exporters name them (maths_check.h):
    // P_ij is MathsQuantity::ConvOutput and ∂E/∂X_pq ConvGradInput (the answer
    // keys "output" and "grad_input"); any other reference names nothing.
    std::optional<double> valueOf(const MathsRef& ref) const;
    std::optional<WorkedFormula> formulaFor(const MathsRef& ref) const;
    Dual symbolOf(const MathsRef& ref) const; // P₁₂, ∂E/∂X₃₃
    // The step behind a reference (forward for P, backward for ∂E/∂X), or null.
    const PoolElementStep* stepFor(const MathsRef& ref) const;
};

// Checks the problem (X non-empty, finite, at most 64×64; window, stride and
// padding; adaptive sizes from 1 to the input's; ∂E/∂P the size of P) and
// works everything. Errors name the part, as computeConvolution's do.
Result<Pooling> computePooling(const PoolingProblem& problem);

} // namespace bpl
