// Checking hand-worked values against a trace (answers-format.md). Each answer
// is `correct` (matches the exact value within the tolerance), `carried` (wrong,
// but what the step's formula gives from the student's own earlier answers,
// at least one of which was off: an error carried forward, not a new one) or
// `wrong` (a new mistake: the explanation shows the formula with the right
// numbers and names any recognisable slip). Cheap enough to rerun on every
// keystroke of a Check mode.
#pragma once

#include "core/notation.h"
#include "core/quantity.h"
#include "core/tolerance.h"
#include "core/trace.h"

#include <optional>
#include <string>
#include <vector>

namespace bpl {

// One hand-worked value, in file numbering (answers-format.md).
struct Answer {
    QuantityRef ref;
    double value = 0;
};

enum class AnswerStatus { Correct, Wrong, Carried };
// "correct", "wrong", "carried".
std::string answerStatusKey(AnswerStatus status);

struct AnswerResult {
    Answer answer;           // as given (output stays output)
    QuantityRef canonical;   // output i → z of the last layer
    Dual symbol;             // a₁⁽¹⁾, new w₁₃⁽¹⁾ … in the trace's notation
    double expected = 0;     // the exact value
    AnswerStatus status = AnswerStatus::Wrong;
    // The step's formula evaluated with the student's values for the direct
    // inputs they gave (exact values for the rest); set when they gave any.
    std::optional<double> recomputed;
    std::vector<QuantityRef> carriedFrom; // direct inputs the student got wrong
    std::vector<QuantityRef> origins;     // the first wrong answers behind a carried error
    Dual exactWorking;  // "lhs = symbolic = substituted = result" with the exact numbers
    Dual givenWorking;  // the same with the student's input values, when any differ
    std::vector<std::string> hints; // recognised slips: sign, decimal point, dropped digit …
    bool roundingDrift = false; // wrong, but what their (correct, rounded) inputs give
    std::string explanation;    // one paragraph for people
};

struct CheckReport {
    std::vector<AnswerResult> results; // in the order the answers were given
    Tolerance tolerance;
    int correct = 0;
    int wrong = 0;
    int carried = 0;

    bool allCorrect() const { return wrong == 0 && carried == 0; }
    // "14 of 17 right; 1 wrong; 2 carried from δ₁⁽²⁾" (Unicode notation).
    std::string summary() const;
    // The result for a quantity, or nullptr when it was not answered.
    const AnswerResult* find(const QuantityRef& ref) const;
};

CheckReport checkAnswers(const Trace& trace, const std::vector<Answer>& answers,
                         const Tolerance& tolerance = {});

// The quantity's symbol in the trace's notation ("δ₁⁽²⁾", "E", "z₂⁽⁰⁾").
Dual quantitySymbol(const Trace& trace, const QuantityRef& ref);

// Results in the order of the trace's steps (forward … update), for reports
// that walk through the solution; answers without a step (z⁽⁰⁾) come first.
std::vector<const AnswerResult*> resultsInStepOrder(const Trace& trace, const CheckReport& report);

} // namespace bpl
