#include "gui/canvas/edge_item.h"

#include "gui/canvas/canvas_style.h"

#include <QCursor>
#include <QPainter>
#include <QPainterPathStroker>
#include <cmath>

namespace bpl::gui {

EdgeItem::EdgeItem(int layer, int i, int j, const CanvasStyle* style) : layer_(layer), i_(i), j_(j), style_(style) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setZValue(0);
}

void EdgeItem::setEnds(const QPointF& from, const QPointF& to, double radius) {
    prepareGeometryChange();
    QLineF full(from, to);
    const double length = full.length();
    if (length <= 2 * radius) {
        line_ = full;
        return;
    }
    const QPointF unit = (to - from) / length;
    line_ = QLineF(from + unit * (radius + 1), to - unit * (radius + 1));
}

void EdgeItem::setLook(const EdgeLook& look) {
    prepareGeometryChange();
    look_ = look;
    update();
}

QRectF EdgeItem::boundingRect() const {
    const double extra = std::max(look_.width, 4.0) * 2 + 14;
    return QRectF(line_.p1(), line_.p2()).normalized().adjusted(-extra, -extra, extra, extra);
}

QPainterPath EdgeItem::shape() const {
    QPainterPath path(line_.p1());
    path.lineTo(line_.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(look_.width, 10.0));
    return stroker.createStroke(path);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const CanvasStyle& s = *style_;
    painter->setRenderHint(QPainter::Antialiasing);
    if (isSelected()) {
        painter->setPen(QPen(s.selection, look_.width + 8, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(line_);
    }
    painter->setOpacity(look_.dimmed ? 0.3 : 1.0);
    QPen pen(look_.colour, look_.width, look_.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
    painter->setPen(pen);
    painter->drawLine(line_);
    if (!look_.active) return;

    // Arrowheads at a third and two thirds of the way, pointing the way the step goes.
    const QLineF direction = look_.backward ? QLineF(line_.p2(), line_.p1()) : line_;
    const double length = direction.length();
    if (length < 1) return;
    const QPointF unit = (direction.p2() - direction.p1()) / length;
    const QPointF normal(-unit.y(), unit.x());
    const double size = 7 + look_.width;
    painter->setPen(Qt::NoPen);
    painter->setBrush(look_.colour);
    for (double t : {0.3, 0.7}) {
        const QPointF tip = direction.pointAt(t) + unit * size / 2;
        QPolygonF head;
        head << tip << tip - unit * size + normal * size * 0.55 << tip - unit * size - normal * size * 0.55;
        painter->drawPolygon(head);
    }
}

} // namespace bpl::gui
