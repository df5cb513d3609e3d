#include "gui/commands/optimizer_commands.h"

#include "core/number_format.h"

namespace bpl::gui {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
QString number(double x) {
    return q(formatNumber(x, 10));
}

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
        return QObject::tr("%1 (β = %2)").arg(name, number(s.beta));
    case OptimizerKind::RmsProp:
        return QObject::tr("%1 (β = %2, ε = %3)")
            .arg(name, number(s.beta), number(s.effectiveEpsilon()));
    case OptimizerKind::Adam:
        return QObject::tr("%1 (β₁ = %2, β₂ = %3%4)")
            .arg(name, number(s.beta1), number(s.beta2),
                 s.biasCorrection ? QString() : QObject::tr(", no bias correction"));
    case OptimizerKind::AdaGrad:
        return QObject::tr("%1 (ε = %2)").arg(name, number(s.effectiveEpsilon()));
    }
    return name;
}

} // namespace bpl::gui
