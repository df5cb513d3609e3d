// The results of `backprop-lab train` (shared/spec/training.md): the JSON
// document "backprop-lab.training/1" and a CSV with one row per run and epoch.
// Numbers in the shortest form that reads back to the same double, locale-free.
#pragma once

#include "core/training/trainer.h"
#include "io/network_file.h"

#include <QByteArray>
#include <QJsonObject>
#include <vector>

namespace bpl::io {

constexpr const char* kTrainingFormat = "backprop-lab.training/1";

// The `data` object: source, inputs, classes, and the sizes of the split.
struct TrainingDataSummary {
    std::string source;
    int inputs = 0;
    int classes = 0;
    int train = 0, validation = 0, test = 0;
};
TrainingDataSummary summaryOf(const DataSplit& split, const std::string& source);

// `document` supplies everything of the network file but the weights (its
// name, description, training object, unknown keys) for each run's `network`.
QJsonObject trainingRunsToJson(const TrainingDataSummary& data,
                               const std::vector<TrainingRun>& runs,
                               const NetworkDocument& document);
QByteArray trainingRunsToJsonBytes(const TrainingDataSummary& data,
                                   const std::vector<TrainingRun>& runs,
                                   const NetworkDocument& document);
// A training document built by trainingRunsToJson (and extended, as with a
// random search's `search`), written with the keys in the spec's order.
QByteArray trainingJsonBytes(const QJsonObject& root);
// Header "run,label,epoch,train_loss,…,grad_norm_1,…"; columns that every run
// lacks (validation, test, accuracies) are left out.
QByteArray trainingRunsToCsv(const std::vector<TrainingRun>& runs);

} // namespace bpl::io
