#include "gui/check/show_variant_command.h"

#include "core/training/optimizer.h"

namespace bpl::gui {

std::unique_ptr<ShowVariantCommand>
ShowVariantCommand::make(NetworkDocument* document, const Network& network, const QString& text) {
    DocumentState after = document->state();
    after.network = network;
    after.samplePass = 0;
    after.optimizerState = zeroOptimizerState(network);
    const bool structural = !NetworkDocument::sameShape(network, document->network());
    // The stepper stays where the student is, so the fields shown stay the same.
    return std::unique_ptr<ShowVariantCommand>(
        new ShowVariantCommand(document, text, std::move(after), structural));
}

} // namespace bpl::gui
