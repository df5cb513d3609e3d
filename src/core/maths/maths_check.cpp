#include "core/maths/maths_check.h"

#include "core/answer_hints.h"
#include "core/maths/maths_hints.h"
#include "core/common/message_text.h"
#include "core/number_format.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace bpl {

namespace {

// What the checker needs to know about a worked solution (graph or convolution).
struct Source {
    std::function<std::optional<double>(const MathsRef&)> exact;
    std::function<const WorkedFormula*(const MathsRef&)> formula;
    std::function<std::optional<WorkedFormula>(const MathsRef&, const MathsLookup&)> withInputs;
    std::function<Dual(const MathsRef&)> symbol;
    std::function<std::vector<std::string>(const MathsRef&, double, const Tolerance&)> hints;
    std::vector<MathsRef> order; // every scalar with a formula, in the solution's order
};

struct MathsChecker {
    const Source& source;
    const Tolerance& tol;
    std::map<MathsRef, double> given;

    double exact(const MathsRef& r) const { return source.exact(r).value_or(std::nan("")); }
    double givenOrExact(const MathsRef& r) const {
        const auto it = given.find(r);
        return it != given.end() ? it->second : exact(r);
    }
    std::string yourValue(const MathsRef& r) const {
        return source.symbol(r).text + " = " + shortestText(given.at(r));
    }

    MathsAnswerResult judge(const MathsAnswer& answer) const {
        MathsAnswerResult r;
        r.answer = answer;
        r.symbol = source.symbol(answer.ref);
        const auto exactValue = source.exact(answer.ref);
        if (!exactValue) {
            r.expected = std::nan("");
            r.explanation = "Not a value of this problem: " + answer.ref.describe() + ".";
            return r;
        }
        r.expected = *exactValue;
        const WorkedFormula* formula = source.formula(answer.ref);
        if (formula != nullptr)
            r.exactWorking = formula->line();
        if (tol.matches(answer.value, r.expected)) {
            r.status = AnswerStatus::Correct;
            return r;
        }
        if (formula == nullptr)
            return r;
        bool anyGiven = false;
        bool anyDiffers = false;
        for (const MathsRef& input : formula->inputs) {
            const auto it = given.find(input);
            if (it == given.end())
                continue;
            anyGiven = true;
            anyDiffers = anyDiffers || it->second != exact(input);
            if (!tol.matches(it->second, exact(input)))
                r.carriedFrom.push_back(input);
        }
        if (!anyGiven || !source.withInputs)
            return r;
        const MathsLookup lookup = [this](const MathsRef& q) { return givenOrExact(q); };
        const auto recomputed = source.withInputs(answer.ref, lookup);
        if (!recomputed)
            return r;
        r.recomputed = recomputed->value;
        if (anyDiffers)
            r.givenWorking = recomputed->line();
        if (tol.matches(answer.value, recomputed->value)) {
            if (!r.carriedFrom.empty()) {
                r.status = AnswerStatus::Carried;
            } else {
                r.roundingDrift = true;
            }
        }
        return r;
    }

    void explain(MathsAnswerResult& r, const std::vector<std::string>& originNames) const {
        if (!r.explanation.empty())
            return;
        const std::string g = shortestText(r.answer.value);
        if (r.status == AnswerStatus::Correct) {
            r.explanation = "Correct: " + tol.explain(r.answer.value, r.expected) + ".";
            return;
        }
        if (r.status == AnswerStatus::Carried) {
            std::vector<std::string> causes;
            std::vector<std::string> direct;
            for (const MathsRef& c : r.carriedFrom) {
                causes.push_back(yourValue(c) + " (exact " + explanationNumber(exact(c)) + ")");
                direct.push_back(source.symbol(c).text);
            }
            r.explanation = "Carried forward from your " + proseList(causes) + ".";
            if (originNames != direct)
                r.explanation += " The error starts at your " + proseList(originNames) + ".";
            r.explanation +=
                " Not a new mistake: with your values the step gives what you wrote:\n" +
                r.givenWorking.text + "\nThe exact value is " + explanationNumber(r.expected) + ".";
            return;
        }
        if (r.roundingDrift) {
            r.explanation = "Wrong at " + tol.shortName() + " (exact " + explanationNumber(r.expected) +
                            "), but it is what your " + "rounded earlier values give:\n" +
                            r.givenWorking.text + "\nKeep more figures in intermediate values.";
            return;
        }
        r.explanation = "Wrong: you wrote " + g + "; the exact value is " + explanationNumber(r.expected) + ".";
        if (!r.carriedFrom.empty() && r.recomputed) {
            std::vector<std::string> causes;
            for (const MathsRef& c : r.carriedFrom)
                causes.push_back(yourValue(c));
            r.explanation += " Not explained by your earlier answers either; with your " +
                             proseList(causes) + " the step gives:\n" + r.givenWorking.text;
        }
        if (!r.exactWorking.text.empty())
            r.explanation += "\nThe step with the right numbers:\n" + r.exactWorking.text;
        for (const std::string& hint : r.hints)
            r.explanation += "\n" + hint;
    }
};

MathsCheckReport check(const Source& source, const std::vector<MathsAnswer>& answers,
                       const Tolerance& tolerance) {
    MathsCheckReport report;
    report.tolerance = tolerance;
    MathsChecker checker{source, tolerance, {}};
    for (const MathsAnswer& a : answers) {
        if (source.exact(a.ref))
            checker.given[a.ref] = a.value;
    }
    std::map<MathsRef, size_t> byRef;
    for (const MathsAnswer& a : answers) {
        report.results.push_back(checker.judge(a));
        MathsAnswerResult& r = report.results.back();
        if (r.status == AnswerStatus::Wrong && std::isfinite(r.expected)) {
            r.hints = source.hints(a.ref, a.value, tolerance);
        }
        byRef[a.ref] = report.results.size() - 1;
    }
    std::function<std::set<MathsRef>(const MathsRef&)> originsOf = [&](const MathsRef& ref) {
        const auto it = byRef.find(ref);
        if (it == byRef.end() || report.results[it->second].status != AnswerStatus::Carried) {
            return std::set<MathsRef>{ref};
        }
        std::set<MathsRef> out;
        for (const MathsRef& c : report.results[it->second].carriedFrom)
            out.merge(originsOf(c));
        return out;
    };
    std::map<MathsRef, int> position;
    for (size_t k = 0; k < source.order.size(); ++k)
        position.emplace(source.order[k], static_cast<int>(k));
    for (MathsAnswerResult& r : report.results) {
        if (r.status == AnswerStatus::Carried) {
            const std::set<MathsRef> origins = originsOf(r.answer.ref);
            r.origins.assign(origins.begin(), origins.end());
            std::sort(r.origins.begin(), r.origins.end(),
                      [&](const MathsRef& x, const MathsRef& y) {
                          return position.contains(x) && position.contains(y)
                                     ? position.at(x) < position.at(y)
                                     : x < y;
                      });
        }
        std::vector<std::string> originNames;
        for (const MathsRef& o : r.origins)
            originNames.push_back(source.symbol(o).text);
        checker.explain(r, originNames);
        switch (r.status) {
        case AnswerStatus::Correct:
            ++report.correct;
            break;
        case AnswerStatus::Wrong:
            ++report.wrong;
            break;
        case AnswerStatus::Carried:
            ++report.carried;
            break;
        }
    }
    return report;
}

} // namespace

std::string MathsCheckReport::summary() const {
    const int total = static_cast<int>(results.size());
    if (total == 0)
        return "No answers to check";
    std::string s = std::to_string(correct) + " of " + std::to_string(total) + " right";
    if (wrong > 0)
        s += "; " + std::to_string(wrong) + " wrong";
    if (carried > 0) {
        std::vector<std::string> origins;
        for (const MathsAnswerResult& r : results) {
            if (r.status != AnswerStatus::Carried)
                continue;
            for (const MathsRef& o : r.origins) {
                std::string name = o.describe();
                for (const MathsAnswerResult& x : results) {
                    if (x.answer.ref == o)
                        name = x.symbol.text;
                }
                if (std::find(origins.begin(), origins.end(), name) == origins.end())
                    origins.push_back(name);
            }
        }
        s += "; " + std::to_string(carried) + " carried from " + proseList(origins);
    }
    return s;
}

const MathsAnswerResult* MathsCheckReport::find(const MathsRef& ref) const {
    for (const MathsAnswerResult& r : results) {
        if (r.answer.ref == ref)
            return &r;
    }
    return nullptr;
}

MathsCheckReport checkGraphAnswers(const ExpressionGraph& graph,
                                   const std::vector<MathsAnswer>& answers,
                                   const Tolerance& tolerance) {
    Source s;
    s.exact = [&](const MathsRef& r) { return graph.valueOf(r); };
    s.formula = [&](const MathsRef& r) { return graph.formulaFor(r); };
    s.withInputs = [&](const MathsRef& r, const MathsLookup& l) {
        return graph.formulaWithInputs(r, l);
    };
    s.symbol = [&](const MathsRef& r) { return graph.symbolOf(r); };
    s.hints = [&](const MathsRef& r, double given, const Tolerance& tol) {
        std::vector<std::string> hints;
        addSignHint(given, *graph.valueOf(r), tol, hints);
        graphSlipHints(graph, r, given, tol, hints);
        addNumberSlipHints(given, *graph.valueOf(r), tol, hints);
        return hints;
    };
    for (const WorkedFormula& f : graph.forward)
        s.order.push_back(f.ref);
    for (const BackwardStep& b : graph.backward)
        s.order.push_back(b.formula.ref);
    return check(s, answers, tolerance);
}

MathsCheckReport checkConvolutionAnswers(const Convolution& conv,
                                         const std::vector<MathsAnswer>& answers,
                                         const Tolerance& tolerance) {
    Source s;
    s.exact = [&](const MathsRef& r) { return conv.valueOf(r); };
    s.formula = [&](const MathsRef& r) { return conv.formulaFor(r); };
    s.symbol = [&](const MathsRef& r) { return conv.symbolOf(r); };
    s.hints = [&](const MathsRef& r, double given, const Tolerance& tol) {
        std::vector<std::string> hints;
        addSignHint(given, *conv.valueOf(r), tol, hints);
        convolutionSlipHints(conv, r, given, tol, hints);
        addNumberSlipHints(given, *conv.valueOf(r), tol, hints);
        return hints;
    };
    for (const auto* steps : {&conv.forward, &conv.backwardFilter, &conv.backwardInput}) {
        for (const ConvElementStep& e : *steps)
            s.order.push_back(e.formula.ref);
    }
    return check(s, answers, tolerance);
}

MathsCheckReport checkPoolingAnswers(const Pooling& pooling,
                                     const std::vector<MathsAnswer>& answers,
                                     const Tolerance& tolerance) {
    // Pooling keeps its formulas in its steps; the checker takes them by pointer.
    std::map<MathsRef, WorkedFormula> formulas;
    Source s;
    for (const auto& [quantity, m] : {std::pair<MathsQuantity, const Eigen::MatrixXd*>{
                                          MathsQuantity::ConvOutput, &pooling.output},
                                      {MathsQuantity::ConvGradInput, &pooling.gradInput}}) {
        for (int r = 0; r < m->rows(); ++r) {
            for (int c = 0; c < m->cols(); ++c) {
                const MathsRef ref = MathsRef::entry(quantity, r, c);
                formulas.emplace(ref, *pooling.formulaFor(ref));
                s.order.push_back(ref);
            }
        }
    }
    s.exact = [&](const MathsRef& r) { return pooling.valueOf(r); };
    s.formula = [&](const MathsRef& r) -> const WorkedFormula* {
        const auto it = formulas.find(r);
        return it != formulas.end() ? &it->second : nullptr;
    };
    s.symbol = [&](const MathsRef& r) { return pooling.symbolOf(r); };
    s.hints = [&](const MathsRef& r, double given, const Tolerance& tol) {
        std::vector<std::string> hints;
        addSignHint(given, *pooling.valueOf(r), tol, hints);
        poolingSlipHints(pooling, r, given, tol, hints);
        addNumberSlipHints(given, *pooling.valueOf(r), tol, hints);
        return hints;
    };
    return check(s, answers, tolerance);
}

} // namespace bpl
