// The logistic-regression worker thread: a sweep's reports put together give
// exactly the runs the core computes alone, each report carries only new
// values, reports are throttled, a cancel or a newer sweep stops a long sweep
// long before it would have finished, and destroying the owner mid-sweep
// returns promptly.
#include "compute/logreg_worker.h"
#include "core/logreg_gaussian.h"
#include "core/logreg_trainer.h"
#include "support/thread_watch.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace bpl;
using bpl::compute::LogRegCompute;
using bpl::compute::LogRegProgress;

namespace {

std::shared_ptr<const LogRegData> gaussians(int perClass) {
    TwoGaussians spec;
    spec.class0.count = perClass;
    spec.class1.count = perClass;
    return std::make_shared<const LogRegData>(generateTwoGaussians(spec));
}

LogRegOptions runOptions(LogRegMethod method, double eta, int maxIter, double tolerance = 1e-6) {
    LogRegOptions o;
    o.method = method;
    o.learningRate = eta;
    o.maxIter = maxIter;
    o.tolerance = tolerance;
    o.batchSize = 8;
    return o;
}

// Collects the reports of one sweep into runs, checking that each report
// continues exactly where the previous one of its run stopped.
struct Collector {
    quint64 sweep = 0;
    std::vector<LogRegRun> runs;
    bool inOrder = true;
    int reports = 0;

    void add(const LogRegProgress& p) {
        if (p.sweep != sweep)
            return;
        ++reports;
        for (const auto& u : p.updates) {
            if (u.run >= static_cast<int>(runs.size()))
                runs.resize(static_cast<std::size_t>(u.run) + 1);
            LogRegRun& run = runs[static_cast<std::size_t>(u.run)];
            inOrder = inOrder && u.first == run.recorded() && u.nll.size() == u.weights.size();
            run.nll.insert(run.nll.end(), u.nll.begin(), u.nll.end());
            run.weights.insert(run.weights.end(), u.weights.begin(), u.weights.end());
            run.stopped = u.stopped;
            run.batchSize = u.batchSize;
        }
    }
};

} // namespace

class TestLogRegWorker : public QObject {
    Q_OBJECT
  private slots:
    void reportsAddUpToTheCoreRuns();
    void reportsAreThrottled();
    void cancelStopsALongSweepPromptly();
    void newSweepCancelsTheOld();
    void destroyingMidSweepReturnsPromptly();
};

void TestLogRegWorker::reportsAddUpToTheCoreRuns() {
    const auto data = gaussians(100);
    std::vector<LogRegOptions> runs = {runOptions(LogRegMethod::GradientDescent, 0.5, 300),
                                       runOptions(LogRegMethod::Stochastic, 0.1, 200),
                                       runOptions(LogRegMethod::MiniBatch, 0.3, 150),
                                       runOptions(LogRegMethod::GradientDescent, 1e308, 50)};
    LogRegCompute compute;
    Collector collector;
    connect(&compute, &LogRegCompute::progress, this,
            [&](const LogRegProgress& p) { collector.add(p); });
    QSignalSpy finished(&compute, &LogRegCompute::sweepFinished);
    collector.sweep = compute.start(data, runs);
    QVERIFY(compute.busy());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toULongLong(), collector.sweep);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(!compute.busy());
    QVERIFY(collector.inOrder);
    QCOMPARE(collector.runs.size(), runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const LogRegRun alone = runLogReg(*data, runs[r]);
        const LogRegRun& reported = collector.runs[r];
        QCOMPARE(reported.recorded(), alone.recorded());
        QCOMPARE(reported.stopped, alone.stopped);
        QCOMPARE(reported.batchSize, alone.batchSize);
        QVERIFY(reported.nll == alone.nll);
        QVERIFY(reported.weights == alone.weights);
    }
    QCOMPARE(collector.runs[3].stopped, LogRegStop::Diverged);
}

void TestLogRegWorker::reportsAreThrottled() {
    const auto data = gaussians(5000);
    LogRegCompute compute;
    Collector collector;
    connect(&compute, &LogRegCompute::progress, this,
            [&](const LogRegProgress& p) { collector.add(p); });
    QSignalSpy finished(&compute, &LogRegCompute::sweepFinished);
    QElapsedTimer clock;
    clock.start();
    collector.sweep =
        compute.start(data, {runOptions(LogRegMethod::Stochastic, 0.05, 200, 0.0),
                             runOptions(LogRegMethod::GradientDescent, 0.05, 1000, 0.0)});
    QVERIFY(finished.wait(60000));
    const qint64 elapsed = clock.elapsed();
    QVERIFY(collector.inOrder);
    QCOMPARE(collector.runs[0].recorded(), 200);
    QCOMPARE(collector.runs[1].recorded(), 1000);
    // At most one report per 33 ms while running, plus the final one.
    QVERIFY2(collector.reports <= elapsed / LogRegCompute::kReportIntervalMs + 2,
             qPrintable(QString("%1 reports in %2 ms").arg(collector.reports).arg(elapsed)));
    QVERIFY(collector.reports >= 1);
}

void TestLogRegWorker::cancelStopsALongSweepPromptly() {
    // A million points and a million SGD epochs: many hours if not stopped.
    const auto data = gaussians(500000);
    constexpr int kMaxIter = 1000000;
    LogRegCompute compute;
    Collector collector;
    connect(&compute, &LogRegCompute::progress, this,
            [&](const LogRegProgress& p) { collector.add(p); });
    QSignalSpy progress(&compute, &LogRegCompute::progress);
    QSignalSpy finished(&compute, &LogRegCompute::sweepFinished);
    collector.sweep =
        compute.start(data, {runOptions(LogRegMethod::Stochastic, 0.01, kMaxIter, 0.0),
                             runOptions(LogRegMethod::GradientDescent, 0.01, kMaxIter, 0.0)});
    QVERIFY(progress.wait(60000)); // it is running
    QElapsedTimer clock;
    clock.start();
    compute.cancel();
    QVERIFY(finished.wait(60000));
    const qint64 stopMs = clock.elapsed();
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(collector.inOrder);
    for (const LogRegRun& run : collector.runs) {
        QCOMPARE(run.stopped, LogRegStop::Cancelled);
        QVERIFY(run.recorded() < kMaxIter / 100);
    }
    // How promptly is a figure, not a pass/fail (the worker checks every
    // 65,536 points); what is asserted above is that it stopped long before
    // its end and said so.
    qInfo("cancelled after %lld ms", stopMs);
}

void TestLogRegWorker::newSweepCancelsTheOld() {
    const auto big = gaussians(500000);
    const auto small = gaussians(50);
    LogRegCompute compute;
    Collector second;
    connect(&compute, &LogRegCompute::progress, this,
            [&](const LogRegProgress& p) { second.add(p); });
    QSignalSpy progress(&compute, &LogRegCompute::progress);
    QSignalSpy finished(&compute, &LogRegCompute::sweepFinished);
    const quint64 first =
        compute.start(big, {runOptions(LogRegMethod::Stochastic, 0.01, 1000000, 0.0)});
    QVERIFY(progress.wait(60000));
    second.sweep = compute.start(small, {runOptions(LogRegMethod::GradientDescent, 0.1, 100, 0.0)});
    QVERIFY(second.sweep > first);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QCOMPARE(finished.at(0).at(0).toULongLong(), first);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QCOMPARE(finished.at(1).at(0).toULongLong(), second.sweep);
    QCOMPARE(finished.at(1).at(1).toBool(), false);
    QCOMPARE(second.runs.size(), std::size_t(1));
    QCOMPARE(second.runs[0].recorded(), 100);
    QVERIFY(second.runs[0].nll ==
            runLogReg(*small, runOptions(LogRegMethod::GradientDescent, 0.1, 100, 0.0)).nll);
}

void TestLogRegWorker::destroyingMidSweepReturnsPromptly() {
    const auto data = gaussians(500000);
    auto compute = std::make_unique<LogRegCompute>();
    const auto ended = test::watchThreadEnd(compute->workerThread());
    QSignalSpy progress(compute.get(), &LogRegCompute::progress);
    compute->start(data, {runOptions(LogRegMethod::Stochastic, 0.01, 1000000, 0.0),
                          runOptions(LogRegMethod::MiniBatch, 0.01, 1000000, 0.0)});
    QVERIFY(progress.wait(60000));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!ended->load());
    compute.reset();        // cancels, quits the thread and waits for it
    QVERIFY(ended->load()); // joined, not left running
    qInfo("destroyed mid-sweep in %lld ms", static_cast<long long>(clock.elapsed()));
}

QTEST_GUILESS_MAIN(TestLogRegWorker)
#include "tst_logreg_worker.moc"
