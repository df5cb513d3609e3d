#include "gui/training/training_confusion_plot.h"

#include "gui/plot_style.h"
#include "gui/training/training_session.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace bpl::gui {

TrainingConfusionPlot::TrainingConfusionPlot(QWidget* parent)
    : TrainingPlot(tr("Confusion matrix"), parent) {
    styleAxisRect(axisRect());
    axisRect()->setRangeDrag({});
    axisRect()->setRangeZoom({});
    xAxis->setLabel(tr("predicted class"));
    yAxis->setLabel(tr("true class"));
    yAxis->setRangeReversed(true);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->grid()->setVisible(false);
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
        axis->setTicker(ticker);
    }
    map_ = new QCPColorMap(xAxis, yAxis);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(255, 255, 255));
    gradient.setColorStopAt(1, QColor(0x1f, 0x4e, 0x9a));
    map_->setGradient(gradient);
    map_->setInterpolate(false);
    summary_ = new PlotTitle(this, QString(), PlotTitle::Note);
    plotLayout()->addElement(2, 0, summary_);
    legend->setVisible(false);
}

void TrainingConfusionPlot::setSession(const TrainingSession* session) {
    session_ = session;
    setConfusion(Eigen::MatrixXi(), QString(), 0);
}

void TrainingConfusionPlot::setConfusion(const Eigen::MatrixXi& confusion, const QString& setName,
                                         int epoch,
                                         const std::vector<std::pair<int, double>>& topKErrors) {
    confusion_ = confusion;
    for (QCPItemText* t : counts_)
        removeItem(t);
    counts_.clear();
    const int k = static_cast<int>(confusion.rows());
    map_->setVisible(k > 0);
    if (k == 0) {
        setTitle(tr("Confusion matrix"));
        // Why it is empty, in the core's words (the rule's one home).
        summary_->setText(session_ && session_->data ? QString::fromStdString(confusionProblem(
                                                           session_->start, *session_->data))
                                                     : QString());
        requestReplot();
        return;
    }
    map_->data()->setSize(k, k);
    map_->data()->setRange(QCPRange(0, k - 1), QCPRange(0, k - 1));
    const int largest = std::max(1, confusion.maxCoeff());
    QFont font = plotFonts().tickLabel;
    if (k > 6)
        font.setPixelSize(std::max(9, font.pixelSize() * 4 / 5));
    for (int t = 0; t < k; ++t) {
        for (int p = 0; p < k; ++p) {
            const int n = confusion(t, p);
            map_->data()->setCell(p, t, n);
            auto* text = new QCPItemText(this);
            text->position->setCoords(p, t);
            text->setText(QString::number(n));
            text->setFont(font);
            text->setColor(n > largest / 2 ? Qt::white : Qt::black);
            text->setClipToAxisRect(true);
            counts_.push_back(text);
        }
    }
    map_->setDataRange(QCPRange(0, largest));
    setTitle(tr("Confusion (%1, epoch %2)").arg(setName).arg(epoch));
    const QLocale locale;
    QStringList parts;
    for (const auto& [topK, error] : topKErrors)
        parts << tr("top-%1 error %2 %").arg(topK).arg(locale.toString(100 * error, 'f', 1));
    summary_->setText(parts.join(", "));
    fitView();
    requestReplot();
}

void TrainingConfusionPlot::fitView() {
    const int k = std::max(1, static_cast<int>(confusion_.rows()));
    xAxis->setRange(-0.5, k - 0.5);
    yAxis->setRange(-0.5, k - 0.5);
}

WeightImagesWidget::WeightImagesWidget(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(60);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void WeightImagesWidget::clear() {
    images_.clear();
    update();
}

void WeightImagesWidget::setNetwork(const Network& network) {
    images_.clear();
    if (network.layerCount() < 2 || network.inputSize() != 64) {
        update();
        return;
    }
    const Eigen::MatrixXd& w = network.layers[1].weights;
    for (Eigen::Index unit = 0; unit < w.rows(); ++unit) {
        const double scale = std::max(1e-12, w.row(unit).cwiseAbs().maxCoeff());
        QImage image(8, 8, QImage::Format_RGB32);
        for (int p = 0; p < 64; ++p) {
            const double v = std::clamp(w(unit, p) / scale, -1.0, 1.0);
            const int fade = static_cast<int>(std::lround(255 * (1 - std::abs(v))));
            image.setPixel(p % 8, p / 8, v >= 0 ? qRgb(255, fade, fade) : qRgb(fade, fade, 255));
        }
        images_.push_back(image);
    }
    update();
}

void WeightImagesWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (images_.empty())
        return;
    const int n = static_cast<int>(images_.size());
    // As many columns as fit squares of the largest size in the widget.
    int best = 8, bestColumns = n;
    for (int columns = 1; columns <= n; ++columns) {
        const int rows = (n + columns - 1) / columns;
        const int side = std::min(width() / columns, (height() - 16) / rows) - 3;
        if (side > best) {
            best = side;
            bestColumns = columns;
        }
    }
    painter.setPen(palette().text().color());
    painter.drawText(QRect(0, 0, width(), 14), Qt::AlignLeft,
                     tr("First layer's weights (red +, blue −)"));
    for (int i = 0; i < n; ++i) {
        const QRect cell((i % bestColumns) * (best + 3), 16 + (i / bestColumns) * (best + 3), best,
                         best);
        painter.drawImage(cell, images_[static_cast<std::size_t>(i)]);
    }
}

} // namespace bpl::gui
