#include "io/safe_file.h"

#include <QBuffer>
#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bpl::io {

namespace {

// Closes a POSIX file descriptor when it goes out of scope.
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor() {
        if (fd >= 0)
            ::close(fd);
    }
};

std::string article(const std::string& what) {
    const char c = what.empty() ? 'x' : what.front();
    return (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') ? "an " + what : "a " + what;
}

std::string tooLarge(qint64 size, qint64 maxBytes, const std::string& what) {
    return "file is too large (" + sizeText(size) + "; " + article(what) + " may be at most " +
           sizeText(maxBytes) + ")";
}

// One read() asks for at most this much.
constexpr qint64 kReadChunkBytes = qint64(1) << 20;

} // namespace

Result<bool> commitSaveFile(QSaveFile& out, const std::string& file) {
    // Flush first and check: Qt 6.4's commit() ignores an error of its own
    // final flush (a full disk) and would rename a truncated file into place.
    if (!out.flush() || out.error() != QFileDevice::NoError) {
        const std::string why = out.errorString().toStdString();
        out.cancelWriting();
        return Error{file, "", "cannot save (" + why + ")"};
    }
    if (!out.commit()) {
        return Error{file, "", "cannot save (" + out.errorString().toStdString() + ")"};
    }
    return true;
}

std::string sizeText(qint64 bytes) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    double value = static_cast<double>(bytes);
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    if (unit == 0)
        return std::to_string(bytes) + " bytes";
    // Whole numbers stay whole ("32 MiB"); others get one decimal, locale-free.
    const long long tenths = static_cast<long long>(value * 10 + 0.5);
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0)
        text += "." + std::to_string(tenths % 10);
    return text + " " + units[unit];
}

Result<QByteArray> readRegularFile(const QString& path, qint64 maxBytes, const std::string& what) {
    const std::string file = path.toStdString();
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a named pipe must not wait for a writer.
    FileDescriptor in{::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
    if (in.fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            return Error{file, "", "no such file"};
        return Error{file, "", std::string("cannot read (") + std::strerror(err) + ")"};
    }
    struct stat st {};
    if (::fstat(in.fd, &st) != 0) {
        return Error{file, "", std::string("cannot read (") + std::strerror(errno) + ")"};
    }
    if (S_ISDIR(st.st_mode))
        return Error{file, "", "is a folder, not " + article(what)};
    if (!S_ISREG(st.st_mode)) {
        return Error{file, "",
                     "is not a regular file (a device, pipe or socket); " + article(what) +
                         " is read only from a regular file"};
    }
    if (st.st_size > maxBytes)
        return Error{file, "", tooLarge(st.st_size, maxBytes, what)};
    // A regular file read in blocking mode from here on.
    ::fcntl(in.fd, F_SETFL, ::fcntl(in.fd, F_GETFL) & ~O_NONBLOCK);
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(st.st_size) + 1);
    qint64 got = 0;
    // Read in chunks of at most kReadChunkBytes until the end, or one byte
    // past the cap (a file that grew meanwhile): a refused file costs at most
    // the cap and one chunk, never what the file claims or holds beyond.
    while (true) {
        if (got == bytes.size()) {
            if (got > maxBytes)
                return Error{file, "", tooLarge(got, maxBytes, what)};
            bytes.resize(std::min<qint64>(maxBytes + 1, got + kReadChunkBytes));
        }
        const qint64 want = std::min<qint64>(bytes.size() - got, kReadChunkBytes);
        const ssize_t n = ::read(in.fd, bytes.data() + got, static_cast<size_t>(want));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return Error{file, "", std::string("cannot read (") + std::strerror(errno) + ")"};
        }
        if (n == 0)
            break;
        got += n;
    }
    if (got > maxBytes)
        return Error{file, "", tooLarge(got, maxBytes, what)};
    bytes.resize(static_cast<qsizetype>(got));
    return bytes;
}

Result<bool> checkOutputPath(const QString& path) {
    const std::string file = path.toStdString();
    if (path.isEmpty())
        return Error{"", "", "no output file name given"};
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return Error{file, "", "is a folder"};
        if (!S_ISREG(st.st_mode)) {
            return Error{file, "",
                         "is not a regular file (a device, pipe or socket); files are written "
                         "only as regular files"};
        }
    }
    return true;
}

Result<bool> writeFileAtomically(const QString& path, const DeviceWriter& write) {
    if (auto checked = checkOutputPath(path); !checked) return checked.error();
    // Drawn in memory first: writers such as QSvgGenerator ignore a short
    // write (a full disk), which would otherwise pass unnoticed.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    std::string error;
    if (!write(buffer, error)) {
        return Error{path.toStdString(), "", error.empty() ? std::string("cannot write") : error};
    }
    buffer.close();
    return writeFileAtomically(path, buffer.data());
}

Result<bool> writeFileAtomically(const QString& path, const QByteArray& bytes) {
    if (auto checked = checkOutputPath(path); !checked) return checked.error();
    const std::string file = path.toStdString();
    QSaveFile out(path);
    out.setDirectWriteFallback(false);
    if (!out.open(QIODevice::WriteOnly)) {
        return Error{file, "", "cannot write (" + out.errorString().toStdString() + ")"};
    }
    // Every byte or nothing: a short write is a failure too.
    if (out.write(bytes) != bytes.size()) {
        const std::string why = out.errorString().toStdString();
        out.cancelWriting();
        return Error{file, "", "cannot save (" + why + ")"};
    }
    return commitSaveFile(out, file);
}

} // namespace bpl::io
