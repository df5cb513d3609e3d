// The undo step of Check mode's Clear answers: one click removes every answer
// typed or opened (a student's whole sheet), so Ctrl+Z must bring them back.
// It lives on the document's undo stack, beside the network's edits.
#pragma once

#include "gui/check/check_session.h"

#include <QUndoCommand>
#include <memory>

namespace bpl::gui {

class ClearAnswersCommand : public QUndoCommand {
  public:
    explicit ClearAnswersCommand(CheckSession* session);
    void redo() override;
    void undo() override;

  private:
    CheckSession* session_;
    std::shared_ptr<const CheckSession::Saved> saved_;
};

} // namespace bpl::gui
