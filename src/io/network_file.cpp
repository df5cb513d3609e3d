#include "io/network_file.h"

#include "io/json_writer.h"
#include "io/training_setup_json.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <optional>

namespace bpl::io {

namespace {

// Thrown only inside this file and caught in parseNetwork: it keeps each check
// to one line without threading a Result through every helper.
struct Reject {
    std::string place;
    std::string reason;
};

std::string typeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string (\"" + v.toString().left(20).toStdString() + "\")";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    case QJsonValue::Undefined: return "nothing";
    }
    return "something else";
}

double number(const QJsonValue& v, const std::string& place) {
    if (!v.isDouble()) throw Reject{place, "expected a number, found " + typeName(v)};
    const double x = v.toDouble();
    if (!std::isfinite(x)) throw Reject{place, "expected a finite number"};
    return x;
}

int count(const QJsonValue& v, const std::string& place) {
    if (!v.isDouble()) throw Reject{place, "expected a whole number, found " + typeName(v)};
    const double x = v.toDouble();
    if (x != std::floor(x) || !std::isfinite(x)) throw Reject{place, "expected a whole number"};
    if (x < 1) {
        throw Reject{place, "a layer needs at least 1 neuron, found " + std::to_string(static_cast<long long>(x))};
    }
    if (x > kMaxLayerSize) {
        throw Reject{place, "at most " + std::to_string(kMaxLayerSize) + " neurons per layer"};
    }
    return static_cast<int>(x);
}

Eigen::VectorXd vector(const QJsonValue& v, int expected, const std::string& place,
                       const std::string& why) {
    if (!v.isArray()) throw Reject{place, "expected an array of " + std::to_string(expected) + " numbers, found " + typeName(v)};
    const QJsonArray a = v.toArray();
    if (a.size() != expected) {
        throw Reject{place, "expected " + std::to_string(expected) + " numbers" + why + ", found " +
                                std::to_string(a.size())};
    }
    Eigen::VectorXd out(expected);
    for (int k = 0; k < expected; ++k) {
        out[k] = number(a[k], place + "[" + std::to_string(k) + "]");
    }
    return out;
}

const QJsonValue required(const QJsonObject& o, const char* key, const std::string& place) {
    if (!o.contains(key)) throw Reject{place, std::string("missing required key \"") + key + "\""};
    return o.value(key);
}

std::string text(const QJsonValue& v, const std::string& place) {
    if (!v.isString()) throw Reject{place, "expected a string, found " + typeName(v)};
    return v.toString().toStdString();
}

Layer parseLayer(const QJsonValue& value, int l, int previousSize, int layerCount) {
    const std::string where = "layers[" + std::to_string(l) + "]";
    if (!value.isObject()) throw Reject{where, "expected an object, found " + typeName(value)};
    const QJsonObject o = value.toObject();
    Layer layer;
    layer.size = count(required(o, "size", where), where + ".size");
    if (o.contains("labels")) {
        const QJsonValue lv = o.value("labels");
        if (!lv.isArray() || lv.toArray().size() != layer.size) {
            throw Reject{where + ".labels", "expected an array of " + std::to_string(layer.size) + " strings"};
        }
        const QJsonArray la = lv.toArray();
        for (int k = 0; k < la.size(); ++k) {
            layer.labels.push_back(text(la[k], where + ".labels[" + std::to_string(k) + "]"));
        }
    }
    if (l == 0) {
        for (const char* key : {"activation", "weights", "bias"}) {
            if (o.contains(key)) {
                throw Reject{where + "." + key, "the input layer (layer 0) has only a size and labels"};
            }
        }
        return layer;
    }
    const std::string actName = text(required(o, "activation", where), where + ".activation");
    const auto act = activationFromName(actName);
    if (!act) {
        throw Reject{where + ".activation", "unknown activation \"" + actName +
                                                "\" (expected identity, linear, sigmoid, tanh, relu, "
                                                "leaky_relu, step or softmax)"};
    }
    if (*act == Activation::Softmax && l != layerCount - 1) {
        throw Reject{where + ".activation", "softmax is only allowed on the last layer"};
    }
    layer.activation.kind = *act;
    if (o.contains("alpha")) {
        layer.activation.alpha = number(o.value("alpha"), where + ".alpha");
    }
    const QJsonValue wv = required(o, "weights", where);
    const std::string wp = where + ".weights";
    if (!wv.isArray()) throw Reject{wp, "expected an array of " + std::to_string(layer.size) + " rows, found " + typeName(wv)};
    const QJsonArray rows = wv.toArray();
    if (rows.size() != layer.size) {
        throw Reject{wp, "expected " + std::to_string(layer.size) + " rows (layer " + std::to_string(l) +
                             " has " + std::to_string(layer.size) + " neurons), found " + std::to_string(rows.size())};
    }
    layer.weights.resize(layer.size, previousSize);
    const std::string why = " (layer " + std::to_string(l - 1) + " has " + std::to_string(previousSize) + " neurons)";
    for (int i = 0; i < layer.size; ++i) {
        layer.weights.row(i) = vector(rows[i], previousSize, wp + "[" + std::to_string(i) + "]", why).transpose();
    }
    layer.bias = o.contains("bias")
                     ? vector(o.value("bias"), layer.size, where + ".bias",
                              " (layer " + std::to_string(l) + " has " + std::to_string(layer.size) + " neurons)")
                     : Eigen::VectorXd::Zero(layer.size);
    return layer;
}

Network parseRoot(const QJsonObject& root) {
    Network net;
    const std::string format = text(required(root, "format", ""), "format");
    if (format != kNetworkFormat) {
        throw Reject{"format", std::string("expected \"") + kNetworkFormat + "\", found \"" + format + "\""};
    }
    if (root.contains("name")) net.name = text(root.value("name"), "name");
    if (root.contains("description")) net.description = text(root.value("description"), "description");
    const QJsonValue lv = required(root, "layers", "");
    if (!lv.isArray()) throw Reject{"layers", "expected an array of layers, found " + typeName(lv)};
    const QJsonArray layers = lv.toArray();
    if (layers.size() < 2) {
        throw Reject{"layers", "expected at least 2 layers (an input layer and an output layer), found " +
                                   std::to_string(layers.size())};
    }
    int previous = 0;
    for (int l = 0; l < layers.size(); ++l) {
        net.layers.push_back(parseLayer(layers[l], l, previous, static_cast<int>(layers.size())));
        previous = net.layers.back().size;
    }
    const std::string lossText = text(required(root, "loss", ""), "loss");
    const auto loss = lossFromName(lossText);
    if (!loss) {
        throw Reject{"loss", "unknown loss \"" + lossText +
                                 "\" (expected half_squared_error, squared_error, mean_squared_error, "
                                 "binary_cross_entropy or cross_entropy)"};
    }
    net.loss = *loss;
    const Activation out = net.layers.back().activation.kind;
    const std::string outPlace = "layers[" + std::to_string(net.lastLayer()) + "].activation";
    if (out == Activation::Softmax && net.loss != Loss::CrossEntropy) {
        throw Reject{"loss", "a softmax output layer needs the cross_entropy loss, found " + lossText};
    }
    if (net.loss == Loss::BinaryCrossEntropy && out != Activation::Sigmoid) {
        throw Reject{outPlace, "binary_cross_entropy needs sigmoid outputs, found " + activationName(out)};
    }
    if (net.loss == Loss::CrossEntropy && out != Activation::Softmax && out != Activation::Sigmoid) {
        throw Reject{outPlace, "cross_entropy needs softmax (or sigmoid) outputs, found " + activationName(out)};
    }
    if (root.contains("learning_rate")) {
        net.learningRate = number(root.value("learning_rate"), "learning_rate");
        if (net.learningRate <= 0) {
            throw Reject{"learning_rate", "must be greater than 0, found " + QByteArray::number(net.learningRate).toStdString()};
        }
    }
    const QJsonValue sv = required(root, "sample", "");
    if (!sv.isObject()) throw Reject{"sample", "expected an object with input and target, found " + typeName(sv)};
    const QJsonObject sample = sv.toObject();
    net.sample.input = vector(required(sample, "input", "sample"), net.inputSize(), "sample.input",
                              " (layer 0 has " + std::to_string(net.inputSize()) + " neurons)");
    net.sample.target = vector(required(sample, "target", "sample"), net.outputSize(), "sample.target",
                               " (the output layer has " + std::to_string(net.outputSize()) + " neurons)");
    const Eigen::VectorXd& t = net.sample.target;
    if (net.loss == Loss::BinaryCrossEntropy && (t.minCoeff() < 0 || t.maxCoeff() > 1)) {
        throw Reject{"sample.target", "binary_cross_entropy targets must lie in [0, 1]"};
    }
    if (net.loss == Loss::CrossEntropy &&
        (t.minCoeff() < 0 || std::abs(t.sum() - 1.0) > 1e-9)) {
        throw Reject{"sample.target", "cross_entropy targets must be non-negative and sum to 1, found sum " +
                                          QByteArray::number(t.sum()).toStdString()};
    }
    return net;
}

// Line and column of a byte offset, for JSON syntax errors.
std::string lineColumn(const QByteArray& bytes, int offset) {
    int line = 1, column = 1;
    for (int k = 0; k < offset && k < bytes.size(); ++k) {
        if (bytes[k] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace

Result<NetworkDocument> parseNetwork(const QByteArray& bytes, const QString& fileName) {
    const std::string file = fileName.toStdString();
    if (bytes.size() > kMaxNetworkFileBytes) {
        return Error{file, "", "file is too large (" + std::to_string(bytes.size() / (1024 * 1024)) +
                                   " MiB; a network file may be at most 32 MiB)"};
    }
    if (bytes.trimmed().isEmpty()) {
        return Error{file, "", "file is empty (expected a JSON object)"};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{file, lineColumn(bytes, parseError.offset),
                     "invalid JSON (" + parseError.errorString().toStdString() + ")"};
    }
    if (!doc.isObject()) {
        return Error{file, "", "expected a JSON object at the top level"};
    }
    try {
        NetworkDocument out;
        out.original = doc.object();
        out.network = parseRoot(out.original);
        if (out.original.contains("training")) {
            auto setup = parseTrainingSetup(out.original.value("training"));
            if (!setup) return Error{file, setup.error().place, setup.error().reason};
            out.training = std::move(setup).value();
        }
        return out;
    } catch (const Reject& r) {
        return Error{file, r.place, r.reason};
    }
}

Result<NetworkDocument> loadNetwork(const QString& path) {
    const std::string file = path.toStdString();
    QFileInfo info(path);
    if (!info.exists()) return Error{file, "", "no such file"};
    if (info.isDir()) return Error{file, "", "is a folder, not a network file"};
    if (info.size() > kMaxNetworkFileBytes) {
        return Error{file, "", "file is too large (" + std::to_string(info.size() / (1024 * 1024)) +
                                   " MiB; a network file may be at most 32 MiB)"};
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error{file, "", "cannot read (" + f.errorString().toStdString() + ")"};
    }
    return parseNetwork(f.readAll(), path);
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
    return root;
}

QByteArray networkToBytes(const NetworkDocument& document) {
    static const QStringList order = {"format", "name", "description", "layers", "size",
                                      "labels", "activation", "alpha", "weights", "bias",
                                      "loss", "learning_rate", "sample", "input", "target",
                                      // the training object (docs/formats/network-format.md)
                                      "training", "data", "file", "points", "noise", "seed", "split",
                                      "train", "validation", "test", "shuffle", "optimizer", "beta",
                                      "beta1", "beta2", "epsilon", "bias_correction", "batch_size",
                                      "epochs", "l2", "target_loss", "init", "scheme", "range",
                                      "comparison", "setting", "values"};
    return writeJson(networkToJson(document), order);
}

Result<bool> saveNetwork(const NetworkDocument& document, const QString& path) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        return Error{path.toStdString(), "", "cannot write (" + f.errorString().toStdString() + ")"};
    }
    f.write(networkToBytes(document));
    if (!f.commit()) {
        return Error{path.toStdString(), "", "cannot write (" + f.errorString().toStdString() + ")"};
    }
    return true;
}

} // namespace bpl::io
