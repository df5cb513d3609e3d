// Plot 4 of the lab: GD against SGD (and mini-batch, when in the sweep) side by
// side — one panel per method with the NLL curves of every η, the same colours
// as the other plots and a shared NLL axis, so the methods compare at a glance.
#pragma once

#include "gui/logreg/logreg_plot.h"

#include <memory>
#include <vector>

namespace bpl::gui {

class LogRegNllPanel;

class LogRegComparePlot : public LogRegPlot {
    Q_OBJECT
  public:
    explicit LogRegComparePlot(QWidget* parent = nullptr);
    ~LogRegComparePlot() override;

    void setSweep(const LogRegSweep* sweep) override;
    void appendValues(int run, int first) override;
    void setIteration(int k) override;
    void fitView() override;
    QString hoverText(const QPointF& pixel) const override;

    void setLogScale(bool logarithmic);
    // Side by side (one NLL axis on the left) when each panel gets its useful
    // width, else one panel under the other.
    bool sideBySide() const { return sideBySide_; }
    int usefulHeight(int width) const override;
    int panelCount() const { return static_cast<int>(panels_.size()); }
    LogRegNllPanel* panel(int index) const {
        return panels_[static_cast<std::size_t>(index)].get();
    }

  protected:
    int iterationAt(const QPointF& pixel) const override;
    void updateLayout() override;

  private:
    // The panel whose axis rect contains the pixel, or −1.
    int panelAt(const QPointF& pixel) const;
    void setPanelCount(int count);
    bool fitsSideBySide(int width) const;
    void arrangePanels(bool sideBySide);

    std::vector<std::unique_ptr<LogRegNllPanel>> panels_; // by method index in the sweep
    std::vector<PlotTitle*> panelTitles_;
    QCPLayoutGrid* panelsGrid_ = nullptr;
    QCPMarginGroup* marginGroup_ = nullptr;
    bool logScale_ = false;
    bool sideBySide_ = true;
};

} // namespace bpl::gui
