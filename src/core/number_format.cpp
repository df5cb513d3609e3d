#include "core/number_format.h"

#include "core/common/number_text.h"

namespace bpl {

std::string formatNumber(double x, int significantFigures) {
    return numberText(x, significantFigures);
}

Dual formatDual(double x, int significantFigures) {
    const std::string text = formatNumber(x, significantFigures);
    const auto e = text.find('e');
    if (e == std::string::npos) {
        return Dual(text, text);
    }
    const std::string mantissa = text.substr(0, e);
    const int exponent = std::stoi(text.substr(e + 1));
    return Dual(text, mantissa + " \\times 10^{" + std::to_string(exponent) + "}");
}

Dual formatFactor(double x, int significantFigures) {
    Dual d = formatDual(x, significantFigures);
    if (!d.text.empty() && d.text[0] == '-') {
        return Dual("(" + d.text + ")", "(" + d.latex + ")");
    }
    return d;
}

} // namespace bpl
