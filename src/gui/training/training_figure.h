// The figure of `backprop-lab train --plot`: the loss curves of every run
// (training solid, validation dashed, one colour per run) and, for a network
// with two inputs, the first run's decision regions with the data points.
// Needs a QApplication (the offscreen platform is enough).
#pragma once

#include "core/training/trainer.h"

#include <QString>
#include <vector>

namespace bpl::gui {

// Renders the figure into `path` (.png, .pdf or .svg), replacing it only when
// the whole figure was written (QSaveFile). False with `error` on failure.
bool saveTrainingFigure(const DataSplit& data, const std::vector<TrainingRun>& runs,
                        const QString& dataName, const QString& path, QString& error);

} // namespace bpl::gui
