#include "core/quantity.h"

#include <array>

namespace bpl {

namespace {
constexpr std::array<std::pair<Quantity, const char*>, 10> kKeys = {{
    {Quantity::A, "a"},
    {Quantity::Z, "z"},
    {Quantity::Output, "output"},
    {Quantity::Loss, "loss"},
    {Quantity::Delta, "delta"},
    {Quantity::GradWeights, "grad_weights"},
    {Quantity::GradBias, "grad_bias"},
    {Quantity::NewWeights, "new_weights"},
    {Quantity::NewBias, "new_bias"},
    {Quantity::GradInput, "grad_input"},
}};
} // namespace

std::string quantityKey(Quantity q) {
    for (const auto& [quantity, key] : kKeys) {
        if (quantity == q) return key;
    }
    return "a";
}

std::optional<Quantity> quantityFromKey(const std::string& key) {
    for (const auto& [quantity, name] : kKeys) {
        if (key == name) return quantity;
    }
    return std::nullopt;
}

bool quantityHasTwoIndices(Quantity q) {
    return q == Quantity::GradWeights || q == Quantity::NewWeights;
}

std::string QuantityRef::describe() const {
    std::string s = quantityKey(quantity);
    if (quantity == Quantity::Loss) return s;
    if (quantity != Quantity::Output) s += " layer " + std::to_string(layer);
    s += " [" + std::to_string(i + 1);
    if (j >= 0) s += ", " + std::to_string(j + 1);
    return s + "]";
}

} // namespace bpl
