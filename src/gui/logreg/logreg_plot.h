// The common base of the four linked plots of the logistic-regression lab: it
// is told about a new sweep, about new values of a run, about the iteration
// the playback shows and about which method the first three plots show; it
// redraws with a queued replot; it shows values under the mouse as a tool tip
// and reports a click as an iteration to jump to.
#pragma once

#include "core/logreg.h"

#include "gui/lab_plot.h"

namespace bpl::gui {

struct LogRegSweep;

class LogRegPlot : public LabPlot {
    Q_OBJECT
  public:
    explicit LogRegPlot(const QString& title, QWidget* parent = nullptr);

    // A new sweep (possibly still empty); the plot keeps the pointer.
    virtual void setSweep(const LogRegSweep* sweep) = 0;
    // Run `run` has new values from index `first` on (already in the sweep).
    virtual void appendValues(int run, int first) = 0;
    // The iteration (or epoch) the playback shows.
    virtual void setIteration(int k) = 0;
    // The method the single-method plots show.
    virtual void setShownMethod(LogRegMethod method) { shownMethod_ = method; }
    // Fit the axes to what is shown.
    virtual void fitView() = 0;
    // What the tool tip says for the mouse at `pixel` (empty: no tool tip).
    QString hoverText(const QPointF& pixel) const override = 0;

    // Redraws after new values or a new iteration: a queued replot, or less
    // where a plot knows only part of it changed.
    virtual void refresh() { requestReplot(); }

  signals:
    // The user clicked at iteration k (plots with an iteration axis).
    void iterationPicked(int k);
    // The user asked to save this plot (context menu).
    void saveRequested(bpl::gui::LogRegPlot* plot);

  protected:
    // The iteration under the pixel for plots with an iteration axis, or −1.
    virtual int iterationAt(const QPointF& pixel) const {
        Q_UNUSED(pixel);
        return -1;
    }
    // True once the user dragged or zoomed: live updates stop re-fitting.
    bool userMovedView() const { return userMovedView_; }
    void clearUserMovedView() { userMovedView_ = false; }

    const LogRegSweep* sweep_ = nullptr;
    LogRegMethod shownMethod_ = LogRegMethod::GradientDescent;

  private:
    bool userMovedView_ = false;
    QPointF pressPixel_;
};

} // namespace bpl::gui
