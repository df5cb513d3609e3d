#include "gui/maths/expression_node_item.h"

#include <QPainter>

namespace bpl::gui {

namespace {

const QColor kCurrent(0xff, 0x8c, 0x00);
const QColor kContributor(0x1f, 0x8a, 0x8a);
const QColor kGrad(0x00, 0x6d, 0x77);

} // namespace

ExpressionNodeItem::ExpressionNodeItem(int node, const QString& op, const QString& symbol,
                                       bool constant, QGraphicsItem* parent)
    : QGraphicsObject(parent), node_(node), op_(op), symbol_(symbol), constant_(constant) {
    setZValue(1);
}

void ExpressionNodeItem::setValueText(const QString& text) {
    if (text == value_)
        return;
    value_ = text;
    update();
}

void ExpressionNodeItem::setGradText(const QString& text) {
    if (text == grad_)
        return;
    grad_ = text;
    update();
}

void ExpressionNodeItem::setRole(Role role) {
    if (role == role_)
        return;
    role_ = role;
    update();
}

QRectF ExpressionNodeItem::boundingRect() const {
    return QRectF(-85, -kRadius - 24, 170, 2 * kRadius + 84);
}

void ExpressionNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const double r = constant_ ? kRadius * 0.75 : kRadius;
    QColor border = constant_ ? QColor(150, 150, 150) : QColor(60, 60, 60);
    double width = 1.5;
    QColor fill = constant_ ? QColor(240, 240, 240) : QColor(255, 255, 255);
    if (role_ == Role::Current) {
        border = kCurrent;
        width = 4;
        fill = QColor(0xff, 0xf0, 0xd8);
    } else if (role_ == Role::Contributor) {
        border = kContributor;
        width = 3;
    }
    painter->setPen(QPen(border, width));
    painter->setBrush(fill);
    painter->drawEllipse(QPointF(0, 0), r, r);

    QFont opFont = painter->font();
    opFont.setPointSizeF(op_.size() > 2 ? 12 : 16);
    opFont.setBold(true);
    painter->setFont(opFont);
    painter->setPen(Qt::black);
    painter->drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt::AlignCenter, op_);

    QFont small = painter->font();
    small.setPointSizeF(11);
    small.setBold(false);
    painter->setFont(small);
    painter->setPen(QColor(90, 90, 90));
    painter->drawText(QRectF(-85, -r - 22, 170, 20), Qt::AlignHCenter | Qt::AlignBottom, symbol_);
    painter->setPen(Qt::black);
    painter->drawText(QRectF(-85, r + 1, 170, 20), Qt::AlignHCenter | Qt::AlignTop, value_);
    if (!grad_.isEmpty()) {
        small.setBold(true);
        painter->setFont(small);
        painter->setPen(role_ == Role::Current ? kCurrent.darker(130) : kGrad);
        painter->drawText(QRectF(-85, r + 20, 170, 40), Qt::AlignHCenter | Qt::AlignTop, grad_);
    }
}

} // namespace bpl::gui
