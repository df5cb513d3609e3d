// The look shared by the logistic-regression plots: one colour per η (the same
// in every plot), one line style per method, the class markers, fonts.
#pragma once

#include "core/logreg.h"

#include <QColor>
#include <QPen>

class QCustomPlot;
class QCPAxisRect;
class QCPScatterStyle;

namespace bpl::gui {

// The colour of the η at position `etaIndex` in the sweep's η list.
QColor etaColour(int etaIndex);
// GD solid, SGD dashed, mini-batch dash-dotted.
Qt::PenStyle methodPenStyle(LogRegMethod method);
// Width 1 (fast to draw), the η's colour and the method's style.
QPen runPen(int etaIndex, LogRegMethod method);
// Scatter markers of the two classes (neutral, so they never look like an η).
QCPScatterStyle classScatter(int label);

// Fonts, grid and interactions common to every lab plot.
void styleAxisRect(QCPAxisRect* rect);
void stylePlot(QCustomPlot* plot);

} // namespace bpl::gui
