// The decision-region heat map and the units' thumbnails on a worker thread,
// after Qt's Mandelbrot example: the GUI asks HeatMapCompute::request() for a
// network's outputs over a grid of the input plane; the newest request wins
// (an older one still queued is skipped; a finished one older than the frame
// on screen is dropped), and each frame is one batched
// forward pass (core predictBatch / activationsBatch), so the window never
// waits for it. The destructor quits the thread and waits for it.
#pragma once

#include "core/network.h"

#include <Eigen/Dense>
#include <QObject>
#include <QThread>

#include <atomic>
#include <vector>

namespace bpl::compute {

// A square-celled grid over [xMin, xMax] × [yMin, yMax]: point p = iy·nx + ix
// sits at the centre of its cell.
struct PlaneGrid {
    double xMin = -6, xMax = 6, yMin = -6, yMax = 6;
    int nx = 100, ny = 100;

    int size() const { return nx * ny; }
    double x(int ix) const { return xMin + (ix + 0.5) * (xMax - xMin) / nx; }
    double y(int iy) const { return yMin + (iy + 0.5) * (yMax - yMin) / ny; }
    // The grid's points as a 2 × size() matrix (columns are samples).
    Eigen::MatrixXd points() const;
};

struct HeatMapRequest {
    quint64 id = 0;
    int run = 0; // the caller's labels, returned as they are
    int epoch = 0;
    Network network;
    PlaneGrid grid;
    bool activations = false; // also every layer's activations (thumbnails)
};

// Everything a view draws from one frame comes from the frame itself: the
// request's id, labels and the very network its outputs were computed from,
// so a frame that arrives late is drawn whole from its own epoch, never
// with another epoch's network beside it.
struct HeatMapFrame {
    quint64 id = 0;
    int run = 0;
    int epoch = 0;
    Network network;
    PlaneGrid grid;
    Eigen::MatrixXd outputs;                  // outputs × grid.size()
    std::vector<Eigen::MatrixXd> activations; // per layer, when asked
};

class HeatMapWorker : public QObject {
    Q_OBJECT
  public:
    explicit HeatMapWorker(const std::atomic<quint64>* latest) : latest_(latest) {}
    void compute(const bpl::compute::HeatMapRequest& request);

  signals:
    void frameReady(const bpl::compute::HeatMapFrame& frame);

  private:
    const std::atomic<quint64>* latest_;
};

class HeatMapCompute : public QObject {
    Q_OBJECT
  public:
    explicit HeatMapCompute(QObject* parent = nullptr);
    ~HeatMapCompute() override;

    // Queues a frame of `network` (labelled run and epoch) and returns its id;
    // frames of older requests that have not started yet are skipped.
    quint64 request(const Network& network, const PlaneGrid& grid, int run, int epoch,
                    bool activations);
    quint64 latest() const { return latest_.load(); }

    // The worker's thread (tests watch it end when the owner is destroyed).
    const QThread* workerThread() const { return &thread_; }

  signals:
    void frameReady(const bpl::compute::HeatMapFrame& frame);

  private:
    QThread thread_;
    HeatMapWorker* worker_ = nullptr;
    std::atomic<quint64> latest_{0};
    quint64 lastDelivered_ = 0;
};

} // namespace bpl::compute

Q_DECLARE_METATYPE(bpl::compute::HeatMapFrame)
