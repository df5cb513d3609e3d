#include "io/logreg_data.h"

#include "core/common/number_text.h"
#include "io/text_columns.h"
#include "io/safe_file.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <cmath>
#include <string_view>
#include <vector>

namespace bpl::io {

namespace {

std::string columnName(std::size_t column, std::size_t columns) {
    if (column == 0)
        return "x1";
    if (column == 1)
        return "x2";
    if (column == 2 && columns == 4)
        return "the bias column";
    return "label t";
}

} // namespace

Result<LogRegData> parseLogRegData(const QByteArray& bytes, const QString& fileName) {
    const std::string file = fileName.toStdString();
    std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3); // UTF-8 byte-order mark
    auto lineError = [&](long line, std::string reason) {
        return Error{file, "line " + std::to_string(line), std::move(reason)};
    };
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return lineError(1, "the file is empty (expected lines of x1 x2 t)");
    }

    std::vector<double> x1, x2, t;
    // A point takes at least 6 bytes ("0 0 0\n"); 24 is typical. Never more than the cap.
    x1.reserve(std::min<std::size_t>(static_cast<std::size_t>(bytes.size() / 24), kMaxLogRegPoints));
    x2.reserve(x1.capacity());
    t.reserve(x1.capacity());
    std::vector<std::string_view> fields;
    std::size_t columns = 0; // 3 or 4 once the first data line is read
    long firstDataLine = 0;
    bool headerAllowed = true;
    long lineNumber = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        ++lineNumber;
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
            line = line.substr(0, hash);
        }
        // A row has 3 or 4 columns; a few more are still reported by count.
        if (std::string reason = splitFields(line, fields, 64); !reason.empty()) {
            return lineError(lineNumber, reason);
        }
        if (fields.empty())
            continue;

        double values[4] = {0, 0, 0, 0};
        std::size_t numeric = 0;
        for (std::size_t k = 0; k < fields.size() && k < 4; ++k) {
            if (parseNumber(fields[k], values[k]))
                ++numeric;
        }
        if (headerAllowed && numeric == 0) { // a header line of names, skipped
            headerAllowed = false;
            continue;
        }
        headerAllowed = false;

        if (columns == 0) {
            if (fields.size() != 3 && fields.size() != 4) {
                return lineError(lineNumber,
                                 "expected 3 columns (x1 x2 t) or 4 (x1 x2 1 t), found " +
                                     std::to_string(fields.size()));
            }
            columns = fields.size();
            firstDataLine = lineNumber;
        } else if (fields.size() != columns) {
            const std::string layout = columns == 3 ? "x1 x2 t" : "x1 x2 1 t";
            return lineError(
                lineNumber,
                std::string(fields.size() < columns ? "missing column: " : "extra column: ") +
                    "expected " + std::to_string(columns) + " columns (" + layout + ") like line " +
                    std::to_string(firstDataLine) + ", found " + std::to_string(fields.size()));
        }
        for (std::size_t k = 0; k < columns; ++k) {
            double value = 0;
            if (!parseNumber(fields[k], value)) {
                return lineError(lineNumber, columnName(k, columns) + ": " + quotedField(fields[k]) +
                                                 " is not a number");
            }
            if (!std::isfinite(value)) {
                return lineError(lineNumber, columnName(k, columns) + ": " + quotedField(fields[k]) +
                                                 " is not a finite number");
            }
            values[k] = value;
        }
        if (columns == 4 && values[2] != 1.0) {
            return lineError(lineNumber,
                             "the third of 4 columns is the bias input and must be 1, found " +
                                 shortestNumberText(values[2]));
        }
        const double label = values[columns - 1];
        if (label != 0.0 && label != 1.0) {
            return lineError(lineNumber, "label t must be 0 or 1, found " + shortestNumberText(label));
        }
        if (t.size() >= static_cast<std::size_t>(kMaxLogRegPoints)) {
            return lineError(lineNumber, "more than " + std::to_string(kMaxLogRegPoints) +
                                             " points (the largest data set the lab trains on)");
        }
        x1.push_back(values[0]);
        x2.push_back(values[1]);
        t.push_back(label);
    }
    if (t.empty()) {
        return lineError(lineNumber,
                         "no data points before the end of the file (expected lines of x1 x2 t)");
    }

    LogRegData data;
    const Eigen::Index n = static_cast<Eigen::Index>(t.size());
    data.x1 = Eigen::Map<const Eigen::ArrayXd>(x1.data(), n);
    data.x2 = Eigen::Map<const Eigen::ArrayXd>(x2.data(), n);
    data.t = Eigen::Map<const Eigen::ArrayXd>(t.data(), n);
    return data;
}

Result<LogRegData> loadLogRegData(const QString& path) {
    const auto bytes = readRegularFile(path, kMaxLogRegDataBytes, "data file");
    if (!bytes)
        return bytes.error();
    return parseLogRegData(bytes.value(), path);
}

QByteArray logRegDataToText(const LogRegData& data, const QString& comment) {
    QByteArray out;
    out.reserve(static_cast<qsizetype>(data.size()) * 40 + 200);
    for (const QString& line : comment.split('\n', Qt::SkipEmptyParts))
        out += "# " + line.toUtf8() + "\n";
    out += "x1 x2 t\n";
    for (Eigen::Index k = 0; k < data.size(); ++k) {
        out += QByteArray::number(data.x1(k), 'g', QLocale::FloatingPointShortest);
        out += ' ';
        out += QByteArray::number(data.x2(k), 'g', QLocale::FloatingPointShortest);
        out += data.t(k) == 1.0 ? " 1\n" : " 0\n";
    }
    return out;
}

Result<bool> saveLogRegData(const LogRegData& data, const QString& path, const QString& comment) {
    return writeFileAtomically(path, logRegDataToText(data, comment));
}

} // namespace bpl::io
