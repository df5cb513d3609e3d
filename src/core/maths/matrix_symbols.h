// Symbols of matrix entries in the worked-maths tools (convolution, pooling):
// X₂₃, W₁₁, F₁₂ with 1-based indices, and ∂E/∂X₂₃.
#pragma once

#include "core/notation.h"

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

} // namespace bpl
