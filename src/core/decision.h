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

// Where classes c and d of a softmax regression (a softmax output and no
// hidden layer) are equally likely: p_c = p_d ⇔ a_c = a_d ⇔
// (w_c − w_d)·x + (b_c − b_d) = 0, with w_c row c of W (teaching-content.md
// section 4). Classes are 0-based, as the data's class index.
struct SoftmaxTie {
    int c = 0;
    int d = 0;
    Eigen::VectorXd normal; // w_c − w_d
    double offset = 0;      // b_c − b_d
};

// At most this many classes have their ties listed (45 lines): K classes
// have K(K − 1)/2, and a 4096-class output would need 8.4 million.
constexpr int kMaxSoftmaxTieClasses = 10;

// Every pair c < d in order (0,1), (0,2), …, (1,2), …; empty unless the
// network is a softmax regression with 2 to kMaxSoftmaxTieClasses classes.
std::vector<SoftmaxTie> softmaxTies(const Network& network);
// "p₀ = p₁: 0.886 x₁ - 0.66 x₂ + 0.1 = 0" (inputs x₁ …, numbers to
// `significantFigures`, ASCII minus, locale-free).
std::string softmaxTieText(const SoftmaxTie& tie, int significantFigures);

// Where all three outputs of a softmax regression (2 inputs, 3 softmax
// outputs, no hidden layer) are ⅓: a = Wx + b with a₀ = a₁ = a₂, i.e. the
// ties (0,1) and (0,2) solved together: (w₀ − w₁)·x = b₁ − b₀ and
// (w₀ − w₂)·x = b₂ − b₀ (teaching-content.md section 4). Nullopt for another
// shape or when the two lines are parallel.
std::optional<Eigen::Vector2d> softmaxThirdPoint(const Network& network);

// "(0.412, -0.233)": a point of the plane to `significantFigures`.
std::string planePointText(const Eigen::Vector2d& x, int significantFigures);
// The lines a softmax-region plot shows beside it: "⅓ point: x = (0.412, -0.233)"
// when softmaxThirdPoint has one, then one softmaxTieText per pair.
std::vector<std::string> softmaxRegionLines(const Network& network, int significantFigures);

} // namespace bpl
