// The Training tab's curves over epochs, one colour per run: the loss or the
// accuracy (training solid, validation dashed; the loss optionally on a log
// scale), or the gradient norm ‖∂J/∂W⁽ˡ⁾‖ of every layer (one line style per
// layer, log scale). Each run also has its marker; the selected run is drawn in
// front at full opacity, the others faded. The loss axis follows the bulk of
// the curves (one spike does not flatten the rest) unless "show all" is on.
// A vertical line marks the slider's epoch; on the loss plot a star marks the
// selected run's lowest validation loss (where an overfitting run was best).
#pragma once

#include "gui/training/training_plot.h"

#include <vector>

namespace bpl::gui {

class TrainingCurvePlot : public TrainingPlot {
    Q_OBJECT
  public:
    enum Kind { Loss, Accuracy, Gradients };
    explicit TrainingCurvePlot(Kind kind, QWidget* parent = nullptr);

    void setSession(const TrainingSession* session) override;
    void appendValues(int run, int first) override;
    void setEpoch(int k) override;
    void setSelectedRun(int run) override;
    void fitView() override;
    void setLogScale(bool on);
    bool logScale() const { return logScale_; }
    // The loss axis over every value (on) or over the bulk of them (off).
    void setShowAll(bool on);
    bool showAll() const { return showAll_; }
    Kind kind() const { return kind_; }

    // The graphs of a run (tests): training then validation, or one per layer.
    std::vector<QCPGraph*> runGraphs(int run) const;
    QCPItemStraightLine* epochLine() const { return epochLine_; }
    // The star at the selected run's lowest validation loss (Loss only; tests), and its label.
    QCPGraph* minimumMark() const { return minimumMark_; }
    QString minimumText() const;

  private:
    // The series a graph shows for one run, as recorded.
    void addRunGraphs(int run);
    void addKeyGraphs();
    void appendSeries(QCPGraph* graph, const std::vector<double>& values, int first);
    void styleRun(int run);
    void markMinimum();
    // The range of every recorded value, or of the 2nd to 98th percentile
    // after the first epochs; false when nothing is recorded.
    bool valueRange(bool bulk, QCPRange& range) const;

    Kind kind_;
    bool logScale_ = false;
    bool showAll_ = false;
    std::vector<std::vector<QCPGraph*>> graphs_; // [run][series]
    QCPItemStraightLine* epochLine_ = nullptr;
    QCPGraph* minimumMark_ = nullptr;
};

} // namespace bpl::gui
