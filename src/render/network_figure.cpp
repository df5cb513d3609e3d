#include "render/network_figure.h"

#include "core/number_format.h"

#include <QFontMetricsF>
#include <QTransform>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace bpl::io {

namespace {

constexpr int kMaxShownLayers = 10;  // more: first 5, "…", last 3
constexpr int kMaxShownNeurons = 10; // more: first 7, "⋮", last 2
constexpr double kHeader = 36;
constexpr double kFooter = 14;
constexpr double kRadius = 15;

// Entries of a column or layer list; -1 marks the elision ("…" / "⋮").
std::vector<int> shownIndices(int count, int maxShown, int head, int tail) {
    std::vector<int> out;
    if (count <= maxShown) {
        for (int k = 0; k < count; ++k) out.push_back(k);
        return out;
    }
    for (int k = 0; k < head; ++k) out.push_back(k);
    out.push_back(-1);
    for (int k = count - tail; k < count; ++k) out.push_back(k);
    return out;
}

struct Layout {
    std::vector<int> layers;               // shown layers (-1 = elided columns)
    std::vector<std::vector<int>> neurons; // per shown column
    int maxRows = 1;
    bool edgeLabels = true;
    double spacing = 58;
};

Layout layoutFor(const Trace& trace) {
    Layout lay;
    lay.layers = shownIndices(trace.network.layerCount(), kMaxShownLayers, 5, 3);
    int edges = 0;
    for (size_t c = 0; c < lay.layers.size(); ++c) {
        const int l = lay.layers[c];
        lay.neurons.push_back(l < 0 ? std::vector<int>{} : shownIndices(trace.network.layers[l].size, kMaxShownNeurons, 7, 2));
        lay.maxRows = std::max(lay.maxRows, static_cast<int>(lay.neurons.back().size()));
        if (c > 0 && l >= 0 && lay.layers[c - 1] >= 0) {
            edges += static_cast<int>(lay.neurons[c].size() * lay.neurons[c - 1].size());
        }
    }
    lay.edgeLabels = edges <= 48 && lay.maxRows <= 8 && lay.layers.size() <= 6;
    lay.spacing = lay.edgeLabels ? 58 : 38;
    lay.spacing = std::min(lay.spacing, 440.0 / lay.maxRows);
    return lay;
}

QFont figureFont(double pixels, bool bold = false) {
    QFont f("DejaVu Sans");
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    f.setBold(bold);
    return f;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

// Text centred on a point, optionally on a white box so it stays legible over lines.
void centredText(QPainter& p, const QPointF& at, const QString& text, bool box = false) {
    const QFontMetricsF fm(p.font());
    const QRectF r(at.x() - fm.horizontalAdvance(text) / 2, at.y() - fm.height() / 2, fm.horizontalAdvance(text),
                   fm.height());
    if (box) {
        p.save();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 235));
        p.drawRoundedRect(r.adjusted(-2, 0, 2, 0), 2, 2);
        p.restore();
    }
    p.drawText(r, Qt::AlignCenter, text);
}

} // namespace

QSizeF networkFigureSize(const Trace& trace, double width) {
    const Layout lay = layoutFor(trace);
    return {width, kHeader + lay.maxRows * lay.spacing + kFooter};
}

void paintNetworkFigure(QPainter& p, const QRectF& area, const Trace& trace, const NetworkFigureOptions& options) {
    const Layout lay = layoutFor(trace);
    const Network& net = trace.network;
    const Notation& n = trace.options.notation;
    const int labelPrecision = std::min(trace.options.precision, 4);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);

    const int columns = static_cast<int>(lay.layers.size());
    const double left = area.left() + 54;   // room for the input values
    const double right = area.right() - 78; // room for the output and target
    auto columnX = [&](int c) { return columns == 1 ? (left + right) / 2 : left + (right - left) * c / (columns - 1); };
    const double top = area.top() + kHeader;
    const double rowsHeight = lay.maxRows * lay.spacing;
    auto rowY = [&](int c, int r) {
        const int rows = static_cast<int>(lay.neurons[c].size());
        return top + (rowsHeight - rows * lay.spacing) / 2 + (r + 0.5) * lay.spacing;
    };
    const double radius = std::min(kRadius, lay.spacing * 0.36);

    // Edges first, so circles and labels sit on top.
    p.setPen(QPen(QColor(150, 150, 150), 0.8));
    for (int c = 1; c < columns; ++c) {
        if (lay.layers[c] < 0 || lay.layers[c - 1] < 0) continue;
        for (size_t a = 0; a < lay.neurons[c - 1].size(); ++a) {
            for (size_t b = 0; b < lay.neurons[c].size(); ++b) {
                if (lay.neurons[c - 1][a] < 0 || lay.neurons[c][b] < 0) continue;
                p.drawLine(QPointF(columnX(c - 1), rowY(c - 1, int(a))), QPointF(columnX(c), rowY(c, int(b))));
            }
        }
    }
    // Weight labels along the edges, rotated with the edge, each at the first
    // position along it where it overlaps neither a neuron nor another label.
    if (lay.edgeLabels) {
        p.setFont(figureFont(8.5));
        p.setPen(QColor(30, 60, 120));
        const QFontMetricsF fm(p.font());
        std::vector<QRectF> taken;
        for (int c = 0; c < columns; ++c) {
            for (size_t r = 0; r < lay.neurons[c].size(); ++r) {
                const QPointF centre(columnX(c), rowY(c, int(r)));
                taken.emplace_back(centre - QPointF(radius + 2, radius + 2), QSizeF(2 * radius + 4, 2 * radius + 4));
            }
        }
        const double fractions[] = {0.7, 0.5, 0.3, 0.6, 0.4, 0.78, 0.22, 0.65, 0.35, 0.55, 0.45};
        for (int c = 1; c < columns; ++c) {
            const int l = lay.layers[c];
            for (size_t b = 0; b < lay.neurons[c].size(); ++b) {
                for (size_t a = 0; a < lay.neurons[c - 1].size(); ++a) {
                    const QPointF from(columnX(c - 1), rowY(c - 1, int(a)));
                    const QPointF to(columnX(c), rowY(c, int(b)));
                    const double angle = qRadiansToDegrees(std::atan2(to.y() - from.y(), to.x() - from.x()));
                    const double w = net.layers[l].weights(lay.neurons[c][b], lay.neurons[c - 1][a]);
                    const QString text = q(formatNumber(w, labelPrecision));
                    const QRectF box(-fm.horizontalAdvance(text) / 2 - 2, -fm.height() / 2, fm.horizontalAdvance(text) + 4,
                                     fm.height());
                    QTransform rotation;
                    rotation.rotate(angle);
                    const QRectF turned = rotation.mapRect(box);
                    QPointF at = from + 0.7 * (to - from);
                    for (double t : fractions) {
                        const QPointF candidate = from + t * (to - from);
                        const QRectF placed = turned.translated(candidate);
                        if (std::none_of(taken.begin(), taken.end(), [&](const QRectF& x) { return x.intersects(placed); })) {
                            at = candidate;
                            break;
                        }
                    }
                    taken.push_back(turned.translated(at));
                    p.save();
                    p.translate(at);
                    p.rotate(angle);
                    centredText(p, QPointF(0, 0), text, true);
                    p.restore();
                }
            }
        }
    }
    // Headings, neurons, biases.
    const int L = net.lastLayer();
    for (int c = 0; c < columns; ++c) {
        const int l = lay.layers[c];
        const double x = columnX(c);
        p.setPen(Qt::black);
        if (l < 0) {
            p.setFont(figureFont(16, true));
            centredText(p, QPointF(x, top + rowsHeight / 2), "…");
            continue;
        }
        p.setFont(figureFont(10, true));
        // Close columns (long chains) get just the layer number.
        const double room = columns > 1 ? (right - left) / (columns - 1) - 4 : area.width();
        QString heading = QString("Layer %1").arg(n.displayLayer(l));
        if (QFontMetricsF(p.font()).horizontalAdvance(heading) > room) heading = QString::number(n.displayLayer(l));
        centredText(p, QPointF(x, area.top() + 9), heading);
        p.setFont(figureFont(QFontMetricsF(figureFont(8.5)).horizontalAdvance("sigmoid") > room ? 7 : 8.5));
        p.setPen(QColor(90, 90, 90));
        const QString kind = l == 0 ? QString("input") : q(activationName(net.layers[l].activation.kind));
        centredText(p, QPointF(x, area.top() + 22), kind);
        const QColor fill = l == 0 ? QColor(232, 236, 242) : (l == L ? QColor(253, 228, 200) : QColor(214, 230, 248));
        for (size_t r = 0; r < lay.neurons[c].size(); ++r) {
            const int i = lay.neurons[c][r];
            const QPointF centre(x, rowY(c, int(r)));
            if (i < 0) {
                p.setPen(Qt::black);
                p.setFont(figureFont(14, true));
                centredText(p, centre, "⋮");
                continue;
            }
            p.setPen(QPen(QColor(60, 60, 60), 1.0));
            p.setBrush(fill);
            p.drawEllipse(centre, radius, radius);
            p.setBrush(Qt::NoBrush);
            p.setPen(Qt::black);
            QString symbol = q(n.activation(l, i).text);
            if (l == 0 && i < static_cast<int>(net.layers[0].labels.size())) symbol = q(net.layers[0].labels[i]);
            double size = std::min(9.0, radius * 0.62);
            p.setFont(figureFont(size));
            while (QFontMetricsF(p.font()).horizontalAdvance(symbol) > 2 * radius - 3 && size > 5) {
                size -= 0.5;
                p.setFont(figureFont(size));
            }
            centredText(p, centre, symbol);
            p.setFont(figureFont(7.5));
            p.setPen(QColor(90, 90, 90));
            if (l > 0 && lay.edgeLabels) {
                const Dual b = n.bias(l, i);
                centredText(p, centre + QPointF(0, radius + 7),
                            q(b.text) + " = " + q(formatNumber(net.layers[l].bias[i], labelPrecision)));
            }
            if (l == 0) {
                p.setFont(figureFont(9));
                p.setPen(Qt::black);
                const QString value = q(formatNumber(trace.sample.input[i], labelPrecision)) + " →";
                const double w = QFontMetricsF(p.font()).horizontalAdvance(value);
                centredText(p, QPointF(x - radius - 5 - w / 2, centre.y()), value);
            }
            if (l == L) {
                p.setFont(figureFont(9));
                p.setPen(Qt::black);
                const QString value =
                    "→ " + (options.showOutput ? q(formatNumber(trace.forward.output()[i], labelPrecision)) : QString("?"));
                const double w = QFontMetricsF(p.font()).horizontalAdvance(value);
                centredText(p, QPointF(x + radius + 5 + w / 2, centre.y() - 5), value);
                p.setFont(figureFont(8));
                p.setPen(QColor(90, 90, 90));
                const QString target = "t = " + q(formatNumber(trace.sample.target[i], labelPrecision));
                const double tw = QFontMetricsF(p.font()).horizontalAdvance(target);
                centredText(p, QPointF(x + radius + 5 + tw / 2 + 12, centre.y() + 7), target);
            }
        }
    }
    p.restore();
}

QImage networkFigureImage(const Trace& trace, double width, double scale) {
    const QSizeF size = networkFigureSize(trace, width);
    QImage image(QSize(int(std::ceil(size.width() * scale)), int(std::ceil(size.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.scale(scale, scale);
    paintNetworkFigure(p, QRectF(QPointF(0, 0), size), trace);
    p.end();
    return image;
}

} // namespace bpl::io
