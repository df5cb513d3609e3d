// What the canvas shows at a stepper position: which layer is current and in
// which direction the signal moves, which values are known so far (a, z, the
// loss, δ, gradients, updates, ∂E/∂x), which of them this step has just computed, and
// whether the edges into a layer show weights, gradients or old → new weights.
// Read from the trace's step list; nothing is computed here.
#pragma once

#include "core/trace.h"

#include <climits>

namespace bpl::gui {

enum class EdgeMode { Weight, Gradient, Update };

struct StepDisplay {
    int position = 0;
    const Step* step = nullptr; // nullptr at the start
    int activeLayer = -1;       // highlighted column; −1 at the start
    bool backward = false;      // the current step moves from the output towards the input
    int lastLayer = 0;

    int forwardThrough = 0; // a and z are known for layers 1 … forwardThrough
    bool lossKnown = false;
    int deltaFrom = INT_MAX;    // δ is known for layers deltaFrom … L
    int gradientFrom = INT_MAX; // ∂E/∂W is known for layers gradientFrom … L
    int updateFrom = INT_MAX;   // new weights are known for layers updateFrom … L
    bool inputGradientKnown = false; // ∂E/∂z⁽⁰⁾ (the optional last step)

    bool forwardKnown(int l) const { return l <= forwardThrough; }
    bool deltaKnown(int l) const { return l >= deltaFrom; }
    bool gradientKnown(int l) const { return l >= gradientFrom; }
    bool updateKnown(int l) const { return l >= updateFrom; }

    // How the edges into layer l (the weights W⁽ˡ⁾) are labelled and coloured.
    EdgeMode edgeMode(int l) const;
    // True when the edges into layer l take part in the current step.
    bool edgesActive(int l) const;
    // True when the current step computed this kind of value in layer l.
    bool freshForward(int l) const { return isStep(StepKind::Forward, l); }
    bool freshLoss() const { return step && step->kind == StepKind::Loss; }
    bool freshDelta(int l) const { return isStep(StepKind::OutputDelta, l) || isStep(StepKind::HiddenDelta, l); }
    bool freshGradient(int l) const { return isStep(StepKind::Gradient, l); }
    bool freshUpdate(int l) const { return isStep(StepKind::Update, l); }
    bool freshInputGradient() const { return step && step->kind == StepKind::InputGradient; }

  private:
    bool isStep(StepKind kind, int l) const { return step && step->kind == kind && step->layer == l; }
};

StepDisplay stepDisplay(const Trace& trace, int position);
// Check mode: the current step's layer and direction, but only the values
// known before it, so what the student is computing by hand shows as "?".
StepDisplay checkingDisplay(const Trace& trace, int position);
// Check mode with every step's fields shown: the current step's layer, but no
// computed value at all (only the input, the weights and the target), since
// every one of them is an answer still to find.
StepDisplay uncheckedDisplay(const Trace& trace, int position);

} // namespace bpl::gui
