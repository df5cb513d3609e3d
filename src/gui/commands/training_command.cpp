#include "gui/commands/training_command.h"

namespace bpl::gui {

TrainWeightsCommand::TrainWeightsCommand(NetworkDocument* document, const QString& text,
                                         const WeightSnapshot& weights)
    : SnapshotCommand(document, text, withTrainedWeights(document, weights), false, 0,
                      document->position()) {}

DocumentState TrainWeightsCommand::withTrainedWeights(const NetworkDocument* document,
                                                      const WeightSnapshot& weights) {
    DocumentState after = document->state();
    // The sample, the loss and everything else stay; only W⁽ˡ⁾ and b⁽ˡ⁾ change.
    after.network = withWeights(after.network, weights);
    after.samplePass = 0;
    return after;
}

} // namespace bpl::gui
