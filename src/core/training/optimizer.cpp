#include "core/training/optimizer.h"

#include "core/number_format.h"

#include <cmath>

namespace bpl {

std::string optimizerKey(OptimizerKind kind) {
    switch (kind) {
    case OptimizerKind::Sgd:
        return "sgd";
    case OptimizerKind::Momentum:
        return "momentum";
    case OptimizerKind::RmsProp:
        return "rmsprop";
    case OptimizerKind::Adam:
        return "adam";
    case OptimizerKind::AdaGrad:
        return "adagrad";
    }
    return "sgd";
}

std::string optimizerTitle(OptimizerKind kind) {
    switch (kind) {
    case OptimizerKind::Sgd:
        return "SGD";
    case OptimizerKind::Momentum:
        return "Momentum";
    case OptimizerKind::RmsProp:
        return "RMSProp";
    case OptimizerKind::Adam:
        return "Adam";
    case OptimizerKind::AdaGrad:
        return "AdaGrad";
    }
    return "SGD";
}

const std::vector<OptimizerKind>& allOptimizers() {
    static const std::vector<OptimizerKind> all = {OptimizerKind::Sgd, OptimizerKind::Momentum,
                                                   OptimizerKind::RmsProp, OptimizerKind::Adam,
                                                   OptimizerKind::AdaGrad};
    return all;
}

std::optional<OptimizerKind> optimizerFromKey(const std::string& key) {
    for (OptimizerKind kind : allOptimizers()) {
        if (optimizerKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

double OptimizerSettings::effectiveEpsilon() const {
    if (epsilon >= 0)
        return epsilon;
    return kind == OptimizerKind::AdaGrad ? 1e-10 : 1e-8;
}

namespace {

std::string betaProblem(const char* name, double beta) {
    if (!std::isfinite(beta) || beta < 0 || beta >= 1) {
        return std::string(name) + " must be a number from 0 up to (not including) 1, found " +
               formatNumber(beta, 6);
    }
    return {};
}

} // namespace

std::string optimizerProblem(const OptimizerSettings& settings) {
    if (!std::isfinite(settings.learningRate) || settings.learningRate <= 0) {
        return "learning rate η must be a finite number greater than 0, found " +
               formatNumber(settings.learningRate, 6);
    }
    if (std::isnan(settings.epsilon) || std::isinf(settings.epsilon)) {
        return "ε must be a finite number ≥ 0, found " + formatNumber(settings.epsilon, 6);
    }
    switch (settings.kind) {
    case OptimizerKind::Momentum:
    case OptimizerKind::RmsProp:
        return betaProblem("β", settings.beta);
    case OptimizerKind::Adam: {
        const std::string first = betaProblem("β₁", settings.beta1);
        return first.empty() ? betaProblem("β₂", settings.beta2) : first;
    }
    case OptimizerKind::Sgd:
    case OptimizerKind::AdaGrad:
        break;
    }
    return {};
}

OptimizerState zeroOptimizerState(const Network& network) {
    OptimizerState state;
    const auto layers = static_cast<std::size_t>(network.layerCount());
    state.mWeights.resize(layers);
    state.vWeights.resize(layers);
    state.mBias.resize(layers);
    state.vBias.resize(layers);
    for (std::size_t l = 1; l < layers; ++l) {
        const Layer& layer = network.layers[l];
        state.mWeights[l] = Eigen::MatrixXd::Zero(layer.weights.rows(), layer.weights.cols());
        state.vWeights[l] = state.mWeights[l];
        state.mBias[l] = Eigen::VectorXd::Zero(layer.bias.size());
        state.vBias[l] = state.mBias[l];
    }
    return state;
}

bool optimizerStateFits(const OptimizerState& state, const Network& network) {
    const auto layers = static_cast<std::size_t>(network.layerCount());
    if (state.mWeights.size() != layers || state.vWeights.size() != layers ||
        state.mBias.size() != layers || state.vBias.size() != layers) {
        return false;
    }
    for (std::size_t l = 1; l < layers; ++l) {
        const Layer& layer = network.layers[l];
        if (state.mWeights[l].size() != layer.weights.size() ||
            state.vWeights[l].size() != layer.weights.size() ||
            state.mBias[l].size() != layer.bias.size() ||
            state.vBias[l].size() != layer.bias.size()) {
            return false;
        }
    }
    return true;
}

namespace {

// Per-update constants: ε and Adam's bias corrections 1 − β₁ᵗ, 1 − β₂ᵗ (1 when off).
struct StepConstants {
    double eta, epsilon, correction1 = 1, correction2 = 1;
};

// The spec's table for one block of n parameters stored contiguously.
void updateBlock(const OptimizerSettings& s, const StepConstants& c, double* wData,
                 const double* gData, double* mData, double* vData, Eigen::Index n) {
    Eigen::Map<Eigen::ArrayXd> w(wData, n), m(mData, n), v(vData, n);
    const Eigen::Map<const Eigen::ArrayXd> g(gData, n);
    switch (s.kind) {
    case OptimizerKind::Sgd:
        w -= c.eta * g;
        break;
    case OptimizerKind::Momentum:
        m = s.beta * m + (1 - s.beta) * g;
        w -= c.eta * m;
        break;
    case OptimizerKind::RmsProp:
        v = s.beta * v + (1 - s.beta) * g.square();
        w -= c.eta * g / (v.sqrt() + c.epsilon);
        break;
    case OptimizerKind::Adam:
        m = s.beta1 * m + (1 - s.beta1) * g;
        v = s.beta2 * v + (1 - s.beta2) * g.square();
        w -= c.eta * (m / c.correction1) / ((v / c.correction2).sqrt() + c.epsilon);
        break;
    case OptimizerKind::AdaGrad:
        v += g.square();
        w -= c.eta * g / (v.sqrt() + c.epsilon);
        break;
    }
}

} // namespace

void applyOptimizer(const OptimizerSettings& settings, OptimizerState& state, Network& network,
                    const Gradients& g) {
    if (!optimizerStateFits(state, network))
        state = zeroOptimizerState(network);
    ++state.t;
    StepConstants c{settings.learningRate, settings.effectiveEpsilon()};
    if (settings.kind == OptimizerKind::Adam && settings.biasCorrection) {
        const double t = static_cast<double>(state.t);
        c.correction1 = 1 - std::pow(settings.beta1, t);
        c.correction2 = 1 - std::pow(settings.beta2, t);
    }
    for (int l = 1; l < network.layerCount(); ++l) {
        const auto i = static_cast<std::size_t>(l);
        Layer& layer = network.layers[i];
        updateBlock(settings, c, layer.weights.data(), g.weights[i].data(),
                    state.mWeights[i].data(), state.vWeights[i].data(), layer.weights.size());
        updateBlock(settings, c, layer.bias.data(), g.bias[i].data(), state.mBias[i].data(),
                    state.vBias[i].data(), layer.bias.size());
    }
}

} // namespace bpl
