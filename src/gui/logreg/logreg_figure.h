// The figure of `backprop-lab logreg --plot`: the separator's path in
// slope–intercept space and the NLL per iteration, side by side, drawn with the
// lab's own plots (so the command line and the window show the same picture).
// Needs a QApplication (the offscreen platform is enough).
#pragma once

#include "core/logreg.h"

#include <QString>
#include <vector>

namespace bpl::gui {

// True for .png, .pdf and .svg file names.
bool isLogRegFigureFormat(const QString& path);
// Renders the figure of `runs` (all of one method, one per η) on `data`.
bool saveLogRegFigure(const LogRegData& data, const std::vector<LogRegRun>& runs,
                      const QString& dataName, const QString& path, QString& error);

} // namespace bpl::gui
