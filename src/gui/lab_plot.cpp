#include "gui/lab_plot.h"

#include "gui/plot_style.h"

#include <QToolTip>

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

namespace bpl::gui {

namespace {

constexpr int kMaxTicks = 10;

// Whether `count` ticks on `axis` leave every label apart from its neighbours
// (labels centred on their ticks; widths along a horizontal axis, heights along
// a vertical one, as QCPAxisPainter draws them), with a gap of part of a line.
bool ticksFit(QCPAxis* axis, int count) {
    axis->ticker()->setTickCount(count);
    QVector<double> ticks;
    QVector<QString> labels;
    const QString format = axis->numberFormat();
    axis->ticker()->generate(axis->range(), axis->parentPlot()->locale(),
                             format.isEmpty() ? QChar('g') : format.at(0), axis->numberPrecision(),
                             ticks, nullptr, &labels);
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const QFontMetricsF metrics(axis->tickLabelFont());
    const double gap = metrics.height() * (horizontal ? 0.8 : 0.3);
    std::vector<std::pair<double, double>> spans;
    for (int i = 0; i < ticks.size(); ++i) {
        const double centre = axis->coordToPixel(ticks[i]);
        const double half =
            (horizontal ? metrics.horizontalAdvance(labels.value(i)) : metrics.height()) / 2;
        spans.emplace_back(centre - half, centre + half);
    }
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i) {
        if (spans[i].first < spans[i - 1].second + gap)
            return false;
    }
    return true;
}

} // namespace

bool fitTickCount(QCPAxis* axis) {
    if (!axis->visible() || !axis->tickLabels() || !axis->axisRect() ||
        axis->axisRect()->width() <= 0 || axis->axisRect()->height() <= 0)
        return false;
    const int before = axis->ticker()->tickCount();
    int count = before;
    if (ticksFit(axis, count)) {
        while (count < kMaxTicks && ticksFit(axis, count + 1))
            ++count;
    } else {
        do {
            --count;
        } while (count > 1 && !ticksFit(axis, count));
    }
    count = std::max(1, count);
    axis->ticker()->setTickCount(count);
    return count != before;
}

PlotTitle::PlotTitle(QCustomPlot* plot, const QString& text, Role role)
    : QCPTextElement(plot, text), role_(role) {
    restyle();
}

void PlotTitle::restyle() {
    const PlotFonts fonts = plotFonts();
    setFont(role_ == Title ? fonts.title : role_ == Heading ? fonts.heading : fonts.tickLabel);
    setTextColor(plotTextColour());
}

QString PlotTitle::shownText() const {
    if (mRect.width() <= 0)
        return mText;
    return QFontMetrics(mFont).elidedText(mText, Qt::ElideRight, mRect.width());
}

QSize PlotTitle::minimumOuterSizeHint() const {
    QSize size = QCPTextElement::minimumOuterSizeHint();
    size.setWidth(mMargins.left() + mMargins.right() + 20);
    return size;
}

void PlotTitle::draw(QCPPainter* painter) {
    painter->setFont(mainFont());
    painter->setPen(QPen(mainTextColor()));
    painter->drawText(mRect, Qt::AlignCenter, shownText());
}

LabPlot::LabPlot(const QString& title, QWidget* parent) : QCustomPlot(parent) {
    stylePlot(this);
    setMinimumSize(120, 100); // the grid (PlotGrid) gives each plot its useful size
    plotLayout()->insertRow(0);
    titleElement_ = new PlotTitle(this, title, PlotTitle::Title);
    plotLayout()->addElement(0, 0, titleElement_);
    connect(this, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() != Qt::NoButton)
            return;
        QString text = hoverText(event->position());
        if (text.isEmpty() && titleElement_->rect().contains(event->position().toPoint()))
            text = titleToolTip();
        if (text.isEmpty()) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(event->globalPosition().toPoint(), text, this);
        }
    });
}

QString LabPlot::title() const {
    return titleElement_->text();
}

void LabPlot::setTitle(const QString& title) {
    titleElement_->setText(title);
}

QString LabPlot::titleToolTip() const {
    return shownTitle() == title() ? QString() : title();
}

void LabPlot::putLegendBelow() {
    if (QCPLayoutInset* inset = axisRect()->insetLayout(); inset->elements(false).contains(legend))
        inset->take(legend);
    const int row = plotLayout()->rowCount();
    plotLayout()->insertRow(row);
    plotLayout()->addElement(row, 0, legend);
    plotLayout()->setRowStretchFactor(row, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setMargins(QMargins(6, 2, 6, 2));
    legend->setVisible(true);
}

namespace {

// The legend's entries (its cells may be empty after a wrap).
std::vector<QCPAbstractLegendItem*> legendItems(const QCPLegend* legend) {
    std::vector<QCPAbstractLegendItem*> items;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (QCPAbstractLegendItem* item = legend->item(i))
            items.push_back(item);
    }
    return items;
}

} // namespace

int LabPlot::legendColumns(int width) const {
    const auto items = legendItems(legend);
    int widest = 1;
    for (QCPAbstractLegendItem* item : items)
        widest = std::max(widest, item->minimumOuterSizeHint().width());
    const int room = width - legend->margins().left() - legend->margins().right() - 16;
    const int spacing = legend->columnSpacing();
    const int count = static_cast<int>(items.size());
    return std::clamp((room + spacing) / (widest + spacing), 1, std::max(1, count));
}

int LabPlot::legendRows(int width) const {
    const int columns = legendColumns(width);
    return (static_cast<int>(legendItems(legend).size()) + columns - 1) / columns;
}

int LabPlot::estimatedOverhead() const {
    const PlotFonts fonts = plotFonts();
    const QFontMetrics tick(fonts.tickLabel), label(fonts.axisLabel);
    return tick.horizontalAdvance("−0.000") + label.height() + 30;
}

int LabPlot::usefulWidth() const {
    // Measured once laid out (an empty plot's layout can be degenerate: capped).
    const int estimate = estimatedOverhead();
    return kMinAxisRectWidth + (overhead_ > 0 ? std::min(overhead_, 2 * estimate) : estimate);
}

int LabPlot::usefulHeight(int width) const {
    const PlotFonts fonts = plotFonts();
    const QFontMetrics tick(fonts.tickLabel), label(fonts.axisLabel), title(fonts.title);
    int height = kMinAxisRectHeight + title.height() + tick.height() + label.height() + 40;
    for (QCPLayoutElement* element : plotLayout()->elements(true)) {
        auto* note = dynamic_cast<PlotTitle*>(element);
        if (note && note != titleElement_) // panel titles, notes under the axes, each its row
            height += note->minimumOuterSizeHint().height() + plotLayout()->rowSpacing();
    }
    const auto items = legendItems(legend);
    if (legend->visible() && legend->layout() == plotLayout() && !items.empty()) {
        const int row = items.front()->minimumOuterSizeHint().height() + legend->rowSpacing();
        height += legendRows(width) * row + 10;
    }
    return height;
}

void LabPlot::updateLayout() {
    if (legend->layout() == plotLayout()) {
        const int columns = legendColumns(viewport().width());
        if (legend->wrap() != columns) {
            legend->setWrap(columns);
            legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        }
    }
    QCustomPlot::updateLayout();
    bool changed = false;
    for (QCPAxisRect* rect : axisRects()) {
        for (QCPAxis* axis : rect->axes())
            changed = fitTickCount(axis) || changed;
    }
    if (changed)
        QCustomPlot::updateLayout(); // the new ticks' labels may change the margins
    // The axis rect's margins (tick labels, axis label) and the layout's.
    const QMargins margins = axisRect()->margins();
    const int overhead =
        margins.left() + margins.right() + viewport().width() - axisRect()->outerRect().width();
    if (std::abs(overhead - overhead_) > 4) {
        overhead_ = overhead;
        emit usefulSizeChanged();
    }
}

void LabPlot::changeEvent(QEvent* event) {
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::PaletteChange:
    case QEvent::ApplicationFontChange:
    case QEvent::ApplicationPaletteChange:
        restyle();
        requestReplot();
        break;
    default:
        break;
    }
    QCustomPlot::changeEvent(event);
}

void LabPlot::restyle() {
    setBackground(plotBaseColour());
    styleLegend(legend);
    for (QCPAxisRect* rect : axisRects())
        styleAxisRect(rect);
    for (QCPLayoutElement* element : plotLayout()->elements(true)) {
        if (auto* text = dynamic_cast<PlotTitle*>(element))
            text->restyle();
    }
}

} // namespace bpl::gui
