// The decision regions of the selected run at the slider's epoch, for 2-D
// inputs: a heat map of the network's output over the plane (computed by the
// heat-map worker; binary: shaded by probability; softmax: each class its
// colour mixed by probability, the tie boundaries drawn as lines and, for
// three classes, the point where all three are ⅓ marked), the training and
// test points on top; under the axes the ⅓ point's coordinates and, for a
// softmax regression, each tie line's equation (core softmaxRegionLines);
// hovering shows x, p(c | x) and the predicted class. For 1-D regression:
// the data and the fitted curve.
#pragma once

#include "compute/heatmap_worker.h"
#include "gui/training/training_plot.h"

#include <QImage>
#include <QStringList>
#include <optional>

namespace bpl::gui {

class TrainingRegionPlot : public TrainingPlot {
    Q_OBJECT
  public:
    explicit TrainingRegionPlot(QWidget* parent = nullptr);

    void setSession(const TrainingSession* session) override;
    void appendValues(int run, int first) override;
    void fitView() override;

    // A heat-map frame: the image, the tie lines, the ⅓ point and the shown
    // classes all come from the frame's own network and grid.
    void setFrame(const compute::HeatMapFrame& frame);
    // For 1-D regression: the curve of `network` over the data's x range.
    void setCurve(const Network& network);
    // The class the heat map shows at a point (−1 outside or before a frame).
    int shownClassAt(double x, double y) const;
    // The grid the lab asks the worker for (the data's box, ~100 × 100).
    compute::PlaneGrid grid() const { return grid_; }
    std::optional<QPointF> thirdPoint() const { return thirdPoint_; }
    const QImage& image() const { return image_; }
    int framesShown() const { return framesShown_; }
    // The request id, run and epoch of the frame on screen (0, −1, −1 before
    // one; epoch −1 is the start weights).
    quint64 frameId() const { return frameId_; }
    int frameRun() const { return frameRun_; }
    int frameEpoch() const { return frameEpoch_; }

    // The lines under the axes (⅓ point, tie equations), as shown.
    QStringList notes() const;
    // x, each p(c | x) and the predicted class of the frame's network at a
    // pixel inside the axes (empty elsewhere or before a frame).
    QString hoverText(const QPointF& pixel) const override;
    QString readoutAt(double x1, double x2) const;

    // The colour of output column `c` of `outputs` (probabilities).
    static QRgb regionColour(const Eigen::MatrixXd& outputs, int c);
    // Where all three softmax outputs of the frame's network are ⅓: exact for
    // a network without a hidden layer (core softmaxThirdPoint), otherwise the
    // grid point nearest to it (if within 0.05).
    static std::optional<QPointF> findThirdPoint(const compute::HeatMapFrame& frame);

  private:
    void placeData();
    void setGridToData();
    void setNotes(const QStringList& lines);

    compute::PlaneGrid grid_;      // the grid the next request asks for
    compute::PlaneGrid shownGrid_; // the grid of the frame on screen
    QImage image_;
    std::vector<int> shownClass_; // argmax per grid point
    QCPItemPixmap* pixmap_ = nullptr;
    QCPGraph* thirdGraph_ = nullptr;
    QCPGraph* curveGraph_ = nullptr;
    std::optional<QPointF> thirdPoint_;
    std::optional<Network> shownNetwork_; // the frame's network (classification only)
    std::vector<PlotTitle*> notes_;
    int framesShown_ = 0;
    quint64 frameId_ = 0;
    int frameRun_ = -1;
    int frameEpoch_ = -1;
};

} // namespace bpl::gui
