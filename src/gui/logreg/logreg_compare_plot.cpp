#include "gui/logreg/logreg_compare_plot.h"

#include "gui/logreg/logreg_nll_panel.h"
#include "gui/plot_style.h"
#include "gui/logreg/logreg_sweep.h"

namespace bpl::gui {

LogRegComparePlot::LogRegComparePlot(QWidget* parent) : LogRegPlot(tr("GD against SGD"), parent) {
    // Row 0: the title; row 1: a grid with one title per method over one panel
    // per method (the first panel is the plot's default axis rect); row 2: the
    // legend of the η colours, in one line under the panels.
    QCPAxisRect* first = axisRect();
    plotLayout()->take(first);
    plotLayout()->simplify();
    panelsGrid_ = new QCPLayoutGrid;
    plotLayout()->addElement(1, 0, panelsGrid_);
    auto* firstTitle =
        new QCPTextElement(this, QString(), QFont(QFont().family(), 10, QFont::DemiBold));
    panelsGrid_->addElement(0, 0, firstTitle);
    panelsGrid_->addElement(1, 0, first);
    panelsGrid_->setRowStretchFactor(0, 0.01);
    panelsGrid_->setColumnSpacing(8);
    styleAxisRect(first);
    first->axis(QCPAxis::atBottom)->ticker()->setTickCount(2); // narrow panels: few, readable ticks
    // The same margins for all panels, so their plotting areas are equally wide.
    marginGroup_ = new QCPMarginGroup(this);
    first->setMarginGroup(QCP::msLeft | QCP::msRight, marginGroup_);
    panelTitles_.push_back(firstTitle);
    panels_.push_back(std::make_unique<LogRegNllPanel>(this, first));
    first->insetLayout()->take(legend);
    plotLayout()->addElement(2, 0, legend);
    plotLayout()->setRowStretchFactor(2, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(6);
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
    panelsGrid_->simplify(); // drops the emptied columns; column 0 is never empty
    while (static_cast<int>(panels_.size()) < count) {
        const int column = static_cast<int>(panels_.size());
        auto* rect = new QCPAxisRect(this);
        styleAxisRect(rect);
        rect->axis(QCPAxis::atBottom)->ticker()->setTickCount(2);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, marginGroup_);
        auto* title =
            new QCPTextElement(this, QString(), QFont(QFont().family(), 10, QFont::DemiBold));
        panelsGrid_->addElement(0, column, title);
        panelsGrid_->addElement(1, column, rect);
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
        panel.rect()->axis(QCPAxis::atLeft)->setLabel(m == 0 ? "NLL" : QString());
    }
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
