// `backprop-lab sheets` and `check --class` end to end: a class of 30 gets 30
// distinct codes, sheets and keys whose text (poppler's pdftotext) has each
// student's name and code; the same seed gives the same codes; bad rosters and
// counts are refused with the right exit status; each key checks all correct
// against its own variant and a neighbour's key does not; and a folder of
// scripts crafted from the hand-worked sheet-5 values (teaching-content.md §1)
// is marked into exactly the expected CSV totals.
#include "support/cli_run.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using bpl::test::run;

namespace {

const QString kSheet5 =
    QStringLiteral(BPL_SOURCE_DIR "/resources/examples/sheet5_321_sigmoid.json");

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start(QStandardPaths::findExecutable("pdftotext"), {pdf, "-"});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// class.csv as rows of fields (no field of these tests is quoted).
QList<QStringList> csvRows(const QByteArray& csv) {
    QList<QStringList> rows;
    for (const QString& line : QString::fromUtf8(csv).split('\n', Qt::SkipEmptyParts))
        rows << line.split(',');
    return rows;
}

QStringList thirtyNames() {
    const QStringList first = {"Ada",    "Zoë",   "Émile", "Αλέξανδρος", "Дмитрий",
                               "Łukasz", "Søren", "Ñuño",  "Grace",      "Alan"};
    const QStringList last = {"Lovelace", "Müller", "Öztürk"};
    QStringList names;
    for (int k = 0; k < 30; ++k)
        names << first[k % 10] + " " + last[k / 10];
    return names;
}

// The codes of a class folder, in roster order.
QStringList codesOf(const QString& folder) {
    QStringList codes;
    const QList<QStringList> rows = csvRows(readFile(folder + "/class.csv"));
    for (int k = 1; k < rows.size(); ++k)
        codes << rows[k].value(1);
    return codes;
}

// A network file: sheet 5 with every value fixed by its template, so every
// variant is the hand-worked exercise and the expected values are the book's.
QByteArray fixedSheet5() {
    QJsonObject root = QJsonDocument::fromJson(readFile(kSheet5)).object();
    QJsonArray fixed;
    for (int l = 1; l <= 2; ++l) {
        fixed.append(QJsonObject{{"parameter", "weights"}, {"layer", l}});
        fixed.append(QJsonObject{{"parameter", "bias"}, {"layer", l}});
    }
    fixed.append(QJsonObject{{"parameter", "input"}});
    fixed.append(QJsonObject{{"parameter", "target"}});
    root["variants"] = QJsonObject{{"fixed", fixed}};
    return QJsonDocument(root).toJson();
}

QJsonObject answer(const char* quantity, int layer, QList<int> index, double value) {
    QJsonObject a{{"quantity", quantity}, {"value", value}};
    if (layer > 0)
        a["layer"] = layer;
    QJsonArray i;
    for (int x : index)
        i.append(x);
    if (!index.isEmpty())
        a["index"] = i;
    return a;
}

// The 32 asked values of sheet 5 (teaching-content.md §1, 6 significant figures).
QJsonArray sheet5Answers() {
    return {answer("a", 1, {1}, 0.31),
            answer("a", 1, {2}, -0.28),
            answer("z", 1, {1}, 0.576885),
            answer("z", 1, {2}, 0.430454),
            answer("a", 2, {1}, 0.0292863),
            answer("z", 2, {1}, 0.507321),
            answer("loss", 0, {}, 0.707898),
            answer("delta", 2, {1}, 0.507321),
            answer("delta", 1, {1}, 0.0247663),
            answer("delta", 1, {2}, -0.0248753),
            answer("grad_weights", 2, {1, 1}, 0.292666),
            answer("grad_weights", 2, {1, 2}, 0.218378),
            answer("grad_bias", 2, {1}, 0.507321),
            answer("grad_weights", 1, {1, 1}, 0.0742988),
            answer("grad_weights", 1, {1, 2}, 0.00495325),
            answer("grad_weights", 1, {1, 3}, -0.00247663),
            answer("grad_weights", 1, {2, 1}, -0.0746259),
            answer("grad_weights", 1, {2, 2}, -0.00497506),
            answer("grad_weights", 1, {2, 3}, 0.00248753),
            answer("grad_bias", 1, {1}, 0.0247663),
            answer("grad_bias", 1, {2}, -0.0248753),
            answer("new_weights", 2, {1, 1}, 0.185367),
            answer("new_weights", 2, {1, 2}, -0.210919),
            answer("new_bias", 2, {1}, -0.0253661),
            answer("new_weights", 1, {1, 1}, 0.0962851),
            answer("new_weights", 1, {1, 2}, 0.199752),
            answer("new_weights", 1, {1, 3}, 0.300124),
            answer("new_weights", 1, {2, 1}, -0.0962687),
            answer("new_weights", 1, {2, 2}, 0.000248753),
            answer("new_weights", 1, {2, 3}, -0.200124),
            answer("new_bias", 1, {1}, -0.00123831),
            answer("new_bias", 1, {2}, 0.00124377)};
}

QByteArray script(const QString& variant, const QString& student, const QJsonArray& answers) {
    QJsonObject root{{"format", "backprop-lab.answers/1"}, {"answers", answers}};
    if (!variant.isEmpty())
        root["variant"] = variant;
    if (!student.isEmpty())
        root["student"] = student;
    return QJsonDocument(root).toJson();
}

// The answers with the value of the quantity at `position` (0-based) replaced.
QJsonArray replaced(QJsonArray answers, int position, double value) {
    QJsonObject a = answers[position].toObject();
    a["value"] = value;
    answers[position] = a;
    return answers;
}

} // namespace

class TestSheetsCli : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable("pdftotext").isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
    }
    void classOfThirty();
    void sameSeedSameCodes();
    void badUsageExits2_data();
    void badUsageExits2();
    void badRosterExits3WithTheLine();
    void keysCheckAgainstTheirOwnVariantOnly();
    void classCheckTotalsCraftedScripts();
    void classCheckFolderErrors();
    void mathsExercises_data();
    void mathsExercises();
};

void TestSheetsCli::classOfThirty() {
    QTemporaryDir dir;
    const QStringList names = thirtyNames();
    writeFile(dir.filePath("roster.txt"), "# class 4B\n\n" + names.join("\n").toUtf8() + "\n");
    const QString out = dir.filePath("class");
    const auto r =
        run({"sheets", kSheet5, "--roster", dir.filePath("roster.txt"), "--out", out}, 300000);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.startsWith("30 sheets"));
    const QStringList codes = codesOf(out);
    QCOMPARE(codes.size(), 30);
    QCOMPARE(QSet<QString>(codes.begin(), codes.end()).size(), 30);
    for (const QString& code : codes)
        QVERIFY2(QRegularExpression("^3-2-1/[0-9A-HJKMNP-TV-Z]{4}$").match(code).hasMatch(),
                 qPrintable(code));
    QCOMPARE(QDir(out + "/sheets").entryList({"*.pdf"}, QDir::Files).size(), 30);
    QCOMPARE(QDir(out + "/keys").entryList({"*.pdf"}, QDir::Files).size(), 30);
    QCOMPARE(QDir(out + "/answers").entryList({"*.json"}, QDir::Files).size(), 30);
    QVERIFY(QFile::exists(out + "/sheets/12-zoe-muller.pdf")); // transliterated
    QVERIFY(QFile::exists(out + "/sheets/04-lovelace.pdf"));   // the Greek first name has no ASCII
    QVERIFY(QFile::exists(out + "/sheets/05-lovelace-2.pdf")); // nor the Cyrillic: numbered
    QVERIFY(QFile::exists(out + "/keys/30-alan-ozturk-key.pdf"));
    const QList<QStringList> rows = csvRows(readFile(out + "/class.csv"));
    for (int k = 0; k < 30; ++k) {
        QCOMPARE(rows[k + 1][0], names[k]);
        for (const QString& file : {rows[k + 1][2], rows[k + 1][3]}) {
            const QString text = pdfText(out + "/" + file);
            QVERIFY2(text.contains(names[k]), qPrintable(file + ": " + names[k]));
            QVERIFY2(text.contains(codes[k]), qPrintable(file + ": " + codes[k]));
        }
        // The answers file to fill in names the variant and the student.
        const QJsonObject answers =
            QJsonDocument::fromJson(readFile(out + "/" + rows[k + 1][4])).object();
        QCOMPARE(answers["variant"].toString(), codes[k]);
        QCOMPARE(answers["student"].toString(), names[k]);
    }
    const QString summary = pdfText(out + "/class-summary.pdf");
    for (int k = 0; k < 30; ++k)
        QVERIFY2(summary.contains(codes[k]), qPrintable(codes[k]));
    QVERIFY(summary.contains(names[29]));
    // The summary on stdout lists every code.
    for (const QString& code : codes)
        QVERIFY(r.out.contains(code.toUtf8()));
}

void TestSheetsCli::sameSeedSameCodes() {
    QTemporaryDir dir;
    auto codes = [&](const QString& name, const QString& seed) {
        const auto r = run(
            {"sheets", kSheet5, "--students", "4", "--seed", seed, "--out", dir.filePath(name)});
        return r.code == 0 ? codesOf(dir.filePath(name))
                           : QStringList{"failed: " + QString::fromUtf8(r.err)};
    };
    const QStringList first = codes("a", "7");
    QCOMPARE(first.size(), 4);
    QCOMPARE(codes("b", "7"), first);
    QVERIFY(codes("c", "8") != first);
    // The keys are the same file for the same seed.
    QCOMPARE(readFile(dir.filePath("a/keys/01-student-1-key.json")),
             readFile(dir.filePath("b/keys/01-student-1-key.json")));
}

void TestSheetsCli::badUsageExits2_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("0 students") << QStringList{"--students", "0"};
    QTest::newRow("501 students") << QStringList{"--students", "501"};
    QTest::newRow("not a number") << QStringList{"--students", "ten"};
    QTest::newRow("both") << QStringList{"--students", "3", "--roster", "r.txt"};
    QTest::newRow("neither") << QStringList{};
    QTest::newRow("bad seed") << QStringList{"--students", "3", "--seed", "-1"};
}

void TestSheetsCli::badUsageExits2() {
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const auto r = run(QStringList{"sheets", kSheet5, "--out", dir.filePath("x")} + args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath("x")));
    QCOMPARE(run({"sheets", kSheet5, "--students", "3"}).code, 2); // no --out
    // Not a folder, or no parent to create it in: bad input, nothing on stdout.
    const auto device = run({"sheets", kSheet5, "--students", "2", "--out", "/dev/null"});
    QCOMPARE(device.code, 3);
    QVERIFY(device.out.isEmpty());
    QVERIFY(device.err.contains("/dev/null: exists and is not a folder"));
    QCOMPARE(run({"sheets", kSheet5, "--students", "2", "--out", dir.filePath("no/such/x")}).code,
             3);
}

void TestSheetsCli::badRosterExits3WithTheLine() {
    QTemporaryDir dir;
    writeFile(dir.filePath("roster.txt"), "Ada Lovelace\n# a comment\nAlan\tTuring\n");
    auto r = run(
        {"sheets", kSheet5, "--roster", dir.filePath("roster.txt"), "--out", dir.filePath("x")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("roster.txt: line 3: contains a control character"), r.err.constData());
    writeFile(dir.filePath("latin1.txt"), "Ada\nZo\xEB\n");
    r = run(
        {"sheets", kSheet5, "--roster", dir.filePath("latin1.txt"), "--out", dir.filePath("x")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("line 2: is not UTF-8"), r.err.constData());
    writeFile(dir.filePath("long.txt"), QByteArray(101, 'x'));
    r = run({"sheets", kSheet5, "--roster", dir.filePath("long.txt"), "--out", dir.filePath("x")});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("line 1: the name is 101 characters long"), r.err.constData());
    writeFile(dir.filePath("empty.txt"), "# nobody\n\n");
    r = run({"sheets", kSheet5, "--roster", dir.filePath("empty.txt"), "--out", dir.filePath("x")});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains("no student names"));
    QVERIFY(!QFileInfo::exists(dir.filePath("x")));
}

void TestSheetsCli::keysCheckAgainstTheirOwnVariantOnly() {
    QTemporaryDir dir;
    const QString out = dir.filePath("class");
    QCOMPARE(run({"sheets", kSheet5, "--students", "3", "--out", out}).code, 0);
    const QStringList codes = codesOf(out);
    // Every key, marked against the variant it names: 32 of 32 correct.
    auto r = run({"check", "--class", out + "/keys", kSheet5});
    QVERIFY2(r.code == 0, r.err.constData());
    QList<QStringList> rows = csvRows(r.out);
    QCOMPARE(rows.size(), 4);
    const int scoreColumn = int(rows[0].size()) - 1;
    for (int k = 1; k <= 3; ++k) {
        QCOMPARE(rows[k][scoreColumn - 4], QString("32")); // correct
        QCOMPARE(rows[k][scoreColumn], QString("1"));
    }
    // One key at a time, as a student checks: all correct (exit 0).
    const auto single = run({"check", kSheet5, out + "/keys/03-student-3-key.json"});
    QVERIFY2(single.code == 0, single.err.constData());
    QVERIFY(single.out.contains("32 of 32 right"));
    // Student 2's key handed in under student 1's code: not their variant.
    QDir().mkpath(dir.filePath("swapped"));
    QJsonObject key =
        QJsonDocument::fromJson(readFile(out + "/keys/02-student-2-key.json")).object();
    key["variant"] = codes[0];
    writeFile(dir.filePath("swapped/neighbour.json"), QJsonDocument(key).toJson());
    QCOMPARE(run({"check", kSheet5, dir.filePath("swapped/neighbour.json")}).code, 1);
    r = run({"check", "--class", dir.filePath("swapped"), kSheet5});
    QCOMPARE(r.code, 0);
    rows = csvRows(r.out);
    QCOMPARE(rows.size(), 2);
    QVERIFY2(rows[1][scoreColumn - 4].toInt() < 16,
             qPrintable(rows[1].join(','))); // most are wrong
    QVERIFY(rows[1][scoreColumn - 3].toInt() + rows[1][scoreColumn - 2].toInt() > 16);
}

void TestSheetsCli::classCheckTotalsCraftedScripts() {
    QTemporaryDir dir;
    writeFile(dir.filePath("sheet5-fixed.json"), fixedSheet5());
    const QString exercise = dir.filePath("sheet5-fixed.json");
    QCOMPARE(run({"sheets", exercise, "--students", "3", "--out", dir.filePath("class")}).code, 0);
    const QStringList codes = codesOf(dir.filePath("class"));
    QCOMPARE(codes.size(), 3);
    const QString scripts = dir.filePath("scripts");
    QDir().mkpath(scripts);
    const QJsonArray all = sheet5Answers();
    // Ada: every value right.
    writeFile(scripts + "/ada.json", script(codes[0], "Ada", all));
    // Ben: the real slips of teaching-content.md: new w₁₃⁽¹⁾ = 0.30124 (a
    // dropped zero), new w₂₃⁽¹⁾ = −0.8, new b₂⁽¹⁾ with the wrong sign.
    writeFile(scripts + "/ben.json",
              script(codes[1], "Ben",
                     replaced(replaced(replaced(all, 26, 0.30124), 29, -0.8), 31, -0.00124377)));
    // Cy: the forward pass only, with a⁽²⁾ = 0.3 (a slipped decimal): z⁽²⁾ =
    // σ(0.3) = 0.574443 and E = −ln(1 − 0.574443) = 0.854356 are carried.
    QJsonArray cy;
    for (int k = 0; k < 4; ++k)
        cy.append(all[k]);
    cy.append(answer("a", 2, {1}, 0.3));
    cy.append(answer("z", 2, {1}, 0.574443));
    cy.append(answer("loss", 0, {}, 0.854356));
    writeFile(scripts + "/cy.json", script(codes[2], "Cy, the third", cy));
    writeFile(scripts + "/dee.json", script({}, "Dee", all)); // no variant: skipped
    writeFile(scripts + "/eve.json", "{\"format\": ");        // not JSON: skipped
    writeFile(scripts + "/notes.txt", "not an answers file"); // not *.json: ignored

    const QString byQuestion = dir.filePath("by-question.csv");
    const auto r = run({"check", "--class", scripts, exercise, "--by-question", byQuestion});
    QCOMPARE(r.code, 1); // two files skipped
    QVERIFY2(r.err.contains("skipped " + scripts.toUtf8() + "/dee.json: variant: names no variant"),
             r.err.constData());
    QVERIFY2(r.err.contains("skipped " + scripts.toUtf8() + "/eve.json"), r.err.constData());
    const QList<QStringList> rows = csvRows(r.out);
    QCOMPARE(rows.size(), 4); // header, ada, ben, cy (by file name)
    QCOMPARE(rows[0].mid(0, 6),
             (QStringList{"student", "variant", "file", "a[1][1]", "a[1][2]", "z[1][1]"}));
    QCOMPARE(rows[0].size(), 3 + 32 + 5);
    QCOMPARE(rows[0][3 + 26], QString("new_weights[1][1][3]"));
    QCOMPARE(rows[0].mid(35), (QStringList{"correct", "wrong", "carried", "missing", "score"}));
    QCOMPARE(rows[1].mid(0, 3), (QStringList{"Ada", codes[0], "ada.json"}));
    QCOMPARE(rows[1].mid(35), (QStringList{"32", "0", "0", "0", "1"}));
    QCOMPARE(rows[2].mid(35), (QStringList{"29", "3", "0", "0", "0.9062"}));
    QCOMPARE(rows[2][3 + 26], QString("wrong"));
    QCOMPARE(rows[2][3 + 29], QString("wrong"));
    QCOMPARE(rows[2][3 + 31], QString("wrong"));
    // "Cy, the third" is quoted; the row splits on its comma once more.
    QVERIFY(
        r.out.contains("\"Cy, the third\"," + codes[2].toUtf8() +
                       ",cy.json,correct,correct,correct,correct,wrong,carried,carried,missing"));
    QCOMPARE(rows[3].mid(36), (QStringList{"4", "1", "2", "25", "0.125"}));

    const QList<QStringList> questions = csvRows(readFile(byQuestion));
    QCOMPARE(questions.size(), 33);
    QCOMPARE(questions[0], (QStringList{"rank", "question", "id", "symbol", "step", "correct",
                                        "wrong", "carried", "missing", "share_wrong"}));
    // Most missed first: four questions with one new mistake each, in sheet
    // order: a⁽²⁾ (5), new w₁₃⁽¹⁾ (27), new w₂₃⁽¹⁾ (30), new b₂⁽¹⁾ (32); the step
    // name has a comma, so it is quoted (and splits here).
    QCOMPARE(questions[1].mid(0, 3), (QStringList{"1", "5", "a[2][1]"}));
    QCOMPARE(questions[1].mid(questions[1].size() - 5),
             (QStringList{"2", "1", "0", "0", "0.3333"}));
    QCOMPARE(questions[2].mid(0, 3), (QStringList{"2", "27", "new_weights[1][1][3]"}));
    QCOMPARE(questions[2].mid(questions[2].size() - 5),
             (QStringList{"1", "1", "0", "1", "0.3333"}));
    QCOMPARE(questions[3][1], QString("30"));
    QCOMPARE(questions[4][1], QString("32"));
    // Then the carried ones: z⁽²⁾ (6) and the loss (7).
    QCOMPARE(questions[5].mid(0, 3), (QStringList{"5", "6", "z[2][1]"}));
    QCOMPARE(questions[6].mid(0, 3), (QStringList{"6", "7", "loss"}));
    QCOMPARE(questions[6].mid(questions[6].size() - 5), (QStringList{"2", "0", "1", "0", "0"}));

    // --out: the CSV goes to the file, a summary to stdout.
    const auto summary =
        run({"check", "--class", scripts, exercise, "--out", dir.filePath("scores.csv")});
    QCOMPARE(summary.code, 1);
    QCOMPARE(readFile(dir.filePath("scores.csv")), r.out);
    QVERIFY2(
        summary.out.contains("Marked 3 answers files (2 skipped, see above): mean score 67.7%"),
        summary.out.constData());
    QVERIFY(summary.out.contains("Most missed:"));
}

void TestSheetsCli::classCheckFolderErrors() {
    QTemporaryDir dir;
    auto r = run({"check", "--class", dir.filePath("nowhere"), kSheet5});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("no such folder"));
    r = run({"check", "--class", dir.path(), kSheet5});
    QCOMPARE(r.code, 3);
    QVERIFY(r.err.contains("no answers files"));
    writeFile(dir.filePath("a.json"), "[]");
    r = run({"check", "--class", dir.path(), kSheet5});
    QCOMPARE(r.code, 3); // nothing could be marked
    QVERIFY(r.out.isEmpty());
    QCOMPARE(run({"check", "--class", dir.path()}).code, 2); // no exercise
    QCOMPARE(run({"check", "--class", dir.path(), kSheet5, "--format", "json"}).code, 2);
    QCOMPARE(run({"check", kSheet5, dir.filePath("a.json"), "--out", "x.csv"}).code, 2);
}

void TestSheetsCli::mathsExercises_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("questions");
    // f = (x² + σ(y)) / (3x + y − σ(x)): 8 operations (values), then ∂f/∂ every node but f (9).
    QTest::newRow("chain") << "chain_course.json"
                           << "chain" << 8 + 9;
    // A 4×4 input and a 2×2 filter: F is 3×3, ∂E/∂W 2×2, ∂E/∂X 4×4.
    QTest::newRow("conv") << "conv_4x4_2x2.json"
                          << "conv4x4-2x2" << 9 + 4 + 16;
}

void TestSheetsCli::mathsExercises() {
    QFETCH(QString, file);
    QFETCH(QString, shape);
    QFETCH(int, questions);
    QTemporaryDir dir;
    const QString exercise = QStringLiteral(BPL_SOURCE_DIR "/resources/examples/exercises/") + file;
    const QString out = dir.filePath("class");
    const auto r = run({"sheets", exercise, "--students", "3", "--out", out});
    QVERIFY2(r.code == 0, r.err.constData());
    const QStringList codes = codesOf(out);
    QCOMPARE(codes.size(), 3);
    for (const QString& code : codes)
        QVERIFY2(code.startsWith(shape + "/"), qPrintable(code));
    QVERIFY(pdfText(out + "/sheets/02-student-2.pdf").contains(codes[1]));
    QVERIFY(pdfText(out + "/keys/03-student-3-key.pdf").contains(codes[2]));
    const QJsonObject answers =
        QJsonDocument::fromJson(readFile(out + "/answers/01-student-1.json")).object();
    QCOMPARE(answers["format"].toString(), QString("backprop-lab.maths-answers/1"));
    QCOMPARE(answers["variant"].toString(), codes[0]);
    // Every key checks all correct against its own variant, alone and as a class.
    const auto single = run({"check", exercise, out + "/keys/02-student-2-key.json"});
    QVERIFY2(single.code == 0, single.out.constData());
    const auto marked = run({"check", "--class", out + "/keys", exercise});
    QVERIFY2(marked.code == 0, marked.err.constData());
    const QList<QStringList> rows = csvRows(marked.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[0].size(), 3 + questions + 5);
    for (int k = 1; k <= 3; ++k) {
        QCOMPARE(rows[k].mid(rows[k].size() - 5),
                 (QStringList{QString::number(questions), "0", "0", "0", "1"}));
    }
    // Student 3's key under student 1's code fails.
    QJsonObject key =
        QJsonDocument::fromJson(readFile(out + "/keys/03-student-3-key.json")).object();
    key["variant"] = codes[0];
    writeFile(dir.filePath("neighbour.json"), QJsonDocument(key).toJson());
    QCOMPARE(run({"check", exercise, dir.filePath("neighbour.json")}).code, 1);
}

QTEST_MAIN(TestSheetsCli)
#include "tst_sheets_cli.moc"
