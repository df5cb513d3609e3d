// The confusion matrix of the selected run on the test set (validation set
// when there is no test set) at the slider's epoch: rows the true class,
// columns the predicted one, each cell its count and a colour; the top-1
// error and the top-k error of the tab's k below it. Also the small widget
// that draws the first layer's weights of image inputs as 8×8 pictures.
#pragma once

#include "core/network.h"
#include "gui/training/training_plot.h"

#include <Eigen/Dense>
#include <QWidget>
#include <utility>
#include <vector>

namespace bpl::gui {

class TrainingConfusionPlot : public TrainingPlot {
    Q_OBJECT
  public:
    explicit TrainingConfusionPlot(QWidget* parent = nullptr);

    void setSession(const TrainingSession* session) override;
    void appendValues(int, int) override {}
    void fitView() override;

    // `setName` is "test" or "validation"; `topKErrors` pairs (k, E), rising k.
    void setConfusion(const Eigen::MatrixXi& confusion, const QString& setName, int epoch,
                      const std::vector<std::pair<int, double>>& topKErrors = {});
    const Eigen::MatrixXi& confusion() const { return confusion_; }
    QString summary() const { return summary_->text(); }

  private:
    QCPColorMap* map_ = nullptr;
    PlotTitle* summary_ = nullptr;
    std::vector<QCPItemText*> counts_;
    Eigen::MatrixXi confusion_;
};

// The first layer's weights, one 8×8 picture per hidden unit (red positive,
// blue negative, each unit scaled to its largest |w|), for 64-pixel inputs.
class WeightImagesWidget : public QWidget {
    Q_OBJECT
  public:
    explicit WeightImagesWidget(QWidget* parent = nullptr);
    void setNetwork(const Network& network);
    void clear();
    int imageCount() const { return static_cast<int>(images_.size()); }
    QSize sizeHint() const override { return {220, 120}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    std::vector<QImage> images_;
};

} // namespace bpl::gui
