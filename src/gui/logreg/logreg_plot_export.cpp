#include "gui/logreg/logreg_plot_export.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace bpl::gui {

namespace {

QString suffixOf(const QString& path) {
    return QFileInfo(path).suffix().toLower();
}

// On screen, lines are 1 px wide (Qt's fast path, so that live plots stay
// fluid); a saved figure is drawn once, so it gets bolder, easier-to-read
// lines. The pens are put back afterwards.
class BolderLines {
  public:
    explicit BolderLines(const std::vector<QCustomPlot*>& plots) {
        for (QCustomPlot* plot : plots) {
            for (int i = 0; i < plot->plottableCount(); ++i) {
                QCPAbstractPlottable* p = plot->plottable(i);
                if (p->pen().style() == Qt::NoPen || p->pen().widthF() > 1.0)
                    continue;
                changed_.push_back({p, p->pen()});
                QPen bolder = p->pen();
                bolder.setWidthF(kExportLineWidth);
                p->setPen(bolder);
            }
        }
    }
    ~BolderLines() {
        for (const auto& [plottable, pen] : changed_)
            plottable->setPen(pen);
    }
    BolderLines(const BolderLines&) = delete;
    BolderLines& operator=(const BolderLines&) = delete;

  private:
    static constexpr double kExportLineWidth = 1.7;
    std::vector<std::pair<QCPAbstractPlottable*, QPen>> changed_;
};

void drawGrid(QCPPainter& painter, const std::vector<QCustomPlot*>& plots, int columns,
              QSize cell) {
    for (std::size_t n = 0; n < plots.size(); ++n) {
        const int row = static_cast<int>(n) / columns, column = static_cast<int>(n) % columns;
        painter.save();
        painter.translate(column * cell.width(), row * cell.height());
        plots[n]->toPainter(&painter, cell.width(), cell.height());
        painter.restore();
    }
}

} // namespace

bool isPlotImageFormat(const QString& path) {
    const QString suffix = suffixOf(path);
    return suffix == "png" || suffix == "pdf" || suffix == "svg";
}

bool savePlots(const std::vector<QCustomPlot*>& plots, int columns, QSize cell, const QString& path,
               QString& error, const QString& title) {
    if (plots.empty() || columns < 1 || cell.isEmpty()) {
        error = "nothing to save";
        return false;
    }
    const int rows = (static_cast<int>(plots.size()) + columns - 1) / columns;
    const QSize total(std::min<int>(columns, static_cast<int>(plots.size())) * cell.width(),
                      rows * cell.height());
    const QString suffix = suffixOf(path);
    const BolderLines bolder(plots);
    if (suffix == "png") {
        constexpr double kScale = 2.0;
        QImage image(total * kScale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(kScale);
        image.fill(Qt::white);
        {
            QCPPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            drawGrid(painter, plots, columns, cell);
        }
        if (!image.save(path, "PNG")) {
            error = QString("%1: cannot write the PNG image").arg(path);
            return false;
        }
        return true;
    }
    if (suffix == "pdf" || suffix == "svg") {
        std::unique_ptr<QPaintDevice> device;
        if (suffix == "pdf") {
            auto pdf = std::make_unique<QPdfWriter>(path);
            pdf->setResolution(96);
            pdf->setPageSize(QPageSize(QSizeF(total) * 0.75, QPageSize::Point)); // 96 px = 72 pt
            pdf->setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf->setCreator("Backprop Lab");
            pdf->setTitle(title);
            device = std::move(pdf);
        } else {
            auto svg = std::make_unique<QSvgGenerator>();
            svg->setFileName(path);
            svg->setSize(total);
            svg->setViewBox(QRect(QPoint(0, 0), total));
            svg->setResolution(96);
            svg->setTitle(title);
            svg->setDescription("Backprop Lab");
            device = std::move(svg);
        }
        QCPPainter painter;
        if (!painter.begin(device.get())) {
            error = QString("%1: cannot write the %2 file").arg(path, suffix.toUpper());
            return false;
        }
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.fillRect(QRect(QPoint(0, 0), total), Qt::white);
        drawGrid(painter, plots, columns, cell);
        painter.end();
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
            error = QString("%1: cannot write the %2 file").arg(path, suffix.toUpper());
            return false;
        }
        return true;
    }
    error = QString("%1: expected a name ending in .png, .pdf or .svg").arg(path);
    return false;
}

} // namespace bpl::gui
