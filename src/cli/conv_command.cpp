// backprop-lab conv --input X --filter W [--stride N] [--padding N]
//   [--mode cross-correlation|convolution] [--grad-output G]
//   [--format text|json|markdown|latex|html] [--precision N] [--pdf OUT.pdf] [--answers FILE]
// One convolution layer worked by hand (teaching-content.md §9): every output
// as its sum of products, then ∂E/∂W and ∂E/∂X for ∂E/∂F (all ones unless
// given), each element with its formula (conv-output.md). Matrices are
// written [[4, 3, 3], [5, 5, 5]] or read from a file holding that text.
#include "cli/command.h"
#include "cli/maths_cli.h"
#include "cli/output.h"
#include "core/maths/convolution.h"
#include "core/maths/maths_check.h"
#include "io/maths_answers.h"
#include "io/qt_text.h"
#include "io/safe_file.h"
#include "render/maths_document.h"

#include <QCommandLineParser>

namespace bpl::cli {

namespace {

constexpr const char* kName = "conv";

} // namespace

// The largest matrix file read (a matrix within the limits is far smaller).
constexpr qint64 kMaxMatrixFileBytes = qint64(1) << 20;

QString matrixOption(const QCommandLineParser& p, const QString& name, Eigen::MatrixXd& out) {
    const QString value = p.value(name).trimmed();
    QByteArray text = value.toUtf8();
    QString where = "--" + name;
    if (!value.startsWith('[')) {
        // A matrix file: regular files only, at most kMaxMatrixFileBytes
        // (io/safe_file.h), so a device or pipe is refused at once.
        const auto bytes = io::readRegularFile(value, kMaxMatrixFileBytes, "matrix file");
        if (!bytes) {
            return where + ": expected a matrix such as [[1, 2], [3, 4]] or a file holding one; " +
                   q(bytes.error().message());
        }
        text = bytes.value();
        where = value;
    }
    std::string error;
    if (!parseMatrixText(text.toStdString(), out, error))
        return where + ": " + QString::fromStdString(error);
    return {};
}

bool wholeOption(const QCommandLineParser& p, const QString& name, int low, int& out) {
    bool ok = false;
    out = p.value(name).toInt(&ok);
    return ok && out >= low;
}

int runConv(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        "Work one 2-D convolution by hand: the forward sums of products and the "
        "backward pass ∂E/∂W, ∂E/∂X.");
    p.addOptions({
        {{"x", "input"}, "The input X: [[..], [..]] or a file holding it.", "X"},
        {{"w", "filter"}, "The filter W: [[..], [..]] or a file holding it.", "W"},
        {"stride", "Stride (≥ 1, default 1).", "N", "1"},
        {"padding", "Rings of zeros around X (default 0).", "N", "0"},
        {"mode",
         "cross-correlation (default; what deep-learning libraries call convolution) or "
         "convolution "
         "(the kernel flipped).",
         "mode", "cross-correlation"},
        {"grad-output", "∂E/∂F, the size of F (default all ones).", "G"},
        {"format", "Output: text (default), json, markdown, latex or html.", "format", "text"},
        {"precision", "Significant figures in formulas (1–17, default 4).", "N", "4"},
        {"pdf",
         "Also write the worked solution as a PDF. Nothing is printed unless --format is given "
         "too.",
         "OUT.pdf"},
        {"answers",
         "Check hand-worked values (maths-answers.md); exit 1 when any is wrong or carried.",
         "FILE"},
    });
    if (const auto done = parseArguments(p, args, kName)) return *done;
    if (!p.positionalArguments().isEmpty())
        return fail(kName,
                    "unexpected argument " + quoteForMessage(p.positionalArguments().first()),
                    Usage);
    if (!p.isSet("input") || !p.isSet("filter"))
        return fail(kName, "give the input with --input and the filter with --filter", Usage);
    MathsOutput output;
    if (const QString problem = mathsOutputOptions(p, output, 4); !problem.isEmpty())
        return fail(kName, problem, Usage);
    ConvolutionProblem problem;
    problem.precision = output.precision;
    if (!wholeOption(p, "stride", 1, problem.stride))
        return fail(kName, "--stride: expected a whole number ≥ 1", Usage);
    if (!wholeOption(p, "padding", 0, problem.padding))
        return fail(kName, "--padding: expected a whole number ≥ 0", Usage);
    if (!convolutionModeFromKey(p.value("mode").toStdString(), problem.mode)) {
        return fail(kName, "--mode: expected cross-correlation or convolution", Usage);
    }
    for (const auto& [name, matrix] :
         {std::pair<QString, Eigen::MatrixXd*>{"input", &problem.input},
          {"filter", &problem.filter},
          {"grad-output", &problem.gradOutput}}) {
        if (!p.isSet(name))
            continue;
        if (const QString error = matrixOption(p, name, *matrix); !error.isEmpty())
            return fail(kName, error, BadFile);
    }
    const auto computed = computeConvolution(problem);
    if (!computed)
        return fail(kName, QString::fromStdString(computed.error().message()), BadFile);
    const Convolution& conv = computed.value();

    io::MathsExportExtras extras;
    if (p.isSet("answers")) {
        const auto sheet = io::loadMathsAnswers(p.value("answers"));
        if (!sheet)
            return fail(kName, QString::fromStdString(sheet.error().message()), BadFile);
        const auto answers = io::resolveConvolutionAnswers(sheet.value(), conv);
        if (!answers)
            return fail(kName, QString::fromStdString(answers.error().message()), BadFile);
        extras.marking = checkConvolutionAnswers(conv, answers.value(), sheet.value().tolerance);
        extras.markingSource = p.value("answers");
    }
    if (p.isSet("pdf")) {
        const auto written =
            io::exportConvolutionSolution(conv, io::SolutionFormat::Pdf, output.pdfPath, extras);
        if (!written)
            return fail(kName, QString::fromStdString(written.error().message()), BadFile);
    }
    if (!p.isSet("pdf") || p.isSet("format"))
        printOutBytes(io::convolutionSolutionBytes(conv, output.format, extras));
    return extras.marking && !extras.marking->allCorrect() ? Negative : Ok;
}

QString mathsOutputOptions(const QCommandLineParser& p, MathsOutput& out, int defaultPrecision) {
    const QString format = p.value("format");
    const auto parsed = io::solutionFormatFromName(format);
    if (!parsed || *parsed == io::SolutionFormat::Pdf) {
        return "--format: expected text, json, markdown, latex or html, found " +
               quoteForMessage(format);
    }
    out.format = *parsed;
    bool ok = false;
    out.precision = p.isSet("precision") ? p.value("precision").toInt(&ok) : defaultPrecision;
    if (p.isSet("precision") && (!ok || out.precision < 1 || out.precision > 17)) {
        return "--precision: expected a whole number from 1 to 17";
    }
    out.pdfPath = p.value("pdf");
    if (p.isSet("pdf") && out.pdfPath.isEmpty())
        return "--pdf: expected an output file name";
    return {};
}

} // namespace bpl::cli
