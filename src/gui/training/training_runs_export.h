// The Training tab's runs as bytes for a file: JSON in the format of
// `backprop-lab train --format json` (shared/spec/training.md, written by the
// io writer the CLI uses) and a CSV table (one row per run × epoch).
#pragma once

#include "core/result.h"
#include "gui/training/training_session.h"

#include <QByteArray>

namespace bpl::gui {

Result<QByteArray> trainingRunsJson(const TrainingSession& session);
Result<QByteArray> trainingRunsCsv(const TrainingSession& session);

} // namespace bpl::gui
