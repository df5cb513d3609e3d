// Plot 1 of the lab: the data points by class and, for every η of the shown
// method, the separator line w₁x₁ + w₂x₂ + w₀ = 0 at the playback's
// iteration. Large data sets are thinned for display (every n-th point).
#pragma once

#include "gui/logreg/logreg_plot.h"

#include <memory>
#include <vector>

namespace bpl::gui {

class LogRegDataPlot : public LogRegPlot {
    Q_OBJECT
  public:
    explicit LogRegDataPlot(QWidget* parent = nullptr);

    // The points to show (shared, so they outlive any replacement elsewhere;
    // may differ from the sweep's data until the next run).
    void setData(std::shared_ptr<const LogRegData> data);
    void setSweep(const LogRegSweep* sweep) override;
    void appendValues(int run, int first) override;
    void setIteration(int k) override;
    void setShownMethod(LogRegMethod method) override;
    // The data's bounding box with a margin.
    void fitView() override;
    QString hoverText(const QPointF& pixel) const override;
    // While only the iteration changes, redraws just the layer of the
    // separators and the title (the thousands of points stay cached).
    void refresh() override;

    // Points drawn at most; more are thinned to every n-th point.
    static constexpr int kMaxShownPoints = 6000;
    int shownPoints() const { return shownPoints_; }
    // The separator line of a run (nullptr if none): for tests.
    QCPCurve* separator(int run) const;

  private:
    void updateSeparators();
    void updateTitle();
    void needFullReplot() { fullReplot_ = true; }

    std::shared_ptr<const LogRegData> data_;
    QCPGraph* class0_ = nullptr;
    QCPGraph* class1_ = nullptr;
    std::vector<QCPCurve*> separators_; // by run
    int shownPoints_ = 0;
    int iteration_ = 0;
    QCPLayer* separatorLayer_ = nullptr; // buffered: redrawn without the points
    bool fullReplot_ = true;
};

} // namespace bpl::gui
