// The open network as the GUI sees it: the Network and the JSON it came from,
// the undo stack of edits, the trace (re-run on every change with the chosen
// notation and precision), the stepper position and the selection. Views read
// from it and repaint on its signals; only undo commands change the network.
#pragma once

#include "core/network.h"
#include "core/trace.h"
#include "io/network_file.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

class QUndoStack;

namespace bpl::gui {

// What is selected on the canvas (and shown in the inspector).
struct Selection {
    enum Kind { None, Layer, Neuron, Edge };
    Kind kind = None;
    int layer = -1;  // file numbering
    int neuron = -1; // neuron of `layer`; for an edge the neuron the weight enters
    int source = -1; // for an edge: the neuron of layer − 1 the weight leaves

    static Selection ofLayer(int l) { return {Layer, l, -1, -1}; }
    static Selection ofNeuron(int l, int i) { return {Neuron, l, i, -1}; }
    static Selection ofEdge(int l, int i, int j) { return {Edge, l, i, j}; }
    friend bool operator==(const Selection& a, const Selection& b) {
        return a.kind == b.kind && a.layer == b.layer && a.neuron == b.neuron && a.source == b.source;
    }
};

// Everything an undo command needs to put back exactly.
struct DocumentState {
    Network network;
    QJsonObject original; // the file's JSON, so unknown keys follow their layer
    int samplePass = 0;   // updates applied since the file's weights
    // The stepper's update rule (its learning rate is the network's) and its
    // m, v, t after the updates applied so far: Apply update carries the state,
    // Reset, initialising and changing the optimizer zero it.
    OptimizerSettings optimizer;
    OptimizerState optimizerState;
};

class NetworkDocument : public QObject {
    Q_OBJECT
public:
    explicit NetworkDocument(QObject* parent = nullptr);
    ~NetworkDocument() override;

    // A freshly loaded file (or example, when `exampleName` is given): clears
    // the undo history and goes to the start of the trace.
    void load(const io::NetworkDocument& file, const QString& path, const QString& exampleName = {});
    // The network and its JSON, ready for io::saveNetwork.
    io::NetworkDocument fileDocument() const;
    // After a successful save (to `path`): the document is clean and named.
    void markSaved(const QString& path);

    QString filePath() const { return filePath_; }
    QString exampleName() const { return exampleName_; }
    bool isUntitled() const { return filePath_.isEmpty(); }
    bool isModified() const;
    // "name.json" or the example's name, for the window title.
    QString displayName() const;

    const Network& network() const { return state_.network; }
    const DocumentState& state() const { return state_; }
    // The state as loaded or last saved, for "Reset to the file's weights".
    const DocumentState& fileState() const { return fileState_; }
    const Trace& trace() const { return trace_; }
    QUndoStack* undoStack() const { return undoStack_; }
    int samplePass() const { return state_.samplePass; }

    // Used by undo commands only. Values-only changes keep the canvas items;
    // structural ones rebuild them.
    void setState(const DocumentState& state, bool structural);
    void setNetwork(const Network& network);
    // True when the two networks have the same layer sizes.
    static bool sameShape(const Network& a, const Network& b);

    // Stepper: position 0 is the start (the network and its input); position p
    // ≥ 1 is trace().steps[p − 1].
    int position() const { return position_; }
    int positionCount() const { return static_cast<int>(trace_.steps.size()) + 1; }
    int lastPosition() const { return positionCount() - 1; }
    const Step* currentStep() const;
    void setPosition(int position);
    // The position right after the loss (the forward pass is complete), after
    // the last gradient (the backward pass is complete) and after the update.
    int forwardEndPosition() const;
    int backwardEndPosition() const;
    int updateEndPosition() const { return lastPosition(); }

    // Notation and precision of every formula and number shown.
    const TraceOptions& traceOptions() const { return options_; }
    void setTraceOptions(const TraceOptions& options);

    const Selection& selection() const { return selection_; }
    void setSelection(const Selection& selection);

    // Check mode: views show only what was known before the current step
    // (checkingDisplay), so they do not give the student's answers away.
    bool hidesCurrentResults() const { return hideCurrentResults_; }
    void setHideCurrentResults(bool hide);
    // Check mode with every step's fields shown: while it hides results, the
    // views show nothing computed at all (uncheckedDisplay), whatever the position.
    bool hidesAllResults() const { return hideCurrentResults_ && hideAllResults_; }
    void setHideAllResults(bool hide);

signals:
    void structureChanged();      // layers or neuron counts changed: rebuild items
    void traceChanged();          // values changed (after structureChanged when both)
    void positionChanged(int position);
    void selectionChanged();
    void fileChanged();           // path, name or modified flag

private:
    void retrace();
    Selection validSelection(const Selection& s) const;

    DocumentState state_;
    DocumentState fileState_;
    std::optional<TrainingSetup> training_; // the file's `training` object, kept for saving
    Trace trace_;
    TraceOptions options_;
    QUndoStack* undoStack_;
    QString filePath_;
    QString exampleName_;
    int position_ = 0;
    Selection selection_;
    bool hideCurrentResults_ = false;
    bool hideAllResults_ = false;
};

} // namespace bpl::gui
