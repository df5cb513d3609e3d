#include "gui/training/training_lab.h"

#include "compute/heatmap_worker.h"
#include "compute/training_worker.h"
#include "core/training/top_k.h"
#include "gui/commands/training_command.h"
#include "gui/network_document.h"
#include "gui/plot_grid.h"
#include "gui/plot_style.h"
#include "gui/tab_fit.h"
#include "gui/training/data_preview.h"
#include "gui/training/top_k_ranks_dialog.h"
#include "gui/training/training_confusion_plot.h"
#include "gui/training/training_curve_plot.h"
#include "gui/training/training_region_plot.h"
#include "gui/training/unit_thumbnails.h"
#include "io/training_data.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>

#include <algorithm>

namespace bpl::gui {

TrainingLab::TrainingLab(NetworkDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), compute_(std::make_unique<compute::TrainingCompute>()),
      heatMap_(std::make_unique<compute::HeatMapCompute>()) {
    setProperty("tabId", QStringLiteral("training"));
    auto* controls = new QWidget;
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(4, 4, 4, 4);
    controlsLayout->addWidget(buildDataPanel());
    controlsLayout->addWidget(buildRunsPanel());
    controlsLayout->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setMaximumWidth(controls->sizeHint().width() + 60);
    keepControlsWhole(scroll);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(scroll);
    splitter->addWidget(buildPlotArea());
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    for (TrainingPlot* plot : plots()) {
        connect(plot, &TrainingPlot::epochPicked, this, [this](int k) {
            followLatest_ = false;
            setEpoch(k);
        });
        connect(plot, &TrainingPlot::saveRequested, this, &TrainingLab::askSavePlot);
    }
    connect(compute_.get(), &compute::TrainingCompute::progress, this, &TrainingLab::onProgress);
    connect(compute_.get(), &compute::TrainingCompute::comparisonFinished, this,
            &TrainingLab::onFinished);
    connect(heatMap_.get(), &compute::HeatMapCompute::frameReady, this, &TrainingLab::onFrame);
    connect(slider_, &QSlider::valueChanged, this, [this](int k) {
        if (!settingSlider_)
            followLatest_ = k >= slider_->maximum();
        showEpoch(k);
    });
    connect(playButton_, &QPushButton::toggled, this, [this](bool on) {
        if (on) {
            if (slider_->value() >= slider_->maximum())
                setEpoch(0);
            followLatest_ = false;
            playTimer_.start();
            playButton_->setText(tr("Pause"));
        } else {
            playTimer_.stop();
            playButton_->setText(tr("Play"));
        }
    });
    playTimer_.setInterval(40);
    connect(&playTimer_, &QTimer::timeout, this, &TrainingLab::playTick);
    connect(runCombo_, &QComboBox::activated, this, [this](int index) { setSelectedRun(index); });
    connect(logCheck_, &QCheckBox::toggled, this, [this](bool on) {
        lossPlot_->setLogScale(on);
        lossPlot_->setSession(&session_);
        for (int r = 0; r < session_.runCount(); ++r)
            lossPlot_->appendValues(r, 0);
        lossPlot_->setEpoch(epoch());
    });
    connect(showAllButton_, &QPushButton::toggled, lossPlot_, &TrainingCurvePlot::setShowAll);
    connect(runButton_, &QPushButton::clicked, this, [this] { run(); });
    connect(stopButton_, &QPushButton::clicked, this, &TrainingLab::stop);
    connect(stepperButton_, &QPushButton::clicked, this, [this] { openInStepper(); });
    connect(topKSpin_, &QSpinBox::valueChanged, this,
            [this] { showConfusion(session_.networkAt(selectedRun_, slider_->value())); });
    connect(ranksButton_, &QPushButton::clicked, this, &TrainingLab::showRanks);
    buildExportMenu(exportButton_);
    thumbnailsAction_ = new QAction(tr("What each unit &learned (Training thumbnails)"), this);
    thumbnailsAction_->setCheckable(true);
    thumbnailsAction_->setStatusTip(tr("For two inputs: beside each neuron, its activation over "
                                       "the plane at the Training tab's epoch"));
    connect(thumbnailsAction_, &QAction::toggled, this, [this](bool on) {
        if (on)
            requestViews();
        else
            clearUnitThumbnails(canvasScene_);
    });
    // A newly opened network brings its `training` object's defaults.
    connect(document_, &NetworkDocument::structureChanged, this, [this] {
        if (running_)
            return;
        applyDocumentDefaults();
        prepareData();
    });
    updateCompareHint();
    connect(document_, &NetworkDocument::traceChanged, this, [this] { updateStartInfo(); });
    dataCombo_->setCurrentIndex(std::max(0, dataCombo_->findData(QStringLiteral("spiral"))));
    applyDocumentDefaults();
    prepareData();
}

TrainingLab::~TrainingLab() {
    // Join the workers before the plots and the session go away.
    compute_.reset();
    heatMap_.reset();
}

std::vector<TrainingPlot*> TrainingLab::plots() const {
    return {regionPlot_, lossPlot_, accuracyPlot_, gradientPlot_, confusionPlot_};
}

bool TrainingLab::openData(const QString& path) {
    const auto loaded = io::loadTrainingData(path, document_->network());
    if (!loaded) {
        setStatus(
            tr("Cannot open the data: %1").arg(QString::fromStdString(loaded.error().message())),
            true);
        return false;
    }
    filePath_ = path;
    return prepareData();
}

// The data of the data panel fitted to the document's network: a file and the
// digits are read for it by io; a generated set is made once and then fitted.
Result<Dataset> TrainingLab::fittedData() {
    const Network& network = document_->network();
    if (!filePath_.isEmpty())
        return io::loadTrainingData(filePath_, network);
    const QString name = dataCombo_->currentData().toString();
    if (name == io::kDigitsName)
        return io::loadDigits(network);
    if (!rawData_) {
        GeneratorOptions g;
        g.name = name.toStdString();
        g.points = pointsSpin_->value();
        g.noise = noiseSpin_->value();
        g.seed = static_cast<std::uint64_t>(dataSeedSpin_->value());
        auto made = generateDataset(g);
        if (!made)
            return made.error();
        rawData_ = std::make_shared<const Dataset>(std::move(made.value()));
    }
    preview_->setData(rawData_);
    return fitDatasetToNetwork(*rawData_, network);
}

bool TrainingLab::prepareData() {
    const bool generated =
        filePath_.isEmpty() && dataCombo_->currentData().toString() != io::kDigitsName;
    for (QWidget* w : {static_cast<QWidget*>(pointsSpin_), static_cast<QWidget*>(noiseSpin_),
                       static_cast<QWidget*>(dataSeedSpin_)})
        w->setEnabled(generated);
    const QString name = filePath_.isEmpty() ? dataCombo_->currentData().toString()
                                             : QFileInfo(filePath_).fileName();
    if (!generated)
        preview_->setData(nullptr);
    auto fitted = fittedData();
    if (!fitted) {
        dataInfo_->setText(tr("<b>%1</b>").arg(name.toHtmlEscaped()));
        setStatus(tr("The data does not fit the network: %1")
                      .arg(QString::fromStdString(fitted.error().message())),
                  true);
        clearSession(); // nothing drawn belongs to another network or data set
        return false;
    }
    SplitOptions split;
    split.seed = static_cast<std::uint64_t>(splitSeedSpin_->value());
    split.shuffle = shuffleCheck_->isChecked();
    if (const std::string problem = parseSplitPercentages(splitEdit_->text().toStdString(), split);
        !problem.empty()) {
        // Refused: the old split must not train the next run, nor be described.
        dataInfo_->setText(tr("<b>%1</b>").arg(name.toHtmlEscaped()));
        setStatus(tr("Split not used: %1").arg(QString::fromStdString(problem)), true);
        clearSession();
        return false;
    }
    if (running_) {
        // The runs belong to the old data: stop them and ignore their reports.
        compute_->cancel();
        comparisonId_ = 0;
        running_ = false;
        updateRunning(false);
    }
    auto data = std::make_shared<const Dataset>(std::move(fitted.value()));
    if (!generated)
        preview_->setData(data);
    auto parts3 = std::make_shared<const DataSplit>(splitDataset(*data, split));
    session_ = TrainingSession{};
    session_.data = data;
    session_.split = parts3;
    session_.dataName = name;
    session_.start = document_->network();
    attachPlotsToSession();
    weightImages_->clear();
    // The first layer's weights beside the gradient plot for image inputs.
    weightImages_->setVisible(session_.isImages());
    plotGrid_->relayout();
    updateRunCombo();
    updateSlider();
    dataInfo_->setText(
        tr("<b>%1</b>: %2 samples, %3 inputs%4 — %5 training, %6 validation, %7 test")
            .arg(name.toHtmlEscaped())
            .arg(data->sampleCount())
            .arg(data->inputCount())
            .arg(data->isClassification() ? tr(", %1 classes").arg(data->classes)
                                          : tr(", regression"))
            .arg(parts3->train.sampleCount())
            .arg(parts3->validation.sampleCount())
            .arg(parts3->test.sampleCount()));
    showEpoch(0);
    startCombo_->setCurrentIndex(0); // a new data set starts from the Network tab's weights
    updateStartInfo();
    setStatus(tr("Press Run to train the network on %1.").arg(name));
    return true;
}

void TrainingLab::clearSession() {
    if (running_) {
        compute_->cancel();
        comparisonId_ = 0;
        running_ = false;
        updateRunning(false);
    }
    session_ = TrainingSession{};
    session_.start = document_->network();
    attachPlotsToSession();
    weightImages_->clear();
    weightImages_->setVisible(false);
    plotGrid_->relayout();
    updateRunCombo();
    updateSlider();
}

bool TrainingLab::run() {
    if (!session_.split && !prepareData())
        return false;
    if (!session_.split)
        return false;
    QString error;
    const auto base = baseOptions(error);
    const auto compare = base ? comparison(error) : std::nullopt;
    if (!base || !compare) {
        setStatus(error + ".", true);
        return false;
    }
    auto planned = comparisonRuns(*base, *compare);
    if (!planned) {
        setStatus(QString::fromStdString(planned.error().message()) + ".", true);
        return false;
    }
    // Each epoch's top-k errors, as `train` records them by default: "Export runs"
    // writes train's JSON and CSV.
    if (session_.data->isClassification()) {
        for (TrainingOptions& o : planned.value())
            o.topK = defaultTopK(session_.classes());
    }
    const int trainRows = session_.split->train.sampleCount();
    for (const TrainingOptions& o : planned.value()) {
        std::string problem = optimizerProblem(o.optimizer);
        if (problem.empty())
            problem = trainingProblem(o, trainRows);
        if (!problem.empty()) {
            setStatus(QString::fromStdString(problem) + ".", true);
            return false;
        }
    }
    if (const std::string problem = networkTrainingProblem(document_->network());
        !problem.empty()) {
        setStatus(QString::fromStdString(problem) + ".", true);
        return false;
    }
    // The command line's work limits, and the weights this tab keeps to replay
    // every epoch (its runs keep snapshots).
    const DataSplit& split = *session_.split;
    if (const std::string problem = comparisonLimitProblem(
            document_->network(),
            split.train.sampleCount() + split.validation.sampleCount() + split.test.sampleCount(),
            planned.value());
        !problem.empty()) {
        setStatus(QString::fromStdString(problem) + ".", true);
        return false;
    }
    // The document's network now (its weights start every run).
    if (!NetworkDocument::sameShape(session_.start, document_->network()) && !prepareData())
        return false;
    session_.start = runStart();
    session_.comparedSetting = compare->setting;
    session_.runs.clear();
    for (const TrainingOptions& o : planned.value()) {
        TrainingRun r;
        r.options = o;
        r.label = o.label.empty() ? defaultRunLabel(o) : o.label;
        session_.runs.push_back(std::move(r));
    }
    playButton_->setChecked(false);
    selectedRun_ = std::min(selectedRun_, session_.runCount() - 1);
    attachPlotsToSession();
    for (TrainingPlot* plot : plots())
        plot->setSelectedRun(selectedRun_);
    updateRunCombo();
    followLatest_ = true;
    comparisonId_ = compute_->start(session_.start, session_.split, planned.value());
    running_ = true;
    clock_.start();
    updateRunning(true);
    updateSlider();
    setStatus(tr("Training %n run(s)…", nullptr, session_.runCount()));
    return true;
}

void TrainingLab::stop() {
    if (running_)
        compute_->cancel();
}

void TrainingLab::onProgress(const compute::TrainingProgress& progress) {
    if (progress.comparison != comparisonId_)
        return; // a report of an older comparison
    for (const auto& update : progress.updates) {
        if (update.run < 0 || update.run >= session_.runCount())
            continue;
        const int first = session_.runs[static_cast<std::size_t>(update.run)].recordedEpochs();
        session_.apply(update);
        for (TrainingPlot* plot : plots())
            plot->appendValues(update.run, std::min(first, update.first));
    }
    updateSlider();
    showEpoch(slider_->value());
}

void TrainingLab::onFinished(quint64 comparison, bool cancelled) {
    if (comparison != comparisonId_)
        return;
    running_ = false;
    seconds_ = clock_.elapsed() / 1000.0;
    updateRunning(false);
    setStatus(finishedSummary(cancelled));
    showEpoch(slider_->value());
    emit comparisonFinished(cancelled);
}

QString TrainingLab::finishedSummary(bool cancelled) const {
    QStringList parts;
    for (const TrainingRun& r : session_.runs) {
        parts << tr("%1: %2 after %3 epochs")
                     .arg(QString::fromStdString(r.label),
                          QString::fromStdString(trainingStopKey(r.stopped)))
                     .arg(std::max(0, r.recordedEpochs() - 1));
    }
    const QString head = cancelled ? tr("Stopped after %1 s.").arg(seconds_, 0, 'f', 2)
                                   : tr("Finished in %1 s.").arg(seconds_, 0, 'f', 2);
    return head + " " + parts.join("; ") + ".";
}

void TrainingLab::updateSlider() {
    const int longest = std::max(1, session_.longest());
    settingSlider_ = true;
    slider_->setMaximum(longest - 1);
    if (followLatest_)
        slider_->setValue(longest - 1);
    settingSlider_ = false;
}

int TrainingLab::epoch() const {
    return slider_->value();
}

void TrainingLab::setEpoch(int k) {
    settingSlider_ = true;
    slider_->setValue(k);
    settingSlider_ = false;
    showEpoch(slider_->value());
}

void TrainingLab::setSelectedRun(int run) {
    selectedRun_ = std::clamp(run, 0, std::max(0, session_.runCount() - 1));
    if (runCombo_->currentIndex() != selectedRun_)
        runCombo_->setCurrentIndex(selectedRun_);
    for (TrainingPlot* plot : plots())
        plot->setSelectedRun(selectedRun_);
    showEpoch(slider_->value());
}

void TrainingLab::showEpoch(int k) {
    for (TrainingPlot* plot : plots())
        plot->setEpoch(k);
    requestViews();
    epochLabel_->setText(tr("epoch %1 of %2").arg(k).arg(std::max(0, session_.longest() - 1)));
    emit epochChanged(k);
}

// The views of one run at one epoch: the heat map (on the worker), the
// fitted curve, the confusion matrix and the first layer's weights.
void TrainingLab::requestViews() {
    if (!session_.data)
        return;
    const int k = slider_->value();
    const Network net = session_.networkAt(selectedRun_, k);
    if (session_.isTwoD() && session_.data->isClassification()) {
        // Labelled with the epoch whose weights `net` holds (−1: the start).
        frameRequested_ =
            heatMap_->request(net, regionPlot_->grid(), selectedRun_,
                              session_.clampedEpoch(selectedRun_, k), thumbnailsWanted());
    } else if (session_.isCurve()) {
        regionPlot_->setCurve(net);
    }
    if (session_.isImages())
        weightImages_->setNetwork(net);
    showConfusion(net);
}

// The confusion matrix, the top-1 and top-k errors (core/training/top_k.h) of
// the test rows (validation rows without a test set), and the ranks window.
void TrainingLab::showConfusion(const Network& net) {
    if (!session_.data || !session_.data->isClassification())
        return;
    const bool hasTest = session_.split->test.sampleCount() > 0;
    const Dataset& part = hasTest ? session_.split->test : session_.split->validation;
    if (part.sampleCount() == 0)
        return;
    const int shown = std::max(0, session_.clampedEpoch(selectedRun_, slider_->value()));
    const int k = std::clamp(topKSpin_->value(), 1, std::max(1, session_.classes()));
    const std::vector<int> ks = k == 1 ? std::vector<int>{1} : std::vector<int>{1, k};
    const std::vector<double> errors = topKErrors(predictBatch(net, part.inputs), part.labels, ks);
    std::vector<std::pair<int, double>> readout;
    for (std::size_t i = 0; i < ks.size(); ++i)
        readout.emplace_back(ks[i], errors[i]);
    const QString setName = hasTest ? tr("test") : tr("validation");
    confusionPlot_->setConfusion(confusionMatrix(net, part), setName, shown, readout);
    if (ranksDialog_ && ranksDialog_->isVisible()) {
        const QString heading = tr("The %1 rows at epoch %2 of %3, k = %4")
                                    .arg(setName)
                                    .arg(shown)
                                    .arg(runCombo_->currentText())
                                    .arg(k);
        const TopKWorked worked = workTopK(net, part, k);
        ranksDialog_->setWorked(heading + "\n" + QString::fromStdString(worked.formula(4)),
                                QString::fromStdString(topKWorkedText(worked, 4)));
    }
}

void TrainingLab::showRanks() {
    if (!ranksDialog_)
        ranksDialog_ = new TopKRanksDialog(this);
    ranksDialog_->show();
    ranksDialog_->raise();
    showConfusion(session_.networkAt(selectedRun_, slider_->value()));
}

// k from 1 to the classes; 5 (as the tab showed before) for five or more, else 1.
void TrainingLab::updateTopKRange() {
    const int classes = session_.classes();
    const bool usable = classes >= 2;
    topKSpin_->setEnabled(usable);
    ranksButton_->setEnabled(usable);
    if (!usable || topKSpin_->maximum() == classes)
        return;
    const QSignalBlocker block(topKSpin_);
    topKSpin_->setRange(1, classes);
    topKSpin_->setValue(classes >= 5 ? 5 : 1);
}

// Every plot starts over with the new session; a heat-map frame asked for
// before this (another data set, another network) is never drawn on it.
void TrainingLab::attachPlotsToSession() {
    updateTopKRange();
    frameFloor_ = heatMap_->latest();
    for (TrainingPlot* plot : plots())
        plot->setSession(&session_);
    plotGrid_->relayout(); // the legends have their entries now
}

void TrainingLab::onFrame(const compute::HeatMapFrame& frame) {
    if (!session_.isTwoD() || frame.id <= frameFloor_)
        return;
    regionPlot_->setFrame(frame);
    if (!frame.activations.empty() && thumbnailsWanted())
        showUnitThumbnails(canvasScene_, frame.activations, frame.grid);
    emit frameShown(frame.id);
}

bool TrainingLab::thumbnailsWanted() const {
    return canvasScene_ && thumbnailsAction_->isChecked() && session_.isTwoD() &&
           NetworkDocument::sameShape(session_.start, document_->network());
}

void TrainingLab::updateRunCombo() {
    runCombo_->clear();
    for (const TrainingRun& r : session_.runs)
        runCombo_->addItem(QString::fromStdString(r.label));
    if (session_.runs.empty())
        runCombo_->addItem(tr("start weights"));
    runCombo_->setCurrentIndex(std::clamp(selectedRun_, 0, runCombo_->count() - 1));
}

void TrainingLab::updateRunning(bool running) {
    runButton_->setText(running ? tr("Restart") : tr("Run"));
    stopButton_->setEnabled(running);
}

void TrainingLab::setStatus(const QString& text, bool error) {
    status_->setStyleSheet(error ? errorStyleSheet() : QString());
    status_->setText(text);
}

QString TrainingLab::statusText() const {
    return status_->text();
}

void TrainingLab::playTick() {
    const int last = slider_->maximum();
    const int step = std::max(1, (last + 1) / 200);
    const int next = std::min(last, slider_->value() + step);
    setEpoch(next);
    if (next >= last)
        playButton_->setChecked(false);
}

bool TrainingLab::openInStepper() {
    if (session_.runs.empty() || session_.clampedEpoch(selectedRun_, epoch()) < 0) {
        setStatus(tr("Run the training first: there are no trained weights to open."), true);
        return false;
    }
    if (!NetworkDocument::sameShape(session_.start, document_->network())) {
        setStatus(tr("The network has changed shape since this run: its weights no longer fit."),
                  true);
        return false;
    }
    const int k = session_.clampedEpoch(selectedRun_, epoch());
    const TrainingRun& r = session_.runs[static_cast<std::size_t>(selectedRun_)];
    const QString text = tr("Train %1 epochs (%2)").arg(k).arg(QString::fromStdString(r.label));
    document_->undoStack()->push(
        new TrainWeightsCommand(document_, text, r.snapshots[static_cast<std::size_t>(k)]));
    // The next Run starts again from the comparison's start, unless picked otherwise.
    startCombo_->setCurrentIndex(startCombo_->findData(QStringLiteral("comparison")));
    updateStartInfo();
    setStatus(
        tr("%1: in the Network tab now (Ctrl+Z there returns to the start weights).").arg(text));
    emit networkTabWanted();
    return true;
}

bool TrainingLab::documentWeightsDiffer() const {
    const Network& now = document_->network();
    if (!session_.split || !NetworkDocument::sameShape(session_.start, now))
        return false;
    for (int l = 1; l < now.layerCount(); ++l) {
        if (now.layers[l].weights != session_.start.layers[l].weights ||
            now.layers[l].bias != session_.start.layers[l].bias)
            return true;
    }
    return false;
}

Network TrainingLab::runStart() const {
    Network start = document_->network();
    if (documentWeightsDiffer() && startCombo_->currentData().toString() == "comparison") {
        for (int l = 1; l < start.layerCount(); ++l) {
            start.layers[l].weights = session_.start.layers[l].weights;
            start.layers[l].bias = session_.start.layers[l].bias;
        }
    }
    return start;
}

void TrainingLab::updateStartInfo() {
    const bool differ = documentWeightsDiffer();
    const QString scheme = initCombo_->currentData().toString();
    startCombo_->setEnabled(differ && scheme.isEmpty());
    if (!scheme.isEmpty()) {
        startInfo_->setText(tr("Every run starts from new %1 weights (Start).").arg(scheme));
    } else if (!differ) {
        startInfo_->setText(tr("Every run starts from the Network tab's weights."));
    } else if (startCombo_->currentData().toString() == "comparison") {
        startInfo_->setText(tr("Every run starts from the weights the last comparison started "
                               "from, not from the Network tab's weights now."));
    } else {
        startInfo_->setText(tr("Every run starts from the Network tab's weights now, which differ "
                               "from the last comparison's start."));
    }
}

} // namespace bpl::gui
