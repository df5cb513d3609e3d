// The network file's `training` object as JSON: validation with JSON paths
// ("training.optimizer: unknown optimizer \"adamw\"") and writing back over the
// original object, so keys this version does not know survive a save.
#pragma once

#include "core/result.h"
#include "core/training/training_setup.h"

#include <QJsonObject>
#include <QJsonValue>

namespace bpl::io {

// Error::place is the JSON path ("training.split.train"); Error::file is empty.
Result<TrainingSetup> parseTrainingSetup(const QJsonValue& value);
// `original` is the object as read (or empty): unknown keys are kept.
QJsonObject trainingSetupToJson(const TrainingSetup& setup, const QJsonObject& original = {});
// The names `training.data.name` accepts: the generated sets and "digits".
std::vector<std::string> builtInDataNames();

} // namespace bpl::io
