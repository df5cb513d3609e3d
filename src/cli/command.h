// The headless subcommands of backprop-lab: a table of names and entry points.
// Exit status: 0 success, 1 a negative answer (e.g. wrong homework values),
// 2 bad usage, 3 a bad input file. Messages go to stderr.
#pragma once

#include <QStringList>
#include <vector>

namespace bpl::cli {

enum ExitCode { Ok = 0, Negative = 1, Usage = 2, BadFile = 3 };

struct Command {
    const char* name;
    const char* summary;
    bool needsGui; // renders with Qt Gui/Widgets (offscreen): plots, screenshots, PDFs
    int (*run)(const QStringList& args); // args exclude the program and command names
};

const std::vector<Command>& commands();
const Command* findCommand(const QString& name);
// Whether this run needs a QGuiApplication: the command's flag, or an option
// that renders (trace/check --pdf and --format html draw the network with fonts).
bool needsGuiFor(const Command& command, const QStringList& args);
// Prints the list of subcommands (for --help).
QString usageText();

// Each subcommand's entry point.
int runTrace(const QStringList& args);
int runScreenshot(const QStringList& args);
int runCheck(const QStringList& args);
int runLogRegCommand(const QStringList& args);
int runBench(const QStringList& args);
int runTrainCommand(const QStringList& args);
int runGrad(const QStringList& args);
int runConv(const QStringList& args);
int runPool(const QStringList& args);
int runTopK(const QStringList& args);
int runSheets(const QStringList& args); // exercise sheets for a class
int runBenchCanvas(const QStringList& args); // bench canvas: the window and trace at size
int runBenchWindow(const QStringList& args); // bench window: opening a network, part by part

} // namespace bpl::cli
