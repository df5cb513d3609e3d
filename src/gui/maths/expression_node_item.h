// One node of the computation graph on the Worked maths canvas: the operation
// drawn inside (x, 2, +, ×, ÷, ^, σ …), its symbol above (v₃, f), its value
// below and, once the backward pass has reached it, ∂f/∂node (with the number
// of uses when contributions were summed). Items hold text the view gives
// them and repaint; they compute nothing.
#pragma once

#include <QGraphicsObject>
#include <QList>

namespace bpl::gui {

class ExpressionNodeItem : public QGraphicsObject {
    Q_OBJECT
  public:
    enum class Role { Normal, Current, Contributor };

    ExpressionNodeItem(int node, const QString& op, const QString& symbol, bool constant,
                       QGraphicsItem* parent = nullptr);

    int node() const { return node_; }
    void setValueText(const QString& text);
    void setGradText(const QString& text);
    void setRole(Role role);
    QString valueText() const { return value_; }
    QString gradText() const { return grad_; }
    Role role() const { return role_; }

    // The texts drawn around the circle (symbol, value, gradient), each with
    // the rectangle its glyphs take, in item coordinates.
    struct Label {
        QString text;
        QRectF rect;
    };
    QList<Label> labels() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    static constexpr double kRadius = 24;

  private:
    QFont labelFont(bool bold) const;
    double circleRadius() const { return constant_ ? kRadius * 0.75 : kRadius; }

    int node_;
    QString op_;
    QString symbol_;
    bool constant_;
    QString value_;
    QString grad_;
    Role role_ = Role::Normal;
};

} // namespace bpl::gui
