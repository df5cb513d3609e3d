// The one home of the rule which output activation each loss needs: the file
// loader, the network's structural check and the editor's automatic loss
// switch all ask here.
//   softmax output        → cross_entropy only
//   binary_cross_entropy  → sigmoid outputs (each in (0, 1))
//   cross_entropy         → softmax (or sigmoid) outputs
#pragma once

#include "core/activation.h"
#include "core/loss.h"

#include <optional>
#include <string>

namespace bpl {

struct LossOutputMismatch {
    bool blamesLoss =
        false;          // the loss is what must change (softmax outputs), else the output layer
    std::string reason; // "binary_cross_entropy needs sigmoid outputs, found relu"
};

// nullopt when `loss` may follow an output layer of `output`.
std::optional<LossOutputMismatch> lossOutputMismatch(Loss loss, Activation output);

// The loss to switch to when the output becomes `output` (the current one when it still fits).
Loss compatibleLossFor(Loss current, Activation output);

} // namespace bpl
