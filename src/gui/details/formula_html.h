// Turns the LaTeX of the trace's formulas into Qt rich text, so the details
// panel shows real subscripts and superscripts, Greek letters and math italics
// (w<sub>12</sub><sup>(2)</sup>) without a TeX engine. Covers the subset the
// core writes: _ ^ { } \frac \left \right \mathrm \text \mathsf, Greek and
// operator symbols; anything else is shown by name rather than dropped.
#pragma once

#include <QString>
#include <string>

namespace bpl::gui {

QString latexToHtml(const std::string& latex);

// HTML-escaped plain text.
QString escapeHtml(const QString& text);

} // namespace bpl::gui
