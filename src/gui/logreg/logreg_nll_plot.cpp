#include "gui/logreg/logreg_nll_plot.h"

#include "gui/logreg/logreg_nll_panel.h"
#include "gui/logreg/logreg_sweep.h"
#include "gui/plot_style.h"

namespace bpl::gui {

LogRegNllPlot::LogRegNllPlot(QWidget* parent) : LogRegPlot(tr("Negative log-likelihood"), parent) {
    styleAxisRect(axisRect());
    axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    panel_ = std::make_unique<LogRegNllPanel>(this, axisRect());
    panel_->setLogScale(false);
    xAxis->setLabel("iteration");
    putLegendBelow();
}

LogRegNllPlot::~LogRegNllPlot() = default;

void LogRegNllPlot::setSweep(const LogRegSweep* sweep) {
    sweep_ = sweep;
    panel_->reset(sweep, std::vector<bool>(sweep ? sweep->runCount() : 0, true));
    setShownMethod(shownMethod_);
}

void LogRegNllPlot::appendValues(int run, int first) {
    panel_->append(run, first);
    if (!userMovedView())
        fitView();
}

void LogRegNllPlot::setIteration(int k) {
    panel_->setIteration(k);
}

void LogRegNllPlot::setShownMethod(LogRegMethod method) {
    LogRegPlot::setShownMethod(method);
    xAxis->setLabel(LogRegSweep::stepName(method));
    if (!sweep_)
        return;
    for (int r = 0; r < sweep_->runCount(); ++r)
        panel_->setRunVisible(r, sweep_->methodOf(r) == method);
    const QString methodName =
        sweep_->methodIndexOf(method) >= 0 ? sweep_->methodTitle(method) : methodLabel(method);
    setTitle(tr("Negative log-likelihood (%1)").arg(methodName));
    updateLegend();
    clearUserMovedView();
    fitView();
}

void LogRegNllPlot::updateLegend() {
    legend->clearItems();
    if (!sweep_)
        return;
    for (int r = 0; r < sweep_->runCount(); ++r) {
        if (panel_->runVisible(r))
            panel_->graph(r)->addToLegend(legend);
    }
}

void LogRegNllPlot::fitView() {
    panel_->fit();
}

void LogRegNllPlot::setLogScale(bool logarithmic) {
    panel_->setLogScale(logarithmic);
    fitView();
}

bool LogRegNllPlot::logScale() const {
    return yAxis->scaleType() == QCPAxis::stLogarithmic;
}

int LogRegNllPlot::iterationAt(const QPointF& pixel) const {
    if (!axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    return panel_->iterationAt(xAxis->pixelToCoord(pixel.x()));
}

QString LogRegNllPlot::hoverText(const QPointF& pixel) const {
    if (!axisRect()->rect().contains(pixel.toPoint()))
        return {};
    return panel_->hoverText(xAxis->pixelToCoord(pixel.x()));
}

} // namespace bpl::gui
