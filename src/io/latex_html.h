// Typesets the small LaTeX subset the trace writes (subscripts, superscripts,
// \frac, Greek letters, \times, \left( …) as HTML that both browsers and
// QTextDocument render: italic letters, <sub>/<sup> indices, a true minus
// sign. Used by the HTML and PDF worked solutions, so their formulas read like
// a typeset solution rather than plain text.
#pragma once

#include <QString>
#include <string>

namespace bpl::io {

// "w_{12}^{(1)} z_{2}^{(0)}" → "<i>w</i><sub>12</sub><sup>(1)</sup> <i>z</i>…".
// Unknown commands are written as their name; nothing is ever dropped.
QString latexToHtml(const std::string& latex);

// Escapes &, <, > and quotes for HTML text.
QString htmlEscape(const QString& text);

} // namespace bpl::io
