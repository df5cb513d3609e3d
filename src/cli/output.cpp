#include "cli/output.h"

#include "cli/command.h"

#include "core/common/number_text.h"

#include <cstdio>
#include <vector>

namespace bpl::cli {

void printOutBytes(const QByteArray& bytes) {
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
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
