// The CSV files of `check --class` (docs/formats/class-scores.md): one row per
// student (their mark for every question, totals and score) and one row per
// question, most new mistakes first (where the class slipped). UTF-8, comma
// separated, a header row, numbers locale-free; fields with a comma, quote or
// line break are quoted.
#pragma once

#include "core/check/class_scores.h"

#include <QByteArray>
#include <QString>

namespace bpl::io {

QByteArray classScoresCsv(const ClassScores& scores);
QByteArray classQuestionsCsv(const ClassScores& scores);

// One text field (RFC 4180 quoting when needed), UTF-8. Text that starts with
// '=', '+', '-', '@', a tab or a carriage return gets a leading single quote
// (OWASP's advice against CSV formula injection): a spreadsheet shows it as
// text and never runs it. Numbers are written by the callers, never through
// here, so -0.5 stays a number.
QByteArray csvField(const QString& text);

} // namespace bpl::io
