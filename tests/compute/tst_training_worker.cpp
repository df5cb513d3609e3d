// The training worker thread: every run of a comparison reports; the reports
// of a run joined together are exactly the run the core computes alone (each
// report continues where the previous one stopped); a cancel or a newer
// comparison stops a long one; destroying the owner mid-run returns.
#include "compute/training_worker.h"
#include "support/thread_watch.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace bpl;
using bpl::compute::TrainingCompute;
using bpl::compute::TrainingProgress;

namespace {

// A 2-3-1 tanh/sigmoid network with fixed weights, binary cross-entropy.
Network smallNetwork() {
    Network net;
    Layer in;
    in.size = 2;
    Layer hidden;
    hidden.size = 3;
    hidden.activation.kind = Activation::Tanh;
    hidden.weights.resize(3, 2);
    hidden.weights << 0.5, -0.3, 0.2, 0.8, -0.6, 0.1;
    hidden.bias = Eigen::Vector3d(0.1, -0.1, 0.0);
    Layer out;
    out.size = 1;
    out.activation.kind = Activation::Sigmoid;
    out.weights.resize(1, 3);
    out.weights << 0.4, -0.7, 0.3;
    out.bias = Eigen::VectorXd::Zero(1);
    net.layers = {in, hidden, out};
    net.loss = Loss::BinaryCrossEntropy;
    net.sample.input = Eigen::Vector2d(0, 0);
    net.sample.target = Eigen::VectorXd::Zero(1);
    return net;
}

// `n` points on a grid, class 1 inside the circle of radius 3 (fitted by hand).
Dataset circleData(int n) {
    Dataset d;
    d.source = "test";
    d.inputs.resize(2, n);
    d.targets.resize(1, n);
    d.classes = 2;
    for (int s = 0; s < n; ++s) {
        const double x = -5 + 10.0 * ((s * 7) % n) / n, y = -5 + 10.0 * ((s * 13) % n) / n;
        d.inputs.col(s) = Eigen::Vector2d(x, y);
        const int label = x * x + y * y < 9 ? 1 : 0;
        d.targets(0, s) = label;
        d.labels.push_back(label);
    }
    return d;
}

std::shared_ptr<const DataSplit> split(int n) {
    SplitOptions options;
    return std::make_shared<const DataSplit>(splitDataset(circleData(n), options));
}

TrainingOptions runOptions(OptimizerKind kind, double eta, int epochs) {
    TrainingOptions o;
    o.optimizer.kind = kind;
    o.optimizer.learningRate = eta;
    o.batchSize = 8;
    o.epochs = epochs;
    return o;
}

// Joins one comparison's reports into runs, checking they continue exactly.
struct Collector {
    quint64 comparison = 0;
    std::vector<TrainingRun> runs;
    bool inOrder = true;
    void add(const TrainingProgress& p) {
        if (p.comparison != comparison)
            return;
        for (const auto& u : p.updates) {
            if (u.run >= static_cast<int>(runs.size()))
                runs.resize(static_cast<std::size_t>(u.run) + 1);
            TrainingRun& run = runs[static_cast<std::size_t>(u.run)];
            inOrder = inOrder && u.first == run.recordedEpochs() &&
                      u.gradNorm.size() == u.trainLoss.size() &&
                      u.snapshots.size() == u.trainLoss.size();
            auto append = [](auto& to, const auto& from) {
                to.insert(to.end(), from.begin(), from.end());
            };
            append(run.trainLoss, u.trainLoss);
            append(run.validationLoss, u.validationLoss);
            append(run.testLoss, u.testLoss);
            append(run.trainAccuracy, u.trainAccuracy);
            append(run.validationAccuracy, u.validationAccuracy);
            append(run.testAccuracy, u.testAccuracy);
            append(run.gradNorm, u.gradNorm);
            append(run.snapshots, u.snapshots);
            run.stopped = u.stopped;
            if (u.confusion.size() > 0)
                run.confusion = u.confusion;
        }
    }
};

bool waitFinished(QSignalSpy& spy, quint64 id, bool& cancelled, int timeoutMs = 60000) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        for (const auto& args : spy) {
            if (args.at(0).toULongLong() == id) {
                cancelled = args.at(1).toBool();
                return true;
            }
        }
        spy.wait(50);
    }
    return false;
}

} // namespace

class TestTrainingWorker : public QObject {
    Q_OBJECT
  private slots:
    void reportsJoinUpToTheDirectRuns();
    void cancelStopsALongRun();
    void newerComparisonCancelsOlder();
    void destructorMidRun();
};

void TestTrainingWorker::reportsJoinUpToTheDirectRuns() {
    const Network start = smallNetwork();
    const auto data = split(120);
    const std::vector<TrainingOptions> runs = {runOptions(OptimizerKind::Sgd, 0.1, 40),
                                               runOptions(OptimizerKind::Momentum, 0.1, 25),
                                               runOptions(OptimizerKind::Adam, 0.01, 30)};
    TrainingCompute compute;
    QSignalSpy finished(&compute, &TrainingCompute::comparisonFinished);
    Collector collector;
    connect(&compute, &TrainingCompute::progress, this,
            [&](const TrainingProgress& p) { collector.add(p); });
    collector.comparison = compute.start(start, data, runs);
    QVERIFY(compute.busy());
    bool cancelled = true;
    QVERIFY(waitFinished(finished, collector.comparison, cancelled));
    QVERIFY(!cancelled);
    QVERIFY(!compute.busy());
    QVERIFY(collector.inOrder);
    QCOMPARE(collector.runs.size(), runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const TrainingRun direct = train(start, data, runs[r]);
        const TrainingRun& got = collector.runs[r];
        QCOMPARE(got.recordedEpochs(), runs[r].epochs + 1);
        QCOMPARE(got.trainLoss, direct.trainLoss); // bit for bit: the same computation
        QCOMPARE(got.validationLoss, direct.validationLoss);
        QCOMPARE(got.testAccuracy, direct.testAccuracy);
        QCOMPARE(got.gradNorm, direct.gradNorm);
        QCOMPARE(got.snapshots.size(), direct.snapshots.size());
        QVERIFY(got.snapshots.back().weights[1] == direct.snapshots.back().weights[1]);
        QVERIFY(got.confusion == direct.confusion);
        QVERIFY(got.stopped == TrainingStop::MaxEpochs);
    }
}

void TestTrainingWorker::cancelStopsALongRun() {
    TrainingCompute compute;
    QSignalSpy finished(&compute, &TrainingCompute::comparisonFinished);
    QSignalSpy progress(&compute, &TrainingCompute::progress);
    Collector collector;
    connect(&compute, &TrainingCompute::progress, this,
            [&](const TrainingProgress& p) { collector.add(p); });
    collector.comparison = compute.start(smallNetwork(), split(400),
                                         {runOptions(OptimizerKind::Sgd, 0.05, 1'000'000)});
    QVERIFY(progress.wait(60000)); // it is running
    compute.cancel();
    bool cancelled = false;
    QVERIFY(waitFinished(finished, collector.comparison, cancelled));
    QVERIFY(cancelled);
    QCOMPARE(collector.runs.size(), std::size_t(1));
    QVERIFY(collector.runs[0].stopped == TrainingStop::Cancelled);
    QVERIFY(collector.runs[0].recordedEpochs() < 1'000'001);
    QVERIFY(collector.inOrder);
}

void TestTrainingWorker::newerComparisonCancelsOlder() {
    TrainingCompute compute;
    QSignalSpy finished(&compute, &TrainingCompute::comparisonFinished);
    const quint64 older = compute.start(smallNetwork(), split(400),
                                        {runOptions(OptimizerKind::Sgd, 0.05, 1'000'000)});
    const quint64 newer =
        compute.start(smallNetwork(), split(60), {runOptions(OptimizerKind::Adam, 0.01, 5)});
    QVERIFY(newer > older);
    bool olderCancelled = false, newerCancelled = true;
    QVERIFY(waitFinished(finished, older, olderCancelled));
    QVERIFY(waitFinished(finished, newer, newerCancelled));
    QVERIFY(olderCancelled);
    QVERIFY(!newerCancelled);
    QCOMPARE(finished.count(), 2);
}

void TestTrainingWorker::destructorMidRun() {
    auto compute = std::make_unique<TrainingCompute>();
    const auto ended = test::watchThreadEnd(compute->workerThread());
    QSignalSpy progress(compute.get(), &TrainingCompute::progress);
    compute->start(smallNetwork(), split(400),
                   {runOptions(OptimizerKind::Adam, 0.01, 1'000'000),
                    runOptions(OptimizerKind::Sgd, 0.1, 1'000'000)});
    QVERIFY(progress.wait(60000));
    QVERIFY(!ended->load());
    compute.reset();        // cancels, quits and joins the thread: returns, no crash
    QVERIFY(ended->load()); // the worker thread ended before the destructor returned
}

QTEST_GUILESS_MAIN(TestTrainingWorker)
#include "tst_training_worker.moc"
