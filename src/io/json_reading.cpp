#include "io/json_reading.h"

#include "core/common/number_text.h"

#include <cmath>

#include "core/common/message_text.h"

#include <QJsonDocument>

namespace bpl::io {

std::string jsonQuoted(const QJsonValue& value) {
    return quoteExcerpt(value.toString().toStdString());
}

std::string jsonTypeName(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string (" + quoteExcerpt(value.toString().toStdString(), 20) + ")";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        return "nothing";
    }
    return "something else";
}

std::string jsonLineColumn(const QByteArray& bytes, qint64 offset) {
    qint64 line = 1, column = 1;
    for (qint64 k = 0; k < offset && k < bytes.size(); ++k) {
        if (bytes[k] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Result<QJsonObject> parseJsonObject(const QByteArray& bytes, const std::string& file) {
    if (bytes.trimmed().isEmpty())
        return Error{file, "", "file is empty (expected a JSON object)"};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{file, jsonLineColumn(bytes, parseError.offset),
                     "invalid JSON (" + parseError.errorString().toStdString() + ")"};
    }
    if (!doc.isObject())
        return Error{file, "", "expected a JSON object at the top level"};
    return doc.object();
}

double readFiniteNumber(const QJsonValue& value, const std::string& place) {
    if (!value.isDouble()) throw JsonReject{place, "expected a number, found " + jsonTypeName(value)};
    const double x = value.toDouble();
    if (!std::isfinite(x)) throw JsonReject{place, "expected a finite number"};
    return x;
}

std::string readString(const QJsonValue& value, const std::string& place) {
    if (!value.isString()) throw JsonReject{place, "expected a string, found " + jsonTypeName(value)};
    return value.toString().toStdString();
}

QJsonObject readObject(const QJsonValue& value, const std::string& place) {
    if (!value.isObject()) throw JsonReject{place, "expected an object, found " + jsonTypeName(value)};
    return value.toObject();
}

long long readWholeNumber(const QJsonValue& value, const std::string& place, long long lo, long long hi) {
    if (!value.isDouble()) throw JsonReject{place, "expected a whole number, found " + jsonTypeName(value)};
    const double x = value.toDouble();
    if (x != std::floor(x) || x < static_cast<double>(lo) || x > static_cast<double>(hi)) {
        throw JsonReject{place, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                    ", found " + shortestNumberText(x)};
    }
    return static_cast<long long>(x);
}

} // namespace bpl::io
