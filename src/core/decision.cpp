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

std::optional<Eigen::Vector2d> softmaxThirdPoint(const Network& network) {
    if (network.layerCount() != 2 || network.outputSize() != 3 || network.inputSize() != 2 ||
        network.layers[1].activation.kind != Activation::Softmax)
        return std::nullopt;
    const Eigen::MatrixXd& w = network.layers[1].weights;
    const Eigen::VectorXd& b = network.layers[1].bias;
    Eigen::Matrix2d m;
    m.row(0) = w.row(0) - w.row(1);
    m.row(1) = w.row(0) - w.row(2);
    const Eigen::Vector2d rhs(b[1] - b[0], b[2] - b[0]);
    if (std::abs(m.determinant()) < 1e-12)
        return std::nullopt;
    const Eigen::Vector2d x = m.partialPivLu().solve(rhs);
    if (!x.allFinite())
        return std::nullopt;
    return x;
}

} // namespace bpl
