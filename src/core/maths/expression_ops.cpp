// The operations of an expression and their local derivatives, stated once
// (expression_graph.h): what the graph, the central differences and the
// checker's recomputations all evaluate.
#include "core/common/message_text.h"
#include "core/maths/expression_graph.h"
#include "core/numerics.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace bpl {

double applyOp(ExprOp op, double a, double b) {
    switch (op) {
    case ExprOp::Constant:
    case ExprOp::Variable:
        return a;
    case ExprOp::Add:
        return a + b;
    case ExprOp::Subtract:
        return a - b;
    case ExprOp::Multiply:
        return a * b;
    case ExprOp::Divide:
        return a / b;
    case ExprOp::Power:
        return std::pow(a, b);
    case ExprOp::Negate:
        return -a;
    case ExprOp::Exp:
        return std::exp(a);
    case ExprOp::Log:
        return a < 0 ? std::numeric_limits<double>::quiet_NaN() : std::log(a);
    case ExprOp::Sqrt:
        return std::sqrt(a);
    case ExprOp::Sin:
        return std::sin(a);
    case ExprOp::Cos:
        return std::cos(a);
    case ExprOp::Tan:
        return std::tan(a);
    case ExprOp::Tanh:
        return std::tanh(a);
    case ExprOp::Sigmoid:
        return sigmoid(a);
    case ExprOp::Relu:
        return a > 0 ? a : 0.0;
    case ExprOp::Abs:
        return std::abs(a);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

double localDerivative(ExprOp op, int slot, double a, double b) {
    switch (op) {
    case ExprOp::Constant:
    case ExprOp::Variable:
        return 0;
    case ExprOp::Add:
        return 1;
    case ExprOp::Subtract:
        return slot == 0 ? 1 : -1;
    case ExprOp::Multiply:
        return slot == 0 ? b : a;
    case ExprOp::Divide:
        return slot == 0 ? 1 / b : -a / (b * b);
    case ExprOp::Power:
        if (slot == 0)
            return b == 0 ? 0.0 : b * std::pow(a, b - 1);
        return a > 0 ? std::pow(a, b) * std::log(a) : std::numeric_limits<double>::quiet_NaN();
    case ExprOp::Negate:
        return -1;
    case ExprOp::Exp:
        return std::exp(a);
    case ExprOp::Log:
        return 1 / a;
    case ExprOp::Sqrt:
        return 1 / (2 * std::sqrt(a));
    case ExprOp::Sin:
        return std::cos(a);
    case ExprOp::Cos:
        return -std::sin(a);
    case ExprOp::Tan: {
        const double t = std::tan(a);
        return 1 + t * t;
    }
    case ExprOp::Tanh: {
        const double t = std::tanh(a);
        return 1 - t * t;
    }
    case ExprOp::Sigmoid: {
        const double s = sigmoid(a);
        return s * (1 - s);
    }
    case ExprOp::Relu:
        return a > 0 ? 1.0 : 0.0; // relu′(0) = 0, as in the activations
    case ExprOp::Abs:
        return a > 0 ? 1.0 : (a < 0 ? -1.0 : 0.0); // |·|′(0) = 0
    }
    return std::numeric_limits<double>::quiet_NaN();
}

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    const auto last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

bool asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool validName(const std::string& name) {
    if (name.empty() || !asciiLetter(name[0]))
        return false;
    for (char c : name) {
        if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '_')
            return false;
    }
    return true;
}

} // namespace

bool parseVariableValues(const std::string& text, std::vector<VariableValue>& out,
                         std::string& error) {
    out.clear();
    if (trimmed(text).empty())
        return true;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos)
            comma = text.size();
        const std::string item = trimmed(text.substr(start, comma - start));
        const auto eq = item.find('=');
        if (eq == std::string::npos) {
            error = quoteExcerpt(item, Quote::Single) + ": expected name=value";
            return false;
        }
        const std::string name = trimmed(item.substr(0, eq));
        std::string value = trimmed(item.substr(eq + 1));
        if (!validName(name)) {
            error = quoteExcerpt(item, Quote::Single) + ": " + quoteExcerpt(name, Quote::Single) +
                    " is not a variable name";
            return false;
        }
        for (const VariableValue& v : out) {
            if (v.name == name) {
                error = excerpt(name) + " is given twice";
                return false;
            }
        }
        if (value.rfind("\u2212", 0) == 0)
            value = "-" + value.substr(3); // a typographic minus
        if (!value.empty() && value[0] == '+')
            value.erase(0, 1);
        double x = 0;
        const auto r = std::from_chars(value.data(), value.data() + value.size(), x);
        if (value.empty() || r.ec != std::errc() || r.ptr != value.data() + value.size()) {
            error = quoteExcerpt(item, Quote::Single) + ": " + quoteExcerpt(value, Quote::Single) +
                    " is not a number";
            return false;
        }
        if (!std::isfinite(x)) {
            error = quoteExcerpt(item, Quote::Single) + ": the value must be finite";
            return false;
        }
        out.push_back({name, x});
        start = comma + 1;
    }
    return true;
}

std::optional<double> evaluateExpression(const Expression& e,
                                         const std::vector<VariableValue>& at) {
    std::vector<double> values(e.nodes.size(), 0.0);
    // Children come before parents in the node list, so one pass in order suffices.
    for (size_t k = 0; k < e.nodes.size(); ++k) {
        const ExprNode& n = e.nodes[k];
        if (n.op == ExprOp::Constant) {
            values[k] = n.number;
        } else if (n.op == ExprOp::Variable) {
            bool found = false;
            for (const VariableValue& v : at) {
                if (v.name == n.name) {
                    values[k] = v.value;
                    found = true;
                }
            }
            if (!found)
                return std::nullopt;
        } else {
            const double a = values[n.args[0]];
            const double b = n.args.size() > 1 ? values[n.args[1]] : 0.0;
            values[k] = applyOp(n.op, a, b);
        }
    }
    if (e.root < 0 || !std::isfinite(values[e.root]))
        return std::nullopt;
    return values[e.root];
}

CentralDifferenceCheck centralDifferenceCheck(const ExpressionGraph& graph) {
    CentralDifferenceCheck check;
    for (size_t k = 0; k < graph.at.size(); ++k) {
        CentralDifference d;
        d.variable = graph.at[k].name;
        d.analytic = graph.gradient(d.variable);
        const double x = graph.at[k].value;
        const double h = 1e-5 * std::max(1.0, std::abs(x));
        bool finite = true;
        auto f = [&](double shifted) {
            std::vector<VariableValue> at = graph.at;
            at[k].value = shifted;
            const auto v = evaluateExpression(graph.expression, at);
            finite = finite && v.has_value();
            return v.value_or(0.0);
        };
        const double coarse = (f(x + h) - f(x - h)) / (2 * h);
        const double fine = (f(x + h / 2) - f(x - h / 2)) / h;
        d.numeric = (4 * fine - coarse) / 3; // one Richardson step: error O(h⁴)
        const double scale = std::max({1.0, std::abs(d.analytic), std::abs(d.numeric)});
        d.relativeError = finite ? std::abs(d.analytic - d.numeric) / scale
                                 : std::numeric_limits<double>::infinity();
        check.maxRelativeError = std::max(check.maxRelativeError, d.relativeError);
        check.agrees = check.agrees && finite && d.relativeError <= 1e-6;
        check.entries.push_back(d);
    }
    return check;
}

} // namespace bpl
