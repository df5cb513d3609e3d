// Writes JSON for people to read: objects indented with keys in a chosen order,
// arrays of numbers on one line (a weight row reads like the matrix it is),
// numbers in the shortest form that reads back to the same double.
#pragma once

#include <Eigen/Dense>
#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <vector>

namespace bpl::io {

// `keyOrder` lists keys to write first (in that order) in every object; the
// rest follow alphabetically.
QByteArray writeJson(const QJsonValue& value, const QStringList& keyOrder = {});
// The shortest decimal that reads back to x ("0.1", "3", "1e-07"), locale-free;
// null for inf and nan (callers that must not lose a value refuse before).
QByteArray jsonNumber(double x);
// The values as a JSON array of numbers.
QJsonArray jsonNumbers(const std::vector<double>& values);
// A matrix as a JSON array of rows.
QJsonArray jsonMatrix(const Eigen::MatrixXd& m);

} // namespace bpl::io
