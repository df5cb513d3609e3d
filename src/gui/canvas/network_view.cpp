#include "gui/canvas/network_view.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/indexed_text.h"
#include "gui/canvas/layer_label_item.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/neuron_item.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

constexpr double kMaxFitZoom = 1.5;
constexpr double kMinZoom = 0.01;
constexpr double kMaxZoom = 8.0;
// Deeper networks open showing their first layers readably.
constexpr int kMaxLayersFitted = 7;
// Under this on screen the loss box is repeated readable over the view.
constexpr double kMinLossPixels = 7;
// Space kept between the step's items and the viewport's edge.
constexpr int kFocusMargin = 8;

} // namespace

NetworkView::NetworkView(QWidget* parent) : QGraphicsView(parent) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate); // the legend is fixed to the viewport
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

void NetworkView::setNetworkScene(NetworkScene* scene) {
    scene_ = scene;
    setScene(scene);
    connect(scene_, &NetworkScene::focusChanged, this, &NetworkView::showFocus);
}

double NetworkView::zoom() const { return transform().m11(); }

void NetworkView::scaleBy(double factor) {
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    const double f = target / zoom();
    scale(f, f);
    fitted_ = false;
    emit zoomChanged(zoom());
}

void NetworkView::zoomIn() { scaleBy(1.2); }
void NetworkView::zoomOut() { scaleBy(1 / 1.2); }

void NetworkView::resetZoom() {
    setTransform(QTransform());
    fitted_ = false;
    emit zoomChanged(zoom());
}

void NetworkView::setMinimumTextPixels(double pixels) {
    minTextPixels_ = std::max(0.0, pixels);
    if (fitted_) fitToWindow();
}

void NetworkView::setMinimumIndexPixels(double pixels) {
    minIndexPixels_ = std::max(0.0, pixels);
    if (fitted_) fitToWindow();
}

void NetworkView::setTextScale(double scale) {
    textScale_ = std::clamp(scale, 0.5, 4.0);
    if (fitted_) fitToWindow();
}

void NetworkView::setLegendVisible(bool visible) {
    legendVisible_ = visible;
    viewport()->update();
}

void NetworkView::setCaption(const QString& caption) {
    if (caption == caption_) return;
    caption_ = caption;
    // A network smaller than the view sits above the caption's strip, not behind it.
    setAlignment(caption_.isEmpty() ? Qt::AlignCenter : Qt::AlignHCenter | Qt::AlignTop);
    viewport()->update();
}

double NetworkView::smallestTextPixels() const {
    return scene_ ? scene_->canvasStyle().smallestTextPixels() * zoom() : 0.0;
}

double NetworkView::smallestIndexPixels() const {
    return scene_ ? scene_->canvasStyle().smallestIndexPixels() * zoom() : 0.0;
}

bool NetworkView::edgeLabelsHidden() const {
    return scene_ && scene_->canvasStyle().small.pixelSize() * zoom() < kMinEdgeLabelPixels;
}

double NetworkView::legibleZoom() const {
    if (!scene_) return kMinZoom;
    const CanvasStyle& s = scene_->canvasStyle();
    double z = kMinZoom;
    if (minTextPixels_ > 0) z = std::max(z, minTextPixels_ / s.smallestTextPixels());
    if (minIndexPixels_ > 0) z = std::max(z, minIndexPixels_ / s.smallestIndexPixels());
    return z;
}

double NetworkView::captionHeight() const {
    if (caption_.isEmpty() || !scene_) return 0;
    return QFontMetricsF(captionFont()).height() + 20;
}

QFont NetworkView::captionFont() const {
    QFont font = scene_->canvasStyle().bold;
    font.setPixelSize(std::clamp(font.pixelSize(), std::max(12, int(std::ceil(minTextPixels_))), 28));
    return font;
}

QRect NetworkView::usableViewportRect() const {
    QRect r = viewport()->rect();
    r.setBottom(r.bottom() - int(std::ceil(captionHeight())));
    return r;
}

void NetworkView::centreInUsable(const QPointF& scenePoint) {
    // The caption strip at the bottom is not usable: centre in what is left.
    const QRect usable = usableViewportRect();
    const double shift = (viewport()->height() - usable.height()) / 2.0 / zoom();
    centerOn(scenePoint + QPointF(0, shift));
}

void NetworkView::applyFit(double zoom, const QPointF& centre) {
    const double legible = legibleZoom();
    const double z = std::clamp(std::max(zoom, legible), kMinZoom, std::max(kMaxFitZoom * textScale_, legible));
    setTransform(QTransform::fromScale(z, z));
    fitted_ = true;
    const QRectF all = scene_->contentRect();
    const QRect usable = usableViewportRect();
    const bool fits = all.width() * z <= usable.width() + 1 && all.height() * z <= usable.height() + 1;
    if (fits || scene_->focusRect().isNull()) {
        centreInUsable(fits ? all.center() : centre);
    } else {
        frameStep(true);
    }
    emit zoomChanged(this->zoom());
}

void NetworkView::fitAll() {
    if (!scene_) return;
    const QRectF all = scene_->contentRect();
    const QRect usable = usableViewportRect();
    const double fit = std::min(usable.width() / all.width(), usable.height() / all.height());
    // Too small to read at the legible size: the first layers, top-left first.
    const double z = std::max(std::min(fit, kMaxFitZoom) * textScale_, legibleZoom());
    const QPointF start(all.left() + usable.width() / z / 2, all.top() + usable.height() / z / 2);
    applyFit(std::min(fit, kMaxFitZoom) * textScale_, start);
}

void NetworkView::fitToWindow() {
    if (!scene_) return;
    const CanvasLayout& layout = scene_->layout();
    const int layers = static_cast<int>(layout.columnX.size());
    if (layers <= kMaxLayersFitted) {
        fitAll();
        return;
    }
    // A deep network: a few layers at a time, as large as the height allows.
    const QRectF all = scene_->contentRect();
    const QRect usable = usableViewportRect();
    const double shown = 4.5 * layout.columnGap;
    const double zoomToFit = std::min({usable.width() / shown, usable.height() / all.height(), kMaxFitZoom});
    const double z = std::max(zoomToFit * textScale_, legibleZoom());
    setTransform(QTransform::fromScale(z, z));
    centreInUsable(QPointF(all.left() + usable.width() / z / 2, all.center().y()));
    fitted_ = true;
    showFocus();
    emit zoomChanged(zoom());
}

void NetworkView::showFocus() { frameStep(false); }

void NetworkView::frameStep(bool force) {
    if (!scene_ || (!follow_ && !force)) return;
    const QRectF focus = scene_->focusRect();
    if (focus.isNull()) return;
    const QRect usable = usableViewportRect().adjusted(kFocusMargin, kFocusMargin, -kFocusMargin, -kFocusMargin);
    const QRectF visible = mapToScene(usable).boundingRect();
    if (visible.contains(focus)) {
        keepTitleWhole(focus);
        return;
    }
    // Larger than the view at this zoom: zoom out until it fits, but never
    // below the legible zoom (presentation: 14 px text, 10 px indices).
    const double needed = std::min(usable.width() / focus.width(), usable.height() / focus.height());
    if (needed < zoom()) {
        const double z = std::max(needed, legibleZoom());
        setTransform(QTransform::fromScale(z, z));
        emit zoomChanged(zoom());
    }
    // The values the step reads as well, when they fit beside it.
    const QRectF context = scene_->contextRect();
    const bool contextFits = context.width() * zoom() <= usable.width() && context.height() * zoom() <= usable.height();
    const QRectF target = contextFits ? context : focus;
    if (target.width() * zoom() <= usable.width() && target.height() * zoom() <= usable.height()) {
        centreInUsable(target.center());
    } else {
        // Still too large (a very wide layer): its top-left part.
        const QPointF corner(target.left() + usable.width() / zoom() / 2, target.top() + usable.height() / zoom() / 2);
        centreInUsable(QPointF(std::min(corner.x(), target.center().x()), std::min(corner.y(), target.center().y())));
    }
    keepTitleWhole(focus);
}

void NetworkView::keepTitleWhole(const QRectF& focus) {
    // The network's title cut by the top edge (it looked as if under the
    // toolbar): scroll it fully in when the step's items stay in view, else out.
    const QRectF title = scene_->titleRect();
    const QRectF visible = mapToScene(usableViewportRect()).boundingRect();
    if (title.isNull() || title.top() >= visible.top() || title.bottom() <= visible.top()) return;
    const double up = visible.top() - title.top() + 2;
    const bool focusStays = focus.bottom() <= visible.bottom() - up || focus.height() > visible.height();
    const double down = title.bottom() - visible.top() + 2;
    const int before = verticalScrollBar()->value();
    centerOn(mapToScene(viewport()->rect().center()) + QPointF(0, focusStays ? -up : down));
    // At the end of the scroll range: the other way.
    if (verticalScrollBar()->value() == before)
        centerOn(mapToScene(viewport()->rect().center()) + QPointF(0, focusStays ? down : -up));
}

void NetworkView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        scaleBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void NetworkView::keyPressEvent(QKeyEvent* event) {
    double step = nudgeStep_;
    if (event->modifiers() & Qt::ShiftModifier) step *= 10;
    if (event->modifiers() & Qt::AltModifier) step /= 10;
    const bool selected = scene_ && !scene_->selectedItems().isEmpty();
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    const QString text = event->text();
    // With something selected, a number typed on the canvas edits it (so "-"
    // starts a negative number); with nothing selected, + and - zoom.
    if (selected && plain && !text.isEmpty() && (text[0].isDigit() || text[0] == '.' || text[0] == '-')) {
        emit typingStarted(text);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
        if (selected) emit nudgeRequested(step);
        return;
    case Qt::Key_Down:
        if (selected) emit nudgeRequested(-step);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (plain) {
            zoomIn();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (plain) {
            zoomOut();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (scene_) scene_->clearSelection();
        return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (fitted_) {
        // Panels resizing (the details panel grows with a step's tables) must
        // not lose the current layer of a deep network.
        fitToWindow();
        showFocus();
    }
}

void NetworkView::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    if (!scene_) return;
    drawCaption(painter);
    drawLegend(painter);
    drawLossOverlay(painter);
}

QFont NetworkView::overlayFont(const QFont& base) const {
    // As large as the canvas draws it, within 11 to 18 px (and never under the presentation minimum).
    QFont font = base;
    const double onScreen = base.pixelSize() * zoom();
    font.setPixelSize(std::clamp(int(std::lround(onScreen)), std::max(11, int(std::ceil(minTextPixels_))), 18));
    return font;
}

QRectF NetworkView::lossOverlayRect() const {
    const LossItem* loss = scene_ ? scene_->lossItem() : nullptr;
    if (!loss || loss->lines().isEmpty()) return {};
    const CanvasStyle& s = scene_->canvasStyle();
    if (s.bold.pixelSize() * zoom() >= kMinLossPixels) return {};
    const QFont font = overlayFont(s.bold);
    const QFontMetricsF fm(font);
    double width = 0;
    for (const QString& line : loss->lines()) width = std::max(width, indexedTextWidth(font, line));
    const QSizeF size(width + 20, (fm.height() + 2) * loss->lines().size() + 12);
    // The corner that covers the least of the neurons and their values (the
    // legend has the bottom right): bottom-left above the caption first.
    std::vector<QRectF> neurons;
    for (QGraphicsItem* item : scene_->items()) {
        if (const auto* n = qgraphicsitem_cast<const NeuronItem*>(item)) {
            neurons.push_back(mapFromScene(n->sceneBoundingRect() | n->textSceneRect()).boundingRect());
        }
    }
    const double w = viewport()->width(), h = viewport()->height();
    const double bottom = h - captionHeight() - size.height() - 10;
    const QRectF candidates[] = {QRectF(QPointF(10, bottom), size), QRectF(QPointF(10, 10), size),
                                 QRectF(QPointF(w - size.width() - 10, 10), size)};
    QRectF best = candidates[0];
    double least = INFINITY;
    for (const QRectF& c : candidates) {
        double covered = 0;
        for (const QRectF& n : neurons) {
            const QRectF both = c.intersected(n);
            if (both.isValid()) covered += both.width() * both.height();
        }
        if (covered < least) {
            least = covered;
            best = c;
        }
    }
    return best;
}

void NetworkView::drawLossOverlay(QPainter* painter) {
    // A large network fitted whole draws its loss box at 2–3 px: the view
    // repeats it, readable, in the bottom-left corner.
    const QRectF box = lossOverlayRect();
    if (box.isNull()) return;
    const CanvasStyle& s = scene_->canvasStyle();
    const LossItem* loss = scene_->lossItem();
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(s.neuronBorder, s.lineWidth));
    painter->setBrush(s.labelBackground);
    painter->drawRoundedRect(box, 6, 6);
    const QFont font = overlayFont(s.bold);
    QFont plain = font;
    plain.setWeight(s.font.weight());
    const double lineH = QFontMetricsF(font).height() + 2;
    for (int k = 0; k < loss->lines().size(); ++k) {
        const QRectF row(box.left() + 10, box.top() + 6 + k * lineH, box.width() - 20, lineH);
        const bool fresh = k == loss->freshLine();
        painter->setFont(fresh || k == 0 ? font : plain);
        painter->setPen(fresh ? s.fresh : s.text);
        drawIndexedText(painter, row, Qt::AlignLeft | Qt::AlignVCenter, loss->lines()[k]);
    }
    painter->restore();
}

void NetworkView::drawLegend(QPainter* painter) {
    // A compact legend fixed to the bottom-right corner of the viewport, as
    // large as the canvas's edge labels are on screen (within 9 to 18 px):
    //   w       ━ > 0   ━ < 0
    //   ∂E/∂w   ━ > 0   ━ < 0
    // and, while the edge labels are too small to draw, a hint to zoom in.
    const CanvasStyle& s = scene_->canvasStyle();
    const bool hint = edgeLabelsHidden() && scene_->hasEdgeLabels();
    if (!legendVisible_ && !hint) return;
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont font = overlayFont(s.small);
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const double rowH = fm.height() + 4;
    double bottom = viewport()->height() - 10;
    if (legendVisible_) {
        const double swatch = fm.height() * 1.4;
        const QString names[] = {tr("w"), tr("∂E/∂w")};
        const QColor colours[2][2] = {{s.positive, s.negative}, {s.gradPositive, s.gradNegative}};
        const double nameW = std::max(fm.horizontalAdvance(names[0]), fm.horizontalAdvance(names[1])) + 10;
        const double cellW = swatch + 6 + fm.horizontalAdvance(QStringLiteral("< 0")) + 12;
        const QSizeF size(10 + nameW + 2 * cellW, 2 * rowH + 10);
        const QRectF box(viewport()->width() - size.width() - 10, bottom - size.height(), size.width(), size.height());
        bottom = box.top() - 6;
        painter->setPen(QPen(s.mutedText, 1));
        painter->setBrush(s.labelBackground);
        painter->drawRoundedRect(box, 6, 6);
        for (int row = 0; row < 2; ++row) {
            const double y = box.top() + 5 + row * rowH;
            painter->setPen(s.text);
            painter->drawText(QRectF(box.left() + 8, y, nameW, rowH), Qt::AlignVCenter, names[row]);
            for (int sign = 0; sign < 2; ++sign) {
                const double x = box.left() + 8 + nameW + sign * cellW;
                painter->setPen(QPen(colours[row][sign], std::max(2.0, fm.height() / 5), Qt::SolidLine, Qt::RoundCap));
                painter->drawLine(QPointF(x, y + rowH / 2), QPointF(x + swatch, y + rowH / 2));
                painter->setPen(s.text);
                painter->drawText(QRectF(x + swatch + 6, y, cellW, rowH), Qt::AlignVCenter,
                                  sign == 0 ? QStringLiteral("> 0") : QStringLiteral("< 0"));
            }
        }
    }
    if (hint) {
        const QString text = tr("Weights too small to read: zoom in (+ or Ctrl+wheel)");
        const double w = std::min(fm.horizontalAdvance(text) + 16, viewport()->width() - 20.0);
        const QRectF box(viewport()->width() - w - 10, bottom - rowH - 4, w, rowH + 4);
        painter->setPen(QPen(s.mutedText, 1));
        painter->setBrush(s.labelBackground);
        painter->drawRoundedRect(box, 6, 6);
        painter->setPen(s.text);
        painter->drawText(box.adjusted(8, 0, -8, 0), Qt::AlignVCenter, fm.elidedText(text, Qt::ElideRight, w - 16));
    }
    painter->restore();
}

void NetworkView::drawCaption(QPainter* painter) {
    if (caption_.isEmpty()) return;
    const CanvasStyle& s = scene_->canvasStyle();
    painter->save();
    painter->resetTransform();
    const QFont font = captionFont();
    painter->setFont(font);
    const QFontMetricsF fm(font);
    // Bottom-left: the network's title is at the top, the legend bottom-right.
    const double h = fm.height() + 10;
    const QRectF box(8, viewport()->height() - h - 10, std::min(fm.horizontalAdvance(caption_) + 20, viewport()->width() * 0.6),
                     h);
    painter->setPen(QPen(s.bandBorder, 1.5));
    painter->setBrush(s.labelBackground);
    painter->drawRoundedRect(box, 6, 6);
    painter->setPen(s.text);
    painter->drawText(box.adjusted(10, 0, -10, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(caption_, Qt::ElideRight, box.width() - 20));
    painter->restore();
}

} // namespace bpl::gui
