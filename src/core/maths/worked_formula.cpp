#include "core/maths/worked_formula.h"

namespace bpl {

namespace {

struct QuantityName {
    MathsQuantity quantity;
    const char* key;
};

constexpr QuantityName kNames[] = {
    {MathsQuantity::NodeValue, "value"},          {MathsQuantity::NodeGrad, "grad"},
    {MathsQuantity::ConvOutput, "output"},        {MathsQuantity::ConvGradFilter, "grad_filter"},
    {MathsQuantity::ConvGradInput, "grad_input"},
};

} // namespace

std::string mathsQuantityKey(MathsQuantity q) {
    for (const QuantityName& n : kNames) {
        if (n.quantity == q)
            return n.key;
    }
    return "value";
}

bool mathsQuantityFromKey(const std::string& key, MathsQuantity& out) {
    for (const QuantityName& n : kNames) {
        if (key == n.key) {
            out = n.quantity;
            return true;
        }
    }
    return false;
}

std::string MathsRef::describe() const {
    if (quantity == MathsQuantity::NodeValue || quantity == MathsQuantity::NodeGrad) {
        return mathsQuantityKey(quantity) + " of node " + std::to_string(node);
    }
    return mathsQuantityKey(quantity) + "[" + std::to_string(row + 1) + "," +
           std::to_string(col + 1) + "]";
}

Dual WorkedFormula::line() const {
    Dual out = lhs;
    const Dual eq(" = ", " = ");
    if (!symbolic.text.empty())
        out += eq + symbolic;
    if (!substituted.text.empty() && substituted.text != symbolic.text &&
        substituted.text != result.text) {
        out += eq + substituted;
    }
    return out + eq + result;
}

} // namespace bpl
