// The computation graph of the chain-rule tool, drawn as a QGraphicsScene (as
// the network canvas): inputs on the left, f on the right, one node per
// operation with its value, an arrow per use. Step 0 is the forward pass
// (every value); step s ≥ 1 is backward step s − 1: that node is highlighted,
// the edges to its users carry their contributions (local × upstream) and the
// gradients of the nodes already reached are shown. In Check mode only the
// given values (variables, constants) are shown.
#pragma once

#include "core/maths/expression_graph.h"

#include <QGraphicsView>
#include <QPainterPath>
#include <vector>

class QGraphicsPathItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace bpl::gui {

class ExpressionNodeItem;

class ExpressionGraphView : public QGraphicsView {
    Q_OBJECT
  public:
    explicit ExpressionGraphView(QWidget* parent = nullptr);

    // The graph to draw (nullptr: empty); the view keeps the pointer.
    void setGraph(const ExpressionGraph* graph);
    void setStep(int step);
    void setCheckMode(bool on);
    int step() const { return step_; }

    // The item of a node, for tests and the details panel.
    ExpressionNodeItem* nodeItem(int node) const;
    // The texts of the edge labels shown (the current step's contributions).
    QStringList edgeLabels() const;
    // Every text on the canvas (node symbols, values, gradients and the edge
    // labels shown) with the rectangle it takes, in scene coordinates.
    struct LabelRect {
        QString text;
        QRectF rect;
    };
    QList<LabelRect> labelRects() const;
    void fitGraph();

  signals:
    void nodeClicked(int node);

  protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

  private:
    struct Edge {
        int from = 0;
        int to = 0;
        int slot = 0;
        QGraphicsPathItem* line = nullptr;
        QGraphicsSimpleTextItem* label = nullptr;
        QGraphicsRectItem* back = nullptr;
        QPainterPath curve; // the edge without its arrow head
        QPointF normal;
        double bend = 0;
    };
    void layoutNodes(std::vector<QPointF>& positions) const;
    // Puts an edge's label on its edge where it covers no node, no node's
    // text and no label placed before it (`taken`, in scene coordinates).
    void placeLabel(Edge& edge, QList<QRectF>& taken) const;
    void refresh();

    QGraphicsScene* scene_;
    const ExpressionGraph* graph_ = nullptr;
    std::vector<ExpressionNodeItem*> items_;
    std::vector<Edge> edges_;
    int step_ = 0;
    bool checkMode_ = false;
};

} // namespace bpl::gui
