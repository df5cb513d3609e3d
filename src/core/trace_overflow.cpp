#include "core/trace_overflow.h"

#include "core/common/number_text.h"

#include <cmath>

namespace bpl {

namespace {

// Index (row, column) of the first non-finite entry, or nullopt.
template <typename Matrix>
std::optional<std::pair<Eigen::Index, Eigen::Index>> firstNonFinite(const Matrix& m) {
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
        for (Eigen::Index i = 0; i < m.rows(); ++i) {
            if (!std::isfinite(m(i, j)))
                return std::make_pair(i, j);
        }
    }
    return std::nullopt;
}

std::string describe(int layer, const std::string& where, const std::string& what, double value,
                     const char* pass) {
    return "layer " + std::to_string(layer) + ", " + where + ": " + what + " overflows (" +
           shortestNumberText(value) + ") in the " + pass +
           "; the numbers exceed double precision (about 1.8e308)";
}

template <typename Vector>
std::optional<std::string> checkVector(const Vector& v, int layer, const std::string& what,
                                       const char* pass) {
    if (const auto at = firstNonFinite(v)) {
        return describe(layer, "neuron " + std::to_string(at->first + 1), what,
                        v(at->first, at->second), pass);
    }
    return std::nullopt;
}

std::optional<std::string> checkMatrix(const Eigen::MatrixXd& m, int layer, const std::string& what,
                                       const char* pass) {
    if (const auto at = firstNonFinite(m)) {
        const std::string where = "weight from neuron " + std::to_string(at->second + 1) +
                                  " to neuron " + std::to_string(at->first + 1);
        return describe(layer, where, what, m(at->first, at->second), pass);
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> traceOverflow(const Trace& trace) {
    const int last = static_cast<int>(trace.network.layers.size()) - 1;
    const ForwardPass& f = trace.forward;
    for (int l = 1; l <= last && l < static_cast<int>(f.a.size()); ++l) {
        if (auto m = checkVector(f.a[l], l, "the pre-activation a", "forward pass"))
            return m;
        if (auto m = checkVector(f.z[l], l, "the activation z", "forward pass"))
            return m;
    }
    if (!std::isfinite(trace.loss)) {
        return "the loss E overflows (" + shortestNumberText(trace.loss) +
               "); the numbers exceed double precision (about 1.8e308)";
    }
    const Gradients& g = trace.gradients;
    for (int l = last; l >= 1 && l < static_cast<int>(g.delta.size()); --l) {
        if (auto m = checkVector(g.delta[l], l, "the delta δ", "backward pass"))
            return m;
    }
    for (int l = 1; l <= last && l < static_cast<int>(g.weights.size()); ++l) {
        if (auto m = checkMatrix(g.weights[l], l, "the gradient ∂E/∂w", "backward pass"))
            return m;
        if (auto m = checkVector(g.bias[l], l, "the gradient ∂E/∂b", "backward pass"))
            return m;
    }
    const auto& updated = trace.updated.layers;
    for (int l = 1; l < static_cast<int>(updated.size()); ++l) {
        if (auto m = checkMatrix(updated[l].weights, l, "the updated weight", "update"))
            return m;
        if (auto m = checkVector(updated[l].bias, l, "the updated bias", "update"))
            return m;
    }
    // Only when its step is shown: without it the trace is exactly as before.
    if (trace.options.inputGradient) {
        if (auto m =
                checkVector(trace.inputGradient, 0, "the input gradient ∂E/∂x", "backward pass"))
            return m;
    }
    return std::nullopt;
}

} // namespace bpl
