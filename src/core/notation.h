// The notations courses use for layered networks (teaching-content.md,
// "Notation"), and symbol builders that spell a quantity in one of them as
// plain Unicode (w₁₂⁽²⁾) and as LaTeX (w_{12}^{(2)}) at the same time.
// Internally every index is 0-based in file numbering (layer 0 = input).
#pragma once

#include <string>
#include <vector>

namespace bpl {

enum class NotationScheme { Standard, Bishop, CourseSheet, Ng };

// A piece of formula text in both renderings.
struct Dual {
    std::string text;
    std::string latex;
    Dual() = default;
    Dual(std::string t, std::string l) : text(std::move(t)), latex(std::move(l)) {}
    explicit Dual(const std::string& both) : text(both), latex(both) {}
    Dual& operator+=(const Dual& o) {
        text += o.text;
        latex += o.latex;
        return *this;
    }
    friend Dual operator+(Dual a, const Dual& b) { return a += b; }
};

struct Notation {
    NotationScheme scheme = NotationScheme::Standard;
    std::string id;          // "standard", "bishop", "course", "ng"
    std::string title;       // for menus
    std::string description; // one line for tooltips
    std::string pre, preLatex;     // pre-activation letter
    std::string act, actLatex;     // activation letter
    std::string delta, deltaLatex; // delta symbol
    int layerOffset = 0;           // displayed layer = file layer + offset
    bool weightByLeaving = false;  // superscript names the layer the weight leaves
    bool biasAsWeightZero = false; // b written as w_{i0}

    static Notation make(NotationScheme scheme);
    static std::vector<Notation> all();
    // Parses an id ("standard", "bishop", "course", "ng"); Standard when unknown.
    static bool fromId(const std::string& id, Notation& out);

    int displayLayer(int fileLayer) const { return fileLayer + layerOffset; }
    // Superscript of W⁽ˡ⁾ (file numbering: the matrix feeding layer l).
    int weightLayer(int fileLayer) const {
        return (weightByLeaving ? fileLayer - 1 : fileLayer) + layerOffset;
    }

    // Symbols; i, j are 0-based neuron indices, l a file layer.
    Dual preActivation(int l, int i) const;
    Dual activation(int l, int i) const;
    Dual deltaSym(int l, int i) const;
    Dual weight(int l, int i, int j) const;
    Dual bias(int l, int i) const;
    Dual target(int i) const;
    Dual output(int lastLayer, int i) const { return activation(lastLayer, i); }
    // Symbols with a free index letter ("k", "j") in place of a neuron number.
    Dual deltaFree(int l, const std::string& index) const;
    Dual weightFree(int l, const std::string& i, const std::string& j) const;
    Dual gradWeight(int l, int i, int j) const; // ∂E/∂w
    Dual gradBias(int l, int i) const;          // ∂E/∂b
    Dual gradInput(int i) const;                // ∂E/∂z⁽⁰⁾ (the input's symbol)
    Dual newWeight(int l, int i, int j) const;
    Dual newBias(int l, int i) const;
};

// Unicode subscript / superscript digits and letters for plain text.
std::string subscript(const std::string& s);
std::string superscript(const std::string& s);
// Index string for one or two 0-based indices: "1", "12", or "10,2" when any is ≥ 10.
std::string indexText(const std::vector<std::string>& oneBased);

} // namespace bpl
