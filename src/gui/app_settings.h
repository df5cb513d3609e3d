// Where the window remembers things between runs (QSettings): the notation,
// the significant figures, the theme and font scale, recent files, window and
// panel layout. One place for the keys, so nothing is spelled twice.
#pragma once

#include <QSettings>
#include <QStringList>
#include <memory>

namespace bpl::gui {

namespace settings {
constexpr const char* kNotation = "view/notation";
constexpr const char* kPrecision = "view/precision";
constexpr const char* kTheme = "view/theme";
constexpr const char* kFontScale = "view/fontScale";
constexpr const char* kFollowStep = "view/followStep";
constexpr const char* kInputGradient = "view/inputGradient";
constexpr const char* kRecentFiles = "files/recent";
constexpr const char* kLastDirectory = "files/lastDirectory";
constexpr const char* kGeometry = "window/geometry";
constexpr const char* kWindowState = "window/state";
constexpr const char* kWorkspaceState = "window/workspaceState";
} // namespace settings

// The application's settings (organisation and application "Backprop Lab").
std::unique_ptr<QSettings> openSettings();

// Most recent first, at most `limit`, without duplicates or missing files.
QStringList recentFiles();
void addRecentFile(const QString& path, int limit = 8);
void removeRecentFile(const QString& path);

} // namespace bpl::gui
