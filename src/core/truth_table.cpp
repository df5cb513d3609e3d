#include "core/truth_table.h"

#include "core/number_format.h"
#include "core/trace.h"

namespace bpl {

namespace {

std::string tuple(const double* v, size_t n) {
    std::string s = "(";
    for (size_t k = 0; k < n; ++k) s += (k ? ", " : "") + formatNumber(v[k], 6);
    return s + ")";
}

} // namespace

std::optional<std::vector<TruthRow>> truthTable(const Network& network, int maxInputs) {
    const int n = network.inputSize();
    if (n < 1 || n > maxInputs) return std::nullopt;
    std::vector<TruthRow> rows;
    for (int bits = 0; bits < (1 << n); ++bits) {
        TruthRow row;
        row.input.resize(n);
        for (int k = 0; k < n; ++k) row.input[k] = (bits >> (n - 1 - k)) & 1;
        const ForwardPass pass = forward(network, row.input);
        for (int l = 1; l < network.lastLayer(); ++l) row.hidden.push_back(pass.z[l]);
        row.output = pass.output();
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

std::vector<std::string> truthTableDisagreements(const Network& network) {
    std::vector<std::string> out;
    const size_t inputs = static_cast<size_t>(network.inputSize());
    const size_t width = inputs + static_cast<size_t>(network.outputSize());
    size_t more = 0; // rows past kMaxTruthTableMessages that disagree
    for (size_t r = 0; r < network.declaredTruthTable.size(); ++r) {
        const std::vector<double>& row = network.declaredTruthTable[r];
        const std::string where = "truth_table[" + std::to_string(r) + "]: ";
        const bool full = out.size() >= kMaxTruthTableMessages;
        if (row.size() != width) {
            if (full)
                ++more;
            else
                out.push_back(where + "expected " + std::to_string(width) +
                              " numbers (the inputs, then the outputs)");
            continue;
        }
        const Eigen::Map<const Eigen::VectorXd> input(row.data(), static_cast<Eigen::Index>(inputs));
        const Eigen::VectorXd got = forward(network, input).output();
        const Eigen::Map<const Eigen::VectorXd> said(row.data() + inputs, got.size());
        if (got != said && full) {
            ++more;
        } else if (got != said) {
            out.push_back(where + "for input " + tuple(row.data(), inputs) + " the file says " +
                          tuple(row.data() + inputs, row.size() - inputs) + ", the network gives " +
                          tuple(got.data(), static_cast<size_t>(got.size())));
        }
    }
    if (more > 0)
        out.push_back("truth_table: " + std::to_string(more) + " more rows disagree or do not fit");
    return out;
}

std::vector<std::string> solutionWarnings(const Trace& trace) {
    std::vector<std::string> all = trace.warnings;
    for (std::string& w : truthTableDisagreements(trace.network)) all.push_back(std::move(w));
    return all;
}

} // namespace bpl
