// The heading above a column of neurons: "Layer 1" in the chosen numbering and
// the layer's activation ("2 × σ sigmoid"); bold and underlined while the layer
// is current. Clicking it selects the layer.
#pragma once

#include <QGraphicsItem>
#include <QString>

namespace bpl::gui {

struct CanvasStyle;

class LayerLabelItem : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };

    LayerLabelItem(int layer, const CanvasStyle* style);

    int type() const override { return Type; }
    int layer() const { return layer_; }

    void setText(const QString& title, const QString& subtitle, bool active);
    QString title() const { return title_; }
    QString subtitle() const { return subtitle_; }
    QSizeF size() const { return size_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int layer_;
    const CanvasStyle* style_;
    QString title_;
    QString subtitle_;
    bool active_ = false;
    QSizeF size_;
};

// A box to the right of the output layer: the loss function, the targets and,
// once the forward pass reaches it, the loss value; dashed lines join it to
// the output neurons.
class LossItem : public QGraphicsItem {
public:
    enum { Type = UserType + 5 };

    explicit LossItem(const CanvasStyle* style);
    int type() const override { return Type; }

    void setText(const QStringList& lines, int freshLine, bool active);
    // Output neuron centres in scene coordinates, for the connectors (call after setPos).
    void setOutputs(const std::vector<QPointF>& outputs, double radius);
    const QStringList& lines() const { return lines_; }
    QSizeF boxSize() const { return size_; }
    int freshLine() const { return freshLine_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const CanvasStyle* style_;
    QStringList lines_;
    int freshLine_ = -1;
    bool active_ = false;
    std::vector<QPointF> outputs_;
    double radius_ = 0;
    QSizeF size_;
};

} // namespace bpl::gui
