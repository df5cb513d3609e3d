#include "render/class_sheets.h"

#include "core/exercise/network_variant.h"
#include "core/exercise/variant_code.h"
#include "io/answers_file.h"
#include "io/class_folder.h"
#include "io/class_roster.h"
#include "io/class_scores_csv.h"
#include "io/exercise_answers.h"
#include "io/json_writer.h"
#include "io/maths_answers.h"
#include "io/qt_text.h"
#include "io/safe_file.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <map>

namespace bpl::io {

namespace {

// The class's variant networks, in roster order, with their codes.
struct ClassVariants {
    std::vector<Network> networks;
    QStringList codes;
};

std::optional<Error> classSizeProblem(const ClassSheetsRequest& r) {
    if (r.students.isEmpty())
        return Error{"", "students", "no students: give at least one name"};
    if (r.students.size() > kMaxClassSize) {
        return Error{"", "students",
                     "a class may have at most " + std::to_string(kMaxClassSize) +
                         " students, found " + std::to_string(r.students.size())};
    }
    return std::nullopt;
}

Result<ClassVariants> classVariants(const ClassSheetsRequest& r) {
    if (const auto problems = structuralProblems(r.exercise); !problems.empty())
        return Error{"", "", problems.front()};
    if (const auto problems = exercise::templateProblems(r.exercise, r.variants);
        !problems.empty()) {
        return Error{"", "variants", problems.front()};
    }
    std::map<std::uint32_t, Network> made;
    const auto admits = [&](std::uint32_t number) {
        auto variant = exercise::networkVariant(r.exercise, r.variants, number);
        if (!variant)
            return false;
        made.emplace(number, std::move(variant).value());
        return true;
    };
    const std::vector<std::uint32_t> numbers =
        exercise::classVariantNumbers(r.seed, int(r.students.size()), admits);
    if (numbers.size() < static_cast<size_t>(r.students.size())) {
        return Error{"", "variants", exercise::kNoVariantReason};
    }
    ClassVariants out;
    for (std::uint32_t number : numbers) {
        auto it = made.find(number);
        if (it == made.end()) { // admitted without being drawn through `admits`
            auto variant = exercise::networkVariant(r.exercise, r.variants, number);
            if (!variant)
                return Error{"", "variants", variant.error().reason};
            it = made.emplace(number, std::move(variant).value()).first;
        }
        out.networks.push_back(it->second);
        out.codes << q(
            exercise::formatVariantCode(exercise::networkVariantCode(r.exercise, number)));
    }
    return out;
}

// Every student's sheet of a chain-rule or convolution exercise.
Result<std::vector<ExerciseSheet>> mathsClassSheets(const ClassSheetsRequest& r,
                                                    const QString& title) {
    const MathsExercise& ex = *r.maths;
    std::map<std::uint32_t, MathsExerciseInstance> made;
    const auto admits = [&](std::uint32_t number) {
        auto instance = mathsExerciseInstance(ex, number);
        if (!instance)
            return false;
        made.emplace(number, std::move(instance).value());
        return true;
    };
    const std::vector<std::uint32_t> numbers =
        exercise::classVariantNumbers(r.seed, int(r.students.size()), admits);
    if (numbers.size() < static_cast<size_t>(r.students.size())) {
        return Error{"", "variants", exercise::kNoVariantReason};
    }
    const int decimals = ex.kind == MathsExerciseKind::Chain ? ex.chainTemplate.answerDecimals
                                                             : ex.convTemplate.answerDecimals;
    std::vector<ExerciseSheet> sheets;
    for (int k = 0; k < r.students.size(); ++k) {
        auto it = made.find(numbers[k]);
        if (it == made.end()) {
            auto instance = mathsExerciseInstance(ex, numbers[k]);
            if (!instance)
                return Error{"", instance.error().place, instance.error().reason};
            it = made.emplace(numbers[k], std::move(instance).value()).first;
        }
        const QString code = q(exercise::formatVariantCode({mathsExerciseShape(ex), numbers[k]}));
        const MathsExerciseInstance& instance = it->second;
        sheets.push_back(instance.graph ? chainExerciseSheet(*instance.graph, decimals, title,
                                                             r.students[k], code)
                                        : convolutionExerciseSheet(*instance.convolution, decimals,
                                                                   title, r.students[k], code));
    }
    return sheets;
}

QByteArray answersBytes(const ClassSheetsRequest& r, const ExerciseSheet& s, bool withKey) {
    QJsonObject root;
    root["format"] = r.maths ? kMathsAnswersFormat : kAnswersFormat;
    if (!r.exerciseFile.isEmpty() && !r.maths)
        root["network"] = r.exerciseFile;
    writeSheetKeys(root, s.code, s.student);
    QJsonArray answers;
    if (withKey) {
        for (const SheetQuestion& x : s.questions) {
            QJsonObject a = x.answerRef;
            a["value"] = keyValue(x.exact, s.answerDecimals);
            answers.append(a);
        }
    }
    root["answers"] = answers;
    return writeJson(root, {"format", "network", "variant", "student", "tolerance", "answers",
                            "quantity", "node", "layer", "index", "value"});
}

} // namespace

QString classSheetTitle(const ClassSheetsRequest& r) {
    if (!r.title.trimmed().isEmpty())
        return r.title.trimmed();
    if (r.maths)
        return r.maths->name.isEmpty() ? QString("Exercise") : r.maths->name;
    if (!r.exercise.name.empty())
        return q(r.exercise.name);
    return "Exercise";
}

Result<std::vector<ExerciseSheet>> classSheets(const ClassSheetsRequest& r) {
    if (auto problem = classSizeProblem(r))
        return *problem;
    const QString title = classSheetTitle(r);
    if (r.maths)
        return mathsClassSheets(r, title);
    auto variants = classVariants(r);
    if (!variants)
        return variants.error();
    std::vector<ExerciseSheet> sheets;
    for (int k = 0; k < r.students.size(); ++k) {
        const Trace trace = traceNetwork(variants.value().networks[k], r.options);
        sheets.push_back(networkExerciseSheet(
            trace, exercise::askedQuantityRefs(trace.network, r.variants),
            r.variants.answerDecimals, title, r.students[k], variants.value().codes[k]));
    }
    return sheets;
}

Result<ClassSheetsReport> writeClassSheets(const ClassSheetsRequest& r) {
    if (r.folder.isEmpty())
        return Error{"", "", "no output folder given"};
    const QFileInfo parent(QFileInfo(r.folder).absolutePath());
    if (!QFileInfo::exists(r.folder) && !QFileInfo(r.folder).isSymLink() && !parent.isDir()) {
        return Error{r.folder.toStdString(), "",
                     "cannot create the folder (its parent folder does not exist)"};
    }
    auto sheets = classSheets(r);
    if (!sheets)
        return sheets.error();
    // Written into a new folder beside DIR that replaces it when complete
    // (io/class_folder.h): an interrupted run leaves the old folder whole.
    auto begun = beginClassFolder(r.folder, r.replaceForeignFiles);
    if (!begun)
        return begun.error();
    const ClassFolderWrite& target = begun.value();
    const QDir dir(target.staging);
    // A failure names the file where it would have gone, and drops the new folder.
    const auto failed = [&](Error e) {
        abandonClassFolder(target);
        const QString file = q(e.file);
        if (file.startsWith(target.staging))
            e.file = (r.folder + file.mid(target.staging.size())).toStdString();
        return e;
    };
    ClassSheetsReport report;
    report.folder = r.folder;
    const QStringList stems = classFileStems(r.students);
    QByteArray csv = "student,code,sheet,key,answers\n";
    const int total = static_cast<int>(sheets.value().size());
    for (int k = 0; k < total; ++k) {
        const ExerciseSheet& s = sheets.value()[k];
        const QString sheet = "sheets/" + stems[k] + ".pdf";
        const QString key = "keys/" + stems[k] + "-key.pdf";
        const QString keyJson = "keys/" + stems[k] + "-key.json";
        const QString answers = "answers/" + stems[k] + ".json";
        if (auto w = studentSheetDocument(s).writePdf(dir.filePath(sheet)); !w)
            return failed(w.error());
        if (auto w = answerKeyDocument(s).writePdf(dir.filePath(key)); !w)
            return failed(w.error());
        if (auto w = writeFileAtomically(dir.filePath(keyJson), answersBytes(r, s, true)); !w)
            return failed(w.error());
        if (auto w = writeFileAtomically(dir.filePath(answers), answersBytes(r, s, false)); !w)
            return failed(w.error());
        report.files << sheet << key << keyJson << answers;
        report.students.push_back({s.student, s.code, stems[k]});
        csv += csvField(s.student) + "," + csvField(s.code) + "," + csvField(sheet) + "," +
               csvField(key) + "," + csvField(answers) + "\n";
        if (r.progress && !r.progress(k + 1, total))
            return failed(Error{r.folder.toStdString(), "", "stopped"});
    }
    const QString subtitle =
        QString("%1 %2, class seed %3. Codes and keys: backprop-lab sheets … --seed %3.")
            .arg(total)
            .arg(total == 1 ? "student" : "students")
            .arg(r.seed);
    if (auto w = classSummaryDocument(classSheetTitle(r), subtitle, sheets.value())
                     .writePdf(dir.filePath("class-summary.pdf"));
        !w) {
        return failed(w.error());
    }
    if (auto w = writeFileAtomically(dir.filePath("class.csv"), csv); !w)
        return failed(w.error());
    report.files << "class-summary.pdf"
                 << "class.csv";
    if (auto committed = commitClassFolder(target, report.files); !committed)
        return committed.error();
    return report;
}

} // namespace bpl::io
