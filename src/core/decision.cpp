#include "core/decision.h"

#include "core/number_format.h"

#include <Eigen/LU>
#include <cmath>

namespace bpl {

std::optional<ClassDecision> classDecision(const Network& network, const Eigen::VectorXd& output,
                                           const Notation& notation, int precision) {
    const int last = network.lastLayer();
    if (last < 1 || output.size() != network.outputSize())
        return std::nullopt;
    ClassDecision d;
    if (network.layers[last].activation.kind == Activation::Softmax) {
        Eigen::Index best = 0;
        output.maxCoeff(&best);
        d.rule = ClassDecision::Rule::ArgMax;
        d.classes = {static_cast<int>(best) + 1};
        const std::string k = std::to_string(best + 1);
        d.text = Dual("arg max ", "\\operatorname{arg\\,max}\\, ") +
                 notation.output(last, static_cast<int>(best)) + Dual(" = ", " = ") +
                 formatDual(output[best], precision) +
                 Dual(" → class " + k, " \\rightarrow \\text{class } " + k);
        return d;
    }
    if (!network.decisionThreshold)
        return std::nullopt;
    d.threshold = *network.decisionThreshold;
    const Dual theta = formatDual(d.threshold, precision);
    for (Eigen::Index k = 0; k < output.size(); ++k) {
        const bool above = output[k] > d.threshold;
        d.classes.push_back(above ? 1 : 0);
        if (k > 0)
            d.text += Dual("; ", ";\\quad ");
        d.text += notation.output(last, static_cast<int>(k)) + Dual(" = ") +
                  formatDual(output[k], precision) +
                  (above ? Dual(" > ", " > ") : Dual(" ≤ ", " \\le ")) + theta +
                  Dual(std::string(" → class ") + (above ? "1" : "0"),
                       std::string(" \\rightarrow \\text{class } ") + (above ? "1" : "0"));
    }
    return d;
}

std::vector<SoftmaxTie> softmaxTies(const Network& network) {
    std::vector<SoftmaxTie> ties;
    if (network.layerCount() != 2 || network.outputSize() < 2 ||
        network.outputSize() > kMaxSoftmaxTieClasses ||
        network.layers[1].activation.kind != Activation::Softmax)
        return ties;
    const Eigen::MatrixXd& w = network.layers[1].weights;
    const Eigen::VectorXd& b = network.layers[1].bias;
    for (Eigen::Index c = 0; c < w.rows(); ++c) {
        for (Eigen::Index d = c + 1; d < w.rows(); ++d)
            ties.push_back({static_cast<int>(c), static_cast<int>(d),
                            (w.row(c) - w.row(d)).transpose(), b[c] - b[d]});
    }
    return ties;
}

std::string softmaxTieText(const SoftmaxTie& tie, int significantFigures) {
    std::string text =
        "p" + subscript(std::to_string(tie.c)) + " = p" + subscript(std::to_string(tie.d)) + ":";
    bool first = true;
    auto term = [&](double value, const std::string& symbol) {
        const std::string magnitude = formatNumber(std::abs(value), significantFigures);
        if (first)
            text += value < 0 ? " -" : " ";
        else
            text += value < 0 ? " - " : " + ";
        text += magnitude + symbol;
        first = false;
    };
    for (Eigen::Index i = 0; i < tie.normal.size(); ++i)
        term(tie.normal[i], " x" + subscript(std::to_string(i + 1)));
    term(tie.offset, "");
    return text + " = 0";
}

std::optional<Eigen::Vector2d> softmaxThirdPoint(const Network& network) {
    if (network.outputSize() != 3 || network.inputSize() != 2)
        return std::nullopt;
    const std::vector<SoftmaxTie> ties = softmaxTies(network);
    if (ties.size() != 3)
        return std::nullopt;
    // ties[0] is (0,1), ties[1] is (0,2): normal · x = −offset for both.
    Eigen::Matrix2d m;
    m.row(0) = ties[0].normal.transpose();
    m.row(1) = ties[1].normal.transpose();
    const Eigen::Vector2d rhs(-ties[0].offset, -ties[1].offset);
    if (std::abs(m.determinant()) < 1e-12)
        return std::nullopt;
    const Eigen::Vector2d x = m.partialPivLu().solve(rhs);
    if (!x.allFinite())
        return std::nullopt;
    return x;
}

std::string planePointText(const Eigen::Vector2d& x, int significantFigures) {
    return "(" + formatNumber(x[0], significantFigures) + ", " +
           formatNumber(x[1], significantFigures) + ")";
}

std::vector<std::string> softmaxRegionLines(const Network& network, int significantFigures) {
    std::vector<std::string> lines;
    if (const auto point = softmaxThirdPoint(network))
        lines.push_back("⅓ point: x = " + planePointText(*point, significantFigures));
    for (const SoftmaxTie& tie : softmaxTies(network))
        lines.push_back(softmaxTieText(tie, significantFigures));
    return lines;
}

} // namespace bpl
