#include "core/truth_table.h"

namespace bpl {

std::optional<std::vector<TruthRow>> truthTable(const Network& network, int maxInputs) {
    const int n = network.inputSize();
    if (n < 1 || n > maxInputs) return std::nullopt;
    std::vector<TruthRow> rows;
    for (int bits = 0; bits < (1 << n); ++bits) {
        TruthRow row;
        row.input.resize(n);
        for (int k = 0; k < n; ++k) row.input[k] = (bits >> (n - 1 - k)) & 1;
        row.output = forward(network, row.input).output();
        rows.push_back(row);
    }
    return rows;
}

bool isLogicNetwork(const Network& network) {
    for (int l = 1; l < network.layerCount(); ++l) {
        if (network.layers[l].activation.kind != Activation::Step) return false;
    }
    return network.layerCount() > 1;
}

} // namespace bpl
