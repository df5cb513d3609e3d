// The network canvas as a QGraphicsScene: one NeuronItem per neuron, one
// EdgeItem (and EdgeLabelItem) per weight, a LayerLabelItem per column, the
// loss box and a band behind the current layer. It rebuilds its items only when
// the document's structure changes; a new style moves and restyles the items
// it has, and the trace or the stepper position refreshes what they say. A
// layer of more than kMaxEdgeItemsPerLayer weights is one EdgeBundleItem.
// Clicks select in the document.
#pragma once

#include "gui/canvas/canvas_layout.h"
#include "gui/canvas/canvas_style.h"

#include <QGraphicsScene>
#include <vector>

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;

namespace bpl {
struct Trace;
}

namespace bpl::gui {

class NetworkDocument;
class NeuronItem;
class EdgeItem;
class EdgeLabelItem;
class LayerLabelItem;
class LossItem;
class EdgeBundleItem;
struct StepDisplay;

class NetworkScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit NetworkScene(NetworkDocument* document, QObject* parent = nullptr);
    ~NetworkScene() override;

    void setCanvasStyle(const CanvasStyle& style);
    const CanvasStyle& canvasStyle() const { return style_; }
    const CanvasLayout& layout() const { return layout_; }

    // Items, for the view and for tests (file numbering, 0-based).
    NeuronItem* neuronItem(int layer, int i) const;
    EdgeItem* edgeItem(int layer, int i, int j) const;
    EdgeLabelItem* edgeLabelItem(int layer, int i, int j) const; // nullptr when unlabelled
    bool hasEdgeLabels() const;
    LayerLabelItem* layerLabelItem(int layer) const;
    LossItem* lossItem() const { return loss_; }
    // The trace's warnings as shown under the network ("" when none).
    QString warningText() const;
    // The truth table of a step-unit network as shown under it ("" when none is shown).
    QString truthTableText() const;
    // The highlighted layer (−1 at the start) and the area to keep in view:
    // every item the current step computes (empty at the start).
    int highlightedLayer() const { return highlighted_; }
    QRectF focusRect() const;
    // The network's title, in scene coordinates.
    QRectF titleRect() const;
    // focusRect() and the values the step reads (the layer before, or after going backward).
    QRectF contextRect() const;
    // Everything drawn, with a margin (for fit-to-window and export).
    QRectF contentRect() const;

public slots:
    void rebuild();
    void refresh();

signals:
    void focusChanged(); // the step (and so what to keep in view) changed

protected:
    // A click on an edge's label selects the edge.
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void syncSelectionFromScene();
    void syncSelectionFromDocument();
    void placeEdgeLabels();
    // Positions every existing item from a fresh layout (after a restyle too).
    void placeItems();
    void refreshBundle(int layer, const Trace& trace, const StepDisplay& display, double largest);

    NetworkDocument* document_;
    CanvasStyle style_;
    CanvasLayout layout_;
    std::vector<std::vector<NeuronItem*>> neurons_;
    std::vector<std::vector<EdgeItem*>> edges_;            // per layer, i * fanIn + j
    std::vector<std::vector<EdgeLabelItem*>> edgeLabels_; // same indexing, may be empty
    std::vector<EdgeBundleItem*> bundles_;                // per layer; nullptr unless bundled
    std::vector<LayerLabelItem*> layerLabels_;
    LossItem* loss_ = nullptr;
    QGraphicsPathItem* band_ = nullptr;
    QGraphicsSimpleTextItem* title_ = nullptr;
    QGraphicsSimpleTextItem* warnings_ = nullptr; // the trace's warnings, under the network
    QGraphicsTextItem* truthTable_ = nullptr;     // a logic network's truth table, under the warnings
    int highlighted_ = -1;
    int shownPosition_ = -1;
    bool syncing_ = false;
};

} // namespace bpl::gui
