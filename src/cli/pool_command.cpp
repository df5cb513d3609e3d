// backprop-lab pool --input X [--kind max|average|adaptive-max|adaptive-average]
//   [--window K] [--stride S] [--padding P] [--size RxC] [--grad-output G]
//   [--format text|json|markdown|latex|html] [--precision N] [--pdf OUT.pdf] [--answers FILE]
// Pooling worked by hand (teaching-content.md §12, core/maths/pooling.h):
// every output with its window, then ∂E/∂X for ∂E/∂P (all ones unless given),
// each element with its formula (docs/formats/pool-output.md). X is written
// [[1, 2], [3, 4]], read from a file holding that text, or taken from the
// `output` of a `conv --format json` file (pooling after a convolution).
// As conv: the worked solution in every format, a PDF, and a student's
// answers (output, grad_input) marked.
#include "cli/command.h"
#include "cli/maths_cli.h"
#include "cli/output.h"
#include "core/maths/convolution.h"
#include "core/maths/maths_check.h"
#include "core/maths/pooling.h"
#include "io/maths_answers.h"
#include "io/json_writer.h"
#include "io/maths_export.h"
#include "io/qt_text.h"
#include "io/safe_file.h"
#include "io/trace_export.h"
#include "render/maths_document.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace bpl::cli {

namespace {

constexpr const char* kName = "pool";

// --input as a conv JSON file: its `output` matrix. Returns true when the
// file is one (out filled or problem set), false to read it as a matrix.
bool convOutputInput(const QString& value, Eigen::MatrixXd& out, QString& problem) {
    if (value.trimmed().startsWith('[') || !value.endsWith(".json", Qt::CaseInsensitive))
        return false;
    const auto bytes = io::readRegularFile(value, qint64(64) << 20, "conv output");
    if (!bytes) {
        problem = "--input: " + q(bytes.error().message());
        return true;
    }
    const QJsonObject root = QJsonDocument::fromJson(bytes.value()).object();
    if (root.value("format").toString() != "backprop-lab.conv/1") {
        problem = quoteForMessage(value) +
                  ": not the JSON of `conv --format json` (format backprop-lab.conv/1)";
        return true;
    }
    const QByteArray matrix = QJsonDocument(root.value("output").toArray()).toJson();
    std::string error;
    if (!parseMatrixText(matrix.toStdString(), out, error))
        problem = quoteForMessage(value) + ": output: " + QString::fromStdString(error);
    return true;
}

QByteArray poolingText(const Pooling& r) {
    const PoolingProblem& p = r.problem;
    const int n = p.precision;
    QString out = "Pooling: " + QString::fromStdString(poolingKindKey(p.kind)) + "\n  " +
                  QString::fromStdString(r.operation.text) + "\n";
    out += "  X = " + io::matrixText(p.input, n) + "\n";
    out += "Forward\n";
    for (const PoolElementStep& s : r.forward)
        out += "  " + QString::fromStdString(s.line().text) + "\n";
    out += "  P = " + io::matrixText(r.output, n) + "\n";
    out += "Backward (∂E/∂P = " + io::matrixText(r.gradOutput, n) + ")\n";
    for (const PoolElementStep& s : r.backward)
        out += "  " + QString::fromStdString(s.line().text) + "\n";
    out += "  ∂E/∂X = " + io::matrixText(r.gradInput, n) + "\n";
    return out.toUtf8();
}

} // namespace

int runPool(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("Work max, average or adaptive pooling by hand: every output "
                                "with its window, and the backward pass ∂E/∂X.");
    p.addOptions({
        {{"x", "input"},
         "The input X: [[..], [..]], a file holding it, or the JSON of conv --format json (its "
         "output).",
         "X"},
        {"kind", "max (default), average, adaptive-max or adaptive-average.", "kind", "max"},
        {"window", "Window size K (max, average; default 2).", "K", "2"},
        {"stride", "Stride (default: the window size).", "S"},
        {"padding", "Padding rings, 0 to K/2 (default 0).", "P", "0"},
        {"size", "The adaptive output's size RxC, e.g. 2x2.", "RxC"},
        {"grad-output", "∂E/∂P, the size of P (default all ones).", "G"},
        {"format", "Output: text (default), json, markdown, latex or html.", "format", "text"},
        {"precision", "Significant figures in formulas (1–17, default 4).", "N", "4"},
        {"pdf",
         "Also write the worked solution as a PDF. Nothing is printed unless --format is "
         "given too.",
         "OUT.pdf"},
        {"answers",
         "Check hand-worked values (maths-answers.md: output, grad_input); exit 1 when any is "
         "wrong or carried.",
         "FILE"},
    });
    if (const auto done = parseArguments(p, args, kName))
        return *done;
    if (!p.positionalArguments().isEmpty())
        return fail(kName,
                    "unexpected argument " + quoteForMessage(p.positionalArguments().first()),
                    Usage);
    if (!p.isSet("input"))
        return fail(kName, "give the input with --input", Usage);
    MathsOutput output;
    if (const QString problem = mathsOutputOptions(p, output, 4); !problem.isEmpty())
        return fail(kName, problem, Usage);
    PoolingProblem problem;
    problem.precision = output.precision;
    if (!poolingKindFromKey(p.value("kind").toStdString(), problem.kind))
        return fail(kName,
                    "--kind: expected max, average, adaptive-max or adaptive-average, found " +
                        quoteForMessage(p.value("kind")),
                    Usage);
    if (isAdaptive(problem.kind)) {
        const QStringList size = p.value("size").split('x');
        bool okR = false, okC = false;
        if (size.size() == 2) {
            problem.outRows = size[0].toInt(&okR);
            problem.outCols = size[1].toInt(&okC);
        }
        if (!p.isSet("size") || !okR || !okC)
            return fail(kName, "--size: adaptive pooling needs the output's size, e.g. 2x2", Usage);
        for (const char* option : {"window", "stride", "padding"}) {
            if (p.isSet(option))
                return fail(kName,
                            QString("--%1: adaptive pooling picks its own windows; give --size")
                                .arg(option),
                            Usage);
        }
    } else {
        if (p.isSet("size"))
            return fail(kName, "--size: only for adaptive-max and adaptive-average", Usage);
        if (!wholeOption(p, "window", 1, problem.window))
            return fail(kName, "--window: expected a whole number ≥ 1", Usage);
        if (p.isSet("stride") && !wholeOption(p, "stride", 1, problem.stride))
            return fail(kName, "--stride: expected a whole number ≥ 1", Usage);
        if (!wholeOption(p, "padding", 0, problem.padding))
            return fail(kName, "--padding: expected a whole number ≥ 0", Usage);
    }
    QString problemText;
    if (!convOutputInput(p.value("input"), problem.input, problemText)) {
        problemText = matrixOption(p, "input", problem.input);
    }
    if (!problemText.isEmpty())
        return fail(kName, problemText, BadFile);
    if (p.isSet("grad-output")) {
        if (const QString error = matrixOption(p, "grad-output", problem.gradOutput);
            !error.isEmpty())
            return fail(kName, error, BadFile);
    }
    const auto computed = computePooling(problem);
    if (!computed)
        return fail(kName, QString::fromStdString(computed.error().message()), BadFile);
    const Pooling& pooling = computed.value();
    io::MathsExportExtras extras;
    if (p.isSet("answers")) {
        const auto sheet = io::loadMathsAnswers(p.value("answers"));
        if (!sheet)
            return fail(kName, QString::fromStdString(sheet.error().message()), BadFile);
        const auto answers = io::resolvePoolingAnswers(sheet.value(), pooling);
        if (!answers)
            return fail(kName, QString::fromStdString(answers.error().message()), BadFile);
        extras.marking = checkPoolingAnswers(pooling, answers.value(), sheet.value().tolerance);
        extras.markingSource = p.value("answers");
    }
    if (p.isSet("pdf")) {
        const auto written =
            io::exportPoolingSolution(pooling, io::SolutionFormat::Pdf, output.pdfPath, extras);
        if (!written)
            return fail(kName, QString::fromStdString(written.error().message()), BadFile);
    }
    if (!p.isSet("pdf") || p.isSet("format")) {
        // The plain text without answers as it always was (pool-output.md); the
        // other formats, and marked answers, as the window exports them.
        const bool plain = output.format == io::SolutionFormat::Text && !extras.marking;
        printOutBytes(plain ? poolingText(pooling) : io::poolingSolutionBytes(pooling, output.format, extras));
    }
    return extras.marking && !extras.marking->allCorrect() ? Negative : Ok;
}

} // namespace bpl::cli
