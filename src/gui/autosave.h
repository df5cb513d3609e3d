// Edits survive a crash: while the open network has unsaved edits, a copy is
// written (QSaveFile, a second or two after the last edit) to the standard
// app-data folder; saving, or closing without a crash, removes it. Each running
// window owns one file, guarded by a QLockFile, so at the next start the copies
// whose owner is gone (killed, crashed, power cut) are offered back.
#pragma once

#include "core/result.h"
#include "io/network_file.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace bpl::gui {

class NetworkDocument;

// A copy left behind by a window that did not close normally.
struct AutosavedEdits {
    QString autosaveFile;  // the copy itself
    QString originalPath;  // the file the edits belong to ("" for an example or a new network)
    QString exampleName;   // the built-in example the edits started from, if any
    QString displayName;   // what the window title said
    QDateTime savedAt;
    io::NetworkDocument document; // the edited network, validated like any file
    int samplePass = 0;
};

class Autosave : public QObject {
    Q_OBJECT
public:
    // Watches `document` and keeps its copy in `directory` (created if needed).
    Autosave(NetworkDocument* document, const QString& directory, QObject* parent = nullptr);
    ~Autosave() override;

    // The default folder: <AppDataLocation>/autosave.
    static QString defaultDirectory();
    // Copies in `directory` whose window is no longer running, newest first.
    // Unreadable copies are skipped (and reported in `problems` when given).
    static std::vector<AutosavedEdits> orphaned(const QString& directory, QStringList* problems = nullptr);
    // Deletes a copy after it was restored or declined.
    static void discard(const AutosavedEdits& edits);

    // Writes the copy now if there are unsaved edits, removes it otherwise.
    // Returns false with `error` when the copy could not be written.
    bool flush(QString* error = nullptr);
    // The window closed normally: no copy is left.
    void closeCleanly();
    QString fileName() const { return file_; }

    static constexpr int kDelayMs = 1500;

private:
    void schedule();
    void remove();

    NetworkDocument* document_;
    QString file_;
    std::unique_ptr<QLockFile> lock_;
    QTimer timer_;
};

} // namespace bpl::gui
