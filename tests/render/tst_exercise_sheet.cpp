// Exercise sheets, keys and the class summary (render/exercise_sheet.h): the
// PDFs carry each student's name and code as text (poppler's pdftotext), the
// sheet hides the answers, the key lists every asked value rounded as the sheet
// asks, the summary lists every student, and the preview paginates like the
// PDF. Values come from the hand-worked sheet-5 network (teaching-content.md).
// Set BPL_SHEET_PNG_DIR to keep PNGs of the pages for looking at them.
#include "core/exercise/network_variant.h"
#include "core/trace.h"
#include "render/exercise_sheet.h"
#include "support/sheet5_network.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace bpl;

namespace {

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start(QStandardPaths::findExecutable("pdftotext"), {"-layout", pdf, "-"});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString& pdf) {
    QProcess p;
    p.start(QStandardPaths::findExecutable("pdfinfo"), {pdf});
    p.waitForFinished(60000);
    const auto match =
        QRegularExpression("Pages:\\s+(\\d+)").match(QString::fromUtf8(p.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

io::ExerciseSheet sheet5Sheet(const QString& student, const QString& code) {
    const Trace trace = traceNetwork(test::sheet5());
    return io::networkExerciseSheet(
        trace, exercise::askedQuantityRefs(trace.network, exercise::NetworkTemplate{}), 4,
        "Sheet 5, exercise 1", student, code);
}

void keepPages(const io::PagedDocument& doc, const QString& name) {
    const QString dir = qEnvironmentVariable("BPL_SHEET_PNG_DIR");
    if (dir.isEmpty())
        return;
    for (int p = 0; p < doc.pageCount(); ++p)
        doc.pageImage(p, 110).save(QString("%1/%2-%3.png").arg(dir, name).arg(p + 1));
}

} // namespace

class TestExerciseSheet : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable("pdftotext").isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
    }
    void keyValuesAreRoundedAsOnPaper_data();
    void keyValuesAreRoundedAsOnPaper();
    void questionsFollowTheSteps();
    void sheetHasTheNameAndCodeButNotTheAnswers();
    void keyListsEveryValue();
    void summaryListsEveryStudent();
    void previewPaginatesLikeThePdf();
    void keysTypesetOnWorkerThreadsMatchTheMainThread();
};

void TestExerciseSheet::keyValuesAreRoundedAsOnPaper_data() {
    QTest::addColumn<double>("exact");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");
    QTest::newRow("sigma(0.31)") << 0.5768852611 << 4 << "0.5769";
    QTest::newRow("half away from zero") << 0.12345 << 4 << "0.1235";
    QTest::newRow("negative half") << -0.12345 << 4 << "-0.1235";
    QTest::newRow("tiny keeps 3 figures") << 0.0001234567 << 4 << "0.000123";
    QTest::newRow("large") << 12.345649 << 4 << "12.3456";
    QTest::newRow("two decimals") << 0.576885 << 2 << "0.577";
    QTest::newRow("trailing zero kept") << 0.30000004 << 4 << "0.3000";
    QTest::newRow("zero") << 0.0 << 4 << "0";
}

void TestExerciseSheet::keyValuesAreRoundedAsOnPaper() {
    QFETCH(double, exact);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(io::keyValueText(exact, decimals), text);
    QCOMPARE(io::keyValue(exact, decimals), text.toDouble());
}

void TestExerciseSheet::questionsFollowTheSteps() {
    const io::ExerciseSheet s = sheet5Sheet("Ada Lovelace", "3-2-1/7F3K");
    // a and z: 2 + 1 each, the loss, δ: 3, ∂E/∂w: 6 + 2, ∂E/∂b: 3, new w: 8, new b: 3.
    QCOMPARE(int(s.questions.size()), 3 + 3 + 1 + 3 + 8 + 3 + 8 + 3);
    // a₁⁽¹⁾ = 0.1·3 + 0.2·0.2 + 0.3·(−0.1) = 0.31, first; z₁⁽¹⁾ = σ(0.31) = 0.576885.
    QCOMPARE(s.questions[0].id, QString("a[1][1]"));
    QVERIFY(qAbs(s.questions[0].exact - 0.31) < 1e-12);
    QCOMPARE(s.questions[0].group, QString("Forward pass, layer 1"));
    bool sawZ = false;
    for (const io::SheetQuestion& x : s.questions) {
        if (x.id == "z[1][1]") {
            QVERIFY(qAbs(x.exact - 0.5768852611) < 1e-9);
            sawZ = true;
        }
    }
    QVERIFY(sawZ);
    QCOMPARE(s.questions.back().id, QString("new_bias[1][2]")); // updates walk down from the output
}

void TestExerciseSheet::sheetHasTheNameAndCodeButNotTheAnswers() {
    QTemporaryDir dir;
    const QString student = QString::fromUtf8("Zoë Ñúñez-Łukasz");
    const io::ExerciseSheet s = sheet5Sheet(student, "3-2-1/7F3K");
    const io::PagedDocument doc = io::studentSheetDocument(s);
    const QString path = dir.filePath("sheet.pdf");
    const auto written = doc.writePdf(path);
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().message().c_str());
    keepPages(doc, "sheet");
    const QString text = pdfText(path);
    QVERIFY2(text.contains(student), qPrintable(text.left(400)));
    QVERIFY(text.contains("3-2-1/7F3K"));
    QVERIFY(text.contains("Forward pass, layer 1"));
    QVERIFY(text.contains("4 decimal"));
    // The output σ(a⁽²⁾) = 0.5073 and the loss 0.7079 are asked, not shown.
    QVERIFY(!text.contains("0.5073"));
    QVERIFY(!text.contains("0.7079"));
    // Every question is numbered.
    QVERIFY(text.contains(QString("%1.").arg(s.questions.size())));
}

void TestExerciseSheet::keyListsEveryValue() {
    QTemporaryDir dir;
    const io::ExerciseSheet s = sheet5Sheet("Ada Lovelace", "3-2-1/7F3K");
    const io::PagedDocument doc = io::answerKeyDocument(s);
    const QString path = dir.filePath("key.pdf");
    QVERIFY(doc.writePdf(path).ok());
    keepPages(doc, "key");
    const QString text = pdfText(path);
    QVERIFY(text.contains("Ada Lovelace"));
    QVERIFY(text.contains("3-2-1/7F3K"));
    // Hand-worked values of sheet 5 (teaching-content.md), rounded to 4 decimals.
    for (const char* v : {"0.31", "0.5769", "0.5073", "0.7079"})
        QVERIFY2(text.contains(v), v);
    for (const io::SheetQuestion& x : s.questions) {
        const QString value = io::keyValueText(x.exact, 4).replace('-', QChar(0x2212));
        QVERIFY2(text.contains(value), qPrintable(x.id + " " + value));
    }
    QVERIFY(text.contains("Worked solution"));
}

void TestExerciseSheet::summaryListsEveryStudent() {
    QTemporaryDir dir;
    const QStringList names = {"Ada Lovelace", QString::fromUtf8("Émile Zola"), "Alan Turing",
                               "Grace Hopper"};
    const QStringList codes = {"3-2-1/0001", "3-2-1/7F3K", "3-2-1/ZZZZ", "3-2-1/A1B2"};
    std::vector<io::ExerciseSheet> sheets;
    for (int k = 0; k < names.size(); ++k)
        sheets.push_back(sheet5Sheet(names[k], codes[k]));
    const io::PagedDocument doc =
        io::classSummaryDocument("Sheet 5", "4 students, class seed 1", sheets);
    const QString path = dir.filePath("summary.pdf");
    QVERIFY(doc.writePdf(path).ok());
    keepPages(doc, "summary");
    const QString text = pdfText(path);
    for (int k = 0; k < names.size(); ++k) {
        QVERIFY2(text.contains(names[k]), qPrintable(names[k]));
        QVERIFY2(text.count(codes[k]) >= 2,
                 qPrintable(codes[k])); // the list and the student's table
    }
    QVERIFY(text.contains("0.5769"));
}

void TestExerciseSheet::previewPaginatesLikeThePdf() {
    QTemporaryDir dir;
    const io::ExerciseSheet s = sheet5Sheet("Ada Lovelace", "3-2-1/7F3K");
    for (const io::PagedDocument& doc : {io::studentSheetDocument(s), io::answerKeyDocument(s)}) {
        const QString path = dir.filePath("doc.pdf");
        QVERIFY(doc.writePdf(path).ok());
        QVERIFY(doc.pageCount() >= 1);
        QCOMPARE(doc.pageCount(), pdfPages(path));
        const QImage page = doc.pageImage(0, 72);
        QCOMPARE(page.size(), QSize(595, 842)); // A4 at 72 dpi
        QVERIFY(page.pixelColor(10, 10) == QColor(Qt::white));
        QVERIFY(doc.pageImage(doc.pageCount(), 72).isNull());
        // Something is drawn inside the margins.
        bool ink = false;
        for (int y = 60; y < 200 && !ink; ++y) {
            for (int x = 60; x < 500 && !ink; ++x)
                ink = page.pixelColor(x, y).lightness() < 128;
        }
        QVERIFY(ink);
    }
}

// `sheets` typesets several students at once (render/class_sheets.cpp): a
// key made on worker threads, four at a time, has the same pages and text
// as one made on the main thread, and pdf() holds the bytes writePdf writes.
void TestExerciseSheet::keysTypesetOnWorkerThreadsMatchTheMainThread() {
    QTemporaryDir dir;
    const QStringList names = {"Ada Lovelace", QString::fromUtf8("Émile Zola"), "Alan Turing",
                               "Grace Hopper"};
    std::vector<io::ExerciseSheet> sheets;
    for (const QString& name : names)
        sheets.push_back(sheet5Sheet(name, "3-2-1/7F3K"));
    std::vector<QByteArray> onWorkers(sheets.size());
    std::vector<std::thread> workers;
    for (size_t k = 0; k < sheets.size(); ++k) {
        workers.emplace_back([&, k] {
            auto pdf = io::answerKeyDocument(sheets[k]).pdf();
            if (pdf)
                onWorkers[k] = pdf.value();
        });
    }
    for (std::thread& t : workers)
        t.join();
    for (size_t k = 0; k < sheets.size(); ++k) {
        const QString mainPath = dir.filePath(QString("main-%1.pdf").arg(k));
        QVERIFY(io::answerKeyDocument(sheets[k]).writePdf(mainPath).ok());
        QVERIFY(onWorkers[k].startsWith("%PDF-"));
        const QString workerPath = dir.filePath(QString("worker-%1.pdf").arg(k));
        QFile out(workerPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(onWorkers[k]), onWorkers[k].size());
        out.close();
        const QString text = pdfText(mainPath);
        QVERIFY2(text.contains(names[int(k)]), qPrintable(text.left(300)));
        QCOMPARE(pdfText(workerPath), text);
        QCOMPARE(pdfPages(workerPath), pdfPages(mainPath));
    }
}

QTEST_MAIN(TestExerciseSheet)
#include "tst_exercise_sheet.moc"
