#include "core/notation.h"

#include <map>

namespace bpl {

namespace {

const std::map<char, std::string>& subMap() {
    static const std::map<char, std::string> m = {
        {'0', "₀"}, {'1', "₁"}, {'2', "₂"}, {'3', "₃"}, {'4', "₄"}, {'5', "₅"}, {'6', "₆"},
        {'7', "₇"}, {'8', "₈"}, {'9', "₉"}, {'+', "₊"}, {'-', "₋"}, {'(', "₍"}, {')', "₎"},
        {'i', "ᵢ"}, {'j', "ⱼ"}, {'k', "ₖ"}, {'l', "ₗ"}, {'m', "ₘ"}, {'n', "ₙ"}};
    return m;
}

const std::map<char, std::string>& supMap() {
    static const std::map<char, std::string> m = {
        {'0', "⁰"}, {'1', "¹"}, {'2', "²"}, {'3', "³"}, {'4', "⁴"}, {'5', "⁵"}, {'6', "⁶"},
        {'7', "⁷"}, {'8', "⁸"}, {'9', "⁹"}, {'+', "⁺"}, {'-', "⁻"}, {'(', "⁽"}, {')', "⁾"},
        {'l', "ˡ"}, {'L', "ᴸ"}, {'T', "ᵀ"}};
    return m;
}

std::string mapChars(const std::string& s, const std::map<char, std::string>& m) {
    std::string out;
    for (char c : s) {
        auto it = m.find(c);
        out += it == m.end() ? std::string(1, c) : it->second;
    }
    return out;
}

std::string n1(int zeroBased) { return std::to_string(zeroBased + 1); }

// letter with subscript index and a parenthesised layer superscript.
Dual indexed(const std::string& letter, const std::string& latexLetter,
             const std::vector<std::string>& idx, int layer) {
    const std::string sub = indexText(idx);
    const std::string layerText = std::to_string(layer);
    return Dual(letter + subscript(sub) + superscript("(" + layerText + ")"),
                latexLetter + "_{" + sub + "}^{(" + layerText + ")}");
}

} // namespace

std::string subscript(const std::string& s) { return mapChars(s, subMap()); }
std::string superscript(const std::string& s) { return mapChars(s, supMap()); }

std::string indexText(const std::vector<std::string>& idx) {
    bool wide = false;
    for (const auto& s : idx) {
        wide = wide || s.size() > 1;
    }
    std::string out;
    for (size_t n = 0; n < idx.size(); ++n) {
        if (n > 0 && wide) out += ",";
        out += idx[n];
    }
    return out;
}

Notation Notation::make(NotationScheme scheme) {
    Notation n;
    n.scheme = scheme;
    switch (scheme) {
    case NotationScheme::Standard:
        n.id = "standard";
        n.title = "Standard (a, z, δ; input is layer 0)";
        n.description = "The numbering of the network files: a = pre-activation, z = activation, "
                        "input is layer 0, W⁽ˡ⁾ feeds layer l.";
        n.pre = "a"; n.preLatex = "a"; n.act = "z"; n.actLatex = "z";
        n.delta = "δ"; n.deltaLatex = "\\delta";
        break;
    case NotationScheme::Bishop:
        n.id = "bishop";
        n.title = "Bishop-style (a, z, δ; input is layer 1)";
        n.description = "a = pre-activation, z = activation, input is layer 1, weights numbered "
                        "by the layer they leave.";
        n.pre = "a"; n.preLatex = "a"; n.act = "z"; n.actLatex = "z";
        n.delta = "δ"; n.deltaLatex = "\\delta";
        n.layerOffset = 1;
        n.weightByLeaving = true;
        break;
    case NotationScheme::CourseSheet:
        n.id = "course";
        n.title = "Course sheet (X, Y, δ; input is layer 0)";
        n.description = "X = pre-activation, Y = activation, input is layer 0, "
                        "X⁽ˡ⁾ = W⁽ˡ⁾Y⁽ˡ⁻¹⁾ + W₀⁽ˡ⁾.";
        n.pre = "X"; n.preLatex = "X"; n.act = "Y"; n.actLatex = "Y";
        n.delta = "δ"; n.deltaLatex = "\\delta";
        n.biasAsWeightZero = true;
        break;
    case NotationScheme::Ng:
        n.id = "ng";
        n.title = "Ng-style (z, a, dz; input is layer 0)";
        n.description = "z = pre-activation, a = activation, dz = ∂E/∂z, input is layer 0.";
        n.pre = "z"; n.preLatex = "z"; n.act = "a"; n.actLatex = "a";
        n.delta = "dz"; n.deltaLatex = "dz";
        break;
    }
    return n;
}

std::vector<Notation> Notation::all() {
    return {make(NotationScheme::Standard), make(NotationScheme::Bishop),
            make(NotationScheme::CourseSheet), make(NotationScheme::Ng)};
}

bool Notation::fromId(const std::string& id, Notation& out) {
    for (const Notation& n : all()) {
        if (n.id == id) {
            out = n;
            return true;
        }
    }
    out = make(NotationScheme::Standard);
    return false;
}

Dual Notation::preActivation(int l, int i) const {
    return indexed(pre, preLatex, {n1(i)}, displayLayer(l));
}
Dual Notation::activation(int l, int i) const {
    return indexed(act, actLatex, {n1(i)}, displayLayer(l));
}
Dual Notation::deltaSym(int l, int i) const {
    return indexed(delta, deltaLatex, {n1(i)}, displayLayer(l));
}
Dual Notation::weight(int l, int i, int j) const {
    return indexed("w", "w", {n1(i), n1(j)}, weightLayer(l));
}
Dual Notation::bias(int l, int i) const {
    if (biasAsWeightZero) {
        return indexed("w", "w", {n1(i), "0"}, weightLayer(l));
    }
    return indexed("b", "b", {n1(i)}, weightLayer(l));
}
Dual Notation::target(int i) const {
    return Dual("t" + subscript(n1(i)), "t_{" + n1(i) + "}");
}
Dual Notation::deltaFree(int l, const std::string& index) const {
    return indexed(delta, deltaLatex, {index}, displayLayer(l));
}
Dual Notation::weightFree(int l, const std::string& i, const std::string& j) const {
    return indexed("w", "w", {i, j}, weightLayer(l));
}
Dual Notation::gradWeight(int l, int i, int j) const {
    const Dual w = weight(l, i, j);
    return Dual("∂E/∂" + w.text, "\\frac{\\partial E}{\\partial " + w.latex + "}");
}
Dual Notation::gradBias(int l, int i) const {
    const Dual b = bias(l, i);
    return Dual("∂E/∂" + b.text, "\\frac{\\partial E}{\\partial " + b.latex + "}");
}
Dual Notation::gradInput(int i) const {
    const Dual x = activation(0, i);
    return Dual("∂E/∂" + x.text, "\\frac{\\partial E}{\\partial " + x.latex + "}");
}
Dual Notation::newWeight(int l, int i, int j) const {
    const Dual w = weight(l, i, j);
    return Dual("new " + w.text, "{" + w.latex + "}_{\\text{new}}");
}
Dual Notation::newBias(int l, int i) const {
    const Dual b = bias(l, i);
    return Dual("new " + b.text, "{" + b.latex + "}_{\\text{new}}");
}

} // namespace bpl
