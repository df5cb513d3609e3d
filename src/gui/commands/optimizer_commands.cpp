#include "gui/commands/optimizer_commands.h"

#include "gui/commands/command_text.h"
#include "io/qt_text.h"
#include "core/number_format.h"

namespace bpl::gui {

namespace {

} // namespace

SetOptimizerCommand::SetOptimizerCommand(NetworkDocument* document,
                                         const OptimizerSettings& settings, bool nudge)
    : document_(document), before_(document->state()), after_(document->state()), nudge_(nudge) {
    after_.optimizer = settings;
    after_.optimizerState = zeroOptimizerState(after_.network);
    setText(QObject::tr("Set optimizer to %1").arg(describe(settings)));
}

void SetOptimizerCommand::undo() {
    document_->setState(before_, false);
}

void SetOptimizerCommand::redo() {
    document_->setState(after_, false);
}

bool SetOptimizerCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const SetOptimizerCommand*>(other);
    if (!next || !nudge_ || !next->nudge_ || next->after_.optimizer.kind != after_.optimizer.kind)
        return false;
    after_ = next->after_;
    setText(next->text());
    return true;
}

QString SetOptimizerCommand::describe(const OptimizerSettings& s) {
    const QString name = q(optimizerTitle(s.kind));
    switch (s.kind) {
    case OptimizerKind::Sgd:
        return name;
    case OptimizerKind::Momentum:
        return QObject::tr("%1 (β = %2)").arg(name, undoNumber(s.beta));
    case OptimizerKind::RmsProp:
        return QObject::tr("%1 (β = %2, ε = %3)")
            .arg(name, undoNumber(s.beta), undoNumber(s.effectiveEpsilon()));
    case OptimizerKind::Adam:
        return QObject::tr("%1 (β₁ = %2, β₂ = %3%4)")
            .arg(name, undoNumber(s.beta1), undoNumber(s.beta2),
                 s.biasCorrection ? QString() : QObject::tr(", no bias correction"));
    case OptimizerKind::AdaGrad:
        return QObject::tr("%1 (ε = %2)").arg(name, undoNumber(s.effectiveEpsilon()));
    }
    return name;
}

} // namespace bpl::gui
