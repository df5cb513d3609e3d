// The common base of the Training tab's plots: told about a new comparison,
// about new epochs of a run, about the epoch the slider shows and about the
// selected run; redraws with a queued replot (many requests, one replot).
#pragma once

#include "gui/lab_plot.h"

namespace bpl::gui {

struct TrainingSession;

class TrainingPlot : public LabPlot {
    Q_OBJECT
  public:
    explicit TrainingPlot(const QString& title, QWidget* parent = nullptr);

    // A new comparison (its runs known, values still coming); kept by pointer.
    virtual void setSession(const TrainingSession* session) = 0;
    // Run `run` has new values from epoch `first` on (already in the session).
    virtual void appendValues(int run, int first) = 0;
    // The epoch the slider shows and the run the single-run plots show.
    virtual void setEpoch(int k) { epoch_ = k; }
    virtual void setSelectedRun(int run) { selectedRun_ = run; }
    virtual void fitView() = 0;

    // The replots actually drawn so far (tests, benchmark).
    int replotCount() const { return replots_; }

  signals:
    void epochPicked(int k);
    void saveRequested(bpl::gui::TrainingPlot* plot);

  protected:
    // The epoch under a pixel for plots with an epoch axis, or −1.
    virtual int epochAt(const QPointF& pixel) const;
    bool hasEpochAxis_ = false;
    const TrainingSession* session_ = nullptr;
    int epoch_ = 0;
    int selectedRun_ = 0;

  private:
    int replots_ = 0;
};

} // namespace bpl::gui
