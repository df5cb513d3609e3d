// Writing a class folder (render/class_sheets.h) so that it is never half old,
// half new: the files are written into a new sibling folder, a manifest
// (.backprop-lab-sheets) listing them goes in last, and the finished folder
// then takes the old one's place in one rename (renameat2 RENAME_EXCHANGE),
// after which the old folder is removed. A kill at any moment leaves the old
// folder whole or the new one whole; a folder with no manifest is not one of
// ours. Files of the old folder that sheets did not write are refused unless
// the caller allows replacing them; when allowed they are kept (moved into the
// new folder) unless the new folder writes a file of the same name.
#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace bpl::io {

// The manifest's name inside a class folder.
inline constexpr const char* kClassManifestName = ".backprop-lab-sheets";

// A class folder being written: `staging` is the new sibling folder the
// files go into (relative paths such as "keys/01-ada-key.json").
struct ClassFolderWrite {
    QString folder;             // where the class folder ends up
    QString staging;            // the new folder being filled
    QStringList foreign;        // files in `folder` that sheets did not write (kept)
    bool replaceTarget = false; // `folder` exists and is swapped out
};

// The files in an existing `folder` that a previous `sheets` run did not
// write (relative paths, sorted; empty when the folder is missing or holds
// only ours): what beginClassFolder refuses unless asked to replace them.
QStringList foreignClassFiles(const QString& folder);

// Checks the destination and creates the staging folder beside it. Refused:
// a `sheets`, `keys` or `answers` entry that is a symbolic link (the files
// would land in its target), a destination that is not a folder, and files
// that a previous `sheets` run did not write unless `replaceForeignFiles`.
Result<ClassFolderWrite> beginClassFolder(const QString& folder, bool replaceForeignFiles);

// Writes one file of the class into the staging folder (a new file there):
// not synced one by one; commitClassFolder syncs the whole folder once before
// it takes the destination's place.
Result<bool> writeClassFile(const QString& path, const QByteArray& bytes);

// Syncs the staging folder's files (once), writes the manifest of `files`
// there, moves the kept foreign files there, puts the staging folder in the
// destination's place and removes the old folder (with any stale files of a
// larger class).
Result<bool> commitClassFolder(const ClassFolderWrite& write, const QStringList& files);

// Removes the staging folder after a failure; the destination is untouched.
void abandonClassFolder(const ClassFolderWrite& write);

} // namespace bpl::io
