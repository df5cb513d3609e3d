#include "gui/network_document.h"

#include <QFileInfo>
#include <algorithm>
#include <QUndoStack>

namespace bpl::gui {

namespace {

// A small valid network so the document is never empty (2 inputs, 2 sigmoid
// hidden units, 1 sigmoid output, half squared error).
Network placeholderNetwork() {
    Network net;
    net.name = "Untitled network";
    Layer input;
    input.size = 2;
    Layer hidden;
    hidden.size = 2;
    hidden.activation.kind = Activation::Sigmoid;
    hidden.weights = (Eigen::MatrixXd(2, 2) << 0.5, -0.5, 0.25, 0.75).finished();
    hidden.bias = Eigen::VectorXd::Zero(2);
    Layer output;
    output.size = 1;
    output.activation.kind = Activation::Sigmoid;
    output.weights = (Eigen::MatrixXd(1, 2) << 1.0, -1.0).finished();
    output.bias = Eigen::VectorXd::Zero(1);
    net.layers = {input, hidden, output};
    net.loss = Loss::HalfSquaredError;
    net.learningRate = 0.5;
    net.sample.input = Eigen::Vector2d(1.0, 0.5);
    net.sample.target = Eigen::VectorXd::Ones(1);
    return net;
}

} // namespace

NetworkDocument::NetworkDocument(QObject* parent) : QObject(parent), undoStack_(new QUndoStack(this)) {
    state_.network = placeholderNetwork();
    state_.optimizerState = zeroOptimizerState(state_.network);
    fileState_ = state_;
    retrace();
    connect(undoStack_, &QUndoStack::cleanChanged, this, &NetworkDocument::fileChanged);
}

NetworkDocument::~NetworkDocument() = default;

void NetworkDocument::load(const io::NetworkDocument& file, const QString& path, const QString& exampleName) {
    undoStack_->clear();
    state_ = DocumentState{file.network, file.original, 0, {}, zeroOptimizerState(file.network)};
    // The file's `training` object names the optimizer; its η stays the network's.
    training_ = file.training;
    if (training_) state_.optimizer = training_->optimizer;
    fileState_ = state_;
    filePath_ = path;
    exampleName_ = exampleName;
    position_ = 0;
    selection_ = Selection{};
    retrace();
    emit structureChanged();
    emit traceChanged();
    emit positionChanged(position_);
    emit selectionChanged();
    emit fileChanged();
}

io::NetworkDocument NetworkDocument::fileDocument() const {
    io::NetworkDocument doc;
    doc.network = state_.network;
    doc.original = state_.original;
    doc.training = training_;
    if (doc.training) {
        const double eta = doc.training->optimizer.learningRate; // < 0: the network's
        doc.training->optimizer = state_.optimizer;
        doc.training->optimizer.learningRate = eta;
    }
    return doc;
}

void NetworkDocument::markSaved(const QString& path) {
    filePath_ = path;
    exampleName_.clear();
    fileState_ = state_;
    fileState_.samplePass = 0;
    undoStack_->setClean();
    emit fileChanged();
}

bool NetworkDocument::isModified() const { return !undoStack_->isClean(); }

QString NetworkDocument::displayName() const {
    if (!exampleName_.isEmpty()) return exampleName_;
    if (!filePath_.isEmpty()) return QFileInfo(filePath_).fileName();
    return tr("Untitled network");
}

void NetworkDocument::setState(const DocumentState& state, bool structural) {
    // A layer added or removed renumbers the layers: the selection goes. Other
    // edits (an activation, a neuron) keep it where it is still valid.
    const bool renumbered = state.network.layerCount() != state_.network.layerCount();
    state_ = state;
    if (renumbered) selection_ = Selection{};
    // A reshaped network starts its optimizer afresh.
    if (!optimizerStateFits(state_.optimizerState, state_.network)) {
        state_.optimizerState = zeroOptimizerState(state_.network);
    }
    retrace();
    if (position_ > lastPosition()) position_ = lastPosition();
    const Selection checked = validSelection(selection_);
    const bool selectionLost = !(checked == selection_);
    selection_ = checked;
    if (structural) emit structureChanged();
    emit traceChanged();
    emit positionChanged(position_);
    if (selectionLost || structural) emit selectionChanged();
}

void NetworkDocument::setNetwork(const Network& network) {
    DocumentState s = state_;
    s.network = network;
    setState(s, false);
}

bool NetworkDocument::sameShape(const Network& a, const Network& b) {
    if (a.layerCount() != b.layerCount()) return false;
    for (int l = 0; l < a.layerCount(); ++l) {
        if (a.layers[l].size != b.layers[l].size) return false;
    }
    return true;
}

const Step* NetworkDocument::currentStep() const {
    if (position_ < 1 || position_ > static_cast<int>(trace_.steps.size())) return nullptr;
    return &trace_.steps[position_ - 1];
}

void NetworkDocument::setPosition(int position) {
    const int clamped = std::clamp(position, 0, lastPosition());
    if (clamped == position_) return;
    position_ = clamped;
    emit positionChanged(position_);
}

void NetworkDocument::setHideCurrentResults(bool hide) {
    if (hide == hideCurrentResults_) return;
    hideCurrentResults_ = hide;
    emit positionChanged(position_); // what is shown at this position changed
}

void NetworkDocument::setHideAllResults(bool hide) {
    if (hide == hideAllResults_) return;
    hideAllResults_ = hide;
    emit positionChanged(position_);
}

int NetworkDocument::forwardEndPosition() const {
    return trace_.firstStepOf(StepKind::Loss) + 1;
}

int NetworkDocument::backwardEndPosition() const {
    return trace_.lastStepOf(StepKind::Gradient) + 1;
}

void NetworkDocument::setTraceOptions(const TraceOptions& options) {
    // The notation is fixed by its id; re-tracing a large network for nothing
    // costs a noticeable moment (the window sets both on start and on opening).
    if (options.notation.id == options_.notation.id && options.precision == options_.precision &&
        options.inputGradient == options_.inputGradient)
        return;
    options_ = options;
    retrace();
    // Without the input gradient's step the trace is one step shorter.
    const bool clamped = position_ > lastPosition();
    if (clamped)
        position_ = lastPosition();
    emit traceChanged();
    if (clamped)
        emit positionChanged(position_);
}

void NetworkDocument::setSelection(const Selection& selection) {
    const Selection s = validSelection(selection);
    if (s == selection_) return;
    selection_ = s;
    emit selectionChanged();
}

void NetworkDocument::retrace() {
    trace_ = traceNetwork(state_.network, options_, state_.optimizer, state_.optimizerState);
}

Selection NetworkDocument::validSelection(const Selection& s) const {
    const Network& net = state_.network;
    if (s.kind == Selection::None) return s;
    if (s.layer < 0 || s.layer >= net.layerCount()) return {};
    if (s.kind == Selection::Layer) return s;
    if (s.neuron < 0 || s.neuron >= net.layers[s.layer].size) return {};
    if (s.kind == Selection::Neuron) return s;
    if (s.layer < 1 || s.source < 0 || s.source >= net.layers[s.layer - 1].size) return {};
    return s;
}

} // namespace bpl::gui
