#include "gui/logreg/logreg_compare_plot.h"

#include "gui/logreg/logreg_nll_panel.h"
#include "gui/logreg/logreg_sweep.h"
#include "gui/plot_style.h"

namespace bpl::gui {

LogRegComparePlot::LogRegComparePlot(QWidget* parent) : LogRegPlot(tr("GD against SGD"), parent) {
    // Row 0: the title; row 1: a grid with one title per method over one panel
    // per method (the first panel is the plot's default axis rect); row 2: the
    // legend of the η colours under the panels, wrapped to the width.
    QCPAxisRect* first = axisRect();
    plotLayout()->take(first);
    plotLayout()->simplify();
    panelsGrid_ = new QCPLayoutGrid;
    plotLayout()->addElement(1, 0, panelsGrid_);
    auto* firstTitle = new PlotTitle(this, QString(), PlotTitle::Heading);
    panelsGrid_->addElement(0, 0, firstTitle);
    panelsGrid_->addElement(1, 0, first);
    panelsGrid_->setColumnSpacing(12);
    panelsGrid_->setRowSpacing(4);
    styleAxisRect(first);
    // The same margins for all panels, so their plotting areas are equally wide.
    marginGroup_ = new QCPMarginGroup(this);
    first->setMarginGroup(QCP::msLeft | QCP::msRight, marginGroup_);
    panelTitles_.push_back(firstTitle);
    panels_.push_back(std::make_unique<LogRegNllPanel>(this, first));
    first->insetLayout()->take(legend);
    plotLayout()->addElement(2, 0, legend);
    plotLayout()->setRowStretchFactor(2, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setMargins(QMargins(6, 2, 6, 2));
    legend->setVisible(true);
}

LogRegComparePlot::~LogRegComparePlot() = default;

void LogRegComparePlot::setPanelCount(int count) {
    // Surplus panels go first (their graphs and cursor, then the axis rect),
    // but never the first, whose axis rect is the plot's default one.
    while (static_cast<int>(panels_.size()) > std::max(count, 1)) {
        QCPAxisRect* rect = panels_.back()->rect();
        panels_.pop_back();
        panelsGrid_->remove(panelTitles_.back());
        panelTitles_.pop_back();
        panelsGrid_->remove(rect);
    }
    panelsGrid_->simplify(); // drops the emptied cells; the first panel's are never empty
    while (static_cast<int>(panels_.size()) < count) {
        const int column = static_cast<int>(panels_.size());
        auto* rect = new QCPAxisRect(this);
        styleAxisRect(rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, marginGroup_);
        auto* title = new PlotTitle(this, QString(), PlotTitle::Heading);
        panelsGrid_->addElement(sideBySide_ ? 0 : 2 * column, sideBySide_ ? column : 0, title);
        panelsGrid_->addElement(sideBySide_ ? 1 : 2 * column + 1, sideBySide_ ? column : 0, rect);
        panelTitles_.push_back(title);
        panels_.push_back(std::make_unique<LogRegNllPanel>(this, rect));
        panels_.back()->setLogScale(logScale_);
        // One NLL scale for all panels: dragging or zooming one moves all.
        QCPAxis* firstAxis = panels_.front()->rect()->axis(QCPAxis::atLeft);
        QCPAxis* mine = rect->axis(QCPAxis::atLeft);
        connect(mine, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), firstAxis,
                qOverload<const QCPRange&>(&QCPAxis::setRange));
        connect(firstAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), mine,
                qOverload<const QCPRange&>(&QCPAxis::setRange));
    }
}

void LogRegComparePlot::setSweep(const LogRegSweep* sweep) {
    sweep_ = sweep;
    const int methods = sweep ? static_cast<int>(sweep->methods.size()) : 1;
    for (auto& panel : panels_)
        panel->reset(nullptr, {});
    setPanelCount(methods);
    if (!sweep) {
        legend->clearItems();
        panelTitles_.front()->setText(QString());
        return;
    }
    for (int m = 0; m < methods; ++m) {
        std::vector<bool> include(static_cast<std::size_t>(sweep->runCount()), false);
        for (int r = 0; r < sweep->runCount(); ++r)
            include[static_cast<std::size_t>(r)] = sweep->methodIndex(r) == m;
        LogRegNllPanel& panel = *panels_[static_cast<std::size_t>(m)];
        panel.reset(sweep, include);
        const LogRegMethod method = sweep->methods[static_cast<std::size_t>(m)];
        panelTitles_[static_cast<std::size_t>(m)]->setText(sweep->methodTitle(method));
        panel.rect()->axis(QCPAxis::atBottom)->setLabel(LogRegSweep::stepName(method));
    }
    arrangePanels(sideBySide_);
    // The legend names each η once (its colour is the same in every panel).
    legend->clearItems();
    for (int e = 0; e < static_cast<int>(sweep->etas.size()); ++e) {
        if (QCPGraph* g = panels_[0]->graph(sweep->runIndex(0, e)))
            g->addToLegend(legend);
    }
    QStringList names;
    for (LogRegMethod method : sweep->methods)
        names << methodLabel(method);
    if (names.size() == 3) {
        setTitle(tr("GD against SGD and mini-batch: NLL"));
    } else {
        setTitle(tr("%1: NLL").arg(names.join(tr(" against "))));
    }
    clearUserMovedView();
    fitView();
}

void LogRegComparePlot::appendValues(int run, int first) {
    if (!sweep_)
        return;
    panels_[static_cast<std::size_t>(sweep_->methodIndex(run))]->append(run, first);
    if (!userMovedView())
        fitView();
}

void LogRegComparePlot::setIteration(int k) {
    for (auto& panel : panels_)
        panel->setIteration(k);
}

void LogRegComparePlot::setLogScale(bool logarithmic) {
    logScale_ = logarithmic;
    for (auto& panel : panels_)
        panel->setLogScale(logarithmic);
    fitView();
}

void LogRegComparePlot::fitView() {
    QCPRange y;
    bool first = true;
    for (auto& panel : panels_) {
        panel->fit();
        const QCPRange r = panel->rect()->axis(QCPAxis::atLeft)->range();
        y = first ? r : QCPRange(std::min(y.lower, r.lower), std::max(y.upper, r.upper));
        first = false;
    }
    for (auto& panel : panels_)
        panel->rect()->axis(QCPAxis::atLeft)->setRange(y);
}

bool LogRegComparePlot::fitsSideBySide(int width) const {
    const int axis = estimatedOverhead(); // the NLL axis on the left
    const int panels = static_cast<int>(panels_.size());
    return width >= axis + panels * (kMinAxisRectWidth + panelsGrid_->columnSpacing() + 20);
}

// One row of panels sharing the NLL axis (tick labels on the first only, whose
// column is wider by the axis), or one column of panels, each with its NLL
// axis and the same margins.
void LogRegComparePlot::arrangePanels(bool sideBySide) {
    sideBySide_ = sideBySide;
    for (PlotTitle* title : panelTitles_)
        panelsGrid_->take(title);
    for (auto& panel : panels_)
        panelsGrid_->take(panel->rect());
    panelsGrid_->simplify();
    for (int m = 0; m < static_cast<int>(panels_.size()); ++m) {
        const int row = sideBySide ? 0 : 2 * m, column = sideBySide ? m : 0;
        QCPAxisRect* rect = panels_[static_cast<std::size_t>(m)]->rect();
        panelsGrid_->addElement(row, column, panelTitles_[static_cast<std::size_t>(m)]);
        panelsGrid_->addElement(row + 1, column, rect);
        const bool axisShown = m == 0 || !sideBySide;
        rect->axis(QCPAxis::atLeft)->setTickLabels(axisShown);
        rect->axis(QCPAxis::atLeft)->setLabel(axisShown ? "NLL" : QString());
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, sideBySide ? nullptr : marginGroup_);
    }
    const double axisShare = double(kMinAxisRectWidth + estimatedOverhead()) / kMinAxisRectWidth;
    for (int column = 0; column < panelsGrid_->columnCount(); ++column)
        panelsGrid_->setColumnStretchFactor(column, sideBySide && column == 0 ? axisShare : 1.0);
    for (int row = 0; row < panelsGrid_->rowCount(); ++row)
        panelsGrid_->setRowStretchFactor(row, row % 2 == 0 ? 0.001 : 1.0);
}

void LogRegComparePlot::updateLayout() {
    const bool sideBySide = fitsSideBySide(viewport().width());
    if (sideBySide != sideBySide_)
        arrangePanels(sideBySide);
    LogRegPlot::updateLayout();
}

int LogRegComparePlot::usefulHeight(int width) const {
    const int single = LabPlot::usefulHeight(width);
    const int heading = QFontMetrics(plotFonts().heading).height() + 8;
    if (fitsSideBySide(width))
        return single + heading;
    const int panel = single - QFontMetrics(plotFonts().title).height() - 10;
    return single + heading + (static_cast<int>(panels_.size()) - 1) * (panel + heading);
}

int LogRegComparePlot::panelAt(const QPointF& pixel) const {
    for (int m = 0; m < static_cast<int>(panels_.size()); ++m) {
        if (panels_[static_cast<std::size_t>(m)]->rect()->rect().contains(pixel.toPoint()))
            return m;
    }
    return -1;
}

int LogRegComparePlot::iterationAt(const QPointF& pixel) const {
    const int m = panelAt(pixel);
    if (m < 0)
        return -1;
    const LogRegNllPanel& panel = *panels_[static_cast<std::size_t>(m)];
    return panel.iterationAt(panel.rect()->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()));
}

QString LogRegComparePlot::hoverText(const QPointF& pixel) const {
    const int m = panelAt(pixel);
    if (m < 0 || !sweep_)
        return {};
    const LogRegNllPanel& panel = *panels_[static_cast<std::size_t>(m)];
    const QString text =
        panel.hoverText(panel.rect()->axis(QCPAxis::atBottom)->pixelToCoord(pixel.x()));
    if (text.isEmpty())
        return {};
    return "<b>" + sweep_->methodTitle(sweep_->methods[static_cast<std::size_t>(m)]) + "</b>" +
           text;
}

} // namespace bpl::gui
