#include "gui/plot_grid.h"

#include "gui/lab_plot.h"

#include <QEvent>
#include <QGridLayout>
#include <QScrollBar>

#include <algorithm>

namespace bpl::gui {

namespace {

constexpr int kSpacing = 4;

// Hidden on purpose (not merely not shown yet).
bool hiddenOnPurpose(const QWidget* widget) {
    return widget->isHidden() && widget->testAttribute(Qt::WA_WState_ExplicitShowHide);
}

} // namespace

PlotGrid::PlotGrid(int maxColumns, QWidget* parent) : QScrollArea(parent), maxColumns_(maxColumns) {
    setObjectName("plotGrid");
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    content_ = new QWidget;
    grid_ = new QGridLayout(content_);
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setSpacing(kSpacing);
    setWidget(content_);
    setMinimumWidth(160);
}

void PlotGrid::addWidget(QWidget* widget, bool wide) {
    widget->setParent(content_); // shown with the grid unless hidden on purpose
    items_.push_back({widget, wide});
    if (auto* plot = qobject_cast<LabPlot*>(widget))
        connect(plot, &LabPlot::usefulSizeChanged, this, &PlotGrid::relayout, Qt::QueuedConnection);
    relayout();
}

int PlotGrid::usefulHeight(QWidget* widget, int width) const {
    if (const auto* plot = qobject_cast<const LabPlot*>(widget))
        return plot->usefulHeight(width);
    return std::max(widget->minimumSizeHint().height(), widget->sizeHint().height());
}

int PlotGrid::columnsFor(int width) const {
    for (int columns = maxColumns_; columns > 1; --columns) {
        const int each = (width - (columns - 1) * kSpacing) / columns;
        const bool fits = std::all_of(items_.begin(), items_.end(), [&](const Item& item) {
            const auto* plot = qobject_cast<const LabPlot*>(item.widget);
            return hiddenOnPurpose(item.widget) || item.wide || !plot ||
                   plot->usefulWidth() <= each;
        });
        if (fits)
            return columns;
    }
    return 1;
}

void PlotGrid::relayout() {
    // The width the content has with the vertical scroll bar shown.
    const int width = this->width() - verticalScrollBar()->sizeHint().width() - 2 * frameWidth();
    columns_ = columnsFor(width);
    const int each = (width - (columns_ - 1) * kSpacing) / columns_;
    for (const Item& item : items_)
        grid_->removeWidget(item.widget);
    std::vector<const Item*> shown;
    for (const Item& item : items_) {
        if (!hiddenOnPurpose(item.widget))
            shown.push_back(&item);
    }
    int row = 0, column = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown[i]->wide && column > 0) {
            ++row;
            column = 0;
        }
        const bool last = i + 1 == shown.size() || shown[i + 1]->wide;
        const int span = shown[i]->wide || last ? columns_ - column : 1;
        QWidget* widget = shown[i]->widget;
        widget->setMinimumHeight(usefulHeight(widget, span * each + (span - 1) * kSpacing));
        grid_->addWidget(widget, row, column, 1, span);
        column += span;
        if (column >= columns_) {
            ++row;
            column = 0;
        }
    }
    for (int c = 0; c < maxColumns_; ++c)
        grid_->setColumnStretch(c, c < columns_ ? 1 : 0);
    for (int r = 0; r < grid_->rowCount(); ++r)
        grid_->setRowStretch(r, r <= row ? 1 : 0);
}

void PlotGrid::resizeEvent(QResizeEvent* event) {
    QScrollArea::resizeEvent(event);
    relayout();
}

void PlotGrid::changeEvent(QEvent* event) {
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange)
        relayout();
}

} // namespace bpl::gui
