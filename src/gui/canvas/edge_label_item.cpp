#include "gui/canvas/edge_label_item.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/indexed_text.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace bpl::gui {

namespace {

constexpr double kPadX = 5;
constexpr double kPadY = 2;

} // namespace

EdgeLabelItem::EdgeLabelItem(int layer, int i, int j, const CanvasStyle* style)
    : layer_(layer), i_(i), j_(j), style_(style) {
    setZValue(3);
    setCursor(Qt::PointingHandCursor);
}

void EdgeLabelItem::setText(const QStringList& lines, const QColor& border, bool fresh,
                            bool dimmed) {
    prepareGeometryChange();
    lines_ = lines;
    unjoined_.clear();
    border_ = border;
    fresh_ = fresh;
    dimmed_ = dimmed;
    measure();
}

void EdgeLabelItem::joinNumberLines() {
    if (lines_.size() <= 2)
        return;
    prepareGeometryChange();
    unjoined_ = lines_;
    lines_ = QStringList{lines_[0] + QStringLiteral(": ") + lines_[1]};
    lines_.append(unjoined_.mid(2));
    measure();
}

void EdgeLabelItem::restoreNumberLines() {
    if (unjoined_.isEmpty())
        return;
    prepareGeometryChange();
    lines_ = unjoined_;
    unjoined_.clear();
    measure();
}

void EdgeLabelItem::measure() {
    QFont boldSmall = style_->small;
    boldSmall.setBold(true);
    const QFontMetricsF plain(style_->small);
    lineHeight_ = plain.height() + 1;
    double width = 0;
    for (int k = 0; k < lines_.size(); ++k) {
        width = std::max(width,
                         indexedTextWidth(k > 0 && fresh_ ? boldSmall : style_->small, lines_[k]));
    }
    size_ = QSizeF(width + 2 * kPadX, lineHeight_ * lines_.size() + 2 * kPadY);
    update();
}

void EdgeLabelItem::setLeader(const std::optional<QPointF>& anchor) {
    prepareGeometryChange();
    leader_.reset();
    if (anchor)
        leader_ = *anchor - pos();
    update();
}

QRectF EdgeLabelItem::boundingRect() const {
    QRectF card(-size_.width() / 2 - 2, -size_.height() / 2 - 2, size_.width() + 4,
                size_.height() + 4);
    if (leader_)
        card |= QRectF(*leader_, QSizeF(1, 1)).adjusted(-3, -3, 3, 3);
    return card;
}

void EdgeLabelItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (lines_.isEmpty())
        return;
    const CanvasStyle& s = *style_;
    // Presentation shows the boxes the step uses: the dimmed ones would crowd the rest.
    if (s.compact && dimmed_)
        return;
    // Never a 4–5 px smudge: too small to read, not drawn (the view says to zoom in).
    if (s.small.pixelSize() * option->levelOfDetailFromTransform(painter->worldTransform()) <
        kMinEdgeLabelPixels)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setOpacity(dimmed_ ? 0.55 : 1.0);
    const QRectF card(-size_.width() / 2, -size_.height() / 2, size_.width(), size_.height());
    if (leader_) {
        // From the card's side nearest the edge to a dot on the edge.
        const QPointF from(leader_->x() < 0 ? card.left() : card.right(), 0);
        painter->setPen(QPen(border_, 1.0, Qt::DotLine));
        painter->drawLine(from, *leader_);
        painter->setPen(Qt::NoPen);
        painter->setBrush(border_);
        painter->drawEllipse(*leader_, 2.5, 2.5);
    }
    painter->setPen(QPen(border_, fresh_ ? 2.0 : 1.0));
    painter->setBrush(s.labelBackground);
    painter->drawRoundedRect(card, 4, 4);
    for (int k = 0; k < lines_.size(); ++k) {
        const QRectF row(card.left(), card.top() + kPadY + k * lineHeight_, card.width(),
                         lineHeight_);
        const bool number = k > 0;
        QFont font = s.small;
        if (number && fresh_)
            font.setBold(true);
        painter->setFont(font);
        painter->setPen(number ? (fresh_ ? s.fresh : s.text) : s.mutedText);
        drawIndexedText(painter, row, Qt::AlignCenter, lines_[k]);
    }
}

} // namespace bpl::gui
