#include "io/maths_answers.h"

#include "io/answers_file.h"
#include "io/json_writer.h"
#include "io/safe_file.h"

#include "core/common/message_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace bpl::io {

namespace {

std::string at(int k, const char* key = nullptr) {
    return "answers[" + std::to_string(k) + "]" +
           (key != nullptr ? std::string(".") + key : std::string());
}

bool isGraphQuantity(MathsQuantity q) {
    return q == MathsQuantity::NodeValue || q == MathsQuantity::NodeGrad;
}

std::optional<Error> parseEntry(const QJsonValue& v, int k, const std::string& file,
                                MathsAnswerEntry& e) {
    if (!v.isObject())
        return Error{file, at(k), "expected an object"};
    const QJsonObject o = v.toObject();
    const std::string key = o.value("quantity").toString().toStdString();
    if (!mathsQuantityFromKey(key, e.quantity)) {
        return Error{file, at(k, "quantity"),
                     "expected value, grad, output, grad_filter or grad_input, found " +
                         quoteExcerpt(key)};
    }
    const QJsonValue value = o.value("value");
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return Error{file, at(k, "value"), "expected a finite number"};
    e.value = value.toDouble();
    if (isGraphQuantity(e.quantity)) {
        const QJsonValue node = o.value("node");
        if (node.isDouble() && node.toDouble() >= 0 &&
            node.toDouble() == std::floor(node.toDouble())) {
            e.node = QString::number(static_cast<qint64>(node.toDouble()));
        } else if (node.isString() && !node.toString().trimmed().isEmpty()) {
            e.node = node.toString();
        } else {
            return Error{
                file, at(k, "node"),
                "expected the node as a subexpression (\"x^2\"), a symbol (\"v3\") or an id"};
        }
        return std::nullopt;
    }
    const QJsonArray index = o.value("index").toArray();
    if (index.size() != 2 || !index[0].isDouble() || !index[1].isDouble() ||
        index[0].toDouble() < 1 || index[1].toDouble() < 1 ||
        index[0].toDouble() != std::floor(index[0].toDouble()) ||
        index[1].toDouble() != std::floor(index[1].toDouble()) || index[0].toDouble() > 1e6 ||
        index[1].toDouble() > 1e6) {
        return Error{file, at(k, "index"), "expected [row, column], whole numbers from 1"};
    }
    e.row = static_cast<int>(index[0].toDouble()) - 1;
    e.col = static_cast<int>(index[1].toDouble()) - 1;
    return std::nullopt;
}

} // namespace

Result<MathsAnswerSheet> parseMathsAnswers(const QByteArray& bytes, const QString& fileName) {
    const std::string file = fileName.toStdString();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{file, "offset " + std::to_string(parseError.offset),
                     "invalid JSON (" + parseError.errorString().toStdString() + ")"};
    }
    if (!doc.isObject())
        return Error{file, "", "expected a JSON object at the top level"};
    const QJsonObject root = doc.object();
    const QString format = root.value("format").toString();
    if (format != kMathsAnswersFormat) {
        return Error{file, "format",
                     "expected \"" + std::string(kMathsAnswersFormat) + "\", found " +
                         quoteExcerpt(format.toStdString())};
    }
    MathsAnswerSheet sheet;
    sheet.fileName = fileName;
    sheet.original = root;
    if (root.contains("tolerance")) {
        const auto tolerance = toleranceFromJson(root.value("tolerance"), fileName);
        if (!tolerance)
            return tolerance.error();
        sheet.tolerance = tolerance.value();
        sheet.toleranceGiven = true;
    }
    if (const auto e = readSheetKeys(root, sheet.variant, sheet.student))
        return Error{file, e->place, e->reason};
    if (!root.value("answers").isArray())
        return Error{file, "answers", "expected an array of answers"};
    const QJsonArray answers = root.value("answers").toArray();
    for (int k = 0; k < answers.size(); ++k) {
        MathsAnswerEntry e;
        if (const auto error = parseEntry(answers[k], k, file, e))
            return *error;
        sheet.entries.push_back(e);
    }
    return sheet;
}

Result<MathsAnswerSheet> loadMathsAnswers(const QString& path) {
    // Regular files only, size checked before reading (io/safe_file.h).
    const auto bytes = readRegularFile(path, kMaxAnswersFileBytes, "answer file");
    if (!bytes)
        return bytes.error();
    return parseMathsAnswers(bytes.value(), path);
}

QJsonObject mathsAnswersToJson(const MathsAnswerSheet& sheet) {
    QJsonObject root = sheet.original;
    root["format"] = kMathsAnswersFormat;
    if (sheet.toleranceGiven || root.contains("tolerance"))
        root["tolerance"] = toleranceToJson(sheet.tolerance);
    writeSheetKeys(root, sheet.variant, sheet.student);
    const QJsonArray old = sheet.original.value("answers").toArray();
    QJsonArray answers;
    for (size_t k = 0; k < sheet.entries.size(); ++k) {
        const MathsAnswerEntry& e = sheet.entries[k];
        QJsonObject o = static_cast<qsizetype>(k) < old.size() ? old[static_cast<qsizetype>(k)].toObject()
                                                                : QJsonObject{};
        for (const char* key : {"quantity", "node", "index", "value"})
            o.remove(key);
        o["quantity"] = QString::fromStdString(mathsQuantityKey(e.quantity));
        if (isGraphQuantity(e.quantity))
            o["node"] = e.node;
        else
            o["index"] = QJsonArray{e.row + 1, e.col + 1};
        o["value"] = e.value;
        answers.append(o);
    }
    root["answers"] = answers;
    return root;
}

QByteArray mathsAnswersToBytes(const MathsAnswerSheet& sheet) {
    return writeJson(mathsAnswersToJson(sheet), {"format", "variant", "student", "tolerance", "answers",
                                                 "quantity", "node", "index", "value"});
}

Result<bool> saveMathsAnswers(const MathsAnswerSheet& sheet, const QString& path) {
    return writeFileAtomically(path, mathsAnswersToBytes(sheet));
}

Result<std::vector<MathsAnswer>> resolveGraphAnswers(const MathsAnswerSheet& sheet,
                                                     const ExpressionGraph& graph) {
    const std::string file = sheet.fileName.toStdString();
    std::vector<MathsAnswer> out;
    for (size_t k = 0; k < sheet.entries.size(); ++k) {
        const MathsAnswerEntry& e = sheet.entries[k];
        const int index = static_cast<int>(k);
        if (!isGraphQuantity(e.quantity)) {
            return Error{file, at(index, "quantity"),
                         "\"" + mathsQuantityKey(e.quantity) +
                             "\" is a convolution quantity; grad answers are value or grad"};
        }
        const int node = graph.findNode(e.node.toStdString());
        if (node < 0)
            return Error{file, at(index, "node"),
                         "no node " + quoteExcerpt(e.node.toStdString()) + " in the expression"};
        out.push_back({{e.quantity, node, -1, -1}, e.value});
    }
    return out;
}

namespace {

// The answers of a matrix tool (convolution, pooling): `accepts` says which
// quantities the tool has (else `expected` says which), `valueOf` and
// `matrixOf` where an index lands.
template <typename ValueOf, typename MatrixOf>
Result<std::vector<MathsAnswer>> resolveMatrixAnswers(const MathsAnswerSheet& sheet,
                                                      bool (*accepts)(MathsQuantity),
                                                      const std::string& expected,
                                                      ValueOf valueOf, MatrixOf matrixOf) {
    const std::string file = sheet.fileName.toStdString();
    std::vector<MathsAnswer> out;
    for (size_t k = 0; k < sheet.entries.size(); ++k) {
        const MathsAnswerEntry& e = sheet.entries[k];
        const int index = static_cast<int>(k);
        if (!accepts(e.quantity))
            return Error{file, at(index, "quantity"), "\"" + mathsQuantityKey(e.quantity) + "\" " + expected};
        const MathsRef ref = MathsRef::entry(e.quantity, e.row, e.col);
        if (!valueOf(ref)) {
            const Eigen::MatrixXd& m = matrixOf(e.quantity);
            return Error{file, at(index, "index"),
                         "[" + std::to_string(e.row + 1) + ", " + std::to_string(e.col + 1) + "] is outside " +
                             mathsQuantityKey(e.quantity) + ", which is " + std::to_string(m.rows()) + "×" +
                             std::to_string(m.cols())};
        }
        out.push_back({ref, e.value});
    }
    return out;
}

} // namespace

Result<std::vector<MathsAnswer>> resolveConvolutionAnswers(const MathsAnswerSheet& sheet,
                                                           const Convolution& conv) {
    return resolveMatrixAnswers(
        sheet, [](MathsQuantity q) { return !isGraphQuantity(q); },
        "is a grad quantity; conv answers are output, grad_filter or grad_input",
        [&](const MathsRef& ref) { return conv.valueOf(ref); },
        [&](MathsQuantity q) -> const Eigen::MatrixXd& {
            return q == MathsQuantity::ConvOutput       ? conv.output
                   : q == MathsQuantity::ConvGradFilter ? conv.gradFilter
                                                        : conv.gradInput;
        });
}

Result<std::vector<MathsAnswer>> resolvePoolingAnswers(const MathsAnswerSheet& sheet,
                                                       const Pooling& pooling) {
    return resolveMatrixAnswers(
        sheet,
        [](MathsQuantity q) { return !isGraphQuantity(q) && q != MathsQuantity::ConvGradFilter; },
        "is not a pooling quantity; pool answers are output or grad_input",
        [&](const MathsRef& ref) { return pooling.valueOf(ref); },
        [&](MathsQuantity q) -> const Eigen::MatrixXd& {
            return q == MathsQuantity::ConvOutput ? pooling.output : pooling.gradInput;
        });
}

} // namespace bpl::io
