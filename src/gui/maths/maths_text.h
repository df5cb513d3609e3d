// Small shared pieces of text for the Worked maths tab: how activations are
// named on screen, and the core's numbers as QStrings at a precision.
#pragma once

#include "core/activation.h"

#include <QString>

namespace bpl::gui {

// "σ", "tanh", "ReLU", "leaky ReLU", "identity", "U", "softmax₁".
QString activationDisplayName(Activation activation);
// formatNumber as a QString (locale-free, ASCII minus as in the formulas).
QString mathsNumber(double x, int significantFigures);

} // namespace bpl::gui
