#include "io/json_writer.h"

#include "core/common/number_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

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
        // The ordered keys first, then the rest in the object's (alphabetical) order:
        // a set and one walk, so an object of n unknown keys costs n log n, not n².
        QSet<QString> written;
        bool first = true;
        auto member = [&](const QString& key, const QJsonValue& member) {
            out += first ? "{\n" : ",\n";
            first = false;
            out += pad + scalar(key) + ": ";
            write(out, member, order, depth + 1);
        };
        for (const QString& k : order) {
            const auto it = obj.constFind(k);
            if (it != obj.constEnd() && !written.contains(k)) {
                written.insert(k);
                member(k, it.value());
            }
        }
        for (auto it = obj.constBegin(); it != obj.constEnd(); ++it) {
            if (!written.contains(it.key()))
                member(it.key(), it.value());
        }
        out += "\n" + closePad + "}";
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
