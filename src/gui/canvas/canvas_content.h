// What each canvas item says at the current step, read from the trace: the
// neuron's symbol and known values (a, z, δ; "?" for what is still to come),
// the bias caption (b, ∂E/∂b, or old → new), each edge's label, colour and
// width, the layer headings and the loss box. Numbers are the core's, written
// with the trace's precision and notation.
#pragma once

#include "core/trace.h"
#include "gui/canvas/edge_item.h"
#include "gui/canvas/neuron_item.h"
#include "gui/step_display.h"

#include <QStringList>

namespace bpl::gui {

struct CanvasStyle;

// `beside`: at most two value lines, drawn beside the circle (presentation, wide layers).
NeuronContent neuronContent(const Trace& trace, const StepDisplay& display, const CanvasStyle& style, int layer,
                            int index, bool detailed, bool beside = false);
QString neuronToolTip(const Trace& trace, const StepDisplay& display, int layer, int index);

// Largest |value| shown on any edge in this mode (weights, gradients, new weights).
double largestEdgeValue(const Trace& trace, const StepDisplay& display);
EdgeLook edgeLook(const Trace& trace, const StepDisplay& display, const CanvasStyle& style, int layer, int i, int j,
                  double largest);
QStringList edgeLabelLines(const Trace& trace, const StepDisplay& display, int layer, int i, int j);
QString edgeToolTip(const Trace& trace, const StepDisplay& display, int layer, int i, int j);

// "Layer 1" in the notation's numbering, and "2 × sigmoid".
QString layerTitle(const Trace& trace, int layer);
QString layerSubtitle(const Trace& trace, int layer);

// The loss box: loss name, targets, E (once known) and η; `freshLine` is the
// line the current step has just computed, or −1.
QStringList lossLines(const Trace& trace, const StepDisplay& display, int* freshLine);

// The truth table of a step-unit network as an HTML table (inputs, every hidden
// unit, outputs; rows that disagree with the file's truth_table marked), or ""
// when the network is not a logic network.
QString truthTableHtml(const Trace& trace, const CanvasStyle& style);

} // namespace bpl::gui
