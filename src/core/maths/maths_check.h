// Check mode for the worked-maths tools (maths-answers.md): a student's values
// for graph nodes (value, ∂f/∂node), convolution entries (F, ∂E/∂W, ∂E/∂X) or
// pooling entries (P as "output", ∂E/∂X)
// are `correct` (within the tolerance), `carried` (wrong, but what the step's
// formula gives from the student's own earlier, wrong answers) or `wrong`
// (a new mistake, explained with the right numbers and any recognised slip:
// a flipped sign, a decimal point, only one contribution of a variable used
// several times, ln taken as log₁₀, the kernel flipped or not …). The same
// statuses and tolerance rules as the network checker (answer_check.h).
#pragma once

#include "core/answer_check.h"
#include "core/maths/convolution.h"
#include "core/maths/expression_graph.h"
#include "core/maths/pooling.h"
#include "core/maths/worked_formula.h"
#include "core/tolerance.h"

#include <optional>
#include <string>
#include <vector>

namespace bpl {

struct MathsAnswer {
    MathsRef ref;
    double value = 0;
};

struct MathsAnswerResult {
    MathsAnswer answer;
    Dual symbol;         // v₃, ∂f/∂x, F₁₁, ∂E/∂X₂₃
    double expected = 0; // the exact value (NaN when the ref names nothing)
    AnswerStatus status = AnswerStatus::Wrong;
    // The step's formula with the student's values for the direct inputs they gave.
    std::optional<double> recomputed;
    std::vector<MathsRef> carriedFrom; // direct inputs the student got wrong
    std::vector<MathsRef> origins;     // the first wrong answers behind a carried error
    Dual exactWorking;                 // the formula with the exact numbers
    Dual givenWorking;                 // the same with the student's input values, when any differ
    std::vector<std::string> hints;    // recognised slips, one sentence each
    bool roundingDrift = false;        // wrong, but what their rounded correct inputs give
    std::string explanation;           // one paragraph; worked lines separated by '\n'
};

struct MathsCheckReport {
    std::vector<MathsAnswerResult> results; // in the order given
    Tolerance tolerance;
    int correct = 0;
    int wrong = 0;
    int carried = 0;

    bool allCorrect() const { return wrong == 0 && carried == 0; }
    // "4 of 6 right; 1 wrong; 1 carried from ∂f/∂v₅".
    std::string summary() const;
    const MathsAnswerResult* find(const MathsRef& ref) const;
};

MathsCheckReport checkGraphAnswers(const ExpressionGraph& graph,
                                   const std::vector<MathsAnswer>& answers,
                                   const Tolerance& tolerance = {});
MathsCheckReport checkConvolutionAnswers(const Convolution& convolution,
                                         const std::vector<MathsAnswer>& answers,
                                         const Tolerance& tolerance = {});
MathsCheckReport checkPoolingAnswers(const Pooling& pooling,
                                     const std::vector<MathsAnswer>& answers,
                                     const Tolerance& tolerance = {});

} // namespace bpl
