// The class CSV files (io/class_scores_csv.h): text that a spreadsheet would
// run as a formula gets a leading single quote (OWASP's advice), quoting
// follows RFC 4180, and the numbers we write stay numbers.
#include "io/class_scores_csv.h"

#include <QtTest>

using namespace bpl;

class TestClassScoresCsv : public QObject {
    Q_OBJECT
  private slots:
    void textFieldsAreNeutralised_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("plain") << "Ada Lovelace" << QByteArray("Ada Lovelace");
        QTest::newRow("=") << "=HYPERLINK(\"http://x\",\"y\")"
                           << QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        QTest::newRow("@") << "@SUM(1+1)*cmd|' /C calc'!A0"
                           << QByteArray("'@SUM(1+1)*cmd|' /C calc'!A0");
        QTest::newRow("+") << "+1" << QByteArray("'+1");
        QTest::newRow("-") << "-0.5" << QByteArray("'-0.5"); // a name, not one of our numbers
        QTest::newRow("tab") << "\t=1" << QByteArray("'\t=1");
        QTest::newRow("CR") << "\r=1" << QByteArray("\"'\r=1\"");
        QTest::newRow("inside") << "Ada=1" << QByteArray("Ada=1");
        QTest::newRow("comma") << "Lovelace, Ada" << QByteArray("\"Lovelace, Ada\"");
        QTest::newRow("empty") << "" << QByteArray("");
    }
    void textFieldsAreNeutralised() {
        QFETCH(QString, text);
        QFETCH(QByteArray, field);
        QCOMPARE(io::csvField(text), field);
    }
    void numbersStayNumbers() {
        ClassScores scores;
        scores.questions = {{"a[1][1]", "a", "Forward"}, {"a[1][2]", "b", "Forward"}};
        scores.add({"=cmd", "-1/ABCD", "@x.json", {QuestionMark::Correct, QuestionMark::Wrong}});
        QCOMPARE(
            io::classScoresCsv(scores),
            QByteArray("student,variant,file,a[1][1],a[1][2],correct,wrong,carried,missing,score\n"
                       "'=cmd,'-1/ABCD,'@x.json,correct,wrong,1,1,0,0,0.5\n"));
        QCOMPARE(io::classQuestionsCsv(scores).split('\n')[1],
                 QByteArray("1,2,a[1][2],b,Forward,0,1,0,0,1"));
    }
};

QTEST_GUILESS_MAIN(TestClassScoresCsv)
#include "tst_class_scores_csv.moc"
