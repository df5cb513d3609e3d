// Plot 3 of the lab: the negative log-likelihood per iteration (gd) or epoch
// (sgd, mini-batch) for every η of the shown method, optionally on a log scale.
#pragma once

#include "gui/logreg/logreg_plot.h"

#include <memory>

namespace bpl::gui {

class LogRegNllPanel;

class LogRegNllPlot : public LogRegPlot {
    Q_OBJECT
  public:
    explicit LogRegNllPlot(QWidget* parent = nullptr);
    ~LogRegNllPlot() override;

    void setSweep(const LogRegSweep* sweep) override;
    void appendValues(int run, int first) override;
    void setIteration(int k) override;
    void setShownMethod(LogRegMethod method) override;
    void fitView() override;
    QString hoverText(const QPointF& pixel) const override;

    void setLogScale(bool logarithmic);
    bool logScale() const;
    LogRegNllPanel* panel() const { return panel_.get(); }

  protected:
    int iterationAt(const QPointF& pixel) const override;

  private:
    void updateLegend();
    std::unique_ptr<LogRegNllPanel> panel_;
};

} // namespace bpl::gui
