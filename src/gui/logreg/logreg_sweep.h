// What the logistic-regression lab shows: the data set and one sweep (every
// chosen method × every η), with the runs as the worker reported them so far.
// The plots read their values from here; they compute none themselves.
#pragma once

#include "compute/logreg_worker.h"
#include "core/logreg.h"

#include <QString>
#include <memory>
#include <vector>

namespace bpl::gui {

struct LogRegSweep {
    std::shared_ptr<const LogRegData> data;
    QString dataName;
    std::vector<double> etas;
    std::vector<LogRegMethod> methods; // in the order of the runs
    std::vector<LogRegRun> runs;       // method-major: runs[m * etas.size() + e]

    // The runs for every method × η, each with `base` options and its own η
    // and method, recorded values still empty.
    static LogRegSweep plan(std::shared_ptr<const LogRegData> data, const QString& dataName,
                            const std::vector<double>& etas,
                            const std::vector<LogRegMethod>& methods, const LogRegOptions& base);

    int runCount() const { return static_cast<int>(runs.size()); }
    int etaIndex(int run) const { return run % static_cast<int>(etas.size()); }
    int methodIndex(int run) const { return run / static_cast<int>(etas.size()); }
    LogRegMethod methodOf(int run) const {
        return methods[static_cast<std::size_t>(methodIndex(run))];
    }
    // -1 when the sweep has no run of this method.
    int methodIndexOf(LogRegMethod method) const;
    int runIndex(int methodIndex, int etaIndex) const {
        return methodIndex * static_cast<int>(etas.size()) + etaIndex;
    }
    // The most values any run (of `method`, or of any method) has recorded.
    int longest() const;
    int longest(LogRegMethod method) const;
    // The weights a run shows at iteration k: its last ones if it stopped
    // before k; nothing if it recorded nothing.
    const Eigen::Vector3d* weightsAt(int run, int k) const;
    // Index actually shown for iteration k (clamped to the run's end), or −1.
    int clampedIndex(int run, int k) const;
    bool finished() const;

    // Appends a worker report to its run.
    void apply(const compute::LogRegRunUpdate& update);
    // "η = 0.3" and "η = 0.3 (SGD)".
    QString etaLabel(int etaIndex) const;
    QString runLabel(int run) const;
    // "GD", "SGD", "Mini-batch (B = 10)".
    QString methodTitle(LogRegMethod method) const;
    // "iteration" for gd, "epoch" otherwise.
    static QString stepName(LogRegMethod method);
};

} // namespace bpl::gui
