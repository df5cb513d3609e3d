#include "gui/maths/expression_node_item.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
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

QFont ExpressionNodeItem::labelFont(bool bold) const {
    QFont f = scene() ? scene()->font() : QFont();
    f.setPointSizeF(11);
    f.setBold(bold);
    return f;
}

namespace {

// Where the symbol, the value and the gradient are drawn: boxes 170 wide,
// above and below the circle.
constexpr int kLabelFlags = Qt::AlignHCenter;

QRectF symbolBox(double r) {
    return QRectF(-85, -r - 22, 170, 20);
}
QRectF valueBox(double r) {
    return QRectF(-85, r + 1, 170, 20);
}
QRectF gradBox(double r) {
    return QRectF(-85, r + 20, 170, 40);
}

} // namespace

QList<ExpressionNodeItem::Label> ExpressionNodeItem::labels() const {
    const double r = circleRadius();
    QList<Label> out;
    auto add = [&](const QString& text, const QRectF& box, int vertical, bool bold) {
        if (text.isEmpty())
            return;
        const QFontMetricsF m(labelFont(bold));
        out.push_back({text, m.boundingRect(box, kLabelFlags | vertical, text)});
    };
    add(symbol_, symbolBox(r), Qt::AlignBottom, false);
    add(value_, valueBox(r), Qt::AlignTop, false);
    add(grad_, gradBox(r), Qt::AlignTop, true);
    return out;
}

QRectF ExpressionNodeItem::boundingRect() const {
    return QRectF(-85, -kRadius - 24, 170, 2 * kRadius + 84);
}

void ExpressionNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const double r = circleRadius();
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

    painter->setFont(labelFont(false));
    painter->setPen(QColor(90, 90, 90));
    painter->drawText(symbolBox(r), kLabelFlags | Qt::AlignBottom, symbol_);
    painter->setPen(Qt::black);
    painter->drawText(valueBox(r), kLabelFlags | Qt::AlignTop, value_);
    if (!grad_.isEmpty()) {
        painter->setFont(labelFont(true));
        painter->setPen(role_ == Role::Current ? kCurrent.darker(130) : kGrad);
        painter->drawText(gradBox(r), kLabelFlags | Qt::AlignTop, grad_);
    }
}

} // namespace bpl::gui
