#include "gui/canvas/indexed_text.h"

#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

namespace bpl::gui {

namespace {

// Each index character and the ordinary character it stands for.
const QString kSubscripts = QStringLiteral("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥᵦᵧᵨᵩᵪ");
const QString kSubscriptPlain = QStringLiteral("0123456789+−=()aeoxhklmnpstijruvβγρφχ");
const QString kSuperscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿˡᵀᵃᵇᶜᵈᵉᶠᵍʰʲᵏᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ");
const QString kSuperscriptPlain = QStringLiteral("0123456789+−=()inlTabcdefghjkmoprstuvwxyz");

// Baseline shifts, as fractions of the text's pixel size (within DejaVu Sans's ascent and descent).
constexpr double kSubDrop = 0.2;
constexpr double kSuperRise = 0.36;

IndexedRun::Kind kindOf(QChar c, QChar& plain) {
    if (const qsizetype k = kSubscripts.indexOf(c); k >= 0 && k < kSubscriptPlain.size()) {
        plain = kSubscriptPlain[k];
        return IndexedRun::Sub;
    }
    if (const qsizetype k = kSuperscripts.indexOf(c); k >= 0 && k < kSuperscriptPlain.size()) {
        plain = kSuperscriptPlain[k];
        return IndexedRun::Super;
    }
    plain = c;
    return IndexedRun::Text;
}

double pixelSize(const QFont& font) {
    return font.pixelSize() > 0 ? font.pixelSize() : QFontMetricsF(font).height() * 0.85;
}

} // namespace

std::vector<IndexedRun> indexedRuns(const QString& text) {
    std::vector<IndexedRun> runs;
    for (const QChar c : text) {
        QChar plain;
        const IndexedRun::Kind kind = kindOf(c, plain);
        if (runs.empty() || runs.back().kind != kind)
            runs.push_back({kind, {}});
        runs.back().text += plain;
    }
    return runs;
}

QFont indexFont(const QFont& font) {
    QFont f = font;
    f.setPixelSize(std::max(1, int(std::lround(pixelSize(font) * kIndexScale))));
    return f;
}

double indexedTextWidth(const QFont& font, const QString& text) {
    const QFontMetricsF normal(font);
    const QFontMetricsF index(indexFont(font));
    double width = 0;
    for (const IndexedRun& run : indexedRuns(text)) {
        width += (run.kind == IndexedRun::Text ? normal : index).horizontalAdvance(run.text);
    }
    return width;
}

void drawIndexedText(QPainter* painter, const QRectF& rect, int alignment, const QString& text) {
    const QFont font = painter->font();
    const QFont small = indexFont(font);
    const QFontMetricsF fm(font);
    const double width = indexedTextWidth(font, text);
    double x = rect.left();
    if (alignment & Qt::AlignHCenter)
        x = rect.center().x() - width / 2;
    else if (alignment & Qt::AlignRight)
        x = rect.right() - width;
    const double baseline = (alignment & Qt::AlignTop)
                                ? rect.top() + fm.ascent()
                                : rect.center().y() - fm.height() / 2 + fm.ascent();
    const double px = pixelSize(font);
    for (const IndexedRun& run : indexedRuns(text)) {
        const bool plain = run.kind == IndexedRun::Text;
        painter->setFont(plain ? font : small);
        const double y = baseline + (run.kind == IndexedRun::Sub     ? kSubDrop * px
                                     : run.kind == IndexedRun::Super ? -kSuperRise * px
                                                                     : 0);
        painter->drawText(QPointF(x, y), run.text);
        x += QFontMetricsF(plain ? font : small).horizontalAdvance(run.text);
    }
    painter->setFont(font);
}

} // namespace bpl::gui
