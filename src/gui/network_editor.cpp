#include "gui/network_editor.h"

#include "io/qt_text.h"
#include "core/network_edit.h"
#include "core/sample_rules.h"
#include "gui/commands/optimizer_commands.h"
#include "gui/commands/parameter_commands.h"
#include "gui/commands/structure_commands.h"
#include "gui/network_document.h"

#include <QUndoStack>
#include <algorithm>

namespace bpl::gui {

namespace {

} // namespace

NetworkEditor::NetworkEditor(NetworkDocument* document, QObject* parent) : QObject(parent), document_(document) {}

bool NetworkEditor::checkValue(const QString& what, double value) {
    const std::string problem = parameterProblem(value);
    if (problem.empty()) return true;
    emit refused(tr("%1 %2").arg(what, q(problem)));
    return false;
}

bool NetworkEditor::setWeight(int layer, int i, int j, double value, bool nudge) {
    const Notation& n = document_->traceOptions().notation;
    if (!checkValue(q(n.weight(layer, i, j).text), value)) return false;
    if (value == document_->network().layers[layer].weights(i, j)) return true;
    document_->undoStack()->push(new SetWeightCommand(document_, layer, i, j, value, nudge));
    return true;
}

bool NetworkEditor::setBias(int layer, int i, double value, bool nudge) {
    const Notation& n = document_->traceOptions().notation;
    if (!checkValue(q(n.bias(layer, i).text), value)) return false;
    if (value == document_->network().layers[layer].bias[i]) return true;
    document_->undoStack()->push(new SetBiasCommand(document_, layer, i, value, nudge));
    return true;
}

bool NetworkEditor::setInput(int i, double value, bool nudge) {
    if (!checkValue(tr("The input"), value)) return false;
    if (value == document_->network().sample.input[i]) return true;
    document_->undoStack()->push(new SetInputCommand(document_, i, value, nudge));
    return true;
}

bool NetworkEditor::setTarget(int i, double value, bool nudge) {
    if (!checkValue(tr("The target"), value)) return false;
    if (value == document_->network().sample.target[i]) return true;
    Eigen::VectorXd target = document_->network().sample.target;
    target[i] = value;
    // The file's rule for the target (core/sample_rules.h), with the same reason.
    if (const std::string problem = targetProblem(document_->network(), target); !problem.empty()) {
        emit refused(q(problem));
        return false;
    }
    document_->undoStack()->push(new SetTargetCommand(document_, i, value, nudge));
    return true;
}

bool NetworkEditor::setOptimizer(const OptimizerSettings& settings, bool nudge) {
    OptimizerSettings checked = settings;
    checked.learningRate = document_->network().learningRate; // η is the network's
    const std::string problem = optimizerProblem(checked);
    if (!problem.empty()) {
        emit refused(q(problem));
        return false;
    }
    const OptimizerSettings& now = document_->state().optimizer;
    if (checked.kind == now.kind && checked.beta == now.beta && checked.beta1 == now.beta1 &&
        checked.beta2 == now.beta2 && checked.epsilon == now.epsilon && checked.biasCorrection == now.biasCorrection) {
        return true;
    }
    document_->undoStack()->push(new SetOptimizerCommand(document_, checked, nudge));
    return true;
}

bool NetworkEditor::setLearningRate(double value, bool nudge) {
    const std::string problem = learningRateProblem(value);
    if (!problem.empty()) {
        emit refused(q(problem));
        return false;
    }
    if (value == document_->network().learningRate) return true;
    document_->undoStack()->push(new SetLearningRateCommand(document_, value, nudge));
    return true;
}

bool NetworkEditor::setSample(const Eigen::VectorXd& input, const Eigen::VectorXd& target) {
    const Network& net = document_->network();
    for (const std::string& problem : {inputProblem(net, input), targetProblem(net, target)}) {
        if (!problem.empty()) {
            emit refused(q(problem));
            return false;
        }
    }
    for (Eigen::Index k = 0; k < input.size(); ++k) {
        if (!checkValue(tr("The input"), input[k])) return false;
    }
    for (Eigen::Index k = 0; k < target.size(); ++k) {
        if (!checkValue(tr("The target"), target[k])) return false;
    }
    if (input == net.sample.input && target == net.sample.target) return true;
    QUndoStack* stack = document_->undoStack();
    stack->beginMacro(tr("Set input and target"));
    for (Eigen::Index k = 0; k < input.size(); ++k) {
        if (input[k] != document_->network().sample.input[k]) stack->push(new SetInputCommand(document_, k, input[k]));
    }
    for (Eigen::Index k = 0; k < target.size(); ++k) {
        if (target[k] != document_->network().sample.target[k]) {
            stack->push(new SetTargetCommand(document_, k, target[k]));
        }
    }
    stack->endMacro();
    return true;
}

bool NetworkEditor::nudgeSelection(double delta) {
    const Selection s = document_->selection();
    const Network& net = document_->network();
    if (s.kind == Selection::Edge) {
        return setWeight(s.layer, s.neuron, s.source, net.layers[s.layer].weights(s.neuron, s.source) + delta, true);
    }
    if (s.kind == Selection::Neuron && s.layer == 0) {
        return setInput(s.neuron, net.sample.input[s.neuron] + delta, true);
    }
    if (s.kind == Selection::Neuron) {
        return setBias(s.layer, s.neuron, net.layers[s.layer].bias[s.neuron] + delta, true);
    }
    return false;
}

template <typename Command> static bool pushOrRefuse(NetworkEditor* editor, NetworkDocument* document,
                                                    std::unique_ptr<Command> command, const QString& error) {
    if (!command) {
        emit editor->refused(error);
        return false;
    }
    document->undoStack()->push(command.release());
    return true;
}

bool NetworkEditor::addLayer(int index, int size, ActivationFunction activation) {
    QString error;
    return pushOrRefuse(this, document_, AddLayerCommand::make(document_, index, size, activation, &error), error);
}

bool NetworkEditor::insertLayerAt(int index) {
    const Network& net = document_->network();
    const int last = net.lastLayer();
    ActivationFunction f;
    f.kind = Activation::Sigmoid;
    if (index > last) f = net.layers[last].activation;               // a new output layer
    else if (index - 1 >= 1) f = net.layers[index - 1].activation;  // after a hidden layer
    else if (index < last) f = net.layers[index].activation;        // before a hidden layer
    if (index <= last && (f.kind == Activation::Softmax || f.kind == Activation::Identity)) {
        f.kind = Activation::Sigmoid;
    }
    const int size = std::max(2, net.layers[std::min(index, last)].size);
    return addLayer(index, size, f);
}

bool NetworkEditor::removeLayer(int index) {
    QString error;
    return pushOrRefuse(this, document_, RemoveLayerCommand::make(document_, index, &error), error);
}

bool NetworkEditor::addNeuron(int layer, int index) {
    QString error;
    return pushOrRefuse(this, document_, AddNeuronCommand::make(document_, layer, index, &error), error);
}

bool NetworkEditor::removeNeuron(int layer, int index) {
    QString error;
    return pushOrRefuse(this, document_, RemoveNeuronCommand::make(document_, layer, index, &error), error);
}

bool NetworkEditor::setActivation(int layer, ActivationFunction activation) {
    const ActivationFunction& current = document_->network().layers[layer].activation;
    if (layer > 0 && current.kind == activation.kind && current.alpha == activation.alpha &&
        current.stepAtZero == activation.stepAtZero) return true;
    QString error;
    return pushOrRefuse(this, document_, SetActivationCommand::make(document_, layer, activation, &error), error);
}

bool NetworkEditor::setLoss(Loss loss) {
    if (loss == document_->network().loss) return true;
    QString error;
    return pushOrRefuse(this, document_, SetLossCommand::make(document_, loss, &error), error);
}

bool NetworkEditor::setHiddenActivations(ActivationFunction activation) {
    QString error;
    return pushOrRefuse(this, document_, SetHiddenActivationsCommand::make(document_, activation, &error), error);
}

bool NetworkEditor::widenHiddenLayers(double perturbation, std::uint64_t seed) {
    QString error;
    return pushOrRefuse(this, document_,
                        WidenHiddenLayersCommand::make(document_, &error, perturbation, seed),
                        error);
}

void NetworkEditor::initializeWeights(const InitOptions& options) {
    document_->undoStack()->push(InitializeWeightsCommand::make(document_, options).release());
}

void NetworkEditor::applyUpdate() {
    document_->undoStack()->push(ApplyUpdateCommand::make(document_).release());
}

void NetworkEditor::resetWeights() {
    document_->undoStack()->push(ResetWeightsCommand::make(document_).release());
}

} // namespace bpl::gui
