// The undo command that sets the stepper's optimizer (SGD, momentum, RMSProp,
// Adam, AdaGrad and their β, ε, bias correction): a document setting like the
// learning rate. It zeroes the optimizer's state (m, v, t), and undo puts the
// previous setting and state back. Nudges of a β with the arrow keys merge.
#pragma once

#include "gui/network_document.h"

#include <QUndoCommand>

namespace bpl::gui {

enum { SetOptimizerId = 100 };

class SetOptimizerCommand : public QUndoCommand {
  public:
    SetOptimizerCommand(NetworkDocument* document, const OptimizerSettings& settings,
                        bool nudge = false);

    void undo() override;
    void redo() override;
    int id() const override { return SetOptimizerId; }
    bool mergeWith(const QUndoCommand* other) override;

    // "Adam (β₁ = 0.9, β₂ = 0.999)": for the command's name and the inspector.
    static QString describe(const OptimizerSettings& settings);

  private:
    NetworkDocument* document_;
    DocumentState before_;
    DocumentState after_;
    bool nudge_;
};

} // namespace bpl::gui
