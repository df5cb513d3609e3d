// The Training tab's exports: each plot or all of them as PNG, PDF or SVG (via
// the plot exporter, which writes through QSaveFile); the runs as JSON in the
// format of `backprop-lab train --format json` or CSV, by its own writer,
// through io/safe_file (pipes and devices refused, the old file kept whole on
// a failure).
#include "gui/training/training_lab.h"

#include "gui/logreg/logreg_plot_export.h"
#include "gui/network_document.h"
#include "gui/training/training_plot.h"
#include "io/safe_file.h"
#include "io/training_export.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>

namespace bpl::gui {

namespace {


QString trainingFileStem(const QString& title) {
    QString stem = title.section(" (", 0, 0).toLower();
    stem.replace(QRegularExpression("[^a-z0-9]+"), "_");
    return "training_" + stem;
}

} // namespace

void TrainingLab::buildExportMenu(QPushButton* button) {
    auto* menu = new QMenu(this);
    for (TrainingPlot* plot : plots()) {
        QAction* action = menu->addAction(QString());
        connect(menu, &QMenu::aboutToShow, action, [action, plot] {
            action->setText(tr("Save plot “%1”…").arg(plot->title().section(" (", 0, 0)));
        });
        connect(action, &QAction::triggered, this, [this, plot] { askSavePlot(plot); });
    }
    menu->addAction(tr("Save all plots on one page…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save plots"), "training.png", tr(kPlotImageFilter));
        if (path.isEmpty())
            return;
        QString error;
        if (saveAllPlots(path, error)) {
            setStatus(tr("Saved the plots to %1").arg(path));
        } else {
            setStatus(error, true);
        }
    });
    menu->addSeparator();
    menu->addAction(tr("Save runs as JSON or CSV…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save runs"), "training_runs.json", tr("JSON (*.json);;CSV table (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (saveRuns(path, error)) {
            setStatus(tr("Saved the runs to %1").arg(path));
        } else {
            setStatus(error, true);
        }
    });
    button->setMenu(menu);
}

void TrainingLab::askSavePlot(TrainingPlot* plot) {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save plot"), trainingFileStem(plot->title()) + ".png", tr(kPlotImageFilter));
    if (path.isEmpty())
        return;
    QString error;
    if (savePlot(plot, path, error)) {
        setStatus(tr("Saved “%1” to %2").arg(plot->title(), path));
    } else {
        setStatus(error, true);
    }
}

bool TrainingLab::savePlot(TrainingPlot* plot, const QString& path, QString& error) const {
    if (!isPlotImageFormat(path)) {
        error = tr("%1: choose a name ending in .png, .pdf or .svg").arg(path);
        return false;
    }
    return savePlots({plot}, 1, kPlotExportSize, path, error, plot->title());
}

bool TrainingLab::saveAllPlots(const QString& path, QString& error) const {
    if (!isPlotImageFormat(path)) {
        error = tr("%1: choose a name ending in .png, .pdf or .svg").arg(path);
        return false;
    }
    const std::vector<TrainingPlot*> all = plots();
    return savePlots(std::vector<QCustomPlot*>(all.begin(), all.end()), 3, kPlotExportSize, path,
                     error, tr("Training — %1").arg(session_.dataName));
}

bool TrainingLab::saveRuns(const QString& path, QString& error) const {
    if (session_.runs.empty()) {
        error = tr("Nothing to save yet: press Run first.");
        return false;
    }
    // The writer of `backprop-lab train`: the same JSON and CSV as the command line.
    const bool json = QFileInfo(path).suffix().compare("json", Qt::CaseInsensitive) == 0;
    // A run still going (or stopped early) is written with its latest weights.
    std::vector<TrainingRun> runs = session_.runs;
    for (int r = 0; r < session_.runCount(); ++r) {
        TrainingRun& run = runs[static_cast<std::size_t>(r)];
        if (run.finalNetwork.layers.empty())
            run.finalNetwork = session_.networkAt(r, run.recordedEpochs() - 1);
    }
    io::NetworkDocument file = document_->fileDocument();
    file.network = session_.start;
    const QByteArray bytes =
        json ? io::trainingRunsToJsonBytes(
                   io::summaryOf(*session_.split, session_.dataName.toStdString()), runs, file)
             : io::trainingRunsToCsv(runs);
    if (auto written = io::writeFileAtomically(path, bytes); !written) {
        error = QString::fromStdString(written.error().message());
        return false;
    }
    return true;
}

} // namespace bpl::gui
