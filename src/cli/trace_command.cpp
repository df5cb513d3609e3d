// backprop-lab trace FILE [--input v,…] [--target v,…] [--learning-rate x]
//   [--format text|markdown|latex|html|json] [--pdf OUT.pdf] [--precision N] [--notation ID]
//   [--check-gradients] [--input-gradient] [--linear-collapse]
//   [--optimizer O [--beta b] [--beta1 b] [--beta2 b] [--epsilon e]
//   [--no-bias-correction]] [--passes N] [--variant CODE]
#include "cli/command.h"
#include "cli/output.h"
#include "core/common/limits.h"
#include "core/common/number_text.h"
#include "core/gradient_check.h"
#include "core/sample_rules.h"
#include "core/trace.h"
#include "core/trace_overflow.h"
#include "io/exercise_answers.h"
#include "io/json_writer.h"
#include "io/network_file.h"
#include "io/qt_text.h"
#include "io/trace_export.h"
#include "render/solution_document.h"
#include "render/solution_export.h"

#include <QCommandLineParser>
#include <QLocale>
#include <cmath>

namespace bpl::cli {

namespace {

constexpr const char* kName = "trace";

bool vectorOption(const QCommandLineParser& p, const QString& name, int expected, const char* what,
                  Eigen::VectorXd& out, QString& error) {
    if (!p.isSet(name)) return true;
    std::vector<double> values;
    if (!parseNumberList(p.value(name), values, error)) {
        error = "--" + name + ": " + error;
        return false;
    }
    if (static_cast<int>(values.size()) != expected) {
        error = QString("--%1: expected %2 numbers (%3), found %4")
                    .arg(name).arg(expected).arg(what).arg(values.size());
        return false;
    }
    out = Eigen::Map<Eigen::VectorXd>(values.data(), expected);
    return true;
}

// --optimizer and its settings (shared/spec/training.md's names and defaults).
bool optimizerOptions(const QCommandLineParser& p, OptimizerSettings& out, QString& error) {
    const auto kind = optimizerFromKey(p.value("optimizer").toStdString());
    if (!kind) {
        error = "--optimizer: expected sgd, momentum, rmsprop, adam or adagrad, found " +
                quoteForMessage(p.value("optimizer"));
        return false;
    }
    out.kind = *kind;
    for (const auto& [name, target] : {std::pair<QString, double*>{"beta", &out.beta}, {"beta1", &out.beta1},
                                       {"beta2", &out.beta2}, {"epsilon", &out.epsilon}}) {
        if (!p.isSet(name)) continue;
        bool ok = false;
        *target = QLocale::c().toDouble(p.value(name), &ok);
        if (!ok || !std::isfinite(*target)) {
            error = "--" + name + ": expected a number, found " + quoteForMessage(p.value(name));
            return false;
        }
    }
    out.biasCorrection = !p.isSet("no-bias-correction");
    if (const std::string problem = optimizerProblem(out); !problem.empty()) {
        error = "--optimizer: " + QString::fromStdString(problem);
        return false;
    }
    return true;
}

} // namespace

int runTrace(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("Print one forward pass, backward pass and gradient-descent step "
                                "of a network file as a worked solution.");
    p.addPositionalArgument("FILE", "network file (backprop-lab.network/1)");
    p.addOptions({
        {"input", "Input vector, comma-separated (overrides the file's sample).", "v,v,…"},
        {"target", "Target vector, comma-separated.", "v,…"},
        {"learning-rate", "Learning rate η (> 0).", "x"},
        {"format", "Output: text (default), markdown, latex, html or json.", "format", "text"},
        {"pdf",
         "Also write the worked solution as a PDF (drawn by the app; no TeX needed). "
         "Nothing is printed unless --format is given too.",
         "OUT.pdf"},
        {"precision", "Significant figures in text formats (1–17, default 6).", "N", "6"},
        {"notation", "standard (default), bishop, course or ng.", "id", "standard"},
        {"check-gradients", "Compare backpropagation with central differences."},
        {"input-gradient",
         "Add the input gradient ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ as a last step (JSON: layers[0].grad_input)."},
        {"linear-collapse",
         "Under the forward step of an identity layer that follows another, show the one "
         "linear layer they collapse into (W = W⁽²⁾W⁽¹⁾, b = W⁽²⁾b⁽¹⁾ + b⁽²⁾)."},
        {"optimizer",
         "Update rule: sgd (default), momentum, rmsprop, adam or adagrad; the update steps "
         "then show m, v (and m̂, v̂) for every weight and bias.",
         "O", "sgd"},
        {"beta", "β of momentum and rmsprop (default 0.9).", "b"},
        {"beta1", "β₁ of adam (default 0.9).", "b"},
        {"beta2", "β₂ of adam (default 0.999).", "b"},
        {"epsilon", "ε of rmsprop, adam, adagrad (default 1e-8; adagrad 1e-10).", "e"},
        {"no-bias-correction", "Adam without bias correction (m̂ = m, v̂ = v)."},
        {"passes",
         "Trace pass N of the sample: N − 1 updates are applied first, so the optimizer's "
         "state has built up (default 1).",
         "N", "1"},
        {"variant",
         "Work exercise variant CODE (e.g. 3-2-1/7F3K) of the file: the weights, biases, input "
         "and target its `variants` template draws for that code (an answer key).",
         "CODE"},
    });
    if (const auto done = parseArguments(p, args, kName)) return *done;
    const QStringList files = p.positionalArguments();
    if (files.size() != 1) return fail(kName, "expected one network file (see --help)", Usage);

    const QString format = p.value("format");
    if (!QStringList{"text", "markdown", "latex", "html", "json"}.contains(format)) {
        return fail(kName,
                    "--format: expected text, markdown, latex, html or json, found " +
                        quoteForMessage(format),
                    Usage);
    }
    const QString pdfPath = p.value("pdf");
    if (p.isSet("pdf") && pdfPath.isEmpty()) return fail(kName, "--pdf: expected an output file name", Usage);
    bool ok = false;
    const int precision = p.value("precision").toInt(&ok);
    if (!ok || precision < 1 || precision > 17) {
        return fail(kName, "--precision: expected a whole number from 1 to 17", Usage);
    }
    TraceOptions options;
    options.precision = precision;
    options.inputGradient = p.isSet("input-gradient");
    options.linearCollapse = p.isSet("linear-collapse");
    if (!Notation::fromId(p.value("notation").toStdString(), options.notation)) {
        return fail(kName, "--notation: expected standard, bishop, course or ng", Usage);
    }

    const auto loaded = io::loadNetwork(files.first());
    if (!loaded) return fail(kName, QString::fromStdString(loaded.error().message()), BadFile);
    Network network = loaded.value().network;
    if (p.isSet("variant")) {
        const auto code = exercise::parseVariantCode(p.value("variant").toStdString());
        if (!code) return fail(kName, "--variant: " + QString::fromStdString(code.error().reason), Usage);
        const auto variant = exercise::networkVariant(network, io::networkTemplateOf(loaded.value()), code.value());
        if (!variant) {
            const Error& e = variant.error();
            const std::string file = e.place == "variants" ? files.first().toStdString() : "--variant";
            return fail(kName, QString::fromStdString(Error{file, e.place == "variant" ? "" : e.place, e.reason}.message()),
                        BadFile);
        }
        network = variant.value();
        // Every output format names the variant with the network.
        network.name = (network.name.empty() ? std::string("network") : network.name) + ", variant " +
                       exercise::formatVariantCode(code.value());
    }

    QString error;
    if (!vectorOption(p, "input", network.inputSize(), "the input layer's size", network.sample.input, error) ||
        !vectorOption(p, "target", network.outputSize(), "the output layer's size", network.sample.target, error)) {
        return fail(kName, error, Usage);
    }
    // The same rule as the file's sample.target (core/sample_rules.h).
    if (const std::string problem = targetProblem(network, network.sample.target); !problem.empty()) {
        return fail(kName, "--target: " + QString::fromStdString(problem), Usage);
    }
    if (p.isSet("learning-rate")) {
        const auto eta = parseFiniteNumber(p.value("learning-rate").toStdString());
        if (!eta || *eta <= 0) {
            return fail(kName, "--learning-rate: expected a finite number greater than 0", Usage);
        }
        network.learningRate = *eta;
    }
    if (const auto problems = structuralProblems(network); !problems.empty()) {
        return fail(kName, QString::fromStdString(problems.front()), Usage);
    }

    OptimizerSettings optimizer;
    if (!optimizerOptions(p, optimizer, error)) return fail(kName, error, Usage);
    const int passes = p.value("passes").toInt(&ok);
    if (!ok || passes < 1 || passes > 100000) return fail(kName, "--passes: expected a whole number from 1 to 100000", Usage);
    if (const std::string work = tracePassesProblem(passes, network.parameterCount());
        !work.empty())
        return fail(kName, "--passes: " + QString::fromStdString(work), Usage);
    OptimizerState state = zeroOptimizerState(network);
    for (int k = 1; k < passes; ++k)
        applyNetworkUpdate(network, optimizer, state);
    const Trace trace = traceNetwork(network, options, optimizer, state);
    // No output ever shows inf or nan: an overflow is named and refused.
    if (const auto overflow = traceOverflow(trace)) {
        return fail(kName, files.first() + ": " + QString::fromStdString(*overflow), BadFile);
    }
    io::ExportExtras extras;
    if (p.isSet("check-gradients")) extras.gradientCheck = checkGradients(network, network.sample);

    if (p.isSet("pdf")) {
        const auto written = io::exportSolution(trace, io::SolutionFormat::Pdf, pdfPath, extras);
        if (!written) return fail(kName, QString::fromStdString(written.error().message()), BadFile);
        if (!p.isSet("format")) return Ok;
    }
    if (format == "html") {
        printOut(io::traceToHtml(trace, extras));
    } else if (format == "json") {
        printOutBytes(io::writeJson(io::traceToJson(trace, extras),
                                    {"loss", "output", "layers", "index", "a", "z", "delta", "grad_weights",
                                     "grad_bias", "new_weights", "new_bias"}));
    } else if (format == "markdown") {
        printOut(io::traceToMarkdown(trace, extras));
    } else if (format == "latex") {
        printOut(io::traceToLatex(trace, extras));
    } else {
        printOut(io::traceToText(trace, extras));
    }
    return Ok;
}

} // namespace bpl::cli
