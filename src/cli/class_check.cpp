#include "cli/class_check.h"

#include "io/qt_text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/answer_check.h"
#include "core/check/class_scores.h"
#include "core/common/number_text.h"
#include "core/exercise/network_variant.h"
#include "io/answers_file.h"
#include "io/class_scores_csv.h"
#include "io/exercise_answers.h"
#include "io/maths_answers.h"
#include "io/network_file.h"
#include "io/safe_file.h"
#include "render/exercise_sheet.h"

#include <QDir>
#include <QFileInfo>

#include <functional>
#include <memory>

namespace bpl::cli {

namespace {

constexpr const char* kName = "check";

// The questions of the exercise's sheets (the same for every variant).
std::vector<io::SheetQuestion> sheetQuestions(const io::NetworkDocument& document,
                                              const TraceOptions& options) {
    const exercise::NetworkTemplate t = io::networkTemplateOf(document);
    const Trace trace = traceNetwork(document.network, options);
    return io::networkExerciseSheet(trace, exercise::askedQuantityRefs(document.network, t),
                                    t.answerDecimals, {}, {}, {})
        .questions;
}

// One answers file marked, or the reason it could not be.
Result<ScriptScore> markScript(const QString& path, const io::NetworkDocument& document,
                               const std::vector<io::SheetQuestion>& questions,
                               const ClassCheckRequest& r) {
    const auto sheet = io::loadAnswers(path);
    if (!sheet)
        return sheet.error();
    const std::string file = path.toStdString();
    if (sheet.value().variant.isEmpty()) {
        return Error{
            file, "variant",
            "names no variant code (the \"variant\" key of an answers file from `sheets`)"};
    }
    const auto variant = io::exerciseForAnswers(document, sheet.value());
    if (!variant) {
        Error e = variant.error();
        e.file = file;
        return e;
    }
    if (const auto problem = io::answerProblem(sheet.value().answers, variant.value())) {
        Error e = *problem;
        e.file = file;
        return e;
    }
    const Trace trace = traceNetwork(variant.value(), r.options);
    const CheckReport report =
        checkAnswers(trace, sheet.value().answers, r.tolerance.value_or(sheet.value().tolerance));
    ScriptScore score;
    score.student = sheet.value().student.toStdString();
    score.variant = sheet.value().variant.toStdString();
    score.file = QFileInfo(path).fileName().toStdString();
    for (const io::SheetQuestion& question : questions) {
        const AnswerResult* result = report.find(question.ref);
        if (result == nullptr) {
            score.marks.push_back(QuestionMark::Missing);
        } else if (result->status == AnswerStatus::Correct) {
            score.marks.push_back(QuestionMark::Correct);
        } else {
            score.marks.push_back(result->status == AnswerStatus::Carried ? QuestionMark::Carried
                                                                          : QuestionMark::Wrong);
        }
    }
    return score;
}

// The questions of a maths exercise's sheets (the same for every variant).
Result<std::vector<io::SheetQuestion>> mathsQuestions(const io::MathsExercise& ex) {
    const auto instance = io::mathsExerciseInstance(ex, std::nullopt);
    if (!instance)
        return instance.error();
    if (instance.value().graph) {
        return io::chainExerciseSheet(*instance.value().graph, ex.chainTemplate.answerDecimals, {},
                                      {}, {})
            .questions;
    }
    return io::convolutionExerciseSheet(*instance.value().convolution,
                                        ex.convTemplate.answerDecimals, {}, {}, {})
        .questions;
}

Result<ScriptScore> markMathsScript(const QString& path, const io::MathsExercise& ex,
                                    const std::vector<io::SheetQuestion>& questions,
                                    const ClassCheckRequest& r) {
    const auto sheet = io::loadMathsAnswers(path);
    if (!sheet)
        return sheet.error();
    const std::string file = path.toStdString();
    if (sheet.value().variant.isEmpty()) {
        return Error{
            file, "variant",
            "names no variant code (the \"variant\" key of an answers file from `sheets`)"};
    }
    const auto instance = io::exerciseForAnswers(ex, sheet.value());
    if (!instance)
        return Error{file, instance.error().place, instance.error().reason};
    const auto report = io::checkMathsExercise(instance.value(), sheet.value(), r.tolerance);
    if (!report)
        return Error{file, report.error().place, report.error().reason};
    ScriptScore score;
    score.student = sheet.value().student.toStdString();
    score.variant = sheet.value().variant.toStdString();
    score.file = QFileInfo(path).fileName().toStdString();
    for (const io::SheetQuestion& question : questions) {
        const MathsAnswerResult* result = report.value().find(question.mathsRef);
        if (result == nullptr) {
            score.marks.push_back(QuestionMark::Missing);
        } else if (result->status == AnswerStatus::Correct) {
            score.marks.push_back(QuestionMark::Correct);
        } else {
            score.marks.push_back(result->status == AnswerStatus::Carried ? QuestionMark::Carried
                                                                          : QuestionMark::Wrong);
        }
    }
    return score;
}

// The exercise's questions and how one answers file is marked against it
// (the exercise is kept alive by the function).
struct ExerciseMarker {
    std::vector<io::SheetQuestion> questions;
    std::function<Result<ScriptScore>(const QString&)> mark;
};

Result<ExerciseMarker> exerciseMarker(const ClassCheckRequest& r) {
    ExerciseMarker m;
    if (io::isMathsExerciseFile(r.exercise)) {
        auto loaded = io::loadMathsExercise(r.exercise);
        if (!loaded)
            return loaded.error();
        auto maths = std::make_shared<const io::MathsExercise>(std::move(loaded).value());
        auto asked = mathsQuestions(*maths);
        if (!asked)
            return Error{r.exercise.toStdString(), asked.error().place, asked.error().reason};
        m.questions = std::move(asked).value();
        m.mark = [maths, questions = m.questions, r](const QString& path) {
            return markMathsScript(path, *maths, questions, r);
        };
        return m;
    }
    auto loaded = io::loadNetwork(r.exercise);
    if (!loaded)
        return loaded.error();
    auto document = std::make_shared<const io::NetworkDocument>(std::move(loaded).value());
    if (const auto problems = structuralProblems(document->network); !problems.empty()) {
        return Error{r.exercise.toStdString(), "", problems.front()};
    }
    m.questions = sheetQuestions(*document, r.options);
    m.mark = [document, questions = m.questions, r](const QString& path) {
        return markScript(path, *document, questions, r);
    };
    return m;
}

// What stdout says when the CSV went to a file: the class's mean and the most-missed steps.
QString classSummary(const ClassScores& scores, int skipped) {
    double total = 0;
    for (const ScriptScore& s : scores.scripts)
        total += s.score();
    const int n = static_cast<int>(scores.scripts.size());
    QString out = QString("Marked %1 answers %2").arg(n).arg(n == 1 ? "file" : "files");
    if (skipped > 0)
        out += QString(" (%1 skipped, see above)").arg(skipped);
    out += QString(": mean score %1%.\n").arg(q(numberText(100 * total / std::max(n, 1), 3)));
    const std::vector<int> order = scores.mostMissedFirst();
    int shown = 0;
    for (int k : order) {
        const QuestionTally& t = scores.tallies[k];
        if (t.wrong == 0 || shown == 5)
            break;
        if (shown++ == 0)
            out += "Most missed:\n";
        out += QString("  %1. %2 (%3): wrong in %4 of %5\n")
                   .arg(k + 1)
                   .arg(q(scores.questions[k].symbol), q(scores.questions[k].group))
                   .arg(t.wrong)
                   .arg(t.scripts());
    }
    return out;
}

} // namespace

int runClassCheck(const ClassCheckRequest& r) {
    const QFileInfo folder(r.folder);
    if (!folder.exists())
        return fail(kName, r.folder + ": no such folder", BadFile);
    if (!folder.isDir())
        return fail(kName, r.folder + ": is not a folder", BadFile);
    const QDir dir(r.folder);
    if (!folder.isReadable())
        return fail(kName, r.folder + ": cannot read the folder", BadFile);
    const QStringList files =
        dir.entryList({"*.json"}, QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
    if (files.isEmpty())
        return fail(kName, r.folder + ": no answers files (*.json)", BadFile);

    const auto marker = exerciseMarker(r);
    if (!marker)
        return fail(kName, q(marker.error().message()), BadFile);
    const std::vector<io::SheetQuestion>& questions = marker.value().questions;
    const auto& mark = marker.value().mark;
    ClassScores scores;
    for (const io::SheetQuestion& x : questions) {
        scores.questions.push_back(
            {x.id.toStdString(), x.symbolText.toStdString(), x.group.toStdString()});
    }
    int skipped = 0;
    for (const QString& name : files) {
        auto script = mark(dir.filePath(name));
        if (!script) {
            printErr(
                QString("backprop-lab %1: skipped %2\n").arg(kName, q(script.error().message())));
            ++skipped;
            continue;
        }
        scores.add(std::move(script).value());
    }
    if (scores.scripts.empty())
        return fail(kName, r.folder + ": no answers file could be marked", BadFile);
    if (!r.byQuestionPath.isEmpty()) {
        if (auto w = io::writeFileAtomically(r.byQuestionPath, io::classQuestionsCsv(scores)); !w) {
            return fail(kName, q(w.error().message()), BadFile);
        }
    }
    if (r.outPath.isEmpty()) {
        printOutBytes(io::classScoresCsv(scores));
    } else {
        if (auto w = io::writeFileAtomically(r.outPath, io::classScoresCsv(scores)); !w) {
            return fail(kName, q(w.error().message()), BadFile);
        }
        printOut(classSummary(scores, skipped));
    }
    return skipped == 0 ? Ok : Negative;
}

} // namespace bpl::cli
