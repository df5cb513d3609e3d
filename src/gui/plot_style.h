// The one look of every plot of both labs (and the maths tab's plot): the
// colour-blind-safe Okabe–Ito palette in its published order, a second cue per
// series (line style or marker) so no two series differ by colour alone, the
// fonts (never under 14 px while presenting) and the theme's colours.
#pragma once

#include "core/logreg.h"

#include <QColor>
#include <QFont>
#include <QPen>

#include <qcustomplot.h>

namespace bpl::gui {

// The application property presentation mode sets (read by the plots' fonts).
constexpr const char* kPresentingProperty = "bplPresenting";
// The smallest axis rectangle a plot is given before the plots reflow.
constexpr int kMinAxisRectWidth = 220;
constexpr int kMinAxisRectHeight = 150;
// Plot text is never smaller than this in presentation mode.
constexpr int kPresentationPlotPixels = 14;

// Okabe–Ito: #E69F00, #56B4E9, #009E73, #F0E442, #0072B2, #D55E00, #CC79A7,
// #000000 (light grey on a dark background), repeated.
QColor seriesColour(int index);
// The marker of series `index` (circle, square, triangle, …): the second cue.
QCPScatterStyle::ScatterShape seriesShape(int index);
// A sparse marker of that shape in `colour`, for lines (see setSparseMarkers).
QCPScatterStyle seriesMarker(int index, const QColor& colour);
// Draws about eight markers along `graph` whatever its length.
void setSparseMarkers(QCPGraph* graph);

// The colour of the η at position `etaIndex` in the sweep's η list; of a run; of a class.
QColor etaColour(int etaIndex);
QColor runColour(int run);
QColor classColour(int cls);
// GD solid, SGD dashed, mini-batch dash-dotted.
Qt::PenStyle methodPenStyle(LogRegMethod method);
// Width 1 (fast to draw), the η's colour and the method's style.
QPen runPen(int etaIndex, LogRegMethod method);
// Scatter markers of the two logistic-regression classes (neutral shapes).
QCPScatterStyle classScatter(int label);

// The application is presenting (Appearance sets kPresentingProperty).
bool presentingPlots();
// The palette in effect has a dark window background.
bool darkPlots();

// Pixel fonts from the application's font (which presentation and Ctrl+= scale).
struct PlotFonts {
    QFont title;     // a plot's title
    QFont heading;   // a panel's title
    QFont axisLabel; // "epoch", "NLL"
    QFont tickLabel; // numbers on the axes, legend entries, notes
};
PlotFonts plotFonts();

QColor plotTextColour();
QColor plotBaseColour();
QColor plotGridColour();
// Error text readable on the theme's background.
QColor errorTextColour();
QString errorStyleSheet();

// Fonts, colours, grid and interactions common to every lab plot (an axis
// rect drags and zooms both ways unless a plot says otherwise; Ctrl+wheel
// zooms, a plain wheel scrolls the page the plot sits in).
void styleAxisRect(QCPAxisRect* rect);
void styleLegend(QCPLegend* legend);
void stylePlot(QCustomPlot* plot);
// Tick labels written with the C locale's numbers ("0.4", never "0,4" by
// accident of the user's locale): QCustomPlot formats them with the widget's
// locale. stylePlot calls it; a plot styled otherwise calls it itself.
void useLocaleFreeNumbers(QCustomPlot* plot);

} // namespace bpl::gui
