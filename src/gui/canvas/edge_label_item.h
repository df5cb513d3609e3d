// The label of one weight: its symbol and the number the current step shows
// for it (w, ∂E/∂w, or old → new), on a small card edged in the edge's colour.
// The scene places it along its edge where it overlaps nothing; clicking it
// selects the edge.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QStringList>

#include <optional>

namespace bpl::gui {

struct CanvasStyle;

class EdgeLabelItem : public QGraphicsItem {
  public:
    enum { Type = UserType + 3 };

    EdgeLabelItem(int layer, int i, int j, const CanvasStyle* style);

    int type() const override { return Type; }
    int layer() const { return layer_; }
    int target() const { return i_; }
    int source() const { return j_; }

    // lines[0] is the symbol; the rest are numbers.
    void setText(const QStringList& lines, const QColor& border, bool fresh, bool dimmed);
    const QStringList& lines() const { return lines_; }
    // The symbol and the old value on one line ("w₁₁⁽²⁾: 0.2" over "→ 0.199892",
    // as the compact bias captions): a lower card for a stack;
    // restoreNumberLines undoes it.
    void joinNumberLines();
    void restoreNumberLines();
    QSizeF size() const { return size_; }
    // A thin line from the card to `anchor` (scene coordinates), on its edge:
    // for a card stacked away from its edge (NetworkScene::placeEdgeLabels).
    void setLeader(const std::optional<QPointF>& anchor);
    bool hasLeader() const { return leader_.has_value(); }
    bool dimmed() const { return dimmed_; }
    // The card, in scene coordinates (without the leader line).
    QRectF cardSceneRect() const {
        return QRectF(pos() - QPointF(size_.width() / 2, size_.height() / 2), size_);
    }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    void measure();
    int layer_;
    int i_;
    int j_;
    const CanvasStyle* style_;
    QStringList lines_;
    QStringList unjoined_; // the lines before joinNumberLines, or empty
    QColor border_;
    bool fresh_ = false;
    bool dimmed_ = false;
    QSizeF size_;
    double lineHeight_ = 0;
    std::optional<QPointF> leader_; // in item coordinates
};

} // namespace bpl::gui
