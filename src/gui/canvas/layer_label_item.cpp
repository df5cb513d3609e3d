#include "gui/canvas/layer_label_item.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/indexed_text.h"

#include <QFontMetricsF>
#include <QCursor>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace bpl::gui {

LayerLabelItem::LayerLabelItem(int layer, const CanvasStyle* style) : layer_(layer), style_(style) {
    setFlag(ItemIsSelectable);
    setCursor(Qt::PointingHandCursor);
    setZValue(2);
}

void LayerLabelItem::setText(const QString& title, const QString& subtitle, bool active) {
    prepareGeometryChange();
    title_ = title;
    subtitle_ = subtitle;
    active_ = active;
    const QFontMetricsF big(style_->bold);
    const QFontMetricsF small(style_->font);
    const double width = std::max(big.horizontalAdvance(title_), small.horizontalAdvance(subtitle_)) + 16;
    size_ = QSizeF(width, big.height() + small.height() + 10);
    update();
}

QRectF LayerLabelItem::boundingRect() const {
    return QRectF(-size_.width() / 2 - 4, -size_.height() - 4, size_.width() + 8, size_.height() + 8);
}

void LayerLabelItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const CanvasStyle& s = *style_;
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.15) return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(-size_.width() / 2, -size_.height(), size_.width(), size_.height());
    if (isSelected()) {
        painter->setPen(QPen(s.selection, 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box, 5, 5);
    }
    const QFontMetricsF big(s.bold);
    painter->setFont(s.bold);
    painter->setPen(active_ ? s.fresh : s.text);
    painter->drawText(QRectF(box.left(), box.top() + 3, box.width(), big.height()), Qt::AlignCenter, title_);
    painter->setFont(s.font);
    painter->setPen(s.mutedText);
    painter->drawText(QRectF(box.left(), box.top() + 3 + big.height(), box.width(), box.height() - big.height() - 3),
                      Qt::AlignHCenter | Qt::AlignTop, subtitle_);
    if (active_) {
        painter->setPen(QPen(s.bandBorder, 3, Qt::SolidLine, Qt::RoundCap));
        const double w = big.horizontalAdvance(title_) / 2;
        painter->drawLine(QPointF(-w, box.top() + 3 + big.height()), QPointF(w, box.top() + 3 + big.height()));
    }
}

LossItem::LossItem(const CanvasStyle* style) : style_(style) { setZValue(2); }

void LossItem::setText(const QStringList& lines, int freshLine, bool active) {
    prepareGeometryChange();
    lines_ = lines;
    freshLine_ = freshLine;
    active_ = active;
    const QFontMetricsF fm(style_->bold);
    double width = 0;
    for (const QString& l : lines_) width = std::max(width, indexedTextWidth(style_->bold, l));
    size_ = QSizeF(width + 20, (fm.height() + 2) * lines_.size() + 12);
    update();
}

void LossItem::setOutputs(const std::vector<QPointF>& outputs, double radius) {
    prepareGeometryChange();
    outputs_.clear();
    for (const QPointF& p : outputs) outputs_.push_back(mapFromScene(p)); // the item is placed first
    radius_ = radius;
    update();
}

QRectF LossItem::boundingRect() const {
    QRectF r(0, -size_.height() / 2, size_.width(), size_.height());
    for (const QPointF& p : outputs_) r = r.united(QRectF(p, QSizeF(1, 1)));
    return r.adjusted(-4, -4, 4, 4);
}

void LossItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const CanvasStyle& s = *style_;
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(0, -size_.height() / 2, size_.width(), size_.height());
    painter->setPen(QPen(s.mutedText, 1.5, Qt::DashLine));
    for (const QPointF& p : outputs_) {
        if (p.y() + radius_ < box.top()) { // the box under the output layer (compact)
            painter->drawLine(p + QPointF(0, radius_ + 2), QPointF(std::clamp(p.x(), box.left() + 6, box.right() - 6), box.top()));
            continue;
        }
        const QPointF local = p + QPointF(radius_ + 2, 0);
        painter->drawLine(local, QPointF(box.left(), std::clamp(local.y(), box.top() + 6, box.bottom() - 6)));
    }
    painter->setPen(QPen(active_ ? s.bandBorder : s.neuronBorder, active_ ? s.lineWidth * 2 : s.lineWidth));
    painter->setBrush(active_ ? s.band : s.labelBackground);
    painter->drawRoundedRect(box, 6, 6);
    // The values are drawn at any zoom: the loss is what a class reads off a
    // large network (the spiral 2-8-8-1 opens at about 0.3).
    const QFontMetricsF fm(s.bold);
    for (int k = 0; k < lines_.size(); ++k) {
        const QRectF row(box.left() + 10, box.top() + 6 + k * (fm.height() + 2), box.width() - 20, fm.height() + 2);
        const bool fresh = k == freshLine_;
        painter->setFont(fresh || k == 0 ? s.bold : s.font);
        painter->setPen(fresh ? s.fresh : s.text);
        drawIndexedText(painter, row, Qt::AlignLeft | Qt::AlignVCenter, lines_[k]);
    }
}

} // namespace bpl::gui
