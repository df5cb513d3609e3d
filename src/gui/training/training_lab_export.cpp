// The Training tab's exports: each plot or all of them as PNG, PDF or SVG (via
// the plot exporter, which writes through QSaveFile); the runs as JSON in the
// format of `backprop-lab train --format json` or as CSV.
#include "gui/training/training_lab.h"

#include "gui/logreg/logreg_plot_export.h"
#include "gui/training/training_plot.h"
#include "gui/training/training_runs_export.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>

namespace bpl::gui {

namespace {

const char* kImageFilter = "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)";
const QSize kPlotExportSize(900, 640);

QString fileStem(const QString& title) {
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
            QFileDialog::getSaveFileName(this, tr("Save plots"), "training.png", tr(kImageFilter));
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
        this, tr("Save plot"), fileStem(plot->title()) + ".png", tr(kImageFilter));
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
    const bool json = QFileInfo(path).suffix().compare("json", Qt::CaseInsensitive) == 0;
    const auto bytes = json ? trainingRunsJson(session_) : trainingRunsCsv(session_);
    if (!bytes) {
        error = QString::fromStdString(bytes.error().message());
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes.value()) != bytes.value().size() ||
        !f.commit()) {
        error = tr("%1: cannot write (%2)").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace bpl::gui
