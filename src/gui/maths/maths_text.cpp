#include "gui/maths/maths_text.h"

#include "core/number_format.h"

namespace bpl::gui {

QString activationDisplayName(Activation activation) {
    switch (activation) {
    case Activation::Identity:
        return QStringLiteral("identity");
    case Activation::Sigmoid:
        return QStringLiteral("σ");
    case Activation::Tanh:
        return QStringLiteral("tanh");
    case Activation::Relu:
        return QStringLiteral("ReLU");
    case Activation::LeakyRelu:
        return QStringLiteral("leaky ReLU");
    case Activation::Step:
        return QStringLiteral("U");
    case Activation::Softmax:
        return QStringLiteral("softmax₁");
    }
    return {};
}

QString mathsNumber(double x, int significantFigures) {
    return QString::fromStdString(formatNumber(x, significantFigures));
}

} // namespace bpl::gui
