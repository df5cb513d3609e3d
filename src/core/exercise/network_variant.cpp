#include "core/exercise/network_variant.h"

#include "core/common/number_text.h"
#include "core/sample_rules.h"
#include "core/trace.h"

#include <cmath>

namespace bpl::exercise {

namespace {

bool isFixed(const NetworkTemplate& t, ParameterKind kind, int layer, int i, int j) {
    for (const auto& f : t.fixed)
        if (f.covers(kind, layer, i, j))
            return true;
    return false;
}

bool oneHotTargets(const Network& network) {
    return network.loss == Loss::CrossEntropy;
}

// Draws every varying value in the documented order into `out` (a copy of the exercise).
void drawValues(SplitMix64& random, const NetworkTemplate& t, Network& out) {
    const int s = t.significantFigures;
    for (int l = 1; l < out.layerCount(); ++l) {
        Layer& layer = out.layers[static_cast<std::size_t>(l)];
        for (int i = 0; i < layer.weights.rows(); ++i)
            for (int j = 0; j < layer.weights.cols(); ++j)
                if (!isFixed(t, ParameterKind::Weights, l, i, j))
                    layer.weights(i, j) = drawNumber(random, t.weights, s);
        for (int i = 0; i < layer.bias.size(); ++i)
            if (!isFixed(t, ParameterKind::Bias, l, i, -1))
                layer.bias(i) = drawNumber(random, t.biases, s);
    }
    Sample& sample = out.sample;
    sample.input.conservativeResize(out.inputSize());
    for (int i = 0; i < sample.input.size(); ++i)
        if (!isFixed(t, ParameterKind::Input, 0, i, -1))
            sample.input(i) = drawNumber(random, t.inputs, s);
    sample.target.conservativeResize(out.outputSize());
    const bool targetFixed = isFixed(t, ParameterKind::Target, 0, -1, -1);
    if (oneHotTargets(out)) {
        if (!targetFixed) {
            sample.target.setZero();
            sample.target(static_cast<Eigen::Index>(
                random.below(static_cast<std::uint64_t>(out.outputSize())))) = 1;
        }
        return;
    }
    for (int i = 0; i < sample.target.size(); ++i)
        if (!isFixed(t, ParameterKind::Target, 0, i, -1))
            sample.target(i) = drawNumber(random, t.targets, s);
}

std::string where(ParameterKind kind, int layer, int i, int j) {
    std::string w = parameterKindKey(kind);
    if (kind == ParameterKind::Weights || kind == ParameterKind::Bias)
        w += "[" + std::to_string(layer) + "]";
    w += "[" + std::to_string(i + 1);
    if (j >= 0)
        w += "," + std::to_string(j + 1);
    return w + "]";
}

void checkDrawn(std::vector<std::string>& problems, const NetworkTemplate& t,
                const NumberRange& range, ParameterKind kind, int layer, int i, int j,
                double value) {
    const std::string name = where(kind, layer, i, j);
    if (!range.values.empty()) {
        bool found = false;
        for (double v : range.values)
            found = found || v == value;
        if (!found)
            problems.push_back(name + " = " + shortestNumberText(value) +
                               " is not one of the template's values");
        return;
    }
    if (!hasAtMostDecimals(value, range.decimals))
        problems.push_back(name + " = " + shortestNumberText(value) + " has more than " +
                           std::to_string(range.decimals) + " decimals");
    else if (significantFiguresOf(value, range.decimals) > t.significantFigures)
        problems.push_back(name + " = " + shortestNumberText(value) + " has more than " +
                           std::to_string(t.significantFigures) + " significant figures");
    if (value < range.min - 1e-12 || value > range.max + 1e-12)
        problems.push_back(name + " = " + shortestNumberText(value) + " lies outside [" +
                           shortestNumberText(range.min) + ", " + shortestNumberText(range.max) +
                           "]");
}

void checkDrawnValues(std::vector<std::string>& problems, const Network& v,
                      const NetworkTemplate& t, const Network* exercise) {
    auto exempt = [&](ParameterKind kind, int l, int i, int j) {
        return exercise && isFixed(t, kind, l, i, j);
    };
    for (int l = 1; l < v.layerCount(); ++l) {
        const Layer& layer = v.layers[static_cast<std::size_t>(l)];
        for (int i = 0; i < layer.weights.rows(); ++i)
            for (int j = 0; j < layer.weights.cols(); ++j)
                if (!exempt(ParameterKind::Weights, l, i, j))
                    checkDrawn(problems, t, t.weights, ParameterKind::Weights, l, i, j,
                               layer.weights(i, j));
        for (int i = 0; i < layer.bias.size(); ++i)
            if (!exempt(ParameterKind::Bias, l, i, -1))
                checkDrawn(problems, t, t.biases, ParameterKind::Bias, l, i, -1, layer.bias(i));
    }
    for (int i = 0; i < v.sample.input.size(); ++i)
        if (!exempt(ParameterKind::Input, 0, i, -1))
            checkDrawn(problems, t, t.inputs, ParameterKind::Input, 0, i, -1, v.sample.input(i));
    if (oneHotTargets(v))
        return; // targetProblem checks that they sum to 1
    for (int i = 0; i < v.sample.target.size(); ++i)
        if (!exempt(ParameterKind::Target, 0, i, -1))
            checkDrawn(problems, t, t.targets, ParameterKind::Target, 0, i, -1, v.sample.target(i));
}

} // namespace

std::vector<QuantityRef> askedQuantityRefs(const Network& network, const NetworkTemplate& t) {
    std::vector<QuantityRef> refs;
    for (Quantity q : t.askedQuantities()) {
        if (q == Quantity::Loss) {
            refs.push_back({q, 0, 0, -1});
            continue;
        }
        if (q == Quantity::Output) {
            for (int i = 0; i < network.outputSize(); ++i)
                refs.push_back({Quantity::Z, network.lastLayer(), i, -1});
            continue;
        }
        for (int l = 1; l < network.layerCount(); ++l) {
            const Layer& layer = network.layers[static_cast<std::size_t>(l)];
            for (int i = 0; i < layer.size; ++i) {
                if (!quantityHasTwoIndices(q)) {
                    refs.push_back({q, l, i, -1});
                    continue;
                }
                for (int j = 0; j < layer.weights.cols(); ++j)
                    refs.push_back({q, l, i, j});
            }
        }
    }
    return refs;
}

std::string networkShape(const Network& network) {
    std::string shape;
    for (const Layer& layer : network.layers)
        shape += (shape.empty() ? "" : "-") + std::to_string(layer.size);
    return shape;
}

VariantCode networkVariantCode(const Network& network, std::uint32_t number) {
    return {networkShape(network), number};
}

NetworkTemplate defaultNetworkTemplate(const Network& network) {
    NetworkTemplate t;
    const bool identityOutput =
        network.layers.empty() || network.layers.back().activation.kind == Activation::Identity;
    const bool squared = network.loss == Loss::HalfSquaredError ||
                         network.loss == Loss::SquaredError ||
                         network.loss == Loss::MeanSquaredError;
    if (identityOutput && squared)
        t.targets = NumberRange{-1, 1, 1, {}};
    return t;
}

std::vector<std::string> templateProblems(const Network& network, const NetworkTemplate& t) {
    std::vector<std::string> problems;
    if (t.significantFigures < 1 || t.significantFigures > kMaxSignificantFigures)
        problems.push_back("significant_figures must be 1 … " +
                           std::to_string(kMaxSignificantFigures) + ", found " +
                           std::to_string(t.significantFigures));
    const int s = std::max(1, t.significantFigures);
    auto range = [&](const char* key, const NumberRange& r) {
        if (auto p = rangeProblem(r, s); !p.empty())
            problems.push_back(std::string(key) + ": " + p);
    };
    range("weights", t.weights);
    range("biases", t.biases);
    range("inputs", t.inputs);
    if (!oneHotTargets(network))
        range("targets", t.targets);
    if (!(t.maxAbsActivation > 0) || !std::isfinite(t.maxAbsActivation))
        problems.push_back("max_abs_activation must be a positive number");
    if (t.answerDecimals < 0 || t.answerDecimals > kMaxAnswerDecimals)
        problems.push_back("answer_decimals must be 0 … " + std::to_string(kMaxAnswerDecimals) +
                           ", found " + std::to_string(t.answerDecimals));
    for (std::size_t k = 0; k < t.fixed.size(); ++k) {
        const auto& f = t.fixed[k];
        const std::string place = "fixed[" + std::to_string(k) + "]: ";
        const bool layered = f.kind == ParameterKind::Weights || f.kind == ParameterKind::Bias;
        if (layered && (f.layer < 1 || f.layer > network.lastLayer())) {
            problems.push_back(place + "layer " + std::to_string(f.layer) + " has no " +
                               parameterKindKey(f.kind) + " (layers 1 … " +
                               std::to_string(network.lastLayer()) + ")");
            continue;
        }
        const int rows = layered ? network.layers[static_cast<std::size_t>(f.layer)].size
                         : f.kind == ParameterKind::Input ? network.inputSize()
                                                          : network.outputSize();
        if (f.i >= rows)
            problems.push_back(place + "index " + std::to_string(f.i + 1) +
                               " is out of range (1 … " + std::to_string(rows) + ")");
        if (f.kind == ParameterKind::Weights &&
            f.j >= network.layers[static_cast<std::size_t>(f.layer - 1)].size)
            problems.push_back(place + "index " + std::to_string(f.j + 1) +
                               " is out of range for the columns");
    }
    return problems;
}

std::vector<std::string> handWorkabilityProblems(const Network& variant, const NetworkTemplate& t,
                                                 const Network* exercise) {
    std::vector<std::string> problems = structuralProblems(variant);
    if (!problems.empty())
        return problems;
    checkDrawnValues(problems, variant, t, exercise);
    if (auto p = inputProblem(variant, variant.sample.input); !p.empty())
        problems.push_back(p);
    if (auto p = targetProblem(variant, variant.sample.target); !p.empty())
        problems.push_back(p);
    if (!problems.empty())
        return problems;
    // The forward pass first: a saturated unit needs no trace to be refused.
    const ForwardPass pass = forward(variant, variant.sample.input);
    for (int l = 1; l < variant.layerCount(); ++l)
        for (int i = 0; i < pass.a[static_cast<std::size_t>(l)].size(); ++i) {
            const double a = pass.a[static_cast<std::size_t>(l)](i);
            if (!(std::abs(a) <= t.maxAbsActivation))
                problems.push_back(QuantityRef{Quantity::A, l, i, -1}.describe() + " = " +
                                   numberText(a, 6) + " is beyond ±" +
                                   shortestNumberText(t.maxAbsActivation) + " (a saturated unit)");
        }
    if (!problems.empty())
        return problems;
    const Trace trace = traceNetwork(variant);
    for (const QuantityRef& ref : askedQuantityRefs(variant, t)) {
        const auto value = trace.valueOf(ref);
        if (!value)
            continue;
        if (!survivesRounding(*value, t.answerDecimals))
            problems.push_back(ref.describe() + " = " + numberText(*value, 6) + " rounds to 0 at " +
                               std::to_string(t.answerDecimals) + " decimals");
    }
    return problems;
}

Result<Network> networkVariant(const Network& exercise, const NetworkTemplate& t,
                               std::uint32_t number) {
    if (auto s = structuralProblems(exercise); !s.empty())
        return Error{"", "", s.front()};
    if (exercise.parameterCount() > kMaxVariantParameters)
        return Error{"", "",
                     "a network with " + std::to_string(exercise.parameterCount()) +
                         " weights and biases is too large for a hand-worked exercise (at most " +
                         std::to_string(kMaxVariantParameters) + ")"};
    if (auto p = templateProblems(exercise, t); !p.empty())
        return Error{"", "variants", p.front()};
    if (number >= kVariantNumberCount)
        return Error{"", "variant",
                     "variant number " + std::to_string(number) + " is beyond 2^20 - 1"};
    SplitMix64 random(number);
    Network variant = exercise;
    variant.declaredTruthTable.clear(); // it described the exercise's weights
    for (int attempt = 0; attempt < kMaxVariantAttempts; ++attempt) {
        drawValues(random, t, variant);
        if (handWorkabilityProblems(variant, t, &exercise).empty())
            return variant;
    }
    return Error{"", "variants", kNoVariantReason};
}

Result<Network> networkVariant(const Network& exercise, const NetworkTemplate& t,
                               const VariantCode& code) {
    if (auto e = variantShapeProblem(code, networkShape(exercise)))
        return *e;
    return networkVariant(exercise, t, code.number);
}

} // namespace bpl::exercise
