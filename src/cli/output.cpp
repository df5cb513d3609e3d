#include "cli/output.h"

#include "cli/command.h"

#include "core/common/number_text.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace bpl::cli {

namespace {

// The first error writing standard output (errno), 0 while every byte went out.
int stdoutError = 0;

} // namespace

void printOutBytes(const QByteArray& bytes) {
    if (stdoutError != 0)
        return; // the output is already incomplete; finishOutput reports it
    errno = 0;
    const size_t n = static_cast<size_t>(bytes.size());
    if (std::fwrite(bytes.constData(), 1, n, stdout) != n || std::fflush(stdout) != 0)
        stdoutError = errno != 0 ? errno : EIO;
}

int finishOutput(const char* command, int code) {
    errno = 0;
    if (stdoutError == 0 && (std::fflush(stdout) != 0 || std::ferror(stdout)))
        stdoutError = errno != 0 ? errno : EIO;
    if (stdoutError == 0)
        return code;
    // A full disk or /dev/full: the output is incomplete, so the command failed.
    const QString what =
        command ? QString("backprop-lab %1").arg(QLatin1String(command)) : QString("backprop-lab");
    printErr(QString("%1: cannot write standard output (%2)\n")
                 .arg(what, QString::fromLocal8Bit(std::strerror(stdoutError))));
    return code == Ok || code == Negative ? BadFile : code;
}

void printOut(const QString& text) { printOutBytes(text.toUtf8()); }

void printErr(const QString& text) {
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stderr);
    std::fflush(stderr);
}

int fail(const char* command, const QString& message, int code) {
    printErr(QString("backprop-lab %1: %2\n").arg(command, message));
    return code;
}

bool parseNumberList(const QString& text, std::vector<double>& out, QString& error) {
    std::string why;
    if (bpl::parseNumberList(text.toStdString(), out, why)) return true;
    error = QString::fromStdString(why);
    return false;
}

QString commandHelp(const QString& helpText, const char* command) {
    // QCommandLineParser writes the program's file name after "Usage: "; the
    // command goes after it.
    const QString prefix = QStringLiteral("Usage: ");
    if (!helpText.startsWith(prefix)) return helpText;
    const qsizetype end = helpText.indexOf(' ', prefix.size());
    if (end < 0) return helpText;
    return prefix + QStringLiteral("backprop-lab ") + QLatin1String(command) + helpText.mid(end);
}

std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& args, const char* command) {
    parser.addHelpOption();
    QStringList argv = args;
    argv.prepend(QStringLiteral("backprop-lab ") + QLatin1String(command));
    if (!parser.parse(argv)) return fail(command, parser.errorText(), Usage);
    if (parser.isSet("help")) {
        printOut(commandHelp(parser.helpText(), command));
        return Ok;
    }
    return std::nullopt;
}

} // namespace bpl::cli
