// Thin translucent lines gathered into an image, for the edge bundles of wide
// layers: QPainter hands every 255 pixels of an antialiased or translucent line
// to its thread pool, and 40,000 lines took over a second; this takes
// milliseconds. Hairlines one pixel wide, antialiased across the line
// (Xiaolin Wu). Where lines cross, their colours mix by how much of each
// passes (so many blue and red lines show purple, not whichever came last),
// and the ink builds up as translucent lines laid one over another would.
#pragma once

#include <QImage>
#include <QLineF>
#include <QRgb>
#include <QSize>

#include <vector>

namespace bpl::gui {

class HairlineImage {
  public:
    explicit HairlineImage(QSize size);

    // Adds `line` in pixel coordinates (pixel (x, y) is the square from (x, y)
    // to (x + 1, y + 1)) in `colour` (its alpha makes it fainter); the part
    // outside the image is clipped.
    void add(const QLineF& line, QRgb colour);
    // The lines as if each were drawn with `opacity` (0–1) over the others.
    QImage image(double opacity) const;

  private:
    void plot(int x, int y, float coverage, QRgb colour);

    QSize size_;
    std::vector<float> ink_; // per pixel: coverage × red, green, blue, and the coverage
};

} // namespace bpl::gui
