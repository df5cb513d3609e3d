// How the application looks: the theme (follow the system, light, dark, or the
// high-contrast presentation palette) and the font scale (Ctrl+= / Ctrl+-).
// Applied to the whole application; the canvas derives its colours from it.
#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>

namespace bpl::gui {

enum class Theme { System, Light, Dark, HighContrast };

class Appearance : public QObject {
    Q_OBJECT
public:
    // Remembers the application's font as the system's.
    explicit Appearance(QObject* parent = nullptr);

    Theme theme() const { return theme_; }
    // The theme in effect: HighContrast while presenting, else theme().
    Theme effectiveTheme() const { return presenting_ ? Theme::HighContrast : theme_; }
    bool presenting() const { return presenting_; }
    double fontScale() const { return fontScale_; }
    // True when the palette in effect has a dark window background.
    bool isDark() const;

    void setTheme(Theme theme);
    void setPresenting(bool presenting);
    void setFontScale(double scale); // clamped to [0.7, 3]
    void zoomFont(int steps);         // ±1: 10 % larger or smaller

    static QPalette lightPalette();
    static QPalette darkPalette();
    static QPalette highContrastPalette();

signals:
    void changed();

private:
    void apply();

    QFont systemFont_;
    Theme theme_ = Theme::System;
    bool presenting_ = false;
    double fontScale_ = 1.0;
};

} // namespace bpl::gui
