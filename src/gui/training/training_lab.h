// The Training tab (shared/spec/training.md): the open network (its layers,
// activations and loss; its weights start every run) trained on a data set —
// a built-in seeded set or a file, split into training, validation and test
// rows — by one run or a comparison of runs that differ in one setting, on
// the worker thread. Linked plots (decision regions or fitted curve, loss,
// accuracy, gradient norms per layer, confusion matrix) replay one epoch
// slider; "Open in the stepper" puts a run's weights at that epoch into the
// document as one undo step. The GUI thread never waits for the computation.
#pragma once

#include "gui/training/training_session.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace bpl::compute {
class HeatMapCompute;
class TrainingCompute;
struct HeatMapFrame;
struct TrainingProgress;
} // namespace bpl::compute

namespace bpl::gui {

class DataPreview;
class NetworkDocument;
class NetworkScene;
class PlotGrid;
class TrainingConfusionPlot;
class TrainingCurvePlot;
class TrainingPlot;
class TrainingRegionPlot;
class TopKRanksDialog;
class WeightImagesWidget;

class TrainingLab : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingLab(NetworkDocument* document, QWidget* parent = nullptr);
    ~TrainingLab() override;

    // The data from the data panel's fields (built-in set or the opened file),
    // fitted to the document's network and split; false with a message.
    bool prepareData();
    // Forgets the data and the runs (the data no longer fits the network):
    // every plot is emptied, so none shows another network's results.
    void clearSession();
    bool openData(const QString& path);
    // Starts the runs from the fields (as the Run button); false with a
    // message in the status line when a field is invalid.
    bool run();
    void stop();
    bool running() const { return running_; }
    // Puts the selected run's weights at the slider's epoch into the document
    // (one undo step). False with a message when it does not fit.
    bool openInStepper();

    const TrainingSession& session() const { return session_; }
    int epoch() const;
    void setEpoch(int k);
    int selectedRun() const { return selectedRun_; }
    void setSelectedRun(int run);
    QString statusText() const;

    TrainingRegionPlot* regionPlot() const { return regionPlot_; }
    TrainingCurvePlot* lossPlot() const { return lossPlot_; }
    TrainingCurvePlot* accuracyPlot() const { return accuracyPlot_; }
    TrainingCurvePlot* gradientPlot() const { return gradientPlot_; }
    TrainingConfusionPlot* confusionPlot() const { return confusionPlot_; }
    WeightImagesWidget* weightImages() const { return weightImages_; }
    std::vector<TrainingPlot*> plots() const;
    // The id of the newest heat-map request (the frame the views will end on):
    // a caller that changed the epoch or the run waits for frameShown(this id).
    quint64 frameRequested() const { return frameRequested_; }
    // The Network canvas, for the units' thumbnails (View → What each unit
    // learned, the checkable action below; for networks with two inputs).
    void setCanvasScene(NetworkScene* scene) { canvasScene_ = scene; }
    QAction* thumbnailsAction() const { return thumbnailsAction_; }

    // Exports: every plot on one page or one plot (PNG, PDF, SVG); the runs.
    bool saveAllPlots(const QString& path, QString& error) const;
    bool savePlot(TrainingPlot* plot, const QString& path, QString& error) const;
    bool saveRuns(const QString& path, QString& error) const;

  signals:
    void comparisonFinished(bool cancelled);
    void epochChanged(int k);
    // The heat-map frame of request `id` was drawn (tests, benchmark).
    void frameShown(quint64 id);
    // "Open in the stepper" put weights into the document: show the Network tab.
    void networkTabWanted();

  private:
    // training_lab_controls.cpp
    QWidget* buildDataPanel();
    QWidget* buildRunsPanel();
    QWidget* buildPlotArea();
    void applyDocumentDefaults();
    std::optional<TrainingOptions> baseOptions(QString& error) const;
    std::optional<Comparison> comparison(QString& error) const;
    void updateCompareHint();
    // The weights the next Run starts from: the Network tab's, or (after
    // "Open in the stepper", or when picked) those the last comparison
    // started from; the runs panel says which.
    bool documentWeightsDiffer() const;
    Network runStart() const;
    void updateStartInfo();

    // training_lab.cpp
    void onProgress(const compute::TrainingProgress& progress);
    void onFinished(quint64 comparison, bool cancelled);
    void onFrame(const compute::HeatMapFrame& frame);
    void attachPlotsToSession();
    void showEpoch(int k);
    Result<Dataset> fittedData();
    void requestViews();
    void showConfusion(const Network& net);
    void showRanks();
    void updateTopKRange();
    bool thumbnailsWanted() const;
    void updateSlider();
    void updateRunCombo();
    void updateRunning(bool running);
    void setStatus(const QString& text, bool error = false);
    QString finishedSummary(bool cancelled) const;
    void playTick();

    // training_lab_export.cpp
    void buildExportMenu(QPushButton* button);
    void askSavePlot(TrainingPlot* plot);

    NetworkDocument* document_;
    NetworkScene* canvasScene_ = nullptr;
    QAction* thumbnailsAction_ = nullptr;
    std::unique_ptr<compute::TrainingCompute> compute_;
    std::unique_ptr<compute::HeatMapCompute> heatMap_;
    quint64 frameRequested_ = 0;
    quint64 frameFloor_ = 0; // frames up to this id belong to an earlier session
    TrainingSession session_;
    std::shared_ptr<const Dataset> rawData_; // the generated set, before fitting
    QString filePath_;                       // the opened data file, if any
    QJsonValue appliedSetup_; // the document's `training` object last applied to the fields
    quint64 comparisonId_ = 0;
    bool running_ = false;
    bool followLatest_ = true;
    bool settingSlider_ = false;
    int selectedRun_ = 0;
    QElapsedTimer clock_;
    double seconds_ = 0;
    QTimer playTimer_;

    // Data panel
    QComboBox* dataCombo_ = nullptr;
    QSpinBox* pointsSpin_ = nullptr;
    QDoubleSpinBox* noiseSpin_ = nullptr;
    QSpinBox* dataSeedSpin_ = nullptr;
    QLineEdit* splitEdit_ = nullptr;
    QSpinBox* splitSeedSpin_ = nullptr;
    QCheckBox* shuffleCheck_ = nullptr;
    QLabel* dataInfo_ = nullptr;
    DataPreview* preview_ = nullptr;
    // Runs panel
    QComboBox* optimizerCombo_ = nullptr;
    QLineEdit* etaEdit_ = nullptr;
    QLineEdit* betaEdit_ = nullptr;
    QLineEdit* beta2Edit_ = nullptr;
    QCheckBox* biasCorrectionCheck_ = nullptr;
    QSpinBox* batchSpin_ = nullptr;
    QSpinBox* epochsSpin_ = nullptr;
    QLineEdit* l2Edit_ = nullptr;
    QSpinBox* seedSpin_ = nullptr;
    QComboBox* initCombo_ = nullptr;
    QComboBox* startCombo_ = nullptr;
    QLabel* startInfo_ = nullptr;
    QSpinBox* initSeedSpin_ = nullptr;
    QComboBox* compareCombo_ = nullptr;
    QLineEdit* compareEdit_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QLabel* status_ = nullptr;
    // Plot area
    QComboBox* runCombo_ = nullptr;
    QSlider* slider_ = nullptr;
    QPushButton* playButton_ = nullptr;
    QLabel* epochLabel_ = nullptr;
    QCheckBox* logCheck_ = nullptr;
    QPushButton* showAllButton_ = nullptr;
    QPushButton* stepperButton_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QSpinBox* topKSpin_ = nullptr;
    QPushButton* ranksButton_ = nullptr;
    QPointer<TopKRanksDialog> ranksDialog_;
    TrainingRegionPlot* regionPlot_ = nullptr;
    TrainingCurvePlot* lossPlot_ = nullptr;
    TrainingCurvePlot* accuracyPlot_ = nullptr;
    TrainingCurvePlot* gradientPlot_ = nullptr;
    TrainingConfusionPlot* confusionPlot_ = nullptr;
    WeightImagesWidget* weightImages_ = nullptr;
    PlotGrid* plotGrid_ = nullptr;
};

} // namespace bpl::gui
