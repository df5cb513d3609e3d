// Canvas text whose indices are readable: the notation writes indices as
// Unicode sub- and superscript characters (w₁₂⁽¹⁾), which fonts draw at little
// more than half the text's size (4–5 px on a projector). Here each run of them
// is drawn as ordinary characters at kIndexScale of the font's size, lowered or
// raised, so w₁₂ and w₂₁ can be told apart from the back of a room. The text
// itself is unchanged: tooltips, copies and tests read the same string.
#pragma once

#include <QFont>
#include <QRectF>
#include <QString>
#include <vector>

class QPainter;

namespace bpl::gui {

// An index is drawn at this fraction of its text's pixel size.
constexpr double kIndexScale = 0.72;

struct IndexedRun {
    enum Kind { Text, Sub, Super };
    Kind kind = Text;
    QString text; // sub- and superscripts as the ordinary characters they stand for
};

// `text` cut into runs of ordinary text, subscripts and superscripts.
std::vector<IndexedRun> indexedRuns(const QString& text);
// The font an index of `font` is drawn in.
QFont indexFont(const QFont& font);
// The width `text` takes when drawn by drawIndexedText.
double indexedTextWidth(const QFont& font, const QString& text);
// Draws `text` in the painter's font inside `rect`, aligned by `alignment`
// (horizontal: left, centre or right; vertical: top or centre).
void drawIndexedText(QPainter* painter, const QRectF& rect, int alignment, const QString& text);

} // namespace bpl::gui
