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
    if (beside(layer)) {
        const double above = radius + 2.6 * lineHeight + 10;
        const double below = radius + 10;
        const double last = topAligned ? neurons[layer].back().y() : bottom;
        return QRectF(x - radius - 10, top - above, 2 * radius + 20 + besideWidth, last - top + above + below);
    }
    const double halfWidth = radius * 3.2;
    // From the heading (two lines above the caption) to the last value line.
    const double above = radius + (2.6 + captionLines) * lineHeight + 10;
    const double below = radius + 3 * lineHeight + 14;
    const double last = topAligned ? neurons[layer].back().y() : bottom;
    return QRectF(x - halfWidth, top - above, 2 * halfWidth, last - top + above + below);
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
    // Two value lines beside the circle, as high as the circle with its margin.
    const double besideSlot = std::max(2 * r, 2 * line) + 8;
    layout.compact = style.compact;
    const QString besideSample = QStringLiteral("δ₁⁽¹⁾ = -0.00123831");
    layout.besideWidth = indexedTextWidth(style.bold, besideSample) + 8 + 6;

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
    // Presentation of a network with a column taller than any screen (64 inputs):
    // the columns start at the top, so a small layer is near its heading, not
    // halfway down the tallest column.
    for (const Layer& layer : network.layers) {
        if (style.compact && layer.size > kMaxDetailedLayerSize) layout.topAligned = true;
    }
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
            double gap = std::max({spread, 2 * r + (style.compact ? 6 : 9) * line,
                                   edges <= kMaxLabelledEdges ? captionGap : 0.0});
            // Next to a column with its values beside its neurons (presentation, wide
            // layers): those values, then the ∂E/∂w cards stacked in one column (two
            // for more than 8), or room to see the edges when they carry no cards.
            const int size = network.layers[l].size;
            const bool besideNext = style.compact && size > kMaxStackedValuesLayerSize && size <= kMaxDetailedLayerSize;
            if (layout.beside(l - 1) || besideNext) {
                const double leftText = layout.beside(l - 1) ? r + layout.besideWidth : captionGap / 2;
                const double rightText = besideNext ? r : captionGap / 2;
                const double cards = edges > kMaxLabelledEdges ? 3 * line : (labelled > 8 ? 2 : 1) * (weightBox + 6);
                gap = std::max(2 * r + 6 * line, leftText + cards + rightText + 16);
            }
            x += gap;
            layout.columnGap = std::max(layout.columnGap, gap);
        }
        const int n = network.layers[l].size;
        layout.columnX.push_back(x);
        layout.neurons.emplace_back(n);
        const bool beside = layout.beside(l);
        const double slot = beside ? besideSlot : n <= kMaxDetailedLayerSize ? detailedSlot : compactSlot;
        std::vector<QPointF>& column = layout.neurons.back();
        for (int i = 0; i < n; ++i) {
            // Shift the column up by half a value box, so the values below the
            // lowest neuron balance the caption above the highest.
            const double shift = n <= kMaxDetailedLayerSize && !beside ? line : 0;
            column[i] = layout.topAligned ? QPointF(x, i * slot)
                                          : QPointF(x, (i - (n - 1) / 2.0) * slot - shift);
        }
        layout.top = std::min(layout.top, column.front().y());
        layout.bottom = std::max(layout.bottom, column.back().y());
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
    const auto boxAt = [&](size_t e, QPointF c) {
        return QRectF(c.x() - sizes[e].width() / 2 - 3, c.y() - sizes[e].height() / 2 - 2, sizes[e].width() + 6,
                      sizes[e].height() + 4);
    };
    // The cheapest place on edge e with every other label where it is now.
    const auto bestFor = [&](size_t e) {
        double bestCost = INFINITY;
        QPointF best = edges[e].pointAt(0.5);
        for (double t : fractions) {
            const QPointF c = edges[e].pointAt(t);
            const QRectF rect = boxAt(e, c);
            double cost = std::abs(t - 0.5) * 40; // a small pull towards the middle
            for (size_t other = 0; other < placed.size(); ++other) {
                if (other != e) cost += overlapArea(rect, placed[other]);
            }
            // Covering a neuron's values is worse than touching another label.
            // (far worse: a weight box must never hide a neuron's label or value).
            for (const QRectF& o : obstacles) cost += 40 * overlapArea(rect, o);
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    };
    for (size_t e = 0; e < edges.size(); ++e) {
        centres.push_back(bestFor(e));
        placed.push_back(boxAt(e, centres.back()));
    }
    // A few rounds of moving each label again now that all are placed: the
    // first ones were placed before the later ones existed, and two boxes on
    // crossing edges could stay on top of each other.
    for (int round = 0; round < 4; ++round) {
        bool moved = false;
        for (size_t e = 0; e < edges.size(); ++e) {
            const QPointF c = bestFor(e);
            if (c != centres[e]) {
                centres[e] = c;
                placed[e] = boxAt(e, c);
                moved = true;
            }
        }
        if (!moved) break;
    }
    return centres;
}

double labelOverlap(const std::vector<QPointF>& centres, const std::vector<QSizeF>& sizes) {
    double total = 0;
    for (size_t a = 0; a < centres.size(); ++a) {
        const QRectF ra(centres[a] - QPointF(sizes[a].width() / 2, sizes[a].height() / 2), sizes[a]);
        for (size_t b = a + 1; b < centres.size(); ++b) {
            const QRectF rb(centres[b] - QPointF(sizes[b].width() / 2, sizes[b].height() / 2), sizes[b]);
            total += overlapArea(ra, rb);
        }
    }
    return total;
}

StackedLabels stackEdgeLabels(const std::vector<QLineF>& edges, const std::vector<QSizeF>& sizes,
                              const QRectF& band) {
    constexpr double kGap = 6;
    StackedLabels out;
    if (edges.empty() || band.width() <= 0 || band.height() <= 0) return out;
    double width = 0, height = 0;
    for (const QSizeF& s : sizes) {
        width = std::max(width, s.width());
        height = std::max(height, s.height());
    }
    const int columns = std::max(1, static_cast<int>((band.width() + kGap) / (width + kGap)));
    const int count = static_cast<int>(edges.size());
    const int rows = (count + columns - 1) / columns;
    // Cards closer together (down to 2 px) before giving up on the stack.
    const double rowGap =
        rows > 1 ? std::clamp((band.height() - rows * height) / (rows - 1), 2.0, kGap) : kGap;
    const double stackHeight = rows * height + (rows - 1) * rowGap;
    const double stackWidth = columns * width + (columns - 1) * kGap;
    if (columns * width + (columns - 1) * kGap > band.width() || stackHeight > band.height() + 0.5) return out;
    // In the edges' order (row by row of the weight matrix: w₁₁, w₁₂, …), so
    // the stack reads like W; each card names its weight and has its leader.
    std::vector<int> order(edges.size());
    for (int k = 0; k < count; ++k) order[k] = k;
    out.centres.resize(edges.size());
    out.anchors.resize(edges.size());
    const double left = band.center().x() - stackWidth / 2 + width / 2;
    const double top = band.center().y() - stackHeight / 2 + height / 2;
    for (int k = 0; k < count; ++k) {
        const int e = order[k];
        const QPointF centre(left + (k / rows) * (width + kGap), top + (k % rows) * (height + rowGap));
        out.centres[e] = centre;
        // The point of the edge nearest the card's centre.
        const QLineF& line = edges[e];
        const QPointF d = line.p2() - line.p1();
        const double length2 = d.x() * d.x() + d.y() * d.y();
        double t = length2 > 0 ? QPointF::dotProduct(centre - line.p1(), d) / length2 : 0.5;
        t = std::clamp(t, 0.1, 0.9);
        out.anchors[e] = line.pointAt(t);
    }
    return out;
}

} // namespace bpl::gui
