#include "gui/logreg/logreg_sweep.h"

#include <algorithm>

namespace bpl::gui {

LogRegSweep LogRegSweep::plan(std::shared_ptr<const LogRegData> data, const QString& dataName,
                              const std::vector<double>& etas,
                              const std::vector<LogRegMethod>& methods, const LogRegOptions& base) {
    LogRegSweep sweep;
    sweep.data = std::move(data);
    sweep.dataName = dataName;
    sweep.etas = etas;
    sweep.methods = methods;
    for (LogRegMethod method : methods) {
        for (double eta : etas) {
            LogRegRun run;
            run.options = base;
            run.options.method = method;
            run.options.learningRate = eta;
            run.batchSize = effectiveBatchSize(run.options, sweep.data ? sweep.data->size() : 0);
            sweep.runs.push_back(std::move(run));
        }
    }
    return sweep;
}

int LogRegSweep::methodIndexOf(LogRegMethod method) const {
    const auto it = std::find(methods.begin(), methods.end(), method);
    return it == methods.end() ? -1 : static_cast<int>(it - methods.begin());
}

int LogRegSweep::longest() const {
    int n = 0;
    for (const LogRegRun& run : runs)
        n = std::max(n, run.recorded());
    return n;
}

int LogRegSweep::longest(LogRegMethod method) const {
    int n = 0;
    for (const LogRegRun& run : runs) {
        if (run.options.method == method)
            n = std::max(n, run.recorded());
    }
    return n;
}

int LogRegSweep::clampedIndex(int run, int k) const {
    const LogRegRun& r = runs[static_cast<std::size_t>(run)];
    if (r.recorded() == 0)
        return -1;
    return std::clamp(k, 0, r.recorded() - 1);
}

const Eigen::Vector3d* LogRegSweep::weightsAt(int run, int k) const {
    const int j = clampedIndex(run, k);
    return j < 0 ? nullptr
                 : &runs[static_cast<std::size_t>(run)].weights[static_cast<std::size_t>(j)];
}

bool LogRegSweep::finished() const {
    return std::all_of(runs.begin(), runs.end(),
                       [](const LogRegRun& r) { return r.stopped != LogRegStop::Running; });
}

void LogRegSweep::apply(const compute::LogRegRunUpdate& update) {
    if (update.run < 0 || update.run >= runCount())
        return;
    LogRegRun& run = runs[static_cast<std::size_t>(update.run)];
    if (update.first != run.recorded())
        return; // out of step: never expected
    run.nll.insert(run.nll.end(), update.nll.begin(), update.nll.end());
    run.weights.insert(run.weights.end(), update.weights.begin(), update.weights.end());
    run.batchSize = update.batchSize;
    run.stopped = update.stopped;
    run.trainSeconds = update.trainSeconds;
}

QString LogRegSweep::etaLabel(int etaIndex) const {
    return QString("η = %1").arg(etas[static_cast<std::size_t>(etaIndex)]);
}

QString LogRegSweep::runLabel(int run) const {
    return QString("%1 (%2)").arg(etaLabel(etaIndex(run)), methodTitle(methodOf(run)));
}

QString LogRegSweep::methodTitle(LogRegMethod method) const {
    if (method != LogRegMethod::MiniBatch)
        return methodLabel(method);
    for (const LogRegRun& run : runs) {
        if (run.options.method == method)
            return QString("Mini-batch (B = %1)").arg(run.batchSize);
    }
    return methodLabel(method);
}

QString LogRegSweep::stepName(LogRegMethod method) {
    return method == LogRegMethod::GradientDescent ? "iteration" : "epoch";
}

} // namespace bpl::gui
