#include "core/decision.h"

#include "core/number_format.h"

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

} // namespace bpl
