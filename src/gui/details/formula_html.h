// The window's formulas and tables use the one LaTeX→HTML converter of the
// worked solutions (io/latex_html.h): real subscripts and superscripts, Greek
// letters and math italics in Qt rich text, without a TeX engine. These names
// keep the views' calls short; there is no second implementation.
#pragma once

#include "io/latex_html.h"

namespace bpl::gui {

using io::latexToHtml;

// HTML-escaped plain text.
inline QString escapeHtml(const QString& text) {
    return io::htmlEscape(text);
}

} // namespace bpl::gui
