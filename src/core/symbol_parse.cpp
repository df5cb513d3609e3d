#include "core/symbol_parse.h"

#include "core/common/message_text.h"
#include "core/scalar_eval.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

namespace bpl {

namespace {

// Unicode sub- and superscripts, Greek and maths signs as plain ASCII:
// "w₁₂⁽³⁾" → "w_12^(3)", "∂E/∂δ" → "dE/ddelta", "\delta_{1}" → "delta_1".
std::string normalise(const std::string& text) {
    static const std::vector<std::pair<std::string_view, std::string_view>> subs = {
        {"₀", "0"}, {"₁", "1"}, {"₂", "2"}, {"₃", "3"}, {"₄", "4"}, {"₅", "5"}, {"₆", "6"}, {"₇", "7"}, {"₈", "8"}, {"₉", "9"}};
    static const std::vector<std::pair<std::string_view, std::string_view>> sups = {
        {"⁰", "0"}, {"¹", "1"}, {"²", "2"}, {"³", "3"}, {"⁴", "4"}, {"⁵", "5"}, {"⁶", "6"}, {"⁷", "7"}, {"⁸", "8"},
        {"⁹", "9"}, {"⁽", "("}, {"⁾", ")"}, {"⁻", "-"}};
    static const std::vector<std::pair<std::string_view, std::string_view>> others = {
        {"\\frac{\\partial E}{\\partial ", "dE/d"}, {"\\partial ", "d"}, {"\\partial", "d"},
        {"δ", "delta"}, {"∂", "d"}, {"−", "-"}, {"′", ""}, {"\u00a0", " "}};
    std::string out;
    bool inSub = false;
    bool inSup = false;
    size_t k = 0;
    auto match = [&](const auto& table, std::string_view& to) {
        for (const auto& [from, replacement] : table) {
            if (text.compare(k, from.size(), from) == 0) {
                k += from.size();
                to = replacement;
                return true;
            }
        }
        return false;
    };
    while (k < text.size()) {
        std::string_view to;
        if (match(subs, to)) {
            if (!inSub) out += '_';
            out += to;
            inSub = true;
            inSup = false;
            continue;
        }
        if (match(sups, to)) {
            if (!inSup) out += '^';
            out += to;
            inSup = true;
            inSub = false;
            continue;
        }
        if (match(others, to)) {
            out += to;
            inSub = inSup = false;
            continue;
        }
        const char c = text[k++];
        if (c == ',' && inSub) {
            out += c; // w₁₀,₂⁽¹⁾: the comma between wide indices
            continue;
        }
        inSub = inSup = false;
        if (c == '{' || c == '}' || c == '\\') continue;
        out += c;
    }
    return out;
}

bool startsWith(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    return s;
}

SymbolParse failure(const std::string& reason) { return {std::nullopt, reason}; }

} // namespace

SymbolParse parseQuantitySymbol(const std::string& text, const Notation& n, const Network& network) {
    std::string s = trim(normalise(text));
    if (s.empty()) return failure("empty");
    // "new w₁₃⁽¹⁾", "w13(1) new", "{w_{13}^{(1)}}_{\text{new}}".
    bool isNew = false;
    for (std::string_view prefix : {"new ", "new_", "new"}) {
        if (startsWith(s, prefix)) {
            s = s.substr(prefix.size());
            isNew = true;
            break;
        }
    }
    for (std::string_view suffix : {"_textnew", "_new", " new", "new"}) {
        if (!isNew && s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
            s = s.substr(0, s.size() - suffix.size());
            isNew = true;
        }
    }
    std::string compact;
    for (char c : s) {
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    }
    s = compact;
    const bool isGrad = startsWith(s, "dE/d");
    if (isGrad) s = s.substr(4);
    if (s == "E" || s == "loss") {
        if (isNew || isGrad) return failure("the loss E has no gradient or update");
        return {QuantityRef{Quantity::Loss, 0, 0, -1}, {}};
    }
    // The base letter, in the notation on screen.
    const std::string delta = normalise(n.delta);
    enum class Base { Pre, Act, Delta, Weight, Bias, Output, Input };
    const std::vector<std::pair<std::string, Base>> bases = {{delta, Base::Delta},
                                                             {normalise(n.pre), Base::Pre},
                                                             {normalise(n.act), Base::Act},
                                                             {"w", Base::Weight},
                                                             {"b", Base::Bias},
                                                             {"y", Base::Output},
                                                             {"x", Base::Input}};
    std::optional<Base> base;
    for (const auto& [letter, kind] : bases) {
        if (!letter.empty() && startsWith(s, letter)) {
            base = kind;
            s = s.substr(letter.size());
            break;
        }
    }
    if (!base) {
        return failure("expected " + n.pre + ", " + n.act + ", " + n.delta + ", ∂E/∂w, ∂E/∂b, new w, new b, y or E");
    }
    if (!s.empty() && s.front() == '_') s.erase(s.begin());
    // Indices up to the layer: "12", "1,2", "10,2".
    std::string indexText;
    while (!s.empty() && (std::isdigit(static_cast<unsigned char>(s.front())) || s.front() == ',')) {
        indexText += s.front();
        s.erase(s.begin());
    }
    std::string layerText;
    if (!s.empty() && s.front() == '^') s.erase(s.begin());
    if (!s.empty() && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
    layerText = s;
    std::vector<int> indices;
    size_t start = 0;
    while (start <= indexText.size()) {
        const size_t comma = indexText.find(',', start);
        const std::string part = indexText.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) indices.push_back(std::stoi(part.substr(0, 6)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    const bool twoExpected = *base == Base::Weight;
    if (twoExpected && indices.size() == 1 && indexText.size() == 2) {
        indices = {indexText[0] - '0', indexText[1] - '0'}; // w12: from neuron 2 to neuron 1
    }
    if (indices.empty()) return failure("give the neuron index, e.g. " + n.activation(1, 0).text);
    if (indices.size() != (twoExpected ? 2u : 1u)) {
        return failure(twoExpected ? "a weight needs two indices, i and j (write w_{i,j} when one is 10 or more)"
                                   : "expected one neuron index");
    }
    if (*base == Base::Input) { // x₁ is the input z₁⁽⁰⁾, ∂E/∂x₁ its gradient
        if (isNew)
            return failure("the input has no update");
        QuantityRef ref{isGrad ? Quantity::GradInput : Quantity::Z, 0, indices[0] - 1, -1};
        if (const auto problem = refProblem(network, ref))
            return failure(problem->reason);
        return {ref, {}};
    }
    if (*base == Base::Output) {
        if (isNew || isGrad) return failure("the output has no gradient or update");
        QuantityRef ref{Quantity::Output, network.lastLayer(), indices[0] - 1, -1};
        if (const auto problem = refProblem(network, ref)) return failure(problem->reason);
        return {ref, {}};
    }
    if (layerText.empty() || layerText.find_first_not_of("-0123456789") != std::string::npos || layerText == "-") {
        return failure(layerText.empty()
                           ? "give the layer, e.g. " + n.activation(1, 0).text
                           : "expected a layer number, found " + quoteExcerpt(layerText));
    }
    const int shown = std::stoi(layerText.substr(0, 6));
    QuantityRef ref;
    ref.i = indices[0] - 1;
    switch (*base) {
    case Base::Pre:
    case Base::Act:
    case Base::Delta:
        ref.layer = shown - n.layerOffset;
        if (isGrad && !isNew && *base == Base::Act &&
            ref.layer == 0) { // ∂E/∂z₁⁽⁰⁾: the input gradient
            ref.quantity = Quantity::GradInput;
            break;
        }
        if (isNew || isGrad) return failure("only weights and biases have gradients and updates");
        ref.quantity =
            *base == Base::Pre ? Quantity::A : (*base == Base::Act ? Quantity::Z : Quantity::Delta);
        break;
    case Base::Weight:
    case Base::Bias: {
        if (!isNew && !isGrad) {
            return failure(text + " is a parameter of the network, not a computed value: write ∂E/∂" + text + " or new " +
                           text);
        }
        // The superscript names the layer the weight enters, or (Bishop) the one it leaves.
        ref.layer = shown - n.layerOffset + (n.weightByLeaving ? 1 : 0);
        const bool bias = *base == Base::Bias || (n.biasAsWeightZero && indices[1] == 0);
        if (bias) {
            ref.quantity = isNew ? Quantity::NewBias : Quantity::GradBias;
        } else {
            ref.quantity = isNew ? Quantity::NewWeights : Quantity::GradWeights;
            ref.j = indices[1] - 1;
        }
        break;
    }
    case Base::Output:
    case Base::Input:
        break;
    }
    if (const auto problem = refProblem(network, ref)) return failure(problem->reason);
    return {ref, {}};
}

std::optional<double> parseTypedNumber(const std::string& text) {
    std::string s = normalise(text); // −, ⁻, superscript digits → ASCII ("10^-7")
    std::string compact;
    for (char c : s) {
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    }
    // "×10^k", "x10^k", "*10^k" and "·10^k" → "e" k.
    for (std::string_view times : {"×10^", "x10^", "X10^", "*10^", "·10^"}) {
        const size_t at = compact.find(times);
        if (at != std::string::npos) compact = compact.substr(0, at) + "e" + compact.substr(at + times.size());
    }
    if (!compact.empty() && compact.front() == '+') compact.erase(compact.begin());
    const size_t commas = static_cast<size_t>(std::count(compact.begin(), compact.end(), ','));
    if (commas > 1 || (commas == 1 && compact.find('.') != std::string::npos)) return std::nullopt;
    if (commas == 1) compact[compact.find(',')] = '.';
    double value = 0;
    const char* begin = compact.data();
    const char* end = begin + compact.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (compact.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

} // namespace bpl
