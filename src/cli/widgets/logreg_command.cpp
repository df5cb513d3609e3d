// backprop-lab logreg DATA [--etas 0.5,0.3,…] [--method gd|sgd|minibatch]
//   [--batch-size B] [--max-iter K] [--tol x] [--init w1,w2,w0] [--shuffle --seed S]
//   [--format json|csv] [--plot OUT.png|.pdf|.svg]
// Trains one logistic-regression run per learning rate (shared/spec/logreg.md)
// and prints the runs; --plot also renders the slope–intercept and NLL figures.
#include "cli/command.h"
#include "cli/output.h"
#include "core/common/limits.h"
#include "core/logreg_trainer.h"
#include "gui/logreg/logreg_figure.h"
#include "io/logreg_data.h"
#include "io/logreg_export.h"
#include "io/qt_text.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cmath>

namespace bpl::cli {

namespace {

constexpr const char* kName = "logreg";

bool intOption(const QCommandLineParser& p, const QString& name, long long lo, long long hi,
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

} // namespace

int runLogRegCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        "Train logistic regression on two-class 2-D data for several learning rates "
        "and print the NLL, weight and separator paths (JSON or CSV).");
    p.addPositionalArgument("DATA", "data file: lines of 'x1 x2 t' or 'x1 x2 1 t', t = 0 or 1");
    p.addOptions({
        {"etas", "Learning rates η, comma-separated (default 0.5,0.3,0.1,0.05,0.01).", "η,η,…",
         "0.5,0.3,0.1,0.05,0.01"},
        {"method", "gd (full batch, default), sgd (one update per point) or minibatch.", "method",
         "gd"},
        {"batch-size", "Points per update for --method minibatch (default 10).", "B"},
        {"max-iter", "Values recorded at most, the start included (default 1000).", "K", "1000"},
        {"tol", "Stop when the NLL changes by less than this (default 1e-6).", "x", "1e-6"},
        {"init", "Start weights w1,w2,w0 (default 0.1,0,0).", "w1,w2,w0", "0.1,0,0"},
        {"shuffle", "sgd/minibatch: visit the points in a seeded shuffled order each epoch."},
        {"seed", "Seed of the shuffle (default 1).", "S"},
        {"format", "Output: json (default) or csv.", "format", "json"},
        {"plot", "Also render the slope–intercept and NLL figures to OUT (.png, .pdf or .svg).",
         "OUT"},
    });
    if (const auto done = parseArguments(p, args, kName)) return *done;
    const QStringList files = p.positionalArguments();
    if (files.size() != 1)
        return fail(kName, "expected one data file (see --help)", Usage);

    const QString format = p.value("format");
    if (format != "json" && format != "csv") {
        return fail(kName, "--format: expected json or csv, found " + quoteForMessage(format),
                    Usage);
    }
    LogRegOptions base;
    if (!methodFromId(p.value("method").toStdString(), base.method)) {
        return fail(kName,
                    "--method: expected gd, sgd or minibatch, found " +
                        quoteForMessage(p.value("method")),
                    Usage);
    }
    if (p.isSet("batch-size") && base.method != LogRegMethod::MiniBatch) {
        return fail(kName, "--batch-size applies only to --method minibatch", Usage);
    }
    if (p.isSet("shuffle") && base.method == LogRegMethod::GradientDescent) {
        return fail(
            kName,
            "--shuffle applies only to --method sgd or minibatch (full-batch GD sees every point)",
            Usage);
    }
    if (p.isSet("seed") && !p.isSet("shuffle"))
        return fail(kName, "--seed applies only with --shuffle", Usage);

    QString error;
    long long batchSize = base.batchSize, maxIter = base.maxIter;
    if (!intOption(p, "batch-size", 1, 1'000'000'000, batchSize, error) ||
        !intOption(p, "max-iter", 1, kMaxRecordedIterations, maxIter, error)) {
        return fail(kName, error, Usage);
    }
    base.batchSize = static_cast<int>(batchSize);
    base.maxIter = static_cast<int>(maxIter);
    base.shuffle = p.isSet("shuffle");
    if (p.isSet("seed")) {
        bool ok = false;
        base.seed = p.value("seed").toULongLong(&ok);
        if (!ok)
            return fail(kName,
                        "--seed: expected a whole number ≥ 0, found " +
                            quoteForMessage(p.value("seed")),
                        Usage);
    }
    bool ok = false;
    base.tolerance = p.value("tol").toDouble(&ok);
    if (!ok || !std::isfinite(base.tolerance) || base.tolerance < 0) {
        return fail(kName,
                    "--tol: expected a finite number ≥ 0, found " + quoteForMessage(p.value("tol")),
                    Usage);
    }
    std::vector<double> init, etas;
    if (!parseNumberList(p.value("init"), init, error))
        return fail(kName, "--init: " + error, Usage);
    if (init.size() != 3) {
        return fail(kName,
                    QString("--init: expected 3 numbers w1,w2,w0, found %1").arg(init.size()),
                    Usage);
    }
    base.initialWeights = Eigen::Vector3d(init[0], init[1], init[2]);
    if (!parseNumberList(p.value("etas"), etas, error))
        return fail(kName, "--etas: " + error, Usage);
    for (double eta : etas) {
        if (eta <= 0)
            return fail(kName, QString("--etas: every η must be greater than 0, found %1").arg(eta),
                        Usage);
    }
    if (const std::string problem = sweepSizeProblem(static_cast<long long>(etas.size()), maxIter);
        !problem.empty()) {
        return fail(kName, "--max-iter: " + QString::fromStdString(problem), Usage);
    }
    const QString plotPath = p.value("plot");
    if (p.isSet("plot") && !gui::isLogRegFigureFormat(plotPath)) {
        return fail(kName,
                    "--plot: expected a file name ending in .png, .pdf or .svg, found " +
                        quoteForMessage(plotPath),
                    Usage);
    }

    const auto loaded = io::loadLogRegData(files.first());
    if (!loaded)
        return fail(kName, QString::fromStdString(loaded.error().message()), BadFile);
    const LogRegData& data = loaded.value();
    if (const std::string work =
            logRegWorkProblem(data.size(), maxIter, static_cast<long long>(etas.size()));
        !work.empty()) {
        return fail(kName, QString::fromStdString(work), BadFile);
    }

    std::vector<LogRegRun> runs;
    runs.reserve(etas.size());
    for (double eta : etas) {
        LogRegOptions options = base;
        options.learningRate = eta;
        if (const std::string problem = optionsProblem(options, data.size()); !problem.empty()) {
            return fail(kName, QString::fromStdString(problem), Usage);
        }
        runs.push_back(bpl::runLogReg(data, options));
    }

    // The figure first: when it cannot be written, nothing has gone to stdout.
    if (p.isSet("plot")) {
        const QString title = QFileInfo(files.first()).fileName();
        if (!gui::saveLogRegFigure(data, runs, title, plotPath, error))
            return fail(kName, error, BadFile);
    }
    if (format == "csv") {
        printOutBytes(io::logRegRunsToCsv(runs));
    } else {
        printOutBytes(io::logRegRunsToJsonBytes(files.first(), data.size(), runs));
    }
    return Ok;
}

} // namespace bpl::cli
