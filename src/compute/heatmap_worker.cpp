#include "compute/heatmap_worker.h"
#include "compute/worker_thread.h"

#include "core/training/trainer.h"

#include <QMetaObject>

namespace bpl::compute {

Eigen::MatrixXd PlaneGrid::points() const {
    Eigen::MatrixXd p(2, size());
    for (int iy = 0; iy < ny; ++iy) {
        for (int ix = 0; ix < nx; ++ix) {
            p(0, iy * nx + ix) = x(ix);
            p(1, iy * nx + ix) = y(iy);
        }
    }
    return p;
}

void HeatMapWorker::compute(const HeatMapRequest& request) {
    if (latest_->load(std::memory_order_relaxed) != request.id)
        return; // a newer request is queued behind this one
    HeatMapFrame frame;
    frame.id = request.id;
    frame.run = request.run;
    frame.epoch = request.epoch;
    frame.network = request.network;
    frame.grid = request.grid;
    const Eigen::MatrixXd points = request.grid.points();
    if (request.activations) {
        frame.activations = activationsBatch(request.network, points);
        frame.outputs = frame.activations.back();
    } else {
        frame.outputs = predictBatch(request.network, points);
    }
    emit frameReady(frame);
}

HeatMapCompute::HeatMapCompute(QObject* parent) : QObject(parent) {
    qRegisterMetaType<bpl::compute::HeatMapFrame>();
    worker_ = new HeatMapWorker(&latest_);
    worker_->moveToThread(&thread_);
    connect(worker_, &HeatMapWorker::frameReady, this, [this](const HeatMapFrame& frame) {
        // A frame finished after a newer request is still shown (the newer one
        // follows); only a frame older than the one on screen is dropped.
        if (frame.id <= lastDelivered_)
            return;
        lastDelivered_ = frame.id;
        emit frameReady(frame);
    });
    startWorkerThread(thread_, "heatmap-worker");
}

HeatMapCompute::~HeatMapCompute() {
    latest_.fetch_add(1); // whatever is queued is now stale
    thread_.quit();
    thread_.wait();
    delete worker_;
}

quint64 HeatMapCompute::request(const Network& network, const PlaneGrid& grid, int run, int epoch,
                                bool activations) {
    HeatMapRequest request;
    request.id = latest_.fetch_add(1) + 1;
    request.run = run;
    request.epoch = epoch;
    request.network = network;
    request.grid = grid;
    request.activations = activations;
    HeatMapWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker_, [worker, request] { worker->compute(request); }, Qt::QueuedConnection);
    return request.id;
}

} // namespace bpl::compute
