// The pieces every worked formula is built from, in both renderings (text and
// LaTeX): the operators, parentheses, and a layer's vector symbol. One home for
// the trace, the optimizer steps, the chain rule and the convolution.
#pragma once

#include "core/notation.h"

#include <string>

namespace bpl::formula_parts {

inline const Dual kTimes(" × ", " \\times ");
inline const Dual kDot("·", " \\cdot ");
inline const Dual kPlus(" + ", " + ");
inline const Dual kMinus(" − ", " - ");   // between symbols
inline const Dual kMinusNum(" - ", " - "); // between numbers (ASCII, pastes into a calculator)

// "top/bottom" in text, \frac{top}{bottom} in LaTeX.
inline Dual fraction(const Dual& top, const Dual& bottom) {
    return Dual(top.text + "/" + bottom.text, "\\frac{" + top.latex + "}{" + bottom.latex + "}");
}

inline Dual paren(const Dual& d) {
    return Dual("(" + d.text + ")", "\\left(" + d.latex + "\\right)");
}

// A layer's vector or matrix symbol with its layer as a parenthesised superscript: W⁽²⁾.
inline Dual layerSymbol(const std::string& letter, const std::string& latex, int layer) {
    const std::string s = std::to_string(layer);
    return Dual(letter + superscript("(" + s + ")"), latex + "^{(" + s + ")}");
}

} // namespace bpl::formula_parts
