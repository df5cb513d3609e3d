#include "io/answers_file.h"

#include "core/exercise/variant_code.h"

#include "core/scalar_eval.h"
#include "core/common/message_text.h"
#include "core/common/number_text.h"
#include "io/json_reading.h"
#include "io/json_writer.h"
#include "io/safe_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <map>

namespace bpl::io {

namespace {

// Thrown only inside this file and caught in parseAnswers (as in network_file.cpp).
constexpr const char* kQuantityList =
    "a, z, output, loss, delta, grad_weights, grad_bias, new_weights, new_bias or grad_input";

int wholeNumber(const QJsonValue& v, const std::string& place) {
    if (!v.isDouble()) throw JsonReject{place, "expected a whole number, found " + jsonTypeName(v)};
    const double x = v.toDouble();
    if (x != std::floor(x) || std::abs(x) > 1e9) throw JsonReject{place, "expected a whole number, found " + shortestNumberText(x)};
    return static_cast<int>(x);
}

double positive(const QJsonValue& v, const std::string& place) {
    if (!v.isDouble()) throw JsonReject{place, "expected a number, found " + jsonTypeName(v)};
    const double x = v.toDouble();
    if (!std::isfinite(x) || x < 0) throw JsonReject{place, "expected a finite number ≥ 0"};
    return x;
}

Tolerance parseTolerance(const QJsonValue& v) {
    if (!v.isObject()) throw JsonReject{"tolerance", "expected an object, found " + jsonTypeName(v)};
    const QJsonObject o = v.toObject();
    for (const QString& key : o.keys()) {
        if (key != "significant_figures" && key != "absolute" && key != "relative") {
            throw JsonReject{"tolerance." + excerpt(key.toStdString()),
                         "unknown key (expected significant_figures, or absolute and/or relative)"};
        }
    }
    const bool figures = o.contains("significant_figures");
    const bool margin = o.contains("absolute") || o.contains("relative");
    if (figures && margin) {
        throw JsonReject{"tolerance", "give either significant_figures or absolute/relative, not both"};
    }
    if (margin) {
        return Tolerance::margin(o.contains("absolute") ? positive(o.value("absolute"), "tolerance.absolute") : 0,
                                 o.contains("relative") ? positive(o.value("relative"), "tolerance.relative") : 0);
    }
    if (!figures) return Tolerance{};
    const int n = wholeNumber(o.value("significant_figures"), "tolerance.significant_figures");
    if (n < 1 || n > 15) throw JsonReject{"tolerance.significant_figures", "expected 1 to 15, found " + std::to_string(n)};
    return Tolerance::sigFigs(n);
}

std::string placeOf(int k) { return "answers[" + std::to_string(k) + "]"; }

Answer parseAnswer(const QJsonValue& value, int k) {
    const std::string where = placeOf(k);
    if (!value.isObject()) throw JsonReject{where, "expected an object, found " + jsonTypeName(value)};
    const QJsonObject o = value.toObject();
    if (!o.contains("quantity")) throw JsonReject{where, "missing required key \"quantity\""};
    const QJsonValue qv = o.value("quantity");
    if (!qv.isString()) throw JsonReject{where + ".quantity", "expected a string, found " + jsonTypeName(qv)};
    const std::string key = qv.toString().toStdString();
    const auto quantity = quantityFromKey(key);
    if (!quantity) throw JsonReject{where + ".quantity", "unknown quantity " + quoteExcerpt(key) + " (expected " + kQuantityList + ")"};
    Answer a;
    a.ref.quantity = *quantity;
    if (*quantity == Quantity::Loss) {
        for (const char* extra : {"layer", "index"}) {
            if (o.contains(extra)) throw JsonReject{where + "." + extra, "the loss is a single number: it has no layer or index"};
        }
    } else {
        if (*quantity != Quantity::Output) {
            if (!o.contains("layer")) throw JsonReject{where, "missing required key \"layer\" (0 is the input layer)"};
            a.ref.layer = wholeNumber(o.value("layer"), where + ".layer");
        } else if (o.contains("layer")) {
            a.ref.layer = wholeNumber(o.value("layer"), where + ".layer");
        }
        if (!o.contains("index")) throw JsonReject{where, "missing required key \"index\" (1-based, [i] or [i, j])"};
        const QJsonValue iv = o.value("index");
        const int expected = quantityHasTwoIndices(*quantity) ? 2 : 1;
        const std::string shape = expected == 2 ? "[i, j] (the weight from neuron j of layer l−1 to neuron i of layer l)"
                                                : "[i] (one neuron)";
        if (!iv.isArray()) throw JsonReject{where + ".index", key + " needs " + shape + ", found " + jsonTypeName(iv)};
        const QJsonArray index = iv.toArray();
        if (index.size() != expected) {
            throw JsonReject{where + ".index", key + " needs " + shape + ", found " + std::to_string(index.size()) +
                                               (index.size() == 1 ? " number" : " numbers")};
        }
        for (int n = 0; n < expected; ++n) {
            const std::string place = where + ".index[" + std::to_string(n) + "]";
            const int one = wholeNumber(index[n], place);
            if (one < 1) throw JsonReject{place, "indices start at 1 (as in handwritten work), found " + std::to_string(one)};
            (n == 0 ? a.ref.i : a.ref.j) = one - 1;
        }
    }
    if (!o.contains("value")) throw JsonReject{where, "missing required key \"value\""};
    const QJsonValue vv = o.value("value");
    if (!vv.isDouble()) {
        std::string reason = "expected a number, found " + jsonTypeName(vv);
        if (vv.isString() && vv.toString().contains(',')) reason += "; write decimals with a point";
        throw JsonReject{where + ".value", reason};
    }
    a.value = vv.toDouble();
    if (!std::isfinite(a.value)) throw JsonReject{where + ".value", "expected a finite number"};
    return a;
}

// Answers that name nothing in the network, and duplicates.
void validate(const std::vector<Answer>& answers, const Network* network) {
    std::map<QuantityRef, int> seen;
    for (int k = 0; k < static_cast<int>(answers.size()); ++k) {
        const QuantityRef& ref = answers[k].ref;
        const std::string where = placeOf(k);
        if (network != nullptr) {
            if (ref.quantity == Quantity::Output && ref.layer != 0 && ref.layer != network->lastLayer()) {
                throw JsonReject{where + ".layer", "output is layer " + std::to_string(network->lastLayer()) +
                                                   ", found " + std::to_string(ref.layer)};
            }
            if (const auto problem = refProblem(*network, ref)) {
                std::string place = where + ".layer";
                if (problem->part == RefProblem::Part::Row) place = where + ".index[0]";
                if (problem->part == RefProblem::Part::Column) place = where + ".index[1]";
                throw JsonReject{place, problem->reason};
            }
        }
        QuantityRef key = ref;
        if (key.quantity == Quantity::Output) key.layer = 0;
        const auto [it, fresh] = seen.emplace(key, k);
        if (!fresh) {
            throw JsonReject{where, "the same quantity as " + placeOf(it->second) + " (" + ref.describe() +
                                    "); give each value once"};
        }
    }
}

} // namespace

std::optional<Error> readSheetKeys(const QJsonObject& root, QString& variant, QString& student) {
    if (root.contains("variant")) {
        const QJsonValue v = root.value("variant");
        if (!v.isString())
            return Error{"", "variant", "expected a variant code such as \"3-2-1/7F3K\", found " + jsonTypeName(v)};
        const auto code = exercise::parseVariantCode(v.toString().toStdString());
        if (!code) return Error{"", "variant", code.error().reason};
        variant = QString::fromStdString(exercise::formatVariantCode(code.value()));
    }
    if (root.contains("student")) {
        const QJsonValue v = root.value("student");
        if (!v.isString()) return Error{"", "student", "expected the student's name, found " + jsonTypeName(v)};
        student = v.toString();
    }
    return std::nullopt;
}

void writeSheetKeys(QJsonObject& root, const QString& variant, const QString& student) {
    if (!variant.isEmpty()) root["variant"] = variant;
    else root.remove("variant");
    if (!student.isEmpty()) root["student"] = student;
    else root.remove("student");
}

Result<AnswerSheet> parseAnswers(const QByteArray& bytes, const QString& fileName, const Network* network) {
    const std::string file = fileName.toStdString();
    if (bytes.size() > kMaxAnswersFileBytes) return Error{file, "", "file is too large (an answer file may be at most 32 MiB)"};
    auto object = parseJsonObject(bytes, file);
    if (!object) return object.error();
    try {
        AnswerSheet sheet;
        sheet.original = std::move(object).value();
        const QJsonObject& root = sheet.original;
        if (!root.contains("format")) throw JsonReject{"", "missing required key \"format\""};
        const QString format = root.value("format").toString();
        if (format != kAnswersFormat) {
            if (format == "backprop-lab.network/1") {
                throw JsonReject{"format", "this is a network file; expected an answer file (\"" + std::string(kAnswersFormat) + "\")"};
            }
            throw JsonReject{"format", "expected \"" + std::string(kAnswersFormat) + "\", found " + jsonTypeName(root.value("format"))};
        }
        if (root.contains("tolerance")) {
            sheet.tolerance = parseTolerance(root.value("tolerance"));
            sheet.toleranceGiven = true;
        }
        if (root.contains("network")) {
            if (!root.value("network").isString()) {
                throw JsonReject{"network", "expected the network's name or file name, found " + jsonTypeName(root.value("network"))};
            }
            sheet.network = root.value("network").toString();
        }
        if (const auto e = readSheetKeys(root, sheet.variant, sheet.student)) throw JsonReject{e->place, e->reason};
        if (!root.contains("answers")) throw JsonReject{"", "missing required key \"answers\""};
        const QJsonValue av = root.value("answers");
        if (!av.isArray()) throw JsonReject{"answers", "expected an array of answers, found " + jsonTypeName(av)};
        const QJsonArray answers = av.toArray();
        for (int k = 0; k < answers.size(); ++k) sheet.answers.push_back(parseAnswer(answers[k], k));
        validate(sheet.answers, network);
        return sheet;
    } catch (const JsonReject& r) {
        return Error{file, r.place, r.reason};
    }
}

Result<AnswerSheet> loadAnswers(const QString& path, const Network* network) {
    const auto bytes = readRegularFile(path, kMaxAnswersFileBytes, "answer file");
    if (!bytes) return bytes.error();
    return parseAnswers(bytes.value(), path, network);
}

std::optional<Error> answerProblem(const std::vector<Answer>& answers, const Network& network) {
    try {
        validate(answers, &network);
        return std::nullopt;
    } catch (const JsonReject& r) {
        return Error{"", r.place, r.reason};
    }
}

QString answersNetworkName(const Network& network, const QString& networkPath) {
    if (!network.name.empty()) return QString::fromStdString(network.name);
    return QFileInfo(networkPath).fileName();
}

bool answersMatchNetwork(const AnswerSheet& sheet, const Network& network, const QString& networkPath) {
    if (sheet.network.isEmpty()) return true;
    const QFileInfo file(networkPath);
    return sheet.network == QString::fromStdString(network.name) ||
           (!networkPath.isEmpty() && (sheet.network == file.fileName() || sheet.network == file.completeBaseName()));
}

QJsonObject answerRefToJson(const QuantityRef& ref) {
    QJsonObject o;
    o["quantity"] = QString::fromStdString(quantityKey(ref.quantity));
    if (ref.quantity == Quantity::Loss) return o;
    if (ref.quantity != Quantity::Output) o["layer"] = ref.layer;
    QJsonArray index{ref.i + 1};
    if (ref.j >= 0) index.append(ref.j + 1);
    o["index"] = index;
    return o;
}

Result<Tolerance> toleranceFromJson(const QJsonValue& value, const QString& fileName) {
    try {
        return parseTolerance(value);
    } catch (const JsonReject& r) {
        return Error{fileName.toStdString(), r.place, r.reason};
    }
}

QJsonObject toleranceToJson(const Tolerance& t) {
    QJsonObject o;
    if (t.kind == Tolerance::Kind::SignificantFigures) {
        o["significant_figures"] = t.significantFigures;
    } else {
        if (t.absolute > 0 || t.relative == 0) o["absolute"] = t.absolute;
        if (t.relative > 0) o["relative"] = t.relative;
    }
    return o;
}

namespace {

// The original entry for a reference, so its unknown keys (a note, a mark) survive.
QJsonObject originalEntry(const AnswerSheet& sheet, const QuantityRef& ref) {
    const QJsonArray answers = sheet.original.value("answers").toArray();
    for (int k = 0; k < answers.size(); ++k) {
        try {
            if (parseAnswer(answers[k], k).ref == ref) return answers[k].toObject();
        } catch (const JsonReject&) {
        }
    }
    return {};
}

QByteArray compact(const QJsonValue& v) {
    if (v.isDouble()) return jsonNumber(v.toDouble());
    if (v.isArray()) {
        QByteArray out = "[";
        const QJsonArray a = v.toArray();
        for (int k = 0; k < a.size(); ++k) out += (k > 0 ? ", " : "") + compact(a[k]);
        return out + "]";
    }
    if (v.isObject()) {
        QByteArray out = "{";
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out += (it == o.begin() ? "" : ", ") + compact(it.key()) + ": " + compact(it.value());
        }
        return out + "}";
    }
    const QByteArray s = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return s.mid(1, s.size() - 2);
}

} // namespace

QJsonObject answersToJson(const AnswerSheet& sheet) {
    QJsonObject root = sheet.original;
    root["format"] = kAnswersFormat;
    root["tolerance"] = toleranceToJson(sheet.tolerance);
    if (!sheet.network.isEmpty()) root["network"] = sheet.network;
    writeSheetKeys(root, sheet.variant, sheet.student);
    QJsonArray answers;
    for (const Answer& a : sheet.answers) {
        QJsonObject o = originalEntry(sheet, a.ref);
        for (const char* key : {"quantity", "layer", "index"}) o.remove(key);
        const QJsonObject ref = answerRefToJson(a.ref);
        for (auto it = ref.begin(); it != ref.end(); ++it) o[it.key()] = it.value();
        o["value"] = a.value;
        answers.append(o);
    }
    root["answers"] = answers;
    return root;
}

QByteArray answersToBytes(const AnswerSheet& sheet) {
    // One answer per line, keys in the spec's order, as a student would read it.
    const QJsonObject root = answersToJson(sheet);
    QByteArray out = "{\n  \"format\": " + compact(root.value("format")) + ",\n";
    out += "  \"tolerance\": " + compact(root.value("tolerance")) + ",\n";
    for (const QString& key : root.keys()) {
        if (key == "format" || key == "tolerance" || key == "answers") continue;
        QByteArray value = writeJson(root.value(key));
        value.replace("\n", "\n  ");
        out += "  " + compact(key) + ": " + value + ",\n";
    }
    out += "  \"answers\": [";
    const QJsonArray answers = root.value("answers").toArray();
    const QStringList order = {"quantity", "layer", "index", "value"};
    for (int k = 0; k < answers.size(); ++k) {
        const QJsonObject o = answers[k].toObject();
        QStringList keys;
        for (const QString& key : order) {
            if (o.contains(key)) keys << key;
        }
        for (const QString& key : o.keys()) {
            if (!order.contains(key)) keys << key;
        }
        QByteArray line = "{ ";
        for (int n = 0; n < keys.size(); ++n) {
            line += (n > 0 ? ", " : "") + compact(keys[n]) + ": " + compact(o.value(keys[n]));
        }
        out += (k > 0 ? ",\n    " : "\n    ") + line + " }";
    }
    out += answers.isEmpty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

Result<bool> saveAnswers(const AnswerSheet& sheet, const QString& path) {
    return writeFileAtomically(path, answersToBytes(sheet));
}

} // namespace bpl::io
