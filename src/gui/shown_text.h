// Text from a file shown in the window (a network's name and description) is
// capped: Qt lays out a label's whole text, which for a 1 MB description took
// minutes and asked for a window millions of pixels wide. The document keeps
// and saves the whole text; only what is drawn is cut, with "…" at the end and
// the full text in the tooltip where one is set.
#pragma once

#include <QString>

#include <string>

namespace bpl::gui {

constexpr int kShownNameChars = 60;          // window title, canvas title, headings
constexpr int kShownDescriptionChars = 2000; // the description paragraphs

// `text` cut to at most `maxChars` characters (code points, never split), with
// "…" appended when cut. Linear in maxChars, not in the text's length.
QString shownText(const std::string& text, int maxChars);
inline QString shownName(const std::string& name) {
    return shownText(name, kShownNameChars);
}
inline QString shownDescription(const std::string& description) {
    return shownText(description, kShownDescriptionChars);
}

} // namespace bpl::gui
