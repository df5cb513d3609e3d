#include "gui/canvas/line_raster.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace bpl::gui {

namespace {

// Clips the segment p + t (q − p), t in [0, 1], to [x0, x1] × [y0, y1]
// (Liang–Barsky); false when nothing is left.
bool clip(QPointF& p, QPointF& q, double x0, double y0, double x1, double y1) {
    double t0 = 0, t1 = 1;
    const double dx = q.x() - p.x(), dy = q.y() - p.y();
    const double edges[4][2] = {
        {-dx, p.x() - x0}, {dx, x1 - p.x()}, {-dy, p.y() - y0}, {dy, y1 - p.y()}};
    for (const auto& [num, limit] : edges) {
        if (num == 0) {
            if (limit < 0)
                return false;
            continue;
        }
        const double t = limit / num;
        if (num < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF start = p;
    p = start + t0 * QPointF(dx, dy);
    q = start + t1 * QPointF(dx, dy);
    return true;
}

} // namespace

HairlineImage::HairlineImage(QSize size)
    : size_(size), ink_(static_cast<std::size_t>(std::max(0, size.width())) *
                            static_cast<std::size_t>(std::max(0, size.height())) * 4,
                        0.0f) {}

void HairlineImage::plot(int x, int y, float coverage, QRgb colour) {
    if (x < 0 || y < 0 || x >= size_.width() || y >= size_.height() || coverage <= 0)
        return;
    coverage *= static_cast<float>(qAlpha(colour)) / 255.0f; // a translucent colour passes less
    float* px = &ink_[(static_cast<std::size_t>(y) * size_.width() + x) * 4];
    px[0] += coverage * qRed(colour);
    px[1] += coverage * qGreen(colour);
    px[2] += coverage * qBlue(colour);
    px[3] += coverage;
}

void HairlineImage::add(const QLineF& line, QRgb colour) {
    QPointF p = line.p1() - QPointF(0.5, 0.5), q = line.p2() - QPointF(0.5, 0.5); // pixel centres
    if (size_.isEmpty() || !clip(p, q, -1, -1, size_.width(), size_.height()))
        return;
    const bool steep = std::abs(q.y() - p.y()) > std::abs(q.x() - p.x());
    double x0 = p.x(), y0 = p.y(), x1 = q.x(), y1 = q.y();
    if (steep) {
        std::swap(x0, y0);
        std::swap(x1, y1);
    }
    if (x0 > x1) {
        std::swap(x0, x1);
        std::swap(y0, y1);
    }
    const double slope = x1 == x0 ? 0 : (y1 - y0) / (x1 - x0);
    const int first = static_cast<int>(std::lround(x0)), last = static_cast<int>(std::lround(x1));
    for (int a = first; a <= last; ++a) { // a along the line, b across it
        const double y = y0 + (a - x0) * slope;
        const int b = static_cast<int>(std::floor(y));
        const auto frac = static_cast<float>(y - b);
        if (steep) {
            plot(b, a, 1 - frac, colour);
            plot(b + 1, a, frac, colour);
        } else {
            plot(a, b, 1 - frac, colour);
            plot(a, b + 1, frac, colour);
        }
    }
}

QImage HairlineImage::image(double opacity) const {
    QImage out(size_, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    // n lines of opacity α over one another let (1 − α)ⁿ through.
    const double keep = std::log1p(-std::clamp(opacity, 0.0, 0.999));
    for (int y = 0; y < size_.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(out.scanLine(y));
        const float* px = &ink_[static_cast<std::size_t>(y) * size_.width() * 4];
        for (int x = 0; x < size_.width(); ++x, px += 4) {
            if (px[3] <= 0)
                continue;
            const double alpha = 1 - std::exp(keep * px[3]);
            const auto channel = [&](int k) {
                return std::clamp(static_cast<int>(std::lround(px[k] / px[3] * alpha)), 0, 255);
            };
            row[x] = qRgba(channel(0), channel(1), channel(2),
                           std::clamp(static_cast<int>(std::lround(alpha * 255)), 0, 255));
        }
    }
    return out;
}

} // namespace bpl::gui
