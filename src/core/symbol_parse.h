// Reads a quantity the way a student writes it in the notation on screen —
// "w₁₂⁽³⁾" or "w12(3)" or "w_{12}^{(3)}", "δ₁⁽²⁾" or "delta_1^(2)", "∂E/∂w₁₂⁽¹⁾"
// or "dE/dw12(1)", "new w₁₃⁽¹⁾", "X₁⁽¹⁾" (course sheet), "dz1(1)" (Ng), "E", "y₁" —
// and returns it in file numbering (layer 0 = input, 0-based indices), so
// answers typed in Bishop numbering are saved in the spec's.
#pragma once

#include "core/network.h"
#include "core/notation.h"
#include "core/quantity.h"

#include <optional>
#include <string>

namespace bpl {

struct SymbolParse {
    std::optional<QuantityRef> ref;
    std::string error; // why the text names nothing, when ref is empty
};

SymbolParse parseQuantitySymbol(const std::string& text, const Notation& notation, const Network& network);

} // namespace bpl
