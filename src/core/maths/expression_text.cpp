// Writing an expression back as text and LaTeX (Expression::text and
// Expression::elidedTexts): one pass that appends to the output, so the cost is
// linear in what is written; the parentheses follow from the operators'
// precedences alone, so a subtree can be elided to "…" without changing them.
#include "core/maths/expression.h"

#include <algorithm>

namespace bpl {

namespace {

// Precedence of a printed node: what a parent compares with.
enum Prec { PrecSum = 1, PrecProduct = 2, PrecUnary = 3, PrecPower = 4, PrecAtom = 5 };

struct Precedence {
    int text = PrecAtom;
    int latex = PrecAtom;
};

Precedence precedenceOf(ExprOp op) {
    switch (op) {
    case ExprOp::Negate:
        return {PrecUnary, PrecUnary};
    case ExprOp::Add:
    case ExprOp::Subtract:
        return {PrecSum, PrecSum};
    case ExprOp::Multiply:
        return {PrecProduct, PrecProduct};
    case ExprOp::Divide:
        return {PrecProduct, PrecAtom}; // \frac{}{} needs no parentheses around it
    case ExprOp::Power:
        return {PrecPower, PrecPower};
    default:
        return {};
    }
}

// What an input needs to be written without parentheses: (text, LaTeX) for slot 0 and 1.
Precedence neededBy(ExprOp op, int slot) {
    switch (op) {
    case ExprOp::Negate:
        return {PrecUnary, PrecUnary};
    case ExprOp::Add:
    case ExprOp::Subtract:
        return slot == 0 ? Precedence{PrecSum, PrecSum} : Precedence{PrecSum + 1, PrecSum + 1};
    case ExprOp::Multiply:
        return slot == 0 ? Precedence{PrecProduct, PrecProduct}
                         : Precedence{PrecProduct + 1, PrecProduct + 1};
    case ExprOp::Divide:
        return {slot == 0 ? PrecProduct : PrecProduct + 1, 0};
    case ExprOp::Power:
        return slot == 0 ? Precedence{PrecAtom, PrecAtom} : Precedence{PrecUnary, 0};
    default:
        return {0, 0}; // a function's argument is already in its parentheses
    }
}

std::string latexFunction(ExprOp op) {
    switch (op) {
    case ExprOp::Exp:
        return "\\exp";
    case ExprOp::Log:
        return "\\ln";
    case ExprOp::Sin:
        return "\\sin";
    case ExprOp::Cos:
        return "\\cos";
    case ExprOp::Tan:
        return "\\tan";
    case ExprOp::Tanh:
        return "\\tanh";
    case ExprOp::Sigmoid:
        return "\\sigma";
    case ExprOp::Relu:
        return "\\operatorname{relu}";
    default:
        return exprFunctionName(op);
    }
}

// The fixed pieces around a node's inputs: before the first, between two, after the last.
struct Pieces {
    Dual open, middle, close;
};

Pieces piecesOf(ExprOp op) {
    switch (op) {
    case ExprOp::Negate:
        return {Dual("-"), {}, {}};
    case ExprOp::Add:
        return {{}, Dual(" + "), {}};
    case ExprOp::Subtract:
        return {{}, Dual(" - "), {}};
    case ExprOp::Multiply:
        return {{}, Dual("·", " \\cdot "), {}};
    case ExprOp::Divide:
        return {Dual("", "\\frac{"), Dual("/", "}{"), Dual("", "}")};
    case ExprOp::Power:
        return {{}, Dual("^", "^{"), Dual("", "}")};
    case ExprOp::Sqrt:
        return {Dual("sqrt(", "\\sqrt{"), {}, Dual(")", "}")};
    case ExprOp::Abs:
        return {Dual("abs(", "\\left|"), {}, Dual(")", "\\right|")};
    default:
        return {Dual(exprFunctionName(op) + "(", latexFunction(op) + "\\left("),
                {},
                Dual(")", "\\right)")};
    }
}

// Appends subtrees to one Dual; `length[k]` is the text length of node k written in full.
class Writer {
  public:
    explicit Writer(const Expression& e) : e_(e), length_(e.nodes.size(), 0) {
        for (size_t k = 0; k < e.nodes.size(); ++k) { // children come before parents
            const ExprNode& n = e.nodes[k];
            if (n.args.empty()) {
                length_[k] = n.name.size();
                continue;
            }
            const Pieces p = piecesOf(n.op);
            size_t total = p.open.text.size() + p.middle.text.size() + p.close.text.size();
            for (size_t slot = 0; slot < n.args.size(); ++slot)
                total += wrappedLength(n, static_cast<int>(slot));
            length_[k] = total;
        }
    }

    // The whole subtree.
    void full(int node, Dual& out) const { elided(node, std::string::npos, out); }

    // The subtree in about `budget` bytes of text: inner subtrees that do not fit are "…".
    // An explicit stack rather than recursion: a product of 5,000 factors is a
    // tree 5,000 deep, more than the call stack holds in the sanitizer build.
    void elided(int root, size_t budget, Dual& out) const {
        std::vector<Task> tasks{Task{root, budget, {}}};
        while (!tasks.empty()) {
            Task task = std::move(tasks.back());
            tasks.pop_back();
            if (task.node < 0) {
                out += task.text;
                continue;
            }
            visit(task.node, task.budget, out, tasks);
        }
    }

  private:
    // Either a subtree to write (node ≥ 0) in `budget` bytes, or text to append (node < 0).
    struct Task {
        int node = -1;
        size_t budget = 0;
        Dual text;
    };

    // Writes a leaf or "…" at once; otherwise queues the node's pieces and
    // inputs, last first (the stack gives them back in order).
    void visit(int node, size_t budget, Dual& out, std::vector<Task>& tasks) const {
        const ExprNode& n = e_.nodes[node];
        if (n.args.empty()) {
            out += Dual(n.name);
            return;
        }
        if (length_[node] > budget && budget < kMinBudget) {
            out += Dual("…", "\\ldots");
            return;
        }
        const Pieces p = piecesOf(n.op);
        const size_t fixed = p.open.text.size() + p.middle.text.size() + p.close.text.size();
        const size_t room = budget == std::string::npos ? budget : budget - std::min(budget, fixed);
        // The shorter input is written whole when it takes at most half the room; the
        // other input gets what is left.
        size_t first = room;
        size_t second = room;
        if (n.args.size() == 2 && room != std::string::npos) {
            const size_t a = wrappedLength(n, 0);
            const size_t b = wrappedLength(n, 1);
            if (b <= room / 2) {
                first = room - b;
            } else if (a <= room / 2) {
                second = room - a;
            } else {
                first = room / 2;
                second = room - first;
            }
        }
        tasks.push_back(Task{-1, 0, p.close});
        if (n.args.size() == 2) {
            queueInput(n, 1, second, tasks);
            tasks.push_back(Task{-1, 0, p.middle});
        }
        queueInput(n, 0, first, tasks);
        out += p.open;
    }

    // An input in parentheses where its precedence needs them, queued (last first).
    void queueInput(const ExprNode& parent, int slot, size_t budget,
                    std::vector<Task>& tasks) const {
        const bool text = needsParentheses(parent, slot, false);
        const bool latex = needsParentheses(parent, slot, true);
        const size_t inner =
            budget == std::string::npos || !text ? budget : budget - std::min<size_t>(budget, 2);
        tasks.push_back(Task{-1, 0, Dual(text ? ")" : "", latex ? "\\right)" : "")});
        tasks.push_back(Task{parent.args[slot], inner, {}});
        tasks.push_back(Task{-1, 0, Dual(text ? "(" : "", latex ? "\\left(" : "")});
    }

    static constexpr size_t kMinBudget = 4;

    bool needsParentheses(const ExprNode& parent, int slot, bool latex) const {
        const Precedence have = precedenceOf(e_.nodes[parent.args[slot]].op);
        const Precedence need = neededBy(parent.op, slot);
        return latex ? have.latex < need.latex : have.text < need.text;
    }

    size_t wrappedLength(const ExprNode& parent, int slot) const {
        return length_[parent.args[slot]] + (needsParentheses(parent, slot, false) ? 2 : 0);
    }

    const Expression& e_;
    std::vector<size_t> length_;
};

} // namespace

Dual Expression::text(int node) const {
    if (node < 0 || node >= static_cast<int>(nodes.size()))
        return {};
    Dual out;
    Writer(*this).full(node, out);
    return out;
}

std::vector<Dual> Expression::elidedTexts(size_t maxBytes) const {
    const Writer writer(*this);
    std::vector<Dual> out(nodes.size());
    for (size_t k = 0; k < nodes.size(); ++k)
        writer.elided(static_cast<int>(k), maxBytes, out[k]);
    return out;
}

} // namespace bpl
