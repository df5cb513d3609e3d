// How an undo command names a value in its text ("Set w₁₂⁽¹⁾ to 0.35"): enough
// significant figures that two different values never read the same.
#pragma once

#include "core/number_format.h"
#include "io/qt_text.h"

namespace bpl::gui {

inline QString undoNumber(double x) { return q(formatNumber(x, 10)); }

} // namespace bpl::gui
