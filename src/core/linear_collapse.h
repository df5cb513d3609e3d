// Consecutive identity (linear) layers collapse into one: z⁽ˡ⁾ = W⁽ˡ⁾(W⁽ˡ⁻¹⁾z⁽ˡ⁻²⁾ +
// b⁽ˡ⁻¹⁾) + b⁽ˡ⁾ = W z⁽ˡ⁻²⁾ + b with W = W⁽ˡ⁾W⁽ˡ⁻¹⁾ and b = W⁽ˡ⁾b⁽ˡ⁻¹⁾ + b⁽ˡ⁾, so
// stacking linear layers adds no power. The one home of that product, its
// formula in the chosen notation, and the check that the collapsed layer gives
// the layers' own output for the current input (the details panel and the
// trace's text read it).
#pragma once

#include "core/network.h"
#include "core/notation.h"

#include <optional>
#include <string>
#include <vector>

namespace bpl {

struct LinearCollapse {
    int first = 0;           // the run's first identity layer (file numbering)
    int last = 0;            // the layer whose output the collapsed layer gives
    Eigen::MatrixXd weights; // W = W⁽ˡᵃˢᵗ⁾ ⋯ W⁽ᶠⁱʳˢᵗ⁾
    Eigen::VectorXd bias; // b = W⁽ˡᵃˢᵗ⁾(⋯(W⁽ᶠⁱʳˢᵗ⁺¹⁾b⁽ᶠⁱʳˢᵗ⁾ + b⁽ᶠⁱʳˢᵗ⁺¹⁾)⋯) + b⁽ˡᵃˢᵗ⁾
    Eigen::VectorXd input;        // z⁽ᶠⁱʳˢᵗ⁻¹⁾ of the current pass
    Eigen::VectorXd output;       // W z⁽ᶠⁱʳˢᵗ⁻¹⁾ + b
    Eigen::VectorXd layersOutput; // z⁽ˡᵃˢᵗ⁾ computed layer by layer
    double largestDifference = 0; // max |output − layersOutput|
    Dual weightsFormula;          // "W = W⁽²⁾W⁽¹⁾"
    Dual biasFormula;             // "b = W⁽²⁾b⁽¹⁾ + b⁽²⁾"
    Dual outputFormula;           // "W z⁽⁰⁾ + b = z⁽²⁾"
};

// The collapse of the identity layers first … `layer` when `layer` and the
// layer before it are both identity (first is where the run of identity
// layers starts); nullopt otherwise. `pass` is a forward pass of `network`.
std::optional<LinearCollapse> linearCollapseAt(const Network& network, const ForwardPass& pass,
                                               int layer, const Notation& notation);

// The collapse as lines of text, numbers to `precision` significant figures:
// what collapses, W = … = [[…]], b = … = (…), and W z + b = (…) = z⁽ˡᵃˢᵗ⁾.
std::vector<std::string> linearCollapseLines(const LinearCollapse& collapse,
                                             const Notation& notation, int precision);

} // namespace bpl
