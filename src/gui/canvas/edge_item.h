// One weight on the canvas: a line from neuron j of layer l − 1 to neuron i of
// layer l, coloured by the sign of what it shows (the weight, or ∂E/∂w during
// the backward pass) and thickened by its size; arrows show which way the
// current step moves along it. Its label (EdgeLabelItem) is a separate item.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QLineF>

namespace bpl::gui {

struct CanvasStyle;

struct EdgeLook {
    QColor colour;
    double width = 1;
    bool active = false;   // part of the current step
    bool dimmed = false;   // another layer is current
    bool backward = false; // arrows point to the input side
    bool dashed = false;   // the weight is exactly 0
};

class EdgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    // layer: the layer the weight feeds; i: neuron of that layer; j: neuron of layer − 1.
    EdgeItem(int layer, int i, int j, const CanvasStyle* style);

    int type() const override { return Type; }
    int layer() const { return layer_; }
    int target() const { return i_; }
    int source() const { return j_; }

    // Centres of the two neurons; the line stops at their circles.
    void setEnds(const QPointF& from, const QPointF& to, double radius);
    QLineF line() const { return line_; }
    void setLook(const EdgeLook& look);
    const EdgeLook& look() const { return look_; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int layer_;
    int i_;
    int j_;
    const CanvasStyle* style_;
    QLineF line_;
    EdgeLook look_;
};

} // namespace bpl::gui
