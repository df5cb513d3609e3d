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

std::string formatVector(const Eigen::VectorXd& v, int significantFigures) {
    std::string s = "(";
    for (Eigen::Index k = 0; k < v.size(); ++k)
        s += (k > 0 ? ", " : "") + formatNumber(v[k], significantFigures);
    return s + ")";
}

std::string formatMatrix(const Eigen::MatrixXd& m, int significantFigures) {
    std::string s = "[";
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        s += i > 0 ? ", [" : "[";
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            s += (j > 0 ? ", " : "") + formatNumber(m(i, j), significantFigures);
        s += "]";
    }
    return s + "]";
}

} // namespace bpl
