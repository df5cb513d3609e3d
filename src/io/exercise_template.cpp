#include "io/exercise_template.h"

#include "io/json_reading.h"

#include "core/common/message_text.h"

#include <QJsonArray>
#include <QStringList>

#include <cmath>

namespace bpl::io {

using namespace bpl::exercise;

namespace {

// Thrown only inside this file and caught by the public readers.
void onlyKeys(const QJsonObject& o, const std::string& place, const QStringList& allowed) {
    for (const QString& key : o.keys())
        if (!allowed.contains(key))
            throw JsonReject{place, "unknown key " + quoteExcerpt(key.toStdString()) +
                                        " (expected " + allowed.join(", ").toStdString() + ")"};
}

NumberRange range(const QJsonValue& v, const std::string& place, const NumberRange& defaults) {
    const QJsonObject o = readObject(v, place);
    onlyKeys(o, place, {"min", "max", "decimals", "values"});
    NumberRange r = defaults;
    if (o.contains("values")) {
        if (o.contains("min") || o.contains("max") || o.contains("decimals"))
            throw JsonReject{place, "give either \"values\" or \"min\"/\"max\"/\"decimals\", not both"};
        if (!o.value("values").isArray() || o.value("values").toArray().isEmpty())
            throw JsonReject{place + ".values", "expected a non-empty array of numbers"};
        r.values.clear();
        const QJsonArray a = o.value("values").toArray();
        for (int k = 0; k < a.size(); ++k)
            r.values.push_back(readFiniteNumber(a[k], place + ".values[" + std::to_string(k) + "]"));
        return r;
    }
    r.values.clear();
    if (o.contains("min"))
        r.min = readFiniteNumber(o.value("min"), place + ".min");
    if (o.contains("max"))
        r.max = readFiniteNumber(o.value("max"), place + ".max");
    if (o.contains("decimals"))
        r.decimals = readWholeNumber(o.value("decimals"), place + ".decimals", 0, kMaxDecimals);
    return r;
}

// The sheet's precision, common to every kind of template: answer decimals and significant figures.
void readPrecision(const QJsonObject& o, const std::string& place, int& answerDecimals, int& significantFigures) {
    if (o.contains("answer_decimals"))
        answerDecimals =
            readWholeNumber(o.value("answer_decimals"), place + ".answer_decimals", 0, kMaxAnswerDecimals);
    if (o.contains("significant_figures"))
        significantFigures = readWholeNumber(o.value("significant_figures"), place + ".significant_figures", 1,
                                             kMaxSignificantFigures);
}

FixedParameter fixedEntry(const QJsonValue& v, const std::string& place, const Network& network) {
    const QJsonObject o = readObject(v, place);
    onlyKeys(o, place, {"parameter", "layer", "index"});
    FixedParameter f;
    const auto kind = parameterKindFromKey(o.value("parameter").toString().toStdString());
    if (!kind)
        throw JsonReject{place + ".parameter", "expected weights, bias, input or target"};
    f.kind = *kind;
    const bool layered = f.kind == ParameterKind::Weights || f.kind == ParameterKind::Bias;
    if (layered) {
        if (!o.contains("layer"))
            throw JsonReject{place,
                         "missing \"layer\" (1 … " + std::to_string(network.lastLayer()) + ")"};
        f.layer = readWholeNumber(o.value("layer"), place + ".layer", 1, std::max(1, network.lastLayer()));
    } else if (o.contains("layer")) {
        throw JsonReject{place + ".layer", "an " + parameterKindKey(f.kind) + " has no layer"};
    }
    if (!o.contains("index"))
        return f;
    const QJsonValue iv = o.value("index");
    const QJsonArray index = iv.isArray() ? iv.toArray() : QJsonArray{iv};
    const int wanted = f.kind == ParameterKind::Weights ? 2 : 1;
    if (index.size() < 1 || index.size() > wanted)
        throw JsonReject{place + ".index",
                     wanted == 2 ? "expected [i] or [i, j], 1-based" : "expected [i], 1-based"};
    f.i = readWholeNumber(index[0], place + ".index[0]", 1, 100000) - 1;
    if (index.size() == 2)
        f.j = readWholeNumber(index[1], place + ".index[1]", 1, 100000) - 1;
    return f;
}

NetworkTemplate networkTemplate(const QJsonValue& v, const Network& network) {
    const std::string place = "variants";
    const QJsonObject o = readObject(v, place);
    onlyKeys(o, place,
             {"weights", "biases", "inputs", "targets", "fixed", "max_abs_activation",
              "answer_decimals", "significant_figures", "questions"});
    NetworkTemplate t = defaultNetworkTemplate(network);
    if (o.contains("weights"))
        t.weights = range(o.value("weights"), place + ".weights", t.weights);
    if (o.contains("biases"))
        t.biases = range(o.value("biases"), place + ".biases", t.biases);
    if (o.contains("inputs"))
        t.inputs = range(o.value("inputs"), place + ".inputs", t.inputs);
    if (o.contains("targets"))
        t.targets = range(o.value("targets"), place + ".targets", t.targets);
    if (o.contains("max_abs_activation"))
        t.maxAbsActivation = readFiniteNumber(o.value("max_abs_activation"), place + ".max_abs_activation");
    readPrecision(o, place, t.answerDecimals, t.significantFigures);
    if (o.contains("fixed")) {
        if (!o.value("fixed").isArray())
            throw JsonReject{place + ".fixed", "expected an array of parameters"};
        const QJsonArray a = o.value("fixed").toArray();
        for (int k = 0; k < a.size(); ++k)
            t.fixed.push_back(
                fixedEntry(a[k], place + ".fixed[" + std::to_string(k) + "]", network));
    }
    if (o.contains("questions")) {
        if (!o.value("questions").isArray())
            throw JsonReject{place + ".questions", "expected an array of quantity keys"};
        const QJsonArray a = o.value("questions").toArray();
        for (int k = 0; k < a.size(); ++k) {
            const auto q = quantityFromKey(a[k].toString().toStdString());
            if (!q)
                throw JsonReject{place + ".questions[" + std::to_string(k) + "]",
                             "expected a, z, output, loss, delta, grad_weights, grad_bias, "
                             "new_weights or new_bias, "
                             "found " +
                                 jsonTypeName(a[k])};
            t.questions.push_back(*q);
        }
    }
    if (const auto problems = templateProblems(network, t); !problems.empty())
        throw JsonReject{place, problems.front()};
    return t;
}

// Writes `key` when the original had it or the value differs from the default.
template <typename T>
void put(QJsonObject& o, const QJsonObject& original, const char* key, const T& value,
         const T& fallback, const QJsonValue& json) {
    if (original.contains(key) || !(value == fallback))
        o[key] = json;
}

template <typename Template>
void putPrecision(QJsonObject& o, const QJsonObject& original, const Template& t, const Template& d) {
    put(o, original, "answer_decimals", t.answerDecimals, d.answerDecimals, t.answerDecimals);
    put(o, original, "significant_figures", t.significantFigures, d.significantFigures, t.significantFigures);
}

} // namespace

Result<NumberRange> numberRangeFromJson(const QJsonValue& value, const std::string& place,
                                        const NumberRange& defaults) {
    try {
        return range(value, place, defaults);
    } catch (const JsonReject& r) {
        return Error{"", r.place, r.reason};
    }
}

QJsonObject numberRangeToJson(const NumberRange& r) {
    if (!r.values.empty()) {
        QJsonArray values;
        for (double v : r.values)
            values.append(v);
        return QJsonObject{{"values", values}};
    }
    return QJsonObject{{"min", r.min}, {"max", r.max}, {"decimals", r.decimals}};
}

Result<NetworkTemplate> networkTemplateFromJson(const QJsonValue& value, const Network& network) {
    try {
        return networkTemplate(value, network);
    } catch (const JsonReject& r) {
        return Error{"", r.place, r.reason};
    }
}

QJsonObject networkTemplateToJson(const NetworkTemplate& t, const Network& network,
                                  const QJsonObject& original) {
    const NetworkTemplate d = defaultNetworkTemplate(network);
    QJsonObject o = original;
    put(o, original, "weights", t.weights, d.weights, numberRangeToJson(t.weights));
    put(o, original, "biases", t.biases, d.biases, numberRangeToJson(t.biases));
    put(o, original, "inputs", t.inputs, d.inputs, numberRangeToJson(t.inputs));
    put(o, original, "targets", t.targets, d.targets, numberRangeToJson(t.targets));
    QJsonArray fixed;
    for (const FixedParameter& f : t.fixed) {
        QJsonObject e{{"parameter", QString::fromStdString(parameterKindKey(f.kind))}};
        if (f.kind == ParameterKind::Weights || f.kind == ParameterKind::Bias)
            e["layer"] = f.layer;
        if (f.i >= 0)
            e["index"] = f.j >= 0 ? QJsonArray{f.i + 1, f.j + 1} : QJsonArray{f.i + 1};
        fixed.append(e);
    }
    put(o, original, "fixed", t.fixed, d.fixed, fixed);
    put(o, original, "max_abs_activation", t.maxAbsActivation, d.maxAbsActivation,
        t.maxAbsActivation);
    putPrecision(o, original, t, d);
    QJsonArray questions;
    for (Quantity q : t.questions)
        questions.append(QString::fromStdString(quantityKey(q)));
    put(o, original, "questions", t.questions, d.questions, questions);
    return o;
}

Result<ExpressionTemplate> expressionTemplateFromJson(const QJsonValue& value,
                                                      const Expression& expression) {
    try {
        const std::string place = "variants";
        const QJsonObject o = readObject(value, place);
        onlyKeys(o, place,
                 {"range", "ranges", "fixed", "max_abs_activation", "max_abs_value",
                  "answer_decimals", "significant_figures"});
        ExpressionTemplate t;
        if (o.contains("range"))
            t.defaultRange = range(o.value("range"), place + ".range", t.defaultRange);
        if (o.contains("ranges")) {
            const QJsonObject ranges = readObject(o.value("ranges"), place + ".ranges");
            for (const QString& name : ranges.keys())
                t.ranges.push_back(
                    {name.toStdString(),
                     range(ranges.value(name), place + ".ranges." + excerpt(name.toStdString()),
                           t.defaultRange)});
        }
        if (o.contains("fixed")) {
            if (!o.value("fixed").isArray())
                throw JsonReject{place + ".fixed", "expected an array of variable names"};
            for (const QJsonValue& v : o.value("fixed").toArray())
                t.fixed.push_back(v.toString().toStdString());
        }
        if (o.contains("max_abs_activation"))
            t.maxAbsActivation =
                readFiniteNumber(o.value("max_abs_activation"), place + ".max_abs_activation");
        if (o.contains("max_abs_value"))
            t.maxAbsValue = readFiniteNumber(o.value("max_abs_value"), place + ".max_abs_value");
        readPrecision(o, place, t.answerDecimals, t.significantFigures);
        if (const auto p = expressionTemplateProblems(expression, t); !p.empty())
            throw JsonReject{place, p.front()};
        return t;
    } catch (const JsonReject& r) {
        return Error{"", r.place, r.reason};
    }
}

QJsonObject expressionTemplateToJson(const ExpressionTemplate& t, const QJsonObject& original) {
    const ExpressionTemplate d;
    QJsonObject o = original;
    put(o, original, "range", t.defaultRange, d.defaultRange, numberRangeToJson(t.defaultRange));
    QJsonObject ranges;
    for (const auto& r : t.ranges)
        ranges[QString::fromStdString(r.name)] = numberRangeToJson(r.range);
    put(o, original, "ranges", t.ranges, d.ranges, ranges);
    QJsonArray fixed;
    for (const auto& name : t.fixed)
        fixed.append(QString::fromStdString(name));
    put(o, original, "fixed", t.fixed, d.fixed, fixed);
    put(o, original, "max_abs_activation", t.maxAbsActivation, d.maxAbsActivation,
        t.maxAbsActivation);
    put(o, original, "max_abs_value", t.maxAbsValue, d.maxAbsValue, t.maxAbsValue);
    putPrecision(o, original, t, d);
    return o;
}

Result<ConvolutionTemplate> convolutionTemplateFromJson(const QJsonValue& value) {
    try {
        const std::string place = "variants";
        const QJsonObject o = readObject(value, place);
        onlyKeys(o, place, {"input", "filter", "answer_decimals", "significant_figures"});
        ConvolutionTemplate t;
        if (o.contains("input"))
            t.input = range(o.value("input"), place + ".input", t.input);
        if (o.contains("filter"))
            t.filter = range(o.value("filter"), place + ".filter", t.filter);
        readPrecision(o, place, t.answerDecimals, t.significantFigures);
        if (const auto p = convolutionTemplateProblems(t); !p.empty())
            throw JsonReject{place, p.front()};
        return t;
    } catch (const JsonReject& r) {
        return Error{"", r.place, r.reason};
    }
}

QJsonObject convolutionTemplateToJson(const ConvolutionTemplate& t, const QJsonObject& original) {
    const ConvolutionTemplate d;
    QJsonObject o = original;
    put(o, original, "input", t.input, d.input, numberRangeToJson(t.input));
    put(o, original, "filter", t.filter, d.filter, numberRangeToJson(t.filter));
    putPrecision(o, original, t, d);
    return o;
}

QStringList exerciseTemplateKeyOrder() {
    return {"variants",
            "weights",
            "biases",
            "inputs",
            "targets",
            "range",
            "ranges",
            "input",
            "filter",
            "min",
            "max",
            "decimals",
            "values",
            "fixed",
            "parameter",
            "layer",
            "index",
            "max_abs_activation",
            "max_abs_value",
            "answer_decimals",
            "significant_figures",
            "questions"};
}

} // namespace bpl::io
