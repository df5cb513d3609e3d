// backprop-lab train NETWORK.json DATA|--data NAME [options]
// Trains a network on a data set (shared/spec/training.md): one run, or a
// comparison of runs that differ in one setting (--etas, --optimizers,
// --batch-sizes, --inits) or drawn by a random search (--search), and prints every run's losses, accuracies and
// gradient norms as JSON or CSV. Defaults come from the network file's
// `training` object when it has one; options override it. --plot renders the
// loss curves (and, for two inputs, the decision regions); --save-network
// writes the first run's trained network.
#include "cli/command.h"
#include "cli/output.h"
#include "core/common/limits.h"
#include "core/training/random_search.h"
#include "core/training/top_k.h"
#include "core/training/trainer.h"
#include "gui/training/training_figure.h"
#include "io/network_file.h"
#include "io/qt_text.h"
#include "io/training_data.h"
#include "io/training_export.h"
#include "io/training_setup_json.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <optional>

namespace bpl::cli {

namespace {

constexpr const char* kName = "train";

// Everything the command line asks for, checked before any data is read.
struct TrainPlan {
    io::NetworkDocument document;
    TrainingSetup setup;    // the file's object, then the options over it
    QString dataPath;       // a data file (empty: the built-in setup.generator)
    std::string dataSource; // "circle", or the file name as given
    TrainingOptions base;
    Comparison comparison;
    std::optional<RandomSearch> search; // --search: its runs instead of a comparison's
    QString format, plotPath, savePath;
    std::vector<int> topK; // --top-k; empty: defaultTopK of the data's classes
};

bool wholeOption(const QCommandLineParser& p, const QString& name, long long lo, long long hi,
                 long long& out, QString& error) {
    if (!p.isSet(name))
        return true;
    bool ok = false;
    out = p.value(name).toLongLong(&ok);
    if (!ok || out < lo || out > hi) {
        error = QString("--%1: expected a whole number from %2 to %3, found %4")
                    .arg(name)
                    .arg(lo)
                    .arg(hi)
                    .arg(quoteForMessage(p.value(name)));
        return false;
    }
    return true;
}

bool seedOption(const QCommandLineParser& p, const QString& name, std::uint64_t& out,
                QString& error) {
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const qulonglong value = p.value(name).toULongLong(&ok);
    if (!ok) {
        error =
            "--" + name + ": expected a whole number ≥ 0, found " + quoteForMessage(p.value(name));
        return false;
    }
    out = value;
    return true;
}

bool realOption(const QCommandLineParser& p, const QString& name, double lo, double hi, bool open,
                double& out, QString& error) {
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double x = p.value(name).toDouble(&ok); // QString::toDouble is locale-free (C locale)
    if (!ok || !std::isfinite(x) || x < lo || x > hi || (open && x == lo)) {
        error = QString("--%1: expected a number %2 %3 and ≤ %4, found %5")
                    .arg(name, open ? ">" : "≥")
                    .arg(lo)
                    .arg(hi)
                    .arg(quoteForMessage(p.value(name)));
        return false;
    }
    out = x;
    return true;
}

std::optional<InitOptions> initFromKey(const QString& key, std::uint64_t seed, bool& ok) {
    ok = true;
    if (key == "none" || key == "file")
        return std::nullopt;
    for (InitScheme s : allInitSchemes()) {
        if (key.toStdString() == initSchemeKey(s))
            return InitOptions{s, seed, 0.5};
    }
    ok = false;
    return std::nullopt;
}

void addOptions(QCommandLineParser& p) {
    p.setApplicationDescription(
        "Train a network on a data set and print every run's losses, accuracies and "
        "gradient norms per epoch (JSON or CSV).");
    p.addPositionalArgument("NETWORK", "network file (backprop-lab.network/1)");
    p.addPositionalArgument("DATA", "data file (rows of inputs then target), or use --data NAME",
                            "[DATA]");
    p.addOptions({
        {"data",
         "Built-in data set: circle, xor, two_gaussians, spiral, three_blobs, sine or digits.",
         "NAME"},
        {"points", "Points of a generated data set (default 500).", "N"},
        {"noise", "Noise of a generated data set, 0 … 1 (default 0.1).", "x"},
        {"data-seed", "Seed of a generated data set (default 1).", "S"},
        {"etas", "Compare learning rates η, comma-separated.", "η,η,…"},
        {"optimizers",
         "Compare optimizers (sgd, momentum, rmsprop, adam, adagrad), comma-separated.", "O,O,…"},
        {"batch-sizes", "Compare mini-batch sizes, comma-separated.", "B,B,…"},
        {"inits", "Compare initializations (xavier, he, uniform, zero), comma-separated.", "I,I,…"},
        {"epochs", "Epochs E (default 100; 0 records the start only).", "E"},
        {"batch-size", "Mini-batch size B (1 = SGD; default 10).", "B"},
        {"optimizer", "sgd (default), momentum, rmsprop, adam or adagrad.", "O"},
        {"learning-rate", "Learning rate η (default: the network file's).", "η"},
        {"l2", "L2 penalty λ on the weights (default 0).", "λ"},
        {"no-bias-correction", "Adam without bias correction (m̂ = m, v̂ = v)."},
        {"seed", "Seed of the epochs' shuffle (default 1).", "S"},
        {"init", "New start weights: xavier, he, uniform or zero (default: the file's own).", "I"},
        {"init-seed", "Seed of --init (default 1).", "S"},
        {"split-seed", "Seed of the split's shuffle (default 1).", "S"},
        {"split", "Train, validation and test percentages (default 60,20,20).", "T,V,T"},
        {"no-shuffle", "Keep file order for the split and the epochs."},
        {"target-loss", "Stop a run when its training loss falls below x.", "x"},
        {"search",
         "Random search instead of a comparison: one or two of learning_rate, l2 (drawn "
         "log-uniformly) and batch_size, each SETTING=LOW:HIGH, comma-separated.",
         "RANGES"},
        {"samples", "Settings drawn by --search, 1 to 1000 (default 10).", "N"},
        {"search-seed", "Seed of --search (default 1); the JSON's search.finer gives the next.",
         "S"},
        {"top-k",
         "Record the top-k error per epoch for these k (1 to the classes; default 1, and 5 for "
         "five or more classes), e.g. 1,3.",
         "k,k,…"},
        {"format", "Output: json (default) or csv.", "format", "json"},
        {"plot",
         "Also render the loss curves (and 2-D decision regions) to OUT (.png, .pdf or .svg).",
         "OUT"},
        {"save-network", "Write the (first run's) trained network to OUT.json.", "OUT.json"},
    });
}

// Where the data comes from: DATA, --data NAME and its generator options, or
// the network file's `training.data`.
bool readDataChoice(const QCommandLineParser& p, const QString& networkPath, TrainPlan& plan,
                    QString& error) {
    const QStringList positional = p.positionalArguments();
    TrainingSetup& setup = plan.setup;
    if (positional.size() == 2 && p.isSet("data")) {
        error = "give either a DATA file or --data NAME, not both";
        return false;
    }
    if (positional.size() == 2) {
        setup.dataFile = positional[1].toStdString();
        plan.dataPath = positional[1];
        plan.dataSource = setup.dataFile;
    } else if (p.isSet("data")) {
        const std::string name = p.value("data").toStdString();
        const auto names = io::builtInDataNames();
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            error = "--data: unknown data set " + quoteForMessage(p.value("data")) +
                    " (expected circle, xor, two_gaussians, spiral, three_blobs, sine or digits)";
            return false;
        }
        // The file's own points, noise and seed when it names the same set.
        if (setup.usesFile() || setup.generator.name != name)
            setup.generator = GeneratorOptions{};
        setup.dataFile.clear();
        setup.generator.name = name;
    } else if (!plan.document.training) {
        error =
            "no data: give a DATA file or --data NAME (the network file has no training object)";
        return false;
    } else if (setup.usesFile()) {
        const QString file = QString::fromStdString(setup.dataFile);
        plan.dataPath =
            QFileInfo(file).isAbsolute() ? file : QFileInfo(networkPath).dir().filePath(file);
        plan.dataSource = setup.dataFile;
    }
    const bool generated = !setup.usesFile() && setup.generator.name != io::kDigitsName;
    for (const char* option : {"points", "noise", "data-seed"}) {
        if (p.isSet(option) && !generated) {
            error = QString("--%1 applies only to a generated data set (not a file or the digits)")
                        .arg(option);
            return false;
        }
    }
    if (!setup.usesFile())
        plan.dataSource = setup.generator.name;
    long long points = setup.generator.points;
    if (!wholeOption(p, "points", 2, 1'000'000, points, error) ||
        !realOption(p, "noise", 0, 1, false, setup.generator.noise, error) ||
        !seedOption(p, "data-seed", setup.generator.seed, error)) {
        return false;
    }
    setup.generator.points = static_cast<int>(points);
    return true;
}

bool readSplit(const QCommandLineParser& p, SplitOptions& split, QString& error) {
    if (p.isSet("split")) {
        if (const std::string problem =
                parseSplitPercentages(p.value("split").toStdString(), split);
            !problem.empty()) {
            error = "--split: " + QString::fromStdString(problem);
            return false;
        }
    }
    if (!seedOption(p, "split-seed", split.seed, error))
        return false;
    if (p.isSet("no-shuffle"))
        split.shuffle = false;
    if (const std::string problem = splitProblem(split); !problem.empty()) {
        error = "--split: " + QString::fromStdString(problem);
        return false;
    }
    return true;
}

// The single run's settings: the file's, then the options over them.
bool readRunOptions(const QCommandLineParser& p, TrainPlan& plan, QString& error) {
    TrainingOptions& o = plan.base;
    o = trainingOptionsOf(plan.setup, plan.document.network);
    if (p.isSet("optimizer")) {
        const auto kind = optimizerFromKey(p.value("optimizer").toStdString());
        if (!kind) {
            error = "--optimizer: expected sgd, momentum, rmsprop, adam or adagrad, found " +
                    quoteForMessage(p.value("optimizer"));
            return false;
        }
        o.optimizer.kind = *kind;
    }
    long long epochs = o.epochs, batch = o.batchSize;
    if (!wholeOption(p, "epochs", 0, 1'000'000, epochs, error) ||
        !wholeOption(p, "batch-size", 1, 1'000'000'000, batch, error) ||
        !realOption(p, "learning-rate", 0, 1e6, true, o.optimizer.learningRate, error) ||
        !realOption(p, "l2", 0, 1e6, false, o.l2, error) ||
        !realOption(p, "target-loss", 0, 1e6, false, o.targetLoss, error) ||
        !seedOption(p, "seed", o.seed, error)) {
        return false;
    }
    o.epochs = static_cast<int>(epochs);
    o.batchSize = static_cast<int>(batch);
    if (p.isSet("no-bias-correction"))
        o.optimizer.biasCorrection = false;
    o.shuffle = plan.setup.split.shuffle;
    std::uint64_t initSeed = o.init ? o.init->seed : 1;
    if (!seedOption(p, "init-seed", initSeed, error))
        return false;
    if (p.isSet("init")) {
        bool ok = false;
        o.init = initFromKey(p.value("init"), initSeed, ok);
        if (!ok) {
            error = "--init: expected xavier, he, uniform or zero, found " +
                    quoteForMessage(p.value("init"));
            return false;
        }
    } else if (p.isSet("init-seed")) {
        if (!o.init) {
            error = "--init-seed applies only with --init (or an init in the network file)";
            return false;
        }
        o.init->seed = initSeed;
    }
    return true;
}

// At most one list varies a setting; none: the file's comparison, unless an
// option fixes the setting it compares.
bool readComparison(const QCommandLineParser& p, TrainPlan& plan, QString& error) {
    const std::vector<std::pair<QString, std::string>> lists = {{"etas", "learning_rate"},
                                                                {"optimizers", "optimizer"},
                                                                {"batch-sizes", "batch_size"},
                                                                {"inits", "init"}};
    Comparison c;
    for (const auto& [option, setting] : lists) {
        if (!p.isSet(option))
            continue;
        if (!c.setting.empty()) {
            error =
                "compare one setting at a time (--etas, --optimizers, --batch-sizes or --inits)";
            return false;
        }
        c.setting = setting;
        for (const QString& value : p.value(option).split(','))
            c.values.push_back(value.trimmed().toStdString());
    }
    if (c.setting.empty() && plan.document.training) {
        c = plan.setup.comparison;
        const std::vector<std::pair<std::string, QString>> fixes = {
            {"learning_rate", "learning-rate"},
            {"optimizer", "optimizer"},
            {"batch_size", "batch-size"},
            {"init", "init"},
            {"l2", "l2"}};
        for (const auto& [setting, option] : fixes) {
            if (c.setting == setting && p.isSet(option))
                c = Comparison{};
        }
    }
    plan.comparison = c;
    return true;
}

// --search RANGES [--samples N] [--search-seed S]: the runs of a random search.
bool readSearch(const QCommandLineParser& p, TrainPlan& plan, QString& error) {
    if (!p.isSet("search")) {
        if (p.isSet("samples") || p.isSet("search-seed")) {
            error = "--samples and --search-seed need --search";
            return false;
        }
        return true;
    }
    for (const char* list : {"etas", "optimizers", "batch-sizes", "inits"}) {
        if (p.isSet(list)) {
            error = QString("give either --search or --%1, not both").arg(list);
            return false;
        }
    }
    const auto ranges = parseSearchRanges(p.value("search").toStdString());
    if (!ranges) {
        error = "--search: " + QString::fromStdString(ranges.error().reason);
        return false;
    }
    RandomSearch search;
    search.ranges = ranges.value();
    long long samples = search.samples;
    if (!wholeOption(p, "samples", 1, 1000, samples, error) ||
        !seedOption(p, "search-seed", search.seed, error))
        return false;
    search.samples = static_cast<int>(samples);
    plan.search = search;
    plan.comparison = Comparison{};
    return true;
}

// The search's ranges, its best run and the finer search around it (for the next --search).
QJsonObject searchJson(const RandomSearch& search, const std::vector<TrainingOptions>& settings,
                       const std::vector<TrainingRun>& runs) {
    QJsonObject o;
    o["ranges"] = QString::fromStdString(searchRangesText(search.ranges));
    o["samples"] = search.samples;
    o["seed"] = static_cast<double>(search.seed); // as a run's seed
    const int best = bestSearchRun(runs);
    if (best >= 0) {
        o["best_run"] = best + 1;
        o["best_label"] = QString::fromStdString(runs[static_cast<std::size_t>(best)].label);
        const RandomSearch finer = finerSearch(search, settings[static_cast<std::size_t>(best)]);
        QJsonObject f;
        f["ranges"] = QString::fromStdString(searchRangesText(finer.ranges));
        f["seed"] = static_cast<double>(finer.seed);
        o["finer"] = f;
    }
    return o;
}

int readPlan(const QCommandLineParser& p, TrainPlan& plan) {
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2) {
        return fail(kName, "expected a network file and at most one data file (see --help)", Usage);
    }
    plan.format = p.value("format");
    if (plan.format != "json" && plan.format != "csv") {
        return fail(kName, "--format: expected json or csv, found " + quoteForMessage(plan.format),
                    Usage);
    }
    if (p.isSet("top-k")) {
        if (!parseTopKList(p.value("top-k").toStdString(), plan.topK) ||
            std::any_of(plan.topK.begin(), plan.topK.end(), [](int k) { return k < 1; })) {
            return fail(kName,
                        "--top-k: expected whole numbers ≥ 1 separated by commas, found " +
                            quoteForMessage(p.value("top-k")),
                        Usage);
        }
    }
    plan.plotPath = p.value("plot");
    plan.savePath = p.value("save-network");
    if (p.isSet("plot") &&
        !QStringList{"png", "pdf", "svg"}.contains(QFileInfo(plan.plotPath).suffix().toLower())) {
        return fail(kName,
                    "--plot: expected a file name ending in .png, .pdf or .svg, found " +
                        quoteForMessage(plan.plotPath),
                    Usage);
    }
    if (p.isSet("save-network") && plan.savePath.isEmpty())
        return fail(kName, "--save-network: expected a file name", Usage);
    const auto loaded = io::loadNetwork(positional[0]);
    if (!loaded)
        return fail(kName, QString::fromStdString(loaded.error().message()), BadFile);
    plan.document = loaded.value();
    if (plan.document.training)
        plan.setup = *plan.document.training;
    QString error;
    if (!readDataChoice(p, positional[0], plan, error) || !readSplit(p, plan.setup.split, error) ||
        !readRunOptions(p, plan, error) || !readComparison(p, plan, error) ||
        !readSearch(p, plan, error)) {
        return fail(kName, error, Usage);
    }
    return Ok;
}

Result<Dataset> loadData(const TrainPlan& plan) {
    const Network& network = plan.document.network;
    if (!plan.dataPath.isEmpty()) {
        auto data = io::loadTrainingData(plan.dataPath, network);
        if (data)
            data.value().source = plan.dataSource;
        return data;
    }
    if (plan.setup.generator.name == io::kDigitsName)
        return io::loadDigits(network);
    const auto raw = generateDataset(plan.setup.generator);
    if (!raw)
        return raw.error();
    auto fitted = fitDatasetToNetwork(raw.value(), network);
    if (!fitted)
        return Error{plan.dataSource, fitted.error().place, fitted.error().reason};
    return fitted;
}

// The k's whose top-k error is recorded (training.md, "Top-k") into plan.base;
// the problem with --top-k for this data, or "".
std::string topKChoice(TrainPlan& plan, const Dataset& data) {
    if (!data.isClassification()) {
        return plan.topK.empty() ? std::string()
                                 : "--top-k applies only to classification data (" +
                                       plan.dataSource + " holds values, not classes)";
    }
    plan.base.topK = plan.topK.empty() ? defaultTopK(data.classes) : plan.topK;
    const std::string problem = topKProblem(plan.base.topK, data.classes);
    return problem.empty() ? problem : "--top-k: " + problem;
}

// Every k-th epoch is recorded when all of them would exceed the budget of recorded
// values (core/common/limits.h); the command says so on stderr, and the JSON gives
// record_every and recorded_epochs.
int recordStride(const DataSplit& split, const Network& network,
                 const std::vector<TrainingOptions>& runs) {
    const bool classification = split.train.isClassification();
    const long long parts =
        1 + (split.validation.sampleCount() > 0 ? 1 : 0) + (split.test.sampleCount() > 0 ? 1 : 0);
    const long long topK =
        classification && !runs.empty() ? static_cast<long long>(runs.front().topK.size()) : 0;
    const long long perEpoch = parts * (classification ? 2 + topK : 1) + network.layerCount() - 1;
    long long epochs = 0;
    for (const TrainingOptions& o : runs)
        epochs = std::max<long long>(epochs, o.epochs);
    const int stride = trainingRecordStride(epochs, static_cast<long long>(runs.size()), perEpoch);
    if (stride > 1) {
        printErr(QString("backprop-lab %1: note: recording every %2 epochs (the start and the "
                         "last always): %3 epochs × %4 runs × %5 values per epoch exceed the "
                         "limit of %6 recorded values\n")
                     .arg(kName)
                     .arg(stride)
                     .arg(epochs)
                     .arg(runs.size())
                     .arg(perEpoch)
                     .arg(kMaxRecordedTrainingValues));
    }
    return stride;
}

// Writes the figure and the trained network; false (message printed) on failure.
bool writeFiles(const TrainPlan& plan, const DataSplit& split,
                const std::vector<TrainingRun>& runs) {
    QString error;
    if (!plan.plotPath.isEmpty() &&
        !gui::saveTrainingFigure(split, runs, QString::fromStdString(plan.dataSource),
                                 plan.plotPath, error)) {
        fail(kName, error, BadFile);
        return false;
    }
    if (!plan.savePath.isEmpty()) {
        io::NetworkDocument trained = plan.document;
        trained.network = runs.front().finalNetwork;
        const auto saved = io::saveNetwork(trained, plan.savePath);
        if (!saved) {
            fail(kName, QString::fromStdString(saved.error().message()), BadFile);
            return false;
        }
    }
    return true;
}

} // namespace

int runTrainCommand(const QStringList& args) {
    QCommandLineParser p;
    addOptions(p);
    if (const auto done = parseArguments(p, args, kName)) return *done;
    TrainPlan plan;
    if (const int code = readPlan(p, plan); code != Ok)
        return code;

    if (const std::string problem = networkTrainingProblem(plan.document.network);
        !problem.empty()) {
        return fail(kName, p.positionalArguments().first() + ": " + QString::fromStdString(problem),
                    BadFile);
    }
    const auto data = loadData(plan);
    if (!data)
        return fail(kName, QString::fromStdString(data.error().message()), BadFile);
    const auto split =
        std::make_shared<const DataSplit>(splitDataset(data.value(), plan.setup.split));
    if (const std::string problem = topKChoice(plan, data.value()); !problem.empty())
        return fail(kName, QString::fromStdString(problem), Usage);
    const auto runOptions = plan.search ? randomSearchRuns(plan.base, *plan.search)
                                        : comparisonRuns(plan.base, plan.comparison);
    if (!runOptions)
        return fail(kName, QString::fromStdString(runOptions.error().message()), Usage);
    for (const TrainingOptions& options : runOptions.value()) {
        if (const std::string problem = trainingProblem(options, split->train.sampleCount());
            !problem.empty()) {
            return fail(kName, QString::fromStdString(problem), Usage);
        }
    }
    const Network& network = plan.document.network;
    std::vector<TrainingOptions> runSettings = runOptions.value();
    for (TrainingOptions& options : runSettings)
        options.keepSnapshots = false; // only the final network is written
    if (const std::string problem =
            comparisonLimitProblem(network, data.value().sampleCount(), runSettings);
        !problem.empty()) {
        return fail(kName, QString::fromStdString(problem), BadFile);
    }
    const int stride = recordStride(*split, network, runSettings);
    std::vector<TrainingRun> runs;
    for (TrainingOptions options : runSettings) {
        options.recordEvery = stride;
        runs.push_back(train(network, split, options));
    }

    if (!writeFiles(plan, *split, runs))
        return BadFile;
    const auto summary = io::summaryOf(*split, plan.dataSource);
    QByteArray out;
    if (plan.format == "csv") {
        out = io::trainingRunsToCsv(runs);
    } else {
        QJsonObject root = io::trainingRunsToJson(summary, runs, plan.document);
        if (plan.search)
            root["search"] = searchJson(*plan.search, runSettings, runs);
        out = io::trainingJsonBytes(root);
    }
    printOutBytes(out);
    return Ok;
}

} // namespace bpl::cli
