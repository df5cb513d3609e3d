// The CSV files of `check --class` (docs/formats/class-scores.md): one row per
// student (their mark for every question, totals and score) and one row per
// question, most new mistakes first (where the class slipped). UTF-8, comma
// separated, a header row, numbers locale-free; fields with a comma, quote or
// line break are quoted (io/csv_field.h).
#pragma once

#include "core/check/class_scores.h"
#include "io/csv_field.h"

#include <QByteArray>
#include <QString>

namespace bpl::io {

QByteArray classScoresCsv(const ClassScores& scores);
QByteArray classQuestionsCsv(const ClassScores& scores);

} // namespace bpl::io
