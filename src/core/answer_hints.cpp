#include "core/answer_hints.h"

#include "core/number_format.h"
#include "core/numerics.h"

#include <cmath>

namespace bpl {

namespace {

// The digit-level slips between the written number and the exact one, both in
// positional notation ("0.30124" against "0.300124").
std::string digitSlip(double given, double exact) {
    const int m = significantDigits(given);
    const std::string g = roundedText(given, m);
    if (g.find('e') != std::string::npos) return {};
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    // Dropped: the exact value written to one more figure, minus one inner digit.
    const std::string longer = roundedText(exact, m + 1);
    for (size_t k = 0; k + 1 < longer.size(); ++k) {
        if (!isDigit(longer[k])) continue;
        if (longer.substr(0, k) + longer.substr(k + 1) == g) {
            return "A digit seems to be missing: " + longer + " was written as " + g + ".";
        }
    }
    // Extra: the written number minus one inner digit is the exact value.
    if (m > 1) {
        const std::string shorter = roundedText(exact, m - 1);
        for (size_t k = 0; k + 1 < g.size(); ++k) {
            if (!isDigit(g[k])) continue;
            if (g.substr(0, k) + g.substr(k + 1) == shorter) {
                return "There seems to be an extra digit: " + shorter + " was written as " + g + ".";
            }
        }
    }
    // Swapped: two neighbouring digits exchanged.
    const std::string same = roundedText(exact, m);
    for (size_t k = 0; k + 1 < same.size(); ++k) {
        if (!isDigit(same[k]) || !isDigit(same[k + 1]) || same[k] == same[k + 1]) continue;
        std::string swapped = same;
        std::swap(swapped[k], swapped[k + 1]);
        if (swapped == g) return "Two digits seem swapped: " + same + " was written as " + g + ".";
    }
    return {};
}

void updateHints(const Trace& t, const QuantityRef& r, double g, const Tolerance& tol,
                 std::vector<std::string>& hints) {
    const Notation& n = t.options.notation;
    const bool weight = r.quantity == Quantity::NewWeights;
    const double old = weight ? t.network.layers[r.layer].weights(r.i, r.j) : t.network.layers[r.layer].bias[r.i];
    const double grad = weight ? t.gradients.weights[r.layer](r.i, r.j) : t.gradients.bias[r.layer][r.i];
    const double eta = t.learningRate;
    const std::string p = weight ? n.weight(r.layer, r.i, r.j).text : n.bias(r.layer, r.i).text;
    const std::string dp = weight ? n.gradWeight(r.layer, r.i, r.j).text : n.gradBias(r.layer, r.i).text;
    const double step = eta * grad;
    if (step == 0) return;
    if (tol.matches(g, old + step)) {
        hints.push_back("This is " + p + " + η " + dp + ": the step was added instead of subtracted "
                        "(gradient descent moves against the gradient).");
    } else if (tol.matches(g, old)) {
        hints.push_back("This is the value before the update (" + p + " = " + explanationNumber(old) + "): the step −η " + dp +
                        " = " + explanationNumber(-step) + " was left out.");
    } else if (eta != 1 && tol.matches(g, old - grad)) {
        hints.push_back("This is " + p + " − " + dp + ": the learning rate η = " + explanationNumber(eta) + " is missing.");
    } else if (old != 0 && tol.matches(g, -step)) {
        hints.push_back("This is only the step −η " + dp + "; the new value is " + p + " = " + explanationNumber(old) +
                        " plus that step.");
    }
}

void quantityHints(const Trace& t, const QuantityRef& r, double g, const Tolerance& tol,
                   std::vector<std::string>& hints) {
    const Notation& n = t.options.notation;
    const int l = r.layer;
    const int L = t.network.lastLayer();
    switch (r.quantity) {
    case Quantity::Z: {
        if (l == 0) return;
        const ActivationFunction& h = t.network.layers[l].activation;
        const double a = t.forward.a[l][r.i];
        if (h.kind != Activation::Identity && tol.matches(g, a) && !tol.matches(h.applyScalar(a), a)) {
            hints.push_back("This is the pre-activation " + n.preActivation(l, r.i).text + " = " + explanationNumber(a) +
                            ": the activation function was not applied.");
        } else if (h.kind == Activation::Sigmoid && tol.matches(g, sigmoid(-a))) {
            hints.push_back("This is 1 / (1 + e^(+" + n.preActivation(l, r.i).text +
                            ")): check the sign in the exponent, σ(a) = 1 / (1 + e^(−a)).");
        }
        return;
    }
    case Quantity::A: {
        const double b = t.network.layers[l].bias[r.i];
        if (b != 0 && tol.matches(g, t.forward.a[l][r.i] - b)) {
            hints.push_back("The bias " + n.bias(l, r.i).text + " = " + explanationNumber(b) + " was left out.");
        }
        return;
    }
    case Quantity::Loss:
        if (t.loss != 0 && tol.matches(g, t.loss / std::log(10.0))) {
            hints.push_back("This uses log₁₀; the loss uses the natural logarithm ln.");
        }
        return;
    case Quantity::Delta: {
        if (l == L) {
            const double y = t.forward.z[L][r.i];
            const double target = t.sample.target[r.i];
            if (outputDeltaIsResidual(t.network.loss, t.network.layers[L].activation.kind) && y != target &&
                tol.matches(g, target - y)) {
                hints.push_back("This is t − y; the output delta is δ = y − t.");
            }
            return;
        }
        const Layer& next = t.network.layers[l + 1];
        double sum = 0;
        for (int k = 0; k < next.size; ++k) sum += next.weights(k, r.i) * t.gradients.delta[l + 1][k];
        const double derivative = t.network.layers[l].activation.derivativeScalar(t.forward.a[l][r.i]);
        if (sum != 0 && std::abs(derivative - 1) > 1e-9 && tol.matches(g, sum)) {
            hints.push_back("This is the back-propagated sum Σₖ wₖⱼ δₖ = " + explanationNumber(sum) +
                            " without the factor h′(" + n.preActivation(l, r.i).text + ") = " + explanationNumber(derivative) + ".");
        }
        const double a = t.forward.a[l][r.i];
        if (t.network.layers[l].activation.kind == Activation::Sigmoid && sum != 0 && tol.matches(g, a * (1 - a) * sum)) {
            hints.push_back("h′ was computed as a(1 − a) from the pre-activation; for the sigmoid it is "
                            "z(1 − z) with z = σ(a).");
        }
        return;
    }
    case Quantity::GradWeights: {
        const double delta = t.gradients.delta[l][r.i];
        if (l - 1 >= 1 && tol.matches(g, delta * t.forward.a[l - 1][r.j]) &&
            !tol.matches(t.forward.a[l - 1][r.j], t.forward.z[l - 1][r.j])) {
            hints.push_back("This uses the pre-activation " + n.preActivation(l - 1, r.j).text +
                            " in place of the activation " + n.activation(l - 1, r.j).text + ".");
        }
        const int size = t.network.layers[l].size;
        const int from = t.network.layers[l - 1].size;
        if (r.i != r.j && r.j < size && r.i < from &&
            tol.matches(g, t.gradients.delta[l][r.j] * t.forward.z[l - 1][r.i])) {
            hints.push_back("The indices look swapped: this is " + n.deltaSym(l, r.j).text +
                            n.activation(l - 1, r.i).text + ", but " + n.weight(l, r.i, r.j).text +
                            " goes from neuron " + std::to_string(r.j + 1) + " to neuron " +
                            std::to_string(r.i + 1) + ", so its gradient is " + n.deltaSym(l, r.i).text +
                            n.activation(l - 1, r.j).text + ".");
        }
        return;
    }
    case Quantity::NewWeights:
    case Quantity::NewBias: updateHints(t, r, g, tol, hints); return;
    default: return;
    }
}

} // namespace

void addSignHint(double given, double exact, const Tolerance& tol, std::vector<std::string>& hints) {
    if (exact != 0 && std::isfinite(given) && tol.matches(-given, exact)) {
        hints.push_back("The sign is wrong: the exact value is " + explanationNumber(exact) + ".");
    }
}

void addNumberSlipHints(double given, double exact, const Tolerance& tol, std::vector<std::string>& hints) {
    if (!std::isfinite(given) || !std::isfinite(exact)) return;
    if (exact != 0 && given != 0 && hints.empty()) {
        for (int k = -6; k <= 6; ++k) {
            if (k != 0 && tol.matches(given, exact * std::pow(10.0, k))) {
                hints.push_back("Off by a factor of 10" + superscript(std::to_string(k)) +
                                ": check the decimal point (the exact value is " + explanationNumber(exact) + ").");
                break;
            }
        }
    }
    if (hints.empty() && exact != 0) {
        if (std::string slip = digitSlip(given, exact); !slip.empty()) hints.push_back(slip);
    }
    if (hints.empty() && tol.kind == Tolerance::Kind::SignificantFigures) {
        const int n = tol.significantFigures;
        const double unit = unitInLastPlace(exact, n);
        const double truncated = std::trunc(exact / unit) * unit;
        if (unit > 0 && std::abs(given - truncated) < unit * 1e-6 && !sameWhenRounded(truncated, exact, n)) {
            hints.push_back("The exact value " + explanationNumber(exact) + " was cut off after " + std::to_string(n) +
                            " figures instead of rounded (" + roundedText(exact, n) + ").");
        } else if (const int m = significantDigits(given); m < n && sameWhenRounded(given, exact, m)) {
            // Only an answer given to fewer figures, right to those: 0.6481 for
            // 0.576885 is 12 % off, not "right to 1 significant figure".
            hints.push_back("Right to " + std::to_string(m) + " significant figure" + (m == 1 ? "" : "s") +
                            " only; give " + std::to_string(n) + " (" + roundedText(exact, n) + ").");
        }
    }
}

std::vector<std::string> slipHints(const Trace& trace, const QuantityRef& ref, double given,
                                   const Tolerance& tol) {
    std::vector<std::string> hints;
    const auto exactValue = trace.valueOf(ref);
    if (!exactValue || !std::isfinite(given)) return hints;
    const double exact = *exactValue;
    addSignHint(given, exact, tol, hints);
    quantityHints(trace, ref, given, tol, hints);
    addNumberSlipHints(given, exact, tol, hints);
    return hints;
}

} // namespace bpl
