// The class an exercise reads off the output after the forward pass: class 1
// when an output exceeds the file's decision_threshold (teaching-content.md
// section 1: "class 1 when the output exceeds 0.6"), or, for a softmax output,
// the class of the largest probability (arg max).
#pragma once

#include "core/network.h"
#include "core/notation.h"

#include <optional>
#include <string>
#include <vector>

namespace bpl {

struct ClassDecision {
    enum class Rule { Threshold, ArgMax };
    Rule rule = Rule::Threshold;
    double threshold = 0;     // Rule::Threshold
    std::vector<int> classes; // Threshold: 0 or 1 per output; ArgMax: the 1-based class
    Dual text;                // "z₁⁽²⁾ = 0.507321 ≤ 0.6 → class 0"
};

// Softmax outputs: arg max; otherwise the threshold when the network has one;
// nullopt when the network states no decision rule.
std::optional<ClassDecision> classDecision(const Network& network, const Eigen::VectorXd& output,
                                           const Notation& notation, int precision);

// Where all three outputs of a softmax regression (2 inputs, 3 softmax
// outputs, no hidden layer) are ⅓: a = Wx + b with a₁ = a₂ = a₃, i.e.
// (w₁ − w₂)·x = b₂ − b₁ and (w₁ − w₃)·x = b₃ − b₁ (teaching-content.md
// section 4). Nullopt for another shape or when the two lines are parallel.
std::optional<Eigen::Vector2d> softmaxThirdPoint(const Network& network);

} // namespace bpl
