#include "gui/canvas/edge_bundle_item.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

#include <map>

namespace bpl::gui {

EdgeBundleItem::EdgeBundleItem(int layer) : layer_(layer) {
    setZValue(-1);
}

void EdgeBundleItem::setLines(std::vector<QLineF> lines) {
    prepareGeometryChange();
    lines_ = std::move(lines);
    QRectF bounds;
    for (const QLineF& line : lines_)
        bounds |= QRectF(line.p1(), line.p2()).normalized();
    bounds_ = bounds.adjusted(-2, -2, 2, 2);
    regroup();
}

void EdgeBundleItem::setColours(const std::vector<QColor>& colours, bool dimmed) {
    colours_ = colours;
    dimmed_ = dimmed;
    regroup();
    update();
}

void EdgeBundleItem::regroup() {
    std::map<QRgb, QList<QLineF>> byColour;
    for (std::size_t k = 0; k < lines_.size(); ++k) {
        const QColor colour = k < colours_.size() ? colours_[k] : QColor(Qt::gray);
        byColour[colour.rgba()].append(lines_[k]);
    }
    groups_.clear();
    for (auto& [rgba, lines] : byColour)
        groups_.emplace_back(QColor::fromRgba(rgba), std::move(lines));
}

QRectF EdgeBundleItem::boundingRect() const {
    return bounds_;
}

void EdgeBundleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    // Thin and translucent: the bundle shows where the weights are and their
    // sign, not each one; the count of lines keeps the picture from saturating.
    const double opacity =
        std::clamp(60.0 / std::sqrt(std::max<double>(1, lines_.size())), 0.08, 0.5);
    painter->setOpacity(dimmed_ ? opacity * 0.4 : opacity);
    for (const auto& [colour, lines] : groups_) {
        painter->setPen(QPen(colour, 0.8));
        painter->drawLines(lines);
    }
}

} // namespace bpl::gui
