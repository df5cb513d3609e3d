#include "gui/step_display.h"

#include <algorithm>

namespace bpl::gui {

EdgeMode StepDisplay::edgeMode(int l) const {
    // ∂E/∂x sums w⁽¹⁾δ⁽¹⁾ with the weights before the update: the edges show them.
    if (freshInputGradient() && l == 1)
        return EdgeMode::Weight;
    if (updateKnown(l)) return EdgeMode::Update;
    if (gradientKnown(l)) return EdgeMode::Gradient;
    return EdgeMode::Weight;
}

bool StepDisplay::edgesActive(int l) const {
    if (!step) return false;
    switch (step->kind) {
    case StepKind::Forward:
    case StepKind::Gradient:
    case StepKind::Update: return step->layer == l;
    case StepKind::HiddenDelta:
    case StepKind::InputGradient:
        return step->layer + 1 == l; // δ flows back along W⁽ˡ⁺¹⁾
    case StepKind::Loss:
    case StepKind::OutputDelta: return false;
    }
    return false;
}

StepDisplay stepDisplay(const Trace& trace, int position) {
    StepDisplay d;
    d.lastLayer = trace.network.lastLayer();
    d.position = std::clamp(position, 0, static_cast<int>(trace.steps.size()));
    for (int p = 0; p < d.position; ++p) {
        const Step& s = trace.steps[p];
        switch (s.kind) {
        case StepKind::Forward: d.forwardThrough = std::max(d.forwardThrough, s.layer); break;
        case StepKind::Loss: d.lossKnown = true; break;
        case StepKind::OutputDelta:
        case StepKind::HiddenDelta: d.deltaFrom = std::min(d.deltaFrom, s.layer); break;
        case StepKind::Gradient: d.gradientFrom = std::min(d.gradientFrom, s.layer); break;
        case StepKind::Update: d.updateFrom = std::min(d.updateFrom, s.layer); break;
        case StepKind::InputGradient:
            d.inputGradientKnown = true;
            break;
        }
    }
    if (d.position > 0) {
        d.step = &trace.steps[d.position - 1];
        d.activeLayer = d.step->layer;
        d.backward = d.step->kind == StepKind::OutputDelta ||
                     d.step->kind == StepKind::HiddenDelta || d.step->kind == StepKind::Gradient ||
                     d.step->kind == StepKind::InputGradient;
    }
    return d;
}

StepDisplay checkingDisplay(const Trace& trace, int position) {
    StepDisplay d = stepDisplay(trace, position);
    if (d.position == 0) return d;
    const StepDisplay before = stepDisplay(trace, d.position - 1);
    d.forwardThrough = before.forwardThrough;
    d.lossKnown = before.lossKnown;
    d.deltaFrom = before.deltaFrom;
    d.gradientFrom = before.gradientFrom;
    d.updateFrom = before.updateFrom;
    d.inputGradientKnown = before.inputGradientKnown;
    return d;
}

StepDisplay uncheckedDisplay(const Trace& trace, int position) {
    StepDisplay d = stepDisplay(trace, position);
    const StepDisplay start = stepDisplay(trace, 0);
    d.forwardThrough = start.forwardThrough;
    d.lossKnown = start.lossKnown;
    d.deltaFrom = start.deltaFrom;
    d.gradientFrom = start.gradientFrom;
    d.updateFrom = start.updateFrom;
    d.inputGradientKnown = start.inputGradientKnown;
    return d;
}

} // namespace bpl::gui
