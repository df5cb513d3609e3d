#include "gui/details/formula_html.h"

#include <QHash>
#include <cctype>

namespace bpl::gui {

namespace {

const QHash<QString, QString>& symbols() {
    static const QHash<QString, QString> table = {
        {"alpha", "α"},   {"beta", "β"},     {"gamma", "γ"},   {"delta", "δ"},      {"epsilon", "ε"},
        {"varepsilon", "ε"},
        {"eta", "η"},     {"theta", "θ"},    {"lambda", "λ"},  {"mu", "μ"},         {"sigma", "σ"},
        {"Delta", "Δ"},   {"Sigma", "Σ"},    {"sum", "Σ"},     {"partial", "∂"},    {"times", "×"},
        {"cdot", "·"},    {"odot", "⊙"},     {"leftarrow", "←"}, {"rightarrow", "→"}, {"to", "→"},
        {"infty", "∞"},   {"le", "≤"},       {"ge", "≥"},      {"ne", "≠"},         {"approx", "≈"},
        {"pm", "±"},      {"dots", "…"},     {"ldots", "…"},   {"cdots", "⋯"},      {"quad", "&emsp;"},
        {"qquad", "&emsp;&emsp;"}, {"in", "∈"}, {"nabla", "∇"},
    };
    return table;
}

bool isUprightFunction(const QString& name) {
    static const QStringList names = {"ln", "exp", "tanh", "max", "min", "log", "sin", "cos", "sinh", "cosh"};
    return names.contains(name);
}

class Renderer {
public:
    explicit Renderer(const std::string& s) : s_(s) {}

    // Renders until the end or an unmatched '}' (which it consumes).
    QString group(bool upright) {
        QString out;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '}') {
                ++pos_;
                break;
            }
            out += atom(upright, true);
        }
        return out;
    }

    QString all() {
        QString out;
        while (pos_ < s_.size()) {
            if (s_[pos_] == '}') {
                ++pos_; // stray brace: skip
                continue;
            }
            out += atom(false, true);
        }
        return out;
    }

private:
    // One unit: a command, a group, a script, a run of letters, one character.
    QString atom(bool upright, bool allowScripts) {
        const char c = s_[pos_];
        if (c == '{') {
            ++pos_;
            return group(upright);
        }
        if (c == '\\') return command(upright);
        if ((c == '_' || c == '^') && allowScripts) {
            ++pos_;
            const QString inner = argument(upright);
            return c == '_' ? "<sub>" + inner + "</sub>" : "<sup>" + inner + "</sup>";
        }
        if (std::isalpha(static_cast<unsigned char>(c))) {
            size_t end = pos_;
            while (end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end]))) ++end;
            const QString run = QString::fromStdString(s_.substr(pos_, end - pos_));
            pos_ = end;
            if (upright || run.size() > 1) return escapeHtml(run);
            return "<i>" + escapeHtml(run) + "</i>";
        }
        // A UTF-8 sequence (already a symbol) or one ASCII character.
        size_t len = 1;
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0xF0) len = 4;
        else if (u >= 0xE0) len = 3;
        else if (u >= 0xC0) len = 2;
        const QString text = QString::fromUtf8(s_.substr(pos_, len));
        pos_ += len;
        if (text == "-") return QStringLiteral("−");
        if (text == "*") return QStringLiteral("∗");
        return escapeHtml(text);
    }

    // The argument of _, ^ or a command: a group or a single atom.
    QString argument(bool upright) {
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
        if (pos_ >= s_.size()) return {};
        if (s_[pos_] == '{') {
            ++pos_;
            return group(upright);
        }
        if (s_[pos_] == '\\') return command(upright);
        // A single character (not a whole run of letters: x^ab is x^a b).
        if (std::isalnum(static_cast<unsigned char>(s_[pos_]))) {
            const QString ch = QString(QChar(s_[pos_++]));
            return upright || !ch[0].isLetter() ? ch : "<i>" + ch + "</i>";
        }
        return atom(upright, false);
    }

    QString command(bool upright) {
        ++pos_; // backslash
        if (pos_ >= s_.size()) return {};
        if (!std::isalpha(static_cast<unsigned char>(s_[pos_]))) {
            const char c = s_[pos_++];
            if (c == ',' || c == ';' || c == ':' || c == '!') return c == '!' ? QString() : QStringLiteral("&thinsp;");
            if (c == '\\') return QStringLiteral("<br>");
            return escapeHtml(QString(QChar(c)));
        }
        size_t end = pos_;
        while (end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end]))) ++end;
        const QString name = QString::fromStdString(s_.substr(pos_, end - pos_));
        pos_ = end;
        if (name == "left" || name == "right" || name == "big" || name == "Big") return {};
        if (name == "frac" || name == "tfrac" || name == "dfrac") {
            const QString top = argument(upright);
            const QString bottom = argument(upright);
            return wrap(top) + "/" + wrap(bottom);
        }
        if (name == "mathrm" || name == "text" || name == "mathsf" || name == "operatorname" || name == "mathbf") {
            return argument(true);
        }
        if (name == "sqrt") return "√(" + argument(upright) + ")";
        if (name == "hat") {
            // m̂: a combining circumflex on the letter, inside its italics.
            QString inner = argument(upright);
            const int at = inner.endsWith("</i>") ? int(inner.size()) - 4 : int(inner.size());
            return inner.insert(at, QChar(0x0302));
        }
        if (isUprightFunction(name)) return name;
        if (name == "partial") {
            // ∂E, not ∂ E: the space only separates the command from its operand.
            while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
            return QStringLiteral("∂");
        }
        const auto it = symbols().find(name);
        if (it != symbols().end()) return *it;
        return escapeHtml(name);
    }

    // Parentheses around a fraction's part when it is more than one term.
    static QString wrap(const QString& part) {
        const bool compound = part.contains(' ') || part.contains('+') || part.contains("−") || part.contains("×");
        return compound ? "(" + part + ")" : part;
    }

    const std::string& s_;
    size_t pos_ = 0;
};

} // namespace

QString escapeHtml(const QString& text) { return text.toHtmlEscaped(); }

QString latexToHtml(const std::string& latex) { return Renderer(latex).all(); }

} // namespace bpl::gui
