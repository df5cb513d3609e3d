// Saving QCustomPlot plots as PNG (raster, twice the pixels for sharp text),
// PDF or SVG (vector), one plot or several arranged in a grid on one page.
#pragma once

#include <QSize>
#include <QString>
#include <vector>

class QCustomPlot;

namespace bpl::gui {

// The file dialog's filter and one plot's size (pixels) for every lab's "Save plot…".
inline const char* const kPlotImageFilter = "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)";
inline const QSize kPlotExportSize(900, 640);

// True for names ending in .png, .pdf or .svg (any case).
bool isPlotImageFormat(const QString& path);
// Draws `plots` row by row, `columns` per row, each in a cell of `cell`
// pixels, into `path` (format from the extension). False with `error` on failure.
bool savePlots(const std::vector<QCustomPlot*>& plots, int columns, QSize cell, const QString& path,
               QString& error, const QString& title = QString());

} // namespace bpl::gui
