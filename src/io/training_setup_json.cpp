#include "io/training_setup_json.h"

#include "io/json_reading.h"
#include "io/json_writer.h"
#include "io/text_columns.h"
#include "io/training_data.h"

#include "core/common/message_text.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace bpl::io {

namespace {

const std::string kRoot = "training";

std::string shown(double x) {
    return jsonNumber(x).toStdString();
}

double number(const QJsonValue& v, const std::string& place, double lo, double hi) {
    if (!v.isDouble())
        throw JsonReject{place, "expected a number, found " + jsonTypeName(v)};
    const double x = v.toDouble();
    if (!std::isfinite(x) || x < lo || x > hi) {
        throw JsonReject{place, "expected a number from " + shown(lo) + " to " + shown(hi) +
                                ", found " + shown(x)};
    }
    return x;
}

// Seeds are whole numbers ≥ 0 that a JSON double holds exactly (< 2⁵³).
std::uint64_t seed(const QJsonValue& v, const std::string& place) {
    return static_cast<std::uint64_t>(readWholeNumber(v, place, 0, (1LL << 53)));
}

bool boolean(const QJsonValue& v, const std::string& place) {
    if (!v.isBool())
        throw JsonReject{place, "expected true or false, found " + jsonTypeName(v)};
    return v.toBool();
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t k = 0; k < names.size(); ++k)
        s += (k ? ", " : "") + names[k];
    return s;
}

void parseData(const QJsonObject& o, TrainingSetup& setup) {
    const std::string at = kRoot + ".data";
    const bool hasFile = o.contains("file"), hasName = o.contains("name");
    if (hasFile == hasName) {
        throw JsonReject{
            at, "expected either \"name\" (a built-in data set) or \"file\" (a data file), not " +
                    std::string(hasFile ? "both" : "neither")};
    }
    if (hasFile) {
        setup.dataFile = readString(o.value("file"), at + ".file");
        if (setup.dataFile.empty())
            throw JsonReject{at + ".file", "expected a file name, found an empty string"};
        for (const char* key : {"points", "noise", "seed"}) {
            if (o.contains(key))
                throw JsonReject{at + "." + key, "applies only to a built-in data set (\"name\")"};
        }
        return;
    }
    GeneratorOptions& g = setup.generator;
    g.name = readString(o.value("name"), at + ".name");
    const auto names = builtInDataNames();
    if (std::find(names.begin(), names.end(), g.name) == names.end()) {
        throw JsonReject{at + ".name", "unknown data set " + quoteExcerpt(g.name) + " (expected " +
                                           joined(names) + ")"};
    }
    if (o.contains("points"))
        g.points = static_cast<int>(readWholeNumber(o.value("points"), at + ".points", 2, 1'000'000));
    if (o.contains("noise"))
        g.noise = number(o.value("noise"), at + ".noise", 0, 1);
    if (o.contains("seed"))
        g.seed = seed(o.value("seed"), at + ".seed");
}

void parseSplit(const QJsonObject& o, SplitOptions& split) {
    const std::string at = kRoot + ".split";
    if (o.contains("train"))
        split.trainPercent = static_cast<int>(readWholeNumber(o.value("train"), at + ".train", 0, 100));
    if (o.contains("validation")) {
        split.validationPercent =
            static_cast<int>(readWholeNumber(o.value("validation"), at + ".validation", 0, 100));
    }
    if (o.contains("test"))
        split.testPercent = static_cast<int>(readWholeNumber(o.value("test"), at + ".test", 0, 100));
    if (o.contains("seed"))
        split.seed = seed(o.value("seed"), at + ".seed");
    if (o.contains("shuffle"))
        split.shuffle = boolean(o.value("shuffle"), at + ".shuffle");
    if (const std::string problem = splitProblem(split); !problem.empty())
        throw JsonReject{at, problem};
}

InitOptions parseInit(const QJsonValue& v) {
    const std::string at = kRoot + ".init";
    InitOptions init;
    std::string scheme;
    std::string schemeAt = at;
    if (v.isString()) {
        scheme = v.toString().toStdString();
    } else {
        const QJsonObject o = readObject(v, at);
        schemeAt = at + ".scheme";
        if (!o.contains("scheme"))
            throw JsonReject{at, "missing required key \"scheme\""};
        scheme = readString(o.value("scheme"), schemeAt);
        if (o.contains("seed"))
            init.seed = seed(o.value("seed"), at + ".seed");
        if (o.contains("range"))
            init.range = number(o.value("range"), at + ".range", 1e-12, 1e6);
    }
    std::vector<std::string> keys;
    for (InitScheme s : allInitSchemes()) {
        keys.push_back(initSchemeKey(s));
        if (keys.back() == scheme) {
            init.scheme = s;
            return init;
        }
    }
    throw JsonReject{schemeAt, "unknown initialization " + quoteExcerpt(scheme) + " (expected " +
                                   joined(keys) + ")"};
}

const std::vector<std::string>& comparisonSettings() {
    static const std::vector<std::string> settings = {"learning_rate", "optimizer", "batch_size",
                                                      "init", "l2"};
    return settings;
}

bool numericSetting(const std::string& setting) {
    return setting != "optimizer" && setting != "init";
}

void parseComparison(const QJsonObject& o, TrainingSetup& setup) {
    const std::string at = kRoot + ".comparison";
    Comparison& c = setup.comparison;
    if (!o.contains("setting"))
        throw JsonReject{at, "missing required key \"setting\""};
    c.setting = readString(o.value("setting"), at + ".setting");
    const auto& settings = comparisonSettings();
    if (std::find(settings.begin(), settings.end(), c.setting) == settings.end()) {
        throw JsonReject{at + ".setting", "unknown setting " + quoteExcerpt(c.setting) +
                                              " (expected " + joined(settings) + ")"};
    }
    const QJsonValue values = o.value("values");
    if (!values.isArray() || values.toArray().isEmpty()) {
        throw JsonReject{at + ".values",
                     "expected a non-empty array of values, found " + jsonTypeName(values)};
    }
    const QJsonArray array = values.toArray();
    for (int k = 0; k < array.size(); ++k) {
        const std::string place = at + ".values[" + std::to_string(k) + "]";
        if (numericSetting(c.setting)) {
            c.values.push_back(jsonNumber(number(array[k], place, 0, 1e12)).toStdString());
        } else {
            c.values.push_back(readString(array[k], place));
        }
    }
    const auto runs = comparisonRuns(trainingOptionsOf(setup, Network{}), c);
    if (!runs)
        throw JsonReject{at + ".values", runs.error().reason};
}

void parseOptimizer(const QJsonObject& o, OptimizerSettings& opt) {
    if (o.contains("optimizer")) {
        const std::string name = readString(o.value("optimizer"), kRoot + ".optimizer");
        const auto kind = optimizerFromKey(name);
        if (!kind) {
            std::vector<std::string> keys;
            for (OptimizerKind k : allOptimizers())
                keys.push_back(optimizerKey(k));
            throw JsonReject{kRoot + ".optimizer", "unknown optimizer " + quoteExcerpt(name) +
                                                       " (expected " + joined(keys) + ")"};
        }
        opt.kind = *kind;
    }
    if (o.contains("learning_rate")) {
        opt.learningRate = number(o.value("learning_rate"), kRoot + ".learning_rate", 0, 1e6);
        if (opt.learningRate <= 0)
            throw JsonReject{kRoot + ".learning_rate", "must be greater than 0, found 0"};
    }
    if (o.contains("beta"))
        opt.beta = number(o.value("beta"), kRoot + ".beta", 0, 0.999999);
    if (o.contains("beta1"))
        opt.beta1 = number(o.value("beta1"), kRoot + ".beta1", 0, 0.999999);
    if (o.contains("beta2"))
        opt.beta2 = number(o.value("beta2"), kRoot + ".beta2", 0, 0.999999);
    if (o.contains("epsilon"))
        opt.epsilon = number(o.value("epsilon"), kRoot + ".epsilon", 0, 1);
    if (o.contains("bias_correction"))
        opt.biasCorrection = boolean(o.value("bias_correction"), kRoot + ".bias_correction");
}

TrainingSetup parseTrainingRoot(const QJsonValue& value) {
    const QJsonObject o = readObject(value, kRoot);
    TrainingSetup setup;
    if (!o.contains("data"))
        throw JsonReject{kRoot, "missing required key \"data\""};
    parseData(readObject(o.value("data"), kRoot + ".data"), setup);
    if (o.contains("split"))
        parseSplit(readObject(o.value("split"), kRoot + ".split"), setup.split);
    parseOptimizer(o, setup.optimizer);
    if (o.contains("batch_size"))
        setup.batchSize =
            static_cast<int>(readWholeNumber(o.value("batch_size"), kRoot + ".batch_size", 1, 1'000'000'000));
    if (o.contains("epochs"))
        setup.epochs = static_cast<int>(readWholeNumber(o.value("epochs"), kRoot + ".epochs", 1, 1'000'000));
    if (o.contains("l2"))
        setup.l2 = number(o.value("l2"), kRoot + ".l2", 0, 1e6);
    if (o.contains("seed"))
        setup.seed = seed(o.value("seed"), kRoot + ".seed");
    if (o.contains("target_loss"))
        setup.targetLoss = number(o.value("target_loss"), kRoot + ".target_loss", 0, 1e6);
    if (o.contains("init"))
        setup.init = parseInit(o.value("init"));
    if (o.contains("comparison"))
        parseComparison(readObject(o.value("comparison"), kRoot + ".comparison"), setup);
    return setup;
}

} // namespace

std::vector<std::string> builtInDataNames() {
    std::vector<std::string> names = generatorNames();
    names.push_back(kDigitsName);
    return names;
}

Result<TrainingSetup> parseTrainingSetup(const QJsonValue& value) {
    try {
        return parseTrainingRoot(value);
    } catch (const JsonReject& r) {
        return Error{"", r.place, r.reason};
    }
}

QJsonObject trainingSetupToJson(const TrainingSetup& setup, const QJsonObject& original) {
    QJsonObject o = original;
    QJsonObject data = original.value("data").toObject();
    for (const char* key : {"name", "file", "points", "noise", "seed"})
        data.remove(key);
    if (setup.usesFile()) {
        data["file"] = QString::fromStdString(setup.dataFile);
    } else {
        data["name"] = QString::fromStdString(setup.generator.name);
        if (setup.generator.name != kDigitsName) {
            data["points"] = setup.generator.points;
            data["noise"] = setup.generator.noise;
            data["seed"] = static_cast<double>(setup.generator.seed);
        }
    }
    o["data"] = data;
    QJsonObject split = original.value("split").toObject();
    split["train"] = setup.split.trainPercent;
    split["validation"] = setup.split.validationPercent;
    split["test"] = setup.split.testPercent;
    split["seed"] = static_cast<double>(setup.split.seed);
    split["shuffle"] = setup.split.shuffle;
    o["split"] = split;
    const OptimizerSettings& opt = setup.optimizer;
    o["optimizer"] = QString::fromStdString(optimizerKey(opt.kind));
    if (opt.learningRate > 0)
        o["learning_rate"] = opt.learningRate;
    else
        o.remove("learning_rate");
    const OptimizerSettings defaults;
    auto setIf = [&](const char* key, double value, double fallback) {
        if (value != fallback || original.contains(key))
            o[key] = value;
        else
            o.remove(key);
    };
    setIf("beta", opt.beta, defaults.beta);
    setIf("beta1", opt.beta1, defaults.beta1);
    setIf("beta2", opt.beta2, defaults.beta2);
    if (opt.epsilon >= 0)
        o["epsilon"] = opt.epsilon;
    else
        o.remove("epsilon");
    if (!opt.biasCorrection || original.contains("bias_correction"))
        o["bias_correction"] = opt.biasCorrection;
    o["batch_size"] = setup.batchSize;
    o["epochs"] = setup.epochs;
    o["l2"] = setup.l2;
    o["seed"] = static_cast<double>(setup.seed);
    setIf("target_loss", setup.targetLoss, 0);
    if (setup.init) {
        QJsonObject init;
        init["scheme"] = QString::fromStdString(initSchemeKey(setup.init->scheme));
        init["seed"] = static_cast<double>(setup.init->seed);
        if (setup.init->scheme == InitScheme::Uniform)
            init["range"] = setup.init->range;
        o["init"] = init;
    } else {
        o.remove("init");
    }
    if (!setup.comparison.setting.empty()) {
        QJsonObject c;
        c["setting"] = QString::fromStdString(setup.comparison.setting);
        QJsonArray values;
        for (const std::string& v : setup.comparison.values) {
            double x = 0;
            if (numericSetting(setup.comparison.setting) && parseNumber(v, x))
                values.append(x);
            else
                values.append(QString::fromStdString(v));
        }
        c["values"] = values;
        o["comparison"] = c;
    } else {
        o.remove("comparison");
    }
    return o;
}

} // namespace bpl::io
