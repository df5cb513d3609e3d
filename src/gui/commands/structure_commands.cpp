#include "gui/commands/structure_commands.h"

#include "core/network_edit.h"
#include "core/number_format.h"
#include "io/qt_text.h"

#include <QJsonArray>

namespace bpl::gui {

namespace {

int shown(const NetworkDocument* d, int layer) { return d->traceOptions().notation.displayLayer(layer); }

// The file's per-layer JSON follows an inserted or removed layer, so unknown
// keys stay with the layer they belong to.
QJsonObject withLayerInserted(QJsonObject original, int index) {
    QJsonArray layers = original.value("layers").toArray();
    if (index <= layers.size()) layers.insert(index, QJsonObject{});
    original["layers"] = layers;
    return original;
}

QJsonObject withLayerRemoved(QJsonObject original, int index) {
    QJsonArray layers = original.value("layers").toArray();
    if (index < layers.size()) layers.removeAt(index);
    original["layers"] = layers;
    return original;
}

// Fills `after` from an edit result, or sets the error and returns false.
bool take(const Result<Network>& edited, const NetworkDocument* document, DocumentState& after, QString* error) {
    if (!edited.ok()) {
        if (error) *error = q(edited.error().reason);
        return false;
    }
    after = document->state();
    after.network = edited.value();
    return true;
}

QString activationUndoName(Activation a) { return q(activationName(a)); }

} // namespace

SnapshotCommand::SnapshotCommand(NetworkDocument* document, const QString& text, DocumentState after,
                                 bool structural, int positionAfterRedo, int positionAfterUndo)
    : QUndoCommand(text), document_(document), before_(document->state()), after_(std::move(after)),
      structural_(structural), positionAfterRedo_(positionAfterRedo), positionAfterUndo_(positionAfterUndo) {}

void SnapshotCommand::undo() {
    document_->setState(before_, structural_);
    if (positionAfterUndo_ >= 0) document_->setPosition(positionAfterUndo_);
}

void SnapshotCommand::redo() {
    document_->setState(after_, structural_);
    if (positionAfterRedo_ >= 0) document_->setPosition(positionAfterRedo_);
}

std::unique_ptr<AddLayerCommand> AddLayerCommand::make(NetworkDocument* document, int index, int size,
                                                       ActivationFunction activation, QString* error) {
    DocumentState after;
    if (!take(insertLayer(document->network(), index, size, activation), document, after, error)) return nullptr;
    after.original = withLayerInserted(after.original, index);
    const QString text = QObject::tr("Add %1 layer %2").arg(activationUndoName(activation.kind)).arg(shown(document, index));
    return std::unique_ptr<AddLayerCommand>(new AddLayerCommand(document, text, after, true));
}

std::unique_ptr<RemoveLayerCommand> RemoveLayerCommand::make(NetworkDocument* document, int index, QString* error) {
    DocumentState after;
    if (!take(removeLayer(document->network(), index), document, after, error)) return nullptr;
    after.original = withLayerRemoved(after.original, index);
    const QString text = QObject::tr("Remove layer %1").arg(shown(document, index));
    return std::unique_ptr<RemoveLayerCommand>(new RemoveLayerCommand(document, text, after, true));
}

std::unique_ptr<AddNeuronCommand> AddNeuronCommand::make(NetworkDocument* document, int layer, int index,
                                                         QString* error) {
    DocumentState after;
    if (!take(insertNeuron(document->network(), layer, index), document, after, error)) return nullptr;
    const QString text = QObject::tr("Add neuron %1 to layer %2").arg(index + 1).arg(shown(document, layer));
    return std::unique_ptr<AddNeuronCommand>(new AddNeuronCommand(document, text, after, true));
}

std::unique_ptr<RemoveNeuronCommand> RemoveNeuronCommand::make(NetworkDocument* document, int layer, int index,
                                                               QString* error) {
    DocumentState after;
    if (!take(removeNeuron(document->network(), layer, index), document, after, error)) return nullptr;
    const QString text = QObject::tr("Remove neuron %1 of layer %2").arg(index + 1).arg(shown(document, layer));
    return std::unique_ptr<RemoveNeuronCommand>(new RemoveNeuronCommand(document, text, after, true));
}

std::unique_ptr<SetActivationCommand> SetActivationCommand::make(NetworkDocument* document, int layer,
                                                                 ActivationFunction activation, QString* error) {
    DocumentState after;
    if (!take(setActivation(document->network(), layer, activation), document, after, error)) return nullptr;
    const ActivationFunction& before = document->network().layers[layer].activation;
    QString text = before.kind == activation.kind && before.stepAtZero != activation.stepAtZero
                       ? QObject::tr("Set U(0) = %1 on layer %2").arg(int(activation.stepAtZero)).arg(shown(document, layer))
                       : QObject::tr("Set layer %1 activation to %2").arg(shown(document, layer)).arg(activationUndoName(activation.kind));
    if (after.network.loss != document->network().loss) {
        text += QObject::tr(" (loss → %1)").arg(q(lossName(after.network.loss)));
    }
    return std::unique_ptr<SetActivationCommand>(new SetActivationCommand(document, text, after, true));
}

std::unique_ptr<SetHiddenActivationsCommand> SetHiddenActivationsCommand::make(NetworkDocument* document,
                                                                               ActivationFunction activation,
                                                                               QString* error) {
    DocumentState after;
    if (!take(setHiddenActivations(document->network(), activation), document, after, error)) return nullptr;
    const QString text = QObject::tr("Set every hidden layer's activation to %1").arg(activationUndoName(activation.kind));
    return std::unique_ptr<SetHiddenActivationsCommand>(new SetHiddenActivationsCommand(document, text, after, true));
}

std::unique_ptr<WidenHiddenLayersCommand> WidenHiddenLayersCommand::make(NetworkDocument* document,
                                                                         QString* error,
                                                                         double perturbation,
                                                                         std::uint64_t seed) {
    DocumentState after;
    if (!take(widenHiddenLayers(document->network(), 2, perturbation, seed), document, after,
              error))
        return nullptr;
    QString text = QObject::tr("Make the hidden layers two units wide");
    if (perturbation > 0)
        text += QObject::tr(" (copies ±%1 %, seed %2)")
                    .arg(QString::fromStdString(formatNumber(100 * perturbation, 3)))
                    .arg(seed);
    return std::unique_ptr<WidenHiddenLayersCommand>(
        new WidenHiddenLayersCommand(document, text, after, true));
}

std::unique_ptr<SetLossCommand> SetLossCommand::make(NetworkDocument* document, Loss loss, QString* error) {
    DocumentState after;
    if (!take(setLoss(document->network(), loss), document, after, error)) return nullptr;
    QString text = QObject::tr("Set loss to %1").arg(q(lossName(loss)));
    const Activation before = document->network().layers.back().activation.kind;
    const Activation now = after.network.layers.back().activation.kind;
    if (before != now) text += QObject::tr(" (output → %1)").arg(activationUndoName(now));
    return std::unique_ptr<SetLossCommand>(new SetLossCommand(document, text, after, true));
}

std::unique_ptr<InitializeWeightsCommand> InitializeWeightsCommand::make(NetworkDocument* document,
                                                                         const InitOptions& options) {
    DocumentState after = document->state();
    after.network = initializeWeights(document->network(), options);
    after.samplePass = 0;
    after.optimizerState = zeroOptimizerState(after.network);
    QString text = QObject::tr("Initialise weights: %1").arg(q(initSchemeTitle(options.scheme)));
    if (options.scheme != InitScheme::Zero) text += QObject::tr(", seed %1").arg(options.seed);
    return std::unique_ptr<InitializeWeightsCommand>(
        new InitializeWeightsCommand(document, text, after, false, 0, document->position()));
}

std::unique_ptr<ApplyUpdateCommand> ApplyUpdateCommand::make(NetworkDocument* document) {
    DocumentState after = document->state();
    after.network = document->trace().updated;
    after.samplePass += 1;
    if (document->trace().optimizer) after.optimizerState = document->trace().optimizerAfter;
    const QString text = QObject::tr("Apply update (sample pass %1)").arg(after.samplePass);
    return std::unique_ptr<ApplyUpdateCommand>(
        new ApplyUpdateCommand(document, text, after, false, 0, document->position()));
}

std::unique_ptr<RestoreEditsCommand> RestoreEditsCommand::make(NetworkDocument* document, DocumentState edited) {
    const bool structural = !NetworkDocument::sameShape(edited.network, document->network());
    return std::unique_ptr<RestoreEditsCommand>(new RestoreEditsCommand(
        document, QObject::tr("Restore unsaved edits"), std::move(edited), structural, 0, 0));
}

std::unique_ptr<ResetWeightsCommand> ResetWeightsCommand::make(NetworkDocument* document) {
    DocumentState after = document->fileState();
    after.samplePass = 0;
    after.optimizer = document->state().optimizer; // a setting, not a weight: it stays
    after.optimizerState = zeroOptimizerState(after.network);
    const bool structural = !NetworkDocument::sameShape(after.network, document->network());
    return std::unique_ptr<ResetWeightsCommand>(new ResetWeightsCommand(
        document, QObject::tr("Reset to the file's weights"), after, structural, 0, document->position()));
}

} // namespace bpl::gui
