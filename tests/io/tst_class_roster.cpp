// Class rosters and the file names of a class folder (io/class_roster.h):
// comments, blank lines, CRLF and a byte-order mark are accepted; bad lines
// are refused with their number; names become ASCII file names, numbered
// when they repeat.
#include "io/class_roster.h"

#include <QtTest>

using namespace bpl;

class TestClassRoster : public QObject {
    Q_OBJECT
  private slots:
    void readsNamesSkippingCommentsAndBlanks() {
        const auto r = io::parseRoster(
            "\xEF\xBB\xBF# 4B\r\n  Ada Lovelace  \r\n\r\nZo\xC3\xAB \xC3\x91\xC3\xBA\xC3\xB1"
            "ez\n#x\n",
            "r.txt");
        QVERIFY(r.ok());
        QCOMPARE(r.value(), (QStringList{"Ada Lovelace", QString::fromUtf8("Zoë Ñúñez")}));
        // Visible text with a zero-width joiner inside (as in some scripts) stays a name.
        const auto joined = io::parseRoster("Ada\xE2\x80\x8D Lovelace\n\xE5\xAD\x94\n", "r.txt");
        QVERIFY(joined.ok());
        QCOMPARE(joined.value().size(), 2);
    }
    void refusesBadLinesWithTheirNumber_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("tab") << QByteArray("Ada\n\nAlan\tTuring\n")
                             << "r.txt: line 3: contains a control character (U+0009)";
        QTest::newRow("latin-1") << QByteArray("Ada\nZo\xEB\n")
                                 << "r.txt: line 2: is not UTF-8 text";
        QTest::newRow("long") << QByteArray(101, 'x')
                              << "r.txt: line 1: the name is 101 characters long; at most 100";
        QTest::newRow("empty") << QByteArray("# nobody\n\n") << "r.txt: no student names";
        // Names that show as nothing, or as other text (issue 24).
        QTest::newRow("zero-width spaces")
            << QByteArray("Ada\n\xE2\x80\x8B\xE2\x80\x8B\xE2\x80\x8B\n")
            << "r.txt: line 2: the name has no visible character";
        QTest::newRow("word joiner and no-break space")
            << QByteArray("\xE2\x81\xA0\xC2\xA0\xE2\x81\xA0\n")
            << "r.txt: line 1: the name has no visible character";
        QTest::newRow("Hangul filler") << QByteArray("Ada\nAlan\n\xE3\x85\xA4\n")
                                       << "r.txt: line 3: the name has no visible character";
        QTest::newRow("right-to-left override")
            << QByteArray("Ada \xE2\x80\xAE"
                          "ecnalevoL\n")
            << "r.txt: line 1: contains a bidirectional control character (U+202E)";
        QTest::newRow("left-to-right isolate")
            << QByteArray("Ada\n\xE2\x81\xA6"
                          "Alan\xE2\x81\xA9\n")
            << "r.txt: line 2: contains a bidirectional control character (U+2066)";
        QByteArray many;
        for (int k = 0; k < 501; ++k)
            many += "S" + QByteArray::number(k) + "\n";
        QTest::newRow("501") << many << "r.txt: line 501: more than 500 students";
    }
    void refusesBadLinesWithTheirNumber() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const auto r = io::parseRoster(bytes, "r.txt");
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message()).startsWith(message),
                 r.error().message().c_str());
    }
    void fileNamesAreAsciiAndNumbered() {
        QCOMPARE(io::asciiFileName(QString::fromUtf8("Zoë Ñúñez-Łukasz")),
                 QString("zoe-nunez-lukasz"));
        QCOMPARE(io::asciiFileName(QString::fromUtf8("Jürgen Groß")), QString("jurgen-gross"));
        QCOMPARE(io::asciiFileName(QString::fromUtf8("Æsa Ørsted")), QString("aesa-orsted"));
        QCOMPARE(io::asciiFileName(QString::fromUtf8("王小明")), QString());
        QCOMPARE(io::asciiFileName("../../etc/passwd"), QString("etc-passwd"));
        QCOMPARE(io::asciiFileName(QString(80, 'a')).size(), 40);
        QCOMPARE(io::classFileStems(
                     {"Ada", QString::fromUtf8("王小明"), "Ada", QString::fromUtf8("李雷")}),
                 (QStringList{"01-ada", "02-student", "03-ada-2", "04-student-2"}));
        QCOMPARE(io::classFileStems(io::numberedStudents(120)).at(119), QString("120-student-120"));
        QCOMPARE(io::classFileStems(io::numberedStudents(120)).at(0), QString("001-student-1"));
    }
};

QTEST_MAIN(TestClassRoster)
#include "tst_class_roster.moc"
