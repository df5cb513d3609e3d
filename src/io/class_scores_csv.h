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

// One CSV field (RFC 4180 quoting when needed), UTF-8.
QByteArray csvField(const QString& text);

} // namespace bpl::io
