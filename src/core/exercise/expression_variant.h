// Variants of a chain-rule exercise (an expression of the worked-maths tab):
// new values of its variables drawn in the order of first appearance, each
// from its range (or the default range), redrawn while the graph is not
// hand-workable: a domain error (ln of a negative, division by ~0), a
// saturated σ/tanh/exp argument, a node value or gradient that rounds to 0 at
// the sheet's precision or is implausibly large, or central differences that
// disagree (a kink of relu or abs at the point).
#pragma once

#include "core/exercise/variant_code.h"
#include "core/exercise/variant_template.h"
#include "core/maths/expression.h"
#include "core/maths/expression_graph.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace bpl::exercise {

constexpr const char* kChainShape = "chain";

struct VariableRange {
    std::string name;
    NumberRange range;
    friend bool operator==(const VariableRange&, const VariableRange&) = default;
};

struct ExpressionTemplate {
    NumberRange defaultRange{-2, 2, 1, {}};
    std::vector<VariableRange> ranges; // per variable, overriding the default
    std::vector<std::string> fixed;    // variables that keep the exercise's value
    double maxAbsActivation = 2.5;     // |argument| of σ, tanh and exp
    double maxAbsValue = 1000;         // |every node value and gradient|
    int answerDecimals = 4;
    int significantFigures = 2;

    friend bool operator==(const ExpressionTemplate&, const ExpressionTemplate&) = default;
    const NumberRange& rangeOf(const std::string& variable) const;
};

// Variables named in ranges or fixed that the expression lacks, bad ranges.
std::vector<std::string> expressionTemplateProblems(const Expression& expression,
                                                    const ExpressionTemplate& t);

// The variables' values of variant `number` (in expression.variables order);
// `at` holds the exercise's values (used for fixed variables).
Result<std::vector<VariableValue>> expressionVariant(const Expression& expression,
                                                     const std::vector<VariableValue>& at,
                                                     const ExpressionTemplate& t,
                                                     std::uint32_t number);

// What a chain-rule sheet asks: the value of every operation that depends on a
// variable (in evaluation order), then ∂f/∂node for every node that depends on
// a variable (variables first).
std::vector<MathsRef> askedMathsRefs(const ExpressionGraph& graph);

// Why a graph is not hand-workable (empty when it is); `drawn` are the values
// that had to obey the ranges (fixed variables excluded).
std::vector<std::string> expressionProblems(const ExpressionGraph& graph,
                                            const ExpressionTemplate& t,
                                            const std::vector<std::string>& drawn = {});

} // namespace bpl::exercise
