#include "render/class_sheets.h"

#include "core/exercise/network_variant.h"
#include "core/exercise/variant_code.h"
#include "io/answers_file.h"
#include "io/class_folder.h"
#include "io/class_roster.h"
#include "io/csv_field.h"
#include "io/exercise_answers.h"
#include "io/json_writer.h"
#include "io/maths_answers.h"
#include "io/qt_text.h"
#include "io/safe_file.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace bpl::io {

namespace {

// The class's variant networks, in roster order, with their codes.
struct ClassVariants {
    std::vector<Network> networks;
    QStringList codes;
};

// How the class's sheets are made: the codes, drawn once in roster order, and
// student k's sheet from them. `sheet` only reads, so students can be made on
// several threads at once.
struct ClassPlan {
    QStringList codes;
    std::function<ExerciseSheet(int k)> sheet;
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

Result<ClassPlan> networkClassPlan(const ClassSheetsRequest& r, const QString& title) {
    auto variants = classVariants(r);
    if (!variants)
        return variants.error();
    auto shared = std::make_shared<const ClassVariants>(std::move(variants).value());
    ClassPlan plan;
    plan.codes = shared->codes;
    plan.sheet = [&r, title, shared](int k) {
        const Trace trace = traceNetwork(shared->networks[k], r.options);
        return networkExerciseSheet(trace, exercise::askedQuantityRefs(trace.network, r.variants),
                                    r.variants.answerDecimals, title, r.students[k],
                                    shared->codes[k]);
    };
    return plan;
}

// A chain-rule or convolution exercise's plan: every student's instance.
Result<ClassPlan> mathsClassPlan(const ClassSheetsRequest& r, const QString& title) {
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
    auto instances = std::make_shared<std::vector<MathsExerciseInstance>>();
    ClassPlan plan;
    for (int k = 0; k < r.students.size(); ++k) {
        auto it = made.find(numbers[k]);
        if (it == made.end()) {
            auto instance = mathsExerciseInstance(ex, numbers[k]);
            if (!instance)
                return Error{"", instance.error().place, instance.error().reason};
            it = made.emplace(numbers[k], std::move(instance).value()).first;
        }
        instances->push_back(it->second);
        plan.codes << q(exercise::formatVariantCode({mathsExerciseShape(ex), numbers[k]}));
    }
    const int decimals = ex.kind == MathsExerciseKind::Chain ? ex.chainTemplate.answerDecimals
                                                             : ex.convTemplate.answerDecimals;
    plan.sheet = [&r, title, decimals, instances, codes = plan.codes](int k) {
        const MathsExerciseInstance& instance = (*instances)[k];
        return instance.graph
                   ? chainExerciseSheet(*instance.graph, decimals, title, r.students[k], codes[k])
                   : convolutionExerciseSheet(*instance.convolution, decimals, title, r.students[k],
                                              codes[k]);
    };
    return plan;
}

Result<ClassPlan> classPlan(const ClassSheetsRequest& r) {
    if (auto problem = classSizeProblem(r))
        return *problem;
    const QString title = classSheetTitle(r);
    return r.maths ? mathsClassPlan(r, title) : networkClassPlan(r, title);
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
    auto plan = classPlan(r);
    if (!plan)
        return plan.error();
    std::vector<ExerciseSheet> sheets;
    for (int k = 0; k < r.students.size(); ++k)
        sheets.push_back(plan.value().sheet(k));
    return sheets;
}

namespace {

// One student's two PDFs, made on a worker thread; `sheet` keeps what the
// class summary needs (the figure and the worked solution are dropped).
struct StudentFiles {
    ExerciseSheet sheet;
    QByteArray sheetPdf, keyPdf;
    std::optional<Error> sheetError, keyError;
};

StudentFiles makeStudent(const ClassPlan& plan, int k) {
    StudentFiles f;
    f.sheet = plan.sheet(k);
    if (auto pdf = studentSheetDocument(f.sheet).pdf(); pdf)
        f.sheetPdf = std::move(pdf).value();
    else
        f.sheetError = pdf.error();
    if (auto pdf = answerKeyDocument(f.sheet).pdf(); pdf)
        f.keyPdf = std::move(pdf).value();
    else
        f.keyError = pdf.error();
    f.sheet.figure = {};
    f.sheet.worked.clear();
    return f;
}

// The class's students typeset on `threads` threads (QTextDocument and
// QPdfWriter need no GUI thread; every student's documents are their own),
// in roster order, at most `ahead` students before the writer: memory stays
// that of a few students' PDFs. The threads live as long as the pipeline, so
// each keeps its fonts loaded from one student to the next.
class StudentPipeline {
  public:
    StudentPipeline(const ClassPlan& plan, int total, int threads, int ahead)
        : plan_(plan), total_(total), ahead_(ahead) {
        for (int t = 0; t < threads; ++t)
            threads_.emplace_back([this] { work(); });
    }
    ~StudentPipeline() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        for (std::thread& t : threads_)
            t.join();
    }
    StudentPipeline(const StudentPipeline&) = delete;
    StudentPipeline& operator=(const StudentPipeline&) = delete;

    // Student k's files, waiting for them; k = 0, 1, 2 … in turn.
    StudentFiles take(int k) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return ready_.count(k) > 0; });
        StudentFiles f = std::move(ready_.at(k));
        ready_.erase(k);
        taken_ = k + 1;
        lock.unlock();
        changed_.notify_all();
        return f;
    }

  private:
    void work() {
        while (true) {
            int k = 0;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                changed_.wait(lock,
                              [&] { return stop_ || next_ >= total_ || next_ < taken_ + ahead_; });
                if (stop_ || next_ >= total_)
                    return;
                k = next_++;
            }
            StudentFiles f = makeStudent(plan_, k);
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                ready_.emplace(k, std::move(f));
            }
            changed_.notify_all();
        }
    }

    const ClassPlan& plan_;
    const int total_;
    const int ahead_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::map<int, StudentFiles> ready_;
    int next_ = 0;  // the next student to typeset
    int taken_ = 0; // students the writer has taken
    bool stop_ = false;
    std::vector<std::thread> threads_; // last: started once the rest exists
};

} // namespace

Result<ClassSheetsReport> writeClassSheets(const ClassSheetsRequest& r) {
    if (r.folder.isEmpty())
        return Error{"", "", "no output folder given"};
    const QFileInfo parent(QFileInfo(r.folder).absolutePath());
    if (!QFileInfo::exists(r.folder) && !QFileInfo(r.folder).isSymLink() && !parent.isDir()) {
        return Error{r.folder.toStdString(), "",
                     "cannot create the folder (its parent folder does not exist)"};
    }
    auto plan = classPlan(r);
    if (!plan)
        return plan.error();
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
    const auto write = [&](const QString& relative, const QByteArray& bytes,
                           const std::optional<Error>& made) -> std::optional<Error> {
        if (made) {
            Error e = *made;
            e.file = dir.filePath(relative).toStdString();
            return failed(e);
        }
        if (auto w = writeClassFile(dir.filePath(relative), bytes); !w)
            return failed(w.error());
        return std::nullopt;
    };
    ClassSheetsReport report;
    report.folder = r.folder;
    const QStringList stems = classFileStems(r.students);
    QByteArray csv = "student,code,sheet,key,answers\n";
    const int total = static_cast<int>(r.students.size());
    // A few students at a time: memory stays that of a few students' PDFs.
    const int threads = std::max(1, QThread::idealThreadCount());
    std::vector<ExerciseSheet> sheets;
    StudentPipeline pipeline(plan.value(), total, threads, 4 * threads);
    for (int k = 0; k < total; ++k) {
        StudentFiles made = pipeline.take(k);
        const ExerciseSheet& s = made.sheet;
        const QString sheet = "sheets/" + stems[k] + ".pdf";
        const QString key = "keys/" + stems[k] + "-key.pdf";
        const QString keyJson = "keys/" + stems[k] + "-key.json";
        const QString answers = "answers/" + stems[k] + ".json";
        if (auto e = write(sheet, made.sheetPdf, made.sheetError))
            return *e;
        if (auto e = write(key, made.keyPdf, made.keyError))
            return *e;
        if (auto e = write(keyJson, answersBytes(r, s, true), std::nullopt))
            return *e;
        if (auto e = write(answers, answersBytes(r, s, false), std::nullopt))
            return *e;
        report.files << sheet << key << keyJson << answers;
        report.students.push_back({s.student, s.code, stems[k]});
        csv += csvField(s.student) + "," + csvField(s.code) + "," + csvField(sheet) + "," +
               csvField(key) + "," + csvField(answers) + "\n";
        sheets.push_back(std::move(made.sheet));
        if (r.progress && !r.progress(k + 1, total))
            return failed(Error{r.folder.toStdString(), "", "stopped"});
    }
    const QString subtitle =
        QString("%1 %2, class seed %3. Codes and keys: backprop-lab sheets … --seed %3.")
            .arg(total)
            .arg(total == 1 ? "student" : "students")
            .arg(r.seed);
    auto summary = classSummaryDocument(classSheetTitle(r), subtitle, sheets).pdf();
    if (auto e = write("class-summary.pdf", summary ? summary.value() : QByteArray(),
                       summary ? std::nullopt : std::optional<Error>(summary.error())))
        return *e;
    if (auto e = write("class.csv", csv, std::nullopt))
        return *e;
    report.files << "class-summary.pdf"
                 << "class.csv";
    if (auto committed = commitClassFolder(target, report.files); !committed)
        return committed.error();
    return report;
}

} // namespace bpl::io
