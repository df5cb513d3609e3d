#include "gui/training/unit_thumbnails.h"

#include "gui/canvas/network_scene.h"
#include "gui/canvas/neuron_item.h"

#include <QGraphicsPixmapItem>

#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

constexpr int kThumbnailKey = 0x7455; // QGraphicsItem::data key marking our items
constexpr int kSide = 40;             // pixels on the canvas

QList<QGraphicsItem*> thumbnailsOf(const QGraphicsItem* neuron) {
    QList<QGraphicsItem*> found;
    for (QGraphicsItem* child : neuron->childItems()) {
        if (child->data(kThumbnailKey).toBool())
            found << child;
    }
    return found;
}

} // namespace

QImage unitThumbnail(const Eigen::RowVectorXd& values, const compute::PlaneGrid& grid) {
    QImage image(grid.nx, grid.ny, QImage::Format_RGB32);
    const double lo = values.minCoeff(), hi = values.maxCoeff();
    const double span = std::max(hi - lo, 1e-12);
    for (int iy = 0; iy < grid.ny; ++iy) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(grid.ny - 1 - iy));
        for (int ix = 0; ix < grid.nx; ++ix) {
            const double v = (values[iy * grid.nx + ix] - lo) / span; // 0 … 1
            const int fade = static_cast<int>(std::lround(255 * (1 - std::abs(2 * v - 1))));
            line[ix] = v >= 0.5 ? qRgb(255, fade, fade) : qRgb(fade, fade, 255);
        }
    }
    return image;
}

void showUnitThumbnails(NetworkScene* scene, const std::vector<Eigen::MatrixXd>& activations,
                        const compute::PlaneGrid& grid) {
    if (!scene)
        return;
    for (std::size_t l = 1; l < activations.size(); ++l) {
        for (Eigen::Index i = 0; i < activations[l].rows(); ++i) {
            NeuronItem* neuron = scene->neuronItem(static_cast<int>(l), static_cast<int>(i));
            if (!neuron || activations[l].cols() != grid.size())
                continue;
            const QPixmap pixmap = QPixmap::fromImage(
                unitThumbnail(activations[l].row(i), grid)
                    .scaled(kSide, kSide, Qt::IgnoreAspectRatio, Qt::FastTransformation));
            QList<QGraphicsItem*> old = thumbnailsOf(neuron);
            auto* item = old.isEmpty() ? new QGraphicsPixmapItem(neuron)
                                       : static_cast<QGraphicsPixmapItem*>(old.front());
            item->setData(kThumbnailKey, true);
            item->setPixmap(pixmap);
            const double r = neuron->radius();
            item->setPos(r * 0.75, -r * 0.75 - kSide);
            item->setZValue(5);
        }
    }
}

void clearUnitThumbnails(NetworkScene* scene) {
    if (!scene)
        return;
    for (QGraphicsItem* item : scene->items()) {
        if (item->data(kThumbnailKey).toBool())
            delete item;
    }
}

int unitThumbnailCount(const NetworkScene* scene) {
    int n = 0;
    if (!scene)
        return 0;
    for (const QGraphicsItem* item : scene->items())
        n += item->data(kThumbnailKey).toBool() ? 1 : 0;
    return n;
}

} // namespace bpl::gui
