// Where things go on the canvas: neurons in columns by layer (input on the
// left), each column centred vertically, with room below each neuron for its
// values; and a greedy placement of edge labels along their edges so that no
// two labels, and no label and neuron text, overlap where it can be avoided.
#pragma once

#include "core/network.h"

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <vector>

namespace bpl::gui {

struct CanvasStyle;

// Layers wider than this are drawn compactly: circles only, values in tooltips
// and in the details panel.
constexpr int kMaxDetailedLayerSize = 12;
// Between two layers with more edges than this, edge labels are left out.
constexpr int kMaxLabelledEdges = 40;
// In presentation (compact), a layer wider than this has its values beside its
// neurons, two lines at most (an 8-unit column at 14 px fits 1024×768 whole).
constexpr int kMaxStackedValuesLayerSize = 4;

struct CanvasLayout {
    std::vector<double> columnX;                 // per layer
    std::vector<std::vector<QPointF>> neurons;   // per layer, per neuron: centre
    double columnGap = 0;  // the widest gap between two columns
    double lineHeight = 0; // of one value line
    int captionLines = 1;  // above each neuron (2 in compact: old and → new)
    double top = 0;    // highest neuron centre
    double bottom = 0; // lowest neuron centre
    bool compact = false;
    bool topAligned = false; // columns start at the top instead of being centred
    double besideWidth = 0; // of the values beside a neuron (compact, wide layers)

    bool detailed(int layer) const { return static_cast<int>(neurons[layer].size()) <= kMaxDetailedLayerSize; }
    bool beside(int layer) const {
        const int n = static_cast<int>(neurons[layer].size());
        return compact && n > kMaxStackedValuesLayerSize && n <= kMaxDetailedLayerSize;
    }
    // A rectangle around layer l's column, from its heading to its last neuron's values.
    QRectF columnRect(int layer, double radius) const;
};

CanvasLayout layoutNetwork(const Network& network, const CanvasStyle& style);

// Centres for one label per edge: along its edge at a fraction of its length
// between 0.14 and 0.86, the middle preferred, minimising overlap with labels
// placed before it and with `obstacles`.
std::vector<QPointF> placeEdgeLabels(const std::vector<QLineF>& edges, const std::vector<QSizeF>& sizes,
                                     const std::vector<QRectF>& obstacles);
// The area two labels of `centres` (of `sizes`) cover both, summed over pairs.
double labelOverlap(const std::vector<QPointF>& centres, const std::vector<QSizeF>& sizes);

// Where labels along their edges would cover each other (the 9 edges between
// two 3-unit layers, in presentation): the labels in tidy columns inside
// `band` (the room between the two layers' texts), in the edges' order (row
// by row of the weight matrix), each with the point on its edge nearest to
// it as the anchor of a leader line. Empty when they do not fit the band.
struct StackedLabels {
    std::vector<QPointF> centres;
    std::vector<QPointF> anchors;
};
StackedLabels stackEdgeLabels(const std::vector<QLineF>& edges, const std::vector<QSizeF>& sizes,
                              const QRectF& band);

} // namespace bpl::gui
