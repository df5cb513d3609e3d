#include "core/linear_collapse.h"

#include "core/formula_parts.h"
#include "core/number_format.h"

namespace bpl {

namespace {

bool isIdentity(const Network& network, int l) {
    return l >= 1 && l <= network.lastLayer() &&
           network.layers[l].activation.kind == Activation::Identity;
}

} // namespace

std::optional<LinearCollapse> linearCollapseAt(const Network& network, const ForwardPass& pass,
                                               int layer, const Notation& n) {
    if (!isIdentity(network, layer) || !isIdentity(network, layer - 1))
        return std::nullopt;
    LinearCollapse c;
    c.last = layer;
    c.first = layer - 1;
    while (isIdentity(network, c.first - 1))
        --c.first;
    c.weights = network.layers[c.first].weights;
    c.bias = network.layers[c.first].bias;
    for (int l = c.first + 1; l <= layer; ++l) {
        // W ← W⁽ˡ⁾W, b ← W⁽ˡ⁾b + b⁽ˡ⁾: one more layer folded in.
        c.bias = network.layers[l].weights * c.bias + network.layers[l].bias;
        c.weights = network.layers[l].weights * c.weights;
    }
    c.input = pass.z[c.first - 1];
    c.output = c.weights * c.input + c.bias;
    c.layersOutput = pass.z[layer];
    c.largestDifference = (c.output - c.layersOutput).cwiseAbs().maxCoeff();

    using formula_parts::kPlus;
    using formula_parts::layerSymbol;
    const auto W = [&](int l) { return layerSymbol("W", "W", n.weightLayer(l)); };
    const auto b = [&](int l) {
        return n.biasAsWeightZero ? layerSymbol("W₀", "W_0", n.weightLayer(l))
                                  : layerSymbol("b", "b", n.weightLayer(l));
    };
    // W⁽ˡᵃˢᵗ⁾ ⋯ W⁽ᵏ⁾ for k = from … last, the product that multiplies b⁽ᵏ⁻¹⁾.
    const auto product = [&](int from) {
        Dual p;
        for (int l = layer; l >= from; --l)
            p += W(l);
        return p;
    };
    c.weightsFormula = Dual("W = ", "W = ") + product(c.first);
    c.biasFormula = Dual("b = ", "b = ");
    for (int l = c.first; l < layer; ++l)
        c.biasFormula += product(l + 1) + b(l) + kPlus;
    c.biasFormula += b(layer);
    c.outputFormula = Dual("W", "W") + layerSymbol(n.act, n.actLatex, n.displayLayer(c.first - 1)) +
                      Dual(" + b = ", " + b = ") +
                      layerSymbol(n.act, n.actLatex, n.displayLayer(layer));
    return c;
}

std::vector<std::string> linearCollapseLines(const LinearCollapse& c, const Notation& n,
                                             int precision) {
    const std::string zIn =
        formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(c.first - 1)).text;
    const std::string zOut =
        formula_parts::layerSymbol(n.act, n.actLatex, n.displayLayer(c.last)).text;
    const std::string layers = c.last == c.first + 1
                                   ? std::to_string(n.displayLayer(c.first)) + " and " +
                                         std::to_string(n.displayLayer(c.last))
                                   : std::to_string(n.displayLayer(c.first)) + " to " +
                                         std::to_string(n.displayLayer(c.last));
    return {
        "Layers " + layers + " are linear (identity), so together they are one linear layer " +
            zOut + " = W" + zIn + " + b:",
        c.weightsFormula.text + " = " + formatMatrix(c.weights, precision),
        c.biasFormula.text + " = " + formatVector(c.bias, precision),
        "W" + zIn + " + b = " + formatVector(c.output, precision) + ", the same as " + zOut +
            " computed layer by layer (largest difference " + formatNumber(c.largestDifference, 2) +
            ")",
    };
}

} // namespace bpl
