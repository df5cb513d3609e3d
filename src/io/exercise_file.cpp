#include "io/exercise_file.h"

#include "io/exercise_template.h"
#include "io/json_reading.h"
#include "io/json_writer.h"
#include "io/safe_file.h"

#include "core/common/message_text.h"

#include <QFile>
#include <QJsonArray>

#include <cmath>

namespace bpl::io {

namespace {

Eigen::MatrixXd matrix(const QJsonValue& v, const std::string& place) {
    if (!v.isArray() || v.toArray().isEmpty())
        throw JsonReject{place, "expected a non-empty array of rows"};
    const QJsonArray rows = v.toArray();
    if (rows.size() > 64)
        throw JsonReject{place, "at most 64 rows"};
    Eigen::MatrixXd m;
    for (int r = 0; r < rows.size(); ++r) {
        const std::string rp = place + "[" + std::to_string(r) + "]";
        if (!rows[r].isArray() || rows[r].toArray().isEmpty())
            throw JsonReject{rp, "expected a non-empty row of numbers"};
        const QJsonArray row = rows[r].toArray();
        if (r == 0) {
            if (row.size() > 64)
                throw JsonReject{rp, "at most 64 columns"};
            m.resize(rows.size(), row.size());
        }
        if (row.size() != m.cols())
            throw JsonReject{rp, "has " + std::to_string(row.size()) + " entries, row 1 has " +
                                 std::to_string(m.cols())};
        for (int c = 0; c < row.size(); ++c) {
            if (!row[c].isDouble() || !std::isfinite(row[c].toDouble()))
                throw JsonReject{rp + "[" + std::to_string(c) + "]",
                             "expected a finite number, found " + jsonTypeName(row[c])};
            m(r, c) = row[c].toDouble();
        }
    }
    return m;
}

int wholeKey(const QJsonObject& o, const char* key, int fallback, int low, int high) {
    if (!o.contains(key))
        return fallback;
    const QJsonValue v = o.value(key);
    const double x = v.toDouble(-1);
    if (!v.isDouble() || x != std::floor(x) || x < low || x > high)
        throw JsonReject{key, "expected a whole number from " + std::to_string(low) + " to " +
                              std::to_string(high) + ", found " + jsonTypeName(v)};
    return static_cast<int>(x);
}

void parseChain(const QJsonObject& root, MathsExercise& out) {
    if (!root.value("expression").isString())
        throw JsonReject{"expression", "expected the expression as a string"};
    out.expressionText = root.value("expression").toString().toStdString();
    ParseResult parsed = parseExpression(out.expressionText);
    if (!parsed.ok())
        throw JsonReject{"expression", parsed.error.describe()};
    out.expression = std::move(parsed.expression);
    if (!root.value("at").isObject())
        throw JsonReject{"at",
                     "expected the variables' values as an object, e.g. {\"x\": 1, \"y\": 0}"};
    const QJsonObject at = root.value("at").toObject();
    for (const QString& name : at.keys())
        if (std::find(out.expression->variables.begin(), out.expression->variables.end(),
                      name.toStdString()) == out.expression->variables.end())
            throw JsonReject{"at." + excerpt(name.toStdString()),
                             "is not a variable of the expression"};
    for (const auto& name : out.expression->variables) {
        const QJsonValue v = at.value(QString::fromStdString(name));
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            throw JsonReject{"at." + name, "expected a finite number, found " + jsonTypeName(v)};
        out.at.push_back({name, v.toDouble()});
    }
    const GraphResult graph = buildExpressionGraph(*out.expression, out.at);
    if (!graph.ok())
        throw JsonReject{"at", graph.error.describe()};
    if (root.contains("variants")) {
        auto t = expressionTemplateFromJson(root.value("variants"), *out.expression);
        if (!t)
            throw JsonReject{t.error().place, t.error().reason};
        out.chainTemplate = std::move(t).value();
    }
}

void parseConvolution(const QJsonObject& root, MathsExercise& out) {
    ConvolutionProblem& c = out.convolution;
    c.input = matrix(root.value("input"), "input");
    c.filter = matrix(root.value("filter"), "filter");
    c.stride = wholeKey(root, "stride", 1, 1, 64);
    c.padding = wholeKey(root, "padding", 0, 0, 63);
    if (root.contains("mode") &&
        !convolutionModeFromKey(root.value("mode").toString().toStdString(), c.mode))
        throw JsonReject{"mode", "expected \"cross-correlation\" or \"convolution\", found " +
                                 jsonTypeName(root.value("mode"))};
    const auto computed = computeConvolution(c);
    if (!computed)
        throw JsonReject{computed.error().place, computed.error().reason};
    if (root.contains("variants")) {
        auto t = convolutionTemplateFromJson(root.value("variants"));
        if (!t)
            throw JsonReject{t.error().place, t.error().reason};
        out.convTemplate = std::move(t).value();
    }
}

} // namespace

Result<MathsExercise> parseMathsExercise(const QByteArray& bytes, const QString& fileName) {
    const std::string file = fileName.toStdString();
    if (bytes.size() > kMaxExerciseFileBytes)
        return Error{file, "", "file is too large (an exercise file may be at most 4 MiB)"};
    auto root = parseJsonObject(bytes, file);
    if (!root)
        return root.error();
    try {
        MathsExercise out;
        out.original = std::move(root).value();
        const QJsonObject& o = out.original;
        if (o.value("format").toString() != kExerciseFormat)
            throw JsonReject{"format", "expected \"" + std::string(kExerciseFormat) + "\", found " +
                                       jsonTypeName(o.value("format"))};
        if (o.contains("name")) {
            if (!o.value("name").isString())
                throw JsonReject{"name", "expected a string"};
            out.name = o.value("name").toString();
        }
        const QString kind = o.value("kind").toString();
        out.templateGiven = o.contains("variants");
        if (kind == "chain") {
            out.kind = MathsExerciseKind::Chain;
            parseChain(o, out);
        } else if (kind == "conv") {
            out.kind = MathsExerciseKind::Convolution;
            parseConvolution(o, out);
        } else {
            throw JsonReject{"kind",
                         "expected \"chain\" or \"conv\", found " + jsonTypeName(o.value("kind"))};
        }
        return out;
    } catch (const JsonReject& r) {
        return Error{file, r.place, r.reason};
    }
}

Result<MathsExercise> loadMathsExercise(const QString& path) {
    const auto bytes = readRegularFile(path, kMaxExerciseFileBytes, "exercise file");
    if (!bytes)
        return bytes.error();
    return parseMathsExercise(bytes.value(), path);
}

bool isMathsExerciseFile(const QString& path) {
    const auto bytes = readRegularFile(path, kMaxExerciseFileBytes, "exercise file");
    if (!bytes)
        return false;
    const auto root = parseJsonObject(bytes.value(), path.toStdString());
    return root && root.value().value("format").toString() == kExerciseFormat;
}

QJsonObject mathsExerciseToJson(const MathsExercise& exercise) {
    QJsonObject root = exercise.original;
    root["format"] = kExerciseFormat;
    if (!exercise.name.isEmpty())
        root["name"] = exercise.name;
    else
        root.remove("name");
    const QJsonObject oldTemplate = exercise.original.value("variants").toObject();
    if (exercise.kind == MathsExerciseKind::Chain) {
        root["kind"] = "chain";
        root["expression"] = QString::fromStdString(exercise.expressionText);
        QJsonObject at;
        for (const auto& v : exercise.at)
            at[QString::fromStdString(v.name)] = v.value;
        root["at"] = at;
        const QJsonObject t = expressionTemplateToJson(exercise.chainTemplate, oldTemplate);
        if (exercise.templateGiven || !t.isEmpty())
            root["variants"] = t;
    } else {
        const ConvolutionProblem& c = exercise.convolution;
        root["kind"] = "conv";
        root["input"] = jsonMatrix(c.input);
        root["filter"] = jsonMatrix(c.filter);
        root["stride"] = c.stride;
        root["padding"] = c.padding;
        root["mode"] = QString::fromStdString(convolutionModeKey(c.mode));
        const QJsonObject t = convolutionTemplateToJson(exercise.convTemplate, oldTemplate);
        if (exercise.templateGiven || !t.isEmpty())
            root["variants"] = t;
    }
    return root;
}

QByteArray mathsExerciseToBytes(const MathsExercise& exercise) {
    return writeJson(mathsExerciseToJson(exercise),
                     QStringList{"format", "name", "kind", "expression", "at", "input", "filter",
                                 "stride", "padding", "mode"} +
                         exerciseTemplateKeyOrder());
}

Result<bool> saveMathsExercise(const MathsExercise& exercise, const QString& path) {
    const auto reopened = parseMathsExercise(mathsExerciseToBytes(exercise), path);
    if (!reopened)
        return Error{path.toStdString(), "",
                     "not saved: it would not open again (" + reopened.error().place + ": " +
                         reopened.error().reason + ")"};
    return writeFileAtomically(path, mathsExerciseToBytes(exercise));
}

std::string mathsExerciseShape(const MathsExercise& exercise) {
    return exercise.kind == MathsExerciseKind::Chain
               ? std::string(exercise::kChainShape)
               : exercise::convolutionShape(exercise.convolution);
}

} // namespace bpl::io
