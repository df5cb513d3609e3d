#include "gui/canvas/network_view.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/network_scene.h"

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

void NetworkView::setCaption(const QString& caption) {
    if (caption == caption_) return;
    caption_ = caption;
    viewport()->update();
}

double NetworkView::smallestTextPixels() const {
    return scene_ ? scene_->canvasStyle().smallestTextPixels() * zoom() : 0.0;
}

double NetworkView::legibleZoom() const {
    if (!scene_ || minTextPixels_ <= 0) return kMinZoom;
    return minTextPixels_ / scene_->canvasStyle().smallestTextPixels();
}

void NetworkView::applyFit(double zoom, const QPointF& centre) {
    const double legible = legibleZoom();
    const double z = std::clamp(std::max(zoom, legible), kMinZoom, std::max(kMaxFitZoom, legible));
    setTransform(QTransform::fromScale(z, z));
    fitted_ = true;
    const QRectF all = scene_->contentRect();
    const bool fits = all.width() * z <= viewport()->width() + 1 && all.height() * z <= viewport()->height() + 1;
    const QRectF focus = scene_->focusRect();
    if (fits || focus.isNull()) {
        centerOn(fits ? all.center() : centre);
    } else {
        centerOn(focus.center());
    }
    emit zoomChanged(this->zoom());
}

void NetworkView::fitAll() {
    if (!scene_) return;
    const QRectF all = scene_->contentRect();
    const double fit = std::min(viewport()->width() / all.width(), viewport()->height() / all.height());
    // Too small to read at the legible size: the first layers, top-left first.
    const double legible = legibleZoom();
    const QPointF start(all.left() + viewport()->width() / std::max(fit, legible) / 2,
                        all.top() + viewport()->height() / std::max(fit, legible) / 2);
    applyFit(std::min(fit, kMaxFitZoom), start);
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
    const double shown = 4.5 * layout.columnGap;
    const double zoomToFit = std::min({viewport()->width() / shown, viewport()->height() / all.height(), kMaxFitZoom});
    const double z = std::max(zoomToFit, legibleZoom());
    setTransform(QTransform::fromScale(z, z));
    centerOn(QPointF(all.left() + viewport()->width() / z / 2, all.center().y()));
    fitted_ = true;
    showFocus();
    emit zoomChanged(zoom());
}

void NetworkView::showFocus() {
    if (!scene_ || !follow_) return;
    const QRectF focus = scene_->focusRect();
    if (focus.isNull()) return;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (visible.contains(focus)) return;
    if (focus.width() > visible.width() || focus.height() > visible.height()) {
        centerOn(focus.center());
    } else {
        ensureVisible(focus, 20, 20);
    }
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
    // A compact legend fixed to the bottom-right corner of the viewport:
    //   w       ━ > 0   ━ < 0
    //   ∂E/∂w   ━ > 0   ━ < 0
    const CanvasStyle& s = scene_->canvasStyle();
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = s.small;
    font.setPixelSize(std::clamp(font.pixelSize(), std::max(10, int(std::ceil(minTextPixels_))), 18));
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const double rowH = fm.height() + 4;
    const double swatch = fm.height() * 1.4;
    const QString names[] = {tr("w"), tr("∂E/∂w")};
    const QColor colours[2][2] = {{s.positive, s.negative}, {s.gradPositive, s.gradNegative}};
    const double nameW = std::max(fm.horizontalAdvance(names[0]), fm.horizontalAdvance(names[1])) + 10;
    const double cellW = swatch + 6 + fm.horizontalAdvance(QStringLiteral("< 0")) + 12;
    const QSizeF size(10 + nameW + 2 * cellW, 2 * rowH + 10);
    const QRectF box(viewport()->width() - size.width() - 10, viewport()->height() - size.height() - 10, size.width(),
                     size.height());
    painter->setPen(QPen(s.mutedText, 1));
    painter->setBrush(s.labelBackground);
    painter->drawRoundedRect(box, 6, 6);
    for (int row = 0; row < 2; ++row) {
        const double y = box.top() + 5 + row * rowH;
        painter->setPen(s.text);
        painter->drawText(QRectF(box.left() + 8, y, nameW, rowH), Qt::AlignVCenter, names[row]);
        for (int sign = 0; sign < 2; ++sign) {
            const double x = box.left() + 8 + nameW + sign * cellW;
            painter->setPen(QPen(colours[row][sign], 4, Qt::SolidLine, Qt::RoundCap));
            painter->drawLine(QPointF(x, y + rowH / 2), QPointF(x + swatch, y + rowH / 2));
            painter->setPen(s.text);
            painter->drawText(QRectF(x + swatch + 6, y, cellW, rowH), Qt::AlignVCenter,
                              sign == 0 ? QStringLiteral("> 0") : QStringLiteral("< 0"));
        }
    }
    painter->restore();
}

void NetworkView::drawCaption(QPainter* painter) {
    if (caption_.isEmpty()) return;
    const CanvasStyle& s = scene_->canvasStyle();
    painter->save();
    painter->resetTransform();
    QFont font = s.bold;
    font.setPixelSize(std::clamp(font.pixelSize(), std::max(12, int(std::ceil(minTextPixels_))), 28));
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
