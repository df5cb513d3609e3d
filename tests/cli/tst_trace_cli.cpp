// `backprop-lab trace` end to end through the binary: exit codes, stderr
// messages, the JSON keys of shared/spec/trace-output.md and their values.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

namespace {

using bpl::test::Run;

Run run(const QStringList& args) { return bpl::test::run(args, 60000); }

QString example(const char* name) { return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name; }

double at(const QJsonValue& v, int i) { return v.toArray()[i].toDouble(); }

} // namespace

class TestTraceCli : public QObject {
    Q_OBJECT
private slots:
    void textIsTheWorkedSolution();
    void jsonHasTheSpecKeysAndValues();
    void jsonShapesForEveryExample_data();
    void jsonShapesForEveryExample();
    void overridesChangeTheResult();
    void otherFormatsAndGradientCheck();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void badFileExitsThree();
};

void TestTraceCli::textIsTheWorkedSolution() {
    const Run r = run({"trace", example("sheet5_321_sigmoid.json")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const QString text = QString::fromUtf8(r.out);
    for (const char* needle : {"a₁⁽¹⁾ = w₁₁⁽¹⁾z₁⁽⁰⁾ + w₁₂⁽¹⁾z₂⁽⁰⁾ + w₁₃⁽¹⁾z₃⁽⁰⁾ + b₁⁽¹⁾ = 0.1 × 3 + 0.2 × 0.2 + 0.3 × (-0.1) + 0 = 0.31",
                               "= 0.576885", "= 0.430454", "= 0.0292863", "= 0.507321", "E = ", "= 0.707898",
                               "δ₁⁽²⁾ = z₁⁽²⁾ − t₁ = 0.507321 - 0 = 0.507321", "= 0.292666", "= 0.218378",
                               "δ₁⁽¹⁾ = z₁⁽¹⁾(1 − z₁⁽¹⁾) · (w₁₁⁽²⁾δ₁⁽²⁾) = 0.576885 × (1 - 0.576885) × (0.2 × 0.507321) = 0.0247663",
                               "= -0.0248753", "= 0.0742988", "= -0.00247663", "= 0.185367", "= -0.210919",
                               "= -0.0253661", "= 0.0962851", "= 0.300124", "= 0.000248753", "= -0.200124",
                               "= -0.00123831", "= 0.00124377", "δ = y − t"}) {
        QVERIFY2(text.contains(QString::fromUtf8(needle)), needle);
    }
}

void TestTraceCli::jsonHasTheSpecKeysAndValues() {
    const Run r = run({"trace", example("sheet5_321_sigmoid.json"), "--format", "json"});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    // Full double precision, not rounded (spec): compare to 1e-12.
    QVERIFY(qAbs(root["loss"].toDouble() - 0.70789753613500) < 1e-12);
    QVERIFY(qAbs(at(root["output"], 0) - 0.50732105099674) < 1e-12);
    const QJsonArray layers = root["layers"].toArray();
    QCOMPARE(layers.size(), 3);
    const QJsonObject l0 = layers[0].toObject();
    QCOMPARE(l0["index"].toInt(), 0);
    QCOMPARE(at(l0["z"], 0), 3.0);
    QVERIFY(!l0.contains("delta"));
    const QJsonObject l1 = layers[1].toObject();
    QCOMPARE(l1["index"].toInt(), 1);
    QVERIFY(qAbs(at(l1["a"], 0) - 0.31) < 1e-15);
    QVERIFY(qAbs(at(l1["z"], 1) - 0.43045377606077) < 1e-12);
    QVERIFY(qAbs(at(l1["delta"], 0) - 0.02476626276263) < 1e-12);
    QVERIFY(qAbs(at(l1["delta"], 1) + 0.02487530291124) < 1e-12);
    QVERIFY(qAbs(at(l1["grad_bias"], 1) + 0.02487530291124) < 1e-12);
    QVERIFY(qAbs(at(l1["grad_weights"].toArray()[0], 0) - 0.0742987882879) < 1e-11);
    QVERIFY(qAbs(at(l1["new_weights"].toArray()[0], 2) - 0.30012383131381) < 1e-12);
    QVERIFY(qAbs(at(l1["new_bias"], 0) + 0.00123831313813) < 1e-12);
    const QJsonObject l2 = layers[2].toObject();
    QVERIFY(qAbs(at(l2["new_weights"].toArray()[0], 1) + 0.21091891310383) < 1e-12);
    // Extra keys: steps with formulas.
    const QJsonArray steps = root["steps"].toArray();
    QCOMPARE(steps.size(), 9);
    QCOMPARE(steps[0].toObject()["kind"].toString(), QString("forward"));
    const QJsonObject firstScalar = steps[0].toObject()["scalars"].toArray()[0].toObject();
    QCOMPARE(firstScalar["quantity"].toString(), QString("a"));
    QCOMPARE(firstScalar["index"].toArray()[0].toInt(), 1);
    QVERIFY(firstScalar["latex"].toString().startsWith("a_{1}^{(1)} = w_{11}^{(1)}"));
}

void TestTraceCli::jsonShapesForEveryExample_data() {
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(BPL_SOURCE_DIR "/resources/examples"));
    for (const QString& f : dir.entryList({"*.json"}, QDir::Files)) QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestTraceCli::jsonShapesForEveryExample() {
    QFETCH(QString, path);
    const Run r = run({"trace", path, "--format", "json"});
    QCOMPARE(r.code, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QVERIFY(root["loss"].isDouble());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray fileLayers = QJsonDocument::fromJson(f.readAll()).object()["layers"].toArray();
    const QJsonArray layers = root["layers"].toArray();
    QCOMPARE(layers.size(), fileLayers.size());
    QCOMPARE(root["output"].toArray().size(), fileLayers.last().toObject()["size"].toInt());
    for (int l = 0; l < layers.size(); ++l) {
        const QJsonObject o = layers[l].toObject();
        const int size = fileLayers[l].toObject()["size"].toInt();
        QCOMPARE(o["index"].toInt(), l);
        QCOMPARE(o["z"].toArray().size(), size);
        if (l == 0) continue;
        const int previous = fileLayers[l - 1].toObject()["size"].toInt();
        for (const char* key : {"a", "delta", "grad_bias", "new_bias"}) QCOMPARE(o[key].toArray().size(), size);
        for (const char* key : {"grad_weights", "new_weights"}) {
            QCOMPARE(o[key].toArray().size(), size);
            QCOMPARE(o[key].toArray()[0].toArray().size(), previous);
        }
    }
}

void TestTraceCli::overridesChangeTheResult() {
    // Input (0, 0, 0) with zero biases: a = 0, z = ½ everywhere.
    const Run r = run({"trace", example("sheet5_321_sigmoid.json"), "--format", "json", "--input", "0,0,0",
                       "--target", "1", "--learning-rate", "1"});
    QCOMPARE(r.code, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(at(root["layers"].toArray()[1].toObject()["z"], 0), 0.5);
    QCOMPARE(at(root["output"], 0), 0.5);
    QVERIFY(qAbs(root["loss"].toDouble() - std::log(2.0)) < 1e-15); // −ln ½
    QCOMPARE(root["learning_rate"].toDouble(), 1.0);
    // δ⁽²⁾ = ½ − 1, new b⁽²⁾ = 0 − 1 × (−½) = ½
    QCOMPARE(at(root["layers"].toArray()[2].toObject()["new_bias"], 0), 0.5);
}

void TestTraceCli::otherFormatsAndGradientCheck() {
    const Run md = run({"trace", example("softmax_3class.json"), "--format", "markdown", "--precision", "4"});
    QCOMPARE(md.code, 0);
    QVERIFY(md.out.startsWith("# Worked solution"));
    QVERIFY(md.out.contains("$$"));
    const Run tex = run({"trace", example("deep_4layer_deltas.json"), "--format", "latex", "--notation", "bishop"});
    QCOMPARE(tex.code, 0);
    QVERIFY(tex.out.startsWith("\\documentclass"));
    QVERIFY(tex.out.trimmed().endsWith("\\end{document}"));
    // Bishop numbering: w₁₂⁽³⁾ leaves unit 2 of layer 3 for unit 1 of layer 4.
    QVERIFY(tex.out.contains("\\frac{\\partial E}{\\partial w_{12}^{(3)}}"));
    const Run text = run({"trace", example("deep_4layer_deltas.json"), "--notation", "bishop"});
    QVERIFY(QString::fromUtf8(text.out).contains(QString::fromUtf8("∂E/∂w₁₂⁽³⁾ = δ₁⁽⁴⁾z₂⁽³⁾")));
    const Run check = run({"trace", example("softmax_3class.json"), "--format", "json", "--check-gradients"});
    QCOMPARE(check.code, 0);
    const QJsonObject g = QJsonDocument::fromJson(check.out).object()["gradient_check"].toObject();
    QCOMPARE(g["parameters"].toInt(), 3 * 2 + 3 + 3 * 3 + 3);
    QVERIFY(g["max_relative_error"].toDouble() < 1e-6);
    const Run checkText = run({"trace", example("sheet5_321_sigmoid.json"), "--check-gradients"});
    QVERIFY(checkText.out.contains("backpropagation agrees"));
}

void TestTraceCli::badUsageExitsTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString f = example("sheet5_321_sigmoid.json");
    QTest::newRow("no file") << QStringList{"trace"} << "expected one network file";
    QTest::newRow("two files") << QStringList{"trace", f, f} << "expected one network file";
    QTest::newRow("unknown option") << QStringList{"trace", f, "--colour"} << "Unknown option";
    QTest::newRow("bad format") << QStringList{"trace", f, "--format", "docx"} << "--format";
    QTest::newRow("precision 0") << QStringList{"trace", f, "--precision", "0"} << "--precision";
    QTest::newRow("precision text") << QStringList{"trace", f, "--precision", "six"} << "--precision";
    QTest::newRow("short input") << QStringList{"trace", f, "--input", "1,2"} << "--input: expected 3 numbers";
    QTest::newRow("input not numbers") << QStringList{"trace", f, "--input", "1,x,2"} << "\"x\" is not a finite number";
    QTest::newRow("input nan") << QStringList{"trace", f, "--input", "1,nan,2"} << "not a finite number";
    QTest::newRow("negative eta") << QStringList{"trace", f, "--learning-rate", "-1"} << "--learning-rate";
    QTest::newRow("infinite eta") << QStringList{"trace", f, "--learning-rate", "inf"} << "--learning-rate";
    QTest::newRow("bad notation") << QStringList{"trace", f, "--notation", "klingon"} << "--notation";
    QTest::newRow("unknown command") << QStringList{"tracee", f} << "neither a command nor a file";
}

void TestTraceCli::badUsageExitsTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestTraceCli::badFileExitsThree() {
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.json");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"backprop-lab.network/1","layers":[{"size":3},{"size":0}]})");
    f.close();
    Run r = run({"trace", bad});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("bad.json: layers[1].size: a layer needs at least 1 neuron"), r.err.constData());
    r = run({"trace", dir.filePath("missing.json"), "--format", "json"});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("no such file"));
}

QTEST_GUILESS_MAIN(TestTraceCli)
#include "tst_trace_cli.moc"
