#include "core/maths/graph_formulas.h"

#include "core/formula_parts.h"
#include "core/number_format.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bpl {

using namespace formula_parts;

namespace {

const Dual kOne("1");

bool isOperation(const GraphNode& n) {
    return n.op != ExprOp::Variable && n.op != ExprOp::Constant;
}

// Ops whose derivative is written with the node's own value f(a): exp, σ, tanh, tan, √ and a^b in
// b.
bool localUsesOwnValue(ExprOp op, int slot) {
    switch (op) {
    case ExprOp::Exp:
    case ExprOp::Sigmoid:
    case ExprOp::Tanh:
    case ExprOp::Tan:
    case ExprOp::Sqrt:
        return true;
    case ExprOp::Power:
        return slot == 1;
    default:
        return false;
    }
}

// The inputs (by slot) whose values appear in ∂(op)/∂input[slot]: what a student's earlier value
// can carry into.
std::vector<int> slotsInLocal(ExprOp op, int slot) {
    switch (op) {
    case ExprOp::Multiply:
        return {1 - slot};
    case ExprOp::Divide:
        return slot == 0 ? std::vector<int>{1} : std::vector<int>{0, 1};
    case ExprOp::Power:
        return slot == 0 ? std::vector<int>{0, 1} : std::vector<int>{0};
    case ExprOp::Log:
    case ExprOp::Sin:
    case ExprOp::Cos:
    case ExprOp::Relu:
    case ExprOp::Abs:
        return {0};
    default:
        return {};
    }
}

Dual square(const Dual& x) {
    return Dual(x.text + "²", x.latex + "^{2}");
}
Dual frac(const Dual& a, const Dual& b) {
    return Dual(a.text + "/" + b.text, "\\frac{" + a.latex + "}{" + b.latex + "}");
}

Dual functionOf(ExprOp op, const Dual& a) {
    switch (op) {
    case ExprOp::Sqrt:
        return Dual("√" + (a.text.find(' ') == std::string::npos ? a.text : "(" + a.text + ")"),
                    "\\sqrt{" + a.latex + "}");
    case ExprOp::Abs:
        return Dual("|" + a.text + "|", "\\left|" + a.latex + "\\right|");
    case ExprOp::Sigmoid:
        return Dual("σ(" + a.text + ")", "\\sigma(" + a.latex + ")");
    case ExprOp::Log:
        return Dual("ln(" + a.text + ")", "\\ln(" + a.latex + ")");
    case ExprOp::Relu:
        return Dual("relu(" + a.text + ")", "\\operatorname{relu}(" + a.latex + ")");
    default: {
        const std::string name = exprFunctionName(op);
        return Dual(name + "(" + a.text + ")", "\\" + name + "(" + a.latex + ")");
    }
    }
}

// The operation written with operands `a`, `b` (symbols, or numbers already
// formatted as factors where they need parentheses).
Dual applyDual(ExprOp op, const Dual& a, const Dual& b) {
    switch (op) {
    case ExprOp::Add:
        return a + kPlus + b;
    case ExprOp::Subtract:
        return a + kMinus + b;
    case ExprOp::Multiply:
        return a + kDot + b;
    case ExprOp::Divide:
        return frac(a, b);
    case ExprOp::Power:
        return Dual(a.text + "^" + b.text, a.latex + "^{" + b.latex + "}");
    case ExprOp::Negate:
        return Dual("−" + a.text, "-" + a.latex);
    case ExprOp::Constant:
    case ExprOp::Variable:
        return a;
    default:
        return functionOf(op, a);
    }
}

// A local derivative as written, and whether it needs parentheses as a factor.
struct LocalForm {
    Dual d;
    bool sum = false;      // top level is + or − (parentheses in text and LaTeX)
    bool quotient = false; // top level is / (parentheses in text only)
};

struct LocalParts {
    Dual a, b; // the inputs: symbols, or numbers
    Dual own;  // the node's value: f(a) written out, or its number
    bool exponentConstant = false;
    double exponent = 0; // for a^c with a constant c
    int precision = 4;
};

LocalForm localForm(ExprOp op, int slot, const LocalParts& p, bool numeric, double numericValue) {
    switch (op) {
    case ExprOp::Add:
        return {kOne};
    case ExprOp::Subtract:
        return {slot == 0 ? kOne : Dual("−1", "-1")};
    case ExprOp::Multiply:
        return {slot == 0 ? p.b : p.a};
    case ExprOp::Divide:
        if (slot == 0)
            return {frac(kOne, p.b), false, true};
        return {Dual("−" + p.a.text + "/" + square(p.b).text,
                     "-\\frac{" + p.a.latex + "}{" + square(p.b).latex + "}"),
                true, true};
    case ExprOp::Power:
        if (slot == 1)
            return {p.own + kDot + functionOf(ExprOp::Log, p.a)};
        if (p.exponentConstant) {
            const double c = p.exponent;
            const Dual cd = formatDual(c, p.precision);
            if (c == 2)
                return {cd + kDot + p.a};
            if (c == 1)
                return {kOne};
            const Dual k = formatFactor(c - 1, p.precision);
            return {cd + kDot + Dual(p.a.text + "^" + k.text, p.a.latex + "^{" + k.latex + "}")};
        }
        return {p.b + kDot +
                Dual(p.a.text + "^(" + p.b.text + " − 1)", p.a.latex + "^{" + p.b.latex + " - 1}")};
    case ExprOp::Negate:
        return {Dual("−1", "-1")};
    case ExprOp::Exp:
        return {p.own};
    case ExprOp::Log:
        return {frac(kOne, p.a), false, true};
    case ExprOp::Sqrt:
        return {frac(kOne, paren(Dual("2") + kDot + p.own)), false, true};
    case ExprOp::Sin:
        return {functionOf(ExprOp::Cos, p.a)};
    case ExprOp::Cos:
        return {Dual("−", "-") + functionOf(ExprOp::Sin, p.a), true};
    case ExprOp::Tan:
        return {kOne + kPlus + square(p.own), true};
    case ExprOp::Tanh:
        return {kOne + kMinus + square(p.own), true};
    case ExprOp::Sigmoid:
        return {p.own + kDot + paren(kOne + kMinus + p.own)};
    case ExprOp::Relu:
        if (numeric)
            return {formatDual(numericValue, p.precision)};
        return {Dual("relu′(" + p.a.text + ")", "\\operatorname{relu}'(" + p.a.latex + ")")};
    case ExprOp::Abs:
        if (numeric)
            return {formatDual(numericValue, p.precision)};
        return {Dual("sign(" + p.a.text + ")", "\\operatorname{sign}(" + p.a.latex + ")")};
    default:
        return {kOne};
    }
}

// upstream · local, leaving out a factor 1 and turning −1 into a sign.
Dual product(const Dual& upstream, bool hasUpstream, const LocalForm& local) {
    if (!hasUpstream)
        return local.d;
    if (local.d.text == "1")
        return upstream;
    if (local.d.text == "−1") {
        const bool negative = !upstream.text.empty() && upstream.text[0] == '-';
        return Dual("−", "-") + (negative ? paren(upstream) : upstream);
    }
    Dual factor = local.d;
    if (local.sum || (!local.d.text.empty() && local.d.text[0] == '-')) {
        factor = paren(local.d);
    } else if (local.quotient) {
        factor.text = "(" + factor.text + ")";
    }
    return upstream + kDot + factor;
}

// Input values as the formula sees them: a student's for operation nodes, exact for variables and
// constants.
double inputValue(const ExpressionGraph& g, int node, const MathsLookup& lookup) {
    return isOperation(g.nodes[node]) ? lookup(MathsRef::value(node)) : g.nodes[node].value;
}

void addInput(std::vector<MathsRef>& inputs, const MathsRef& ref) {
    if (std::find(inputs.begin(), inputs.end(), ref) == inputs.end())
        inputs.push_back(ref);
}

} // namespace

Dual opLabel(ExprOp op) {
    switch (op) {
    case ExprOp::Add:
        return Dual("+", "+");
    case ExprOp::Subtract:
        return Dual("−", "-");
    case ExprOp::Multiply:
        return Dual("×", "\\times");
    case ExprOp::Divide:
        return Dual("÷", "\\div");
    case ExprOp::Power:
        return Dual("^", "\\hat{}");
    case ExprOp::Negate:
        return Dual("−x", "-x");
    case ExprOp::Sigmoid:
        return Dual("σ", "\\sigma");
    case ExprOp::Sqrt:
        return Dual("√", "\\sqrt{}");
    case ExprOp::Abs:
        return Dual("|x|", "|x|");
    case ExprOp::Log:
        return Dual("ln", "\\ln");
    default:
        return Dual(exprFunctionName(op));
    }
}

Dual gradSymbol(const ExpressionGraph& g, int node) {
    const Dual& f = g.nodes[g.output].symbol;
    const Dual& v = g.nodes[node].symbol;
    return Dual("∂" + f.text + "/∂" + v.text,
                "\\frac{\\partial " + f.latex + "}{\\partial " + v.latex + "}");
}

WorkedFormula forwardFormula(const ExpressionGraph& g, int node, const MathsLookup& lookup) {
    const GraphNode& n = g.nodes[node];
    const int p = g.options.precision;
    WorkedFormula f;
    f.ref = MathsRef::value(node);
    f.lhs = n.symbol;
    const double a = inputValue(g, n.inputs[0], lookup);
    const double b = n.inputs.size() > 1 ? inputValue(g, n.inputs[1], lookup) : 0.0;
    f.value = applyOp(n.op, a, b);
    const Dual symA = g.nodes[n.inputs[0]].symbol;
    const Dual symB = n.inputs.size() > 1 ? g.nodes[n.inputs[1]].symbol : Dual();
    f.symbolic = applyDual(n.op, symA, symB);
    const bool binary = n.inputs.size() > 1;
    const bool firstPlain = n.op == ExprOp::Add || n.op == ExprOp::Subtract ||
                            n.op == ExprOp::Divide || exprOpIsFunction(n.op);
    const Dual numA = firstPlain ? formatDual(a, p) : formatFactor(a, p);
    const Dual numB =
        binary ? (n.op == ExprOp::Divide ? formatDual(b, p) : formatFactor(b, p)) : Dual();
    f.substituted = applyDual(n.op, numA, numB);
    f.result = formatDual(f.value, p);
    for (int in : n.inputs) {
        if (isOperation(g.nodes[in]))
            addInput(f.inputs, MathsRef::value(in));
    }
    return f;
}

BackwardStep backwardStep(const ExpressionGraph& g, int node, const MathsLookup& lookup) {
    const GraphNode& n = g.nodes[node];
    const int p = g.options.precision;
    BackwardStep step;
    step.node = node;
    WorkedFormula& f = step.formula;
    f.ref = MathsRef::grad(node);
    f.lhs = gradSymbol(g, node);
    if (node == g.output) {
        f.value = 1;
        f.result = Dual("1");
        step.title = Dual("Start at the output " + n.symbol.text,
                          "\\text{Start at the output } " + n.symbol.latex);
        return step;
    }
    const int uses = static_cast<int>(n.users.size());
    step.title = f.lhs;
    if (isOperation(n))
        step.title += Dual(", " + n.symbol.text + " = " + n.expression.text,
                           ", " + n.symbol.latex + " = " + n.expression.latex);
    if (uses > 1) {
        step.title += Dual(": " + n.symbol.text + " is used " + std::to_string(uses) +
                               " times, so " + std::to_string(uses) + " contributions add",
                           "\\text{: used " + std::to_string(uses) + " times, so " +
                               std::to_string(uses) + " contributions add}");
    }
    double sum = 0;
    for (size_t k = 0; k < n.users.size(); ++k) {
        const NodeUse use = n.users[k];
        const GraphNode& u = g.nodes[use.user];
        const bool hasUpstream = use.user != g.output;
        GradContribution c;
        c.use = use;
        c.upstream = hasUpstream ? lookup(MathsRef::grad(use.user)) : 1.0;
        if (hasUpstream)
            addInput(f.inputs, MathsRef::grad(use.user));
        const double a = inputValue(g, u.inputs[0], lookup);
        const double b = u.inputs.size() > 1 ? inputValue(g, u.inputs[1], lookup) : 0.0;
        const bool own = localUsesOwnValue(u.op, use.slot);
        const double ownValue = own ? lookup(MathsRef::value(use.user)) : 0.0;
        if (own)
            addInput(f.inputs, MathsRef::value(use.user));
        for (int k2 : slotsInLocal(u.op, use.slot)) {
            const int in = u.inputs[k2];
            if (isOperation(g.nodes[in]))
                addInput(f.inputs, MathsRef::value(in));
        }
        switch (u.op) {
        case ExprOp::Exp:
            c.local = ownValue;
            break;
        case ExprOp::Sigmoid:
            c.local = ownValue * (1 - ownValue);
            break;
        case ExprOp::Tanh:
            c.local = 1 - ownValue * ownValue;
            break;
        case ExprOp::Tan:
            c.local = 1 + ownValue * ownValue;
            break;
        case ExprOp::Sqrt:
            c.local = 1 / (2 * ownValue);
            break;
        case ExprOp::Power:
            c.local = use.slot == 1 ? (a > 0 ? ownValue * std::log(a)
                                             : std::numeric_limits<double>::quiet_NaN())
                                    : localDerivative(u.op, 0, a, b);
            break;
        default:
            c.local = localDerivative(u.op, use.slot, a, b);
        }
        if (!std::isfinite(c.local) && !n.dependsOnVariables)
            c.local = 0;
        c.value = c.upstream * c.local;
        sum += c.value;

        LocalParts sym;
        sym.a = g.nodes[u.inputs[0]].symbol;
        sym.b = u.inputs.size() > 1 ? g.nodes[u.inputs[1]].symbol : Dual();
        sym.own = applyDual(u.op, sym.a, sym.b);
        sym.precision = p;
        const GraphNode* exponent = u.op == ExprOp::Power ? &g.nodes[u.inputs[1]] : nullptr;
        sym.exponentConstant = exponent != nullptr && !exponent->dependsOnVariables;
        sym.exponent = exponent != nullptr ? exponent->value : 0.0;
        LocalParts num = sym;
        num.a = formatFactor(a, p);
        num.b = formatFactor(b, p);
        num.own = formatFactor(ownValue, p);
        const LocalForm symbolic = localForm(u.op, use.slot, sym, false, c.local);
        LocalForm numeric = localForm(u.op, use.slot, num, true, c.local);
        if (u.op == ExprOp::Power && use.slot == 1)
            numeric.d =
                formatFactor(ownValue, p) + kDot + functionOf(ExprOp::Log, formatDual(a, p));
        c.localSymbolic = symbolic.d;
        c.localSubstituted = numeric.d;
        c.term = product(gradSymbol(g, use.user), hasUpstream, symbolic);
        const Dual up = k == 0 ? formatDual(c.upstream, p) : formatFactor(c.upstream, p);
        c.termSubstituted = product(up, hasUpstream, numeric);
        if (k > 0) {
            f.symbolic += kPlus;
            f.substituted += kPlus;
        }
        f.symbolic += c.term;
        f.substituted += c.termSubstituted;
        step.contributions.push_back(std::move(c));
    }
    f.value = sum;
    f.result = formatDual(sum, p);
    return step;
}

void computeGradients(ExpressionGraph& g) {
    for (int id = static_cast<int>(g.nodes.size()) - 1; id >= 0; --id) {
        GraphNode& n = g.nodes[id];
        if (id == g.output) {
            n.grad = 1;
            continue;
        }
        double sum = 0;
        for (const NodeUse& use : n.users)
            sum += g.nodes[use.user].grad * g.nodes[use.user].local[use.slot];
        n.grad = sum;
    }
}

void buildFormulas(ExpressionGraph& g) {
    const MathsLookup exact = [&g](const MathsRef& ref) { return g.valueOf(ref).value_or(0.0); };
    g.forward.clear();
    g.backward.clear();
    for (const GraphNode& n : g.nodes) {
        if (isOperation(n))
            g.forward.push_back(forwardFormula(g, n.id, exact));
    }
    g.backward.push_back(backwardStep(g, g.output, exact));
    for (int id = static_cast<int>(g.nodes.size()) - 1; id >= 0; --id) {
        if (id != g.output && g.nodes[id].dependsOnVariables)
            g.backward.push_back(backwardStep(g, id, exact));
    }
}

} // namespace bpl
