#include "gui/dock_sizes.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>

namespace bpl::gui {

DockSizes::DockSizes(QMainWindow* window) : QObject(window), window_(window) {}

void DockSizes::keep(QDockWidget* dock, Qt::Orientation orientation) {
    kept_.push_back({dock, orientation, 0});
    dock->installEventFilter(this);
}

int DockSizes::extent(const Kept& k) {
    return k.orientation == Qt::Horizontal ? k.dock->width() : k.dock->height();
}

bool DockSizes::eventFilter(QObject* watched, QEvent* event) {
    // A dock resized while the window keeps its size is a person's choice (a
    // separator dragged) or the first layout; one resized with the window is
    // squeezed by it and not remembered.
    if (event->type() == QEvent::Resize && !restoring_ && window_->size() == windowSize_) {
        for (Kept& k : kept_) {
            if (k.dock == watched && k.dock->isVisible() && !k.dock->isFloating())
                k.size = extent(k);
        }
    }
    return QObject::eventFilter(watched, event);
}

void DockSizes::windowResized() {
    const QSize old = windowSize_;
    windowSize_ = window_->size();
    if (!old.isValid() ||
        (windowSize_.width() <= old.width() && windowSize_.height() <= old.height()))
        return;
    restoring_ = true;
    for (const Kept& k : kept_) {
        if (k.size > 0 && k.dock->isVisible() && !k.dock->isFloating() && extent(k) < k.size) {
            window_->resizeDocks({k.dock}, {k.size}, k.orientation);
        }
    }
    restoring_ = false;
}

} // namespace bpl::gui
