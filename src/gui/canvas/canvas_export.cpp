#include "gui/canvas/canvas_export.h"

#include "gui/canvas/network_scene.h"
#include "io/safe_file.h"

#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace bpl::gui {

QString exportCanvas(NetworkScene* scene, const QString& path) {
    // Never over a device node, pipe or folder (io/safe_file.h); QSaveFile does the rest.
    if (const auto target = io::checkOutputPath(path); !target) {
        return QString::fromStdString(target.error().message());
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "svg") return exportCanvasSvg(scene, path);
    if (suffix == "pdf") return exportCanvasPdf(scene, path);
    if (suffix == "png") return exportCanvasPng(scene, path);
    return QObject::tr("%1: choose a .png, .svg or .pdf file name").arg(QFileInfo(path).fileName());
}

namespace {

// Drawn in memory and written all or nothing (io/safe_file.h): a full disk
// leaves the earlier file as it was.
QString save(const QString& path, const io::DeviceWriter& draw) {
    const auto written = io::writeFileAtomically(path, draw);
    return written ? QString() : QString::fromStdString(written.error().message());
}

} // namespace

QString exportCanvasPng(NetworkScene* scene, const QString& path, double scale) {
    const QRectF source = scene->contentRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(scene->canvasStyle().background);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    }
    return save(path, [&image](QIODevice& device, std::string& error) {
        if (image.save(&device, "PNG")) return true;
        error = "cannot write (PNG encoding failed)";
        return false;
    });
}

QString exportCanvasSvg(NetworkScene* scene, const QString& path) {
    const QRectF source = scene->contentRect();
    return save(path, [&](QIODevice& device, std::string&) {
        QSvgGenerator svg;
        svg.setOutputDevice(&device);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QObject::tr("Backprop Lab network"));
        QPainter painter(&svg);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), scene->canvasStyle().background);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        return true;
    });
}

QString exportCanvasPdf(NetworkScene* scene, const QString& path) {
    const QRectF source = scene->contentRect();
    return save(path, [&](QIODevice& device, std::string&) {
        QPdfWriter pdf(&device);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(source.size() * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(QObject::tr("Backprop Lab network"));
        QPainter painter(&pdf);
        const QRectF target(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
        scene->render(&painter, target, source);
        return true;
    });
}

} // namespace bpl::gui
