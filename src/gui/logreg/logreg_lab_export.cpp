// The lab's exports: each plot or all four as PNG, PDF or SVG; the runs as CSV
// or JSON (the format of `backprop-lab logreg`).
#include "gui/logreg/logreg_lab.h"

#include "gui/logreg/logreg_plot.h"
#include "gui/logreg/logreg_plot_export.h"
#include "io/safe_file.h"
#include "io/logreg_export.h"
#include "ui_logreg_lab.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QRegularExpression>

namespace bpl::gui {

namespace {


QString logregFileStem(const QString& title) {
    QString stem = title.section(" (", 0, 0).section(" —", 0, 0).toLower();
    stem.replace(QRegularExpression("[^a-z0-9]+"), "_");
    return stem;
}

} // namespace

void LogRegLab::buildExportMenu() {
    auto* menu = new QMenu(this);
    for (LogRegPlot* plot : plots()) {
        QAction* action = menu->addAction(QString());
        connect(menu, &QMenu::aboutToShow, action, [action, plot] {
            action->setText(tr("Save plot “%1”…").arg(plot->title().section(" (", 0, 0)));
        });
        connect(action, &QAction::triggered, this, [this, plot] { askSavePlot(plot); });
    }
    menu->addAction(tr("Save all four plots on one page…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save plots"), "logistic_regression.png", tr(kPlotImageFilter));
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
    menu->addAction(tr("Save runs as CSV or JSON…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save runs"), "logreg_runs.csv",
                                                          tr("CSV table (*.csv);;JSON (*.json)"));
        if (path.isEmpty())
            return;
        QString error;
        if (saveRuns(path, error)) {
            setStatus(tr("Saved the runs to %1").arg(path));
        } else {
            setStatus(error, true);
        }
    });
    ui_->exportButton->setMenu(menu);
}

void LogRegLab::askSavePlot(LogRegPlot* plot) {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save plot"), logregFileStem(plot->title()) + ".png", tr(kPlotImageFilter));
    if (path.isEmpty())
        return;
    QString error;
    if (savePlot(plot, path, error)) {
        setStatus(tr("Saved “%1” to %2").arg(plot->title(), path));
    } else {
        setStatus(error, true);
    }
}

bool LogRegLab::savePlot(LogRegPlot* plot, const QString& path, QString& error) const {
    if (!isPlotImageFormat(path)) {
        error = tr("%1: choose a name ending in .png, .pdf or .svg").arg(path);
        return false;
    }
    return savePlots({plot}, 1, kPlotExportSize, path, error, plot->title());
}

bool LogRegLab::saveAllPlots(const QString& path, QString& error) const {
    if (!isPlotImageFormat(path)) {
        error = tr("%1: choose a name ending in .png, .pdf or .svg").arg(path);
        return false;
    }
    const std::vector<LogRegPlot*> all = plots();
    return savePlots(std::vector<QCustomPlot*>(all.begin(), all.end()), 2, kPlotExportSize, path,
                     error, tr("Logistic regression — %1").arg(dataName_));
}

bool LogRegLab::saveRuns(const QString& path, QString& error) const {
    if (sweep_.runs.empty()) {
        error = tr("Nothing to save yet: press Run first.");
        return false;
    }
    const bool json = QFileInfo(path).suffix().compare("json", Qt::CaseInsensitive) == 0;
    const QByteArray bytes =
        json ? io::logRegRunsToJsonBytes(dataName_, data_ ? data_->size() : 0, sweep_.runs)
             : io::logRegRunsToCsv(sweep_.runs);
    const auto written = io::writeFileAtomically(path, bytes);
    if (!written) {
        error = QString::fromStdString(written.error().message());
        return false;
    }
    return true;
}

} // namespace bpl::gui
