// Runs the backprop-lab binary for the command-line tests: its exit code (−1
// when it crashed or hung), stdout and stderr. One copy for every tests/cli file.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

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

} // namespace bpl::test
