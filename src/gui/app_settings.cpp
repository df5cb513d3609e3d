#include "gui/app_settings.h"

#include <QFileInfo>

namespace bpl::gui {

std::unique_ptr<QSettings> openSettings() {
    return std::make_unique<QSettings>(QStringLiteral("Backprop Lab"), QStringLiteral("Backprop Lab"));
}

QStringList recentFiles() {
    const QStringList stored = openSettings()->value(settings::kRecentFiles).toStringList();
    QStringList out;
    for (const QString& path : stored) {
        if (QFileInfo::exists(path) && !out.contains(path)) out << path;
    }
    return out;
}

void addRecentFile(const QString& path, int limit) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > limit) files.removeLast();
    openSettings()->setValue(settings::kRecentFiles, files);
}

void removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    openSettings()->setValue(settings::kRecentFiles, files);
}

} // namespace bpl::gui
