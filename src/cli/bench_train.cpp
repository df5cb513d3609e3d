// The figures of docs/benchmarks.md: (a) 2-8-8-1 tanh, BCE, 1,000 circle
// points, batch 10, SGD; (b) 64-32-10 ReLU + softmax/CE on the 1,797 digits,
// batch 32, Adam — every row trains (split 100,0,0) and an epoch includes its
// recording (losses, accuracies, full-set gradient norms), as in tests/bench/
// torch_train.py; (c) the wall time of a whole `backprop-lab train` process
// (2-5-4-1, 3,000 training rows, batch 10, 20 epochs). Figures only.
#include "cli/bench_train.h"

#include "cli/command.h"
#include "cli/output.h"
#include "core/initialization.h"
#include "core/training/trainer.h"
#include "io/network_file.h"
#include "io/training_data.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>

#include <Eigen/Core>

#include <ctime>

namespace bpl::cli {

namespace {

constexpr const char* kName = "bench";

// A network of `sizes` with `hidden` units, the given output, and seeded weights.
Network benchNetwork(const std::vector<int>& sizes, Activation hidden, Activation out, Loss loss,
                     InitScheme init) {
    Network net;
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        Layer layer;
        layer.size = sizes[l];
        if (l > 0) {
            layer.activation.kind = l + 1 == sizes.size() ? out : hidden;
            layer.weights = Eigen::MatrixXd::Zero(sizes[l], sizes[l - 1]);
            layer.bias = Eigen::VectorXd::Zero(sizes[l]);
        }
        net.layers.push_back(layer);
    }
    net.loss = loss;
    net.sample.input = Eigen::VectorXd::Zero(sizes.front());
    net.sample.target = Eigen::VectorXd::Zero(sizes.back());
    return initializeWeights(net, InitOptions{init, 1, 0.5});
}

// CPU seconds of the calling thread: on a loaded machine the wall clock also
// counts time spent waiting for a CPU.
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9;
}

struct Throughput {
    double seconds = 0;
    double cpuSeconds = 0;
    double samplesPerSecond = 0; // by CPU time
    int epochs = 0;
    int rows = 0;
};

Throughput measure(const Network& start, const Dataset& data, const TrainingOptions& options) {
    SplitOptions all;
    all.trainPercent = 100;
    all.validationPercent = 0;
    all.testPercent = 0;
    const auto split = std::make_shared<const DataSplit>(splitDataset(data, all));
    Trainer trainer(start, split, options); // records k = 0 (not timed)
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = threadCpuSeconds();
    while (trainer.epoch()) {
    }
    Throughput t;
    t.seconds = clock.nsecsElapsed() / 1e9;
    t.cpuSeconds = threadCpuSeconds() - cpuStart;
    t.epochs = trainer.run().recordedEpochs() - 1;
    t.rows = split->train.sampleCount();
    t.samplesPerSecond = static_cast<double>(t.rows) * t.epochs / t.cpuSeconds;
    return t;
}

QString line(const char* what, const Throughput& t) {
    return QString("  %1: %2 rows × %3 epochs in %4 s CPU (%5 s wall): %6 samples/s\n")
        .arg(what)
        .arg(t.rows)
        .arg(t.epochs)
        .arg(t.cpuSeconds, 0, 'f', 3)
        .arg(t.seconds, 0, 'f', 3)
        .arg(QLocale(QLocale::English).toString(t.samplesPerSecond, 'f', 0));
}

// (c): writes a 2-5-4-1 network and times `backprop-lab train` on 5,000 circle
// points (3,000 training rows) as a child process. Negative on failure.
double wholeProcessSeconds(QString& error) {
    QTemporaryDir dir;
    io::NetworkDocument doc;
    doc.network = benchNetwork({2, 5, 4, 1}, Activation::Tanh, Activation::Sigmoid,
                               Loss::BinaryCrossEntropy, InitScheme::Xavier);
    const QString path = dir.filePath("bench_2541.json");
    if (!io::saveNetwork(doc, path)) {
        error = "cannot write " + path;
        return -1;
    }
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(QCoreApplication::applicationFilePath(),
                  {"train", path, "--data", "circle", "--points", "5000", "--split", "60,20,20",
                   "--batch-size", "10", "--epochs", "20", "--optimizer", "sgd", "--learning-rate",
                   "0.1"});
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        error = "the train process failed: " + QString::fromUtf8(process.readAllStandardError());
        return -1;
    }
    return clock.nsecsElapsed() / 1e9;
}

} // namespace

int runBenchTrain(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        "Measure the trainer: samples/s on two tasks, and one whole train process.");
    p.addOptions({{"epochs", "Epochs to time per task (default 50).", "E", "50"}});
    if (const auto done = parseArguments(p, args, "bench train")) return *done;
    bool ok = false;
    const int epochs = p.value("epochs").toInt(&ok);
    if (!ok || epochs < 1 || epochs > 100000)
        return fail(kName, "--epochs: expected a whole number from 1 to 100000", Usage);

    printOut(QString("Training throughput (double precision, one thread; SIMD: %1)\n")
                 .arg(QString(Eigen::SimdInstructionSetsInUse())));
    {
        const Network net = benchNetwork({2, 8, 8, 1}, Activation::Tanh, Activation::Sigmoid,
                                         Loss::BinaryCrossEntropy, InitScheme::Xavier);
        GeneratorOptions g;
        g.name = "circle";
        g.points = 1000;
        const auto raw = generateDataset(g);
        if (!raw)
            return fail(kName, QString::fromStdString(raw.error().message()), BadFile);
        const auto data = fitDatasetToNetwork(raw.value(), net);
        if (!data)
            return fail(kName, QString::fromStdString(data.error().message()), BadFile);
        TrainingOptions o;
        o.optimizer = OptimizerSettings{OptimizerKind::Sgd, 0.1};
        o.batchSize = 10;
        o.epochs = epochs;
        printOut(
            line("(a) 2-8-8-1 tanh, BCE, circle, batch 10, SGD", measure(net, data.value(), o)));
    }
    {
        const Network net = benchNetwork({64, 32, 10}, Activation::Relu, Activation::Softmax,
                                         Loss::CrossEntropy, InitScheme::He);
        const auto data = io::loadDigits(net);
        if (!data)
            return fail(kName, QString::fromStdString(data.error().message()), BadFile);
        TrainingOptions o;
        o.optimizer = OptimizerSettings{OptimizerKind::Adam, 0.001};
        o.batchSize = 32;
        o.epochs = epochs;
        printOut(line("(b) 64-32-10 ReLU, softmax/CE, digits, batch 32, Adam",
                      measure(net, data.value(), o)));
    }
    QString error;
    const double seconds = wholeProcessSeconds(error);
    if (seconds < 0)
        return fail(kName, error, BadFile);
    printOut(QString("  (c) whole 'train' process, 2-5-4-1, 3,000 training rows, batch 10, 20 "
                     "epochs: %1 s\n")
                 .arg(seconds, 0, 'f', 3));
    return Ok;
}

} // namespace bpl::cli
