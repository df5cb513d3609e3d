// Writing to stdout and stderr from the subcommands, in UTF-8.
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace bpl::cli {

void printOut(const QString& text);
void printOutBytes(const QByteArray& bytes);
void printErr(const QString& text);
// "backprop-lab COMMAND: message" on stderr, then returns `code`.
int fail(const char* command, const QString& message, int code);
// A subcommand's --help text, its usage line naming the subcommand
// ("Usage: backprop-lab trace [options] FILE", not the program alone).
QString commandHelp(const QString& helpText, const char* command);

// Parses "v,v,…" into finite numbers (core/common/number_text.h, locale-free);
// false (with `error`) on anything else.
bool parseNumberList(const QString& text, std::vector<double>& out, QString& error);

} // namespace bpl::cli
