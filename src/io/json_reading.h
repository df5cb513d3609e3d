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

// A loader's refusal, thrown while it walks the document and caught at its top,
// where the file name is added: the JSON place ("layers[2].size") and why.
struct JsonReject {
    std::string place;
    std::string reason;
};
// The value as a finite number, or a JsonReject at `place` ("expected a number, found …").
double readFiniteNumber(const QJsonValue& value, const std::string& place);
// The value as a string, or a JsonReject at `place` ("expected a string, found …").
std::string readString(const QJsonValue& value, const std::string& place);
// The value as an object, or a JsonReject at `place` ("expected an object, found …").
QJsonObject readObject(const QJsonValue& value, const std::string& place);
// The value as a whole number from lo to hi, or a JsonReject at `place`
// ("expected a whole number from 1 to 10, found 2.5").
long long readWholeNumber(const QJsonValue& value, const std::string& place, long long lo, long long hi);

} // namespace bpl::io
