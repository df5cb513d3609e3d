// Variants of a convolution exercise: new entries of X and W (integers or one
// decimal, row-major, X first), stride, padding and mode kept, redrawn while
// an output or gradient entry rounds to 0 at the sheet's precision.
#pragma once

#include "core/exercise/variant_code.h"
#include "core/exercise/variant_template.h"
#include "core/maths/convolution.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace bpl::exercise {

struct ConvolutionTemplate {
    NumberRange input{0, 5, 0, {}};
    NumberRange filter{-2, 2, 0, {}};
    int answerDecimals = 2;
    int significantFigures = 2;

    friend bool operator==(const ConvolutionTemplate&, const ConvolutionTemplate&) = default;
};

// "conv4x4-2x2": X's and W's sizes (rows x columns).
std::string convolutionShape(const ConvolutionProblem& problem);

// Bad ranges (decimals above 1 are refused: entries stay hand-workable).
std::vector<std::string> convolutionTemplateProblems(const ConvolutionTemplate& t);

// Variant `number`: the exercise with new X and W.
Result<ConvolutionProblem> convolutionVariant(const ConvolutionProblem& exercise,
                                              const ConvolutionTemplate& t, std::uint32_t number);

// What a convolution sheet asks: every F (row-major), every ∂E/∂W, and ∂E/∂X
// of every input cell some window covers.
std::vector<MathsRef> askedMathsRefs(const Convolution& convolution);

// Why a computed convolution is not hand-workable (empty when it is).
std::vector<std::string> convolutionProblems(const Convolution& convolution,
                                             const ConvolutionTemplate& t);

} // namespace bpl::exercise
