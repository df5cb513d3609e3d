// `backprop-lab screenshot`: renders the window offscreen to a PNG of the
// requested size at the requested step, honours every option, and refuses bad
// usage (exit 2) and bad files (exit 3) with a message on stderr and nothing on
// stdout.
#include "support/cli_run.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using bpl::test::Run;

namespace {

Run shot(const QStringList& args) {
    return bpl::test::run(QStringList{"screenshot"} + args);
}

// Width and height from a PNG's IHDR chunk.
QSize pngSize(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(24);
    if (!head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return {};
    return QSize(qFromBigEndian<quint32>(head.constData() + 16),
                 qFromBigEndian<quint32>(head.constData() + 20));
}

// Mean lightness (0–255) of a picture.
double meanLightness(const QString& path) {
    const QImage image = QImage(path).convertToFormat(QImage::Format_Grayscale8);
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        const uchar* row = image.constScanLine(y);
        for (int x = 0; x < image.width(); ++x)
            sum += row[x];
    }
    return sum / (double(image.width()) * image.height());
}

} // namespace

class TestScreenshotCommand : public QObject {
    Q_OBJECT
  private slots:
    void rendersTheRequestedStep();
    void stepNamesAndNumbers_data();
    void stepNamesAndNumbers();
    void darkThemeIsDarker();
    void keysArePressedOnTheWindow();
    void runWaitsForTheRuns();
    void acceptsEveryOption();
    void helpListsOptionsAndExamples();
    void refusesBadUsage_data();
    void refusesBadUsage();
    void badFileExitsThree();
    void missingFileExitsThree();
    void missingAnswersExitsThree();

  private:
    QTemporaryDir dir_;
};

void TestScreenshotCommand::rendersTheRequestedStep() {
    const QString out = dir_.filePath("shot.png");
    const Run r =
        shot({out, "--example", "sheet5_321_sigmoid", "--step", "backward", "--size", "1300x820"});
    QCOMPARE(r.code, 0);
    QCOMPARE(pngSize(out), QSize(1300, 820));
    // The end of the backward pass of the 3-2-1 exercise is step 7 of 9.
    QVERIFY2(r.out.contains("step 7 of 9"), r.out.constData());
}

void TestScreenshotCommand::stepNamesAndNumbers_data() {
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("expected");
    // The 3-2-1 exercise has 9 steps: the forward pass ends at 3, the backward
    // pass at 7 and the update at 9.
    QTest::newRow("start") << "start"
                           << "step 0 of 9";
    QTest::newRow("forward") << "forward"
                             << "step 3 of 9";
    QTest::newRow("number") << "5"
                            << "step 5 of 9";
    QTest::newRow("last number") << "9"
                                 << "step 9 of 9";
    QTest::newRow("update") << "update"
                            << "step 9 of 9";
    QTest::newRow("end") << "end"
                         << "step 9 of 9";
}

void TestScreenshotCommand::stepNamesAndNumbers() {
    QFETCH(QString, step);
    QFETCH(QString, expected);
    const QString out = dir_.filePath("step.png");
    const Run r =
        shot({out, "--example", "sheet5_321_sigmoid", "--step", step, "--size", "800x600"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(expected.toUtf8()), r.out.constData());
}

void TestScreenshotCommand::keysArePressedOnTheWindow() {
    // F5 presents, End goes to the last step, Ctrl+B back to the end of the backward pass.
    const QString out = dir_.filePath("keys.png");
    const Run r = shot(
        {out, "--example", "sheet5_321_sigmoid", "--size", "1024x768", "--keys", "F5 End Ctrl+B"});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.contains(": 1024×768, step 7 of 9"), r.out.constData());
    // Space twice from the start, then ← once: step 1.
    const Run back = shot({out, "--example", "sheet5_321_sigmoid", "--keys", "Space Space Left"});
    QVERIFY2(back.out.contains("step 1 of 9"), back.out.constData());
}

void TestScreenshotCommand::runWaitsForTheRuns() {
    const QString out = dir_.filePath("run.png");
    const Run r = shot({out, "--tab", "logreg", "--run", "--size", "1024x768"});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(pngSize(out), QSize(1024, 768));
}

void TestScreenshotCommand::darkThemeIsDarker() {
    const QString light = dir_.filePath("light.png"), dark = dir_.filePath("dark.png");
    QCOMPARE(shot({light, "--example", "xor_step", "--size", "800x600"}).code, 0);
    QCOMPARE(shot({dark, "--example", "xor_step", "--size", "800x600", "--theme", "dark"}).code, 0);
    const double l = meanLightness(light), d = meanLightness(dark);
    // A light window is mostly near-white, a dark one mostly near-black.
    QVERIFY2(l > 180 && d < 100, qPrintable(QString("light %1, dark %2").arg(l).arg(d)));
}

void TestScreenshotCommand::acceptsEveryOption() {
    const QString out = dir_.filePath("all.png");
    const Run r = shot({out, "--example=xor_step", "--step", "forward", "--size", "1024X768",
                        "--notation", "bishop", "--precision", "4", "--presentation", "--theme",
                        "dark", "--optimizer", "adam", "--apply", "2", "--tab", "training"});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(pngSize(out), QSize(1024, 768));
    QVERIFY2(r.out.startsWith(out.toUtf8() + ": 1024×768, step "), r.out.constData());
    QVERIFY2(!r.err.contains("backprop-lab screenshot:"), r.err.constData()); // no warning
}

void TestScreenshotCommand::helpListsOptionsAndExamples() {
    const Run r = shot({"--help"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("Usage: backprop-lab screenshot [options] OUT.png"),
             r.out.constData());
    for (const char* option :
         {"--example", "--file", "--step", "--size", "--notation", "--precision", "--presentation",
          "--theme", "--optimizer", "--apply", "--answers", "--tab", "--run", "--keys"}) {
        QVERIFY2(r.out.contains(option), option);
    }
    QVERIFY(r.out.contains("sheet5_321_sigmoid"));
    QVERIFY(!r.err.contains("backprop-lab screenshot:"));
}

void TestScreenshotCommand::refusesBadUsage_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString x = "x.png";
    QTest::newRow("no output") << QStringList{"--example", "xor_step"} << "no output file";
    QTest::newRow("two outputs") << QStringList{x, "y.png"} << "one output file only";
    QTest::newRow("unknown option")
        << QStringList{x, "--colour", "red"} << "Unknown option 'colour'";
    QTest::newRow("missing value") << QStringList{x, "--size"} << "Missing value after '--size'";
    QTest::newRow("step out of range")
        << QStringList{x, "--example", "xor_step", "--step", "99"}
        << "--step: expected start, forward, backward, update or 0 to ";
    QTest::newRow("step not a step") << QStringList{x, "--step", "sideways"} << "--step: expected";
    QTest::newRow("negative step") << QStringList{x, "--step", "-1"} << "--step: expected";
    QTest::newRow("unknown example")
        << QStringList{x, "--example", "nonesuch"} << "no example called 'nonesuch'";
    QTest::newRow("example and file") << QStringList{x, "--example", "xor_step", "--file", "a.json"}
                                      << "give --example or --file, not both";
    QTest::newRow("size not WxH") << QStringList{x, "--size", "huge"} << "--size: expected WxH";
    QTest::newRow("size one number") << QStringList{x, "--size", "1600x"} << "found '1600x'";
    QTest::newRow("size too small")
        << QStringList{x, "--size", "100x100"} << "--size: expected WxH";
    QTest::newRow("size too large")
        << QStringList{x, "--size", "9000x800"} << "--size: expected WxH";
    QTest::newRow("unknown notation")
        << QStringList{x, "--notation", "klingon"} << "--notation: expected";
    QTest::newRow("precision 1") << QStringList{x, "--precision", "1"} << "--precision: expected";
    QTest::newRow("precision text") << QStringList{x, "--precision", "six"} << "found 'six'";
    QTest::newRow("unknown theme")
        << QStringList{x, "--theme", "sepia"} << "--theme: expected light or dark";
    QTest::newRow("unknown optimizer")
        << QStringList{x, "--optimizer", "lbfgs"} << "--optimizer: expected";
    QTest::newRow("apply negative") << QStringList{x, "--apply", "-3"} << "--apply: expected";
    QTest::newRow("not a key") << QStringList{x, "--keys", "F5 Bogus+"}
                               << "--keys: 'Bogus+' is not a key";
    QTest::newRow("run on the network tab")
        << QStringList{x, "--run"} << "--run: only with --tab logreg or --tab training";
    QTest::newRow("unknown tab") << QStringList{x, "--example", "xor_step", "--tab", "nonesuch"}
                                 << "--tab: no tab 'nonesuch' (the tabs are network, ";
}

void TestScreenshotCommand::refusesBadUsage() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QVERIFY(QDir::setCurrent(dir_.path()));
    const Run r = shot(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("backprop-lab screenshot: "), r.err.constData());
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    QVERIFY(!QFile::exists(dir_.filePath("x.png")));
}

void TestScreenshotCommand::badFileExitsThree() {
    const QString bad = dir_.filePath("bad.json");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "backprop-lab.network/1", "layers": [{"size": 0}]})");
    f.close();
    const Run r = shot({dir_.filePath("y.png"), "--file", bad});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("bad.json"), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(dir_.filePath("y.png")));
}

void TestScreenshotCommand::missingFileExitsThree() {
    const QString missing = dir_.filePath("no_such_network.json");
    const Run r = shot({dir_.filePath("z.png"), "--file", missing});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("no_such_network.json"), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(dir_.filePath("z.png")));
}

void TestScreenshotCommand::missingAnswersExitsThree() {
    const Run r = shot({dir_.filePath("w.png"), "--example", "sheet5_321_sigmoid", "--answers",
                        dir_.filePath("no_such_answers.json")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("no_such_answers.json"), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(dir_.filePath("w.png")));
}

QTEST_GUILESS_MAIN(TestScreenshotCommand)
#include "tst_screenshot_command.moc"
