#include "core/trace.h"

#include "core/formula_parts.h"
#include "core/scalar_eval.h"
#include "core/trace_formulas.h"
#include "core/trace_optimizer.h"

namespace bpl {

std::string stepKindKey(StepKind kind) {
    switch (kind) {
    case StepKind::Forward: return "forward";
    case StepKind::Loss: return "loss";
    case StepKind::OutputDelta: return "output_delta";
    case StepKind::HiddenDelta: return "hidden_delta";
    case StepKind::Gradient: return "gradient";
    case StepKind::Update: return "update";
    case StepKind::InputGradient:
        return "input_gradient";
    }
    return "forward";
}

Dual ScalarFormula::line() const {
    Dual out = lhs + Dual(" = ", " = ");
    if (!symbolic.text.empty()) out += symbolic + Dual(" = ", " = ");
    if (!substituted.text.empty() && substituted.text != result.text) {
        out += substituted + Dual(" = ", " = ");
    }
    return out + result;
}

namespace {

std::string layerText(const Notation& n, int l) { return std::to_string(n.displayLayer(l)); }

Step forwardStep(const formulas::Context& c, int l) {
    const Notation& n = c.n;
    Step step;
    step.kind = StepKind::Forward;
    step.layer = l;
    const std::string shown = layerText(n, l);
    step.title = Dual("Forward pass, layer " + shown);
    const Dual h = formulas::activationSymbol(c.network.layers[l].activation);
    const Dual a = formula_parts::layerSymbol(n.pre, n.preLatex, n.displayLayer(l));
    const Dual z = formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(l));
    const Dual zPrev = formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(l - 1));
    const Dual W = formula_parts::layerSymbol("W", "W", n.weightLayer(l));
    const Dual b = n.biasAsWeightZero ? formula_parts::layerSymbol("W₀", "W_0", n.weightLayer(l)) : formula_parts::layerSymbol("b", "b", n.weightLayer(l));
    step.vectorFormula = a + Dual(" = ") + W + zPrev + Dual(" + ") + b + Dual(",  ", ",\\quad ") + z +
                         Dual(" = ") + h + Dual("(") + a + Dual(")");
    const ActivationFunction& act = c.network.layers[l].activation;
    if (act.kind == Activation::Softmax) {
        step.note = "Softmax is computed shifted by the largest pre-activation (it is unchanged by "
                    "adding a constant to every input), so no exponential overflows.";
    } else if (act.kind == Activation::Step) {
        step.note = "Step units output 0 or 1; their derivative is 0, so no gradient will flow back "
                    "through this layer.";
    }
    for (int i = 0; i < c.network.layers[l].size; ++i) {
        step.scalars.push_back(formulas::preActivation(c, l, i));
    }
    for (int i = 0; i < c.network.layers[l].size; ++i) {
        step.scalars.push_back(formulas::activation(c, l, i));
    }
    return step;
}

Step deltaStep(const formulas::Context& c, int l) {
    const Notation& n = c.n;
    const int L = c.network.lastLayer();
    Step step;
    step.layer = l;
    const Dual d = formula_parts::layerSymbol(n.delta, n.deltaLatex, n.displayLayer(l));
    if (l == L) {
        step.kind = StepKind::OutputDelta;
        step.title = Dual("Output delta, layer " + layerText(n, l));
        step.note = formulas::outputDeltaNote(c.network.loss, c.network.layers[L].activation);
        const Dual y = formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(l));
        step.vectorFormula = outputDeltaIsResidual(c.network.loss, c.network.layers[L].activation.kind)
                                 ? d + Dual(" = ") + y + Dual(" − t", " - t")
                                 : d + Dual(" = h′(", " = h'(") + formula_parts::layerSymbol(n.pre, n.preLatex, n.displayLayer(l)) +
                                       Dual(") ⊙ ∂E/∂y", ") \\odot \\frac{\\partial E}{\\partial y}");
        for (int k = 0; k < c.network.layers[l].size; ++k) {
            step.scalars.push_back(formulas::outputDelta(c, k));
        }
        return step;
    }
    step.kind = StepKind::HiddenDelta;
    step.title = Dual("Hidden delta, layer " + layerText(n, l));
    const Dual W = formula_parts::layerSymbol("W", "W", n.weightLayer(l + 1));
    step.vectorFormula = d + Dual(" = h′(", " = h'(") + formula_parts::layerSymbol(n.pre, n.preLatex, n.displayLayer(l)) +
                         Dual(") ⊙ (", ") \\odot (") + W + Dual("ᵀ", "^{\\mathsf{T}}") +
                         formula_parts::layerSymbol(n.delta, n.deltaLatex, n.displayLayer(l + 1)) + Dual(")");
    if (c.network.layers[l].activation.kind == Activation::Step) {
        step.note = "Step units have derivative 0: every δ of this layer is 0, so no gradient "
                    "reaches this layer's weights or any layer before it.";
    } else {
        step.note = "Each δ sums the deltas of the next layer, weighted by the weights leaving "
                    "this neuron, times the derivative of this neuron's activation.";
    }
    for (int j = 0; j < c.network.layers[l].size; ++j) {
        step.scalars.push_back(formulas::hiddenDelta(c, l, j));
    }
    return step;
}

Step gradientStep(const formulas::Context& c, int l) {
    const Notation& n = c.n;
    Step step;
    step.kind = StepKind::Gradient;
    step.layer = l;
    step.title = Dual("Gradients, layer " + layerText(n, l));
    const Dual d = formula_parts::layerSymbol(n.delta, n.deltaLatex, n.displayLayer(l));
    step.vectorFormula = Dual("∂E/∂", "\\frac{\\partial E}{\\partial ") + formula_parts::layerSymbol("W", "W", n.weightLayer(l)) +
                         Dual(" = ", "} = ") + d + formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(l - 1)) +
                         Dual("ᵀ,  ∂E/∂", "^{\\mathsf{T}},\\quad \\frac{\\partial E}{\\partial ") +
                         formula_parts::layerSymbol("b", "b", n.weightLayer(l)) + Dual(" = ", "} = ") + d;
    const Layer& layer = c.network.layers[l];
    for (int i = 0; i < layer.size; ++i) {
        for (int j = 0; j < layer.weights.cols(); ++j) {
            step.scalars.push_back(formulas::gradWeight(c, l, i, j));
        }
    }
    for (int i = 0; i < layer.size; ++i) {
        step.scalars.push_back(formulas::gradBias(c, l, i));
    }
    return step;
}

Step updateStep(const formulas::Context& c, const Network& updated, int l) {
    const Notation& n = c.n;
    Step step;
    step.kind = StepKind::Update;
    step.layer = l;
    step.title = Dual("Update, layer " + layerText(n, l));
    const Dual W = formula_parts::layerSymbol("W", "W", n.weightLayer(l));
    step.vectorFormula = W + Dual(" ← ", " \\leftarrow ") + W + Dual(" − η ∂E/∂", " - \\eta \\frac{\\partial E}{\\partial ") +
                         W + Dual("", "}");
    step.note = "Gradient descent moves each parameter against its gradient, scaled by the "
                "learning rate η.";
    const Layer& layer = c.network.layers[l];
    for (int i = 0; i < layer.size; ++i) {
        for (int j = 0; j < layer.weights.cols(); ++j) {
            step.scalars.push_back(formulas::newWeight(c, l, i, j, updated.layers[l].weights(i, j)));
        }
    }
    for (int i = 0; i < layer.size; ++i) {
        step.scalars.push_back(formulas::newBias(c, l, i, updated.layers[l].bias[i]));
    }
    return step;
}

// ∂E/∂z⁽⁰⁾ = W⁽¹⁾ᵀδ⁽¹⁾: the delta recursion carried to the input, without h′.
Step inputGradientStep(const formulas::Context& c, const Eigen::VectorXd& gradient) {
    const Notation& n = c.n;
    Step step;
    step.kind = StepKind::InputGradient;
    step.layer = 0;
    step.title = Dual("Input gradient, layer " + layerText(n, 0));
    step.vectorFormula =
        Dual("∂E/∂", "\\frac{\\partial E}{\\partial ") +
        formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(0)) + Dual(" = ", "} = ") +
        formula_parts::layerSymbol("W", "W", n.weightLayer(1)) + Dual("ᵀ", "^{\\mathsf{T}}") +
        formula_parts::layerSymbol(n.delta, n.deltaLatex, n.displayLayer(1));
    step.note =
        "The gradient of the loss with respect to the input x = " +
        formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(0)).text +
        ": the sum of a hidden delta without h′ (the input has no activation), with the weights "
        "before the update. Nothing is updated from it; it says how E changes when an input "
        "changes (saliency maps, adversarial examples).";
    for (int j = 0; j < c.network.inputSize(); ++j) {
        step.scalars.push_back(formulas::inputGradient(c, j, gradient[j]));
    }
    return step;
}

void fillNorms(Trace& t) {
    const int count = t.network.layerCount();
    t.deltaNorms.assign(count, 0.0);
    t.gradWeightNorms.assign(count, 0.0);
    for (int l = 1; l < count; ++l) {
        t.deltaNorms[l] = t.gradients.delta[l].norm();
        t.gradWeightNorms[l] = t.gradients.weights[l].norm();
    }
}

// The whole trace; `optimizer` (with its state before and after already in
// `t`) makes the update steps, otherwise plain gradient descent.
void buildSteps(Trace& t, const Network& network, const Sample& sample, double learningRate,
                const TraceOptions& options) {
    const formulas::Context c{network, t.forward, t.gradients, sample.target, learningRate,
                              options.notation, options.precision};
    const int L = network.lastLayer();
    for (int l = 1; l <= L; ++l) {
        t.steps.push_back(forwardStep(c, l));
    }
    Step lossStep;
    lossStep.kind = StepKind::Loss;
    lossStep.layer = L;
    lossStep.title = Dual("Loss (" + lossName(network.loss) + ")");
    lossStep.scalars.push_back(formulas::lossScalar(c, t.loss));
    if (network.loss == Loss::BinaryCrossEntropy || network.loss == Loss::CrossEntropy) {
        lossStep.note = "Computed stably from the output pre-activations (log-sigmoid / log-softmax), "
                        "so a saturated output gives a large finite loss, never infinity.";
    }
    t.steps.push_back(lossStep);
    for (int l = L; l >= 1; --l) {
        t.steps.push_back(deltaStep(c, l));
    }
    for (int l = L; l >= 1; --l) {
        t.steps.push_back(gradientStep(c, l));
    }
    for (int l = L; l >= 1; --l) {
        if (t.optimizer) {
            const formulas::OptimizerContext o{*t.optimizer, t.optimizerBefore, t.optimizerAfter};
            t.steps.push_back(formulas::optimizerUpdateStep(c, o, t.updated, l));
        } else {
            t.steps.push_back(updateStep(c, t.updated, l));
        }
    }
    if (options.inputGradient)
        t.steps.push_back(inputGradientStep(c, t.inputGradient));
    for (int l = 1; l <= L; ++l) {
        if (network.layers[l].activation.kind == Activation::Step) {
            t.warnings.push_back("layer " + std::to_string(l) +
                                 " uses step units: their derivative is 0, so no gradient flows "
                                 "through them and the layers before do not learn");
        }
    }
}

Trace startTrace(const Network& network, const Sample& sample, double learningRate, const TraceOptions& options) {
    Trace t;
    t.network = network;
    t.sample = sample;
    t.learningRate = learningRate;
    t.options = options;
    t.forward = forward(network, sample.input);
    t.loss = loss(network, t.forward, sample.target);
    t.gradients = backward(network, t.forward, sample.target);
    t.inputGradient = inputGradient(network, t.gradients);
    fillNorms(t);
    return t;
}

} // namespace

Trace traceSample(const Network& network, const Sample& sample, double learningRate,
                  const TraceOptions& options) {
    Trace t = startTrace(network, sample, learningRate, options);
    t.updated = applyGradients(network, t.gradients, learningRate);
    buildSteps(t, network, sample, learningRate, options);
    return t;
}

Trace traceSample(const Network& network, const Sample& sample, double learningRate, const TraceOptions& options,
                  const OptimizerSettings& optimizer, const OptimizerState& before) {
    if (optimizer.kind == OptimizerKind::Sgd) return traceSample(network, sample, learningRate, options);
    Trace t = startTrace(network, sample, learningRate, options);
    OptimizerSettings settings = optimizer;
    settings.learningRate = learningRate;
    t.optimizer = settings;
    t.optimizerBefore = optimizerStateFits(before, network) ? before : zeroOptimizerState(network);
    t.optimizerAfter = t.optimizerBefore;
    t.updated = network;
    applyOptimizer(settings, t.optimizerAfter, t.updated, t.gradients);
    buildSteps(t, network, sample, learningRate, options);
    return t;
}

void applyNetworkUpdate(Network& network, const OptimizerSettings& optimizer,
                        OptimizerState& state) {
    const ForwardPass pass = forward(network, network.sample.input);
    const Gradients gradients = backward(network, pass, network.sample.target);
    if (optimizer.kind == OptimizerKind::Sgd) { // as traceSample: no optimizer state
        network = applyGradients(network, gradients, network.learningRate);
        state = OptimizerState{};
        return;
    }
    OptimizerSettings settings = optimizer;
    settings.learningRate = network.learningRate;
    if (!optimizerStateFits(state, network))
        state = zeroOptimizerState(network);
    applyOptimizer(settings, state, network, gradients);
}

Trace traceNetwork(const Network& network, const TraceOptions& options) {
    return traceSample(network, network.sample, network.learningRate, options);
}

Trace traceNetwork(const Network& network, const TraceOptions& options, const OptimizerSettings& optimizer,
                   const OptimizerState& before) {
    return traceSample(network, network.sample, network.learningRate, options, optimizer, before);
}

std::optional<double> Trace::valueOf(const QuantityRef& ref) const {
    const int count = network.layerCount();
    auto inVec = [](const Eigen::VectorXd& v, int i) -> std::optional<double> {
        if (i < 0 || i >= v.size()) return std::nullopt;
        return v[i];
    };
    auto inMat = [](const Eigen::MatrixXd& m, int i, int j) -> std::optional<double> {
        if (i < 0 || j < 0 || i >= m.rows() || j >= m.cols()) return std::nullopt;
        return m(i, j);
    };
    if (ref.quantity == Quantity::Loss) return loss;
    if (ref.quantity == Quantity::Output) return inVec(forward.z.back(), ref.i);
    if (ref.layer < 0 || ref.layer >= count) return std::nullopt;
    const int l = ref.layer;
    switch (ref.quantity) {
    case Quantity::Z: return inVec(forward.z[l], ref.i);
    case Quantity::A: return l == 0 ? std::nullopt : inVec(forward.a[l], ref.i);
    case Quantity::Delta: return l == 0 ? std::nullopt : inVec(gradients.delta[l], ref.i);
    case Quantity::GradWeights: return l == 0 ? std::nullopt : inMat(gradients.weights[l], ref.i, ref.j);
    case Quantity::GradBias: return l == 0 ? std::nullopt : inVec(gradients.bias[l], ref.i);
    case Quantity::NewWeights: return l == 0 ? std::nullopt : inMat(updated.layers[l].weights, ref.i, ref.j);
    case Quantity::NewBias: return l == 0 ? std::nullopt : inVec(updated.layers[l].bias, ref.i);
    case Quantity::GradInput:
        return l == 0 ? inVec(inputGradient, ref.i) : std::nullopt;
    default: return std::nullopt;
    }
}

const ScalarFormula* Trace::formulaFor(const QuantityRef& ref) const {
    const QuantityRef key = canonicalRef(network, ref);
    for (const Step& step : steps) {
        for (const ScalarFormula& f : step.scalars) {
            if (f.ref == key) return &f;
        }
    }
    return nullptr;
}

int Trace::firstStepOf(StepKind kind) const {
    for (int s = 0; s < static_cast<int>(steps.size()); ++s) {
        if (steps[s].kind == kind) return s;
    }
    return -1;
}

int Trace::lastStepOf(StepKind kind) const {
    for (int s = static_cast<int>(steps.size()) - 1; s >= 0; --s) {
        if (steps[s].kind == kind) return s;
    }
    return -1;
}

} // namespace bpl
