#include "core/maths/maths_hints.h"

#include "core/number_format.h"

#include <cmath>

namespace bpl {

namespace {

std::string hintNumber(double x) {
    return formatNumber(x, 4);
}

void valueHints(const ExpressionGraph& g, const GraphNode& n, double given, const Tolerance& tol,
                std::vector<std::string>& hints) {
    if (n.inputs.empty())
        return;
    const double a = g.nodes[n.inputs[0]].value;
    if (n.op == ExprOp::Log && a > 0 && n.value != 0 && tol.matches(given, std::log10(a))) {
        hints.push_back("This is log₁₀ " + hintNumber(a) +
                        "; ln (and log) here is the natural logarithm: divide by ln 10 "
                        "was not wanted.");
    }
    if (n.op == ExprOp::Sigmoid && a != 0 && tol.matches(given, 1 / (1 + std::exp(a)))) {
        hints.push_back(
            "This is 1/(1 + e^(+a)): check the sign in the exponent, σ(a) = 1/(1 + e^(−a)).");
    }
    if (n.op == ExprOp::Subtract || n.op == ExprOp::Add) {
        const double b = g.nodes[n.inputs[1]].value;
        const double other = n.op == ExprOp::Add ? a - b : a + b;
        if (b != 0 && tol.matches(given, other))
            hints.push_back("The sign of " + g.nodes[n.inputs[1]].symbol.text +
                            " is the wrong way round.");
    }
}

void gradHints(const ExpressionGraph& g, const GraphNode& n, double given, const Tolerance& tol,
               std::vector<std::string>& hints) {
    const int k = g.backwardStepOf(n.id);
    if (k < 0)
        return;
    const BackwardStep& step = g.backward[k];
    const double exact = step.formula.value;
    const size_t uses = step.contributions.size();
    auto through = [&](const GradContribution& c) { return g.nodes[c.use.user].symbol.text; };
    for (const GradContribution& c : step.contributions) {
        if (uses > 1 && c.value != exact && tol.matches(given, c.value)) {
            hints.push_back(n.symbol.text + " is used " + std::to_string(uses) + " times; ∂f/∂" +
                            n.symbol.text + " is the sum of all " + std::to_string(uses) +
                            " contributions, and this is only the one "
                            "through " +
                            through(c) + " (" + hintNumber(c.value) + ").");
            return;
        }
        if (uses > 1 && c.value != 0 && tol.matches(given, exact - c.value)) {
            hints.push_back("The contribution through " + through(c) + " (" + hintNumber(c.value) +
                            ") is missing: " + n.symbol.text + " is used " + std::to_string(uses) +
                            " times and every use adds.");
            return;
        }
        if (c.value != 0 && uses > 1 && tol.matches(given, exact - 2 * c.value)) {
            hints.push_back("The contribution through " + through(c) +
                            " has the wrong sign (it is " + hintNumber(c.value) + ").");
            return;
        }
        const GraphNode& u = g.nodes[c.use.user];
        if (u.op == ExprOp::Log && c.value != 0 &&
            tol.matches(given, exact - c.value + c.value / std::log(10.0))) {
            hints.push_back("Divided by ln 10: the derivative of ln a is 1/a, not 1/(a ln 10) "
                            "(that is log₁₀).");
            return;
        }
        if (u.op == ExprOp::Sigmoid) {
            const double a = n.value;
            const double slip = c.upstream * a * (1 - a);
            if (slip != c.value && tol.matches(given, exact - c.value + slip)) {
                hints.push_back("σ′ was computed as a(1 − a) from the argument a = " + hintNumber(a) +
                                "; it is σ(a)(1 − σ(a)) "
                                "with σ(a) = " +
                                hintNumber(u.value) + ".");
                return;
            }
        }
    }
    if (exact != 0 && tol.matches(given, exact / std::log(10.0))) {
        hints.push_back("Divided by ln 10, as if ln were log₁₀.");
    }
}

} // namespace

void graphSlipHints(const ExpressionGraph& g, const MathsRef& ref, double given,
                    const Tolerance& tol, std::vector<std::string>& hints) {
    if (ref.node < 0 || ref.node >= static_cast<int>(g.nodes.size()))
        return;
    const GraphNode& n = g.nodes[ref.node];
    if (ref.quantity == MathsQuantity::NodeValue)
        valueHints(g, n, given, tol, hints);
    if (ref.quantity == MathsQuantity::NodeGrad)
        gradHints(g, n, given, tol, hints);
}

void convolutionSlipHints(const Convolution& conv, const MathsRef& ref, double given,
                          const Tolerance& tol, std::vector<std::string>& hints) {
    const auto exact = conv.valueOf(ref);
    if (!exact)
        return;
    ConvolutionProblem other = conv.problem;
    const bool flipped = other.mode == ConvolutionMode::Convolution;
    other.mode = flipped ? ConvolutionMode::CrossCorrelation : ConvolutionMode::Convolution;
    const auto swapped = computeConvolution(other);
    if (swapped) {
        const auto value = swapped.value().valueOf(ref);
        if (value && *value != *exact && tol.matches(given, *value)) {
            hints.push_back(
                flipped
                    ? "The filter was not flipped: this is the cross-correlation; the operation "
                      "here "
                      "is the signal-processing convolution, which flips W in both directions."
                    : "The filter was flipped: this is the signal-processing convolution; the "
                      "operation here is the cross-correlation (what deep-learning libraries call "
                      "convolution), with W as it is.");
            return;
        }
    }
    if (const WorkedFormula* f = conv.formulaFor(ref)) {
        const std::vector<ConvElementStep>& steps =
            ref.quantity == MathsQuantity::ConvOutput       ? conv.forward
            : ref.quantity == MathsQuantity::ConvGradFilter ? conv.backwardFilter
                                                            : conv.backwardInput;
        for (const ConvElementStep& s : steps) {
            if (&s.formula != f)
                continue;
            for (const ConvTerm& t : s.terms) {
                const double term = ref.quantity == MathsQuantity::ConvOutput       ? t.w * t.x
                                    : ref.quantity == MathsQuantity::ConvGradFilter ? t.g * t.x
                                                                                    : t.g * t.w;
                if (term != 0 && tol.matches(given, *exact - term)) {
                    hints.push_back("One product (" + hintNumber(term) + ") is missing from the sum of " +
                                    std::to_string(s.terms.size()) + ".");
                    return;
                }
            }
        }
    }
}

namespace {

// The divisor of output k's average: k² (padding included) or the window's cells.
double poolDivisor(const Pooling& r, std::size_t k) {
    return r.problem.kind == PoolingKind::Average ? double(r.problem.window) * r.problem.window
                                                  : double(r.windows[k].cells());
}

} // namespace

void poolingSlipHints(const Pooling& r, const MathsRef& ref, double given, const Tolerance& tol,
                      std::vector<std::string>& hints) {
    const PoolElementStep* s = r.stepFor(ref);
    if (s == nullptr)
        return;
    const long cols = r.output.cols();
    if (!isMaxPooling(r.problem.kind)) {
        if (ref.quantity == MathsQuantity::ConvOutput) {
            const double n = poolDivisor(r, static_cast<std::size_t>(s->row * cols + s->col));
            if (n > 1 && s->value != 0 && tol.matches(given, s->value * n))
                hints.push_back("This is the window's sum; the average divides it by " +
                                hintNumber(n) + ".");
            return;
        }
        double undivided = 0;
        for (const auto& [i, j] : s->windows)
            undivided += r.gradOutput(i, j);
        if (undivided != s->value && tol.matches(given, undivided))
            hints.push_back("Each window shares its ∂E/∂P equally: every cell of it takes "
                            "∂E/∂P divided by the window's cell count.");
        return;
    }
    if (ref.quantity != MathsQuantity::ConvGradInput)
        return;
    // Every tied maximum given the gradient, not only the first.
    double tied = 0;
    for (std::size_t k = 0; k < r.windows.size(); ++k) {
        const PoolWindow& w = r.windows[k];
        if (w.covers(s->row, s->col) &&
            r.problem.input(s->row, s->col) == r.output(long(k) / cols, long(k) % cols))
            tied += r.gradOutput(long(k) / cols, long(k) % cols);
    }
    if (tied != s->value && tol.matches(given, tied))
        hints.push_back("This cell ties its window's maximum but is not the first one (row by "
                        "row): ∂E/∂P goes only to the first maximum, as PyTorch does.");
}

} // namespace bpl
