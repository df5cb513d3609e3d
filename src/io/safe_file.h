// Every file read and written goes through here. Reading: only regular files
// (devices, pipes, sockets and folders are refused with a message), and never
// more than the caller's cap (reading stops there; /dev/zero cannot fill the
// memory). Writing: through QSaveFile to a regular file (an existing device
// node, pipe or folder is refused), so a failure leaves the earlier file byte
// for byte as it was. Loaders of other formats call these instead of QFile.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <string>

class QIODevice;
class QSaveFile;

namespace bpl::io {

// "32 MiB", "1 GiB", "512 KiB", "300 bytes": how limits are written in messages.
std::string sizeText(qint64 bytes);

// The whole of `path` when it is a regular file of at most `maxBytes`.
// `what` names the kind of file in messages ("network file", "data file").
// Messages: "no such file", "is a folder, not a network file", "is not a
// regular file (a device, pipe or socket); a network file is read only from a
// regular file", "file is too large (40 MiB; a network file may be at most
// 32 MiB)", "cannot read (reason)". The file name in each is `path`.
Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const std::string& what);

// Refuses a destination that exists and is not a regular file (a device node,
// pipe, socket or folder): writing there would replace it or hang.
Result<bool> checkOutputPath(const QString& path);

// Writes `bytes` to `path` all or nothing (QSaveFile after checkOutputPath).
Result<bool> writeFileAtomically(const QString& path, const QByteArray& bytes);

// The same for a writer that draws into the device (PDF, PNG, SVG): `write`
// returns false with `error` set when it could not produce the file; nothing
// is committed then and the earlier file stays as it was.
using DeviceWriter = std::function<bool(QIODevice& device, std::string& error)>;
Result<bool> writeFileAtomically(const QString& path, const DeviceWriter& write);

// Commits a QSaveFile that someone else wrote, checking the final flush that
// QSaveFile::commit() itself lets pass in Qt 6.4 (a full disk would otherwise
// rename a truncated file over the old one). `file` names it in messages.
Result<bool> commitSaveFile(QSaveFile& out, const std::string& file);

} // namespace bpl::io
