#include "gui/check/check_colours.h"

#include <QCoreApplication>

namespace bpl::gui {

namespace {

bool isDark(const QPalette& p) { return p.color(QPalette::Window).lightness() < 128; }

bool isHighContrast(const QPalette& p) {
    const QColor base = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    return std::abs(base.lightness() - text.lightness()) > 245;
}

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

EntryState entryState(AnswerStatus status) {
    switch (status) {
    case AnswerStatus::Correct: return EntryState::Correct;
    case AnswerStatus::Carried: return EntryState::Carried;
    case AnswerStatus::Wrong: break;
    }
    return EntryState::Wrong;
}

StatusColours statusColours(EntryState state, const QPalette& palette) {
    const bool dark = isDark(palette);
    const bool high = isHighContrast(palette);
    QColor accent;
    switch (state) {
    // Light: dark enough for text on white (WCAG AA); dark: light enough on black.
    case EntryState::Correct: accent = dark ? QColor(0x5f, 0xd0, 0x7a) : QColor(0x1b, 0x7f, 0x3b); break;
    case EntryState::Wrong: accent = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28); break;
    case EntryState::Carried: accent = dark ? QColor(0xf5, 0xc2, 0x42) : QColor(0x9a, 0x5b, 0x00); break;
    case EntryState::Unreadable: accent = palette.color(QPalette::PlaceholderText); break;
    case EntryState::Empty: accent = palette.color(QPalette::Mid); break;
    }
    if (high && state != EntryState::Empty && state != EntryState::Unreadable) {
        // Pure, saturated marks and no tint: the border and glyph carry the state.
        accent = dark ? accent.lighter(115) : accent.darker(120);
    }
    const QColor base = palette.color(QPalette::Base);
    StatusColours c;
    c.accent = accent;
    const bool tinted = state == EntryState::Correct || state == EntryState::Wrong || state == EntryState::Carried;
    c.background = tinted && !high ? mix(base, accent, dark ? 0.28 : 0.14) : base;
    c.text = palette.color(QPalette::Text);
    return c;
}

QString statusGlyph(EntryState state) {
    switch (state) {
    case EntryState::Correct: return QStringLiteral("✓");
    case EntryState::Wrong: return QStringLiteral("✗");
    case EntryState::Carried: return QStringLiteral("↷");
    case EntryState::Unreadable: return QStringLiteral("?");
    case EntryState::Empty: break;
    }
    return {};
}

QString statusKey(EntryState state) {
    switch (state) {
    case EntryState::Correct: return QStringLiteral("correct");
    case EntryState::Wrong: return QStringLiteral("wrong");
    case EntryState::Carried: return QStringLiteral("carried");
    case EntryState::Unreadable: return QStringLiteral("unreadable");
    case EntryState::Empty: break;
    }
    return QStringLiteral("empty");
}

QString statusWord(EntryState state) {
    switch (state) {
    case EntryState::Correct: return QCoreApplication::translate("Check", "right");
    case EntryState::Wrong: return QCoreApplication::translate("Check", "wrong");
    case EntryState::Carried: return QCoreApplication::translate("Check", "carried forward");
    case EntryState::Unreadable: return QCoreApplication::translate("Check", "not a number");
    case EntryState::Empty: break;
    }
    return {};
}

QString entryStyleSheet(EntryState state, const QPalette& palette) {
    const StatusColours c = statusColours(state, palette);
    const int border = state == EntryState::Empty ? 1 : 2;
    return QStringLiteral("QLineEdit { border: %1px solid %2; border-radius: 3px; background: %3; color: %4; padding: 1px 4px; }")
        .arg(border)
        .arg(c.accent.name(), c.background.name(), c.text.name());
}

} // namespace bpl::gui
