// Plot 2 of the lab: the separator's path in slope–intercept space, (m, b) per
// iteration for every η of the shown method, start and end marked, a dot at
// the playback's iteration, and a break (never a jump) where w₂ ≈ 0 or w₂
// changes sign. Default view like the classic figure: m ∈ [−5, 5], b ∈ [−10, 0].
#pragma once

#include "gui/logreg/logreg_plot.h"

#include <vector>

namespace bpl::gui {

class LogRegPathPlot : public LogRegPlot {
    Q_OBJECT
  public:
    explicit LogRegPathPlot(QWidget* parent = nullptr);

    void setSweep(const LogRegSweep* sweep) override;
    void appendValues(int run, int first) override;
    void setIteration(int k) override;
    void setShownMethod(LogRegMethod method) override;
    // Fits to the visible paths, ignoring the most extreme 1 % of a zig-zag.
    void fitView() override;
    QString hoverText(const QPointF& pixel) const override;

    // m ∈ [−5, 5], b ∈ [−10, 0], and live updates keep it.
    void classicView();
    bool classic() const { return classic_; }
    // The path of a run (nullptr if none): for tests.
    QCPCurve* path(int run) const;
    QCPGraph* currentMarker(int run) const;

  protected:
    int iterationAt(const QPointF& pixel) const override;

  private:
    struct RunItems {
        QCPCurve* path = nullptr;
        QCPGraph* start = nullptr;
        QCPGraph* end = nullptr;
        QCPGraph* current = nullptr;
    };
    struct Nearest {
        int run = -1;
        int k = -1;
    };
    Nearest nearestPoint(const QPointF& pixel) const;
    void updateLegend();
    void markEnd(int run);

    std::vector<RunItems> runs_;
    QCPGraph* startKey_ = nullptr; // legend entries only
    QCPGraph* endKey_ = nullptr;
    bool classic_ = true;
    int iteration_ = 0;
};

} // namespace bpl::gui
