// Logistic-regression data files (shared/spec/logreg.md): the accepted layouts
// (3 or 4 columns, white space or commas, comments, a header, CRLF, a BOM),
// every rejection with its file name, line number and reason, the file-level
// refusals, the shipped sample, and a save/load round trip.
#include "io/logreg_data.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace bpl;

class TestLogRegData : public QObject {
    Q_OBJECT
  private slots:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void missingFileAndFolder();
    void tooLargeFile();
    void shippedSample();
    void roundTrip();
};

void TestLogRegData::accepts_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<double>>("x1");
    QTest::addColumn<QList<double>>("x2");
    QTest::addColumn<QList<double>>("t");
    QTest::newRow("three columns") << QByteArray("1 2 0\n-3.5 4e-1 1\n") << QList<double>{1, -3.5}
                                   << QList<double>{2, 0.4} << QList<double>{0, 1};
    QTest::newRow("four columns with the bias")
        << QByteArray("1 2 1 0\n3 4 1 1\n") << QList<double>{1, 3} << QList<double>{2, 4}
        << QList<double>{0, 1};
    QTest::newRow("commas and spaces")
        << QByteArray("1,2,0\n3, 4 ,1\n5\t6\t1\n") << QList<double>{1, 3, 5}
        << QList<double>{2, 4, 6} << QList<double>{0, 1, 1};
    QTest::newRow("comments, blank lines, header")
        << QByteArray("# two points\n\nx1 x2 t\n1 2 0 # first\n\n+3 -4 1\n") << QList<double>{1, 3}
        << QList<double>{2, -4} << QList<double>{0, 1};
    QTest::newRow("CRLF, BOM, header with commas")
        << QByteArray("\xEF\xBB\xBFx1,x2,one,t\r\n1,2,1,1\r\n0,0,1,0") << QList<double>{1, 0}
        << QList<double>{2, 0} << QList<double>{1, 0};
    QTest::newRow("labels written 1.0 and 0e0")
        << QByteArray("1 1 1.0\n2 2 0e0\n") << QList<double>{1, 2} << QList<double>{1, 2}
        << QList<double>{1, 0};
}

void TestLogRegData::accepts() {
    QFETCH(QByteArray, text);
    QFETCH(QList<double>, x1);
    QFETCH(QList<double>, x2);
    QFETCH(QList<double>, t);
    const auto parsed = io::parseLogRegData(text, "points.txt");
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
    const LogRegData& d = parsed.value();
    QCOMPARE(d.size(), Eigen::Index(x1.size()));
    for (int n = 0; n < x1.size(); ++n) {
        QCOMPARE(d.x1(n), x1[n]);
        QCOMPARE(d.x2(n), x2[n]);
        QCOMPARE(d.t(n), t[n]);
    }
}

void TestLogRegData::rejects_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty file")
        << QByteArray("") << "points.txt: line 1: the file is empty (expected lines of x1 x2 t)";
    QTest::newRow("only white space")
        << QByteArray("  \n\n")
        << "points.txt: line 1: the file is empty (expected lines of x1 x2 t)";
    QTest::newRow("only comments and a header") << QByteArray("# nothing\nx1 x2 t\n# here\n")
                                                << "points.txt: line 3: no data points before the "
                                                   "end of the file (expected lines of x1 x2 t)";
    QTest::newRow("missing column on the first row")
        << QByteArray("1 2\n")
        << "points.txt: line 1: expected 3 columns (x1 x2 t) or 4 (x1 x2 1 t), found 2";
    QTest::newRow("five columns")
        << QByteArray("1 2 3 4 5\n")
        << "points.txt: line 1: expected 3 columns (x1 x2 t) or 4 (x1 x2 1 t), found 5";
    QTest::newRow("missing column later")
        << QByteArray("1 2 0\n# ok\n3 1\n")
        << "points.txt: line 3: missing column: expected 3 columns (x1 x2 t) like line 1, found 2";
    QTest::newRow("ragged row, extra column")
        << QByteArray("1 2 0\n3 4 1 1\n")
        << "points.txt: line 2: extra column: expected 3 columns (x1 x2 t) like line 1, found 4";
    QTest::newRow("label 2") << QByteArray("1 2 0\n3 4 2\n")
                             << "points.txt: line 2: label t must be 0 or 1, found 2";
    QTest::newRow("label 0.5") << QByteArray("1 2 0.5\n")
                               << "points.txt: line 1: label t must be 0 or 1, found 0.5";
    QTest::newRow("label -1 in four columns")
        << QByteArray("1 2 1 -1\n") << "points.txt: line 1: label t must be 0 or 1, found -1";
    QTest::newRow("nan") << QByteArray("1 2 0\nnan 4 1\n")
                         << "points.txt: line 2: x1: 'nan' is not a finite number";
    QTest::newRow("inf") << QByteArray("1 -inf 0\n")
                         << "points.txt: line 1: x2: '-inf' is not a finite number";
    QTest::newRow("overflowing number")
        << QByteArray("1 1e999 0\n") << "points.txt: line 1: x2: '1e999' is not a number";
    QTest::newRow("word in the data")
        << QByteArray("1 2 0\n3 four 1\n") << "points.txt: line 2: x2: 'four' is not a number";
    QTest::newRow("word for the label")
        << QByteArray("1 2 yes\n") << "points.txt: line 1: label t: 'yes' is not a number";
    QTest::newRow("decimal comma")
        << QByteArray("1 2 0\n1;5 2 1\n") << "points.txt: line 2: x1: '1;5' is not a number";
    QTest::newRow("second header") << QByteArray("x1 x2 t\n1 2 0\nx1 x2 t\n")
                                   << "points.txt: line 3: x1: 'x1' is not a number";
    QTest::newRow("bias column not 1")
        << QByteArray("1 2 0.5 1\n")
        << "points.txt: line 1: the third of 4 columns is the bias input and must be 1, found 0.5";
    QTest::newRow("empty field")
        << QByteArray("1,,0\n")
        << "points.txt: line 1: empty field (two commas in a row, or a comma at the start)";
    QTest::newRow("leading comma")
        << QByteArray(",1,2,0\n")
        << "points.txt: line 1: empty field (two commas in a row, or a comma at the start)";
    QTest::newRow("trailing comma")
        << QByteArray("1,2,0,\n") << "points.txt: line 1: empty field after the last comma";
    QTest::newRow("double sign") << QByteArray("+-1 2 0\n")
                                 << "points.txt: line 1: x1: '+-1' is not a number";
}

void TestLogRegData::rejects() {
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const auto parsed = io::parseLogRegData(text, "points.txt");
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error().message()), message);
}

void TestLogRegData::missingFileAndFolder() {
    QTemporaryDir dir;
    const QString missing = dir.filePath("none.txt");
    const auto a = io::loadLogRegData(missing);
    QVERIFY(!a.ok());
    QCOMPARE(QString::fromStdString(a.error().message()), missing + ": no such file");
    const auto b = io::loadLogRegData(dir.path());
    QVERIFY(!b.ok());
    QCOMPARE(QString::fromStdString(b.error().message()),
             dir.path() + ": is a folder, not a data file");
}

void TestLogRegData::tooLargeFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.txt");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(io::kMaxLogRegDataBytes + 1)); // sparse: no gigabyte is written
    f.close();
    const auto loaded = io::loadLogRegData(path);
    QVERIFY(!loaded.ok());
    QVERIFY2(QString::fromStdString(loaded.error().message()).contains("file is too large"),
             loaded.error().message().c_str());
}

void TestLogRegData::shippedSample() {
    const auto loaded =
        io::loadLogRegData(QString(BPL_SOURCE_DIR) + "/resources/data/two_gaussians_200.txt");
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
    QCOMPARE(loaded.value().size(), Eigen::Index(200));
    QCOMPARE(loaded.value().countOf(0), Eigen::Index(100));
    QCOMPARE(loaded.value().countOf(1), Eigen::Index(100));
}

void TestLogRegData::roundTrip() {
    LogRegData d;
    d.x1.resize(3);
    d.x2.resize(3);
    d.t.resize(3);
    d.x1 << 0.1, -2.5e-7, 1.0 / 3.0;
    d.x2 << 1e300, -0.0, 42;
    d.t << 0, 1, 1;
    QTemporaryDir dir;
    const QString path = dir.filePath("saved.txt");
    const auto saved = io::saveLogRegData(d, path, "made by a test\nsecond line");
    QVERIFY(saved.ok());
    const auto loaded = io::loadLogRegData(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
    QVERIFY((loaded.value().x1 == d.x1).all());
    QVERIFY((loaded.value().x2 == d.x2).all());
    QVERIFY((loaded.value().t == d.t).all());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("# made by a test\n# second line\nx1 x2 t\n"));
    QVERIFY(!io::saveLogRegData(d, dir.filePath("no/such/folder/x.txt")).ok());
}

QTEST_APPLESS_MAIN(TestLogRegData)
#include "tst_logreg_data.moc"
