#include "core/maths/expression_graph.h"

#include "core/maths/graph_formulas.h"
#include "core/number_format.h"

#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

namespace bpl {

namespace {

// Structural identity of a node: equal keys are one node (shared subexpressions).
using NodeKey = std::tuple<ExprOp, double, std::string, std::vector<int>>;

// A constant is its number (2 and 2.0 are one node), a variable its name.
NodeKey nodeKey(ExprOp op, double number, const std::string& name, std::vector<int> inputs) {
    return {op, op == ExprOp::Constant ? number : 0.0,
            op == ExprOp::Variable ? name : std::string(), std::move(inputs)};
}

struct Builder {
    const Expression& e;
    std::vector<GraphNode>& nodes;
    std::map<NodeKey, int> byKey;
    std::vector<int> treeToGraph;   // expression node → graph node
    std::vector<int> firstTreeNode; // graph node → first expression node that made it

    int add(const ExprNode& n, int treeIndex, std::vector<int> inputs) {
        NodeKey key = nodeKey(n.op, n.number, n.name, inputs);
        if (const auto it = byKey.find(key); it != byKey.end())
            return it->second;
        GraphNode g;
        g.id = static_cast<int>(nodes.size());
        g.op = n.op;
        g.inputs = std::move(inputs);
        g.name = n.name;
        g.value = n.op == ExprOp::Constant ? n.number : 0.0;
        g.column = n.column;
        nodes.push_back(std::move(g));
        firstTreeNode.push_back(treeIndex);
        byKey.emplace(std::move(key), nodes.back().id);
        return nodes.back().id;
    }

    // Post-order, left to right: inputs before users.
    int visit(int index) {
        const ExprNode& n = e.nodes[index];
        std::vector<int> inputs;
        for (int child : n.args)
            inputs.push_back(visit(child));
        const int id = add(n, index, std::move(inputs));
        treeToGraph[index] = id;
        return id;
    }
};

std::string nodeName(const ExpressionGraph& g, int id) {
    const GraphNode& n = g.nodes[id];
    return "node " + std::to_string(id) + ", " + n.expression.text;
}

// Why a value is not finite, in words.
std::string valueProblem(const GraphNode& n, double a, double b, int precision) {
    const std::string as = formatNumber(a, precision);
    const std::string bs = formatNumber(b, precision);
    switch (n.op) {
    case ExprOp::Divide:
        return b == 0 ? "division by 0" : "the quotient " + as + "/" + bs + " is not finite";
    case ExprOp::Log:
        return a == 0 ? "ln 0 is −∞"
                      : "ln of " + as + " is not defined (it needs a positive argument)";
    case ExprOp::Sqrt:
        return "the square root of " + as + " is not a real number";
    case ExprOp::Power:
        return a < 0 ? "(" + as + ")^" + bs +
                           " is not a real number (a negative base needs a whole exponent)"
                     : as + "^" + bs + " is not finite";
    case ExprOp::Exp:
        return "exp(" + as + ") overflows";
    default:
        return "the value is not finite";
    }
}

GraphResult fail(int node, std::string message) {
    GraphResult r;
    r.error = {node, std::move(message)};
    return r;
}

// Values and local derivatives, in evaluation order; the first non-finite one is an error.
std::optional<GraphError> evaluate(ExpressionGraph& g) {
    for (GraphNode& n : g.nodes) {
        if (n.op == ExprOp::Variable || n.op == ExprOp::Constant) {
            n.dependsOnVariables = n.op == ExprOp::Variable;
            continue;
        }
        const double a = g.nodes[n.inputs[0]].value;
        const double b = n.inputs.size() > 1 ? g.nodes[n.inputs[1]].value : 0.0;
        n.value = applyOp(n.op, a, b);
        for (int in : n.inputs)
            n.dependsOnVariables = n.dependsOnVariables || g.nodes[in].dependsOnVariables;
        if (!std::isfinite(n.value)) {
            return GraphError{n.id, nodeName(g, n.id) + ": " +
                                        valueProblem(n, a, b, g.options.precision)};
        }
        n.local.clear();
        for (size_t k = 0; k < n.inputs.size(); ++k) {
            double d = localDerivative(n.op, static_cast<int>(k), a, b);
            if (!std::isfinite(d)) {
                // Not needed where the input is constant (the exponent of x^2 at x = −1).
                if (!g.nodes[n.inputs[k]].dependsOnVariables) {
                    d = 0;
                } else {
                    return GraphError{
                        n.id, nodeName(g, n.id) + ": the derivative with respect to " +
                                  g.nodes[n.inputs[k]].expression.text + " is not finite here"};
                }
            }
            n.local.push_back(d);
        }
    }
    return std::nullopt;
}

void nameNodes(ExpressionGraph& g, const std::vector<int>& firstTreeNode) {
    int counter = 0;
    bool fTaken = false;
    for (const VariableValue& v : g.at)
        fTaken = fTaken || v.name == "f";
    std::vector<Dual> texts = g.expression.elidedTexts(kNodeExpressionBytes);
    for (GraphNode& n : g.nodes) {
        n.expression = std::move(texts[firstTreeNode[n.id]]);
        if (n.op == ExprOp::Variable) {
            n.symbol = Dual(n.name);
            n.opLabel = Dual(n.name);
            continue;
        }
        if (n.op == ExprOp::Constant) {
            n.symbol = formatDual(n.value, 17);
            n.symbol.text = n.name;
            n.opLabel = n.symbol;
            continue;
        }
        ++counter;
        if (n.id == g.output && !fTaken) {
            n.symbol = Dual("f");
        } else {
            n.symbol = Dual("v" + subscript(std::to_string(counter)),
                            "v_{" + std::to_string(counter) + "}");
        }
        n.opLabel = opLabel(n.op);
    }
}

} // namespace

double ExpressionGraph::gradient(const std::string& variable) const {
    const int id = variableNode(variable);
    return id < 0 ? 0.0 : nodes[id].grad;
}

int ExpressionGraph::variableNode(const std::string& name) const {
    for (const GraphNode& n : nodes) {
        if (n.op == ExprOp::Variable && n.name == name)
            return n.id;
    }
    return -1;
}

int ExpressionGraph::backwardStepOf(int node) const {
    for (size_t k = 0; k < backward.size(); ++k) {
        if (backward[k].node == node)
            return static_cast<int>(k);
    }
    return -1;
}

int ExpressionGraph::findNode(const std::string& raw) const {
    const auto first = raw.find_first_not_of(" \t");
    if (first == std::string::npos)
        return -1;
    const std::string text = raw.substr(first, raw.find_last_not_of(" \t") - first + 1);
    if (text.find_first_not_of("0123456789") == std::string::npos) {
        const long id = std::strtol(text.c_str(), nullptr, 10);
        return id >= 0 && id < static_cast<long>(nodes.size()) && text.size() < 9
                   ? static_cast<int>(id)
                   : -1;
    }
    for (const GraphNode& n : nodes) {
        if (n.op == ExprOp::Variable || n.op == ExprOp::Constant)
            continue;
        if (n.symbol.text == text || n.symbol.latex == text)
            return n.id;
        if (n.symbol.latex.rfind("v_{", 0) == 0 &&
            text == "v" + n.symbol.latex.substr(3, n.symbol.latex.size() - 4)) {
            return n.id;
        }
    }
    const ParseResult parsed = parseExpression(text);
    if (!parsed.ok())
        return -1;
    // Matched by structure, as the builder shares nodes: each parsed node maps to
    // the graph node of the same operation on the same graph inputs.
    std::map<NodeKey, int> byKey;
    for (const GraphNode& n : nodes)
        byKey.emplace(nodeKey(n.op, n.value, n.name, n.inputs), n.id);
    const Expression& e = *parsed.expression;
    std::vector<int> toGraph(e.nodes.size(), -1);
    for (size_t k = 0; k < e.nodes.size(); ++k) { // children before parents
        const ExprNode& n = e.nodes[k];
        std::vector<int> inputs;
        for (int child : n.args)
            inputs.push_back(toGraph[child]);
        const auto it = byKey.find(nodeKey(n.op, n.number, n.name, inputs));
        if (it == byKey.end())
            return -1;
        toGraph[k] = it->second;
    }
    return toGraph[e.root];
}

std::optional<double> ExpressionGraph::valueOf(const MathsRef& ref) const {
    if (ref.node < 0 || ref.node >= static_cast<int>(nodes.size()))
        return std::nullopt;
    if (ref.quantity == MathsQuantity::NodeValue)
        return nodes[ref.node].value;
    if (ref.quantity == MathsQuantity::NodeGrad)
        return nodes[ref.node].grad;
    return std::nullopt;
}

const WorkedFormula* ExpressionGraph::formulaFor(const MathsRef& ref) const {
    if (ref.node < 0 || ref.node >= static_cast<int>(nodes.size()))
        return nullptr;
    if (ref.quantity == MathsQuantity::NodeValue) {
        for (const WorkedFormula& f : forward) {
            if (f.ref == ref)
                return &f;
        }
    } else if (ref.quantity == MathsQuantity::NodeGrad) {
        const int k = backwardStepOf(ref.node);
        if (k >= 0)
            return &backward[k].formula;
    }
    return nullptr;
}

std::optional<WorkedFormula> ExpressionGraph::formulaWithInputs(const MathsRef& ref,
                                                                const MathsLookup& lookup) const {
    if (formulaFor(ref) == nullptr)
        return std::nullopt;
    if (ref.quantity == MathsQuantity::NodeValue)
        return forwardFormula(*this, ref.node, lookup);
    return backwardStep(*this, ref.node, lookup).formula;
}

Dual ExpressionGraph::symbolOf(const MathsRef& ref) const {
    if (ref.node < 0 || ref.node >= static_cast<int>(nodes.size()))
        return Dual(ref.describe());
    if (ref.quantity == MathsQuantity::NodeGrad)
        return gradSymbol(*this, ref.node);
    return nodes[ref.node].symbol;
}

GraphResult buildExpressionGraph(const Expression& expression, const std::vector<VariableValue>& at,
                                 const GraphOptions& options) {
    if (expression.root < 0)
        return fail(-1, "empty expression");
    ExpressionGraph g;
    g.expression = expression;
    g.options = options;
    for (const VariableValue& v : at) {
        bool known = false;
        for (const std::string& name : expression.variables)
            known = known || name == v.name;
        if (!known)
            return fail(-1, v.name + " is not a variable of the expression");
        if (!std::isfinite(v.value))
            return fail(-1, "the value of " + v.name + " is not finite");
    }
    Builder b{expression, g.nodes, {}, std::vector<int>(expression.nodes.size(), -1), {}};
    // Variables first, in order of first appearance, then the rest in evaluation order.
    for (const std::string& name : expression.variables) {
        for (size_t k = 0; k < expression.nodes.size(); ++k) {
            if (expression.nodes[k].op == ExprOp::Variable && expression.nodes[k].name == name) {
                b.add(expression.nodes[k], static_cast<int>(k), {});
                break;
            }
        }
        bool given = false;
        for (const VariableValue& v : at) {
            if (v.name == name) {
                g.at.push_back(v);
                g.nodes.back().value = v.value;
                given = true;
            }
        }
        if (!given)
            return fail(g.nodes.back().id,
                        "no value for the variable " + name + " (give it with " + name + "=…)");
    }
    g.output = b.visit(expression.root);
    for (const GraphNode& n : g.nodes) {
        for (size_t k = 0; k < n.inputs.size(); ++k) {
            g.nodes[n.inputs[k]].users.push_back({n.id, static_cast<int>(k)});
        }
    }
    // The output is the last node unless it is a variable or constant on its own.
    nameNodes(g, b.firstTreeNode);
    if (const auto error = evaluate(g))
        return fail(error->node, error->message);
    computeGradients(g);
    for (const GraphNode& n : g.nodes) {
        if (!std::isfinite(n.grad) && n.dependsOnVariables) {
            return fail(n.id, nodeName(g, n.id) + ": the gradient ∂f/∂" + n.symbol.text +
                                  " is not finite");
        }
    }
    buildFormulas(g);
    GraphResult r;
    r.graph = std::move(g);
    return r;
}

} // namespace bpl
