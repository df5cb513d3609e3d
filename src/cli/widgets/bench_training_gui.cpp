// backprop-lab bench training-gui [--epochs E] [--points N]
// The Training tab offscreen, in this process: a 4-run comparison (sgd,
// momentum, rmsprop, adam) on the spiral with a 2-8-8-1 tanh network and the
// live heat map. Prints the GUI thread's longest stall (a 1 ms timer's longest
// gap) and the heat-map frames drawn per second while the runs train.
// Figures only: nothing here fails on time.
#include "cli/widgets/bench_training_gui.h"

#include "cli/command.h"
#include "cli/widgets/bench_support.h"
#include "cli/output.h"
#include "compute/heatmap_worker.h"
#include "core/initialization.h"
#include "gui/network_document.h"
#include "gui/training/training_lab.h"
#include "gui/training/training_region_plot.h"
#include "io/network_file.h"

#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>

#include <ctime>

namespace bpl::cli {

namespace {

constexpr const char* kName = "bench training-gui";

// 2-8-8-1: tanh, tanh, sigmoid with binary cross-entropy, Xavier weights (seed 1).
io::NetworkDocument spiralNetwork() {
    Network net;
    net.name = "bench spiral 2-8-8-1";
    const int sizes[] = {2, 8, 8, 1};
    for (int l = 0; l < 4; ++l) {
        Layer layer;
        layer.size = sizes[l];
        if (l > 0) {
            layer.activation.kind = l == 3 ? Activation::Sigmoid : Activation::Tanh;
            layer.weights = Eigen::MatrixXd::Zero(sizes[l], sizes[l - 1]);
            layer.bias = Eigen::VectorXd::Zero(sizes[l]);
        }
        net.layers.push_back(layer);
    }
    net.loss = Loss::BinaryCrossEntropy;
    net.sample.input = Eigen::VectorXd::Zero(2);
    net.sample.target = Eigen::VectorXd::Ones(1);
    io::NetworkDocument document;
    document.network = initializeWeights(net, InitOptions{InitScheme::Xavier, 1, 0.5});
    return document;
}

} // namespace

int runTrainingGuiBench(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        "The Training tab's GUI-thread stall and heat-map frame rate during a live "
        "4-optimizer comparison on the spiral.");
    p.addOptions({{"epochs", "Epochs of each run (default 300).", "E", "300"},
                  {"points", "Points of the spiral (default 500).", "N", "500"},
                  {"size", "The tab's size (default 1024x768, a projector's screen).", "WxH",
                   "1024x768"}});
    if (const auto done = parseArguments(p, args, kName)) return *done;
    bool ok1 = false, ok2 = false;
    const int epochs = p.value("epochs").toInt(&ok1);
    const int points = p.value("points").toInt(&ok2);
    if (!ok1 || !ok2 || epochs < 1 || epochs > 100000 || points < 10 || points > 100000)
        return fail(kName, "--epochs: 1 to 100000, --points: 10 to 100000", Usage);
    const QStringList size = p.value("size").split('x');
    bool okW = false, okH = false;
    const int width = size.value(0).toInt(&okW), height = size.value(1).toInt(&okH);
    if (size.size() != 2 || !okW || !okH || width < 320 || height < 240 || width > 8192 ||
        height > 8192)
        return fail(kName, "--size: WxH, 320x240 to 8192x8192", Usage);

    gui::NetworkDocument document;
    document.load(spiralNetwork(), QString(), "bench");
    gui::TrainingLab lab(&document);
    lab.resize(width, height);
    lab.show();
    auto* data = lab.findChild<QComboBox*>("dataCombo");
    data->setCurrentIndex(data->findData("spiral"));
    lab.findChild<QSpinBox*>("pointsSpin")->setValue(points);
    lab.prepareData();
    auto* compare = lab.findChild<QComboBox*>("compareCombo");
    compare->setCurrentIndex(compare->findData("optimizer"));
    lab.findChild<QLineEdit*>("compareEdit")->setText("sgd, momentum, rmsprop, adam");
    lab.findChild<QLineEdit*>("etaEdit")->setText("0.03");
    lab.findChild<QSpinBox*>("epochsSpin")->setValue(epochs);
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();

    double longestMs = 0, longestBusyMs = 0;
    QElapsedTimer sinceTick, clock;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    double cpuAtTick = threadCpuMs();
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double gap = sinceTick.nsecsElapsed() / 1e6 - 1.0;
        const double cpu = threadCpuMs();
        longestMs = std::max(longestMs, gap);
        longestBusyMs = std::max(longestBusyMs, cpu - cpuAtTick);
        cpuAtTick = cpu;
        sinceTick.restart();
    });
    int framesShown = 0;
    QObject::connect(&lab, &gui::TrainingLab::frameShown, [&] { ++framesShown; });
    QEventLoop loop;
    QObject::connect(&lab, &gui::TrainingLab::comparisonFinished, &loop, &QEventLoop::quit);
    sinceTick.start();
    clock.start();
    cpuAtTick = threadCpuMs();
    ticker.start();
    if (!lab.run())
        return fail(kName, lab.statusText(), BadFile);
    loop.exec();
    ticker.stop();
    const double seconds = clock.nsecsElapsed() / 1e9;
    const compute::PlaneGrid grid = lab.regionPlot()->grid();
    printOut(
        QString(
            "Training tab at %10×%11, spiral %1 points, 2-8-8-1 tanh, 4 runs (sgd, momentum, "
            "rmsprop, adam), %2 epochs each, live %3×%4 heat map:\n"
            "  runs %5 s, longest GUI-thread stall %6 ms (own work %7 ms), "
            "heat-map frames drawn %8 (%9 per second)\n")
            .arg(points)
            .arg(epochs)
            .arg(grid.nx)
            .arg(grid.ny)
            .arg(seconds, 0, 'f', 2)
            .arg(longestMs, 0, 'f', 1)
            .arg(longestBusyMs, 0, 'f', 1)
            .arg(framesShown)
            .arg(framesShown / seconds, 0, 'f', 1)
            .arg(width)
            .arg(height));
    return Ok;
}

} // namespace bpl::cli
