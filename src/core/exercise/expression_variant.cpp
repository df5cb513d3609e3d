#include "core/exercise/expression_variant.h"

#include "core/common/message_text.h"
#include "core/common/number_text.h"

#include <algorithm>
#include <cmath>

namespace bpl::exercise {

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string nodeName(const GraphNode& node) {
    return node.symbol.text + " (" + node.expression.text + ")";
}

} // namespace

const NumberRange& ExpressionTemplate::rangeOf(const std::string& variable) const {
    for (const auto& r : ranges)
        if (r.name == variable)
            return r.range;
    return defaultRange;
}

std::vector<std::string> expressionTemplateProblems(const Expression& expression,
                                                    const ExpressionTemplate& t) {
    std::vector<std::string> problems;
    if (t.significantFigures < 1 || t.significantFigures > kMaxSignificantFigures)
        problems.push_back("significant_figures must be 1 … " +
                           std::to_string(kMaxSignificantFigures));
    const int s = std::clamp(t.significantFigures, 1, kMaxSignificantFigures);
    if (auto p = rangeProblem(t.defaultRange, s); !p.empty())
        problems.push_back("range: " + p);
    for (const auto& r : t.ranges) {
        if (!contains(expression.variables, r.name))
            problems.push_back("ranges: " + quoteExcerpt(r.name, Quote::Single) +
                               " is not a variable of the expression");
        else if (auto p = rangeProblem(r.range, s); !p.empty())
            problems.push_back("ranges." + excerpt(r.name) + ": " + p);
    }
    for (const auto& name : t.fixed)
        if (!contains(expression.variables, name))
            problems.push_back("fixed: " + quoteExcerpt(name, Quote::Single) +
                               " is not a variable of the expression");
    if (!(t.maxAbsActivation > 0) || !std::isfinite(t.maxAbsActivation))
        problems.push_back("max_abs_activation must be a positive number");
    if (!(t.maxAbsValue > 0) || !std::isfinite(t.maxAbsValue))
        problems.push_back("max_abs_value must be a positive number");
    if (t.answerDecimals < 0 || t.answerDecimals > kMaxAnswerDecimals)
        problems.push_back("answer_decimals must be 0 … " + std::to_string(kMaxAnswerDecimals));
    return problems;
}

std::vector<MathsRef> askedMathsRefs(const ExpressionGraph& graph) {
    std::vector<MathsRef> refs;
    for (const GraphNode& node : graph.nodes)
        if (node.dependsOnVariables && node.op != ExprOp::Variable && node.op != ExprOp::Constant)
            refs.push_back(MathsRef::value(node.id));
    for (const GraphNode& node : graph.nodes)
        if (node.dependsOnVariables)
            refs.push_back(MathsRef::grad(node.id));
    return refs;
}

std::vector<std::string> expressionProblems(const ExpressionGraph& graph,
                                            const ExpressionTemplate& t,
                                            const std::vector<std::string>& drawn) {
    std::vector<std::string> problems;
    for (const auto& v : graph.at) {
        if (!contains(drawn, v.name))
            continue;
        const NumberRange& r = t.rangeOf(v.name);
        if (!r.values.empty())
            continue;
        if (!hasAtMostDecimals(v.value, r.decimals) ||
            significantFiguresOf(v.value, r.decimals) > t.significantFigures)
            problems.push_back(v.name + " = " + shortestNumberText(v.value) +
                               " has too many figures");
        if (v.value < r.min - 1e-12 || v.value > r.max + 1e-12)
            problems.push_back(v.name + " = " + shortestNumberText(v.value) +
                               " lies outside its range");
    }
    for (const GraphNode& node : graph.nodes) {
        if (!node.dependsOnVariables)
            continue;
        const bool operation = node.op != ExprOp::Variable && node.op != ExprOp::Constant;
        if (operation &&
            (node.op == ExprOp::Sigmoid || node.op == ExprOp::Tanh || node.op == ExprOp::Exp)) {
            const double arg = graph.nodes[static_cast<std::size_t>(node.inputs.front())].value;
            if (!(std::abs(arg) <= t.maxAbsActivation))
                problems.push_back(nodeName(node) + ": its argument " + numberText(arg, 6) +
                                   " is beyond ±" + shortestNumberText(t.maxAbsActivation) +
                                   " (saturated)");
        }
        const double value = node.value;
        if (!(std::abs(value) <= t.maxAbsValue) || !(std::abs(node.grad) <= t.maxAbsValue))
            problems.push_back(nodeName(node) + ": a value or gradient beyond ±" +
                               shortestNumberText(t.maxAbsValue));
    }
    for (const MathsRef& ref : askedMathsRefs(graph)) {
        const double value = graph.valueOf(ref).value_or(0);
        if (!survivesRounding(value, t.answerDecimals))
            problems.push_back(graph.symbolOf(ref).text + " = " + numberText(value, 6) +
                               " rounds to 0 at " + std::to_string(t.answerDecimals) + " decimals");
    }
    if (!centralDifferenceCheck(graph).agrees)
        problems.push_back("central differences disagree with the gradient (a kink at this point)");
    return problems;
}

Result<std::vector<VariableValue>> expressionVariant(const Expression& expression,
                                                     const std::vector<VariableValue>& at,
                                                     const ExpressionTemplate& t,
                                                     std::uint32_t number) {
    if (auto p = expressionTemplateProblems(expression, t); !p.empty())
        return Error{"", "variants", p.front()};
    if (number >= kVariantNumberCount)
        return Error{"", "variant",
                     "variant number " + std::to_string(number) + " is beyond 2^20 - 1"};
    std::vector<std::string> drawn;
    for (const auto& name : expression.variables)
        if (!contains(t.fixed, name))
            drawn.push_back(name);
    std::vector<VariableValue> values;
    for (const auto& name : expression.variables) {
        VariableValue v{name, 0};
        bool found = false;
        for (const auto& given : at)
            if (given.name == name)
                v.value = given.value, found = true;
        if (!found && contains(t.fixed, name))
            return Error{"", "at",
                         "the fixed variable " + quoteExcerpt(name, Quote::Single) +
                             " has no value"};
        values.push_back(v);
    }
    SplitMix64 random(number);
    for (int attempt = 0; attempt < kMaxVariantAttempts; ++attempt) {
        for (auto& v : values)
            if (contains(drawn, v.name))
                v.value = drawNumber(random, t.rangeOf(v.name), t.significantFigures);
        const GraphResult graph = buildExpressionGraph(expression, values);
        if (graph.ok() && expressionProblems(*graph.graph, t, drawn).empty())
            return values;
    }
    return Error{"", "variants", kNoVariantReason};
}

} // namespace bpl::exercise
