// Writing to stdout and stderr from the subcommands, in UTF-8.
#pragma once

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

#include <optional>
#include <vector>

namespace bpl::cli {

// Standard output is checked after every write: the first error (a full disk,
// /dev/full) is remembered, later output dropped, and finishOutput reports it.
void printOut(const QString& text);
void printOutBytes(const QByteArray& bytes);
// The exit code of a command that returned `code`, once its output is flushed:
// `code`, or BadFile (3) with "backprop-lab COMMAND: cannot write standard
// output (reason)" on stderr when any of it could not be written. `command`
// may be null (the program's own --help and --version).
int finishOutput(const char* command, int code);
void printErr(const QString& text);
// "backprop-lab COMMAND: message" on stderr, then returns `code`.
int fail(const char* command, const QString& message, int code);
// A subcommand's --help text, its usage line naming the subcommand
// ("Usage: backprop-lab trace [options] FILE", not the program alone).
QString commandHelp(const QString& helpText, const char* command);
// Adds --help to `parser` and parses the command's own `args`. Returns the exit
// code when the command is done: Ok after printing its help, Usage after
// reporting a parse error on stderr; nothing when the command goes on.
std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& args, const char* command);

// Parses "v,v,…" into finite numbers (core/common/number_text.h, locale-free);
// false (with `error`) on anything else.
bool parseNumberList(const QString& text, std::vector<double>& out, QString& error);

} // namespace bpl::cli
