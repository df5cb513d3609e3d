// All the weights of one wide layer as a single item: above
// kMaxEdgeItemsPerLayer weights, one EdgeItem each would make opening,
// restyling and stepping slow (a 200 × 200 layer is 40,000 items). The bundle
// draws every line thinly in its colour: on screen and in PNGs blended into an
// image of the visible part (gui/canvas/line_raster.h), kept until the lines,
// colours or zoom change; in PDF and SVG as vector lines, one drawLines call
// per colour. Single weights of such a layer are chosen in the inspector, not
// by clicking.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QLineF>
#include <QTransform>

#include <vector>

namespace bpl::gui {

// Layers with more weights than this are drawn as an EdgeBundleItem.
constexpr int kMaxEdgeItemsPerLayer = 4096;

class EdgeBundleItem : public QGraphicsItem {
  public:
    enum { Type = UserType + 7 };

    explicit EdgeBundleItem(int layer);

    int type() const override { return Type; }
    int layer() const { return layer_; }

    // One line per weight, i * fanIn + j as in NetworkScene.
    void setLines(std::vector<QLineF> lines);
    // The colour of each line (same indexing) and whether the layer is dimmed.
    void setColours(const std::vector<QColor>& colours, bool dimmed);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    void regroup();
    double lineOpacity() const;
    // The raster path: the lines blended into cache_ for this device transform.
    void paintRaster(QPainter* painter);
    // PDF, SVG (and huge images): one drawLines per colour.
    void paintVector(QPainter* painter) const;

    int layer_;
    std::vector<QLineF> lines_;
    std::vector<QColor> colours_;
    std::vector<std::pair<QColor, QList<QLineF>>> groups_; // lines by colour
    QRectF bounds_;
    bool dimmed_ = false;
    QImage cache_;    // the visible part, in device pixels
    QRect cacheRect_; // where cache_ goes, in device pixels
    QTransform cacheTransform_;
};

} // namespace bpl::gui
