#include "gui/appearance.h"

#include "gui/plot_style.h"

#include <QApplication>
#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

// Presenting adds this much on top of the chosen font scale.
constexpr double kPresentationBoost = 1.35;

} // namespace

Appearance::Appearance(QObject* parent) : QObject(parent), systemFont_(QApplication::font()) {}

bool Appearance::isDark() const {
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

void Appearance::setTheme(Theme theme) {
    if (theme == theme_) return;
    theme_ = theme;
    apply();
}

void Appearance::setPresenting(bool presenting) {
    if (presenting == presenting_) return;
    presenting_ = presenting;
    apply();
}

void Appearance::setFontScale(double scale) {
    const double clamped = std::clamp(scale, 0.7, 3.0);
    if (std::abs(clamped - fontScale_) < 1e-9) return;
    fontScale_ = clamped;
    apply();
}

void Appearance::zoomFont(int steps) { setFontScale(fontScale_ * std::pow(1.1, steps)); }

void Appearance::apply() {
    switch (effectiveTheme()) {
    // An empty palette overrides no role: the platform's palette shows through
    // and keeps following the system's light or dark setting.
    case Theme::System: QApplication::setPalette(QPalette()); break;
    case Theme::Light: QApplication::setPalette(lightPalette()); break;
    case Theme::Dark: QApplication::setPalette(darkPalette()); break;
    case Theme::HighContrast: QApplication::setPalette(highContrastPalette()); break;
    }
    // Read by the plots' fonts (plot_style), which restyle on the font change below.
    qApp->setProperty(kPresentingProperty, presenting_);
    QFont font = systemFont_;
    const double scale = fontScale_ * (presenting_ ? kPresentationBoost : 1.0);
    if (systemFont_.pointSizeF() > 0) {
        font.setPointSizeF(systemFont_.pointSizeF() * scale);
    } else {
        font.setPixelSize(std::max(6, int(std::lround(systemFont_.pixelSize() * scale))));
    }
    QApplication::setFont(font);
    emit changed();
}

QPalette Appearance::lightPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x1f, 0x23));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xee, 0xf1, 0xf5));
    p.setColor(QPalette::Text, QColor(0x1d, 0x1f, 0x23));
    p.setColor(QPalette::Button, QColor(0xea, 0xec, 0xef));
    p.setColor(QPalette::ButtonText, QColor(0x1d, 0x1f, 0x23));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xdb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x74, 0x7a));
    p.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xc8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0x9d, 0xa3));
    return p;
}

QPalette Appearance::darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x23, 0x25, 0x29));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Base, QColor(0x1a, 0x1c, 0x1f));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2d, 0x32));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Button, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xfd));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x94, 0x9a));
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::Light, QColor(0x40, 0x43, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x38, 0x3b, 0x40));
    p.setColor(QPalette::Mid, QColor(0x2a, 0x2d, 0x32));
    p.setColor(QPalette::Dark, QColor(0x15, 0x16, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x74, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x74, 0x7a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x74, 0x7a));
    return p;
}

QPalette Appearance::highContrastPalette() {
    // Black on white with strong accents: what survives a washed-out projector.
    QPalette p;
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Button, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::ButtonText, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x00, 0x3c, 0xb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, Qt::white);
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Link, QColor(0x00, 0x3c, 0xb4));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x60, 0x60, 0x60));
    return p;
}

} // namespace bpl::gui
