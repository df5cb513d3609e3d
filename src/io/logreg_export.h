// Logistic-regression runs as JSON (shared/spec/logreg.md, `logreg --format
// json`) and as CSV (one row per run and iteration), for the command line and
// the lab's "Save runs" export.
#pragma once

#include "core/logreg.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace bpl::io {

// One run: method, eta, batch_size, stopped, nll, weights, slope, intercept
// (null where the separator is vertical), train_seconds.
QJsonObject logRegRunToJson(const LogRegRun& run);
// {"data": {"file", "points"}, "runs": [...]}.
QJsonObject logRegRunsToJson(const QString& dataFile, Eigen::Index points,
                             const std::vector<LogRegRun>& runs);
// The same, written with the spec's key order.
QByteArray logRegRunsToJsonBytes(const QString& dataFile, Eigen::Index points,
                                 const std::vector<LogRegRun>& runs);
// Header "method,eta,batch_size,k,nll,w1,w2,w0,slope,intercept,stopped", then
// one row per recorded value; slope and intercept are empty where undefined.
QByteArray logRegRunsToCsv(const std::vector<LogRegRun>& runs);

} // namespace bpl::io
