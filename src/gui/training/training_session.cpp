#include "gui/training/training_session.h"

#include <algorithm>

namespace bpl::gui {

namespace {

template <typename T> void append(std::vector<T>& to, const std::vector<T>& from, int first) {
    if (from.empty())
        return;
    to.resize(static_cast<std::size_t>(first));
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace

int TrainingSession::longest() const {
    int n = 0;
    for (const TrainingRun& run : runs)
        n = std::max(n, run.recordedEpochs());
    return n;
}

int TrainingSession::clampedEpoch(int run, int k) const {
    if (run < 0 || run >= runCount())
        return -1;
    const int n = static_cast<int>(runs[static_cast<std::size_t>(run)].snapshots.size());
    if (n == 0)
        return -1;
    return std::clamp(k, 0, n - 1);
}

Network TrainingSession::networkAt(int run, int k) const {
    const int e = clampedEpoch(run, k);
    if (e < 0)
        return start;
    return withWeights(start,
                       runs[static_cast<std::size_t>(run)].snapshots[static_cast<std::size_t>(e)]);
}

bool TrainingSession::finished() const {
    return std::all_of(runs.begin(), runs.end(),
                       [](const TrainingRun& r) { return r.stopped != TrainingStop::Running; });
}

void TrainingSession::apply(const compute::TrainingRunUpdate& u) {
    if (u.run < 0 || u.run >= runCount())
        return;
    TrainingRun& run = runs[static_cast<std::size_t>(u.run)];
    append(run.trainLoss, u.trainLoss, u.first);
    append(run.validationLoss, u.validationLoss, u.first);
    append(run.testLoss, u.testLoss, u.first);
    append(run.trainAccuracy, u.trainAccuracy, u.first);
    append(run.validationAccuracy, u.validationAccuracy, u.first);
    append(run.testAccuracy, u.testAccuracy, u.first);
    append(run.gradNorm, u.gradNorm, u.first);
    for (std::size_t i = 0; i < u.topK.size(); ++i) {
        if (run.topK.size() <= i)
            run.topK.push_back({u.topK[i].k, {}, {}, {}});
        append(run.topK[i].train, u.topK[i].train, u.first);
        append(run.topK[i].validation, u.topK[i].validation, u.first);
        append(run.topK[i].test, u.topK[i].test, u.first);
    }
    append(run.snapshots, u.snapshots, u.first);
    run.stopped = u.stopped;
    run.trainSeconds = u.trainSeconds;
    if (u.confusion.size() > 0)
        run.confusion = u.confusion;
    if (u.stopped != TrainingStop::Running && !run.snapshots.empty())
        run.finalNetwork = withWeights(start, run.snapshots.back());
}

} // namespace bpl::gui
