#include "compute/logreg_worker.h"
#include "compute/worker_thread.h"

#include "core/logreg_trainer.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace bpl::compute {

void LogRegWorker::runSweep(const LogRegSweepRequest& request) {
    const auto stale = [this, id = request.id] {
        return latest_->load(std::memory_order_relaxed) != id;
    };
    if (stale()) {
        emit sweepFinished(request.id, true);
        return;
    }
    const LogRegData& data = *request.data;
    std::vector<std::unique_ptr<LogRegTrainer>> trainers;
    trainers.reserve(request.runs.size());
    for (const LogRegOptions& options : request.runs) {
        trainers.push_back(std::make_unique<LogRegTrainer>(data, options));
        if (stale())
            break;
    }
    std::vector<int> reported(request.runs.size(), 0);
    std::vector<bool> endReported(request.runs.size(), false);

    // Sends what each run recorded since the last report (and how runs ended).
    auto report = [&] {
        LogRegProgress p;
        p.sweep = request.id;
        for (std::size_t r = 0; r < trainers.size(); ++r) {
            const LogRegRun& run = trainers[r]->run();
            const int from = reported[r];
            const bool ended = !trainers[r]->running();
            if (from == run.recorded() && (!ended || endReported[r]))
                continue;
            LogRegRunUpdate u;
            u.run = static_cast<int>(r);
            u.first = from;
            u.nll.assign(run.nll.begin() + from, run.nll.end());
            u.weights.assign(run.weights.begin() + from, run.weights.end());
            u.batchSize = run.batchSize;
            u.stopped = run.stopped;
            u.trainSeconds = run.trainSeconds;
            reported[r] = run.recorded();
            endReported[r] = ended;
            p.updates.push_back(std::move(u));
        }
        if (!p.updates.empty())
            emit progress(p);
    };

    QElapsedTimer sinceReport;
    sinceReport.start();
    bool cancelled = stale();
    bool anyRunning = !cancelled;
    const LogRegTrainer::StopCheck shouldStop = stale;
    while (anyRunning && !cancelled) {
        // One iteration or epoch of every unfinished run in turn, so that all
        // curves grow together.
        anyRunning = false;
        for (auto& trainer : trainers) {
            if (!trainer->running())
                continue;
            trainer->step(shouldStop);
            if (stale()) {
                cancelled = true;
                break;
            }
            anyRunning = anyRunning || trainer->running();
        }
        if (!cancelled && sinceReport.elapsed() >= LogRegCompute::kReportIntervalMs) {
            report();
            sinceReport.restart();
        }
    }
    if (cancelled) {
        for (auto& trainer : trainers)
            trainer->cancel();
    }
    report();
    emit sweepFinished(request.id, cancelled);
}

LogRegCompute::LogRegCompute(QObject* parent) : QObject(parent) {
    qRegisterMetaType<bpl::compute::LogRegProgress>();
    worker_ = new LogRegWorker(&latest_);
    worker_->moveToThread(&thread_);
    connect(worker_, &LogRegWorker::progress, this, &LogRegCompute::progress);
    connect(worker_, &LogRegWorker::sweepFinished, this, [this](quint64 sweep, bool cancelled) {
        --running_;
        emit sweepFinished(sweep, cancelled);
    });
    startWorkerThread(thread_, "logreg-worker");
}

LogRegCompute::~LogRegCompute() {
    cancel();
    thread_.quit();
    thread_.wait();
    delete worker_; // its thread has finished: safe to delete from here
}

quint64 LogRegCompute::start(std::shared_ptr<const LogRegData> data,
                             std::vector<LogRegOptions> runs) {
    LogRegSweepRequest request;
    request.id = latest_.fetch_add(1) + 1; // also tells the running sweep to stop
    request.data = std::move(data);
    request.runs = std::move(runs);
    ++running_;
    LogRegWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, request] { worker->runSweep(request); }, Qt::QueuedConnection);
    return request.id;
}

void LogRegCompute::cancel() {
    latest_.fetch_add(1);
}

} // namespace bpl::compute
