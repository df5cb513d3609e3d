#include "gui/canvas/edge_label_item.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/indexed_text.h"

#include <QFontMetricsF>
#include <QCursor>
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

void EdgeLabelItem::setText(const QStringList& lines, const QColor& border, bool fresh, bool dimmed) {
    prepareGeometryChange();
    lines_ = lines;
    border_ = border;
    fresh_ = fresh;
    dimmed_ = dimmed;
    QFont boldSmall = style_->small;
    boldSmall.setBold(true);
    const QFontMetricsF plain(style_->small);
    lineHeight_ = plain.height() + 1;
    double width = 0;
    for (int k = 0; k < lines_.size(); ++k) {
        width = std::max(width, indexedTextWidth(k > 0 && fresh_ ? boldSmall : style_->small, lines_[k]));
    }
    size_ = QSizeF(width + 2 * kPadX, lineHeight_ * lines_.size() + 2 * kPadY);
    update();
}

QRectF EdgeLabelItem::boundingRect() const {
    return QRectF(-size_.width() / 2 - 2, -size_.height() / 2 - 2, size_.width() + 4, size_.height() + 4);
}

void EdgeLabelItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (lines_.isEmpty()) return;
    const CanvasStyle& s = *style_;
    // Presentation shows the boxes the step uses: the dimmed ones would crowd the rest.
    if (s.compact && dimmed_) return;
    // Never a 4–5 px smudge: too small to read, not drawn (the view says to zoom in).
    if (s.small.pixelSize() * option->levelOfDetailFromTransform(painter->worldTransform()) < kMinEdgeLabelPixels) return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setOpacity(dimmed_ ? 0.55 : 1.0);
    const QRectF card(-size_.width() / 2, -size_.height() / 2, size_.width(), size_.height());
    painter->setPen(QPen(border_, fresh_ ? 2.0 : 1.0));
    painter->setBrush(s.labelBackground);
    painter->drawRoundedRect(card, 4, 4);
    for (int k = 0; k < lines_.size(); ++k) {
        const QRectF row(card.left(), card.top() + kPadY + k * lineHeight_, card.width(), lineHeight_);
        const bool number = k > 0;
        QFont font = s.small;
        if (number && fresh_) font.setBold(true);
        painter->setFont(font);
        painter->setPen(number ? (fresh_ ? s.fresh : s.text) : s.mutedText);
        drawIndexedText(painter, row, Qt::AlignCenter, lines_[k]);
    }
}

} // namespace bpl::gui
