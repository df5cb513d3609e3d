// Colours, fonts and sizes of the network canvas, derived from the theme in
// effect and the font scale: edges blue for positive and red for negative
// weights (teal / purple for gradients), the current layer on an amber band,
// numbers just computed in the accent colour.
#pragma once

#include "gui/appearance.h"

#include <QColor>
#include <QFont>
#include <QStringList>

namespace bpl::gui {

// Edge labels smaller than this on screen are not drawn (the view says to zoom in).
constexpr double kMinEdgeLabelPixels = 9;

struct CanvasStyle {
    QColor background;
    QColor text;
    QColor mutedText;
    QColor neuronFill;
    QColor inputFill;
    QColor neuronBorder;
    QColor positive;     // weight > 0
    QColor negative;     // weight < 0
    QColor zero;         // weight = 0
    QColor gradPositive; // ∂E/∂w > 0
    QColor gradNegative; // ∂E/∂w < 0
    QColor band;         // behind the current layer
    QColor bandBorder;
    QColor fresh;        // numbers the current step has just computed
    QColor delta;        // δ values
    QColor selection;
    QColor labelBackground;

    QFont font;      // values and labels
    QFont bold;      // layer titles, fresh values
    QFont small;     // edge labels
    QFont title;     // the network's name
    double radius = 28;  // neuron circle
    double lineWidth = 1.5;
    bool highContrast = false;
    // Presentation mode: tighter spacing between columns, the loss box under a
    // small output layer and old → new captions on two lines, so a network of
    // up to 4 layers × 4 units fits 1024×768 whole at the presentation text size.
    bool compact = false;

    // `fontScale` multiplies the base sizes (presentation mode passes a larger one).
    static CanvasStyle make(Theme effectiveTheme, bool dark, double fontScale, bool compact = false);

    double maxEdgeWidth() const { return radius * 0.28; }
    // Pixel height of the smallest font the canvas draws with (at zoom 1).
    int smallestTextPixels() const;
    // The pixel size `font`'s indices (the ₁₂ and ⁽¹⁾ of w₁₂⁽¹⁾) are drawn at (indexed_text.h).
    static double indexPixels(const QFont& font);
    // The smallest index the canvas draws (at zoom 1).
    double smallestIndexPixels() const;
};

// Compact (presentation) text: a line with an arrow on two ("b₁⁽¹⁾: 0.1" and
// "→ 0.0975"), and "Loss: name" as "Loss:" over the name; else the line as it is.
QStringList compactLines(const QString& line, bool compact);

} // namespace bpl::gui
