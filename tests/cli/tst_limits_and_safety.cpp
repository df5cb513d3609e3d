// The command line in the field: output is byte-identical under the C,
// German and French locales; devices, pipes, folders and crafted files are
// refused with exit 3 (promptly); overflowing networks are named, never
// printed as inf; a plot or PDF that cannot be written leaves the earlier file
// byte for byte and prints nothing.
#include "support/cli_run.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

namespace {

using Run = bpl::test::LimitedRun;

// Runs the binary with LC_ALL=`locale`; with `fileSizeLimitKiB` > 0 as on a
// full disk (tests/support/cli_run.h).
Run run(const QStringList& args, const QString& locale = "C", int fileSizeLimitKiB = 0) {
    bpl::test::RunOptions o;
    o.locale = locale;
    o.fileSizeLimitKiB = fileSizeLimitKiB;
    return bpl::test::runLimited(args, o);
}

QString example(const char* name) {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name;
}
QString dataFile() {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/data/two_gaussians_200.txt");
}

// The measured training time differs from run to run; everything else must not.
QByteArray withoutTimes(QByteArray out) {
    static const QRegularExpression seconds("\"train_seconds\": [-+.0-9e]+");
    return QString::fromUtf8(out).replace(seconds, "\"train_seconds\": T").toUtf8();
}

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A 1-1-1 identity network with half squared error and the given weights.
QByteArray chain(const char* input, const char* w1, const char* w2) {
    return QByteArray(R"({"format":"backprop-lab.network/1","layers":[{"size":1},
{"size":1,"activation":"identity","weights":[[)") +
           w1 + R"(]]},
{"size":1,"activation":"identity","weights":[[)" +
           w2 + R"(]]}],
"loss":"half_squared_error","learning_rate":0.1,"sample":{"input":[)" +
           input + R"(],"target":[0]}})";
}

} // namespace

class TestLimitsAndSafety : public QObject {
    Q_OBJECT
  private slots:
    void outputIsTheSameInEveryLocale_data();
    void outputIsTheSameInEveryLocale();
    void devicesPipesFoldersAreRefused_data();
    void devicesPipesFoldersAreRefused();
    void craftedHugeNetworkIsRefused();
    void overflowIsNamedNotPrinted_data();
    void overflowIsNamedNotPrinted();
    void jsonNeverHoldsNonFiniteTokens();
    void failedPlotLeavesTheEarlierFile_data();
    void failedPlotLeavesTheEarlierFile();
    void neverWritesOverAPipe();
    void recordedIterationsAreCapped();
};

void TestLimitsAndSafety::outputIsTheSameInEveryLocale_data() {
    QTest::addColumn<QStringList>("args");
    const QString sheet = example("sheet5_321_sigmoid.json");
    for (const char* format : {"text", "json", "latex", "markdown", "html"}) {
        QTest::newRow(qPrintable(QString("trace --format ") + format))
            << QStringList{"trace", sheet, "--format", format};
    }
    QTest::newRow("trace --check-gradients") << QStringList{
        "trace", example("softmax_3class.json"), "--check-gradients", "--format", "json"};
    QTest::newRow("trace --input")
        << QStringList{"trace", sheet, "--input", "0.5,0.25,-1", "--learning-rate", "0.3"};
    const QString answers =
        QStringLiteral(BPL_SOURCE_DIR "/resources/examples/answers/sheet5_321_student.json");
    QTest::newRow("check text") << QStringList{"check", sheet, answers};
    QTest::newRow("check json") << QStringList{"check", sheet, answers, "--format", "json"};
    QTest::newRow("check --absolute")
        << QStringList{"check", sheet, answers, "--absolute", "0.0005"};
    QTest::newRow("logreg json") << QStringList{"logreg", dataFile(), "--max-iter",
                                                "40",     "--etas",   "0.5,0.05"};
    QTest::newRow("logreg csv") << QStringList{"logreg", dataFile(), "--max-iter",
                                               "40",     "--format", "csv"};
}

void TestLimitsAndSafety::outputIsTheSameInEveryLocale() {
    QFETCH(QStringList, args);
    const Run c = run(args, "C");
    QVERIFY2(c.code == 0 || c.code == 1, c.err.constData());
    QVERIFY(!c.out.isEmpty());
    for (const char* locale : {"de_DE.UTF-8", "fr_FR.UTF-8"}) {
        const Run other = run(args, locale);
        QCOMPARE(other.code, c.code);
        QVERIFY2(withoutTimes(other.out) == withoutTimes(c.out),
                 qPrintable(QString("stdout differs under %1").arg(locale)));
        QCOMPARE(other.err, c.err);
    }
    // The decimal commas of the bug report never appear.
    QVERIFY(!c.out.contains("0,1 ×") && !c.out.contains("0,1 &"));
}

void TestLimitsAndSafety::devicesPipesFoldersAreRefused_data() {
    QTest::addColumn<QString>("what"); // zero, urandom, fifo, folder
    QTest::addColumn<QString>("command");
    for (const char* what : {"/dev/zero", "/dev/urandom", "fifo", "folder"}) {
        for (const char* command : {"trace", "check-answers", "logreg"}) {
            QTest::newRow(qPrintable(QString("%1 %2").arg(command, what))) << what << command;
        }
    }
}

void TestLimitsAndSafety::devicesPipesFoldersAreRefused() {
    QFETCH(QString, what);
    QFETCH(QString, command);
    QTemporaryDir dir;
    QString path = what;
    if (what == "fifo") {
        path = dir.filePath("pipe");
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (what == "folder") {
        path = dir.path();
    }
    QStringList args;
    if (command == "trace")
        args = {"trace", path, "--format", "json"};
    if (command == "check-answers")
        args = {"check", example("sheet5_321_sigmoid.json"), path};
    if (command == "logreg")
        args = {"logreg", path};
    const Run r = run(args);
    QVERIFY2(r.finished, "did not stop");
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    const QByteArray expected =
        what == "folder" ? "is a folder" : "is not a regular file (a device, pipe or socket)";
    QVERIFY2(r.err.contains(path.toUtf8() + ": " + expected), r.err.constData());
}

void TestLimitsAndSafety::craftedHugeNetworkIsRefused() {
    // The file of the bug report: a layer of 100,000 neurons after an input of
    // 100,000, with placeholder rows; 200 KB that once allocated 80 GB.
    QTemporaryDir dir;
    QByteArray rows;
    for (int i = 0; i < 100000; ++i)
        rows += i ? ",0" : "0";
    const QByteArray bytes = R"({"format":"backprop-lab.network/1","layers":[{"size":100000},
{"size":100000,"activation":"sigmoid","weights":[)" +
                             rows + R"(]}],"loss":"half_squared_error",
"sample":{"input":[0],"target":[0]}})";
    const QString path = dir.filePath("crafted.json");
    write(path, bytes);
    const Run r = run({"trace", path});
    QVERIFY(r.finished);
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("layers[0].size: at most 4096 neurons per layer, found 100000"),
             r.err.constData());
}

void TestLimitsAndSafety::overflowIsNamedNotPrinted_data() {
    QTest::addColumn<QByteArray>("network");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("message");
    const QByteArray forward =
        "layer 1, neuron 1: the pre-activation a overflows (inf) in the forward pass";
    QTest::newRow("1e308, trace json") << chain("3", "1e308", "1") << "trace" << forward;
    QTest::newRow("1e308, trace text") << chain("3", "1e308", "1") << "trace-text" << forward;
    QTest::newRow("1e154 twice") << chain("1", "1e154", "1e154") << "trace"
                                 << QByteArray("the loss E overflows (inf)");
    QTest::newRow("backward")
        << chain("10", "1e-308", "1e308") << "trace"
        << QByteArray("layer 1, neuron 1: the delta δ overflows (inf) in the backward pass");
    QTest::newRow("check") << chain("3", "1e308", "1") << "check" << forward;
}

void TestLimitsAndSafety::overflowIsNamedNotPrinted() {
    QFETCH(QByteArray, network);
    QFETCH(QString, command);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    const QString path = dir.filePath("big.json");
    write(path, network);
    const QString answers = dir.filePath("answers.json");
    write(answers,
          R"({"format":"backprop-lab.answers/1","answers":[{"quantity":"loss","value":1}]})");
    QStringList args = {"trace", path, "--format", "json"};
    if (command == "trace-text")
        args = {"trace", path};
    if (command == "check")
        args = {"check", path, answers};
    const Run r = run(args);
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(path.toUtf8() + ": " + message), r.err.constData());
}

void TestLimitsAndSafety::jsonNeverHoldsNonFiniteTokens() {
    QTemporaryDir dir;
    const QString large = dir.filePath("large.json");
    write(large, chain("1", "1e150", "1e-150")); // large but no overflow
    QStringList files = {large};
    for (const char* name :
         {"sheet5_321_sigmoid.json", "softmax_3class.json", "vanishing_chain_153.json",
          "xor_step.json", "deep_4layer_deltas.json"}) {
        files << example(name);
    }
    for (const QString& file : files) {
        const Run r = run({"trace", file, "--format", "json", "--check-gradients"});
        QCOMPARE(r.code, 0);
        QJsonParseError error;
        QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(file));
        for (const char* token :
             {": inf", ": -inf", ": nan", "[inf", "[nan", ", inf", ", nan", ", -inf", "[-inf"}) {
            QVERIFY2(!r.out.contains(token), qPrintable(file + ": " + token));
        }
    }
}

void TestLimitsAndSafety::failedPlotLeavesTheEarlierFile_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args"); // OUT stands for the output path
    for (const char* name : {"plot.png", "plot.pdf", "plot.svg"}) {
        QTest::newRow(name) << name << QStringList{"logreg", dataFile(), "--max-iter",
                                                   "300",    "--plot",   "OUT"};
    }
    QTest::newRow("trace --pdf") << "solution.pdf"
                                 << QStringList{"trace", example("sheet5_321_sigmoid.json"),
                                                "--pdf", "OUT"};
    QTest::newRow("trace --pdf --format json")
        << "solution.pdf"
        << QStringList{"trace", example("sheet5_321_sigmoid.json"), "--pdf", "OUT", "--format",
                       "json"};
    QTest::newRow("check --pdf") << "marked.pdf"
                                 << QStringList{
                                        "check",
                                        example("sheet5_321_sigmoid.json"),
                                        BPL_SOURCE_DIR
                                        "/resources/examples/answers/sheet5_321_student.json",
                                        "--pdf",
                                        "OUT",
                                        "--format",
                                        "json"};
}

void TestLimitsAndSafety::failedPlotLeavesTheEarlierFile() {
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString out = dir.filePath(name);
    args.replaceInStrings(QRegularExpression("^OUT$"), out);
    const Run first = run(args);
    QVERIFY2(first.code == 0 || first.code == 1, first.err.constData());
    const QByteArray earlier = contents(out);
    QVERIFY(earlier.size() > 4096);
    // The same again where writes stop after 4 KiB (as on a full disk).
    const Run failed = run(args, "C", 4);
    QCOMPARE(failed.code, 3);
    QVERIFY2(failed.out.isEmpty(), failed.out.left(200).constData());
    QVERIFY2(failed.err.contains(out.toUtf8()), failed.err.constData());
    QVERIFY(contents(out) == earlier);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{name}); // no temporary left
}

void TestLimitsAndSafety::neverWritesOverAPipe() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("device");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QStringList& args :
         {QStringList{"trace", example("sheet5_321_sigmoid.json"), "--pdf", fifo},
          QStringList{"logreg", dataFile(), "--max-iter", "20", "--plot", fifo + ".png"}}) {
        if (args.last().endsWith(".png")) {
            QCOMPARE(::mkfifo(QFile::encodeName(args.last()).constData(), 0600), 0);
        }
        const Run r = run(args);
        QVERIFY(r.finished);
        QCOMPARE(r.code, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("is not a regular file"), r.err.constData());
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(args.last()).constData(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
    }
}

void TestLimitsAndSafety::recordedIterationsAreCapped() {
    // Five η × 10,000,000 recorded iterations once needed more than 10 GB.
    const Run r = run({"logreg", dataFile(), "--max-iter", "10000000"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("at most 2000000 recorded iterations in all (runs × max iterations), "
                            "found 5 × 10000000"),
             r.err.constData());
    QCOMPARE(
        run({"logreg", dataFile(), "--max-iter", "400000", "--etas", "0.5", "--tol", "0.1"}).code,
        0);
}

QTEST_GUILESS_MAIN(TestLimitsAndSafety)
#include "tst_limits_and_safety.moc"
