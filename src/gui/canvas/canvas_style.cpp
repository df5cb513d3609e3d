#include "gui/canvas/canvas_style.h"
#include "gui/canvas/indexed_text.h"

#include <algorithm>

namespace bpl::gui {

namespace {

QFont sized(double pixels, QFont::Weight weight = QFont::Normal) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(6, int(pixels + 0.5)));
    f.setWeight(weight);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

} // namespace

CanvasStyle CanvasStyle::make(Theme theme, bool dark, double fontScale, bool compact) {
    CanvasStyle s;
    const bool highContrast = theme == Theme::HighContrast;
    const bool darkColours = !highContrast && (theme == Theme::Dark || (theme == Theme::System && dark));
    if (highContrast) {
        s.background = Qt::white;
        s.text = Qt::black;
        s.mutedText = QColor(0x30, 0x30, 0x30);
        s.neuronFill = Qt::white;
        s.inputFill = QColor(0xe8, 0xe8, 0xe8);
        s.neuronBorder = Qt::black;
        s.positive = QColor(0x00, 0x3c, 0xc8);
        s.negative = QColor(0xc8, 0x00, 0x00);
        s.zero = QColor(0x60, 0x60, 0x60);
        s.gradPositive = QColor(0x00, 0x78, 0x50);
        s.gradNegative = QColor(0x8c, 0x00, 0xa0);
        s.band = QColor(0xff, 0xd8, 0x4d, 150);
        s.bandBorder = Qt::black;
        s.fresh = QColor(0xb0, 0x3a, 0x00);
        s.delta = QColor(0x8c, 0x00, 0xa0);
        s.selection = QColor(0x00, 0x9c, 0xff);
        s.labelBackground = QColor(255, 255, 255, 245);
        s.lineWidth = 2.5;
    } else if (darkColours) {
        s.background = QColor(0x1c, 0x1e, 0x22);
        s.text = QColor(0xe8, 0xea, 0xed);
        s.mutedText = QColor(0xa0, 0xa6, 0xad);
        s.neuronFill = QColor(0x2b, 0x30, 0x38);
        s.inputFill = QColor(0x24, 0x33, 0x2b);
        s.neuronBorder = QColor(0xc8, 0xcd, 0xd4);
        s.positive = QColor(0x5a, 0x9c, 0xff);
        s.negative = QColor(0xff, 0x6b, 0x6b);
        s.zero = QColor(0x80, 0x86, 0x8d);
        s.gradPositive = QColor(0x3f, 0xd0, 0xa8);
        s.gradNegative = QColor(0xd3, 0x8c, 0xff);
        s.band = QColor(0xf5, 0xb8, 0x29, 55);
        s.bandBorder = QColor(0xf5, 0xb8, 0x29);
        s.fresh = QColor(0xff, 0xb3, 0x47);
        s.delta = QColor(0xd3, 0x8c, 0xff);
        s.selection = QColor(0x4d, 0xd0, 0xff);
        s.labelBackground = QColor(0x1c, 0x1e, 0x22, 235);
    } else {
        s.background = Qt::white;
        s.text = QColor(0x1d, 0x1f, 0x23);
        s.mutedText = QColor(0x5f, 0x64, 0x6b);
        s.neuronFill = QColor(0xf7, 0xf9, 0xfc);
        s.inputFill = QColor(0xe9, 0xf5, 0xec);
        s.neuronBorder = QColor(0x3a, 0x3f, 0x47);
        s.positive = QColor(0x1f, 0x5f, 0xc4);
        s.negative = QColor(0xc6, 0x28, 0x28);
        s.zero = QColor(0x9a, 0x9e, 0xa4);
        s.gradPositive = QColor(0x00, 0x89, 0x6b);
        s.gradNegative = QColor(0x8e, 0x24, 0xaa);
        s.band = QColor(0xff, 0xc1, 0x07, 45);
        s.bandBorder = QColor(0xe0, 0x9b, 0x00);
        s.fresh = QColor(0xc4, 0x4d, 0x00);
        s.delta = QColor(0x8e, 0x24, 0xaa);
        s.selection = QColor(0x00, 0x96, 0xe6);
        s.labelBackground = QColor(255, 255, 255, 235);
    }
    s.highContrast = highContrast;
    s.compact = compact;
    const double px = 15.0 * fontScale;
    s.font = sized(px, highContrast ? QFont::DemiBold : QFont::Normal);
    s.bold = sized(px, QFont::Bold);
    // Edge labels are the smallest text; on the projector they are as large as the rest.
    s.small = sized(highContrast ? px : px * 0.87, highContrast ? QFont::DemiBold : QFont::Normal);
    s.title = sized(px * 1.35, QFont::Bold);
    s.radius = (compact ? 1.3 : 2.0) * px;
    return s;
}

int CanvasStyle::smallestTextPixels() const {
    return std::min({font.pixelSize(), bold.pixelSize(), small.pixelSize(), title.pixelSize()});
}

double CanvasStyle::indexPixels(const QFont& font) { return indexFont(font).pixelSize(); }

double CanvasStyle::smallestIndexPixels() const {
    return std::min({indexPixels(font), indexPixels(bold), indexPixels(small)});
}

QStringList compactLines(const QString& line, bool compact) {
    if (line.isEmpty()) return {};
    if (!compact) return {line};
    const qsizetype arrow = line.indexOf(QStringLiteral(" → "));
    if (arrow > 0) return {line.left(arrow), line.mid(arrow + 1)};
    static const QString kLoss = QStringLiteral("Loss: ");
    if (line.startsWith(kLoss) && line.size() > 16) return {kLoss.trimmed(), line.mid(kLoss.size())};
    return {line};
}

} // namespace bpl::gui
