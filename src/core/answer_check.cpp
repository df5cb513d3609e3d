#include "core/answer_check.h"

#include "core/answer_hints.h"
#include "core/common/message_text.h"
#include "core/number_format.h"
#include "core/scalar_eval.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace bpl {

namespace {

// Position of every scalar in the trace: forward … update.
std::map<QuantityRef, int> stepOrder(const Trace& trace) {
    std::map<QuantityRef, int> order;
    int position = 0;
    for (const Step& step : trace.steps) {
        for (const ScalarFormula& f : step.scalars) order.emplace(f.ref, position++);
    }
    return order;
}

struct Checker {
    const Trace& trace;
    const Tolerance& tol;
    std::map<QuantityRef, double> given; // canonical → the student's value

    double exact(const QuantityRef& r) const { return trace.valueOf(r).value_or(std::nan("")); }
    double givenOrExact(const QuantityRef& r) const {
        const auto it = given.find(r);
        return it != given.end() ? it->second : exact(r);
    }
    std::string yourValue(const QuantityRef& r) const {
        return quantitySymbol(trace, r).text + " = " + shortestText(given.at(r));
    }

    AnswerResult judge(const Answer& answer) const;
    void explain(AnswerResult& result, const std::vector<std::string>& originNames) const;
};

AnswerResult Checker::judge(const Answer& answer) const {
    AnswerResult r;
    r.answer = answer;
    r.canonical = canonicalRef(trace.network, answer.ref);
    r.symbol = quantitySymbol(trace, answer.ref);
    if (const auto problem = refProblem(trace.network, answer.ref)) {
        r.expected = std::nan("");
        r.status = AnswerStatus::Wrong;
        r.explanation = "Not a value of this network: " + problem->reason + ".";
        return r;
    }
    r.expected = exact(r.canonical);
    const double g = answer.value;
    const ScalarFormula* formula = trace.formulaFor(r.canonical);
    if (formula != nullptr) r.exactWorking = formula->line();
    if (tol.matches(g, r.expected)) {
        r.status = AnswerStatus::Correct;
        return r;
    }
    r.status = AnswerStatus::Wrong;
    if (formula == nullptr) return r;
    bool anyGiven = false;
    bool anyDiffers = false;
    for (const QuantityRef& input : formula->inputs) {
        const auto it = given.find(input);
        if (it == given.end()) continue;
        anyGiven = true;
        anyDiffers = anyDiffers || it->second != exact(input);
        if (!tol.matches(it->second, exact(input))) r.carriedFrom.push_back(input);
    }
    if (!anyGiven) return r;
    const ValueLookup lookup = [this](const QuantityRef& q) { return givenOrExact(q); };
    r.recomputed = evaluateScalar(trace, r.canonical, lookup);
    if (anyDiffers) {
        if (const auto f = formulaWithInputs(trace, r.canonical, lookup)) r.givenWorking = f->line();
    }
    if (tol.matches(g, *r.recomputed)) {
        if (!r.carriedFrom.empty()) {
            r.status = AnswerStatus::Carried;
        } else {
            r.roundingDrift = true;
        }
    }
    return r;
}

// Explanations are sentences, with each worked formula on a line of its own
// (lines separated by '\n'), so a terminal or a tooltip can lay them out.
void Checker::explain(AnswerResult& r, const std::vector<std::string>& originNames) const {
    const std::string g = shortestText(r.answer.value);
    if (!r.explanation.empty()) return; // already explained (not a value of this network)
    switch (r.status) {
    case AnswerStatus::Correct:
        r.explanation = "Correct: " + tol.explain(r.answer.value, r.expected) + ".";
        return;
    case AnswerStatus::Carried: {
        std::vector<std::string> causes;
        for (const QuantityRef& c : r.carriedFrom) causes.push_back(yourValue(c) + " (exact " + explanationNumber(exact(c)) + ")");
        r.explanation = "Carried forward from your " + proseList(causes) + ".";
        std::vector<std::string> direct;
        for (const QuantityRef& c : r.carriedFrom) direct.push_back(quantitySymbol(trace, c).text);
        if (originNames != direct) r.explanation += " The error starts at your " + proseList(originNames) + ".";
        r.explanation += " Not a new mistake: with your values the step gives what you wrote:\n" +
                         r.givenWorking.text + "\nThe exact value is " + explanationNumber(r.expected) + ".";
        return;
    }
    case AnswerStatus::Wrong: break;
    }
    if (r.canonical.quantity == Quantity::Z && r.canonical.layer == 0) {
        r.explanation = "Wrong: " + r.symbol.text + " is the input, " + explanationNumber(r.expected) + "; you wrote " + g + ".";
        return;
    }
    if (r.roundingDrift) {
        r.explanation = "Wrong at " + tol.shortName() + " (exact " + explanationNumber(r.expected) + "), but it is what your " +
                        "rounded earlier values give:\n" + r.givenWorking.text +
                        "\nKeep more figures in intermediate values.";
        return;
    }
    r.explanation = "Wrong: you wrote " + g + "; the exact value is " + explanationNumber(r.expected) + ".";
    if (!r.carriedFrom.empty() && r.recomputed) {
        std::vector<std::string> causes;
        for (const QuantityRef& c : r.carriedFrom) causes.push_back(yourValue(c));
        r.explanation += " Not explained by your earlier answers either; with your " + proseList(causes) +
                         " the step gives:\n" + r.givenWorking.text;
    }
    r.explanation += "\nThe step with the right numbers:\n" + r.exactWorking.text;
    for (const std::string& hint : r.hints) r.explanation += "\n" + hint;
}

} // namespace

std::string answerStatusKey(AnswerStatus status) {
    switch (status) {
    case AnswerStatus::Correct: return "correct";
    case AnswerStatus::Wrong: return "wrong";
    case AnswerStatus::Carried: return "carried";
    }
    return "wrong";
}

Dual quantitySymbol(const Trace& trace, const QuantityRef& ref) {
    const QuantityRef r = canonicalRef(trace.network, ref);
    if (const ScalarFormula* f = trace.formulaFor(r)) return f->lhs;
    if (r.quantity == Quantity::Z && r.layer >= 0 && r.layer < trace.network.layerCount()) {
        return trace.options.notation.activation(r.layer, r.i);
    }
    if (r.quantity == Quantity::GradInput)
        return trace.options.notation.gradInput(r.i);
    return Dual(ref.describe());
}

CheckReport checkAnswers(const Trace& trace, const std::vector<Answer>& answers, const Tolerance& tolerance) {
    CheckReport report;
    report.tolerance = tolerance;
    Checker checker{trace, tolerance, {}};
    for (const Answer& a : answers) {
        if (refProblem(trace.network, a.ref)) continue;
        const QuantityRef c = canonicalRef(trace.network, a.ref);
        // z of the last layer wins over "output" when a student gives both.
        if (a.ref.quantity != Quantity::Output || !checker.given.contains(c)) checker.given[c] = a.value;
    }
    std::map<QuantityRef, size_t> byRef;
    for (const Answer& a : answers) {
        report.results.push_back(checker.judge(a));
        AnswerResult& r = report.results.back();
        if (r.status == AnswerStatus::Wrong && std::isfinite(r.expected)) {
            r.hints = slipHints(trace, r.canonical, a.value, tolerance);
        }
        if (a.ref.quantity != Quantity::Output || !byRef.contains(r.canonical)) {
            byRef[r.canonical] = report.results.size() - 1;
        }
    }
    // Origins follow carried errors back to the first wrong answers.
    std::function<std::set<QuantityRef>(const QuantityRef&)> originsOf = [&](const QuantityRef& ref) {
        const auto it = byRef.find(ref);
        if (it == byRef.end()) return std::set<QuantityRef>{ref};
        const AnswerResult& r = report.results[it->second];
        if (r.status != AnswerStatus::Carried) return std::set<QuantityRef>{ref};
        std::set<QuantityRef> out;
        for (const QuantityRef& c : r.carriedFrom) out.merge(originsOf(c));
        return out;
    };
    const std::map<QuantityRef, int> order = stepOrder(trace);
    for (AnswerResult& r : report.results) {
        if (r.status == AnswerStatus::Carried) {
            const std::set<QuantityRef> origins = originsOf(r.canonical);
            r.origins.assign(origins.begin(), origins.end());
            std::sort(r.origins.begin(), r.origins.end(), [&](const QuantityRef& x, const QuantityRef& y) {
                return order.contains(x) && order.contains(y) ? order.at(x) < order.at(y) : x < y;
            });
        }
        std::vector<std::string> originNames;
        for (const QuantityRef& o : r.origins) originNames.push_back(quantitySymbol(trace, o).text);
        checker.explain(r, originNames);
        switch (r.status) {
        case AnswerStatus::Correct: ++report.correct; break;
        case AnswerStatus::Wrong: ++report.wrong; break;
        case AnswerStatus::Carried: ++report.carried; break;
        }
    }
    return report;
}

std::string CheckReport::summary() const {
    const int total = static_cast<int>(results.size());
    if (total == 0) return "No answers to check";
    std::string s = std::to_string(correct) + " of " + std::to_string(total) + " right";
    if (wrong > 0) s += "; " + std::to_string(wrong) + " wrong";
    if (carried > 0) {
        std::vector<std::string> origins;
        for (const AnswerResult& r : results) {
            if (r.status != AnswerStatus::Carried) continue;
            for (const QuantityRef& o : r.origins) {
                // The symbol of an origin is that of its own result.
                std::string name = o.describe();
                for (const AnswerResult& x : results) {
                    if (x.canonical == o) name = x.symbol.text;
                }
                if (std::find(origins.begin(), origins.end(), name) == origins.end()) origins.push_back(name);
            }
        }
        s += "; " + std::to_string(carried) + " carried from " + proseList(origins);
    }
    return s;
}

const AnswerResult* CheckReport::find(const QuantityRef& ref) const {
    for (const AnswerResult& r : results) {
        if (r.answer.ref == ref || r.canonical == ref) return &r;
    }
    return nullptr;
}

std::vector<const AnswerResult*> resultsInStepOrder(const Trace& trace, const CheckReport& report) {
    const std::map<QuantityRef, int> order = stepOrder(trace);
    std::vector<const AnswerResult*> out;
    for (const AnswerResult& r : report.results) out.push_back(&r);
    auto position = [&](const AnswerResult* r) {
        const auto it = order.find(r->canonical);
        return it == order.end() ? -1 : it->second;
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const AnswerResult* x, const AnswerResult* y) { return position(x) < position(y); });
    return out;
}

} // namespace bpl
