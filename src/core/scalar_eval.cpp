#include "core/scalar_eval.h"

#include "core/number_format.h"
#include "core/numerics.h"
#include "core/trace_formulas.h"

#include <cmath>
#include <limits>

namespace bpl {

namespace {

// h′ of neuron i of layer l from the values the trace lists as its inputs:
// z for sigmoid and tanh (h′ = z(1 − z), 1 − z²), a for the piecewise ones.
double derivativeAt(const Network& network, int l, int i, const ValueLookup& value) {
    const ActivationFunction& h = network.layers[l].activation;
    switch (h.kind) {
    case Activation::Sigmoid:
    case Activation::Softmax: {
        const double z = value({Quantity::Z, l, i, -1});
        return z * (1 - z);
    }
    case Activation::Tanh: {
        const double z = value({Quantity::Z, l, i, -1});
        return 1 - z * z;
    }
    case Activation::Identity: return 1.0;
    case Activation::Relu:
    case Activation::LeakyRelu:
    case Activation::Step: return h.derivativeScalar(value({Quantity::A, l, i, -1}));
    }
    return 1.0;
}

double lossFromOutputs(const Network& network, const Sample& sample, const ValueLookup& value) {
    const int L = network.lastLayer();
    const int K = network.outputSize();
    Eigen::VectorXd y(K);
    for (int k = 0; k < K; ++k) y[k] = value({Quantity::Z, L, k, -1});
    const Eigen::VectorXd& t = sample.target;
    const bool crossEntropy = network.loss == Loss::BinaryCrossEntropy || network.loss == Loss::CrossEntropy;
    for (int k = 0; crossEntropy && k < K; ++k) {
        // ln of a non-positive number: the student's outputs do not define a loss.
        if (t[k] != 0 && y[k] <= 0) return std::numeric_limits<double>::quiet_NaN();
        if (network.loss == Loss::BinaryCrossEntropy && t[k] != 1 && y[k] >= 1) {
            return std::numeric_limits<double>::quiet_NaN();
        }
    }
    // From y itself (not the stable form from a): the formula the student uses.
    ActivationFunction fromOutputs;
    fromOutputs.kind = Activation::Identity;
    return lossValue(network.loss, fromOutputs, y, y, t);
}

double outputDeltaValue(const Network& network, const Sample& sample, int k, const ValueLookup& value) {
    const int L = network.lastLayer();
    const double y = value({Quantity::Z, L, k, -1});
    const double t = sample.target[k];
    if (outputDeltaIsResidual(network.loss, network.layers[L].activation.kind)) return y - t;
    const Eigen::VectorXd yv = Eigen::VectorXd::Constant(network.outputSize(), y);
    const double dEdy = lossGradient(network.loss, yv, sample.target)[k];
    return derivativeAt(network, L, k, value) * dEdy;
}

void overwrite(ForwardPass& pass, Gradients& grads, const QuantityRef& r, double v) {
    switch (r.quantity) {
    case Quantity::A: pass.a[r.layer][r.i] = v; break;
    case Quantity::Z: pass.z[r.layer][r.i] = v; break;
    case Quantity::Delta: grads.delta[r.layer][r.i] = v; break;
    case Quantity::GradWeights: grads.weights[r.layer](r.i, r.j) = v; break;
    case Quantity::GradBias: grads.bias[r.layer][r.i] = v; break;
    default: break; // never an input of another scalar
    }
}

} // namespace

QuantityRef canonicalRef(const Network& network, const QuantityRef& ref) {
    if (ref.quantity == Quantity::Output) return {Quantity::Z, network.lastLayer(), ref.i, -1};
    if (ref.quantity == Quantity::Loss) return {Quantity::Loss, 0, 0, -1};
    return ref;
}

std::optional<RefProblem> refProblem(const Network& network, const QuantityRef& ref) {
    using Part = RefProblem::Part;
    if (ref.quantity == Quantity::Loss) return std::nullopt;
    const int count = network.layerCount();
    if (ref.quantity == Quantity::Output) {
        const int K = network.outputSize();
        if (ref.i < 0 || ref.i >= K) {
            return RefProblem{Part::Row, "the output layer has " + std::to_string(K) +
                                             (K == 1 ? " neuron" : " neurons") + ", found index " + std::to_string(ref.i + 1)};
        }
        return std::nullopt;
    }
    const int l = ref.layer;
    if (l < 0 || l >= count) {
        return RefProblem{Part::Layer, "layer " + std::to_string(l) + " does not exist (the network has layers 0 to " +
                                           std::to_string(count - 1) + ")"};
    }
    if (ref.quantity == Quantity::GradInput && l != 0) {
        return RefProblem{Part::Layer,
                          "∂E/∂x is the gradient at the input: its layer is 0, found layer " +
                              std::to_string(l)};
    }
    if (l == 0 && ref.quantity != Quantity::Z && ref.quantity != Quantity::GradInput) {
        std::string what;
        switch (ref.quantity) {
        case Quantity::A: what = "it has no pre-activation a (z of layer 0 is the input)"; break;
        case Quantity::Delta: what = "it has no δ (deltas start at layer 1)"; break;
        default: what = "no weights or biases feed it (they start at layer 1)"; break;
        }
        return RefProblem{Part::Layer, "layer 0 is the input layer: " + what};
    }
    const int size = network.layers[l].size;
    if (ref.i < 0 || ref.i >= size) {
        return RefProblem{Part::Row, "layer " + std::to_string(l) + " has " + std::to_string(size) +
                                         (size == 1 ? " neuron" : " neurons") + ", found index " + std::to_string(ref.i + 1)};
    }
    if (quantityHasTwoIndices(ref.quantity)) {
        const int from = network.layers[l - 1].size;
        if (ref.j < 0 || ref.j >= from) {
            return RefProblem{Part::Column, "weights into layer " + std::to_string(l) + " come from the " +
                                                std::to_string(from) + (from == 1 ? " neuron" : " neurons") +
                                                " of layer " + std::to_string(l - 1) + ", found index " + std::to_string(ref.j + 1)};
        }
    }
    return std::nullopt;
}

double evaluateScalar(const Network& network, const Sample& sample, double learningRate,
                      const QuantityRef& ref, const ValueLookup& value) {
    const QuantityRef r = canonicalRef(network, ref);
    const int l = r.layer;
    const int i = r.i;
    switch (r.quantity) {
    case Quantity::Z: {
        if (l == 0) return sample.input[i];
        const ActivationFunction& h = network.layers[l].activation;
        if (h.kind == Activation::Softmax) {
            Eigen::VectorXd a(network.layers[l].size);
            for (int k = 0; k < a.size(); ++k) a[k] = value({Quantity::A, l, k, -1});
            return softmax(a)[i];
        }
        return h.applyScalar(value({Quantity::A, l, i, -1}));
    }
    case Quantity::A: {
        const Layer& layer = network.layers[l];
        double sum = layer.bias[i];
        for (int j = 0; j < layer.weights.cols(); ++j) sum += layer.weights(i, j) * value({Quantity::Z, l - 1, j, -1});
        return sum;
    }
    case Quantity::Loss: return lossFromOutputs(network, sample, value);
    case Quantity::Delta: {
        if (l == network.lastLayer()) return outputDeltaValue(network, sample, i, value);
        // δⱼ⁽ˡ⁾ = h′(aⱼ⁽ˡ⁾) Σₖ wₖⱼ⁽ˡ⁺¹⁾ δₖ⁽ˡ⁺¹⁾
        const Layer& next = network.layers[l + 1];
        double sum = 0;
        for (int k = 0; k < next.size; ++k) sum += next.weights(k, i) * value({Quantity::Delta, l + 1, k, -1});
        return derivativeAt(network, l, i, value) * sum;
    }
    case Quantity::GradWeights:
        return value({Quantity::Delta, l, i, -1}) * value({Quantity::Z, l - 1, r.j, -1});
    case Quantity::GradBias: return value({Quantity::Delta, l, i, -1});
    case Quantity::NewWeights:
        return network.layers[l].weights(i, r.j) - learningRate * value({Quantity::GradWeights, l, i, r.j});
    case Quantity::NewBias:
        return network.layers[l].bias[i] - learningRate * value({Quantity::GradBias, l, i, -1});
    case Quantity::GradInput: {
        // ∂E/∂z_i⁽⁰⁾ = Σₖ wₖᵢ⁽¹⁾ δₖ⁽¹⁾
        const Layer& first = network.layers[1];
        double sum = 0;
        for (int k = 0; k < first.size; ++k)
            sum += first.weights(k, i) * value({Quantity::Delta, 1, k, -1});
        return sum;
    }
    case Quantity::Output: break; // canonicalised above
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double evaluateScalar(const Trace& trace, const QuantityRef& ref, const ValueLookup& inputValue) {
    return evaluateScalar(trace.network, trace.sample, trace.learningRate, ref, inputValue);
}

std::optional<ScalarFormula> formulaWithInputs(const Trace& trace, const QuantityRef& ref,
                                               const ValueLookup& inputValue) {
    const QuantityRef r = canonicalRef(trace.network, ref);
    const ScalarFormula* exact = trace.formulaFor(r);
    if (exact == nullptr) return std::nullopt;
    ForwardPass pass = trace.forward;
    Gradients grads = trace.gradients;
    for (const QuantityRef& input : exact->inputs) overwrite(pass, grads, input, inputValue(input));
    const double value = evaluateScalar(trace, r, inputValue);
    const formulas::Context c{trace.network, pass, grads, trace.sample.target, trace.learningRate,
                              trace.options.notation, trace.options.precision};
    ScalarFormula f;
    switch (r.quantity) {
    case Quantity::A: f = formulas::preActivation(c, r.layer, r.i); break;
    case Quantity::Z: f = formulas::activation(c, r.layer, r.i); break;
    case Quantity::Loss: f = formulas::lossScalar(c, value); break;
    case Quantity::Delta:
        f = r.layer == trace.network.lastLayer() ? formulas::outputDelta(c, r.i)
                                                 : formulas::hiddenDelta(c, r.layer, r.i);
        break;
    case Quantity::GradWeights: f = formulas::gradWeight(c, r.layer, r.i, r.j); break;
    case Quantity::GradBias: f = formulas::gradBias(c, r.layer, r.i); break;
    case Quantity::NewWeights: f = formulas::newWeight(c, r.layer, r.i, r.j, value); break;
    case Quantity::NewBias: f = formulas::newBias(c, r.layer, r.i, value); break;
    case Quantity::GradInput:
        f = formulas::inputGradient(c, r.i, value);
        break;
    case Quantity::Output: return std::nullopt;
    }
    f.value = value;
    f.result = formatDual(value, trace.options.precision);
    return f;
}

} // namespace bpl
