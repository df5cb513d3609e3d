// `backprop-lab check` end to end through the binary (answers-format.md): the
// student's sheet with three slips, the carried sheet, an all-correct sheet,
// JSON keys and values, tolerance options, exit codes 0/1/2/3 with messages
// naming file and JSON path; and `trace --pdf` / `--format html`.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

namespace {

using bpl::test::Run;

Run run(const QStringList& args) { return bpl::test::run(args, 60000); }

QString example(const QString& name) { return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name; }
QString network() { return example("sheet5_321_sigmoid.json"); }
QString student() { return example("answers/sheet5_321_student.json"); }

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QByteArray answers(const QByteArray& entries) {
    return "{\"format\": \"backprop-lab.answers/1\", \"answers\": [" + entries + "]}";
}

} // namespace

class TestCheckCli : public QObject {
    Q_OBJECT
private slots:
    void studentSheetText();
    void studentSheetJson();
    void carriedSheetJson();
    void allCorrectExitsZero();
    void toleranceOptions();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void badFilesExitThree_data();
    void badFilesExitThree();
    void traceWritesPdfAndHtml();
    void checkWritesAMarkedSolution();
    void keyFromTraceJsonIsAllCorrect_data();
    void keyFromTraceJsonIsAllCorrect();
};

void TestCheckCli::studentSheetText() {
    const Run r = run({"check", network(), student()});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.isEmpty());
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.startsWith("Checking sheet5_321_student.json against 3-2-1 sigmoid network"));
    QVERIFY(text.contains("Tolerance: 3 significant figures."));
    QVERIFY(text.contains("half away from zero"));
    QVERIFY(text.contains("0.5769 and 0.576885 both round to 0.577 (3 significant figures)"));
    QVERIFY(text.contains(QString::fromUtf8("new w₁₃⁽¹⁾     0.30124      WRONG     exact 0.300124")));
    QVERIFY(text.contains(QString::fromUtf8("new w₁₃⁽¹⁾ = w₁₃⁽¹⁾ − η ∂E/∂w₁₃⁽¹⁾ = 0.3 - 0.05 × (-0.00247663) = 0.300124")));
    QVERIFY(text.contains("A digit seems to be missing: 0.300124 was written as 0.30124."));
    QVERIFY(text.contains("The sign is wrong"));
    QVERIFY(text.trimmed().endsWith("29 of 32 right; 3 wrong."));
    // Results are grouped under the steps of the solution, forward first.
    QVERIFY(text.indexOf("Forward pass, layer 1") < text.indexOf("Update, layer 1"));
}

void TestCheckCli::studentSheetJson() {
    const Run r = run({"check", network(), student(), "--format", "json"});
    QCOMPARE(r.code, 1);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root["correct"].toInt(), 29);
    QCOMPARE(root["wrong"].toInt(), 3);
    QCOMPARE(root["carried"].toInt(), 0);
    const QJsonArray results = root["results"].toArray();
    QCOMPARE(results.size(), 32);
    // The spec's keys, in file numbering; the slip at answers[26].
    const QJsonObject slip = results[26].toObject();
    QCOMPARE(slip["quantity"].toString(), QString("new_weights"));
    QCOMPARE(slip["layer"].toInt(), 1);
    QCOMPARE(slip["index"].toArray(), (QJsonArray{1, 3}));
    QCOMPARE(slip["given"].toDouble(), 0.30124);
    QVERIFY(qAbs(slip["expected"].toDouble() - (0.3 + 0.05 * 0.00247662627626)) < 1e-12);
    QCOMPARE(slip["status"].toString(), QString("wrong"));
    QVERIFY(slip["explanation"].toString().contains("0.300124"));
    // Output and loss carry no layer (and the loss no index), as in the spec.
    const QJsonObject output = results[5].toObject();
    QCOMPARE(output["quantity"].toString(), QString("output"));
    QVERIFY(!output.contains("layer"));
    const QJsonObject loss = results[6].toObject();
    QVERIFY(!loss.contains("layer") && !loss.contains("index"));
    QCOMPARE(loss["status"].toString(), QString("correct"));
}

void TestCheckCli::carriedSheetJson() {
    const Run r = run({"check", network(), example("answers/sheet5_321_carried.json"), "--format", "json"});
    QCOMPARE(r.code, 1);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root["wrong"].toInt(), 1);
    QCOMPARE(root["carried"].toInt(), 21);
    QCOMPARE(root["correct"].toInt(), 6);
    QCOMPARE(root["summary"].toString(), QString::fromUtf8("6 of 28 right; 1 wrong; 21 carried from δ₁⁽²⁾"));
    for (const QJsonValue& v : root["results"].toArray()) {
        const QJsonObject o = v.toObject();
        if (o["status"].toString() != "carried") continue;
        // Every carried error is traced back to the output delta (layer 2, [1]).
        const QJsonObject origin = o["origins"].toArray().first().toObject();
        QCOMPARE(origin["quantity"].toString(), QString("delta"));
        QCOMPARE(origin["layer"].toInt(), 2);
        QVERIFY(o.contains("recomputed"));
    }
}

void TestCheckCli::allCorrectExitsZero() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, "key.json", answers(R"(
        { "quantity": "z", "layer": 1, "index": [1], "value": 0.576885 },
        { "quantity": "loss", "value": 0.707898 },
        { "quantity": "new_bias", "layer": 1, "index": [2], "value": 0.00124377 })"));
    const Run r = run({"check", network(), path});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("3 of 3 right."));
}

void TestCheckCli::toleranceOptions() {
    // At 4 figures the sheet (written to 4) still has only its three slips;
    // at 5 figures its 4-figure values no longer match.
    const Run four = run({"check", network(), student(), "--format", "json", "--sig-figs", "4"});
    QCOMPARE(QJsonDocument::fromJson(four.out).object()["wrong"].toInt(), 3);
    const Run five = run({"check", network(), student(), "--format", "json", "--sig-figs", "5"});
    QVERIFY(QJsonDocument::fromJson(five.out).object()["correct"].toInt() < 29);
    QVERIFY(QJsonDocument::fromJson(five.out).object()["tolerance_rule"].toString().contains("5 significant figures"));
    // An absolute margin of 0.002 forgives the dropped zero (|0.30124 − 0.300124| = 0.0011),
    // not −0.8 nor the flipped sign (|−0.001244 − 0.00124377| = 0.0025).
    const Run abs = run({"check", network(), student(), "--format", "json", "--absolute", "0.002"});
    QCOMPARE(QJsonDocument::fromJson(abs.out).object()["wrong"].toInt(), 2);
    QCOMPARE(QJsonDocument::fromJson(abs.out).object()["tolerance"].toObject()["absolute"].toDouble(), 0.002);
}

void TestCheckCli::badUsageExitsTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("one file") << QStringList{"check", network()} << "expected a network file and an answer file";
    QTest::newRow("format") << QStringList{"check", network(), student(), "--format", "xml"}
                            << "--format: expected text, json or html, found 'xml'";
    QTest::newRow("zero figures") << QStringList{"check", network(), student(), "--sig-figs", "0"}
                                  << "--sig-figs: expected a whole number from 1 to 15";
    QTest::newRow("both tolerances") << QStringList{"check", network(), student(), "--sig-figs", "3", "--absolute", "0.1"}
                                     << "give either --sig-figs or --absolute/--relative, not both";
    QTest::newRow("negative margin") << QStringList{"check", network(), student(), "--relative", "-1"}
                                     << "--relative: expected a finite number";
    QTest::newRow("notation") << QStringList{"check", network(), student(), "--notation", "klingon"}
                              << "--notation: expected standard, bishop, course or ng";
}

void TestCheckCli::badUsageExitsTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCheckCli::badFilesExitThree_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown quantity") << answers(R"({ "quantity": "weights", "layer": 1, "index": [1, 1], "value": 0.1 })")
                                      << "work.json: answers[0].quantity: unknown quantity \"weights\"";
    QTest::newRow("index out of range") << answers(R"({ "quantity": "delta", "layer": 1, "index": [3], "value": 0.1 })")
                                        << "work.json: answers[0].index[0]: layer 1 has 2 neurons, found index 3";
    QTest::newRow("layer 0 delta") << answers(R"({ "quantity": "delta", "layer": 0, "index": [1], "value": 0.1 })")
                                   << "work.json: answers[0].layer: layer 0 is the input layer: it has no δ";
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "work.json: line 1";
}

void TestCheckCli::badFilesExitThree() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Run r = run({"check", network(), writeFile(dir, "work.json", bytes)});
    QCOMPARE(r.code, 3);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
    // A missing or broken network file is a bad file too.
    const Run missing = run({"check", dir.filePath("nope.json"), student()});
    QCOMPARE(missing.code, 3);
    QVERIFY(missing.err.contains("nope.json: no such file"));
}

void TestCheckCli::traceWritesPdfAndHtml() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath("solution.pdf");
    const Run r = run({"trace", network(), "--pdf", pdf});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY(QFile::exists(pdf));
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    if (!pdftotext.isEmpty()) {
        QProcess p;
        p.start(pdftotext, {pdf, "-"});
        p.waitForFinished(60000);
        QVERIFY(p.readAllStandardOutput().contains("0.707898"));
    }
    const Run both = run({"trace", network(), "--pdf", pdf, "--format", "json"});
    QCOMPARE(both.code, 0);
    QVERIFY(both.out.startsWith("{"));
    const Run html = run({"trace", network(), "--format", "html", "--notation", "bishop"});
    QCOMPARE(html.code, 0);
    QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.out.contains("data:image/png;base64,"));
    const Run unwritable = run({"trace", network(), "--pdf", "/nonexistent-folder/x.pdf"});
    QCOMPARE(unwritable.code, 3);
    QVERIFY(unwritable.err.contains("/nonexistent-folder/x.pdf: cannot write"));
}

void TestCheckCli::checkWritesAMarkedSolution() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath("marked.pdf");
    const Run r = run({"check", network(), student(), "--pdf", pdf});
    QCOMPARE(r.code, 1); // still the verdict on the answers
    QVERIFY(r.out.isEmpty());
    QVERIFY(QFile::exists(pdf));
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    if (!pdftotext.isEmpty()) {
        QProcess p;
        p.start(pdftotext, {pdf, "-"});
        p.waitForFinished(60000);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains("29 of 32 right; 3 wrong"));
        QVERIFY(text.contains(QString::fromUtf8("you wrote 0.30124 — wrong")));
    }
    const Run html = run({"check", network(), student(), "--format", "html"});
    QCOMPARE(html.code, 1);
    QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
    QVERIFY(QString::fromUtf8(html.out).contains(QString::fromUtf8("✗ you wrote −0.8 — wrong")));
}

void TestCheckCli::keyFromTraceJsonIsAllCorrect_data() {
    QTest::addColumn<QString>("file");
    for (const QString& f : QDir(QStringLiteral(BPL_SOURCE_DIR "/resources/examples")).entryList({"*.json"}, QDir::Files)) {
        QTest::newRow(qPrintable(f)) << example(f);
    }
}

void TestCheckCli::keyFromTraceJsonIsAllCorrect() {
    // An answer key written from `trace --format json` (every value of every
    // layer, full precision) is all correct; one value 10% off makes exit 1.
    QFETCH(QString, file);
    const Run trace = run({"trace", file, "--format", "json"});
    QCOMPARE(trace.code, 0);
    const QJsonObject root = QJsonDocument::fromJson(trace.out).object();
    QJsonArray key;
    auto add = [&](const char* quantity, int layer, QJsonArray index, double value) {
        key.append(QJsonObject{{"quantity", quantity}, {"layer", layer}, {"index", index}, {"value", value}});
    };
    const QJsonArray layers = root["layers"].toArray();
    for (int l = 1; l < layers.size() && key.size() < 400; ++l) {
        const QJsonObject o = layers[l].toObject();
        for (const char* q : {"a", "z", "delta", "grad_bias", "new_bias"}) {
            const QJsonArray v = o[q].toArray();
            for (int i = 0; i < v.size(); ++i) add(q, l, {i + 1}, v[i].toDouble());
        }
        for (const char* q : {"grad_weights", "new_weights"}) {
            const QJsonArray rows = o[q].toArray();
            for (int i = 0; i < rows.size(); ++i) {
                const QJsonArray row = rows[i].toArray();
                for (int j = 0; j < row.size(); ++j) add(q, l, {i + 1, j + 1}, row[j].toDouble());
            }
        }
    }
    key.append(QJsonObject{{"quantity", "loss"}, {"value", root["loss"].toDouble()}});
    QTemporaryDir dir;
    QJsonObject sheet{{"format", "backprop-lab.answers/1"}, {"answers", key}};
    const QString path = writeFile(dir, "key.json", QJsonDocument(sheet).toJson());
    const Run r = run({"check", file, path, "--format", "json"});
    QVERIFY2(r.code == 0, r.out.left(600).constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object()["correct"].toInt(), int(key.size()));
    // The loss 10% off: wrong (nothing after it depends on the loss).
    QJsonObject loss = key.last().toObject();
    loss["value"] = 1.1 * loss["value"].toDouble() + 0.01;
    key.replace(key.size() - 1, loss);
    sheet["answers"] = key;
    const Run off = run({"check", file, writeFile(dir, "off.json", QJsonDocument(sheet).toJson()), "--format", "json"});
    QCOMPARE(off.code, 1);
    QCOMPARE(QJsonDocument::fromJson(off.out).object()["wrong"].toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_check_cli.moc"
