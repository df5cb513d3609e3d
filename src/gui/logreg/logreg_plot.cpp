#include "gui/logreg/logreg_plot.h"

#include <QMenu>

namespace bpl::gui {

LogRegPlot::LogRegPlot(const QString& title, QWidget* parent) : LabPlot(title, parent) {
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton)
            return;
        pressPixel_ = event->position();
        const int k = iterationAt(event->position());
        if (k >= 0)
            emit iterationPicked(k);
    });
    connect(this, &QCustomPlot::mouseWheel, this, [this] { userMovedView_ = true; });
    connect(this, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
        // A drag (not a click that picks an iteration) moves the view.
        const QPointF moved = event->position() - pressPixel_;
        if (event->button() == Qt::LeftButton && moved.manhattanLength() > 4)
            userMovedView_ = true;
    });
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] {
        userMovedView_ = false;
        fitView();
        requestReplot();
    });
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        menu.addAction(tr("Fit view"), this, [this] {
            userMovedView_ = false;
            fitView();
            requestReplot();
        });
        menu.addAction(tr("Save plot as PNG, PDF or SVG…"), this,
                       [this] { emit saveRequested(this); });
        menu.exec(mapToGlobal(pos));
    });
}

} // namespace bpl::gui
