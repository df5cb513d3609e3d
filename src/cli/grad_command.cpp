// backprop-lab grad "EXPR" --at x=1,y=0 [--format text|json|markdown|latex|html]
//   [--precision N] [--pdf OUT.pdf] [--answers FILE]
// The chain rule on a typed expression (teaching-content.md §8): the graph,
// the forward values, the backward pass node by node and a central-difference
// check (grad-output.md). A bad expression exits 3 with "col N: reason"; a
// missing variable or a non-finite node exits 3 naming the node; with
// --answers, exit 1 when any answer is wrong or carried.
#include "cli/command.h"
#include "cli/maths_cli.h"
#include "cli/output.h"
#include "core/maths/expression_graph.h"
#include "core/maths/maths_check.h"
#include "io/maths_answers.h"
#include "render/maths_document.h"

#include <QCommandLineParser>

namespace bpl::cli {

namespace {

constexpr const char* kName = "grad";

} // namespace

int runGrad(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        "Differentiate a scalar expression by the chain rule, node by node, and check the "
        "gradient by central differences.");
    p.addPositionalArgument("EXPR",
                            "the expression, e.g. \"(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))\"");
    p.addOptions({
        {"at", "Values of the variables: x=1,y=0.", "x=v,…"},
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
    if (p.positionalArguments().size() != 1)
        return fail(kName, "expected one expression (see --help)", Usage);
    MathsOutput output;
    if (const QString problem = mathsOutputOptions(p, output, 4); !problem.isEmpty())
        return fail(kName, problem, Usage);

    const ParseResult parsed = parseExpression(p.positionalArguments().first().toStdString());
    if (!parsed.ok())
        return fail(kName, QString::fromStdString(parsed.error.describe()), BadFile);
    std::vector<VariableValue> at;
    std::string atError;
    if (!parseVariableValues(p.value("at").toStdString(), at, atError)) {
        return fail(kName, "--at: " + QString::fromStdString(atError), Usage);
    }
    GraphOptions options;
    options.precision = output.precision;
    const GraphResult built = buildExpressionGraph(*parsed.expression, at, options);
    if (!built.ok())
        return fail(kName, QString::fromStdString(built.error.message), BadFile);
    const ExpressionGraph& graph = *built.graph;

    io::MathsExportExtras extras;
    if (p.isSet("answers")) {
        const auto sheet = io::loadMathsAnswers(p.value("answers"));
        if (!sheet)
            return fail(kName, QString::fromStdString(sheet.error().message()), BadFile);
        const auto answers = io::resolveGraphAnswers(sheet.value(), graph);
        if (!answers)
            return fail(kName, QString::fromStdString(answers.error().message()), BadFile);
        extras.marking = checkGraphAnswers(graph, answers.value(), sheet.value().tolerance);
        extras.markingSource = p.value("answers");
    }
    if (p.isSet("pdf")) {
        const auto written =
            io::exportGradSolution(graph, io::SolutionFormat::Pdf, output.pdfPath, extras);
        if (!written)
            return fail(kName, QString::fromStdString(written.error().message()), BadFile);
    }
    if (!p.isSet("pdf") || p.isSet("format"))
        printOutBytes(io::gradSolutionBytes(graph, output.format, extras));
    return extras.marking && !extras.marking->allCorrect() ? Negative : Ok;
}

} // namespace bpl::cli
