// The shared helpers of every JSON loader (network files, answer files, and
// the loaders still to come): the document's top-level object with syntax
// errors placed by line and column, and how a found value is described in a
// message, quoting at most ~60 characters of a string.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

#include <string>

namespace bpl::io {

// "a number", "an array", "a string (\"relu\")", "null", … for "expected X, found Y".
std::string jsonTypeName(const QJsonValue& value);
// The string value quoted for a message ("\"AAAA…\" (10000000 bytes)").
std::string jsonQuoted(const QJsonValue& value);
// "line 3, column 7" of a byte offset.
std::string jsonLineColumn(const QByteArray& bytes, qint64 offset);
// The top-level object of `bytes`; `file` names it in messages ("file is empty
// (expected a JSON object)", "file: line 3, column 7: invalid JSON (…)").
Result<QJsonObject> parseJsonObject(const QByteArray& bytes, const std::string& file);

} // namespace bpl::io
