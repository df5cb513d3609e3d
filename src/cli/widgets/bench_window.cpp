// backprop-lab bench window: how long the main window takes to open a network
// file (the 64-32-10 digits network and a 200-200-1 network, or --layers), as
// `backprop-lab FILE` does, and one step forward; then each part of that work
// alone (reading the file, the trace, the canvas, the step list, the step
// details, the inspector, Check mode's fields, painting) so the slow part shows.
// Figures only: nothing here fails on time.
#include "cli/command.h"
#include "cli/output.h"
#include "cli/widgets/bench_support.h"
#include "gui/appearance.h"
#include "gui/canvas/network_scene.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/check/check_session.h"
#include "gui/details/details_panel.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/main_window.h"
#include "gui/network_document.h"
#include "gui/network_workspace.h"
#include "gui/step_list_panel.h"
#include "io/network_file.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTemporaryDir>

#include <functional>

namespace bpl::cli {

namespace {

constexpr const char* kName = "bench window";

QString row(const QString& what, const Timing& t) {
    return QString("    %1 %2 s  (CPU %3 s)\n")
        .arg(what.leftJustified(26, QChar(' ')), QString::number(t.wall, 'f', 3).rightJustified(7),
             QString::number(t.cpu, 'f', 3));
}

void settle() {
    for (int round = 0; round < 3; ++round) {
        QApplication::sendPostedEvents();
        QApplication::processEvents();
    }
}

// Each part of the window redoing its work for the document as it is now.
void printParts(gui::MainWindow& window) {
    gui::NetworkWorkspace* ws = window.workspace();
    auto* check = window.findChild<gui::CheckController*>();
    const std::vector<std::pair<QString, std::function<void()>>> parts = {
        {"canvas (rebuild + refresh)",
         [&] {
             ws->scene()->rebuild();
             ws->scene()->refresh();
         }},
        {"step list", [&] { QMetaObject::invokeMethod(ws->stepList(), "rebuild"); }},
        {"step details", [&] { ws->details()->refresh(); }},
        {"inspector", [&] { ws->inspector()->refresh(); }},
        {"Check mode (hidden)",
         [&] {
             if (!check)
                 return;
             check->session()->setTolerance(check->session()->tolerance()); // rechecks
             check->panel()->rebuild();
         }},
        {"paint the window", [&] { window.grab(); }},
    };
    for (const auto& [name, work] : parts)
        printOut(row(name, timeOf(work)));
}

void benchOne(const std::vector<int>& sizes, const QString& dir) {
    const QString path = dir + "/bench_" + layerShape(sizes) + ".json";
    io::NetworkDocument file;
    file.network = benchNetwork(sizes);
    io::saveNetwork(file, path);
    printOut(QString("%1:\n").arg(layerShape(sizes)));

    gui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    settle();
    const Timing open = timeOf([&] {
        window.openFile(path);
        settle();
        window.grab();
    });
    printOut(row("open the file, whole", open));
    printOut(QString("  each part alone:\n"));
    printOut(row("read the file", timeOf([&] { (void)io::loadNetwork(path); })));
    {
        const auto loaded = io::loadNetwork(path);
        gui::NetworkDocument document;
        printOut(row("the trace", timeOf([&] { document.load(loaded.value(), path); })));
    }
    printParts(window);

    const Timing step = timeOf([&] {
        window.document()->setPosition(1);
        settle();
        window.grab();
    });
    printOut(row("one step forward, whole", step));
    const Timing last = timeOf([&] {
        window.document()->setPosition(window.document()->lastPosition());
        settle();
        window.grab();
    });
    printOut(row("to the update, whole", last));
    printOut(QString("  each part alone at the update:\n"));
    printParts(window);
}

} // namespace

int runBenchWindow(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("Time opening a network file in the main window (offscreen, "
                                "1280×800) and stepping it, whole and part by part.");
    p.addPositionalArgument("window", "what to measure");
    p.addOptions({{"layers", "Only this network, e.g. 300-300-1 (default: 64-32-10 and 200-200-1).",
                   "sizes"}});
    if (const auto done = parseArguments(p, args, "bench")) return *done; // "window" is its positional argument
    std::vector<std::vector<int>> networks;
    QString error;
    if (!benchShapes(p.value("layers"), p.isSet("layers"), networks, error)) return fail(kName, error, Usage);
    // Fresh settings: the figures must not depend on what the user last chose.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QApplication::setPalette(gui::Appearance::lightPalette());
    QTemporaryDir dir;
    for (const auto& sizes : networks)
        benchOne(sizes, dir.path());
    return Ok;
}

} // namespace bpl::cli
