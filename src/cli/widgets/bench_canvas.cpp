// backprop-lab bench canvas: how long the window takes to open, restyle and
// step a network of a given size (the 64-32-10 digits network and a 200-200-1
// network, or --layers), and how long `trace --format json` takes on it.
// Figures only: nothing here fails on time.
#include "cli/command.h"
#include "cli/output.h"
#include "cli/widgets/bench_support.h"
#include "core/trace.h"
#include "gui/canvas/canvas_style.h"
#include "gui/canvas/network_scene.h"
#include "gui/main_window.h"
#include "gui/network_document.h"
#include "gui/network_workspace.h"
#include "io/json_writer.h"
#include "io/network_file.h"
#include "io/trace_export.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <memory>

#include <sys/resource.h>

namespace bpl::cli {

namespace {

constexpr const char* kName = "bench canvas";

long long peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

void benchOne(const std::vector<int>& sizes, const QString& dir) {
    const Network net = benchNetwork(sizes);
    const QString path = dir + "/bench_" + layerShape(sizes) + ".json";
    io::NetworkDocument file;
    file.network = net;
    io::saveNetwork(file, path);
    long long edges = 0;
    for (int l = 1; l < net.layerCount(); ++l)
        edges += static_cast<long long>(net.layers[l].size) * net.layers[l - 1].size;
    printOut(QString("%1 (%2 weights):\n").arg(layerShape(sizes)).arg(edges));

    // The CLI: load, trace and write the JSON, as `trace --format json` does.
    QByteArray json;
    const Timing traceTime = timeOf([&] {
        const auto loaded = io::loadNetwork(path);
        const Trace trace = traceNetwork(loaded.value().network);
        json = io::writeJson(io::traceToJson(trace, {}));
    });
    printOut(QString("  trace --format json   %1 (%2 MB of JSON)\n")
                 .arg(seconds(traceTime))
                 .arg(QString::number(json.size() / 1e6, 'f', 1)));

    // The canvas alone: the document (its trace), the scene, one frame.
    {
        const auto loaded = io::loadNetwork(path);
        gui::NetworkDocument document;
        const Timing load = timeOf([&] { document.load(loaded.value(), path); });
        std::unique_ptr<gui::NetworkScene> scene;
        const Timing build = timeOf([&] { scene = std::make_unique<gui::NetworkScene>(&document); });
        QImage frame(1280, 800, QImage::Format_ARGB32_Premultiplied);
        const Timing draw = timeOf([&] {
            QPainter painter(&frame);
            scene->render(&painter);
        });
        const Timing restyle = timeOf([&] { scene->setCanvasStyle(gui::CanvasStyle::make(gui::Theme::Dark, true, 1.25)); });
        const Timing step = timeOf([&] { document.setPosition(1); });
        printOut(QString("  canvas: document (trace) %1\n          scene %2\n          one frame %3\n"
                         "          restyle %4\n          one step %5\n")
                     .arg(seconds(load), seconds(build), seconds(draw), seconds(restyle), seconds(step)));
    }

    gui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    const Timing open = timeOf([&] {
        window.openFile(path);
        QApplication::processEvents();
        window.grab();
    });
    gui::NetworkScene* scene = window.workspace()->scene();
    const Timing restyle = timeOf([&] {
        window.workspace()->setCanvasStyle(gui::CanvasStyle::make(gui::Theme::Dark, true, 1.25));
        QApplication::processEvents();
        window.grab();
    });
    const Timing step = timeOf([&] {
        window.document()->setPosition(1);
        QApplication::processEvents();
        window.grab();
    });
    printOut(QString("  window: open %1\n          restyle %2\n          one step %3\n          %4 scene items\n")
                 .arg(seconds(open), seconds(restyle), seconds(step))
                 .arg(scene->items().size()));
}

} // namespace

int runBenchCanvas(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("Time opening, restyling and stepping networks in the window "
                                "(offscreen) and tracing them as JSON.");
    p.addPositionalArgument("canvas", "what to measure");
    p.addOptions({{"layers", "Only this network, e.g. 300-300-1 (default: 64-32-10 and 200-200-1).",
                   "sizes"}});
    if (const auto done = parseArguments(p, args, "bench")) return *done; // "canvas" is its positional argument
    std::vector<std::vector<int>> networks;
    QString error;
    if (!benchShapes(p.value("layers"), p.isSet("layers"), networks, error)) return fail(kName, error, Usage);
    QTemporaryDir dir;
    for (const auto& sizes : networks)
        benchOne(sizes, dir.path());
    printOut(QString("Peak memory of this process: %1 MiB\n").arg(peakRssMiB()));
    return Ok;
}

} // namespace bpl::cli
