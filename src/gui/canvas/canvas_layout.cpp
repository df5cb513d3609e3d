#include "gui/canvas/canvas_layout.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/indexed_text.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

double overlapArea(const QRectF& a, const QRectF& b) {
    const QRectF i = a.intersected(b);
    return i.isValid() ? i.width() * i.height() : 0.0;
}

} // namespace

QRectF CanvasLayout::columnRect(int layer, double radius) const {
    const double x = columnX[layer];
    const double halfWidth = radius * 3.2;
    // From the heading (two lines above the caption) to the last value line.
    const double above = radius + (2.6 + captionLines) * lineHeight + 10;
    const double below = radius + 3 * lineHeight + 14;
    return QRectF(x - halfWidth, top - above, 2 * halfWidth, bottom - top + above + below);
}

CanvasLayout layoutNetwork(const Network& network, const CanvasStyle& style) {
    CanvasLayout layout;
    const double r = style.radius;
    const double line = QFontMetricsF(style.bold).height() + 2;
    layout.lineHeight = line;
    // Circle, caption above, up to three value lines below, and a margin.
    layout.captionLines = style.compact ? 2 : 1;
    const double detailedSlot = 2 * r + layout.captionLines * line + 3 * line + (style.compact ? 12 : 24);
    const double compactSlot = 2 * r + 14;

    // A bias caption after an update ("b₁⁽¹⁾: -0.00123831 → -0.00247662") sticks out
    // on both sides of its neuron; a weight box must fit between two of them.
    const QString number = QStringLiteral("-0.00123831");
    const double caption = indexedTextWidth(style.bold, QStringLiteral("b₁⁽¹⁾: ") + number + " → " + number);
    const double weightBox = QFontMetricsF(style.small).horizontalAdvance("→ " + number) + 24;
    // Compact (presentation): old → new captions take two lines, so only the
    // wider of their halves sticks out.
    // In compact the weight boxes find room between the captions themselves
    // (placeEdgeLabels keeps them off neuron text): the captions only must not meet.
    const double captionGap = style.compact
                                  ? indexedTextWidth(style.bold, QStringLiteral("b₁⁽¹⁾: ") + number) + 2 * r
                                  : caption + weightBox + 16;

    layout.top = 0;
    layout.bottom = 0;
    double x = 0;
    for (int l = 0; l < network.layerCount(); ++l) {
        if (l > 0) {
            // Room between two columns for the edge labels beside the value
            // boxes: more edges need more room to spread their labels along.
            const int edges = network.layers[l].size * network.layers[l - 1].size;
            const int labelled = edges <= kMaxLabelledEdges ? std::min(edges, 12) : 2;
            // Compact: a network of few layers is bounded by the height, and its
            // weight boxes get the width the deeper ones need for their columns.
            const double share = std::clamp(3.0 / std::max(1, network.layerCount() - 1), 1.0, 2.0);
            const double spread = style.compact ? r * (6.5 + 1.1 * labelled) * share : r * (8.0 + 1.2 * labelled);
            const double gap = std::max({spread, 2 * r + (style.compact ? 6 : 9) * line,
                                         edges <= kMaxLabelledEdges ? captionGap : 0.0});
            x += gap;
            layout.columnGap = std::max(layout.columnGap, gap);
        }
        const int n = network.layers[l].size;
        const double slot = n <= kMaxDetailedLayerSize ? detailedSlot : compactSlot;
        layout.columnX.push_back(x);
        std::vector<QPointF> column;
        for (int i = 0; i < n; ++i) {
            // Shift the column up by half a value box, so the values below the
            // lowest neuron balance the caption above the highest.
            column.emplace_back(x, (i - (n - 1) / 2.0) * slot - (n <= kMaxDetailedLayerSize ? line : 0));
        }
        layout.top = std::min(layout.top, column.front().y());
        layout.bottom = std::max(layout.bottom, column.back().y());
        layout.neurons.push_back(std::move(column));
    }
    return layout;
}

std::vector<QPointF> placeEdgeLabels(const std::vector<QLineF>& edges, const std::vector<QSizeF>& sizes,
                                     const std::vector<QRectF>& obstacles) {
    std::vector<QPointF> centres;
    std::vector<QRectF> placed;
    centres.reserve(edges.size());
    std::vector<double> fractions;
    for (int k = 0; k <= 18; ++k) {
        // 0.5, 0.46, 0.54, 0.42, 0.58, … 0.14, 0.86
        const double offset = ((k + 1) / 2) * 0.04;
        fractions.push_back(k % 2 == 1 ? 0.5 - offset : 0.5 + offset);
    }
    for (size_t e = 0; e < edges.size(); ++e) {
        const QSizeF size = sizes[e];
        double bestCost = INFINITY;
        QPointF best = edges[e].pointAt(0.5);
        for (double t : fractions) {
            const QPointF c = edges[e].pointAt(t);
            const QRectF rect(c.x() - size.width() / 2 - 3, c.y() - size.height() / 2 - 2, size.width() + 6,
                              size.height() + 4);
            double cost = std::abs(t - 0.5) * 40; // a small pull towards the middle
            for (const QRectF& p : placed) cost += overlapArea(rect, p);
            // Covering a neuron's values is worse than touching another label.
            // (far worse: a weight box must never hide a neuron's label or value).
            for (const QRectF& o : obstacles) cost += 40 * overlapArea(rect, o);
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        centres.push_back(best);
        placed.emplace_back(best.x() - size.width() / 2 - 3, best.y() - size.height() / 2 - 2, size.width() + 6,
                            size.height() + 4);
    }
    return centres;
}

} // namespace bpl::gui
