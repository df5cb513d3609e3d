#include "gui/shown_text.h"

#include <algorithm>

namespace bpl::gui {

QString shownText(const std::string& text, int maxChars) {
    // At most four bytes a character: convert only the part that can be shown.
    const std::size_t bytes = std::min(text.size(), static_cast<std::size_t>(maxChars) * 4 + 4);
    QString shown = QString::fromUtf8(text.data(), static_cast<qsizetype>(bytes));
    qsizetype units = 0;
    for (int chars = 0; units < shown.size() && chars < maxChars; ++chars)
        units += shown.at(units).isHighSurrogate() && units + 1 < shown.size() ? 2 : 1;
    if (units >= shown.size() && bytes == text.size())
        return shown;
    shown.truncate(units);
    return shown + QStringLiteral("…");
}

} // namespace bpl::gui
