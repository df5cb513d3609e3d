// Names for every scalar a worked solution contains: a pre-activation, an
// activation, the loss, a delta, a gradient or an updated parameter, at a layer
// and neuron (and source neuron for weights). Keys match trace-output.md.
#pragma once

#include <optional>
#include <string>
#include <tuple>

namespace bpl {

// GradInput is ∂E/∂z⁽⁰⁾ = W⁽¹⁾ᵀδ⁽¹⁾, the gradient at the input (layer 0 only).
enum class Quantity {
    A,
    Z,
    Output,
    Loss,
    Delta,
    GradWeights,
    GradBias,
    NewWeights,
    NewBias,
    GradInput
};

// "a", "z", "output", "loss", "delta", "grad_weights", "grad_bias", "new_weights", "new_bias",
// "grad_input".
std::string quantityKey(Quantity q);
std::optional<Quantity> quantityFromKey(const std::string& key);
// True for quantities indexed [i, j] (weights); false for [i] or none.
bool quantityHasTwoIndices(Quantity q);

// File numbering: layer 0 is the input; i and j are 0-based (j only for weights).
struct QuantityRef {
    Quantity quantity = Quantity::A;
    int layer = 0;
    int i = 0;
    int j = -1;

    friend bool operator==(const QuantityRef& x, const QuantityRef& y) {
        return std::tie(x.quantity, x.layer, x.i, x.j) == std::tie(y.quantity, y.layer, y.i, y.j);
    }
    friend bool operator<(const QuantityRef& x, const QuantityRef& y) {
        return std::tie(x.quantity, x.layer, x.i, x.j) < std::tie(y.quantity, y.layer, y.i, y.j);
    }
    // "grad_weights[1][1,3]"-style key with 1-based indices, for messages.
    std::string describe() const;
};

} // namespace bpl
