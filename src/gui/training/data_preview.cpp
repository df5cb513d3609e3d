#include "gui/training/data_preview.h"

#include "gui/plot_style.h"

#include "gui/training/training_session.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace bpl::gui {

DataPreview::DataPreview(QWidget* parent) : QWidget(parent) {
    setMinimumSize(160, 110);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(150);
}

void DataPreview::setData(std::shared_ptr<const Dataset> data) {
    data_ = std::move(data);
    update();
}

void DataPreview::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().mid().color());
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (!data_ || data_->sampleCount() == 0)
        return;
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    if (data_->inputCount() == 64) {
        paintImages(painter, area);
    } else if (data_->inputCount() <= 2) {
        paintPoints(painter, area);
    } else {
        painter.setPen(palette().text().color());
        painter.drawText(area, Qt::AlignCenter, tr("%1 inputs").arg(data_->inputCount()));
    }
}

void DataPreview::paintPoints(QPainter& painter, const QRectF& area) const {
    const Eigen::MatrixXd& x = data_->inputs;
    // 2-D: x₁ across, x₂ up; 1-D: x across, the target up.
    const Eigen::RowVectorXd across = x.row(0);
    const Eigen::RowVectorXd up = data_->inputCount() == 2
                                      ? Eigen::RowVectorXd(x.row(1))
                                      : Eigen::RowVectorXd(data_->targets.row(0));
    const double x0 = across.minCoeff(), x1 = std::max(across.maxCoeff(), x0 + 1e-9);
    const double y0 = up.minCoeff(), y1 = std::max(up.maxCoeff(), y0 + 1e-9);
    // Keep the aspect ratio of a 2-D plane.
    QRectF box = area;
    if (data_->inputCount() == 2) {
        const double scale = std::min(area.width() / (x1 - x0), area.height() / (y1 - y0));
        box.setSize(QSizeF((x1 - x0) * scale, (y1 - y0) * scale));
        box.moveCenter(area.center());
    }
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < data_->sampleCount(); ++i) {
        const double px = box.left() + (across[i] - x0) / (x1 - x0) * box.width();
        const double py = box.bottom() - (up[i] - y0) / (y1 - y0) * box.height();
        const int cls = data_->isClassification() ? data_->labels[static_cast<std::size_t>(i)] : 7;
        painter.setBrush(classColour(cls));
        painter.drawEllipse(QPointF(px, py), 2.2, 2.2);
    }
}

void DataPreview::paintImages(QPainter& painter, const QRectF& area) const {
    // One sample of each class when labelled, else the first ones: a strip of 8×8 images.
    std::vector<int> shown;
    if (data_->isClassification()) {
        for (int k = 0; k < data_->classes; ++k) {
            const auto it = std::find(data_->labels.begin(), data_->labels.end(), k);
            if (it != data_->labels.end())
                shown.push_back(static_cast<int>(it - data_->labels.begin()));
        }
    }
    for (int i = 0; shown.size() < 10 && i < data_->sampleCount(); ++i) {
        if (std::find(shown.begin(), shown.end(), i) == shown.end())
            shown.push_back(i);
    }
    const int n = static_cast<int>(shown.size());
    const double side = std::min(area.width() / n - 2, area.height());
    for (int s = 0; s < n; ++s) {
        QImage image(8, 8, QImage::Format_Grayscale8);
        for (int p = 0; p < 64; ++p) {
            const double v =
                std::clamp(data_->inputs(p, shown[static_cast<std::size_t>(s)]), 0.0, 1.0);
            image.setPixel(p % 8, p / 8,
                           qRgb(255 - int(255 * v), 255 - int(255 * v), 255 - int(255 * v)));
        }
        painter.drawImage(QRectF(area.left() + s * (side + 2), area.top(), side, side), image);
    }
}

} // namespace bpl::gui
