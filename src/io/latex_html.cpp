#include "io/latex_html.h"

#include <map>

namespace bpl::io {

namespace {

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of the UTF-8 character starting with byte c.
size_t charLength(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c >> 5) == 0x6) return 2;
    if ((c >> 4) == 0xE) return 3;
    if ((c >> 3) == 0x1E) return 4;
    return 1;
}

std::string stripTags(const std::string& html) {
    std::string out;
    bool inTag = false;
    for (char c : html) {
        if (c == '<') inTag = true;
        else if (c == '>') inTag = false;
        else if (!inTag) out += c;
    }
    return out;
}

const std::map<std::string, std::string>& symbols() {
    // Greek letters are italic as in typeset maths; operators upright.
    static const std::map<std::string, std::string> m = {
        {"alpha", "<i>α</i>"}, {"beta", "<i>β</i>"},  {"gamma", "<i>γ</i>"},   {"delta", "<i>δ</i>"},
        {"epsilon", "<i>ε</i>"}, {"varepsilon", "<i>ε</i>"}, {"eta", "<i>η</i>"}, {"theta", "<i>θ</i>"},   {"lambda", "<i>λ</i>"},
        {"mu", "<i>μ</i>"},    {"sigma", "<i>σ</i>"}, {"tau", "<i>τ</i>"},     {"phi", "<i>φ</i>"},
        {"Sigma", "Σ"},        {"Delta", "Δ"},        {"sum", "Σ"},            {"partial", "∂"},
        {"times", "×"},        {"cdot", "·"},         {"odot", "⊙"},           {"leftarrow", "←"},
        {"to", "→"},           {"rightarrow", "→"},   {"quad", "\u2003"},      {"qquad", "\u2003\u2003"},
        {"dots", "…"},         {"ldots", "…"},        {"cdots", "⋯"},          {"ln", "ln"},
        {"log", "log"},        {"exp", "exp"},        {"tanh", "tanh"},        {"max", "max"},
        {"min", "min"},        {"le", "≤"},           {"leq", "≤"},            {"ge", "≥"},
        {"geq", "≥"},          {"approx", "≈"},       {"neq", "≠"},            {"infty", "∞"},
        {"ne", "≠"},           {"nabla", "∇"},
        {"pm", "±"},           {"in", "∈"},           {"top", "ᵀ"},            {"prime", "′"},
        {",", "\u2009"},       {";", "\u2005"},       {":", "\u2005"},         {"!", ""},
        {"{", "{"},            {"}", "}"},            {"%", "%"},              {"_", "_"},
        {"&", "&amp;"},        {"#", "#"},            {"$", "$"},
    };
    return m;
}

class Converter {
public:
    explicit Converter(const std::string& source) : s_(source) {}
    std::string run() { return sequence(false, '\0'); }

private:
    const std::string& s_;
    size_t pos_ = 0;

    void skipSpaces() {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    }

    std::string sequence(bool upright, char stop) {
        std::string out;
        while (pos_ < s_.size() && s_[pos_] != stop) {
            const char c = s_[pos_];
            if (c == '}') { // unbalanced: skip
                ++pos_;
            } else if (c == ' ') {
                if (!out.empty() && out.back() != ' ') out += ' ';
                ++pos_;
            } else {
                out += atom(upright);
            }
        }
        return out;
    }

    // One argument or token: a {group}, a command, or one character.
    std::string atom(bool upright) {
        skipSpaces();
        if (pos_ >= s_.size()) return {};
        const char c = s_[pos_];
        if (c == '{') {
            ++pos_;
            std::string inner = sequence(upright, '}');
            if (pos_ < s_.size()) ++pos_;
            return inner;
        }
        if (c == '\\') return command(upright);
        if (c == '^' || c == '_') {
            ++pos_;
            const std::string tag = c == '^' ? "sup" : "sub";
            return "<" + tag + ">" + atom(upright) + "</" + tag + ">";
        }
        const size_t n = charLength(static_cast<unsigned char>(c));
        const std::string ch = s_.substr(pos_, n);
        pos_ += n;
        if (isLetter(c)) return upright ? ch : "<i>" + ch + "</i>";
        if (c == '-') return "−";
        if (c == '\'') return "′";
        if (c == '<') return "&lt;";
        if (c == '>') return "&gt;";
        if (c == '&') return "&amp;";
        if (c == '~') return "\u00a0";
        return ch;
    }

    std::string command(bool upright) {
        ++pos_; // the backslash
        std::string name;
        while (pos_ < s_.size() && isLetter(s_[pos_])) name += s_[pos_++];
        if (name.empty() && pos_ < s_.size()) {
            name = s_.substr(pos_, 1);
            ++pos_;
        } else if (name == "partial" || name == "sum") {
            skipSpaces(); // ∂E, Σₖ: the symbol belongs to what follows
        }
        if (name == "frac" || name == "tfrac" || name == "dfrac") {
            const std::string num = atom(upright);
            const std::string den = atom(upright);
            if (stripTags(num) == "1" && stripTags(den) == "2") return "½";
            auto wrap = [](const std::string& x) {
                return stripTags(x).find(' ') == std::string::npos ? x : "(" + x + ")";
            };
            return wrap(num) + "/" + wrap(den);
        }
        if (name == "left" || name == "right" || name == "big" || name == "Big") {
            skipSpaces();
            if (pos_ < s_.size() && s_[pos_] == '.') {
                ++pos_;
                return {};
            }
            return atom(upright);
        }
        if (name == "mathrm" || name == "text" || name == "mathsf" || name == "operatorname" || name == "textrm") {
            return atom(true);
        }
        if (name == "mathbf" || name == "textbf") return "<b>" + atom(upright) + "</b>";
        if (name == "mathit" || name == "textit") return atom(false);
        if (name == "sqrt") return "√(" + atom(upright) + ")";
        if (name == "hat") {
            // m̂: a combining circumflex on the letter, inside its italics.
            std::string inner = atom(upright);
            const bool italic = inner.size() >= 4 && inner.compare(inner.size() - 4, 4, "</i>") == 0;
            return inner.insert(italic ? inner.size() - 4 : inner.size(), "\u0302");
        }
        if (name == "\\") return "<br>";
        const auto it = symbols().find(name);
        if (it != symbols().end()) return it->second;
        return name; // unknown: keep its name visible rather than drop it
    }
};

} // namespace

QString latexToHtml(const std::string& latex) {
    return QString::fromStdString(Converter(latex).run());
}

QString htmlEscape(const QString& text) { return text.toHtmlEscaped(); }

} // namespace bpl::io
