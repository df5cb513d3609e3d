// One axis rect of NLL-per-iteration curves, one graph per run, with a cursor
// line and a dot per run at the iteration the playback shows. Used by the NLL
// plot (all runs, the shown method visible) and by the GD-vs-SGD comparison
// (one panel per method).
#pragma once

#include "core/logreg.h"

#include <QString>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;

namespace bpl::gui {

struct LogRegSweep;

class LogRegNllPanel {
  public:
    LogRegNllPanel(QCustomPlot* plot, QCPAxisRect* rect);
    ~LogRegNllPanel();
    LogRegNllPanel(const LogRegNllPanel&) = delete;
    LogRegNllPanel& operator=(const LogRegNllPanel&) = delete;

    QCPAxisRect* rect() const { return rect_; }
    // Drops the graphs and makes one per run of `sweep` for which `include` is true.
    void reset(const LogRegSweep* sweep, const std::vector<bool>& include);
    void append(int run, int first);
    void setIteration(int k);
    void setRunVisible(int run, bool visible);
    bool runVisible(int run) const;
    void setLogScale(bool logarithmic);
    // x over [0, longest visible run], y over the visible values.
    void fit();
    // The NLL of every visible run at the iteration under x (empty if none).
    QString hoverText(double x) const;
    // The iteration under x, or −1 outside the visible runs.
    int iterationAt(double x) const;
    // The graph of a run (nullptr if the panel does not show it): for tests and legends.
    QCPGraph* graph(int run) const;

  private:
    struct RunGraphs {
        QCPGraph* curve = nullptr;
        QCPGraph* marker = nullptr;
    };
    int longestVisible() const;

    QCustomPlot* plot_;
    QCPAxisRect* rect_;
    const LogRegSweep* sweep_ = nullptr;
    std::vector<RunGraphs> runs_; // by run index
    QCPItemStraightLine* cursor_ = nullptr;
    int iteration_ = 0;
};

} // namespace bpl::gui
