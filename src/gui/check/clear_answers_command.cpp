#include "gui/check/clear_answers_command.h"

#include <QCoreApplication>

namespace bpl::gui {

ClearAnswersCommand::ClearAnswersCommand(CheckSession* session)
    : session_(session), saved_(session->saved()) {
    setText(QCoreApplication::translate("ClearAnswersCommand", "Clear answers"));
}

void ClearAnswersCommand::redo() {
    session_->clear();
}

void ClearAnswersCommand::undo() {
    session_->restore(*saved_);
}

} // namespace bpl::gui
