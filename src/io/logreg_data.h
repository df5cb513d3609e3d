// Logistic-regression data files (shared/spec/logreg.md): plain text, one point
// per line, numbers separated by white space or commas, `#` starts a comment,
// an optional header line of names. Three columns `x1 x2 t` or four
// `x1 x2 1 t`; t is 0 or 1. Every rejection names the file, the line and the
// reason ("data.txt: line 7: label t must be 0 or 1, found 2").
#pragma once

#include "core/logreg.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace bpl::io {

// The largest data set (docs/limits.md): a file is read only up
// to kMaxLogRegDataBytes, and at most kMaxLogRegPoints points are kept
// (24 bytes each; with the file's text and the parse, well under 2 GB).
constexpr qint64 kMaxLogRegDataBytes = qint64(256) << 20;
constexpr long long kMaxLogRegPoints = 10'000'000;

// `fileName` is only used in messages.
Result<LogRegData> parseLogRegData(const QByteArray& bytes, const QString& fileName);
Result<LogRegData> loadLogRegData(const QString& path);

// The data as a three-column file with a comment and a header line; numbers in
// the shortest form that reads back to the same double.
QByteArray logRegDataToText(const LogRegData& data, const QString& comment = QString());
// Writes atomically (QSaveFile).
Result<bool> saveLogRegData(const LogRegData& data, const QString& path,
                            const QString& comment = QString());

} // namespace bpl::io
