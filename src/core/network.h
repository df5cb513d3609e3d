// The feed-forward network as a value type, and the passes over it: forward,
// backward (δ for every layer), gradients, one gradient-descent step, and the
// mean gradient over a mini-batch. Numbering follows the network file: layer 0
// is the input; W⁽ˡ⁾, b⁽ˡ⁾ feed layer l; a⁽ˡ⁾ = W⁽ˡ⁾z⁽ˡ⁻¹⁾ + b⁽ˡ⁾, z⁽ˡ⁾ = h(a⁽ˡ⁾).
#pragma once

#include "core/activation.h"
#include "core/loss.h"

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

namespace bpl {

struct Layer {
    int size = 1;
    ActivationFunction activation;  // unused for layer 0
    Eigen::MatrixXd weights;        // size × previous size; weights(i, j) from j to i
    Eigen::VectorXd bias;           // size
    std::vector<std::string> labels; // optional neuron names
};

struct Sample {
    Eigen::VectorXd input;
    Eigen::VectorXd target;
};

struct Network {
    std::string name;
    std::string description;
    std::vector<Layer> layers; // layers[0] is the input layer
    Loss loss = Loss::HalfSquaredError;
    double learningRate = 0.1;
    Sample sample;
    // Teaching extras of the file ("Backprop Lab extensions" in docs/formats/network-format.md):
    std::optional<double> decisionThreshold; // class 1 when an output exceeds it
    std::vector<std::vector<double>> declaredTruthTable; // rows of inputs then outputs, as the file states them

    int layerCount() const { return static_cast<int>(layers.size()); }
    int lastLayer() const { return layerCount() - 1; }
    int inputSize() const { return layers.empty() ? 0 : layers.front().size; }
    int outputSize() const { return layers.empty() ? 0 : layers.back().size; }
    // Total number of weights and biases.
    long parameterCount() const;
};

// Activations of one forward pass; index by layer (a[0] is unused, z[0] is the input).
struct ForwardPass {
    std::vector<Eigen::VectorXd> a;
    std::vector<Eigen::VectorXd> z;
    const Eigen::VectorXd& output() const { return z.back(); }
};

// δ and gradients of one backward pass; index by layer (entry 0 is empty).
struct Gradients {
    std::vector<Eigen::VectorXd> delta;
    std::vector<Eigen::MatrixXd> weights;
    std::vector<Eigen::VectorXd> bias;
};

ForwardPass forward(const Network& network, const Eigen::VectorXd& input);
double loss(const Network& network, const ForwardPass& pass, const Eigen::VectorXd& target);
Gradients backward(const Network& network, const ForwardPass& pass, const Eigen::VectorXd& target);
// ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾: the backward pass carried one layer further, to the input
// (∂E/∂x_j = Σᵢ w_ij⁽¹⁾ δᵢ⁽¹⁾); what adversarial examples and saliency maps use.
Eigen::VectorXd inputGradient(const Network& network, const Gradients& gradients);
// W ← W − η ∂E/∂W, b ← b − η ∂E/∂b on a copy of the network.
Network applyGradients(const Network& network, const Gradients& gradients, double learningRate);

// J = (1/M) Σₘ Jₘ and its gradients over a mini-batch of samples.
struct BatchResult {
    double meanLoss = 0;
    Gradients gradients;
};
BatchResult batchGradients(const Network& network, const std::vector<Sample>& samples);

// Structural problems that would make the passes meaningless (shapes, softmax
// placement, loss/output pairing), one message each; empty when usable.
std::vector<std::string> structuralProblems(const Network& network);

} // namespace bpl
