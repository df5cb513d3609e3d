// backprop-lab sheets EXERCISE (--students N | --roster names.txt) [--seed S]
//   --out DIR [--title TEXT] [--notation ID]
// A different, hand-workable variant of an exercise (a network, a chain-rule
// expression or a convolution) for every student:
// per student a PDF sheet with their name and variant code, an answer key and
// an answers file to fill in, plus the class summary (render/class_sheets.h).
// N is 1 … 500 (io/class_roster.h); the same --seed gives the same codes.
// Exit 0 written, 2 bad usage, 3 a bad exercise, roster or folder.
#include "cli/command.h"
#include "io/qt_text.h"
#include "cli/output.h"
#include "io/class_roster.h"
#include "io/exercise_answers.h"
#include "io/network_file.h"
#include "render/class_sheets.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>

namespace bpl::cli {

namespace {

constexpr const char* kName = "sheets";

QString summary(const io::ClassSheetsReport& report, const QString& title) {
    const int n = static_cast<int>(report.students.size());
    QString out =
        QString("%1 %2 of “%3” in %4 (sheets/, keys/, answers/, class-summary.pdf, class.csv)\n")
            .arg(n)
            .arg(n == 1 ? "sheet" : "sheets", title, report.folder);
    int width = 0;
    for (const io::ClassSheetEntry& e : report.students)
        width = std::max(width, int(e.code.size()));
    for (const io::ClassSheetEntry& e : report.students)
        out += "  " + e.code.leftJustified(width) + "  " + e.student + "\n";
    return out;
}

} // namespace

int runSheets(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription("Write exercise sheets for a class: every student gets a "
                                "different, hand-workable variant of the "
                                "exercise (their own numbers and a variant code to type in Check "
                                "mode), an answer key with the worked "
                                "solution and an answers file; plus one class summary with every "
                                "key. Mark the filled answers files "
                                "with 'backprop-lab check --class DIR EXERCISE'.");
    p.addPositionalArgument(
        "EXERCISE",
        "network file (backprop-lab.network/1) or maths exercise file (backprop-lab.exercise/1: "
        "chain rule or convolution); its optional \"variants\" key says what varies");
    p.addOptions({
        {"students", "A class of N students (1 … 500), named Student 1 … Student N.", "N"},
        {"roster", "The students' names, one per line (UTF-8; blank lines and # comments skipped).",
         "FILE"},
        {"seed", "Class seed (default 1): the same seed gives the same codes and numbers.", "S",
         "1"},
        {"out",
         "Folder to write (created when missing). It is written whole into a new folder beside it "
         "that replaces it when complete; the files of an earlier run are replaced.",
         "DIR"},
        {"force",
         "Write into DIR even when it holds files that sheets did not write: files of the same "
         "names are replaced, the others kept."},
        {"title", "Title on every sheet (default: the network's name).", "TEXT"},
        {"notation", "Symbols on the sheets: standard (default), bishop, course or ng.", "id",
         "standard"},
    });
    if (const auto done = parseArguments(p, args, kName)) return *done;
    if (p.positionalArguments().size() != 1)
        return fail(kName, "expected one exercise file (see --help)", Usage);
    if (p.isSet("students") == p.isSet("roster")) {
        return fail(kName, "give either --students N or --roster FILE (one of them)", Usage);
    }
    if (!p.isSet("out") || p.value("out").isEmpty())
        return fail(kName, "--out: expected the folder to write", Usage);
    bool ok = false;
    int count = 0;
    if (p.isSet("students")) {
        count = p.value("students").toInt(&ok);
        if (!ok || count < 1 || count > io::kMaxClassSize) {
            return fail(kName,
                        QString("--students: expected a whole number from 1 to %1, found %2")
                            .arg(io::kMaxClassSize)
                            .arg(quoteForMessage(p.value("students"))),
                        Usage);
        }
    }
    const std::uint64_t seed = p.value("seed").toULongLong(&ok);
    if (!ok)
        return fail(
            kName, "--seed: expected a whole number ≥ 0, found " + quoteForMessage(p.value("seed")),
            Usage);
    io::ClassSheetsRequest request;
    if (!Notation::fromId(p.value("notation").toStdString(), request.options.notation)) {
        return fail(kName, "--notation: expected standard, bishop, course or ng", Usage);
    }

    const QString file = p.positionalArguments().first();
    request.exerciseFile = QFileInfo(file).fileName();
    if (io::isMathsExerciseFile(file)) {
        auto maths = io::loadMathsExercise(file);
        if (!maths)
            return fail(kName, q(maths.error().message()), BadFile);
        request.maths = std::move(maths).value();
    } else {
        const auto network = io::loadNetwork(file);
        if (!network)
            return fail(kName, q(network.error().message()), BadFile);
        request.exercise = network.value().network;
        request.variants = io::networkTemplateOf(network.value());
    }
    if (p.isSet("roster")) {
        const auto roster = io::loadRoster(p.value("roster"));
        if (!roster)
            return fail(kName, q(roster.error().message()), BadFile);
        request.students = roster.value();
    } else {
        request.students = io::numberedStudents(count);
    }
    request.seed = seed;
    request.folder = p.value("out");
    request.replaceForeignFiles = p.isSet("force");
    request.title = p.value("title");
    // Progress on stderr, about twenty lines for a class (stdout keeps the summary).
    const int step = std::max(1, static_cast<int>(request.students.size()) / 20);
    request.progress = [step](int done, int total) {
        if (done % step == 0 || done == total)
            printErr(
                QString("backprop-lab sheets: %1 of %2 students written\n").arg(done).arg(total));
        return true;
    };
    auto written = io::writeClassSheets(request);
    if (!written) {
        Error e = written.error();
        if (e.file.empty())
            e.file = file.toStdString(); // the exercise's template or network
        return fail(kName, q(e.message()), BadFile);
    }
    printOut(summary(written.value(), io::classSheetTitle(request)));
    return Ok;
}

} // namespace bpl::cli
