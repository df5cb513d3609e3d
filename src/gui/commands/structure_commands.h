// Undo commands that reshape the network or replace many numbers at once: add
// or remove a layer or a neuron, set an activation or the loss, initialise the
// weights, apply the update, reset to the file's weights. Each keeps the whole
// state before and after (networks here are small), so undo restores exactly.
// Each class has a static make() that returns nullptr with a reason when the
// core refuses the edit (e.g. removing a layer's last neuron).
#pragma once

#include "core/activation.h"
#include "core/initialization.h"
#include "core/loss.h"
#include "gui/network_document.h"

#include <QUndoCommand>
#include <cstdint>
#include <memory>

namespace bpl::gui {

class SnapshotCommand : public QUndoCommand {
public:
    void undo() override;
    void redo() override;

protected:
    // `positionAfterRedo` / `positionAfterUndo`: where the stepper goes (−1 keeps it).
    SnapshotCommand(NetworkDocument* document, const QString& text, DocumentState after, bool structural,
                    int positionAfterRedo = -1, int positionAfterUndo = -1);

private:
    NetworkDocument* document_;
    DocumentState before_;
    DocumentState after_;
    bool structural_;
    int positionAfterRedo_;
    int positionAfterUndo_;
};

class AddLayerCommand : public SnapshotCommand {
public:
    // A layer of `size` neurons at file position `index` (1 … layerCount).
    static std::unique_ptr<AddLayerCommand> make(NetworkDocument* document, int index, int size,
                                                 ActivationFunction activation, QString* error);

private:
    using SnapshotCommand::SnapshotCommand;
};

class RemoveLayerCommand : public SnapshotCommand {
public:
    static std::unique_ptr<RemoveLayerCommand> make(NetworkDocument* document, int index, QString* error);

private:
    using SnapshotCommand::SnapshotCommand;
};

class AddNeuronCommand : public SnapshotCommand {
public:
    static std::unique_ptr<AddNeuronCommand> make(NetworkDocument* document, int layer, int index, QString* error);

private:
    using SnapshotCommand::SnapshotCommand;
};

class RemoveNeuronCommand : public SnapshotCommand {
public:
    static std::unique_ptr<RemoveNeuronCommand> make(NetworkDocument* document, int layer, int index,
                                                     QString* error);

private:
    using SnapshotCommand::SnapshotCommand;
};

class SetActivationCommand : public SnapshotCommand {
public:
    static std::unique_ptr<SetActivationCommand> make(NetworkDocument* document, int layer,
                                                      ActivationFunction activation, QString* error);

private:
    using SnapshotCommand::SnapshotCommand;
};

// Every hidden layer's activation at once (one undo step).
class SetHiddenActivationsCommand : public SnapshotCommand {
public:
    static std::unique_ptr<SetHiddenActivationsCommand> make(NetworkDocument* document, ActivationFunction activation,
                                                             QString* error);

private:
    using SnapshotCommand::SnapshotCommand;
};

// Every hidden layer two units wide (the same outputs; see core/network_edit.h).
class WidenHiddenLayersCommand : public SnapshotCommand {
public:
    // With `perturbation` > 0 the copies are varied (seeded), and the text says so.
    static std::unique_ptr<WidenHiddenLayersCommand> make(NetworkDocument* document, QString* error,
                                                          double perturbation = 0, std::uint64_t seed = 1);

private:
    using SnapshotCommand::SnapshotCommand;
};

class SetLossCommand : public SnapshotCommand {
public:
    static std::unique_ptr<SetLossCommand> make(NetworkDocument* document, Loss loss, QString* error);

private:
    using SnapshotCommand::SnapshotCommand;
};

class InitializeWeightsCommand : public SnapshotCommand {
public:
    static std::unique_ptr<InitializeWeightsCommand> make(NetworkDocument* document, const InitOptions& options);

private:
    using SnapshotCommand::SnapshotCommand;
};

// Takes the trace's updated weights as the network; the stepper goes back to
// the start, so the next sample pass runs from the new weights.
class ApplyUpdateCommand : public SnapshotCommand {
public:
    static std::unique_ptr<ApplyUpdateCommand> make(NetworkDocument* document);

private:
    using SnapshotCommand::SnapshotCommand;
};

// Edits kept by the autosave of a window that did not close normally, put
// back over the file as one undo step ("Restore unsaved edits").
class RestoreEditsCommand : public SnapshotCommand {
public:
    static std::unique_ptr<RestoreEditsCommand> make(NetworkDocument* document, DocumentState edited);

private:
    using SnapshotCommand::SnapshotCommand;
};

// Back to the weights, biases and sample as loaded or last saved.
class ResetWeightsCommand : public SnapshotCommand {
public:
    static std::unique_ptr<ResetWeightsCommand> make(NetworkDocument* document);

private:
    using SnapshotCommand::SnapshotCommand;
};

} // namespace bpl::gui
