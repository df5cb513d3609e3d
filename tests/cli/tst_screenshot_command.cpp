// `backprop-lab screenshot`: renders the window offscreen to a PNG of the
// requested size at the requested step, and refuses bad usage (exit 2) and bad
// files (exit 3) with a message on stderr.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(BPL_EXE, QStringList{"screenshot"} + args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// Width and height from a PNG's IHDR chunk.
QSize pngSize(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray head = f.read(24);
    if (!head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR") return {};
    return QSize(qFromBigEndian<quint32>(head.constData() + 16), qFromBigEndian<quint32>(head.constData() + 20));
}

} // namespace

class TestScreenshotCommand : public QObject {
    Q_OBJECT
private slots:
    void rendersTheRequestedStep();
    void refusesBadUsage_data();
    void refusesBadUsage();
    void badFileExitsThree();

private:
    QTemporaryDir dir_;
};

void TestScreenshotCommand::rendersTheRequestedStep() {
    const QString out = dir_.filePath("shot.png");
    const Run r = run({out, "--example", "sheet5_321_sigmoid", "--step", "backward", "--size", "1300x820"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(pngSize(out), QSize(1300, 820));
    // The end of the backward pass of the 3-2-1 exercise is step 7 of 9.
    QVERIFY2(r.out.contains("step 7 of 9"), qPrintable(r.out));
}

void TestScreenshotCommand::refusesBadUsage_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no output") << QStringList{"--example", "xor_step"} << "no output file";
    QTest::newRow("step out of range") << QStringList{"x.png", "--example", "xor_step", "--step", "99"} << "--step must be";
    QTest::newRow("unknown example") << QStringList{"x.png", "--example", "nonesuch"} << "no example called 'nonesuch'";
    QTest::newRow("bad size") << QStringList{"x.png", "--size", "huge"} << "--size needs WxH";
    QTest::newRow("unknown notation") << QStringList{"x.png", "--notation", "klingon"} << "unknown notation";
}

void TestScreenshotCommand::refusesBadUsage() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestScreenshotCommand::badFileExitsThree() {
    const QString bad = dir_.filePath("bad.json");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "backprop-lab.network/1", "layers": [{"size": 0}]})");
    f.close();
    const Run r = run({dir_.filePath("y.png"), "--file", bad});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("bad.json"), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir_.filePath("y.png")));
}

QTEST_GUILESS_MAIN(TestScreenshotCommand)
#include "tst_screenshot_command.moc"
