// The undo step that puts a variant's numbers (an exercise sheet's variant
// code, typed in Check mode) on the canvas, and the one that goes back to the
// exercise: both replace the network's weights, biases and sample as one
// step, so Ctrl+Z undoes them like any edit.
#pragma once

#include "gui/commands/structure_commands.h"

namespace bpl::gui {

class ShowVariantCommand : public SnapshotCommand {
  public:
    // `text`: the edit's name ("Show variant 3-2-1/7F3K", "Back to the exercise").
    static std::unique_ptr<ShowVariantCommand> make(NetworkDocument* document,
                                                    const Network& network, const QString& text);

  private:
    using SnapshotCommand::SnapshotCommand;
};

} // namespace bpl::gui
