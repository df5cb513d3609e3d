// One neuron on the canvas: a circle with its symbol inside, a caption above
// (the input's name, or the bias b₁⁽¹⁾ = 0) and the values known at the current
// step below it (a, z, δ), the ones just computed in the accent colour. It is
// told what to show; it computes nothing.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <QStringList>
#include <vector>

namespace bpl::gui {

struct CanvasStyle;

struct ValueLine {
    QString text;
    QColor colour;
    bool fresh = false; // computed by the current step
};

struct NeuronContent {
    QString symbol;   // inside the circle, e.g. z₁⁽¹⁾
    QString caption;  // above the circle
    QColor captionColour;
    bool captionFresh = false;
    std::vector<ValueLine> lines; // below the circle
    bool beside = false;          // the lines to the right of the circle instead (no caption)
    bool input = false;
    bool active = false; // in the current step's layer
    bool dimmed = false;
};

class NeuronItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    NeuronItem(int layer, int index, const CanvasStyle* style);

    int type() const override { return Type; }
    int layer() const { return layer_; }
    int index() const { return index_; }

    void setContent(const NeuronContent& content);
    const NeuronContent& content() const { return content_; }
    double radius() const;
    // Area taken by the caption and the value lines, in scene coordinates
    // (edge labels avoid it).
    QRectF textSceneRect() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void updateGeometry();

    int layer_;
    int index_;
    const CanvasStyle* style_;
    NeuronContent content_;
    QRectF captionRect_;
    QStringList captionLines_;
    QRectF linesRect_;
    double lineHeight_ = 0;
};

} // namespace bpl::gui
