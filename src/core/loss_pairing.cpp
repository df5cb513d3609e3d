#include "core/loss_pairing.h"

namespace bpl {

std::optional<LossOutputMismatch> lossOutputMismatch(Loss loss, Activation output) {
    if (output == Activation::Softmax && loss != Loss::CrossEntropy) {
        return LossOutputMismatch{
            true, "a softmax output layer needs the cross_entropy loss, found " + lossName(loss)};
    }
    if (loss == Loss::BinaryCrossEntropy && output != Activation::Sigmoid) {
        return LossOutputMismatch{false, "binary_cross_entropy needs sigmoid outputs, found " +
                                             activationName(output)};
    }
    if (loss == Loss::CrossEntropy && output != Activation::Softmax &&
        output != Activation::Sigmoid) {
        return LossOutputMismatch{false,
                                  "cross_entropy needs softmax (or sigmoid) outputs, found " +
                                      activationName(output)};
    }
    return std::nullopt;
}

Loss compatibleLossFor(Loss current, Activation output) {
    if (output == Activation::Softmax)
        return Loss::CrossEntropy;
    if (lossOutputMismatch(current, output))
        return Loss::HalfSquaredError;
    return current;
}

} // namespace bpl
