#include "core/trace_optimizer.h"

#include "core/formula_parts.h"
#include "core/number_format.h"

#include <cmath>

namespace bpl::formulas {

using namespace formula_parts;

namespace {

const Dual kEta("η", "\\eta");

Dual squared(const Dual& d) {
    return Dual(paren(d).text + "²", paren(d).latex + "^2");
}
Dual root(const Dual& d) {
    return Dual("√" + d.text, "\\sqrt{" + d.latex + "}");
}
Dual over(const Dual& top, const Dual& bottom) {
    return Dual(top.text + " / " + paren(bottom).text,
                "\\frac{" + top.latex + "}{" + bottom.latex + "}");
}
Dual power(const Dual& base, long t) {
    const std::string e = std::to_string(t);
    return Dual(base.text + superscript(e), base.latex + "^{" + e + "}");
}
// (1 − β) symbolic and (1 - 0.9) substituted.
Dual oneMinus(const Dual& x) {
    return paren(Dual("1") + kMinus + x);
}
Dual oneMinusNum(const Dual& x) {
    return paren(Dual("1") + kMinusNum + x);
}

// m₃(w₁₂⁽²⁾): a state letter at update t, of parameter p.
Dual stateOf(const std::string& letter, const std::string& latexLetter, long t, const Dual& p) {
    const std::string s = std::to_string(t);
    return Dual(letter + subscript(s) + "(" + p.text + ")",
                latexLetter + "_{" + s + "}(" + p.latex + ")");
}

Dual betaSym(const OptimizerSettings& s, int which) {
    if (s.kind != OptimizerKind::Adam)
        return Dual("β", "\\beta");
    return which == 1 ? Dual("β₁", "\\beta_1") : Dual("β₂", "\\beta_2");
}

// One parameter (weight or bias): its symbols and the numbers of this update.
struct Parameter {
    QuantityRef newRef;  // new_weights / new_bias
    QuantityRef gradRef; // grad_weights / grad_bias
    Dual symbol;         // w₁₂⁽²⁾
    Dual newSymbol;      // new w₁₂⁽²⁾
    Dual grad;           // ∂E/∂w₁₂⁽²⁾
    double w, g, m0, m1, v0, v1, value;
};

ScalarFormula line(const Context& c, const QuantityRef& ref, Dual lhs, double value, Dual symbolic,
                   Dual substituted) {
    ScalarFormula f;
    f.ref = ref;
    f.value = value;
    f.lhs = std::move(lhs);
    f.symbolic = std::move(symbolic);
    f.substituted = std::move(substituted);
    f.result = num(c, value);
    return f;
}

// s ← β s + (1 − β) x, where x is g (m) or g² (v).
ScalarFormula movingAverage(const Context& c, const OptimizerSettings& s, const Parameter& p,
                            long t, bool second) {
    const int which = second ? 2 : 1;
    const double beta = s.kind == OptimizerKind::Adam ? (second ? s.beta2 : s.beta1) : s.beta;
    const std::string letter = second ? "v" : "m";
    const Dual b = betaSym(s, which);
    const Dual bn = num(c, beta);
    const Dual x = second ? squared(p.grad) : p.grad;
    const Dual xn = second ? squared(num(c, p.g)) : fac(c, p.g);
    const double before = second ? p.v0 : p.m0;
    const double after = second ? p.v1 : p.m1;
    return line(c, p.newRef, stateOf(letter, letter, t, p.symbol), after,
                b + Dual(" ", " ") + stateOf(letter, letter, t - 1, p.symbol) + kPlus +
                    oneMinus(b) + Dual(" ", " ") + x,
                bn + kTimes + fac(c, before) + kPlus + oneMinusNum(bn) + kTimes + xn);
}

// m̂ = m / (1 − β₁ᵗ) (or v̂ with β₂); the value as displayed, from m after the update.
ScalarFormula biasCorrected(const Context& c, const OptimizerSettings& s, const Parameter& p,
                            long t, bool second, double& corrected) {
    const std::string letter = second ? "v" : "m";
    const double beta = second ? s.beta2 : s.beta1;
    const double raw = second ? p.v1 : p.m1;
    corrected = raw / (1 - std::pow(beta, static_cast<double>(t)));
    const Dual hat(letter + "\u0302", "\\hat{" + letter + "}");
    return line(c, p.newRef, stateOf(hat.text, hat.latex, t, p.symbol), corrected,
                over(stateOf(letter, letter, t, p.symbol),
                     Dual("1") + kMinus + power(betaSym(s, second ? 2 : 1), t)),
                over(num(c, raw), Dual("1") + kMinusNum + power(num(c, beta), t)));
}

// w − η top / (√bottom + ε), symbolic and substituted.
ScalarFormula adaptiveStep(const Context& c, const Parameter& p, const Dual& top,
                           const Dual& bottom, double topValue, double bottomValue,
                           double epsilon) {
    const Dual eps("ε", "\\varepsilon");
    return line(c, p.newRef, p.newSymbol, p.value,
                p.symbol + kMinus + kEta + Dual(" ", " ") + over(top, root(bottom) + kPlus + eps),
                num(c, p.w) + kMinusNum + num(c, c.learningRate) + kTimes +
                    over(fac(c, topValue), root(num(c, bottomValue)) + kPlus + num(c, epsilon)));
}

ScalarFormula parameterUpdate(const Context& c, const OptimizerContext& o, const Parameter& p) {
    const OptimizerSettings& s = o.settings;
    const long t = o.after.t;
    const double eps = s.effectiveEpsilon();
    std::vector<ScalarFormula> working;
    ScalarFormula f;
    switch (s.kind) {
    case OptimizerKind::Sgd:
    case OptimizerKind::Momentum: {
        working.push_back(movingAverage(c, s, p, t, false));
        const Dual m = stateOf("m", "m", t, p.symbol);
        f = line(c, p.newRef, p.newSymbol, p.value, p.symbol + kMinus + kEta + Dual(" ", " ") + m,
                 num(c, p.w) + kMinusNum + num(c, c.learningRate) + kTimes + fac(c, p.m1));
        break;
    }
    case OptimizerKind::RmsProp:
        working.push_back(movingAverage(c, s, p, t, true));
        f = adaptiveStep(c, p, p.grad, stateOf("v", "v", t, p.symbol), p.g, p.v1, eps);
        break;
    case OptimizerKind::Adam: {
        working.push_back(movingAverage(c, s, p, t, false));
        working.push_back(movingAverage(c, s, p, t, true));
        if (!s.biasCorrection) {
            f = adaptiveStep(c, p, stateOf("m", "m", t, p.symbol), stateOf("v", "v", t, p.symbol),
                             p.m1, p.v1, eps);
            break;
        }
        double mHat = 0, vHat = 0;
        working.push_back(biasCorrected(c, s, p, t, false, mHat));
        working.push_back(biasCorrected(c, s, p, t, true, vHat));
        f = adaptiveStep(c, p, stateOf("m\u0302", "\\hat{m}", t, p.symbol),
                         stateOf("v\u0302", "\\hat{v}", t, p.symbol), mHat, vHat, eps);
        break;
    }
    case OptimizerKind::AdaGrad: {
        const Dual G1 = stateOf("G", "G", t, p.symbol);
        working.push_back(line(c, p.newRef, G1, p.v1,
                               stateOf("G", "G", t - 1, p.symbol) + kPlus + squared(p.grad),
                               fac(c, p.v0) + kPlus + squared(num(c, p.g))));
        f = adaptiveStep(c, p, p.grad, G1, p.g, p.v1, eps);
        break;
    }
    }
    f.inputs = {p.gradRef};
    f.working = std::move(working);
    return f;
}

// The elementwise update in matrix symbols, e.g. for Adam
// m ← β₁m + (1 − β₁)∂E/∂W⁽ˡ⁾, v ← …, m̂ = m/(1 − β₁ᵗ), v̂ = …, W⁽ˡ⁾ ← W⁽ˡ⁾ − η m̂/(√v̂ + ε).
Dual vectorFormula(const Context& c, const OptimizerSettings& s, int l) {
    const Dual W = layerSymbol("W", "W", c.n.weightLayer(l));
    const Dual g = Dual("∂E/∂", "\\frac{\\partial E}{\\partial ") + W + Dual("", "}");
    const Dual arrow(" ← ", " \\leftarrow ");
    const Dual sep(",  ", ",\\quad ");
    const Dual m("m"), v("v"), G("G"), eps("ε", "\\varepsilon");
    const Dual mHat("m\u0302", "\\hat{m}"), vHat("v\u0302", "\\hat{v}");
    const Dual tSup("ᵗ", "^{t}");
    auto average = [&](const Dual& state, const Dual& beta, const Dual& x) {
        return state + arrow + beta + Dual(" ", " ") + state + kPlus + oneMinus(beta) +
               Dual(" ", " ") + x;
    };
    auto step = [&](const Dual& top, const Dual& bottom) {
        return W + arrow + W + kMinus + kEta + Dual(" ", " ") +
               over(top, root(bottom) + kPlus + eps);
    };
    switch (s.kind) {
    case OptimizerKind::Sgd:
    case OptimizerKind::Momentum:
        return average(m, betaSym(s, 1), g) + sep + W + arrow + W + kMinus + kEta + Dual(" ", " ") +
               m;
    case OptimizerKind::RmsProp:
        return average(v, betaSym(s, 1), squared(g)) + sep + step(g, v);
    case OptimizerKind::Adam: {
        Dual out = average(m, betaSym(s, 1), g) + sep + average(v, betaSym(s, 2), squared(g)) + sep;
        if (!s.biasCorrection)
            return out + step(m, v);
        return out + mHat + Dual(" = ") + over(m, Dual("1") + kMinus + betaSym(s, 1) + tSup) + sep +
               vHat + Dual(" = ") + over(v, Dual("1") + kMinus + betaSym(s, 2) + tSup) + sep +
               step(mHat, vHat);
    }
    case OptimizerKind::AdaGrad:
        return G + arrow + G + kPlus + squared(g) + sep + step(g, G);
    }
    return Dual();
}

std::string settingsText(const OptimizerSettings& s) {
    auto n = [](double x) { return formatNumber(x, 6); };
    const std::string eps = "ε = " + n(s.effectiveEpsilon());
    switch (s.kind) {
    case OptimizerKind::Sgd:
    case OptimizerKind::Momentum:
        return "β = " + n(s.beta);
    case OptimizerKind::RmsProp:
        return "β = " + n(s.beta) + ", " + eps;
    case OptimizerKind::Adam:
        return "β₁ = " + n(s.beta1) + ", β₂ = " + n(s.beta2) + ", " + eps +
               (s.biasCorrection ? "" : ", no bias correction");
    case OptimizerKind::AdaGrad:
        return eps;
    }
    return {};
}

std::string note(const OptimizerSettings& s, long t) {
    std::string out = optimizerTitle(s.kind) + " (" + settingsText(s) +
                      "), update t = " + std::to_string(t) +
                      ", elementwise for every weight and bias. ";
    switch (s.kind) {
    case OptimizerKind::AdaGrad:
        out += "G starts at 0 and adds up the squared gradients of every update";
        break;
    case OptimizerKind::RmsProp:
        out += "v starts at 0 and averages the squared gradients";
        break;
    case OptimizerKind::Adam:
        out += "m and v start at 0 and average the gradients and their squares";
        if (s.biasCorrection)
            out += "; m̂ and v̂ undo the pull towards 0 of those early averages";
        break;
    default:
        out += "m starts at 0 and averages the gradients";
        break;
    }
    return out + ". Apply update (Ctrl+U) carries the state into the next pass, so it builds up "
                 "over passes.";
}

} // namespace

Step optimizerUpdateStep(const Context& c, const OptimizerContext& o, const Network& updated,
                         int l) {
    const Notation& n = c.n;
    Step step;
    step.kind = StepKind::Update;
    step.layer = l;
    step.title = Dual("Update (" + optimizerTitle(o.settings.kind) + "), layer " +
                      std::to_string(n.displayLayer(l)));
    step.vectorFormula = vectorFormula(c, o.settings, l);
    step.note = note(o.settings, o.after.t);
    const Layer& layer = c.network.layers[l];
    for (int i = 0; i < layer.size; ++i) {
        for (int j = 0; j < layer.weights.cols(); ++j) {
            const Parameter p{{Quantity::NewWeights, l, i, j},
                              {Quantity::GradWeights, l, i, j},
                              n.weight(l, i, j),
                              n.newWeight(l, i, j),
                              n.gradWeight(l, i, j),
                              layer.weights(i, j),
                              c.grads.weights[l](i, j),
                              o.before.mWeights[l](i, j),
                              o.after.mWeights[l](i, j),
                              o.before.vWeights[l](i, j),
                              o.after.vWeights[l](i, j),
                              updated.layers[l].weights(i, j)};
            step.scalars.push_back(parameterUpdate(c, o, p));
        }
    }
    for (int i = 0; i < layer.size; ++i) {
        const Parameter p{{Quantity::NewBias, l, i, -1},
                          {Quantity::GradBias, l, i, -1},
                          n.bias(l, i),
                          n.newBias(l, i),
                          n.gradBias(l, i),
                          layer.bias[i],
                          c.grads.bias[l][i],
                          o.before.mBias[l][i],
                          o.after.mBias[l][i],
                          o.before.vBias[l][i],
                          o.after.vBias[l][i],
                          updated.layers[l].bias[i]};
        step.scalars.push_back(parameterUpdate(c, o, p));
    }
    return step;
}

} // namespace bpl::formulas
