// The heat-map worker: a frame holds the outputs of exactly the network it
// was asked for (checked point by point against the stepper's forward pass),
// with that request's id, run, epoch and network; when requests pile up, the
// newest one's frame always arrives, frames arrive in request order and none
// older than one already delivered; destroying the owner with requests queued
// joins its thread.
#include "compute/heatmap_worker.h"
#include "core/network.h"
#include "support/thread_watch.h"
#include "support/training_networks.h"

#include <QSignalSpy>
#include <QtTest>

using namespace bpl;
using bpl::compute::HeatMapCompute;
using bpl::compute::HeatMapFrame;
using bpl::compute::PlaneGrid;

namespace {

// A 2-3-1 tanh/sigmoid network (Xavier weights, seed 3) whose output bias
// is `shift`, so requests for different "epochs" have different networks.
Network smallNetwork(double shift = 0) {
    Network net = test::layeredNetwork({2, 3, 1}, Activation::Tanh, Activation::Sigmoid,
                                       Loss::BinaryCrossEntropy, 3);
    net.layers[2].bias = Eigen::VectorXd::Constant(1, shift);
    return net;
}

} // namespace

class TestHeatMapWorker : public QObject {
    Q_OBJECT
  private slots:
    void gridPointsAreCellCentres();
    void frameIsItsNetworksOutputs();
    void newestRequestWins();
    void destroyingWithRequestsQueuedJoins();
};

void TestHeatMapWorker::gridPointsAreCellCentres() {
    PlaneGrid g{-6, 6, -2, 2, 4, 2};
    QCOMPARE(g.size(), 8);
    QCOMPARE(g.x(0), -4.5); // cells 3 wide: centres −4.5, −1.5, 1.5, 4.5
    QCOMPARE(g.x(3), 4.5);
    QCOMPARE(g.y(0), -1.0); // cells 2 high: centres −1, 1
    QCOMPARE(g.y(1), 1.0);
    const Eigen::MatrixXd p = g.points();
    QCOMPARE(p.cols(), Eigen::Index(8));
    QCOMPARE(p(0, 5), -1.5); // point 5 = row 1, column 1
    QCOMPARE(p(1, 5), 1.0);
}

void TestHeatMapWorker::frameIsItsNetworksOutputs() {
    HeatMapCompute compute;
    QSignalSpy frames(&compute, &HeatMapCompute::frameReady);
    const Network net = smallNetwork(0.25);
    const PlaneGrid grid{-3, 3, -2, 2, 7, 5};
    const quint64 id = compute.request(net, grid, 2, 9, true);
    QVERIFY(frames.wait(60000));
    QCOMPARE(frames.size(), 1);
    const auto frame = frames.first().first().value<HeatMapFrame>();
    QCOMPARE(frame.id, id);
    QCOMPARE(frame.run, 2);
    QCOMPARE(frame.epoch, 9);
    QVERIFY(frame.network.layers[2].bias == net.layers[2].bias);
    QCOMPARE(frame.outputs.rows(), Eigen::Index(1));
    QCOMPARE(frame.outputs.cols(), Eigen::Index(35));
    QCOMPARE(int(frame.activations.size()), 3);
    for (int iy = 0; iy < grid.ny; ++iy) {
        for (int ix = 0; ix < grid.nx; ++ix) {
            const ForwardPass pass = forward(net, Eigen::Vector2d(grid.x(ix), grid.y(iy)));
            const int p = iy * grid.nx + ix;
            QVERIFY(qAbs(frame.outputs(0, p) - pass.output()[0]) < 1e-12);
            QVERIFY(qAbs(frame.activations[1](2, p) - pass.z[1][2]) < 1e-12);
        }
    }
}

void TestHeatMapWorker::newestRequestWins() {
    HeatMapCompute compute;
    QSignalSpy frames(&compute, &HeatMapCompute::frameReady);
    const PlaneGrid grid{-6, 6, -6, 6, 200, 200};
    quint64 last = 0;
    for (int k = 0; k < 30; ++k) // as a scrubbed slider: no event loop between requests
        last = compute.request(smallNetwork(0.1 * k), grid, 0, k, false);
    QCOMPARE(compute.latest(), last);
    QVERIFY(QTest::qWaitFor(
        [&] { return !frames.isEmpty() && frames.last().first().value<HeatMapFrame>().id == last; },
        60000));
    quint64 previous = 0;
    for (const auto& args : frames) {
        const auto frame = args.first().value<HeatMapFrame>();
        QVERIFY(frame.id > previous); // in order, never an older one after a newer
        previous = frame.id;
        // Each frame's outputs are its own network's (its bias shift is 0.1·epoch).
        QCOMPARE(frame.network.layers[2].bias[0], 0.1 * frame.epoch);
        const ForwardPass pass = forward(frame.network, Eigen::Vector2d(grid.x(17), grid.y(0)));
        QVERIFY(qAbs(frame.outputs(0, 17) - pass.output()[0]) < 1e-12);
    }
    QCOMPARE(frames.last().first().value<HeatMapFrame>().epoch, 29);
    qInfo("30 requests, %lld frames computed", static_cast<long long>(frames.size()));
}

void TestHeatMapWorker::destroyingWithRequestsQueuedJoins() {
    auto compute = std::make_unique<HeatMapCompute>();
    const auto ended = test::watchThreadEnd(compute->workerThread());
    QVERIFY(compute->workerThread()->isRunning());
    const PlaneGrid grid{-6, 6, -6, 6, 300, 300};
    for (int k = 0; k < 10; ++k)
        compute->request(smallNetwork(0.1 * k), grid, 0, k, true);
    compute.reset(); // marks the queue stale, quits and joins the thread
    QVERIFY(ended->load());
}

QTEST_GUILESS_MAIN(TestHeatMapWorker)
#include "tst_heatmap_worker.moc"
