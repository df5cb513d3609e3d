#include "cli/check_exercise.h"

#include "cli/command.h"
#include "cli/output.h"
#include "io/exercise_answers.h"
#include "render/maths_document.h"

namespace bpl::cli {

namespace {

constexpr const char* kName = "check";

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

QString variantHeader(const QString& variant, const QString& student) {
    if (variant.isEmpty())
        return {};
    return "Variant " + variant + (student.isEmpty() ? QString() : " (" + student + ")");
}

int checkMathsExerciseFiles(const CheckExerciseRequest& r) {
    const auto exercise = io::loadMathsExercise(r.exercisePath);
    if (!exercise)
        return fail(kName, q(exercise.error().message()), BadFile);
    const auto sheet = io::loadMathsAnswers(r.answersPath);
    if (!sheet)
        return fail(kName, q(sheet.error().message()), BadFile);
    const auto instance = io::exerciseForAnswers(exercise.value(), sheet.value(), r.precision);
    if (!instance) {
        const Error& e = instance.error();
        const QString file = e.place == "variants" ? r.exercisePath : r.answersPath;
        return fail(kName, q(Error{file.toStdString(), e.place, e.reason}.message()), BadFile);
    }
    const auto report = io::checkMathsExercise(instance.value(), sheet.value(), r.tolerance);
    if (!report)
        return fail(kName, q(report.error().message()), BadFile);
    io::MathsExportExtras extras;
    extras.marking = report.value();
    extras.markingSource = r.answersPath;
    const auto solutionFormat = io::solutionFormatFromName(r.format);
    const auto format = solutionFormat.value_or(io::SolutionFormat::Text);
    const QString header = variantHeader(sheet.value().variant, sheet.value().student);
    const auto& graph = instance.value().graph;
    const auto& conv = instance.value().convolution;
    if (!r.pdfPath.isEmpty()) {
        const auto written =
            graph
                ? io::exportGradSolution(*graph, io::SolutionFormat::Pdf, r.pdfPath, extras)
                : io::exportConvolutionSolution(*conv, io::SolutionFormat::Pdf, r.pdfPath, extras);
        if (!written)
            return fail(kName, q(written.error().message()), BadFile);
    }
    // The variant goes in the text's header; JSON and HTML keep their spec, so it goes to stderr.
    if (!header.isEmpty() && format != io::SolutionFormat::Text)
        printErr("backprop-lab check: marking against " + header.left(1).toLower() + header.mid(1) +
                 "\n");
    if (r.pdfPath.isEmpty() || r.formatGiven) {
        if (!header.isEmpty() && format == io::SolutionFormat::Text)
            printOut(header + "\n\n");
        printOutBytes(graph ? io::gradSolutionBytes(*graph, format, extras)
                            : io::convolutionSolutionBytes(*conv, format, extras));
    }
    return report.value().allCorrect() ? Ok : Negative;
}

} // namespace bpl::cli
