#include "io/network_file.h"

#include "core/common/message_text.h"
#include "core/common/number_text.h"
#include "core/loss_pairing.h"
#include "io/exercise_template.h"
#include "io/json_reading.h"
#include "core/sample_rules.h"
#include "io/json_writer.h"
#include "io/training_setup_json.h"
#include "io/safe_file.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <optional>

namespace bpl::io {

namespace {

// A whole number as written; past what a long long holds (6.7e45, found by
// fuzzing), its shortest decimal form instead of an out-of-range cast.
std::string wholeText(double x) {
    return std::abs(x) < 1e15 ? std::to_string(static_cast<long long>(x)) : shortestNumberText(x);
}

int count(const QJsonValue& v, const std::string& place) {
    if (!v.isDouble()) throw JsonReject{place, "expected a whole number, found " + jsonTypeName(v)};
    const double x = v.toDouble();
    if (x != std::floor(x) || !std::isfinite(x)) throw JsonReject{place, "expected a whole number"};
    if (x < 1) {
        throw JsonReject{place, "a layer needs at least 1 neuron, found " + wholeText(x)};
    }
    if (x > kMaxLayerSize) {
        throw JsonReject{place, "at most " + std::to_string(kMaxLayerSize) + " neurons per layer, found " +
                                wholeText(x) + " (" + kLimitReason + ")"};
    }
    return static_cast<int>(x);
}

Eigen::VectorXd vector(const QJsonValue& v, int expected, const std::string& place,
                       const std::string& why) {
    if (!v.isArray()) throw JsonReject{place, "expected an array of " + std::to_string(expected) + " numbers, found " + jsonTypeName(v)};
    const QJsonArray a = v.toArray();
    if (a.size() != expected) {
        throw JsonReject{place, "expected " + std::to_string(expected) + " numbers" + why + ", found " +
                                std::to_string(a.size())};
    }
    Eigen::VectorXd out(expected);
    for (int k = 0; k < expected; ++k) {
        out[k] = readFiniteNumber(a[k], place + "[" + std::to_string(k) + "]");
    }
    return out;
}

const QJsonValue required(const QJsonObject& o, const char* key, const std::string& place) {
    if (!o.contains(key)) throw JsonReject{place, std::string("missing required key \"") + key + "\""};
    return o.value(key);
}

// Every row an array of `columns` entries, checked before the matrix is
// allocated (a file of placeholder rows must not allocate the full matrix).
void checkRows(const QJsonArray& rows, int columns, const std::string& wp, const std::string& why) {
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonValue row = rows[i];
        const std::string place = wp + "[" + std::to_string(i) + "]";
        if (!row.isArray()) {
            throw JsonReject{place, "expected an array of " + std::to_string(columns) + " numbers, found " +
                                    jsonTypeName(row)};
        }
        if (row.toArray().size() != columns) {
            throw JsonReject{place, "expected " + std::to_string(columns) + " numbers" + why + ", found " +
                                    std::to_string(row.toArray().size())};
        }
    }
}

Layer parseLayer(const QJsonValue& value, int l, int previousSize, int layerCount,
                 long long& parameters) {
    const std::string where = "layers[" + std::to_string(l) + "]";
    if (!value.isObject()) throw JsonReject{where, "expected an object, found " + jsonTypeName(value)};
    const QJsonObject o = value.toObject();
    Layer layer;
    layer.size = count(required(o, "size", where), where + ".size");
    if (o.contains("labels")) {
        const QJsonValue lv = o.value("labels");
        if (!lv.isArray() || lv.toArray().size() != layer.size) {
            throw JsonReject{where + ".labels", "expected an array of " + std::to_string(layer.size) + " strings"};
        }
        const QJsonArray la = lv.toArray();
        for (int k = 0; k < la.size(); ++k) {
            layer.labels.push_back(readString(la[k], where + ".labels[" + std::to_string(k) + "]"));
        }
    }
    if (l == 0) {
        for (const char* key : {"activation", "weights", "bias"}) {
            if (o.contains(key)) {
                throw JsonReject{where + "." + key, "the input layer (layer 0) has only a size and labels"};
            }
        }
        return layer;
    }
    const std::string actName = readString(required(o, "activation", where), where + ".activation");
    const auto act = activationFromName(actName);
    if (!act) {
        throw JsonReject{where + ".activation", "unknown activation " + quoteExcerpt(actName) +
                                                " (expected identity, linear, sigmoid, tanh, relu, "
                                                "leaky_relu, step or softmax)"};
    }
    if (*act == Activation::Softmax && l != layerCount - 1) {
        throw JsonReject{where + ".activation", "softmax is only allowed on the last layer"};
    }
    layer.activation.kind = *act;
    if (o.contains("alpha")) {
        layer.activation.alpha = readFiniteNumber(o.value("alpha"), where + ".alpha");
        if (layer.activation.alpha < 0) {
            throw JsonReject{where + ".alpha", "the leaky ReLU slope must be ≥ 0, found " +
                                               shortestNumberText(layer.activation.alpha)};
        }
    }
    if (o.contains("step_at_zero")) {
        const double u0 = readFiniteNumber(o.value("step_at_zero"), where + ".step_at_zero");
        if (u0 != 0 && u0 != 1) {
            throw JsonReject{where + ".step_at_zero",
                             "U(0) of a step unit is 0 or 1, found " + shortestNumberText(u0)};
        }
        layer.activation.stepAtZero = u0;
    }
    const QJsonValue wv = required(o, "weights", where);
    const std::string wp = where + ".weights";
    if (!wv.isArray()) throw JsonReject{wp, "expected an array of " + std::to_string(layer.size) + " rows, found " + jsonTypeName(wv)};
    const QJsonArray rows = wv.toArray();
    if (rows.size() != layer.size) {
        throw JsonReject{wp, "expected " + std::to_string(layer.size) + " rows (layer " + std::to_string(l) +
                             " has " + std::to_string(layer.size) + " neurons), found " + std::to_string(rows.size())};
    }
    parameters += static_cast<long long>(layer.size) * (previousSize + 1);
    if (parameters > kMaxParameters) {
        throw JsonReject{where, "the network has more than " + std::to_string(kMaxParameters) +
                                " weights and biases (" + std::to_string(parameters) + " up to layer " +
                                std::to_string(l) + "; " + kLimitReason + ")"};
    }
    const std::string why = " (layer " + std::to_string(l - 1) + " has " + std::to_string(previousSize) + " neurons)";
    checkRows(rows, previousSize, wp, why);
    layer.weights.resize(layer.size, previousSize);
    for (int i = 0; i < layer.size; ++i) {
        layer.weights.row(i) = vector(rows[i], previousSize, wp + "[" + std::to_string(i) + "]", why).transpose();
    }
    layer.bias = o.contains("bias")
                     ? vector(o.value("bias"), layer.size, where + ".bias",
                              " (layer " + std::to_string(l) + " has " + std::to_string(layer.size) + " neurons)")
                     : Eigen::VectorXd::Zero(layer.size);
    return layer;
}

// Backprop Lab's extensions (docs/formats/network-format.md): the class
// decision threshold and the truth table a logic network should compute.
void parseExtensions(const QJsonObject& root, Network& net) {
    if (root.contains("decision_threshold")) {
        net.decisionThreshold = readFiniteNumber(root.value("decision_threshold"), "decision_threshold");
    }
    if (!root.contains("truth_table")) return;
    const QJsonValue tv = root.value("truth_table");
    const int width = net.inputSize() + net.outputSize();
    if (!tv.isArray()) throw JsonReject{"truth_table", "expected an array of rows, found " + jsonTypeName(tv)};
    const QJsonArray rows = tv.toArray();
    for (int r = 0; r < rows.size(); ++r) {
        const Eigen::VectorXd row = vector(rows[r], width, "truth_table[" + std::to_string(r) + "]",
                                           " (the inputs, then the outputs)");
        net.declaredTruthTable.emplace_back(row.data(), row.data() + row.size());
    }
}

Network parseRoot(const QJsonObject& root) {
    Network net;
    const std::string format = readString(required(root, "format", ""), "format");
    if (format != kNetworkFormat) {
        throw JsonReject{"format", std::string("expected \"") + kNetworkFormat + "\", found " + quoteExcerpt(format)};
    }
    if (root.contains("name")) net.name = readString(root.value("name"), "name");
    if (root.contains("description")) net.description = readString(root.value("description"), "description");
    const QJsonValue lv = required(root, "layers", "");
    if (!lv.isArray()) throw JsonReject{"layers", "expected an array of layers, found " + jsonTypeName(lv)};
    const QJsonArray layers = lv.toArray();
    if (layers.size() > kMaxLayers) {
        throw JsonReject{"layers", "at most " + std::to_string(kMaxLayers) + " layers, found " +
                                   std::to_string(layers.size()) + " (" + kLimitReason + ")"};
    }
    if (layers.size() < 2) {
        throw JsonReject{"layers", "expected at least 2 layers (an input layer and an output layer), found " +
                                   std::to_string(layers.size())};
    }
    int previous = 0;
    long long parameters = 0;
    for (int l = 0; l < layers.size(); ++l) {
        net.layers.push_back(parseLayer(layers[l], l, previous, static_cast<int>(layers.size()), parameters));
        previous = net.layers.back().size;
    }
    const std::string lossText = readString(required(root, "loss", ""), "loss");
    const auto loss = lossFromName(lossText);
    if (!loss) {
        throw JsonReject{"loss", "unknown loss " + quoteExcerpt(lossText) +
                                 " (expected half_squared_error, squared_error, mean_squared_error, "
                                 "binary_cross_entropy or cross_entropy)"};
    }
    net.loss = *loss;
    const Activation out = net.layers.back().activation.kind;
    const std::string outPlace = "layers[" + std::to_string(net.lastLayer()) + "].activation";
    if (const auto mismatch = lossOutputMismatch(net.loss, out)) {
        throw JsonReject{mismatch->blamesLoss ? std::string("loss") : outPlace, mismatch->reason};
    }
    if (root.contains("learning_rate")) {
        net.learningRate = readFiniteNumber(root.value("learning_rate"), "learning_rate");
        if (net.learningRate <= 0) {
            throw JsonReject{"learning_rate", "must be greater than 0, found " + shortestNumberText(net.learningRate)};
        }
    }
    const QJsonValue sv = required(root, "sample", "");
    if (!sv.isObject()) throw JsonReject{"sample", "expected an object with input and target, found " + jsonTypeName(sv)};
    const QJsonObject sample = sv.toObject();
    net.sample.input = vector(required(sample, "input", "sample"), net.inputSize(), "sample.input",
                              " (layer 0 has " + std::to_string(net.inputSize()) + " neurons)");
    net.sample.target = vector(required(sample, "target", "sample"), net.outputSize(), "sample.target",
                               " (the output layer has " + std::to_string(net.outputSize()) + " neurons)");
    if (const std::string problem = targetProblem(net, net.sample.target); !problem.empty()) {
        throw JsonReject{"sample.target", problem};
    }
    parseExtensions(root, net);
    return net;
}

} // namespace

Result<NetworkDocument> parseNetwork(const QByteArray& bytes, const QString& fileName) {
    const std::string file = fileName.toStdString();
    if (bytes.size() > kMaxNetworkFileBytes) {
        return Error{file, "", "file is too large (" + sizeText(bytes.size()) + "; a network file may be at most " +
                                   sizeText(kMaxNetworkFileBytes) + ")"};
    }
    auto root = parseJsonObject(bytes, file);
    if (!root) return root.error();
    try {
        NetworkDocument out;
        out.original = std::move(root).value();
        out.network = parseRoot(out.original);
        if (out.original.contains("training")) {
            auto setup = parseTrainingSetup(out.original.value("training"));
            if (!setup) return Error{file, setup.error().place, setup.error().reason};
            out.training = std::move(setup).value();
        }
        if (out.original.contains("variants")) {
            auto t = networkTemplateFromJson(out.original.value("variants"), out.network);
            if (!t) return Error{file, t.error().place, t.error().reason};
            out.variants = std::move(t).value();
        }
        return out;
    } catch (const JsonReject& r) {
        return Error{file, r.place, r.reason};
    }
}

Result<NetworkDocument> loadNetwork(const QString& path) {
    const auto bytes = readRegularFile(path, kMaxNetworkFileBytes, "network file");
    if (!bytes) return bytes.error();
    return parseNetwork(bytes.value(), path);
}

namespace {

QJsonArray toArray(const Eigen::VectorXd& v) {
    QJsonArray a;
    for (Eigen::Index k = 0; k < v.size(); ++k) a.append(v[k]);
    return a;
}

} // namespace

QJsonObject networkToJson(const NetworkDocument& document) {
    const Network& net = document.network;
    QJsonObject root = document.original;
    root["format"] = kNetworkFormat;
    if (!net.name.empty()) root["name"] = QString::fromStdString(net.name);
    else root.remove("name");
    if (!net.description.empty()) root["description"] = QString::fromStdString(net.description);
    else root.remove("description");
    const QJsonArray oldLayers = document.original.value("layers").toArray();
    QJsonArray layers;
    for (int l = 0; l < net.layerCount(); ++l) {
        const Layer& layer = net.layers[l];
        QJsonObject o = l < oldLayers.size() ? oldLayers[l].toObject() : QJsonObject{};
        o["size"] = layer.size;
        if (!layer.labels.empty() && static_cast<int>(layer.labels.size()) == layer.size) {
            QJsonArray labels;
            for (const auto& s : layer.labels) labels.append(QString::fromStdString(s));
            o["labels"] = labels;
        } else {
            o.remove("labels");
        }
        if (l > 0) {
            o["activation"] = QString::fromStdString(activationName(layer.activation.kind));
            if (layer.activation.kind == Activation::LeakyRelu || o.contains("alpha")) {
                o["alpha"] = layer.activation.alpha;
            }
            if (layer.activation.stepAtZero != 0 || o.contains("step_at_zero")) {
                o["step_at_zero"] = static_cast<int>(layer.activation.stepAtZero);
            }
            QJsonArray rows;
            for (int i = 0; i < layer.weights.rows(); ++i) rows.append(toArray(layer.weights.row(i).transpose()));
            o["weights"] = rows;
            o["bias"] = toArray(layer.bias);
        }
        layers.append(o);
    }
    root["layers"] = layers;
    root["loss"] = QString::fromStdString(lossName(net.loss));
    root["learning_rate"] = net.learningRate;
    QJsonObject sample = document.original.value("sample").toObject();
    sample["input"] = toArray(net.sample.input);
    sample["target"] = toArray(net.sample.target);
    root["sample"] = sample;
    // Without a parsed setup the original's `training` (if any) stays as it was.
    if (document.training) {
        root["training"] = trainingSetupToJson(*document.training, document.original.value("training").toObject());
    }
    // Without a parsed template the original's `variants` (if any) stays as it was.
    if (document.variants) {
        root["variants"] =
            networkTemplateToJson(*document.variants, net, document.original.value("variants").toObject());
    }
    if (net.decisionThreshold) root["decision_threshold"] = *net.decisionThreshold;
    else root.remove("decision_threshold");
    // A declared truth table that no longer fits the layers (after an edit) no longer applies.
    const size_t width = static_cast<size_t>(net.inputSize() + net.outputSize());
    bool tableFits = !net.declaredTruthTable.empty();
    for (const auto& row : net.declaredTruthTable) tableFits = tableFits && row.size() == width;
    if (tableFits) {
        QJsonArray table;
        for (const auto& row : net.declaredTruthTable) {
            QJsonArray r;
            for (double x : row) r.append(x);
            table.append(r);
        }
        root["truth_table"] = table;
    } else {
        root.remove("truth_table");
    }
    return root;
}

QByteArray networkToBytes(const NetworkDocument& document) {
    static const QStringList order = {"format", "name", "description", "layers", "size",
                                      "labels", "activation", "alpha", "step_at_zero", "weights", "bias",
                                      "loss", "learning_rate", "sample", "input", "target",
                                      // the training object (docs/formats/network-format.md)
                                      "training", "data", "file", "points", "noise", "seed", "split",
                                      "train", "validation", "test", "shuffle", "optimizer", "beta",
                                      "beta1", "beta2", "epsilon", "bias_correction", "batch_size",
                                      "epochs", "l2", "target_loss", "init", "scheme", "range",
                                      "comparison", "setting", "values",
                                      "decision_threshold", "truth_table"};
    return writeJson(networkToJson(document), order + exerciseTemplateKeyOrder());
}

Result<bool> saveNetwork(const NetworkDocument& document, const QString& path) {
    // Never write a file this app would refuse to open again.
    if (const auto problems = structuralProblems(document.network); !problems.empty()) {
        return Error{path.toStdString(), "", "not saved: " + problems.front()};
    }
    const auto reopened = parseNetwork(networkToBytes(document), path);
    if (!reopened) {
        const Error& e = reopened.error();
        return Error{path.toStdString(), "", "not saved: it would not open again (" + e.place + ": " + e.reason + ")"};
    }
    return writeFileAtomically(path, networkToBytes(document));
}

} // namespace bpl::io
