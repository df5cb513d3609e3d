// The logistic-regression lab tab (teaching-content.md section 5): a data set
// (the sample, a file or two generated Gaussian classes), a sweep of every
// chosen method × every η run on the worker thread, and four linked plots —
// data with separators, the separator's path in slope–intercept space, the
// NLL per iteration, GD against SGD — replayed together by one iteration
// slider and a Play button. The GUI thread never waits for the computation.
#pragma once

#include "core/logreg.h"
#include "gui/logreg/logreg_sweep.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class LogRegLab;
}

namespace bpl::compute {
class LogRegCompute;
struct LogRegProgress;
} // namespace bpl::compute

namespace bpl::gui {

class LogRegPlot;
class LogRegDataPlot;
class LogRegPathPlot;
class LogRegNllPlot;
class LogRegComparePlot;
class PlotGrid;

class LogRegLab : public QWidget {
    Q_OBJECT
  public:
    explicit LogRegLab(QWidget* parent = nullptr);
    ~LogRegLab() override;

    // Replaces the data set (the current runs are cleared). `name` labels it.
    void setData(std::shared_ptr<const LogRegData> data, const QString& name);
    // Loads a data file; on a bad file shows the loader's message and keeps
    // the current data. Returns true when loaded.
    bool openData(const QString& path);
    bool loadSample();
    // Makes two Gaussian classes from the generator fields.
    bool generate();
    // Starts a sweep from the fields (as the Run button); false with a
    // message in the status line when a field is invalid.
    bool run();
    void stop();
    bool running() const;
    // Whether the worker still owes reports (a stopped sweep's last ones included).
    bool workerBusy() const;
    const QThread* workerThread() const;

    const LogRegSweep& sweep() const { return sweep_; }
    std::shared_ptr<const LogRegData> data() const { return data_; }
    int iteration() const;
    void setIteration(int k);
    QString statusText() const;

    LogRegDataPlot* dataPlot() const { return dataPlot_; }
    LogRegPathPlot* pathPlot() const { return pathPlot_; }
    LogRegNllPlot* nllPlot() const { return nllPlot_; }
    LogRegComparePlot* comparePlot() const { return comparePlot_; }
    std::vector<LogRegPlot*> plots() const;

    // Exports: every plot on one page (2 × 2) or one plot; runs as CSV or JSON.
    bool saveAllPlots(const QString& path, QString& error) const;
    bool savePlot(LogRegPlot* plot, const QString& path, QString& error) const;
    bool saveRuns(const QString& path, QString& error) const;

  signals:
    void sweepFinished(bool cancelled);
    void iterationChanged(int k);

  private:
    void onProgress(const compute::LogRegProgress& progress);
    void onSweepFinished(quint64 sweep, bool cancelled);
    void updateSlider();
    void showIteration(int k);
    void setShownMethod(LogRegMethod method);
    void updateShowCombo();
    void setStatus(const QString& text, bool error = false);
    void updateRunning(bool running);
    void playTick();
    void buildExportMenu();
    void askSavePlot(LogRegPlot* plot);
    QString finishedSummary(bool cancelled) const;

    std::unique_ptr<Ui::LogRegLab> ui_;
    std::unique_ptr<compute::LogRegCompute> compute_;
    std::shared_ptr<const LogRegData> data_;
    QString dataName_;
    LogRegSweep sweep_;
    quint64 sweepId_ = 0;
    bool sweepRunning_ = false;
    QElapsedTimer sweepClock_;
    double sweepSeconds_ = 0.0;
    bool followLatest_ = true; // the slider tracks the newest iteration while running
    bool settingSlider_ = false;
    QTimer playTimer_;
    LogRegDataPlot* dataPlot_ = nullptr;
    LogRegPathPlot* pathPlot_ = nullptr;
    LogRegNllPlot* nllPlot_ = nullptr;
    LogRegComparePlot* comparePlot_ = nullptr;
    PlotGrid* plotGrid_ = nullptr;
};

} // namespace bpl::gui
