#include "gui/canvas/canvas_export.h"

#include "gui/canvas/network_scene.h"
#include "io/safe_file.h"

#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace bpl::gui {

namespace {

QString cannotWrite(const QString& path, const QString& why) {
    return QObject::tr("%1: cannot write (%2)").arg(QFileInfo(path).fileName(), why);
}

} // namespace

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

QString exportCanvasPng(NetworkScene* scene, const QString& path, double scale) {
    const QRectF source = scene->contentRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(scene->canvasStyle().background);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return cannotWrite(path, file.errorString());
    if (!image.save(&file, "PNG")) return cannotWrite(path, QObject::tr("PNG encoding failed"));
    if (const auto saved = io::commitSaveFile(file, path.toStdString()); !saved) {
        return QString::fromStdString(saved.error().message());
    }
    return {};
}

QString exportCanvasSvg(NetworkScene* scene, const QString& path) {
    const QRectF source = scene->contentRect();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return cannotWrite(path, file.errorString());
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(QObject::tr("Backprop Lab network"));
    {
        QPainter painter(&svg);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), scene->canvasStyle().background);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    if (const auto saved = io::commitSaveFile(file, path.toStdString()); !saved) {
        return QString::fromStdString(saved.error().message());
    }
    return {};
}

QString exportCanvasPdf(NetworkScene* scene, const QString& path) {
    const QRectF source = scene->contentRect();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return cannotWrite(path, file.errorString());
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(source.size() * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(QObject::tr("Backprop Lab network"));
        QPainter painter(&pdf);
        const QRectF target(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
        scene->render(&painter, target, source);
    }
    if (const auto saved = io::commitSaveFile(file, path.toStdString()); !saved) {
        return QString::fromStdString(saved.error().message());
    }
    return {};
}

} // namespace bpl::gui
