#include "io/json_writer.h"

#include "core/common/number_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace bpl::io {

namespace {

bool isFlat(const QJsonArray& array) {
    for (const QJsonValue& v : array) {
        if (v.isArray() || v.isObject()) return false;
    }
    return true;
}

QByteArray scalar(const QJsonValue& v) {
    if (v.isDouble()) return jsonNumber(v.toDouble());
    QJsonArray wrap{v};
    QByteArray s = QJsonDocument(wrap).toJson(QJsonDocument::Compact);
    return s.mid(1, s.size() - 2);
}

void write(QByteArray& out, const QJsonValue& value, const QStringList& order, int depth) {
    const QByteArray pad(2 * (depth + 1), ' ');
    const QByteArray closePad(2 * depth, ' ');
    if (value.isObject()) {
        const QJsonObject obj = value.toObject();
        if (obj.isEmpty()) {
            out += "{}";
            return;
        }
        QStringList keys;
        for (const QString& k : order) {
            if (obj.contains(k)) keys << k;
        }
        for (const QString& k : obj.keys()) {
            if (!keys.contains(k)) keys << k;
        }
        out += "{\n";
        for (int n = 0; n < keys.size(); ++n) {
            out += pad + scalar(keys[n]) + ": ";
            write(out, obj.value(keys[n]), order, depth + 1);
            out += n + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closePad + "}";
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (isFlat(array)) {
            out += "[";
            for (int n = 0; n < array.size(); ++n) {
                if (n > 0) out += ", ";
                out += scalar(array[n]);
            }
            out += "]";
            return;
        }
        out += "[\n";
        for (int n = 0; n < array.size(); ++n) {
            out += pad;
            write(out, array[n], order, depth + 1);
            out += n + 1 < array.size() ? ",\n" : "\n";
        }
        out += closePad + "]";
        return;
    }
    out += scalar(value);
}

} // namespace

QByteArray jsonNumber(double x) {
    // JSON has no inf or nan: a non-finite value is written as null, never as a bare token.
    if (!std::isfinite(x)) return "null";
    return QByteArray::fromStdString(shortestNumberText(x));
}

QByteArray writeJson(const QJsonValue& value, const QStringList& keyOrder) {
    QByteArray out;
    write(out, value, keyOrder, 0);
    out += "\n";
    return out;
}

QJsonArray jsonNumbers(const std::vector<double>& values) {
    QJsonArray a;
    for (double v : values) a.append(v);
    return a;
}

QJsonArray jsonMatrix(const Eigen::MatrixXd& m) {
    QJsonArray rows;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        QJsonArray row;
        for (Eigen::Index c = 0; c < m.cols(); ++c) row.append(m(r, c));
        rows.append(row);
    }
    return rows;
}

} // namespace bpl::io
