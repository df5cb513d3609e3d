// Training comparisons on a worker thread, like the logistic-regression worker
// (Qt's Mandelbrot example): the GUI asks TrainingCompute::start() for several
// runs that differ in one setting; the worker advances them in turn, epoch by
// epoch, reports only the new epochs at most ~30 times a second, and stops
// between mini-batches when a newer comparison or a cancel is requested. The
// destructor cancels, quits the thread and waits for it.
#pragma once

#include "core/training/trainer.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace bpl::compute {

// What one run recorded since the previous report: entries k = first, first+1, ….
struct TrainingRunUpdate {
    int run = 0;   // index into the comparison's runs
    int first = 0; // k of the first new entry
    std::vector<double> trainLoss, validationLoss, testLoss;
    std::vector<double> trainAccuracy, validationAccuracy, testAccuracy;
    std::vector<std::vector<double>> gradNorm;
    std::vector<TopKSeries> topK; // each k's new entries
    std::vector<WeightSnapshot> snapshots;
    TrainingStop stopped = TrainingStop::Running; // set in the report where the run ends
    double trainSeconds = 0;                      // so far
    // Set only in the report where the run ends:
    Eigen::MatrixXi confusion;
};

struct TrainingProgress {
    quint64 comparison = 0;
    std::vector<TrainingRunUpdate> updates;
};

struct TrainingRequest {
    quint64 id = 0;
    Network start;                         // shared start weights (a run's init may replace them)
    std::shared_ptr<const DataSplit> data; // fitted to `start`, never changed
    std::vector<TrainingOptions> runs;
};

class TrainingWorker : public QObject {
    Q_OBJECT
  public:
    explicit TrainingWorker(const std::atomic<quint64>* latest) : latest_(latest) {}
    void runComparison(const bpl::compute::TrainingRequest& request);

  signals:
    void progress(const bpl::compute::TrainingProgress& progress);
    void comparisonFinished(quint64 comparison, bool cancelled);

  private:
    const std::atomic<quint64>* latest_;
};

class TrainingCompute : public QObject {
    Q_OBJECT
  public:
    explicit TrainingCompute(QObject* parent = nullptr);
    ~TrainingCompute() override;

    // Starts a comparison (cancelling the one running) and returns its id.
    // Each run's options must be valid (trainingProblem is empty).
    quint64 start(const Network& startNetwork, std::shared_ptr<const DataSplit> data,
                  std::vector<TrainingOptions> runs);
    void cancel();
    bool busy() const { return running_ != 0; }

    // 40 reports a second: the live heat map can draw 30 frames a second or more.
    static constexpr int kReportIntervalMs = 25;

    // The worker's thread (tests watch it end when the owner is destroyed).
    const QThread* workerThread() const { return &thread_; }

  signals:
    void progress(const bpl::compute::TrainingProgress& progress);
    void comparisonFinished(quint64 comparison, bool cancelled);

  private:
    QThread thread_;
    TrainingWorker* worker_ = nullptr;
    std::atomic<quint64> latest_{0};
    int running_ = 0;
};

} // namespace bpl::compute

Q_DECLARE_METATYPE(bpl::compute::TrainingProgress)
