// Logistic-regression sweeps (a list of method × η runs) on a worker thread,
// after Qt's Mandelbrot example: the GUI asks LogRegCompute::start(); the
// worker advances all runs of the sweep in turn, reports only the new values
// at most ~30 times a second, and stops between chunks of work as soon as a
// newer sweep or a cancel is requested. The GUI thread never waits on it; the
// destructor cancels, quits the thread and waits for it (closing the window).
#pragma once

#include "core/logreg.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace bpl::compute {

struct LogRegSweepRequest {
    quint64 id = 0;
    std::shared_ptr<const LogRegData> data; // shared, never copied, never changed
    std::vector<LogRegOptions> runs;
};

// The values one run recorded since the previous report.
struct LogRegRunUpdate {
    int run = 0;   // index into the sweep's runs
    int first = 0; // k of nll.front()
    std::vector<double> nll;
    std::vector<Eigen::Vector3d> weights;
    int batchSize = 0;
    LogRegStop stopped = LogRegStop::Running; // set in the report where the run ends
    double trainSeconds = 0.0;                // so far
};

struct LogRegProgress {
    quint64 sweep = 0;
    std::vector<LogRegRunUpdate> updates;
};

class LogRegWorker : public QObject {
    Q_OBJECT
  public:
    // `latest` is the id of the newest request; a sweep whose id differs stops.
    explicit LogRegWorker(const std::atomic<quint64>* latest) : latest_(latest) {}

    void runSweep(const LogRegSweepRequest& request);

  signals:
    void progress(const bpl::compute::LogRegProgress& progress);
    void sweepFinished(quint64 sweep, bool cancelled);

  private:
    const std::atomic<quint64>* latest_;
};

class LogRegCompute : public QObject {
    Q_OBJECT
  public:
    explicit LogRegCompute(QObject* parent = nullptr);
    ~LogRegCompute() override;

    // Starts a sweep (cancelling the one running) and returns its id. The
    // options must be valid for the data (optionsProblem is empty).
    quint64 start(std::shared_ptr<const LogRegData> data, std::vector<LogRegOptions> runs);
    // Asks the running sweep to stop; it reports sweepFinished(id, true).
    void cancel();
    bool busy() const { return running_ != 0; }

    // Progress reports are sent at most this often.
    static constexpr int kReportIntervalMs = 33;

    // The worker's thread (tests watch it end when the owner is destroyed).
    const QThread* workerThread() const { return &thread_; }

  signals:
    void progress(const bpl::compute::LogRegProgress& progress);
    void sweepFinished(quint64 sweep, bool cancelled);

  private:
    QThread thread_;
    LogRegWorker* worker_ = nullptr;
    std::atomic<quint64> latest_{0};
    int running_ = 0; // sweeps started and not yet reported finished (GUI thread only)
};

} // namespace bpl::compute

Q_DECLARE_METATYPE(bpl::compute::LogRegProgress)
