#include "gui/canvas/network_view.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/network_scene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
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

void NetworkView::fitAll() {
    if (!scene_) return;
    fitInView(scene_->contentRect(), Qt::KeepAspectRatio);
    if (zoom() > kMaxFitZoom) setTransform(QTransform::fromScale(kMaxFitZoom, kMaxFitZoom));
    centerOn(scene_->contentRect().center());
    fitted_ = true;
    emit zoomChanged(zoom());
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
    setTransform(QTransform::fromScale(zoomToFit, zoomToFit));
    centerOn(QPointF(all.left() + viewport()->width() / zoomToFit / 2, all.center().y()));
    fitted_ = true;
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
    // A compact legend fixed to the bottom-right corner of the viewport:
    //   w       ━ > 0   ━ < 0
    //   ∂E/∂w   ━ > 0   ━ < 0
    const CanvasStyle& s = scene_->canvasStyle();
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = s.small;
    font.setPixelSize(std::clamp(font.pixelSize(), 10, 18));
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

} // namespace bpl::gui
