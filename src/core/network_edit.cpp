#include "core/network_edit.h"

#include "core/common/split_mix64.h"
#include "core/loss_pairing.h"
#include "core/number_format.h"

#include <cctype>
#include <cmath>

namespace bpl {

namespace {

Error refuse(const std::string& reason) { return Error{"", "", reason}; }

std::string layerName(int l) { return "layer " + std::to_string(l); }

// The overlapping block of m in a rows × cols matrix of zeros.
Eigen::MatrixXd resized(const Eigen::MatrixXd& m, Eigen::Index rows, Eigen::Index cols) {
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(rows, cols);
    const Eigen::Index r = std::min(rows, m.rows());
    const Eigen::Index c = std::min(cols, m.cols());
    out.topLeftCorner(r, c) = m.topLeftCorner(r, c);
    return out;
}

Eigen::VectorXd resized(const Eigen::VectorXd& v, Eigen::Index size) {
    Eigen::VectorXd out = Eigen::VectorXd::Zero(size);
    const Eigen::Index n = std::min(size, v.size());
    out.head(n) = v.head(n);
    return out;
}

Eigen::VectorXd insertEntry(const Eigen::VectorXd& v, Eigen::Index at) {
    Eigen::VectorXd out(v.size() + 1);
    out << v.head(at), 0.0, v.tail(v.size() - at);
    return out;
}

Eigen::VectorXd removeEntry(const Eigen::VectorXd& v, Eigen::Index at) {
    Eigen::VectorXd out(v.size() - 1);
    out << v.head(at), v.tail(v.size() - at - 1);
    return out;
}

Eigen::MatrixXd insertRow(const Eigen::MatrixXd& m, Eigen::Index at) {
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(m.rows() + 1, m.cols());
    out.topRows(at) = m.topRows(at);
    out.bottomRows(m.rows() - at) = m.bottomRows(m.rows() - at);
    return out;
}

Eigen::MatrixXd removeRow(const Eigen::MatrixXd& m, Eigen::Index at) {
    Eigen::MatrixXd out(m.rows() - 1, m.cols());
    out.topRows(at) = m.topRows(at);
    out.bottomRows(m.rows() - at - 1) = m.bottomRows(m.rows() - at - 1);
    return out;
}

Eigen::MatrixXd insertColumn(const Eigen::MatrixXd& m, Eigen::Index at) {
    return insertRow(m.transpose(), at).transpose();
}

Eigen::MatrixXd removeColumn(const Eigen::MatrixXd& m, Eigen::Index at) {
    return removeRow(m.transpose(), at).transpose();
}

// A label for a new neuron that follows the layer's naming ("u4" after "u1" … "u3").
std::string newLabel(const std::vector<std::string>& labels) {
    std::string prefix;
    for (char ch : labels.front()) {
        if (std::isdigit(static_cast<unsigned char>(ch))) break;
        prefix += ch;
    }
    if (prefix.empty()) prefix = "x";
    for (int n = static_cast<int>(labels.size()) + 1;; ++n) {
        const std::string candidate = prefix + std::to_string(n);
        bool taken = false;
        for (const auto& l : labels) taken = taken || l == candidate;
        if (!taken) return candidate;
    }
}

Result<Network> checked(Network network) {
    const auto problems = structuralProblems(network);
    if (!problems.empty()) return refuse(problems.front());
    return network;
}

} // namespace

std::string parameterProblem(double value) {
    if (!std::isfinite(value)) return "must be a finite number";
    if (std::abs(value) > kMaxParameterMagnitude) return "must be between -1e6 and 1e6";
    return {};
}

std::string learningRateProblem(double learningRate) {
    if (!std::isfinite(learningRate) || learningRate <= 0) return "the learning rate must be a finite number greater than 0";
    if (learningRate > kMaxLearningRate) return "the learning rate must be at most 1000 (larger steps only overflow)";
    return {};
}

Result<Network> insertLayer(const Network& network, int index, int size, ActivationFunction activation) {
    if (index < 1 || index > network.layerCount()) {
        return refuse("a layer can be inserted only after the input layer (position 1 to " +
                      std::to_string(network.layerCount()) + ")");
    }
    if (size < 1 || size > kMaxEditableLayerSize) {
        return refuse("a layer needs 1 to " + std::to_string(kMaxEditableLayerSize) + " neurons");
    }
    Network out = network;
    Layer layer;
    layer.size = size;
    layer.activation = activation;
    layer.weights = Eigen::MatrixXd::Zero(size, network.layers[index - 1].size);
    layer.bias = Eigen::VectorXd::Zero(size);
    out.layers.insert(out.layers.begin() + index, layer);
    if (index + 1 < out.layerCount()) {
        Layer& next = out.layers[index + 1];
        next.weights = resized(next.weights, next.size, size);
    } else {
        // A new output layer: the target follows its size; the old output
        // activation may have been softmax, which is allowed only last.
        out.sample.target = resized(network.sample.target, size);
        if (out.layers[index - 1].activation.kind == Activation::Softmax) {
            out.layers[index - 1].activation.kind = Activation::Sigmoid;
        }
        out.loss = compatibleLoss(out.loss, activation.kind);
    }
    return checked(std::move(out));
}

Result<Network> removeLayer(const Network& network, int index) {
    if (index == 0) return refuse("the input layer cannot be removed (change its number of neurons instead)");
    if (index < 0 || index > network.lastLayer()) return refuse("there is no " + layerName(index));
    if (network.layerCount() <= 2) return refuse("a network needs an input layer and at least one more layer");
    Network out = network;
    out.layers.erase(out.layers.begin() + index);
    if (index < out.layerCount()) {
        Layer& next = out.layers[index];
        next.weights = resized(next.weights, next.size, out.layers[index - 1].size);
    } else {
        out.sample.target = resized(network.sample.target, out.outputSize());
        const Activation newOutput = out.layers.back().activation.kind;
        if (compatibleLoss(out.loss, newOutput) != out.loss) {
            return refuse("removing the output layer would leave a " + activationName(newOutput) +
                          " output with the " + lossName(out.loss) +
                          " loss; change the loss or that layer's activation first");
        }
    }
    return checked(std::move(out));
}

Result<Network> insertNeuron(const Network& network, int layer, int index) {
    if (layer < 0 || layer >= network.layerCount()) return refuse("there is no " + layerName(layer));
    const Layer& old = network.layers[layer];
    if (index < 0 || index > old.size) return refuse(layerName(layer) + " has no position " + std::to_string(index + 1));
    if (old.size >= kMaxEditableLayerSize) {
        return refuse(layerName(layer) + " already has the most neurons the editor allows (" +
                      std::to_string(kMaxEditableLayerSize) + ")");
    }
    Network out = network;
    Layer& target = out.layers[layer];
    target.size += 1;
    if (!target.labels.empty()) {
        target.labels.insert(target.labels.begin() + index, newLabel(old.labels));
    }
    if (layer == 0) {
        out.sample.input = insertEntry(network.sample.input, index);
    } else {
        target.weights = insertRow(old.weights, index);
        target.bias = insertEntry(old.bias, index);
    }
    if (layer + 1 < out.layerCount()) {
        Layer& next = out.layers[layer + 1];
        next.weights = insertColumn(next.weights, index);
    } else {
        out.sample.target = insertEntry(network.sample.target, index);
    }
    return checked(std::move(out));
}

Result<Network> removeNeuron(const Network& network, int layer, int index) {
    if (layer < 0 || layer >= network.layerCount()) return refuse("there is no " + layerName(layer));
    const Layer& old = network.layers[layer];
    if (index < 0 || index >= old.size) return refuse(layerName(layer) + " has no neuron " + std::to_string(index + 1));
    if (old.size <= 1) return refuse(layerName(layer) + " needs at least one neuron");
    Network out = network;
    Layer& target = out.layers[layer];
    target.size -= 1;
    if (static_cast<int>(target.labels.size()) == old.size) {
        target.labels.erase(target.labels.begin() + index);
    }
    if (layer == 0) {
        out.sample.input = removeEntry(network.sample.input, index);
    } else {
        target.weights = removeRow(old.weights, index);
        target.bias = removeEntry(old.bias, index);
    }
    if (layer + 1 < out.layerCount()) {
        Layer& next = out.layers[layer + 1];
        next.weights = removeColumn(next.weights, index);
    } else {
        out.sample.target = removeEntry(network.sample.target, index);
    }
    return checked(std::move(out));
}

Result<Network> setHiddenActivations(const Network& network, ActivationFunction activation) {
    if (network.layerCount() < 3) return refuse("the network has no hidden layer");
    if (activation.kind == Activation::Softmax) return refuse("softmax is only allowed on the last layer");
    Network out = network;
    for (int l = 1; l < out.lastLayer(); ++l) out.layers[l].activation = activation;
    return checked(std::move(out));
}

Result<Network> widenHiddenLayers(const Network& network, int width, double perturbation,
                                  std::uint64_t seed) {
    if (network.layerCount() < 3)
        return refuse("the network has no hidden layer to widen");
    if (width < 1 || width > kMaxEditableLayerSize)
        return refuse("a layer needs 1 to " + std::to_string(kMaxEditableLayerSize) + " neurons");
    if (!(perturbation >= 0 && perturbation <= kMaxWidenPerturbation))
        return refuse("the perturbation of the copies must be between 0 and " +
                      formatNumber(100 * kMaxWidenPerturbation, 3) + " %");
    SplitMix64 random(seed);
    // Each copied weight and bias times (1 + u), u uniform in [−p, p).
    auto perturbed = [&](double value) {
        return perturbation > 0 ? value * (1 + random.symmetric(perturbation)) : value;
    };
    Network out = network;
    bool changed = false;
    for (int l = 1; l < out.lastLayer(); ++l) {
        Layer& layer = out.layers[l];
        Layer& next = out.layers[l + 1];
        const int copies = width - layer.size;
        if (copies <= 0)
            continue;
        changed = true;
        const Eigen::RowVectorXd in = layer.weights.row(0);
        const double bias = layer.bias[0];
        // Unit 1's weights out, shared among it and its copies.
        const Eigen::VectorXd outWeights = next.weights.col(0) / (copies + 1);
        next.weights.col(0) = outWeights;
        for (int c = 0; c < copies; ++c) {
            layer.weights.conservativeResize(layer.size + 1, Eigen::NoChange);
            for (Eigen::Index j = 0; j < in.size(); ++j)
                layer.weights(layer.size, j) = perturbed(in[j]);
            layer.bias.conservativeResize(layer.size + 1);
            layer.bias[layer.size] = perturbed(bias);
            if (static_cast<int>(layer.labels.size()) == layer.size)
                layer.labels.push_back(newLabel(layer.labels));
            next.weights.conservativeResize(Eigen::NoChange, layer.size + 1);
            next.weights.col(layer.size) = outWeights;
            ++layer.size;
        }
    }
    if (!changed)
        return refuse("every hidden layer is already " + std::to_string(width) +
                      " or more units wide");
    return checked(std::move(out));
}

Loss compatibleLoss(Loss current, Activation output) { return compatibleLossFor(current, output); }

Activation compatibleOutputActivation(Loss loss, Activation current) {
    switch (loss) {
    case Loss::BinaryCrossEntropy: return Activation::Sigmoid;
    case Loss::CrossEntropy:
        return current == Activation::Sigmoid || current == Activation::Softmax ? current : Activation::Softmax;
    default: return current == Activation::Softmax ? Activation::Identity : current;
    }
}

Result<Network> setActivation(const Network& network, int layer, ActivationFunction activation) {
    if (layer < 1 || layer > network.lastLayer()) {
        return refuse(layer == 0 ? "the input layer has no activation function" : "there is no " + layerName(layer));
    }
    if (activation.kind == Activation::Softmax && layer != network.lastLayer()) {
        return refuse("softmax is only allowed on the output layer");
    }
    if (activation.kind == Activation::LeakyRelu && !(std::isfinite(activation.alpha) && activation.alpha >= 0 &&
                                                       activation.alpha < 1)) {
        return refuse("the leaky ReLU slope α must be at least 0 and less than 1");
    }
    Network out = network;
    out.layers[layer].activation = activation;
    if (layer == network.lastLayer()) out.loss = compatibleLoss(network.loss, activation.kind);
    return checked(std::move(out));
}

Result<Network> setLoss(const Network& network, Loss loss) {
    Network out = network;
    out.loss = loss;
    ActivationFunction& output = out.layers.back().activation;
    output.kind = compatibleOutputActivation(loss, output.kind);
    if (loss == Loss::CrossEntropy && output.kind == Activation::Softmax && out.outputSize() == 1) {
        return refuse("cross_entropy with a softmax output needs at least 2 output neurons");
    }
    return checked(std::move(out));
}

} // namespace bpl
