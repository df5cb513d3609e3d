// Issue 24's input and output guards, through the real binary: devices and
// pipes given to every loader are refused at once (exit 3, a message), one
// student's device file does not stop a class's marking, standard output on
// /dev/full or a full disk is an error, every file writer refuses pipes and
// devices and keeps the earlier file on a full disk, a class folder is written
// whole or not at all, plots are locale-free and messages quote at most 60
// characters of what was wrong.
#include "support/cli_run.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

using bpl::test::LimitedRun;
using bpl::test::runLimited;
using bpl::test::RunOptions;

QString example(const QString& name) {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name;
}
QString chainExercise() {
    return example("exercises/chain_course.json");
}
QString convExercise() {
    return example("exercises/conv_4x4_2x2.json");
}
QString network() {
    return example("sheet5_321_sigmoid.json");
}
// 2 inputs: it trains on the built-in "xor" set.
QString xorNetwork() {
    return example("xor_2881_tanh.json");
}
QString dataFile() {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/data/two_gaussians_200.txt");
}

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool makeFifo(const QString& path) {
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

// `special` itself (a device), or a new named pipe called `fifoName` in `dir`
// for "fifo"; empty when the pipe could not be made.
QString specialPath(const QString& special, const QTemporaryDir& dir, const QString& fifoName) {
    if (special != "fifo")
        return special;
    const QString path = dir.filePath(fifoName);
    return makeFifo(path) ? path : QString();
}

// Every file under `folder` (relative paths, sorted) with its bytes.
QMap<QString, QByteArray> snapshot(const QString& folder) {
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(folder).relativeFilePath(path), contents(path));
    }
    return files;
}

} // namespace

class TestIoGuard : public QObject {
    Q_OBJECT
  private slots:
    void specialFilesAreRefusedAtOnce_data();
    void specialFilesAreRefusedAtOnce();
    void oneStudentsDeviceDoesNotStopTheClass();
    void fullStandardOutputIsAnError_data();
    void fullStandardOutputIsAnError();
    void fullDiskUnderStandardOutputIsAnError();
    void writersRefusePipesAndDevices_data();
    void writersRefusePipesAndDevices();
    void failedWritesKeepTheEarlierFile_data();
    void failedWritesKeepTheEarlierFile();
    void sheetsRemovesItsStaleFiles();
    void sheetsKeepsTheOldFolderWhenInterrupted();
    void sheetsRefusesFilesItDidNotWrite();
    void sheetsRefusesSymlinkedSubfolders();
    void classCsvNeutralisesFormulas();
    void plotTickLabelsAreLocaleFree_data();
    void plotTickLabelsAreLocaleFree();
    void messagesQuoteAtMost60Characters_data();
    void messagesQuoteAtMost60Characters();
    void oneHugeLineIsRefusedByColumns();
};

void TestIoGuard::specialFilesAreRefusedAtOnce_data() {
    QTest::addColumn<QString>("special");  // a device or "fifo"
    QTest::addColumn<QStringList>("args"); // SPECIAL stands for it
    for (const char* special : {"/dev/zero", "/dev/urandom", "fifo"}) {
        const QString s = special;
        QTest::newRow(qPrintable("check maths " + s))
            << s << QStringList{"check", chainExercise(), "SPECIAL"};
        QTest::newRow(qPrintable("check conv " + s))
            << s << QStringList{"check", convExercise(), "SPECIAL"};
        QTest::newRow(qPrintable("grad --answers " + s))
            << s << QStringList{"grad", "x*y", "--at", "x=1,y=2", "--answers", "SPECIAL"};
        QTest::newRow(qPrintable("conv --answers " + s))
            << s << QStringList{"conv",  "--input",   "[[1, 2], [3, 4]]", "--filter",
                                "[[1]]", "--answers", "SPECIAL"};
        QTest::newRow(qPrintable("conv --input " + s))
            << s << QStringList{"conv", "--input", "SPECIAL", "--filter", "[[1]]"};
        QTest::newRow(qPrintable("conv --grad-output " + s))
            << s << QStringList{"conv",  "--input",       "[[1, 2], [3, 4]]", "--filter",
                                "[[1]]", "--grad-output", "SPECIAL"};
        QTest::newRow(qPrintable("train data " + s))
            << s << QStringList{"train", network(), "SPECIAL"};
    }
}

void TestIoGuard::specialFilesAreRefusedAtOnce() {
    QFETCH(QString, special);
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString path = specialPath(special, dir, "pipe");
    QVERIFY(!path.isEmpty());
    args.replaceInStrings(QRegularExpression("^SPECIAL$"), path);
    RunOptions o;
    o.timeoutMs = 20000; // a refusal takes milliseconds; reading /dev/zero never ends
    const LimitedRun r = runLimited(args, o);
    QVERIFY2(r.finished, "did not stop");
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(path.toUtf8() + ": is not a regular file (a device, pipe or socket)"),
             r.err.constData());
}

void TestIoGuard::oneStudentsDeviceDoesNotStopTheClass() {
    QTemporaryDir dir;
    const QString out = dir.filePath("class");
    QCOMPARE(runLimited({"sheets", chainExercise(), "--students", "2", "--out", out}).code, 0);
    const QString keys = out + "/keys";
    QVERIFY(QFile::link("/dev/zero", keys + "/z.json"));
    RunOptions o;
    o.timeoutMs = 30000;
    const LimitedRun r = runLimited({"check", "--class", keys, chainExercise()}, o);
    QVERIFY2(r.finished, "did not stop");
    QCOMPARE(r.code, 1); // marked, with one file skipped
    QVERIFY2(r.err.contains("skipped") && r.err.contains("z.json: is not a regular file"),
             r.err.constData());
    // The two keys are marked all correct.
    const QList<QByteArray> rows = r.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 3);
    QVERIFY2(rows[1].endsWith(",1") && rows[2].endsWith(",1"), r.out.constData());
}

void TestIoGuard::fullStandardOutputIsAnError_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("trace") << QStringList{"trace", network()};
    QTest::newRow("trace json") << QStringList{"trace", network(), "--format", "json"};
    QTest::newRow("check") << QStringList{"check", network(),
                                          example("answers/sheet5_321_key.json")};
    QTest::newRow("grad") << QStringList{"grad", "x*y", "--at", "x=1,y=2"};
    QTest::newRow("conv") << QStringList{"conv", "--input", "[[1, 2], [3, 4]]", "--filter",
                                         "[[1]]"};
    QTest::newRow("logreg") << QStringList{"logreg", dataFile(), "--max-iter", "20"};
    QTest::newRow("train") << QStringList{"train", xorNetwork(), "--data", "xor", "--epochs", "2"};
    QTest::newRow("sheets") << QStringList{"sheets", chainExercise(), "--students",
                                           "1",      "--out",         "DIR"};
    QTest::newRow("--help") << QStringList{"--help"};
    QTest::newRow("--version") << QStringList{"--version"};
    QTest::newRow("trace --help") << QStringList{"trace", "--help"};
}

void TestIoGuard::fullStandardOutputIsAnError() {
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    args.replaceInStrings(QRegularExpression("^DIR$"), dir.filePath("class"));
    RunOptions o;
    o.stdoutFile = "/dev/full";
    const LimitedRun r = runLimited(args, o);
    QVERIFY(r.finished);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("cannot write standard output (No space left on device)"),
             r.err.constData());
}

void TestIoGuard::fullDiskUnderStandardOutputIsAnError() {
    QTemporaryDir dir;
    const QString file = dir.filePath("trace.json");
    RunOptions o;
    o.stdoutFile = file;
    o.fileSizeLimitKiB = 4; // writes past 4 KiB fail, as on a full disk
    const LimitedRun r =
        runLimited({"trace", example("deep_4layer_deltas.json"), "--format", "json"}, o);
    QVERIFY(r.finished);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("cannot write standard output"), r.err.constData());
    QVERIFY(QFileInfo(file).size() <= 4096);
}

void TestIoGuard::writersRefusePipesAndDevices_data() {
    QTest::addColumn<QString>("target");   // "null" (a device node like /dev/null) or "fifo"
    QTest::addColumn<QStringList>("args"); // OUT stands for it
    for (const char* target : {"null", "fifo"}) {
        const QString t = target;
        QTest::newRow(qPrintable("screenshot " + t))
            << t << QStringList{"screenshot", "--file", network(), "OUT"};
        QTest::newRow(qPrintable("train --plot " + t))
            << t << QStringList{"train",    xorNetwork(), "--data", "xor",
                                "--epochs", "2",          "--plot", "OUT"};
        QTest::newRow(qPrintable("logreg --plot " + t))
            << t << QStringList{"logreg", dataFile(), "--max-iter", "20", "--plot", "OUT"};
    }
}

void TestIoGuard::writersRefusePipesAndDevices() {
    QFETCH(QString, target);
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    QString path = dir.filePath("picture.png");
    if (target == "fifo") {
        QVERIFY(makeFifo(path));
    } else if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
        // Never the real /dev/null: a writer that regressed to renaming over
        // its target would replace the machine's /dev/null when run as root.
        QSKIP("cannot make a device node here (not root)");
    }
    args.replaceInStrings(QRegularExpression("^OUT$"), path);
    RunOptions o;
    o.timeoutMs = 60000;
    const LimitedRun r = runLimited(args, o);
    QVERIFY2(r.finished, "did not stop");
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("is not a regular file"), r.err.constData());
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QVERIFY(target == "fifo" ? S_ISFIFO(st.st_mode) : S_ISCHR(st.st_mode)); // still there
}

void TestIoGuard::failedWritesKeepTheEarlierFile_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args"); // OUT stands for the output path
    QTest::newRow("screenshot") << "window.png"
                                << QStringList{"screenshot", "--file", network(), "OUT"};
    QTest::newRow("train --plot") << "plot.svg"
                                  << QStringList{"train",    xorNetwork(), "--data", "xor",
                                                 "--epochs", "2",          "--plot", "OUT"};
    QTest::newRow("check --class --out")
        << "scores.csv" << QStringList{"check", "--class", "KEYS", network(), "--out", "OUT"};
    QTest::newRow("check --class --by-question")
        << "questions.csv"
        << QStringList{"check", "--class", "KEYS", network(), "--by-question", "OUT"};
}

void TestIoGuard::failedWritesKeepTheEarlierFile() {
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString out = dir.filePath(name);
    if (args.contains("KEYS")) {
        QCOMPARE(
            runLimited({"sheets", network(), "--students", "12", "--out", dir.filePath("class")})
                .code,
            0);
        args.replaceInStrings(QRegularExpression("^KEYS$"), dir.filePath("class/keys"));
    }
    args.replaceInStrings(QRegularExpression("^OUT$"), out);
    const LimitedRun first = runLimited(args);
    QVERIFY2(first.code == 0, first.err.constData());
    // An earlier file unlike what the run writes, which is larger than 1 KiB.
    const QByteArray earlier = contents(out) + "# earlier\n";
    QVERIFY(earlier.size() > 2048);
    QVERIFY(write(out, earlier));
    RunOptions o;
    o.fileSizeLimitKiB = 1; // writes past 1 KiB fail, as on a full disk
    const LimitedRun failed = runLimited(args, o);
    QCOMPARE(failed.code, 3);
    QVERIFY2(failed.err.contains(out.toUtf8()), failed.err.constData());
    QVERIFY(contents(out) == earlier);
}

void TestIoGuard::sheetsRemovesItsStaleFiles() {
    QTemporaryDir dir;
    const QString out = dir.filePath("class");
    QCOMPARE(runLimited({"sheets", chainExercise(), "--students", "3", "--out", out}).code, 0);
    QVERIFY(QFile::exists(out + "/keys/03-student-3-key.json"));
    const LimitedRun again =
        runLimited({"sheets", chainExercise(), "--students", "2", "--out", out});
    QCOMPARE(again.code, 0);
    const QStringList files = snapshot(out).keys();
    QCOMPARE(files.size(), 2 * 4 + 3); // 4 per student, summary, class.csv, manifest
    QVERIFY(!files.join(' ').contains("student-3"));
    // Nothing is left beside the folder.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"class"});
}

void TestIoGuard::sheetsKeepsTheOldFolderWhenInterrupted() {
    QTemporaryDir dir;
    const QString out = dir.filePath("class");
    QCOMPARE(runLimited({"sheets", network(), "--students", "2", "--out", out}).code, 0);
    const auto before = snapshot(out);
    // The re-run with another seed fails part way, as a kill or a full disk
    // would stop it: the first student's sheet (about 56 KB) is written, their
    // key PDF (about 74 KB) is past the 64 KiB limit.
    RunOptions o;
    o.fileSizeLimitKiB = 64;
    const LimitedRun failed =
        runLimited({"sheets", network(), "--students", "3", "--seed", "9", "--out", out}, o);
    QCOMPARE(failed.code, 3);
    QVERIFY(failed.out.isEmpty());
    QVERIFY2(failed.err.contains(out.toUtf8() + "/keys/01-student-1-key.pdf"),
             failed.err.constData());
    QVERIFY(snapshot(out) == before); // class.csv and the keys still agree
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"class"});
}

void TestIoGuard::sheetsRefusesFilesItDidNotWrite() {
    QTemporaryDir dir;
    const QString out = dir.filePath("class");
    QVERIFY(QDir().mkpath(out + "/keys"));
    QVERIFY(write(out + "/notes.txt", "mine"));
    QVERIFY(write(out + "/keys/01-student-1-key.json", "my own key"));
    const QStringList args = {"sheets", chainExercise(), "--students", "1", "--out", out};
    const LimitedRun refused = runLimited(args);
    QCOMPARE(refused.code, 3);
    QVERIFY2(refused.err.contains("holds 2 files that backprop-lab sheets did not write"),
             refused.err.constData());
    QCOMPARE(contents(out + "/keys/01-student-1-key.json"), QByteArray("my own key"));
    // With --force the file of the same name is replaced, the other kept.
    QCOMPARE(runLimited(args + QStringList{"--force"}).code, 0);
    QCOMPARE(contents(out + "/notes.txt"), QByteArray("mine"));
    QVERIFY(contents(out + "/keys/01-student-1-key.json").startsWith("{"));
    // Its own files are replaced without asking; notes.txt is still not its own.
    QCOMPARE(runLimited(args).code, 3);
    QCOMPARE(runLimited(args + QStringList{"--force"}).code, 0);
    QCOMPARE(contents(out + "/notes.txt"), QByteArray("mine"));
}

void TestIoGuard::sheetsRefusesSymlinkedSubfolders() {
    for (const char* sub : {"keys", "answers", "sheets"}) {
        QTemporaryDir dir;
        const QString out = dir.filePath("class");
        const QString elsewhere = dir.filePath("elsewhere");
        QVERIFY(QDir().mkpath(out));
        QVERIFY(QDir().mkpath(elsewhere));
        QVERIFY(QFile::link(elsewhere, out + "/" + sub));
        const LimitedRun r =
            runLimited({"sheets", chainExercise(), "--students", "1", "--out", out, "--force"});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QByteArray(sub) + ": is a symbolic link"), r.err.constData());
        QVERIFY(QDir(elsewhere).isEmpty());
    }
}

void TestIoGuard::classCsvNeutralisesFormulas() {
    QTemporaryDir dir;
    const QString roster = dir.filePath("roster.txt");
    QVERIFY(write(roster, "=HYPERLINK(\"http://x\",\"y\")\n@SUM(1+1)*cmd|' /C calc'!A0\n-2+3\n"));
    const QString out = dir.filePath("class");
    QCOMPARE(runLimited({"sheets", chainExercise(), "--roster", roster, "--out", out}).code, 0);
    const QList<QByteArray> rows = contents(out + "/class.csv").split('\n');
    QVERIFY2(rows[1].startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","),
             rows[1].constData());
    QVERIFY2(rows[2].startsWith("'@SUM(1+1)*cmd|' /C calc'!A0,"), rows[2].constData());
    QVERIFY2(rows[3].startsWith("'-2+3,"), rows[3].constData());
    // The scores CSV of the same class: names neutralised, numbers left as numbers.
    const LimitedRun r = runLimited({"check", "--class", out + "/keys", chainExercise()});
    QCOMPARE(r.code, 0);
    const QList<QByteArray> scores = r.out.split('\n');
    QVERIFY2(scores[1].startsWith("\"'=HYPERLINK("), scores[1].constData());
    QVERIFY2(scores[3].startsWith("'-2+3,") && scores[3].endsWith(",1"), scores[3].constData());
}

void TestIoGuard::plotTickLabelsAreLocaleFree_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("logreg") << QStringList{"logreg", dataFile(), "--max-iter",
                                           "50",     "--plot",   "OUT"};
    QTest::newRow("train") << QStringList{"train",    xorNetwork(), "--data", "xor",
                                          "--epochs", "20",         "--plot", "OUT"};
}

void TestIoGuard::plotTickLabelsAreLocaleFree() {
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    QMap<QString, QByteArray> svg;
    for (const char* locale : {"C", "de_DE.UTF-8"}) {
        QStringList a = args;
        a.replaceInStrings(QRegularExpression("^OUT$"), dir.filePath(QString(locale) + ".svg"));
        RunOptions o;
        o.locale = locale;
        const LimitedRun r = runLimited(a, o);
        QVERIFY2(r.code == 0, r.err.constData());
        svg[locale] = contents(dir.filePath(QString(locale) + ".svg"));
    }
    // Tick labels such as "0.5" are text in the SVG; in German they were "0,5".
    static const QRegularExpression decimalComma(">\\s*-?\\d+,\\d+\\s*<");
    QVERIFY(!QString::fromUtf8(svg["de_DE.UTF-8"]).contains(decimalComma));
    QVERIFY(svg["C"] == svg["de_DE.UTF-8"]);
}

void TestIoGuard::messagesQuoteAtMost60Characters_data() {
    QTest::addColumn<QStringList>("args"); // LONG stands for 5,000 characters
    QTest::addColumn<QString>("file");     // written to FILE, LONG in it replaced
    QTest::newRow("trace --format")
        << QStringList{"trace", network(), "--format", "LONG"} << QString();
    QTest::newRow("train --data") << QStringList{"train", network(), "--data", "LONG"} << QString();
    QTest::newRow("grad --at") << QStringList{"grad", "x*y", "--at", "x=1,LONG"} << QString();
    QTest::newRow("grad --at value")
        << QStringList{"grad", "x*y", "--at", "x=1,y=LONG"} << QString();
    QTest::newRow("conv token") << QStringList{"conv", "--input", "[[1, LONG]]", "--filter",
                                               "[[1]]"}
                                << QString();
    QTest::newRow("logreg --plot")
        << QStringList{"logreg", dataFile(), "--plot", "LONG"} << QString();
    QTest::newRow("maths quantity")
        << QStringList{"grad", "x*y", "--at", "x=1,y=2", "--answers", "FILE"}
        << QString(
               R"({"format": "backprop-lab.maths-answers/1", "answers": [{"quantity": "LONG", "node": "x", "value": 1}]})");
    QTest::newRow("exercise at key")
        << QStringList{"check", "FILE", example("answers/sheet5_321_key.json")}
        << QString(
               R"({"format": "backprop-lab.exercise/1", "kind": "chain", "expression": "x*y", "at": {"x": 1, "y": 2, "LONG": 3}})");
    QTest::newRow("exercise ranges key")
        << QStringList{"sheets", "FILE", "--students", "1", "--out", "DIR"}
        << QString(
               R"({"format": "backprop-lab.exercise/1", "kind": "chain", "expression": "x*y", "at": {"x": 1, "y": 2}, "variants": {"ranges": {"LONG": {"min": 0, "max": 1}}}})");
    QTest::newRow("exercise variants key")
        << QStringList{"sheets", "FILE", "--students", "1", "--out", "DIR"}
        << QString(
               R"({"format": "backprop-lab.exercise/1", "kind": "chain", "expression": "x*y", "at": {"x": 1, "y": 2}, "variants": {"LONG": 1}})");
}

void TestIoGuard::messagesQuoteAtMost60Characters() {
    QFETCH(QStringList, args);
    QFETCH(QString, file);
    const QString longText(5000, QChar('Z'));
    QTemporaryDir dir;
    if (!file.isEmpty()) {
        QVERIFY(write(dir.filePath("input.json"), file.replace("LONG", longText).toUtf8()));
        args.replaceInStrings(QRegularExpression("^FILE$"), dir.filePath("input.json"));
    }
    args.replaceInStrings(QRegularExpression("^DIR$"), dir.filePath("class"));
    args.replaceInStrings("LONG", longText);
    const LimitedRun r = runLimited(args);
    QVERIFY(r.code == 2 || r.code == 3);
    QVERIFY2(r.err.contains(QByteArray(60, 'Z') + "…"), r.err.left(400).constData());
    QVERIFY2(!r.err.contains(QByteArray(61, 'Z')), r.err.left(400).constData());
}

void TestIoGuard::oneHugeLineIsRefusedByColumns() {
    // One line of 4 MiB of numbers: refused by its column count after at most
    // 64 more columns than a row has, not after splitting every field.
    QTemporaryDir dir;
    const QString path = dir.filePath("line.txt");
    QVERIFY(write(path, QByteArray("0 ").repeated(2 * 1024 * 1024)));
    for (const QStringList& args :
         {QStringList{"logreg", path}, QStringList{"train", network(), path}}) {
        const LimitedRun r = runLimited(args);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(": line 1: more than "), r.err.constData());
        QVERIFY2(r.err.contains(" columns on one line"), r.err.constData());
    }
}

QTEST_GUILESS_MAIN(TestIoGuard)
#include "tst_io_guard.moc"
