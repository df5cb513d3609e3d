#include "core/trace_formulas.h"

#include "core/formula_parts.h"
#include "core/number_format.h"

namespace bpl::formulas {

using namespace formula_parts;

namespace {

// Terms longer than this are elided in the middle of a substituted sum.
constexpr int kMaxShownTerms = 8;

// The terms 0 … count − 1 joined by `sep`, eliding the middle of a long sum;
// only the shown terms are made, so a long sum costs what its shown terms
// cost (a softmax layer of K units would otherwise format K² numbers).
template <class Term> Dual joinShown(int count, const Term& term, const Dual& sep) {
    Dual out;
    for (int n = 0; n < count; ++n) {
        if (count > kMaxShownTerms && n == 3) {
            out += sep + Dual("…", "\\dots");
            n = count - 2;
            continue;
        }
        if (n > 0) out += sep;
        out += term(n);
    }
    return out;
}

Dual join(const std::vector<Dual>& terms, const Dual& sep) {
    return joinShown(
        static_cast<int>(terms.size()), [&](int n) { return terms[n]; }, sep);
}

ScalarFormula base(const Context& c, QuantityRef ref, double value, Dual lhs) {
    ScalarFormula f;
    f.ref = ref;
    f.value = value;
    f.lhs = std::move(lhs);
    f.result = formatDual(value, c.precision);
    return f;
}


// h′(a) written in terms of the layer's own values, symbolic and substituted.
void derivativeFactor(const Context& c, int l, int i, Dual& symbolic, Dual& substituted) {
    const ActivationFunction& f = c.network.layers[l].activation;
    const Dual a = c.n.preActivation(l, i);
    const Dual z = c.n.activation(l, i);
    const double av = c.pass.a[l][i];
    const double zv = c.pass.z[l][i];
    switch (f.kind) {
    case Activation::Sigmoid:
    case Activation::Softmax:
        symbolic = z + paren(Dual("1") + kMinus + z);
        substituted = fac(c, zv) + kTimes + paren(Dual("1") + kMinusNum + fac(c, zv));
        return;
    case Activation::Tanh:
        symbolic = paren(Dual("1") + kMinus + Dual("(" + z.text + ")²", "\\left(" + z.latex + "\\right)^2"));
        substituted = paren(Dual("1") + kMinusNum + Dual(fac(c, zv).text + "²", fac(c, zv).latex + "^2"));
        return;
    case Activation::Relu:
        symbolic = Dual("ReLU′(" + a.text + ")", "\\mathrm{ReLU}'(" + a.latex + ")");
        substituted = Dual(av > 0 ? "1" : "0");
        return;
    case Activation::LeakyRelu:
        symbolic = Dual("LReLU′(" + a.text + ")", "\\mathrm{LReLU}'(" + a.latex + ")");
        substituted = av > 0 ? Dual("1") : num(c, f.alpha);
        return;
    case Activation::Identity:
        symbolic = Dual("1");
        substituted = Dual("1");
        return;
    case Activation::Step:
        symbolic = Dual("U′(" + a.text + ")", "U'(" + a.latex + ")");
        substituted = Dual("0");
        return;
    }
}

// ∂E/∂y_k for the output pair without the y − t shortcut.
void lossDerivative(const Context& c, int k, Dual& symbolic, Dual& substituted) {
    const int L = c.network.lastLayer();
    const Dual y = c.n.output(L, k);
    const Dual t = c.n.target(k);
    const double yv = c.pass.z[L][k];
    const double tv = c.target[k];
    const Dual diff = paren(y + kMinus + t);
    const Dual diffNum = paren(fac(c, yv) + kMinusNum + fac(c, tv));
    switch (c.network.loss) {
    case Loss::HalfSquaredError:
        symbolic = diff;
        substituted = diffNum;
        return;
    case Loss::SquaredError:
        symbolic = Dual("2") + diff;
        substituted = Dual("2") + kTimes + diffNum;
        return;
    case Loss::MeanSquaredError: {
        const std::string K = std::to_string(c.network.outputSize());
        symbolic = Dual("(2/" + K + ")", "\\frac{2}{" + K + "}") + diff;
        substituted = Dual("(2/" + K + ")", "\\frac{2}{" + K + "}") + kTimes + diffNum;
        return;
    }
    case Loss::BinaryCrossEntropy:
        symbolic = Dual("(−" + t.text + "/" + y.text + " + (1 − " + t.text + ")/(1 − " + y.text + "))",
                        "\\left(-\\frac{" + t.latex + "}{" + y.latex + "} + \\frac{1 - " + t.latex +
                            "}{1 - " + y.latex + "}\\right)");
        substituted = Dual("(-" + fac(c, tv).text + "/" + fac(c, yv).text + " + (1 - " +
                               fac(c, tv).text + ")/(1 - " + fac(c, yv).text + "))",
                           "\\left(-\\frac{" + num(c, tv).latex + "}{" + num(c, yv).latex +
                               "} + \\frac{1 - " + fac(c, tv).latex + "}{1 - " + fac(c, yv).latex +
                               "}\\right)");
        return;
    case Loss::CrossEntropy:
        symbolic = Dual("(−" + t.text + "/" + y.text + ")",
                        "\\left(-\\frac{" + t.latex + "}{" + y.latex + "}\\right)");
        substituted = Dual("(-" + fac(c, tv).text + "/" + fac(c, yv).text + ")",
                           "\\left(-\\frac{" + num(c, tv).latex + "}{" + num(c, yv).latex + "}\\right)");
        return;
    }
}

} // namespace

Dual activationSymbol(const ActivationFunction& f) {
    switch (f.kind) {
    case Activation::Identity: return Dual("id", "\\mathrm{id}");
    case Activation::Sigmoid: return Dual("σ", "\\sigma");
    case Activation::Tanh: return Dual("tanh", "\\tanh");
    case Activation::Relu: return Dual("ReLU", "\\mathrm{ReLU}");
    case Activation::LeakyRelu: return Dual("LReLU", "\\mathrm{LReLU}");
    case Activation::Step: return Dual("U", "U");
    case Activation::Softmax: return Dual("softmax", "\\mathrm{softmax}");
    }
    return Dual("h");
}

ScalarFormula preActivation(const Context& c, int l, int i) {
    const Layer& layer = c.network.layers[l];
    ScalarFormula f = base(c, {Quantity::A, l, i, -1}, c.pass.a[l][i], c.n.preActivation(l, i));
    std::vector<Dual> sym;
    std::vector<Dual> sub;
    const int fanIn = static_cast<int>(layer.weights.cols());
    for (int j = 0; j < fanIn; ++j) {
        sym.push_back(c.n.weight(l, i, j) + c.n.activation(l - 1, j));
        sub.push_back(fac(c, layer.weights(i, j)) + kTimes + fac(c, c.pass.z[l - 1][j]));
        f.inputs.push_back({Quantity::Z, l - 1, j, -1});
    }
    if (fanIn > kMaxShownTerms) {
        const Dual w = c.n.weightFree(l, std::to_string(i + 1), "j");
        const Dual z = Dual(c.n.act + subscript("j") + superscript("(" + std::to_string(c.n.displayLayer(l - 1)) + ")"),
                            c.n.actLatex + "_{j}^{(" + std::to_string(c.n.displayLayer(l - 1)) + ")}");
        f.symbolic = Dual("Σⱼ ", "\\sum_{j} ") + w + z;
    } else {
        f.symbolic = join(sym, kPlus);
    }
    f.symbolic += kPlus + c.n.bias(l, i);
    f.substituted = join(sub, kPlus) + kPlus + fac(c, layer.bias[i]);
    return f;
}

ScalarFormula activation(const Context& c, int l, int i) {
    const ActivationFunction& h = c.network.layers[l].activation;
    ScalarFormula f = base(c, {Quantity::Z, l, i, -1}, c.pass.z[l][i], c.n.activation(l, i));
    const Dual a = c.n.preActivation(l, i);
    const double av = c.pass.a[l][i];
    f.inputs.push_back({Quantity::A, l, i, -1});
    switch (h.kind) {
    case Activation::Sigmoid:
        f.symbolic = Dual("σ(" + a.text + ") = 1 / (1 + e^(−" + a.text + "))",
                          "\\sigma(" + a.latex + ") = \\frac{1}{1 + e^{-" + a.latex + "}}");
        f.substituted = Dual("1 / (1 + exp(" + num(c, -av).text + "))",
                             "\\frac{1}{1 + e^{" + num(c, -av).latex + "}}");
        break;
    case Activation::Tanh:
        f.symbolic = Dual("tanh(" + a.text + ")", "\\tanh(" + a.latex + ")");
        f.substituted = Dual("tanh(" + num(c, av).text + ")", "\\tanh(" + num(c, av).latex + ")");
        break;
    case Activation::Relu:
        f.symbolic = Dual("max(0, " + a.text + ")", "\\max(0, " + a.latex + ")");
        f.substituted = Dual("max(0, " + num(c, av).text + ")", "\\max(0, " + num(c, av).latex + ")");
        break;
    case Activation::LeakyRelu: {
        const Dual alpha = num(c, h.alpha);
        f.symbolic = Dual("max(" + alpha.text + " × " + a.text + ", " + a.text + ")",
                          "\\max(" + alpha.latex + " " + a.latex + ", " + a.latex + ")");
        f.substituted = Dual("max(" + alpha.text + " × " + fac(c, av).text + ", " + num(c, av).text + ")",
                             "\\max(" + alpha.latex + " \\times " + fac(c, av).latex + ", " +
                                 num(c, av).latex + ")");
        break;
    }
    case Activation::Identity:
        f.symbolic = a;
        f.substituted = num(c, av);
        break;
    case Activation::Step:
        f.symbolic = Dual("U(" + a.text + ")", "U(" + a.latex + ")");
        f.substituted = Dual("U(" + num(c, av).text + ")", "U(" + num(c, av).latex + ")");
        break;
    case Activation::Softmax: {
        f.inputs.clear();
        const int size = c.network.layers[l].size;
        for (int k = 0; k < size; ++k)
            f.inputs.push_back({Quantity::A, l, k, -1});
        const auto denom = [&](int k) {
            const Dual ak = c.n.preActivation(l, k);
            return Dual("e^" + ak.text, "e^{" + ak.latex + "}");
        };
        const auto denomNum = [&](int k) {
            const Dual ak = num(c, c.pass.a[l][k]);
            return Dual("exp(" + ak.text + ")", "e^{" + ak.latex + "}");
        };
        const Dual top = Dual("e^" + a.text, "e^{" + a.latex + "}");
        const Dual topNum = Dual("exp(" + num(c, av).text + ")", "e^{" + num(c, av).latex + "}");
        const Dual d = joinShown(size, denom, kPlus);
        const Dual dn = joinShown(size, denomNum, kPlus);
        f.symbolic = Dual(top.text + " / (" + d.text + ")", "\\frac{" + top.latex + "}{" + d.latex + "}");
        f.substituted = Dual(topNum.text + " / (" + dn.text + ")",
                             "\\frac{" + topNum.latex + "}{" + dn.latex + "}");
        break;
    }
    }
    return f;
}

ScalarFormula lossScalar(const Context& c, double lossValue) {
    const int L = c.network.lastLayer();
    ScalarFormula f = base(c, {Quantity::Loss, 0, 0, -1}, lossValue, Dual("E", "E"));
    std::vector<Dual> sym;
    std::vector<Dual> sub;
    const int K = c.network.outputSize();
    for (int k = 0; k < K; ++k) {
        const Dual y = c.n.output(L, k);
        const Dual t = c.n.target(k);
        const double yv = c.pass.z[L][k];
        const double tv = c.target[k];
        f.inputs.push_back({Quantity::Z, L, k, -1});
        switch (c.network.loss) {
        case Loss::HalfSquaredError:
        case Loss::SquaredError:
        case Loss::MeanSquaredError:
            sym.push_back(Dual("(" + y.text + " − " + t.text + ")²", "(" + y.latex + " - " + t.latex + ")^2"));
            sub.push_back(Dual("(" + num(c, yv).text + " - " + fac(c, tv).text + ")²",
                               "(" + num(c, yv).latex + " - " + fac(c, tv).latex + ")^2"));
            break;
        case Loss::BinaryCrossEntropy:
            sym.push_back(Dual(t.text + " ln " + y.text + " + (1 − " + t.text + ") ln(1 − " + y.text + ")",
                               t.latex + " \\ln " + y.latex + " + (1 - " + t.latex + ") \\ln(1 - " + y.latex + ")"));
            sub.push_back(Dual(num(c, tv).text + " × ln " + num(c, yv).text + " + (1 - " + fac(c, tv).text +
                                   ") × ln(1 - " + num(c, yv).text + ")",
                               num(c, tv).latex + " \\ln " + num(c, yv).latex + " + (1 - " + fac(c, tv).latex +
                                   ") \\ln(1 - " + num(c, yv).latex + ")"));
            break;
        case Loss::CrossEntropy:
            sym.push_back(Dual(t.text + " ln " + y.text, t.latex + " \\ln " + y.latex));
            sub.push_back(Dual(num(c, tv).text + " × ln " + num(c, yv).text,
                               num(c, tv).latex + " \\ln " + num(c, yv).latex));
            break;
        }
    }
    const Dual s = join(sym, kPlus);
    const Dual n = join(sub, kPlus);
    switch (c.network.loss) {
    case Loss::HalfSquaredError:
        f.symbolic = Dual("½[" + s.text + "]", "\\tfrac{1}{2}\\left[" + s.latex + "\\right]");
        f.substituted = Dual("½[" + n.text + "]", "\\tfrac{1}{2}\\left[" + n.latex + "\\right]");
        break;
    case Loss::SquaredError:
        f.symbolic = s;
        f.substituted = n;
        break;
    case Loss::MeanSquaredError: {
        const std::string k = std::to_string(K);
        f.symbolic = Dual("(1/" + k + ")[" + s.text + "]", "\\tfrac{1}{" + k + "}\\left[" + s.latex + "\\right]");
        f.substituted = Dual("(1/" + k + ")[" + n.text + "]", "\\tfrac{1}{" + k + "}\\left[" + n.latex + "\\right]");
        break;
    }
    case Loss::BinaryCrossEntropy:
    case Loss::CrossEntropy:
        f.symbolic = Dual("−[" + s.text + "]", "-\\left[" + s.latex + "\\right]");
        f.substituted = Dual("-[" + n.text + "]", "-\\left[" + n.latex + "\\right]");
        break;
    }
    return f;
}

std::string outputDeltaNote(Loss loss, const ActivationFunction& output) {
    if (loss == Loss::BinaryCrossEntropy && output.kind == Activation::Sigmoid) {
        return "Sigmoid output with binary cross-entropy: ∂E/∂y = (y − t)/(y(1 − y)) and "
               "σ′(a) = y(1 − y) cancel, so δ = y − t.";
    }
    if (loss == Loss::CrossEntropy && output.kind == Activation::Softmax) {
        return "Softmax output with cross-entropy: ∂E/∂aₖ = Σⱼ (∂E/∂yⱼ)(∂yⱼ/∂aₖ) = yₖ − tₖ "
               "because the targets sum to 1, so δ = y − t.";
    }
    if (loss == Loss::HalfSquaredError && output.kind == Activation::Identity) {
        return "Identity output with half squared error: h′(a) = 1 and ∂E/∂y = y − t, so δ = y − t.";
    }
    if (output.kind == Activation::Step) {
        return "The step unit has derivative 0 everywhere: no gradient flows back from the output, "
               "so nothing in this network learns by gradient descent.";
    }
    return "No shortcut for this pair: δ = h′(a) · ∂E/∂y. (Only sigmoid + binary cross-entropy, "
           "softmax + cross-entropy and identity + half squared error give δ = y − t.)";
}

namespace {

// Why δ = y − t, worked with this unit's numbers (the lines shown before δ):
// sigmoid with binary cross-entropy, ∂E/∂y = −t/y + (1 − t)/(1 − y) and
// σ′(a) = y(1 − y), whose product is y − t; softmax with cross-entropy,
// ∂E/∂aₖ = Σⱼ (−tⱼ/yⱼ) yⱼ(𝟙[j = k] − yₖ) = −tₖ + yₖ Σⱼ tⱼ = yₖ − tₖ (the
// targets sum to 1). Empty where a factor is infinite (y exactly 0 or 1).
std::vector<ScalarFormula> residualDerivation(const Context& c, int k) {
    const int L = c.network.lastLayer();
    const QuantityRef ref{Quantity::Delta, L, k, -1};
    const Dual y = c.n.output(L, k), t = c.n.target(k), a = c.n.preActivation(L, k);
    const double yv = c.pass.z[L][k], tv = c.target[k];
    const Dual one("1");
    std::vector<ScalarFormula> lines;
    if (c.network.loss == Loss::BinaryCrossEntropy) {
        if (!(yv > 0 && yv < 1))
            return lines;
        const double dEdy = -tv / yv + (1 - tv) / (1 - yv);
        const double slope = yv * (1 - yv);
        const Dual dEdySym("∂E/∂" + y.text, "\\frac{\\partial E}{\\partial " + y.latex + "}");
        ScalarFormula g = base(c, ref, dEdy, dEdySym);
        g.symbolic = Dual("−", "-") + fraction(t, y) + kPlus + fraction(paren(one + kMinus + t), paren(one + kMinus + y));
        g.substituted = Dual("−", "-") + fraction(fac(c, tv), fac(c, yv)) + kPlus +
                        fraction(paren(one + kMinusNum + fac(c, tv)), paren(one + kMinusNum + fac(c, yv)));
        ScalarFormula s = base(c, ref, slope, Dual("σ′(" + a.text + ")", "\\sigma'(" + a.latex + ")"));
        s.symbolic = y + paren(one + kMinus + y);
        s.substituted = fac(c, yv) + kTimes + paren(one + kMinusNum + fac(c, yv));
        ScalarFormula d = base(c, ref, dEdy * slope, c.n.deltaSym(L, k));
        d.symbolic = dEdySym + Dual(" · ", " \\cdot ") + s.lhs;
        d.substituted = fac(c, dEdy) + kTimes + fac(c, slope);
        lines = {g, s, d};
    } else {
        double targets = 0;
        for (Eigen::Index j = 0; j < c.target.size(); ++j)
            targets += c.target[j];
        ScalarFormula d = base(c, ref, -tv + yv * targets, c.n.deltaSym(L, k));
        // 𝟙[j = k] with this unit's own index (k is the unit, not a letter left free).
        const std::string unit = std::to_string(k + 1);
        d.symbolic = Dual("Σⱼ (−tⱼ/yⱼ) · yⱼ(𝟙[j = " + unit + "] − " + y.text + ") = −" + t.text + " + " +
                              y.text + " Σⱼ tⱼ",
                          "\\sum_j \\left(-\\frac{t_j}{y_j}\\right) y_j\\left(\\mathbb{1}[j = " + unit + "] - " +
                              y.latex + "\\right) = -" + t.latex + " + " + y.latex + " \\sum_j t_j");
        d.substituted = Dual("−", "-") + fac(c, tv) + kPlus + fac(c, yv) + kTimes + fac(c, targets);
        lines = {d};
    }
    return lines;
}

// Σₖ w_kj⁽ˡ⁺¹⁾ δₖ⁽ˡ⁺¹⁾, symbolic and substituted, the δ⁽ˡ⁺¹⁾ added to f's inputs:
// the sum a hidden delta multiplies by h′, and (l = 0) the input gradient itself.
void backSum(const Context& c, int l, int j, ScalarFormula& f, Dual& sumSym, Dual& sumSub) {
    const Layer& next = c.network.layers[l + 1];
    std::vector<Dual> sym;
    std::vector<Dual> sub;
    const int fanOut = next.size;
    for (int k = 0; k < fanOut; ++k) {
        sym.push_back(c.n.weight(l + 1, k, j) + c.n.deltaSym(l + 1, k));
        sub.push_back(fac(c, next.weights(k, j)) + kTimes + fac(c, c.grads.delta[l + 1][k]));
        f.inputs.push_back({Quantity::Delta, l + 1, k, -1});
    }
    if (fanOut > kMaxShownTerms) {
        sumSym = Dual("Σₖ ", "\\sum_{k} ") + c.n.weightFree(l + 1, "k", std::to_string(j + 1)) +
                 c.n.deltaFree(l + 1, "k");
    } else {
        sumSym = join(sym, kPlus);
    }
    sumSub = join(sub, kPlus);
}

} // namespace

ScalarFormula outputDelta(const Context& c, int k) {
    const int L = c.network.lastLayer();
    const ActivationFunction& h = c.network.layers[L].activation;
    ScalarFormula f = base(c, {Quantity::Delta, L, k, -1}, c.grads.delta[L][k], c.n.deltaSym(L, k));
    const Dual y = c.n.output(L, k);
    const Dual t = c.n.target(k);
    f.inputs.push_back({Quantity::Z, L, k, -1});
    if (outputDeltaIsResidual(c.network.loss, h.kind)) {
        f.symbolic = y + kMinus + t;
        f.substituted = num(c, c.pass.z[L][k]) + kMinusNum + fac(c, c.target[k]);
        if (h.kind != Activation::Identity)
            f.working = residualDerivation(c, k);
        return f;
    }
    Dual dSym, dSub, lSym, lSub;
    derivativeFactor(c, L, k, dSym, dSub);
    lossDerivative(c, k, lSym, lSub);
    if (h.kind != Activation::Sigmoid && h.kind != Activation::Tanh && h.kind != Activation::Identity) {
        f.inputs.push_back({Quantity::A, L, k, -1});
    }
    f.symbolic = dSym + Dual(" · ", " \\cdot ") + lSym;
    f.substituted = dSub + kTimes + lSub;
    return f;
}

ScalarFormula hiddenDelta(const Context& c, int l, int j) {
    const ActivationFunction& h = c.network.layers[l].activation;
    ScalarFormula f = base(c, {Quantity::Delta, l, j, -1}, c.grads.delta[l][j], c.n.deltaSym(l, j));
    Dual dSym, dSub;
    derivativeFactor(c, l, j, dSym, dSub);
    f.inputs.push_back(h.kind == Activation::Sigmoid || h.kind == Activation::Tanh
                           ? QuantityRef{Quantity::Z, l, j, -1}
                           : QuantityRef{Quantity::A, l, j, -1});
    Dual sumSym, sumSub;
    backSum(c, l, j, f, sumSym, sumSub);
    f.symbolic = dSym + Dual(" · ", " \\cdot ") + paren(sumSym);
    f.substituted = dSub + kTimes + paren(sumSub);
    return f;
}

ScalarFormula inputGradient(const Context& c, int j, double value) {
    ScalarFormula f = base(c, {Quantity::GradInput, 0, j, -1}, value, c.n.gradInput(j));
    backSum(c, 0, j, f, f.symbolic, f.substituted);
    return f;
}

ScalarFormula gradWeight(const Context& c, int l, int i, int j) {
    ScalarFormula f = base(c, {Quantity::GradWeights, l, i, j}, c.grads.weights[l](i, j),
                           c.n.gradWeight(l, i, j));
    f.symbolic = c.n.deltaSym(l, i) + c.n.activation(l - 1, j);
    f.substituted = fac(c, c.grads.delta[l][i]) + kTimes + fac(c, c.pass.z[l - 1][j]);
    f.inputs = {{Quantity::Delta, l, i, -1}, {Quantity::Z, l - 1, j, -1}};
    return f;
}

ScalarFormula gradBias(const Context& c, int l, int i) {
    ScalarFormula f = base(c, {Quantity::GradBias, l, i, -1}, c.grads.bias[l][i], c.n.gradBias(l, i));
    f.symbolic = c.n.deltaSym(l, i);
    f.substituted = num(c, c.grads.delta[l][i]);
    f.inputs = {{Quantity::Delta, l, i, -1}};
    return f;
}

ScalarFormula newWeight(const Context& c, int l, int i, int j, double value) {
    ScalarFormula f = base(c, {Quantity::NewWeights, l, i, j}, value, c.n.newWeight(l, i, j));
    f.symbolic = c.n.weight(l, i, j) + kMinus + Dual("η", "\\eta") + Dual(" ", " ") + c.n.gradWeight(l, i, j);
    f.substituted = num(c, c.network.layers[l].weights(i, j)) + kMinusNum + num(c, c.learningRate) +
                    kTimes + fac(c, c.grads.weights[l](i, j));
    f.inputs = {{Quantity::GradWeights, l, i, j}};
    return f;
}

ScalarFormula newBias(const Context& c, int l, int i, double value) {
    ScalarFormula f = base(c, {Quantity::NewBias, l, i, -1}, value, c.n.newBias(l, i));
    f.symbolic = c.n.bias(l, i) + kMinus + Dual("η", "\\eta") + Dual(" ", " ") + c.n.gradBias(l, i);
    f.substituted = num(c, c.network.layers[l].bias[i]) + kMinusNum + num(c, c.learningRate) + kTimes +
                    fac(c, c.grads.bias[l][i]);
    f.inputs = {{Quantity::GradBias, l, i, -1}};
    return f;
}

} // namespace bpl::formulas
