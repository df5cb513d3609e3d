#include "gui/commands/parameter_commands.h"

#include "gui/commands/command_text.h"
#include "io/qt_text.h"
#include "core/number_format.h"
#include "gui/network_document.h"

namespace bpl::gui {

namespace {

const Notation& notationOf(const NetworkDocument* d) { return d->traceOptions().notation; }

} // namespace

double parameterValue(const NetworkDocument* document, const ParameterRef& ref) {
    const Network& net = document->network();
    switch (ref.kind) {
    case ParameterRef::Weight: return net.layers[ref.layer].weights(ref.i, ref.j);
    case ParameterRef::Bias: return net.layers[ref.layer].bias[ref.i];
    case ParameterRef::Input: return net.sample.input[ref.i];
    case ParameterRef::Target: return net.sample.target[ref.i];
    case ParameterRef::LearningRate: return net.learningRate;
    }
    return 0;
}

ParameterCommand::ParameterCommand(NetworkDocument* document, const ParameterRef& ref, double value, bool nudge)
    : document_(document), ref_(ref), oldValue_(parameterValue(document, ref)), newValue_(value), nudge_(nudge) {}

void ParameterCommand::undo() { apply(oldValue_); }

void ParameterCommand::redo() { apply(newValue_); }

bool ParameterCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const ParameterCommand*>(other);
    if (!next || next->id() != id() || !(next->ref_ == ref_) || !nudge_ || !next->nudge_) return false;
    newValue_ = next->newValue_;
    rename();
    return true;
}

void ParameterCommand::apply(double value) {
    Network net = document_->network();
    switch (ref_.kind) {
    case ParameterRef::Weight: net.layers[ref_.layer].weights(ref_.i, ref_.j) = value; break;
    case ParameterRef::Bias: net.layers[ref_.layer].bias[ref_.i] = value; break;
    case ParameterRef::Input: net.sample.input[ref_.i] = value; break;
    case ParameterRef::Target: net.sample.target[ref_.i] = value; break;
    case ParameterRef::LearningRate: net.learningRate = value; break;
    }
    document_->setNetwork(net);
}

SetWeightCommand::SetWeightCommand(NetworkDocument* document, int layer, int i, int j, double value, bool nudge)
    : ParameterCommand(document, {ParameterRef::Weight, layer, i, j}, value, nudge) {
    rename();
}

QString SetWeightCommand::describe(double value) const {
    const ParameterRef& r = ref();
    return QObject::tr("Set %1 to %2").arg(q(notationOf(document_).weight(r.layer, r.i, r.j).text), undoNumber(value));
}

SetBiasCommand::SetBiasCommand(NetworkDocument* document, int layer, int i, double value, bool nudge)
    : ParameterCommand(document, {ParameterRef::Bias, layer, i, 0}, value, nudge) {
    rename();
}

QString SetBiasCommand::describe(double value) const {
    const ParameterRef& r = ref();
    return QObject::tr("Set %1 to %2").arg(q(notationOf(document_).bias(r.layer, r.i).text), undoNumber(value));
}

SetInputCommand::SetInputCommand(NetworkDocument* document, int i, double value, bool nudge)
    : ParameterCommand(document, {ParameterRef::Input, 0, i, 0}, value, nudge) {
    rename();
}

QString SetInputCommand::describe(double value) const {
    return QObject::tr("Set input %1 to %2").arg(q(notationOf(document_).activation(0, ref().i).text), undoNumber(value));
}

SetTargetCommand::SetTargetCommand(NetworkDocument* document, int i, double value, bool nudge)
    : ParameterCommand(document, {ParameterRef::Target, 0, i, 0}, value, nudge) {
    rename();
}

QString SetTargetCommand::describe(double value) const {
    return QObject::tr("Set target %1 to %2").arg(q(notationOf(document_).target(ref().i).text), undoNumber(value));
}

SetLearningRateCommand::SetLearningRateCommand(NetworkDocument* document, double value, bool nudge)
    : ParameterCommand(document, {ParameterRef::LearningRate, 0, 0, 0}, value, nudge) {
    rename();
}

QString SetLearningRateCommand::describe(double value) const {
    return QObject::tr("Set learning rate η to %1").arg(undoNumber(value));
}

} // namespace bpl::gui
