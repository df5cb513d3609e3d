#include "gui/training/training_plot.h"

#include <QMenu>

#include <cmath>

namespace bpl::gui {

TrainingPlot::TrainingPlot(const QString& title, QWidget* parent) : LabPlot(title, parent) {
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QCustomPlot::afterReplot, this, [this] { ++replots_; });
    connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton || !(event->modifiers() & Qt::ControlModifier))
            return;
        const int k = epochAt(event->position());
        if (k >= 0)
            emit epochPicked(k);
    });
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent* event) {
        const int k = epochAt(event->position());
        if (k >= 0) {
            emit epochPicked(k);
        } else {
            fitView();
            requestReplot();
        }
    });
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        menu.addAction(tr("Fit view"), this, [this] {
            fitView();
            requestReplot();
        });
        menu.addAction(tr("Save plot as PNG, PDF or SVG…"), this,
                       [this] { emit saveRequested(this); });
        menu.exec(mapToGlobal(pos));
    });
}

int TrainingPlot::epochAt(const QPointF& pixel) const {
    if (!hasEpochAxis_ || !axisRect()->rect().contains(pixel.toPoint()))
        return -1;
    const double k = xAxis->pixelToCoord(pixel.x());
    return k < 0 ? 0 : static_cast<int>(std::lround(k));
}

} // namespace bpl::gui
