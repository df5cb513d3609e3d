// Edits of a network that keep every shape valid, for the editor's undo
// commands: insert or remove a layer or a neuron (weights, biases, labels and
// the sample's input and target follow), change a layer's activation or the
// loss (the other side of the output pair follows when the pair would be
// invalid), and checks for single values. Each edit returns the edited copy or
// an Error whose reason says why it cannot be done; the input is never changed.
#pragma once

#include "core/network.h"
#include "core/result.h"

#include <cstdint>
#include <string>

namespace bpl {

// Limits on values typed by hand (a typo, not an exercise, beyond these).
constexpr double kMaxParameterMagnitude = 1e6;
constexpr double kMaxLearningRate = 1000.0;
constexpr int kMaxEditableLayerSize = 1000;

// Empty when acceptable, otherwise the reason ("must be a finite number").
std::string parameterProblem(double value);
std::string learningRateProblem(double learningRate);

// A new layer of `size` neurons at position `index` (1 … layerCount: the last
// value appends a new output layer). New weights and biases are 0; the next
// layer's weight matrix keeps its overlapping block and is zero-filled.
Result<Network> insertLayer(const Network& network, int index, int size, ActivationFunction activation);
// Removes layer `index` (1 … last; the input layer stays). The next layer's
// weights keep their overlapping block; removing the output layer makes the
// layer before it the output (the target keeps its overlapping entries).
Result<Network> removeLayer(const Network& network, int index);

// A new neuron at position `index` (0 … size) of layer `layer`, with zero
// weights in and out and bias 0, so the network computes the same outputs.
Result<Network> insertNeuron(const Network& network, int layer, int index);
// Removes neuron `index` of layer `layer` with its weights in and out.
Result<Network> removeNeuron(const Network& network, int layer, int index);

// Sets the activation of layer `layer` (≥ 1). On the output layer the loss
// follows when the pair would be invalid (softmax → cross_entropy, a
// non-sigmoid output with binary_cross_entropy → half_squared_error).
Result<Network> setActivation(const Network& network, int layer, ActivationFunction activation);
// Sets the loss; the output activation follows when the pair would be invalid
// (binary_cross_entropy → sigmoid, cross_entropy → softmax, a squared error
// after softmax → identity).
Result<Network> setLoss(const Network& network, Loss loss);

// Sets the activation of every hidden layer (1 … L−1) at once: the 153-layer
// sigmoid chain becomes a ReLU or tanh chain in one edit.
Result<Network> setHiddenActivations(const Network& network, ActivationFunction activation);
// The Network menu's perturbed copies: ±10 %, seed 1 unless chosen.
constexpr double kDefaultWidenPerturbation = 0.1;
constexpr double kMaxWidenPerturbation = 0.5;
// Makes every hidden layer at least `width` units wide, fully connected (the
// bipartite variant of teaching-content section 3): a new unit copies the
// first unit's weights in and bias, and the first unit's weights out are
// shared equally with its copies, so the network computes the same outputs.
// With `perturbation` p > 0 each copied weight in and bias is multiplied by
// (1 + u), u uniform in [−p, p) drawn from SplitMix64(seed) in the order
// layer 1 … L−1, copy by copy, the row's weights left to right, then the
// bias; the original unit and the shared weights out are unchanged. So the
// copies differ (a zero stays zero), the outputs change a little, and a copy
// whose pre-activation a is near 0 can die (ReLU, a ≤ 0) beside a live one.
Result<Network> widenHiddenLayers(const Network& network, int width = 2, double perturbation = 0,
                                  std::uint64_t seed = 1);

// The loss a network switches to when its output activation becomes `output`.
Loss compatibleLoss(Loss current, Activation output);
// The output activation a network switches to when its loss becomes `loss`.
Activation compatibleOutputActivation(Loss loss, Activation current);

} // namespace bpl
