// Runs the backprop-lab binary for the command-line tests: its exit code (−1
// when it crashed or hung), stdout and stderr. One copy for every tests/cli file.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace bpl::test {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

inline Run run(const QStringList& args, int timeoutMs = 120000) {
    QProcess p;
    p.start(QStringLiteral(BPL_EXE), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// How runLimited starts the binary.
struct RunOptions {
    QString locale = QStringLiteral("C"); // LC_ALL and LANG
    // > 0: under a file-size limit (ulimit -f, SIGXFSZ ignored): writes past it
    // fail with EFBIG, as on a full disk.
    int fileSizeLimitKiB = 0;
    QString stdoutFile;    // standard output goes here (e.g. /dev/full) when set
    int timeoutMs = 60000; // then the process is killed (a hang is a failure, never a stuck test)
};

struct LimitedRun {
    int code = -1; // −1 when it crashed or was killed
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

inline LimitedRun runLimited(const QStringList& args, const RunOptions& o = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LC_ALL", o.locale);
    env.insert("LANG", o.locale);
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    if (!o.stdoutFile.isEmpty())
        p.setStandardOutputFile(o.stdoutFile, QIODevice::Truncate);
    if (o.fileSizeLimitKiB > 0) {
        const QStringList shellArgs = {
            "-c",
            QString("trap '' XFSZ; ulimit -f %1; exec \"$0\" \"$@\"").arg(o.fileSizeLimitKiB * 2),
            QStringLiteral(BPL_EXE)};
        p.start("/bin/sh", shellArgs + args);
    } else {
        p.start(QStringLiteral(BPL_EXE), args);
    }
    LimitedRun r;
    r.finished = p.waitForFinished(o.timeoutMs);
    if (!r.finished)
        p.kill();
    p.waitForFinished(5000);
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Writes `text` to `name` in `dir`; returns the path.
inline QString writeTestFile(const QTemporaryDir& dir, const QString& name,
                             const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
    return path;
}

// What is wrong with a refusal: not exit `code`, something on stdout, or
// `message` not on stderr; empty when it is as expected.
inline QString refusalProblem(const Run& r, int code, const QString& message) {
    if (r.code != code)
        return QString("exit %1, expected %2: %3")
            .arg(r.code)
            .arg(code)
            .arg(QString::fromUtf8(r.err));
    if (!r.out.isEmpty())
        return "stdout not empty: " + QString::fromUtf8(r.out.left(200));
    if (!QString::fromUtf8(r.err).contains(message))
        return "stderr lacks \"" + message + "\": " + QString::fromUtf8(r.err);
    return {};
}

} // namespace bpl::test
