#include "gui/canvas/edge_bundle_item.h"

#include "gui/canvas/line_raster.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include <map>

namespace bpl::gui {

namespace {

// The raster path's working image holds 16 bytes a pixel: beyond this (a
// 2,800 × 2,800 part of the canvas) the lines are drawn as vector lines.
constexpr qint64 kMaxRasterPixels = 8'000'000;

} // namespace

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
    cache_ = QImage();
}

void EdgeBundleItem::setColours(const std::vector<QColor>& colours, bool dimmed) {
    colours_ = colours;
    dimmed_ = dimmed;
    regroup();
    cache_ = QImage();
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

double EdgeBundleItem::lineOpacity() const {
    // Thin and translucent: the bundle shows where the weights are and their
    // sign, not each one; the count of lines keeps the picture from saturating.
    const double opacity =
        std::clamp(60.0 / std::sqrt(std::max<double>(1, lines_.size())), 0.08, 0.5);
    return dimmed_ ? opacity * 0.4 : opacity;
}

void EdgeBundleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster) {
        paintRaster(painter);
        return;
    }
    paintVector(painter);
}

void EdgeBundleItem::paintVector(QPainter* painter) const {
    painter->save();
    painter->setOpacity(painter->opacity() * lineOpacity());
    for (const auto& [colour, lines] : groups_) {
        painter->setPen(QPen(colour, 0.8));
        painter->drawLines(lines);
    }
    painter->restore();
}

void EdgeBundleItem::paintRaster(QPainter* painter) {
    const QTransform toDevice = painter->deviceTransform();
    const QTransform toLogical = painter->worldTransform();
    painter->save();
    painter->resetTransform();
    // Logical to device pixels with no world transform: the screen's pixel
    // ratio, and the widget's place in the window when painted into it.
    const QTransform base = painter->deviceTransform();
    const QRectF shown = toLogical.mapRect(bounds_) &
                         QRectF(0, 0, painter->device()->width(), painter->device()->height());
    const QRect visible = base.mapRect(shown).toAlignedRect();
    if (visible.isEmpty()) {
        painter->restore();
        return;
    }
    if (qint64(visible.width()) * visible.height() > kMaxRasterPixels) { // a poster-sized export
        painter->restore();
        paintVector(painter);
        return;
    }
    if (cache_.isNull() || cacheRect_ != visible || cacheTransform_ != toDevice) {
        HairlineImage lines(visible.size());
        const QTransform toImage = toDevice * QTransform::fromTranslate(-visible.x(), -visible.y());
        for (const auto& [colour, group] : groups_) {
            for (const QLineF& line : group)
                lines.add(toImage.map(line), colour.rgba());
        }
        cache_ = lines.image(lineOpacity());
        cacheRect_ = visible;
        cacheTransform_ = toDevice;
    }
    const double ratio = base.m11() > 0 ? base.m11() : 1.0;
    cache_.setDevicePixelRatio(ratio);
    painter->drawImage(base.inverted().map(QPointF(visible.topLeft())), cache_);
    painter->restore();
}

} // namespace bpl::gui
