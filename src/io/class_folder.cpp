#include "io/class_folder.h"

#include "io/safe_file.h"

#include "core/common/message_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bpl::io {

namespace {

const QStringList kSubfolders = {"sheets", "keys", "answers"};
constexpr qint64 kMaxManifestBytes = qint64(1) << 20;

Error folderError(const QString& path, const std::string& reason) {
    return Error{path.toStdString(), "", reason};
}

std::string systemError() {
    return std::strerror(errno);
}

// The relative paths the manifest of `folder` lists (empty when it has none).
QSet<QString> manifestFiles(const QDir& folder) {
    QSet<QString> files;
    const QString path = folder.filePath(kClassManifestName);
    if (!QFileInfo::exists(path))
        return files;
    const auto bytes = readRegularFile(path, kMaxManifestBytes, "class folder manifest");
    if (!bytes)
        return files;
    for (const QByteArray& line : bytes.value().split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed();
        if (!name.isEmpty() && !name.startsWith('#'))
            files.insert(name);
    }
    return files;
}

// Every entry of `folder` (files, links, other folders as a whole) that the
// manifest does not list, as paths relative to `folder`.
QStringList foreignEntries(const QDir& folder) {
    const QSet<QString> ours = manifestFiles(folder);
    const auto all = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
    QStringList foreign;
    for (const QFileInfo& entry : folder.entryInfoList(all, QDir::Name)) {
        const QString name = entry.fileName();
        if (name == kClassManifestName)
            continue;
        if (kSubfolders.contains(name) && entry.isDir() && !entry.isSymLink()) {
            const QDir sub(entry.filePath());
            for (const QFileInfo& inner : sub.entryInfoList(all, QDir::Name)) {
                const QString relative = name + "/" + inner.fileName();
                if (!ours.contains(relative))
                    foreign << relative;
            }
            continue;
        }
        if (!ours.contains(name))
            foreign << name;
    }
    return foreign;
}

// The new and old folders that a killed run left beside `folder` (our names
// only: ".NAME.partial-XXXXXX" and ".NAME.old-XXXXXX").
void removeStaleFolders(const QFileInfo& folder) {
    const QDir parent = folder.dir();
    const QString stem = "." + folder.fileName();
    const auto dirs = QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks;
    for (const QString& pattern : {stem + ".partial-??????", stem + ".old-??????"}) {
        for (const QFileInfo& stale : parent.entryInfoList({pattern}, dirs))
            QDir(stale.filePath()).removeRecursively();
    }
}

// The folder's permissions as mkdir would give them (the umask applied).
void useDefaultPermissions(const QString& path) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(QFile::encodeName(path).constData(), 0777 & ~mask);
}

// Puts `staging` in the place of `folder`; afterwards `old` names where the
// previous folder went (empty when there was none).
Result<bool> swapIn(const ClassFolderWrite& w, QString& old) {
    const QByteArray from = QFile::encodeName(w.staging), to = QFile::encodeName(w.folder);
    if (!w.replaceTarget) {
        if (::rename(from.constData(), to.constData()) != 0)
            return folderError(w.folder, "cannot create the folder (" + systemError() + ")");
        return true;
    }
    // One step: the new folder and the old swap names.
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_EXCHANGE) == 0) {
        old = w.staging;
        return true;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        return folderError(w.folder, "cannot replace the folder (" + systemError() + ")");
    // A file system without the exchange: the old folder moves aside first.
    const QFileInfo target(w.folder);
    QTemporaryDir aside(target.dir().filePath("." + target.fileName() + ".old-XXXXXX"));
    if (!aside.isValid())
        return folderError(w.folder, "cannot replace the folder (no room beside it)");
    aside.setAutoRemove(false);
    old = aside.path();
    const QByteArray oldName = QFile::encodeName(old);
    if (::rename(to.constData(), oldName.constData()) != 0)
        return folderError(w.folder, "cannot replace the folder (" + systemError() + ")");
    if (::rename(from.constData(), to.constData()) != 0) {
        const std::string why = systemError();
        ::rename(oldName.constData(), to.constData());
        return folderError(w.folder, "cannot replace the folder (" + why + ")");
    }
    return true;
}

} // namespace

QStringList foreignClassFiles(const QString& folder) {
    const QFileInfo info(folder);
    if (!info.isDir())
        return {};
    return foreignEntries(QDir(info.isSymLink() ? info.canonicalFilePath() : folder));
}

Result<ClassFolderWrite> beginClassFolder(const QString& folder, bool replaceForeignFiles) {
    ClassFolderWrite w;
    const QFileInfo info(folder);
    // A link to a folder: the folder it points to is replaced, the link kept.
    w.folder = info.isSymLink() && info.isDir() ? info.canonicalFilePath() : folder;
    const QFileInfo target(w.folder);
    if (target.exists() || target.isSymLink()) {
        if (!target.isDir() || target.isSymLink())
            return folderError(folder, "exists and is not a folder");
        const QDir dir(w.folder);
        for (const QString& sub : kSubfolders) {
            if (QFileInfo(dir.filePath(sub)).isSymLink()) {
                return folderError(dir.filePath(sub),
                                   "is a symbolic link; the class's files are written only into "
                                   "real folders (remove the link or choose another folder)");
            }
        }
        w.foreign = foreignEntries(dir);
        if (!w.foreign.isEmpty() && !replaceForeignFiles) {
            return folderError(
                folder, "holds " + std::to_string(w.foreign.size()) +
                            (w.foreign.size() == 1 ? " file" : " files") +
                            " that backprop-lab sheets did not write (" +
                            quoteExcerpt(w.foreign.first().toStdString()) +
                            (w.foreign.size() > 1 ? ", …" : "") +
                            "); choose a new or empty folder, or give --force to write there "
                            "anyway (files of the same names are replaced, others kept)");
        }
        w.replaceTarget = true;
    }
    const QFileInfo absolute(QFileInfo(w.folder).absoluteFilePath());
    if (!absolute.dir().exists())
        return folderError(folder, "cannot create the folder (its parent folder does not exist)");
    removeStaleFolders(absolute);
    QTemporaryDir staging(absolute.dir().filePath("." + absolute.fileName() + ".partial-XXXXXX"));
    if (!staging.isValid())
        return folderError(folder, "cannot create a folder beside it (" +
                                       staging.errorString().toStdString() + ")");
    staging.setAutoRemove(false);
    w.staging = staging.path();
    useDefaultPermissions(w.staging);
    for (const QString& sub : kSubfolders) {
        if (!QDir(w.staging).mkdir(sub)) {
            abandonClassFolder(w);
            return folderError(w.staging, "cannot create the folder " + sub.toStdString());
        }
    }
    return w;
}

Result<bool> writeClassFile(const QString& path, const QByteArray& bytes) {
    QFile out(path);
    // NewOnly: the staging folder is ours and new, so nothing is there to replace.
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return folderError(path, "cannot write (" + out.errorString().toStdString() + ")");
    if (out.write(bytes) != bytes.size() || !out.flush()) {
        const std::string why = out.errorString().toStdString();
        return folderError(path, "cannot save (" + why + ")");
    }
    out.close();
    if (out.error() != QFileDevice::NoError)
        return folderError(path, "cannot save (" + out.errorString().toStdString() + ")");
    return true;
}

Result<bool> commitClassFolder(const ClassFolderWrite& w, const QStringList& files) {
    // Every file on disk before the folder takes the old one's place: one
    // syncfs for the folder's file system instead of one fsync per file.
    {
        const int fd =
            ::open(QFile::encodeName(w.staging).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        const bool synced = fd >= 0 && ::syncfs(fd) == 0;
        const std::string why = synced ? std::string() : systemError();
        if (fd >= 0)
            ::close(fd);
        if (!synced) {
            abandonClassFolder(w);
            return folderError(w.folder, "cannot write the folder to disk (" + why + ")");
        }
    }
    QByteArray manifest = "# The files backprop-lab sheets wrote here (one per line); a re-run\n"
                          "# replaces them and leaves other files alone.\n";
    for (const QString& file : files)
        manifest += file.toUtf8() + "\n";
    if (auto written = writeFileAtomically(QDir(w.staging).filePath(kClassManifestName), manifest);
        !written) {
        abandonClassFolder(w);
        return written.error();
    }
    QString old;
    if (auto swapped = swapIn(w, old); !swapped) {
        abandonClassFolder(w);
        return swapped.error();
    }
    if (old.isEmpty())
        return true;
    // The user's own files come along; ours of a larger class stay behind.
    const QDir from(old), to(w.folder);
    for (const QString& relative : w.foreign) {
        if (files.contains(relative))
            continue;
        if (!QDir().rename(from.filePath(relative), to.filePath(relative))) {
            return folderError(from.filePath(relative),
                               "cannot move this file into the new class folder; it is kept in " +
                                   old.toStdString());
        }
    }
    QDir(old).removeRecursively();
    return true;
}

void abandonClassFolder(const ClassFolderWrite& w) {
    if (!w.staging.isEmpty())
        QDir(w.staging).removeRecursively();
}

} // namespace bpl::io
