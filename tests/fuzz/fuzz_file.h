// What every loader's fuzz target shares (script/fuzz): the input written to
// a file and read back by the function the command line calls (so the guard
// of io/safe_file.h is fuzzed too), and, once per run, the special files every
// loader must refuse at once: a named pipe with no writer (a hang), /dev/zero
// (endless bytes), /dev/null and a folder. A loader that accepts one of them,
// or that accepts a file when it refuses the same bytes in memory (or the
// other way round), stops the run with a trap.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <sys/stat.h>

namespace bpl::fuzz {

inline QTemporaryDir& scratch() {
    static QTemporaryDir dir;
    return dir;
}

// `bytes` in a regular file named `name` in this run's own folder (the same
// file each call).
inline QString fileHolding(const QByteArray& bytes, const QString& name) {
    const QString path = scratch().filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
        __builtin_trap();
    return path;
}

// The special files: a pipe made in this run's folder, two devices (only
// ever read) and a folder.
inline const QStringList& specialFiles() {
    static const QStringList files = [] {
        const QString fifo = scratch().filePath("pipe");
        if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
            __builtin_trap();
        return QStringList{fifo, QStringLiteral("/dev/zero"), QStringLiteral("/dev/null"),
                           scratch().path()};
    }();
    return files;
}

// Loading each special file must fail, once per loader and run (each
// lambda type has its own `done`).
template <class Load> void refusesSpecialFiles(const Load& load) {
    static bool done = false;
    if (done)
        return;
    done = true;
    for (const QString& path : specialFiles()) {
        if (load(path))
            __builtin_trap();
    }
}

// The file path and the bytes in memory agree: both accept or both refuse.
inline void agree(bool fromBytes, bool fromFile) {
    if (fromBytes != fromFile)
        __builtin_trap();
}

} // namespace bpl::fuzz
