// What the Training tab shows: the data (fitted to the network and split), the
// start network and one comparison's runs as the worker reported them so far.
// Plots read their values from here; they compute nothing themselves except
// views of a recorded snapshot (via the core).
#pragma once

#include "compute/training_worker.h"
#include "core/training/trainer.h"

#include <QString>
#include <memory>
#include <vector>

namespace bpl::gui {

struct TrainingSession {
    std::shared_ptr<const Dataset> data;    // the whole set, fitted to `start`
    std::shared_ptr<const DataSplit> split; // train / validation / test
    QString dataName;
    Network start;                 // the document's network (its weights start every run)
    std::string comparedSetting;   // "" for a single run
    std::vector<TrainingRun> runs; // in the order of comparisonRuns

    int runCount() const { return static_cast<int>(runs.size()); }
    // The most epochs any run has recorded (k = 0 included).
    int longest() const;
    // The recorded index shown for epoch k: k, or the run's last one; −1 if none.
    int clampedEpoch(int run, int k) const;
    // The run's network at epoch k (clamped), or the start network.
    Network networkAt(int run, int k) const;
    bool isTwoD() const { return data && data->inputCount() == 2; }
    bool isCurve() const { return data && data->inputCount() == 1 && !data->isClassification(); }
    bool isImages() const { return data && data->inputCount() == 64; }
    int classes() const { return data ? data->classes : 0; }
    bool finished() const;

    // Appends a worker report to its run.
    void apply(const compute::TrainingRunUpdate& update);
};

} // namespace bpl::gui
