#include "gui/logreg/logreg_lab.h"

#include "core/common/limits.h"

#include "core/common/number_text.h"

#include "compute/logreg_worker.h"
#include "core/logreg_gaussian.h"
#include "gui/logreg/logreg_compare_plot.h"
#include "gui/logreg/logreg_data_plot.h"
#include "gui/logreg/logreg_nll_plot.h"
#include "gui/logreg/logreg_path_plot.h"
#include "gui/plot_grid.h"
#include "gui/plot_style.h"
#include "gui/tab_fit.h"
#include "io/logreg_data.h"
#include "ui_logreg_lab.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <cmath>
#include <map>

namespace bpl::gui {

namespace {

constexpr int kMaxEtas = 10;
constexpr const char* kSamplePath = ":/data/two_gaussians_200.txt";

// "0.5, 0.3 0.1" → numbers; false with a reason.
bool parseNumbers(const QString& text, std::vector<double>& out, QString& error) {
    std::string why; // the one number-list parser (core/common/number_text.h)
    if (parseNumberList(text.toStdString(), out, why, true))
        return true;
    error = QString::fromStdString(why);
    return false;
}

} // namespace

LogRegLab::LogRegLab(QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::LogRegLab>()),
      compute_(std::make_unique<compute::LogRegCompute>()) {
    ui_->setupUi(this);
    dataPlot_ = new LogRegDataPlot(this);
    pathPlot_ = new LogRegPathPlot(this);
    nllPlot_ = new LogRegNllPlot(this);
    comparePlot_ = new LogRegComparePlot(this);
    // Two columns where each plot keeps its useful size, else one; the
    // comparison's panels want the whole width.
    auto* area = new QVBoxLayout(ui_->plotArea);
    area->setContentsMargins(0, 0, 0, 0);
    plotGrid_ = new PlotGrid(2);
    area->addWidget(plotGrid_);
    plotGrid_->addWidget(dataPlot_);
    plotGrid_->addWidget(pathPlot_);
    plotGrid_->addWidget(nllPlot_);
    plotGrid_->addWidget(comparePlot_, true);
    for (LogRegPlot* plot : plots()) {
        connect(plot, &LogRegPlot::iterationPicked, this, [this](int k) {
            followLatest_ = false;
            setIteration(k);
        });
        connect(plot, &LogRegPlot::saveRequested, this, &LogRegLab::askSavePlot);
    }

    connect(compute_.get(), &compute::LogRegCompute::progress, this, &LogRegLab::onProgress);
    connect(compute_.get(), &compute::LogRegCompute::sweepFinished, this,
            &LogRegLab::onSweepFinished);
    connect(ui_->runButton, &QPushButton::clicked, this, [this] { run(); });
    connect(ui_->stopButton, &QPushButton::clicked, this, &LogRegLab::stop);
    connect(ui_->sampleButton, &QPushButton::clicked, this, [this] { loadSample(); });
    connect(ui_->generateButton, &QPushButton::clicked, this, [this] { generate(); });
    connect(ui_->openDataButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open data"), QString(), tr("Data files (*.txt *.csv *.dat);;All files (*)"));
        if (!path.isEmpty())
            openData(path);
    });
    connect(ui_->saveDataButton, &QPushButton::clicked, this, [this] {
        if (!data_)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save data"), dataName_ + ".txt",
                                                          tr("Data files (*.txt)"));
        if (path.isEmpty())
            return;
        const auto saved = io::saveLogRegData(*data_, path, "Saved by Backprop Lab: " + dataName_);
        if (saved) {
            setStatus(tr("Saved %1 points to %2").arg(data_->size()).arg(path));
        } else {
            setStatus(QString::fromStdString(saved.error().message()), true);
        }
    });
    connect(ui_->iterationSlider, &QSlider::valueChanged, this, [this](int k) {
        if (!settingSlider_)
            followLatest_ = k >= ui_->iterationSlider->maximum();
        showIteration(k);
    });
    connect(ui_->playButton, &QPushButton::toggled, this, [this](bool on) {
        if (on) {
            if (ui_->iterationSlider->value() >= ui_->iterationSlider->maximum())
                setIteration(0);
            followLatest_ = false;
            playTimer_.start();
            ui_->playButton->setText(tr("Pause"));
        } else {
            playTimer_.stop();
            ui_->playButton->setText(tr("Play"));
        }
    });
    playTimer_.setInterval(30);
    connect(&playTimer_, &QTimer::timeout, this, &LogRegLab::playTick);
    connect(ui_->showCombo, &QComboBox::activated, this, [this](int index) {
        setShownMethod(static_cast<LogRegMethod>(ui_->showCombo->itemData(index).toInt()));
    });
    connect(ui_->logScaleCheck, &QCheckBox::toggled, this, [this](bool on) {
        nllPlot_->setLogScale(on);
        comparePlot_->setLogScale(on);
        nllPlot_->requestReplot();
        comparePlot_->requestReplot();
    });
    connect(ui_->classicViewButton, &QPushButton::clicked, this, [this] {
        pathPlot_->classicView();
        pathPlot_->requestReplot();
    });
    connect(ui_->fitViewButton, &QPushButton::clicked, this, [this] {
        for (LogRegPlot* plot : plots()) {
            plot->fitView();
            plot->requestReplot();
        }
    });
    connect(ui_->batchSizeSpin, &QSpinBox::valueChanged, this,
            [this] { ui_->miniBatchCheck->setChecked(true); });
    keepControlsWhole(ui_->controlsScroll);
    buildExportMenu();
    updateShowCombo();
    loadSample();
}

LogRegLab::~LogRegLab() {
    // Stop and join the worker before the plots and the sweep go away.
    compute_.reset();
}

std::vector<LogRegPlot*> LogRegLab::plots() const {
    return {dataPlot_, pathPlot_, nllPlot_, comparePlot_};
}

void LogRegLab::setData(std::shared_ptr<const LogRegData> data, const QString& name) {
    if (sweepRunning_) {
        // The runs belong to the old data: stop them and ignore their reports.
        compute_->cancel();
        sweepId_ = 0;
        sweepRunning_ = false;
        updateRunning(false);
    }
    data_ = std::move(data);
    dataName_ = name;
    dataPlot_->setData(data_);
    for (LogRegPlot* plot : plots())
        plot->setSweep(nullptr);
    sweep_ = LogRegSweep{};
    const QLocale locale;
    ui_->dataInfoLabel->setText(
        tr("<b>%1</b>: %2 points (%3 with t = 0, %4 with t = 1)")
            .arg(name.toHtmlEscaped(), locale.toString(static_cast<qlonglong>(data_->size())),
                 locale.toString(static_cast<qlonglong>(data_->countOf(0))),
                 locale.toString(static_cast<qlonglong>(data_->countOf(1)))));
    updateSlider();
    for (LogRegPlot* plot : plots())
        plot->requestReplot();
    setStatus(tr("Press Run to train every method for every η."));
}

bool LogRegLab::openData(const QString& path) {
    const auto loaded = io::loadLogRegData(path);
    if (!loaded) {
        setStatus(
            tr("Cannot open the data: %1").arg(QString::fromStdString(loaded.error().message())),
            true);
        return false;
    }
    setData(std::make_shared<const LogRegData>(loaded.value()), QFileInfo(path).fileName());
    return true;
}

bool LogRegLab::loadSample() {
    QFile f(kSamplePath);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const auto parsed = io::parseLogRegData(f.readAll(), "two_gaussians_200.txt");
    if (!parsed)
        return false;
    setData(std::make_shared<const LogRegData>(parsed.value()), "sample (two_gaussians_200.txt)");
    return true;
}

bool LogRegLab::generate() {
    TwoGaussians spec;
    spec.class0 = {ui_->gen0X1Spin->value(), ui_->gen0X2Spin->value(), ui_->gen0SpreadSpin->value(),
                   ui_->gen0CountSpin->value()};
    spec.class1 = {ui_->gen1X1Spin->value(), ui_->gen1X2Spin->value(), ui_->gen1SpreadSpin->value(),
                   ui_->gen1CountSpin->value()};
    spec.seed = static_cast<std::uint64_t>(ui_->genSeedSpin->value());
    if (const std::string problem = twoGaussiansProblem(spec); !problem.empty()) {
        setStatus(tr("Cannot generate: %1").arg(QString::fromStdString(problem)), true);
        return false;
    }
    setData(std::make_shared<const LogRegData>(generateTwoGaussians(spec)),
            tr("two Gaussians, seed %1").arg(spec.seed));
    return true;
}

bool LogRegLab::run() {
    if (!data_ || data_->size() == 0) {
        setStatus(tr("Load, open or generate a data set first."), true);
        return false;
    }
    std::vector<double> etas, init;
    QString error;
    if (!parseNumbers(ui_->etasEdit->text(), etas, error)) {
        setStatus(tr("Learning rates: %1.").arg(error), true);
        return false;
    }
    if (etas.empty() || etas.size() > kMaxEtas) {
        setStatus(
            tr("Learning rates: give from 1 to %1 values of η, separated by commas.").arg(kMaxEtas),
            true);
        return false;
    }
    if (!parseNumbers(ui_->initEdit->text(), init, error) || init.size() != 3) {
        setStatus(tr("Start weights: expected three numbers w₁, w₂, w₀ (%1).")
                      .arg(error.isEmpty() ? tr("found %1").arg(init.size()) : error),
                  true);
        return false;
    }
    LogRegOptions base;
    base.initialWeights = Eigen::Vector3d(init[0], init[1], init[2]);
    base.maxIter = ui_->maxIterSpin->value();
    // A batch larger than the data set runs as B = N (the core's effectiveBatchSize).
    base.batchSize = ui_->batchSizeSpin->value();
    base.shuffle = ui_->shuffleCheck->isChecked();
    base.seed = static_cast<std::uint64_t>(ui_->seedSpin->value());
    bool ok = false;
    base.tolerance = QLocale::c().toDouble(ui_->tolEdit->text().trimmed(), &ok);
    if (!ok) {
        setStatus(tr("Tolerance: '%1' is not a number.").arg(ui_->tolEdit->text()), true);
        return false;
    }
    std::vector<LogRegMethod> methods;
    if (ui_->gdCheck->isChecked())
        methods.push_back(LogRegMethod::GradientDescent);
    if (ui_->sgdCheck->isChecked())
        methods.push_back(LogRegMethod::Stochastic);
    if (ui_->miniBatchCheck->isChecked())
        methods.push_back(LogRegMethod::MiniBatch);
    if (methods.empty()) {
        setStatus(tr("Choose at least one method (GD, SGD or mini-batch)."), true);
        return false;
    }
    // Checked before anything changes: a typo keeps the runs on screen.
    LogRegSweep planned = LogRegSweep::plan(data_, dataName_, etas, methods, base);
    // The command line's limits (core/common/limits.h): the iterations all runs
    // record, and the point passes they make.
    {
        const auto runCount = static_cast<long long>(planned.runs.size());
        std::string problem = sweepSizeProblem(runCount, base.maxIter);
        if (problem.empty())
            problem = logRegWorkProblem(static_cast<long long>(data_->size()), base.maxIter, runCount);
        if (!problem.empty()) {
            setStatus(QString::fromStdString(problem) + ".", true);
            return false;
        }
    }
    std::vector<LogRegOptions> runs;
    for (const LogRegRun& run : planned.runs) {
        if (const std::string problem = optionsProblem(run.options, data_->size());
            !problem.empty()) {
            setStatus(QString::fromStdString(problem) + ".", true);
            return false;
        }
        runs.push_back(run.options);
    }
    for (LogRegPlot* plot : plots())
        plot->setSweep(nullptr);
    sweep_ = std::move(planned);
    ui_->playButton->setChecked(false);
    for (LogRegPlot* plot : plots())
        plot->setSweep(&sweep_);
    plotGrid_->relayout(); // the legends have their entries now
    updateShowCombo();
    followLatest_ = true;
    sweepId_ = compute_->start(data_, runs);
    sweepRunning_ = true;
    sweepClock_.start();
    updateRunning(true);
    updateSlider();
    setStatus(tr("Running %1 runs on %2 points…")
                  .arg(runs.size())
                  .arg(QLocale().toString(qlonglong(data_->size()))));
    return true;
}

void LogRegLab::stop() {
    if (sweepRunning_)
        compute_->cancel();
}

bool LogRegLab::running() const {
    return sweepRunning_;
}

bool LogRegLab::workerBusy() const {
    return compute_->busy();
}

const QThread* LogRegLab::workerThread() const {
    return compute_->workerThread();
}

void LogRegLab::onProgress(const compute::LogRegProgress& progress) {
    if (progress.sweep != sweepId_)
        return; // a report of an older sweep
    for (const auto& update : progress.updates) {
        if (update.run < 0 || update.run >= sweep_.runCount())
            continue;
        const int first = sweep_.runs[static_cast<std::size_t>(update.run)].recorded();
        sweep_.apply(update);
        for (LogRegPlot* plot : plots())
            plot->appendValues(update.run, first);
    }
    updateSlider();
    showIteration(ui_->iterationSlider->value());
}

void LogRegLab::onSweepFinished(quint64 sweep, bool cancelled) {
    if (sweep != sweepId_)
        return;
    sweepRunning_ = false;
    sweepSeconds_ = sweepClock_.elapsed() / 1000.0;
    updateRunning(false);
    setStatus(finishedSummary(cancelled));
    emit sweepFinished(cancelled);
}

QString LogRegLab::finishedSummary(bool cancelled) const {
    std::map<LogRegStop, int> count;
    QStringList diverged;
    for (int r = 0; r < sweep_.runCount(); ++r) {
        const LogRegRun& run = sweep_.runs[static_cast<std::size_t>(r)];
        ++count[run.stopped];
        if (run.stopped == LogRegStop::Diverged)
            diverged << sweep_.runLabel(r);
    }
    QString text =
        cancelled
            ? tr("Stopped after %1 s.").arg(sweepSeconds_, 0, 'f', 2)
            : tr("%1 runs finished in %2 s.").arg(sweep_.runCount()).arg(sweepSeconds_, 0, 'f', 2);
    QStringList reasons;
    for (const auto& [stop, n] : count)
        reasons << QString("%1 × %2").arg(n).arg(stopId(stop));
    text += " " + tr("Stopped by: %1.").arg(reasons.join(", "));
    if (!diverged.isEmpty())
        text += " " + tr("Diverged: %1.").arg(diverged.join(", "));
    return text;
}

void LogRegLab::updateSlider() {
    const int longest = std::max(1, sweep_.longest());
    settingSlider_ = true;
    ui_->iterationSlider->setMaximum(longest - 1);
    if (followLatest_)
        ui_->iterationSlider->setValue(longest - 1);
    settingSlider_ = false;
}

int LogRegLab::iteration() const {
    return ui_->iterationSlider->value();
}

void LogRegLab::setIteration(int k) {
    settingSlider_ = true;
    ui_->iterationSlider->setValue(k);
    settingSlider_ = false;
    showIteration(ui_->iterationSlider->value());
}

void LogRegLab::showIteration(int k) {
    for (LogRegPlot* plot : plots()) {
        plot->setIteration(k);
        plot->refresh();
    }
    const LogRegMethod shown = static_cast<LogRegMethod>(ui_->showCombo->currentData().toInt());
    ui_->iterationLabel->setText(tr("%1 %2 of %3")
                                     .arg(LogRegSweep::stepName(shown))
                                     .arg(k)
                                     .arg(std::max(0, sweep_.longest() - 1)));
    emit iterationChanged(k);
}

void LogRegLab::setShownMethod(LogRegMethod method) {
    for (LogRegPlot* plot : plots()) {
        plot->setShownMethod(method);
        plot->requestReplot();
    }
    showIteration(ui_->iterationSlider->value());
}

void LogRegLab::updateShowCombo() {
    const QVariant previous = ui_->showCombo->currentData();
    ui_->showCombo->clear();
    const std::vector<LogRegMethod> all = {LogRegMethod::GradientDescent, LogRegMethod::Stochastic,
                                           LogRegMethod::MiniBatch};
    for (LogRegMethod m : sweep_.methods.empty() ? all : sweep_.methods) {
        ui_->showCombo->addItem(
            sweep_.methods.empty() ? QString(methodLabel(m)) : sweep_.methodTitle(m), int(m));
    }
    const int index = ui_->showCombo->findData(previous);
    ui_->showCombo->setCurrentIndex(std::max(0, index));
    setShownMethod(static_cast<LogRegMethod>(ui_->showCombo->currentData().toInt()));
}

void LogRegLab::setStatus(const QString& text, bool error) {
    ui_->statusLabel->setStyleSheet(error ? errorStyleSheet() : QString());
    ui_->statusLabel->setText(text);
}

QString LogRegLab::statusText() const {
    return ui_->statusLabel->text();
}

void LogRegLab::updateRunning(bool running) {
    ui_->runButton->setText(running ? tr("Restart") : tr("Run"));
    ui_->stopButton->setEnabled(running);
}

void LogRegLab::playTick() {
    const int last = ui_->iterationSlider->maximum();
    const int step = std::max(1, (last + 1) / 300); // a whole replay takes about 9 s
    const int next = std::min(last, ui_->iterationSlider->value() + step);
    setIteration(next);
    if (next >= last)
        ui_->playButton->setChecked(false);
}

} // namespace bpl::gui
