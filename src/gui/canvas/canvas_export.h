// Writes the network canvas as it looks at the current step to PNG (at twice
// the scene's resolution), SVG (QSvgGenerator) or PDF (QPdfWriter, one page
// the shape of the drawing). Errors come back as a message naming the file.
#pragma once

#include <QString>

namespace bpl::gui {

class NetworkScene;

// Empty on success, otherwise why the file could not be written.
QString exportCanvas(NetworkScene* scene, const QString& path);
QString exportCanvasPng(NetworkScene* scene, const QString& path, double scale = 2.0);
QString exportCanvasSvg(NetworkScene* scene, const QString& path);
QString exportCanvasPdf(NetworkScene* scene, const QString& path);

} // namespace bpl::gui
