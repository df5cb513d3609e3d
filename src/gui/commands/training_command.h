// The undo command of the Training tab's "Open in the stepper": a whole
// training run is one step (house style: KDE Step's simulate command). It puts
// a run's weights and biases at one epoch into the document's network, named
// like "Train 200 epochs (adam, η = 0.01)"; undo restores the weights before.
#pragma once

#include "core/training/trainer.h"
#include "gui/commands/structure_commands.h"

namespace bpl::gui {

class TrainWeightsCommand : public SnapshotCommand {
  public:
    // `weights` must have the document network's shapes (NetworkDocument::sameShape).
    TrainWeightsCommand(NetworkDocument* document, const QString& text,
                        const WeightSnapshot& weights);

  private:
    static DocumentState withTrainedWeights(const NetworkDocument* document,
                                            const WeightSnapshot& weights);
};

} // namespace bpl::gui
