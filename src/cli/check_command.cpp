// backprop-lab check NETWORK.json ANSWERS.json [--format text|json|html] [--pdf OUT.pdf]
//   [--sig-figs N | --absolute x --relative x] [--notation ID] [--precision N]
// Compares hand-worked values with the exact trace (answers-format.md): each
// answer correct, wrong or carried, with an explanation. Exit 0 when all are
// correct, 1 when any is wrong or carried, 2 bad usage, 3 a bad file.
#include "cli/check_exercise.h"
#include "cli/class_check.h"
#include "cli/command.h"
#include "io/qt_text.h"
#include "cli/output.h"
#include "core/answer_check.h"
#include "core/number_format.h"
#include "core/trace.h"
#include "core/trace_overflow.h"
#include "io/answers_file.h"
#include "io/exercise_answers.h"
#include "io/exercise_file.h"
#include "io/json_writer.h"
#include "io/network_file.h"
#include "render/solution_document.h"
#include "render/solution_export.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <map>

namespace bpl::cli {

namespace {

constexpr const char* kName = "check";

// Words of `text` on lines of at most `width` characters: the first line starts
// with `indent`, the ones it wraps onto with `hanging`.
QString wrap(const QString& text, int width, const QString& indent, const QString& hanging) {
    QString out;
    QString line;
    for (const QString& word : text.split(' ', Qt::SkipEmptyParts)) {
        const QString& lead = out.isEmpty() ? indent : hanging;
        if (!line.isEmpty() && lead.size() + line.size() + 1 + word.size() > width) {
            out += lead + line + "\n";
            line.clear();
        }
        line += (line.isEmpty() ? "" : " ") + word;
    }
    if (!line.isEmpty()) out += (out.isEmpty() ? indent : hanging) + line + "\n";
    return out;
}

QString statusWord(AnswerStatus s) {
    switch (s) {
    case AnswerStatus::Correct: return "correct";
    case AnswerStatus::Wrong: return "WRONG";
    case AnswerStatus::Carried: return "carried";
    }
    return "";
}

QString reportText(const Trace& trace, const CheckReport& report, const QString& answersName) {
    QString out;
    const QString title = trace.network.name.empty() ? QString("the network") : q(trace.network.name);
    out += "Checking " + answersName + " against " + title + "\n";
    out += wrap(q(report.tolerance.describe()), 92, "", "");
    out += "Numbering: " + q(trace.options.notation.title) + ".\n";
    // Which step each scalar belongs to, for the headings.
    std::map<QuantityRef, int> stepOf;
    for (int s = 0; s < static_cast<int>(trace.steps.size()); ++s) {
        for (const ScalarFormula& f : trace.steps[s].scalars) stepOf.emplace(f.ref, s);
    }
    int shownStep = -2;
    for (const AnswerResult* r : resultsInStepOrder(trace, report)) {
        const auto it = stepOf.find(r->canonical);
        const int step = it == stepOf.end() ? -1 : it->second;
        if (step != shownStep) {
            out += "\n" + (step < 0 ? QString("Input") : q(trace.steps[step].title.text)) + "\n";
            shownStep = step;
        }
        QString line = "  " + q(r->symbol.text).leftJustified(14) + " " + q(shortestText(r->answer.value)).leftJustified(12) +
                       " " + statusWord(r->status).leftJustified(8);
        if (r->status == AnswerStatus::Correct) {
            out += line + "  " + q(report.tolerance.explain(r->answer.value, r->expected)) + "\n";
            continue;
        }
        out += line + "  exact " + q(formatNumber(r->expected, 6)) + "\n";
        for (const QString& part : q(r->explanation).split('\n')) {
            // Wrapped lines of a formula or sentence are indented a little further.
            out += wrap(part, 92, "      ", "        ");
        }
    }
    out += "\n" + q(report.summary()) + ".\n";
    return out;
}

QJsonValue number(double x) { return std::isfinite(x) ? QJsonValue(x) : QJsonValue(QJsonValue::Null); }

QJsonObject reportJson(const Trace& trace, const CheckReport& report) {
    QJsonObject root;
    QJsonArray results;
    for (const AnswerResult& r : report.results) {
        QJsonObject o = io::answerRefToJson(r.answer.ref);
        o["given"] = r.answer.value;
        o["expected"] = number(r.expected);
        o["status"] = q(answerStatusKey(r.status));
        o["explanation"] = q(r.explanation);
        o["symbol"] = q(r.symbol.text);
        if (r.recomputed) o["recomputed"] = number(*r.recomputed);
        if (!r.exactWorking.text.empty()) o["working"] = q(r.exactWorking.text);
        if (!r.givenWorking.text.empty()) o["working_with_your_values"] = q(r.givenWorking.text);
        auto refs = [](const std::vector<QuantityRef>& list) {
            QJsonArray a;
            for (const QuantityRef& ref : list) a.append(io::answerRefToJson(ref));
            return a;
        };
        if (!r.carriedFrom.empty()) o["carried_from"] = refs(r.carriedFrom);
        if (!r.origins.empty()) o["origins"] = refs(r.origins);
        if (!r.hints.empty()) {
            QJsonArray hints;
            for (const auto& h : r.hints) hints.append(q(h));
            o["hints"] = hints;
        }
        if (r.roundingDrift) o["rounding_drift"] = true;
        results.append(o);
    }
    root["results"] = results;
    root["correct"] = report.correct;
    root["wrong"] = report.wrong;
    root["carried"] = report.carried;
    root["summary"] = q(report.summary());
    root["tolerance"] = io::toleranceToJson(report.tolerance);
    root["tolerance_rule"] = q(report.tolerance.describe());
    root["notation"] = q(trace.options.notation.id);
    return root;
}

// The tolerance from the options, or nullopt to keep the file's.
bool toleranceOption(const QCommandLineParser& p, std::optional<Tolerance>& out, QString& error) {
    const bool figures = p.isSet("sig-figs");
    const bool margin = p.isSet("absolute") || p.isSet("relative");
    if (figures && margin) {
        error = "give either --sig-figs or --absolute/--relative, not both";
        return false;
    }
    bool ok = false;
    if (figures) {
        const int n = p.value("sig-figs").toInt(&ok);
        if (!ok || n < 1 || n > 15) {
            error = "--sig-figs: expected a whole number from 1 to 15";
            return false;
        }
        out = Tolerance::sigFigs(n);
    }
    if (margin) {
        double values[2] = {0, 0};
        const char* names[2] = {"absolute", "relative"};
        for (int k = 0; k < 2; ++k) {
            if (!p.isSet(names[k])) continue;
            values[k] = p.value(names[k]).toDouble(&ok);
            if (!ok || !std::isfinite(values[k]) || values[k] < 0) {
                error = QString("--%1: expected a finite number ≥ 0").arg(names[k]);
                return false;
            }
        }
        out = Tolerance::margin(values[0], values[1]);
    }
    return true;
}

} // namespace

int runCheck(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("Check hand-worked values against the exact forward and backward pass: each "
                                "answer is correct, wrong, or carried (wrong only because an earlier answer "
                                "was). Exit status 0 when all are correct, 1 otherwise.");
    p.addPositionalArgument("NETWORK", "network file (backprop-lab.network/1), or a maths exercise file "
                                       "(backprop-lab.exercise/1) to check maths answers");
    p.addPositionalArgument("ANSWERS", "answer file (backprop-lab.answers/1 or maths-answers/1); with a "
                                       "\"variant\" key, marked against that variant of the exercise");
    p.addOptions({
        {"format", "Output: text (default), json, or html (the worked solution with the answers marked).",
         "format", "text"},
        {"pdf", "Also write the worked solution with the answers marked as a PDF. Nothing is printed "
                "unless --format is given too.", "OUT.pdf"},
        {"sig-figs", "Compare to N significant figures (overrides the file's tolerance).", "N"},
        {"absolute", "Accept |answer − exact| ≤ x (with --relative: x + r·|exact|).", "x"},
        {"relative", "Accept |answer − exact| ≤ r·|exact|.", "r"},
        {"notation", "Symbols in explanations: standard (default), bishop, course or ng.", "id", "standard"},
        {"precision", "Significant figures of numbers in worked steps (1–17, default 6).", "N", "6"},
        {"class", "Mark every *.json answers file in DIR, each against the variant it names, and write "
                  "the class's scores as CSV (class-scores.md); the one positional argument is then "
                  "the exercise.", "DIR"},
        {"out", "With --class: write the scores CSV to FILE (and a summary on stdout) instead of stdout.",
         "FILE"},
        {"by-question", "With --class: also write one row per question, most missed first, to FILE.", "FILE"},
    });
    if (const auto done = parseArguments(p, args, kName)) return *done;
    const QStringList files = p.positionalArguments();
    const bool classMode = p.isSet("class");
    if (!classMode && (p.isSet("out") || p.isSet("by-question"))) {
        return fail(kName, "--out and --by-question go with --class DIR", Usage);
    }
    if (classMode && (p.isSet("format") || p.isSet("pdf"))) {
        return fail(kName, "--class writes CSV; --format and --pdf check one answers file", Usage);
    }
    if (classMode && files.size() != 1) {
        return fail(kName, "--class DIR: expected the exercise file (see --help)", Usage);
    }
    if (!classMode && files.size() != 2) {
        return fail(kName, "expected a network file and an answer file (see --help)", Usage);
    }
    const QString format = p.value("format");
    if (format != "text" && format != "json" && format != "html") {
        return fail(kName,
                    "--format: expected text, json or html, found " + quoteForMessage(format),
                    Usage);
    }
    if (p.isSet("pdf") && p.value("pdf").isEmpty()) return fail(kName, "--pdf: expected an output file name", Usage);
    bool ok = false;
    TraceOptions options;
    options.precision = p.value("precision").toInt(&ok);
    if (!ok || options.precision < 1 || options.precision > 17) {
        return fail(kName, "--precision: expected a whole number from 1 to 17", Usage);
    }
    if (!Notation::fromId(p.value("notation").toStdString(), options.notation)) {
        return fail(kName, "--notation: expected standard, bishop, course or ng", Usage);
    }
    std::optional<Tolerance> tolerance;
    QString error;
    if (!toleranceOption(p, tolerance, error)) return fail(kName, error, Usage);
    if (classMode) {
        return runClassCheck({p.value("class"), files[0], p.value("out"), p.value("by-question"), options, tolerance});
    }

    if (io::isMathsExerciseFile(files[0])) {
        return checkMathsExerciseFiles({files[0], files[1], format, p.value("pdf"), p.isSet("format"), tolerance,
                                        p.isSet("precision") ? options.precision : 4});
    }
    const auto network = io::loadNetwork(files[0]);
    if (!network) return fail(kName, q(network.error().message()), BadFile);
    if (const auto problems = structuralProblems(network.value().network); !problems.empty()) {
        return fail(kName, files[0] + ": " + q(problems.front()), BadFile);
    }
    const auto sheet = io::loadAnswers(files[1], &network.value().network);
    if (!sheet) return fail(kName, q(sheet.error().message()), BadFile);
    // The answers' "variant" names which variant of the exercise they are for.
    const auto variant = io::exerciseForAnswers(network.value(), sheet.value());
    if (!variant) {
        const Error& e = variant.error();
        const QString file = e.place == "variants" ? files[0] : files[1];
        return fail(kName, q(Error{file.toStdString(), e.place, e.reason}.message()), BadFile);
    }
    const Network& net = variant.value();
    const QString header = variantHeader(sheet.value().variant, sheet.value().student);
    if (!header.isEmpty() && format != "text")
        printErr("backprop-lab check: marking against " + header.left(1).toLower() + header.mid(1) + "\n");
    if (!io::answersMatchNetwork(sheet.value(), net, files[0])) {
        printErr(QString("backprop-lab check: warning: %1 is for the network “%2”, not %3 (“%4”)\n")
                     .arg(files[1], sheet.value().network, files[0], io::answersNetworkName(net, files[0])));
    }

    // An answer for ∂E/∂x brings its step (formula, carried errors, the marked solution).
    const auto& answers = sheet.value().answers;
    options.inputGradient = std::any_of(answers.begin(), answers.end(), [](const Answer& a) {
        return a.ref.quantity == Quantity::GradInput;
    });
    const Trace trace = traceNetwork(net, options);
    if (const auto overflow = traceOverflow(trace)) {
        return fail(kName, files[0] + ": " + q(*overflow), BadFile);
    }
    const CheckReport report = checkAnswers(trace, sheet.value().answers, tolerance.value_or(sheet.value().tolerance));
    const int status = report.allCorrect() ? Ok : Negative;
    io::ExportExtras marked;
    marked.marking = report;
    marked.markingSource = QFileInfo(files[1]).fileName();
    if (p.isSet("pdf")) {
        const auto written = io::exportSolution(trace, io::SolutionFormat::Pdf, p.value("pdf"), marked);
        if (!written) return fail(kName, q(written.error().message()), BadFile);
        if (!p.isSet("format")) return status;
    }
    if (format == "html") {
        printOut(io::traceToHtml(trace, marked));
    } else if (format == "json") {
        QJsonObject json = reportJson(trace, report);
        if (!sheet.value().variant.isEmpty()) json["variant"] = sheet.value().variant;
        if (!sheet.value().student.isEmpty()) json["student"] = sheet.value().student;
        printOutBytes(io::writeJson(json,
                                    {"results", "quantity", "layer", "index", "given", "expected", "status",
                                     "explanation", "correct", "wrong", "carried"}));
    } else {
        printOut((header.isEmpty() ? QString() : header + "\n") + reportText(trace, report, QFileInfo(files[1]).fileName()));
    }
    return status;
}

} // namespace bpl::cli
