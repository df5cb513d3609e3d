// Reads a quantity the way a student writes it in the notation on screen —
// "w₁₂⁽³⁾" or "w12(3)" or "w_{12}^{(3)}", "δ₁⁽²⁾" or "delta_1^(2)", "∂E/∂w₁₂⁽¹⁾"
// or "dE/dw12(1)", "new w₁₃⁽¹⁾", "∂E/∂z₁⁽⁰⁾" or "∂E/∂x₁" (the input gradient), "X₁⁽¹⁾" (course
// sheet), "dz1(1)" (Ng), "E", "y₁" — and returns it in file numbering (layer 0 = input, 0-based
// indices), so answers typed in Bishop numbering are saved in the spec's.
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

// A number as typed into an answer field: "0.5769", "0,5769" (decimal comma),
// "−0.8" (Unicode minus), "2.49e-7", "2.49×10⁻⁷", "2.49 x 10^-7". Nullopt for
// anything else, including "1,234.5" (ambiguous) and non-finite values.
std::optional<double> parseTypedNumber(const std::string& text);

} // namespace bpl
