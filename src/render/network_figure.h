// A drawing of the network for worked solutions (HTML and PDF): one column of
// circles per layer, each weight written on its edge, biases under the
// neurons, the input values on the left and the output and target on the
// right, in the trace's notation. Needs only QtGui (QPainter), so it draws on
// a QPdfWriter as vectors or on a QImage for HTML. Large networks are drawn
// elided (first and last layers / neurons with "…") and without edge labels.
#pragma once

#include "core/trace.h"

#include <QImage>
#include <QPainter>
#include <QRectF>
#include <QSizeF>

namespace bpl::io {

// What the figure shows besides the network's parameters and input.
struct NetworkFigureOptions {
    bool showOutput = true; // false on an exercise sheet, where the output is asked: "→ ?"
};

// The figure's size in points when drawn `width` points wide.
QSizeF networkFigureSize(const Trace& trace, double width);
// Draws into `area` (in the painter's current units, taken as points).
void paintNetworkFigure(QPainter& painter, const QRectF& area, const Trace& trace,
                        const NetworkFigureOptions& options = {});
// The figure as an image `width` points wide at `scale` pixels per point.
QImage networkFigureImage(const Trace& trace, double width, double scale = 2.0);

} // namespace bpl::io
