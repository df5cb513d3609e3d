// The one door through which the inspector, the canvas and the menus edit the
// network: each method checks the value, builds the matching undo command and
// pushes it onto the document's undo stack. A refused edit changes nothing and
// emits refused() with the reason, for the status bar.
#pragma once

#include "core/activation.h"
#include "core/initialization.h"
#include "core/loss.h"
#include "core/training/optimizer.h"

#include <Eigen/Dense>
#include <QObject>

#include <cstdint>

namespace bpl::gui {

class NetworkDocument;

class NetworkEditor : public QObject {
    Q_OBJECT
public:
    explicit NetworkEditor(NetworkDocument* document, QObject* parent = nullptr);

    NetworkDocument* document() const { return document_; }

    // `nudge`: an arrow-key step; consecutive nudges of one value merge into one undo step.
    bool setWeight(int layer, int i, int j, double value, bool nudge = false);
    bool setBias(int layer, int i, double value, bool nudge = false);
    bool setInput(int i, double value, bool nudge = false);
    bool setTarget(int i, double value, bool nudge = false);
    bool setLearningRate(double value, bool nudge = false);
    // The stepper's optimizer (zeroes its state); `nudge` merges arrow-key steps of a β.
    bool setOptimizer(const OptimizerSettings& settings, bool nudge = false);
    // Input vector and target together, as one undo step.
    bool setSample(const Eigen::VectorXd& input, const Eigen::VectorXd& target);
    // Nudges the selected weight, bias or input by `delta`.
    bool nudgeSelection(double delta);

    bool addLayer(int index, int size, ActivationFunction activation);
    // A layer at `index` shaped like its neighbours: as wide as the layer it
    // goes before (at least 2), with the activation of the hidden layers
    // (sigmoid where that would be softmax or identity).
    bool insertLayerAt(int index);
    bool removeLayer(int index);
    bool addNeuron(int layer, int index);
    bool removeNeuron(int layer, int index);
    bool setActivation(int layer, ActivationFunction activation);
    bool setLoss(Loss loss);
    // Every hidden layer at once, as one undo step.
    bool setHiddenActivations(ActivationFunction activation);
    // Two units wide; with `perturbation` > 0 the copies are varied (core
    // widenHiddenLayers: each copied weight times 1 + u, u in ±perturbation).
    bool widenHiddenLayers(double perturbation = 0, std::uint64_t seed = 1);

    void initializeWeights(const InitOptions& options);
    void applyUpdate();
    void resetWeights();

signals:
    void refused(const QString& message);

private:
    bool checkValue(const QString& what, double value);

    NetworkDocument* document_;
};

} // namespace bpl::gui
