// The colours and marks of Check mode in one place: green for a correct entry,
// red for a wrong one, amber for an error carried forward, grey for text that
// is not a number yet. Each state also has a glyph (✓ ✗ ↷ ?) so it never relies
// on colour alone, and the shades are picked for the widget's palette, so they
// stay readable in the light, dark and high-contrast themes.
#pragma once

#include "core/answer_check.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace bpl::gui {

enum class EntryState { Empty, Unreadable, Correct, Wrong, Carried };

EntryState entryState(AnswerStatus status);

struct StatusColours {
    QColor accent;     // border of the entry, colour of the mark
    QColor background; // tint behind the typed number
    QColor text;       // the typed number
};

// Dark when the palette's window is dark; high contrast when the text and the
// base are black and white.
StatusColours statusColours(EntryState state, const QPalette& palette);

// "✓", "✗", "↷", "?" (nothing for an empty entry).
QString statusGlyph(EntryState state);
// "correct", "wrong", "carried", "unreadable", "empty": also the entries'
// "checkStatus" property, which tests and style sheets read.
QString statusKey(EntryState state);
// "right", "wrong", "carried forward", "not a number" for people.
QString statusWord(EntryState state);

// The style sheet of an entry field in that state.
QString entryStyleSheet(EntryState state, const QPalette& palette);

} // namespace bpl::gui
