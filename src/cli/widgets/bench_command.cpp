// backprop-lab bench logreg [--points N] [--iters K] [--gui-points M] [--no-gui]
// Prints the logistic-regression throughput (points·iterations per second) of
// full-batch GD and of SGD on two Gaussian classes, then the longest stall of
// the GUI thread while the lab runs a 5-η × (GD + SGD) sweep with live plots
// (offscreen, in this process). Figures only: nothing here fails on time.
#include "cli/bench_train.h"
#include "cli/widgets/bench_training_gui.h"
#include "cli/command.h"
#include "cli/widgets/bench_support.h"
#include "cli/output.h"
#include "core/logreg_gaussian.h"
#include "core/logreg_trainer.h"
#include "gui/logreg/logreg_lab.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QSpinBox>
#include <QTimer>

#include <Eigen/Core>

#include <ctime>

namespace bpl::cli {

namespace {

constexpr const char* kName = "bench";

std::shared_ptr<const LogRegData> gaussians(long long points) {
    TwoGaussians spec; // the sample's classes: means (2, −7) and (0, −3), spread 1.3
    spec.class0.count = static_cast<int>(points / 2);
    spec.class1.count = static_cast<int>(points - points / 2);
    return std::make_shared<const LogRegData>(generateTwoGaussians(spec));
}

struct Throughput {
    double seconds = 0;
    double perSecond = 0; // points × (iterations or epochs) per second
    int steps = 0;
};

// Runs `steps` iterations or epochs (tolerance 0) and times them; the run's
// start (NLL(w₀)) is not counted.
Throughput measure(const LogRegData& data, LogRegMethod method, int steps) {
    LogRegOptions options;
    options.method = method;
    options.learningRate = 0.05;
    options.tolerance = 0;
    options.maxIter = steps + 1;
    LogRegTrainer trainer(data, options);
    QElapsedTimer clock;
    clock.start();
    while (trainer.step()) {
    }
    Throughput t;
    t.seconds = clock.nsecsElapsed() / 1e9;
    t.steps = trainer.run().recorded() - 1;
    t.perSecond = static_cast<double>(data.size()) * t.steps / t.seconds;
    return t;
}

struct Stall {
    double longestMs = 0;     // wall clock between two ticks (what the user feels)
    double longestBusyMs = 0; // CPU time the GUI thread spent between two ticks
    double sweepSeconds = 0;
    int ticks = 0;
};

// The lab offscreen with live plots; a 1 ms timer on the GUI thread measures
// the longest time between two of its ticks while the sweep runs.
Stall measureGuiStall(long long points, int maxIter) {
    gui::LogRegLab lab;
    lab.resize(1500, 950);
    lab.show();
    lab.setData(gaussians(points), QString("bench: %1 points").arg(points));
    lab.findChild<QCheckBox*>("miniBatchCheck")->setChecked(false);
    lab.findChild<QSpinBox*>("maxIterSpin")->setValue(maxIter);
    QEventLoop settle;
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();

    Stall stall;
    QElapsedTimer sinceTick, sweepClock;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    double cpuAtTick = threadCpuMs();
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double gap = sinceTick.nsecsElapsed() / 1e6 - 1.0;
        const double cpu = threadCpuMs();
        stall.longestMs = std::max(stall.longestMs, gap);
        stall.longestBusyMs = std::max(stall.longestBusyMs, cpu - cpuAtTick);
        cpuAtTick = cpu;
        ++stall.ticks;
        sinceTick.restart();
    });
    QEventLoop loop;
    QObject::connect(&lab, &gui::LogRegLab::sweepFinished, &loop, &QEventLoop::quit);
    sinceTick.start();
    sweepClock.start();
    cpuAtTick = threadCpuMs();
    ticker.start();
    lab.run();
    loop.exec();
    ticker.stop();
    stall.sweepSeconds = sweepClock.nsecsElapsed() / 1e9;
    return stall;
}

QString millions(double perSecond) {
    return QString::number(perSecond / 1e6, 'f', 1);
}

} // namespace

int runBench(const QStringList& args) {
    if (!args.isEmpty() && args.first() == "train") return runBenchTrain(args.mid(1));
    if (!args.isEmpty() && args.first() == "canvas") return runBenchCanvas(args);
    if (!args.isEmpty() && args.first() == "window") return runBenchWindow(args);
    if (!args.isEmpty() && args.first() == "training-gui") return runTrainingGuiBench(args.mid(1));
    QCommandLineParser p;
    p.setApplicationDescription(
        "Measure speed. 'bench logreg': logistic-regression throughput of GD and SGD, "
        "and the GUI thread's longest stall during a live sweep. 'bench train': the trainer's "
        "samples/s and a whole train process (see 'bench train --help'). 'bench canvas': the "
        "window and the trace at size (see 'bench canvas --help'). 'bench window': opening and "
        "stepping a network in the window, part by part (see 'bench window --help').");
    p.addPositionalArgument("WHAT", "what to measure: logreg, train, canvas or window");
    p.addOptions({
        {"points", "Points in the throughput data set (default 1,000,000).", "N", "1000000"},
        {"iters", "GD iterations and SGD epochs to time (default 20).", "K", "20"},
        {"gui-points", "Points for the GUI stall measurement (default 100,000).", "M", "100000"},
        {"gui-max-iter",
         "Max iterations of the runs of the GUI sweep (default 1000, as in the lab).", "K", "1000"},
        {"no-gui", "Skip the GUI stall measurement."},
    });
    if (const auto done = parseArguments(p, args, kName)) return *done;
    if (p.positionalArguments() != QStringList{"logreg"}) {
        return fail(kName, "expected what to measure: 'bench logreg' or 'bench train' (see --help)", Usage);
    }
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    const long long points = p.value("points").toLongLong(&ok1);
    const int iters = p.value("iters").toInt(&ok2);
    const long long guiPoints = p.value("gui-points").toLongLong(&ok3);
    const int guiMaxIter = p.value("gui-max-iter").toInt(&ok4);
    constexpr long long kMaxPoints = 2LL * kMaxGeneratedPerClass;
    if (!ok1 || points < 2 || points > kMaxPoints || !ok3 || guiPoints < 2 ||
        guiPoints > kMaxPoints) {
        return fail(kName,
                    QString("--points and --gui-points: expected a whole number from 2 to %1")
                        .arg(kMaxPoints),
                    Usage);
    }
    if (!ok2 || iters < 1 || iters > 100000 || !ok4 || guiMaxIter < 2 || guiMaxIter > 1000000) {
        return fail(kName,
                    "--iters and --gui-max-iter: expected a whole number from 1 (2) to 100000",
                    Usage);
    }

    const QLocale locale(QLocale::English);
    const auto data = gaussians(points);
    printOut(QString("Logistic regression, %1 points (two Gaussian classes), η = 0.05; SIMD: %2\n")
                 .arg(locale.toString(points), QString(Eigen::SimdInstructionSetsInUse())));
    const Throughput gd = measure(*data, LogRegMethod::GradientDescent, iters);
    printOut(QString("  GD   %1 iterations in %2 s: %3 M points·iterations/s\n")
                 .arg(gd.steps)
                 .arg(gd.seconds, 0, 'f', 3)
                 .arg(millions(gd.perSecond)));
    const Throughput sgd = measure(*data, LogRegMethod::Stochastic, iters);
    printOut(
        QString("  SGD  %1 epochs in %2 s: %3 M points·epochs/s (an epoch includes its NLL pass)\n")
            .arg(sgd.steps)
            .arg(sgd.seconds, 0, 'f', 3)
            .arg(millions(sgd.perSecond)));

    if (!p.isSet("no-gui")) {
        const Stall stall = measureGuiStall(guiPoints, guiMaxIter);
        printOut(
            QString("GUI: 5 η × (GD + SGD) over %1 points with live plots (max %2 iterations):\n"
                    "  sweep %3 s, longest GUI-thread stall %4 ms "
                    "(longest own work of the GUI thread between two ticks: %5 ms)\n")
                .arg(locale.toString(guiPoints))
                .arg(guiMaxIter)
                .arg(stall.sweepSeconds, 0, 'f', 2)
                .arg(stall.longestMs, 0, 'f', 1)
                .arg(stall.longestBusyMs, 0, 'f', 1));
    }
    return Ok;
}

} // namespace bpl::cli
