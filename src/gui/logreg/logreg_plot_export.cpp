#include "gui/logreg/logreg_plot_export.h"

#include "io/safe_file.h"

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

bool writePng(QIODevice& device, const std::vector<QCustomPlot*>& plots, int columns, QSize cell,
              QSize total, std::string& error) {
    constexpr double kScale = 2.0;
    QImage image(total * kScale, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        error = "cannot draw the PNG image (out of memory)";
        return false;
    }
    image.setDevicePixelRatio(kScale);
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawGrid(painter, plots, columns, cell);
    }
    if (!image.save(&device, "PNG")) {
        error = "cannot write the PNG image (" + device.errorString().toStdString() + ")";
        return false;
    }
    return true;
}

bool writeVector(QIODevice& device, const QString& suffix, const std::vector<QCustomPlot*>& plots,
                 int columns, QSize cell, QSize total, const QString& title, std::string& error) {
    std::unique_ptr<QPaintDevice> target;
    if (suffix == "pdf") {
        auto pdf = std::make_unique<QPdfWriter>(&device);
        pdf->setResolution(96);
        pdf->setPageSize(QPageSize(QSizeF(total) * 0.75, QPageSize::Point)); // 96 px = 72 pt
        pdf->setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf->setCreator("Backprop Lab");
        pdf->setTitle(title);
        target = std::move(pdf);
    } else {
        auto svg = std::make_unique<QSvgGenerator>();
        svg->setOutputDevice(&device);
        svg->setSize(total);
        svg->setViewBox(QRect(QPoint(0, 0), total));
        svg->setResolution(96);
        svg->setTitle(title);
        svg->setDescription("Backprop Lab");
        target = std::move(svg);
    }
    QCPPainter painter;
    if (!painter.begin(target.get())) {
        error = "cannot write the " + suffix.toUpper().toStdString() + " file";
        return false;
    }
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.fillRect(QRect(QPoint(0, 0), total), Qt::white);
    drawGrid(painter, plots, columns, cell);
    painter.end();
    target.reset(); // the PDF writer finishes the file when it is destroyed
    if (device.size() == 0) {
        error = "cannot write the " + suffix.toUpper().toStdString() + " file";
        return false;
    }
    return true;
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
    if (suffix != "png" && suffix != "pdf" && suffix != "svg") {
        error = QString("%1: expected a name ending in .png, .pdf or .svg").arg(path);
        return false;
    }
    const BolderLines bolder(plots);
    // Drawn into a QSaveFile (io/safe_file.h): a failure leaves the earlier file as it was.
    const auto written = io::writeFileAtomically(path, [&](QIODevice& device, std::string& why) {
        if (suffix == "png") return writePng(device, plots, columns, cell, total, why);
        return writeVector(device, suffix, plots, columns, cell, total, title, why);
    });
    if (!written) {
        error = QString::fromStdString(written.error().message());
        return false;
    }
    return true;
}

} // namespace bpl::gui
