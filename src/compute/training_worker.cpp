#include "compute/training_worker.h"
#include "compute/worker_thread.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace bpl::compute {

namespace {

// What `run` recorded from k = `from` on (and how it ended, when it has).
TrainingRunUpdate updateOf(const TrainingRun& run, int index, int from, bool ended) {
    TrainingRunUpdate u;
    u.run = index;
    u.first = from;
    auto tail = [from](const auto& values) {
        using Values = std::decay_t<decltype(values)>;
        return from < static_cast<int>(values.size()) ? Values(values.begin() + from, values.end())
                                                      : Values{};
    };
    u.trainLoss = tail(run.trainLoss);
    u.validationLoss = tail(run.validationLoss);
    u.testLoss = tail(run.testLoss);
    u.trainAccuracy = tail(run.trainAccuracy);
    u.validationAccuracy = tail(run.validationAccuracy);
    u.testAccuracy = tail(run.testAccuracy);
    u.gradNorm = tail(run.gradNorm);
    for (const TopKSeries& series : run.topK)
        u.topK.push_back(
            {series.k, tail(series.train), tail(series.validation), tail(series.test)});
    u.snapshots = tail(run.snapshots);
    u.stopped = run.stopped;
    u.trainSeconds = run.trainSeconds;
    if (ended)
        u.confusion = run.confusion;
    return u;
}

} // namespace

void TrainingWorker::runComparison(const TrainingRequest& request) {
    const auto stale = [this, id = request.id] {
        return latest_->load(std::memory_order_relaxed) != id;
    };
    if (stale()) {
        emit comparisonFinished(request.id, true);
        return;
    }
    std::vector<std::unique_ptr<Trainer>> trainers;
    trainers.reserve(request.runs.size());
    for (const TrainingOptions& options : request.runs) {
        trainers.push_back(std::make_unique<Trainer>(request.start, request.data, options));
        if (stale())
            break;
    }
    std::vector<int> reported(trainers.size(), 0);
    std::vector<bool> endReported(trainers.size(), false);

    // Sends what each run recorded since the last report (and how runs ended).
    auto report = [&] {
        TrainingProgress p;
        p.comparison = request.id;
        for (std::size_t r = 0; r < trainers.size(); ++r) {
            const TrainingRun& run = trainers[r]->run();
            const bool ended = !trainers[r]->running();
            if (reported[r] == run.recordedEpochs() && (!ended || endReported[r]))
                continue;
            p.updates.push_back(updateOf(run, static_cast<int>(r), reported[r], ended));
            reported[r] = run.recordedEpochs();
            endReported[r] = ended;
        }
        if (!p.updates.empty())
            emit progress(p);
    };

    QElapsedTimer sinceReport;
    sinceReport.start();
    bool cancelled = stale();
    bool anyRunning = !cancelled;
    const Trainer::StopCheck shouldStop = stale;
    while (anyRunning && !cancelled) {
        // One epoch of every unfinished run in turn, so that all curves grow together.
        anyRunning = false;
        for (auto& trainer : trainers) {
            if (!trainer->running())
                continue;
            trainer->epoch(shouldStop);
            if (stale()) {
                cancelled = true;
                break;
            }
            anyRunning = anyRunning || trainer->running();
        }
        if (!cancelled && sinceReport.elapsed() >= TrainingCompute::kReportIntervalMs) {
            report();
            sinceReport.restart();
        }
    }
    if (cancelled) {
        for (auto& trainer : trainers) {
            if (trainer->running())
                trainer->cancel();
        }
    }
    report();
    emit comparisonFinished(request.id, cancelled);
}

TrainingCompute::TrainingCompute(QObject* parent) : QObject(parent) {
    qRegisterMetaType<bpl::compute::TrainingProgress>();
    worker_ = new TrainingWorker(&latest_);
    worker_->moveToThread(&thread_);
    connect(worker_, &TrainingWorker::progress, this, &TrainingCompute::progress);
    connect(worker_, &TrainingWorker::comparisonFinished, this,
            [this](quint64 comparison, bool cancelled) {
                --running_;
                emit comparisonFinished(comparison, cancelled);
            });
    startWorkerThread(thread_, "training-worker");
}

TrainingCompute::~TrainingCompute() {
    cancel();
    thread_.quit();
    thread_.wait();
    delete worker_; // its thread has finished: safe to delete from here
}

quint64 TrainingCompute::start(const Network& startNetwork, std::shared_ptr<const DataSplit> data,
                               std::vector<TrainingOptions> runs) {
    TrainingRequest request;
    request.id = latest_.fetch_add(1) + 1; // also tells the running comparison to stop
    request.start = startNetwork;
    request.data = std::move(data);
    request.runs = std::move(runs);
    ++running_;
    TrainingWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, request] { worker->runComparison(request); }, Qt::QueuedConnection);
    return request.id;
}

void TrainingCompute::cancel() {
    latest_.fetch_add(1);
}

} // namespace bpl::compute
