// The matrices of the worked-maths tools (convolution, pooling): symbols of
// their entries (X₂₃, W₁₁, F₁₂ with 1-based indices, ∂E/∂X₂₃) and the checks
// both tools make of an input X and a given gradient.
#pragma once

#include "core/notation.h"

#include <Eigen/Dense>
#include <string>

namespace bpl {

// X₂₃ (x_{23}) for 0-based (row, col) = (1, 2); "X₁₀,₂" once an index reaches 10.
inline Dual entrySymbol(const std::string& letter, int row, int col) {
    const std::string index = indexText({std::to_string(row + 1), std::to_string(col + 1)});
    return Dual(letter + subscript(index), letter + "_{" + index + "}");
}

// ∂of/∂by.
inline Dual partialSymbol(const Dual& of, const Dual& by) {
    return Dual("∂" + of.text + "/∂" + by.text,
                "\\frac{\\partial " + of.latex + "}{\\partial " + by.latex + "}");
}

// The largest X worked by hand (rows and columns).
constexpr int kMaxWorkedMatrixSide = 64;

// "3×4".
inline std::string matrixSizeText(const Eigen::MatrixXd& m) {
    return std::to_string(m.rows()) + "×" + std::to_string(m.cols());
}

// Why X cannot be worked ("is empty", "is 65×65; at most 64×64 …"), or "".
inline std::string workedInputProblem(const Eigen::MatrixXd& x) {
    if (x.size() == 0)
        return "is empty";
    if (x.rows() > kMaxWorkedMatrixSide || x.cols() > kMaxWorkedMatrixSide) {
        const std::string side = std::to_string(kMaxWorkedMatrixSide);
        return "is " + matrixSizeText(x) + "; at most " + side + "×" + side +
               " is worked by hand here";
    }
    if (!x.allFinite())
        return "has an entry that is not a finite number";
    return "";
}

// Why a given gradient ∂E/∂`output` cannot be used for an output of
// rows × cols ("is 1×2; ∂E/∂F must be the size of F, 2×2"), or "".
inline std::string givenGradientProblem(const Eigen::MatrixXd& g, long rows, long cols,
                                        const std::string& output) {
    if (g.rows() != rows || g.cols() != cols) {
        return "is " + matrixSizeText(g) + "; ∂E/∂" + output + " must be the size of " + output +
               ", " + std::to_string(rows) + "×" + std::to_string(cols);
    }
    if (!g.allFinite())
        return "has an entry that is not a finite number";
    return "";
}

} // namespace bpl
