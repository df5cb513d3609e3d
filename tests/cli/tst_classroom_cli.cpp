// Issue 11 through the binary: one target rule for the file, --target and the
// check command, with the same reason; the class decision and the truth table
// (hidden units included) in trace output; usage lines naming the subcommand;
// the gradient check in the displayed notation; the answer file's network
// name; and `screenshot --tab`.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

namespace {

using bpl::test::Run;

Run run(const QStringList& args) { return bpl::test::run(args); }

QString example(const char* name) {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name;
}

// The example file with its sample.target replaced.
QString withTarget(const QTemporaryDir& dir, const char* name, const QJsonArray& target) {
    QFile in(example(name));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    QJsonObject sample = root["sample"].toObject();
    sample["target"] = target;
    root["sample"] = sample;
    const QString path = dir.filePath(QString(name));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(root).toJson());
    return path;
}

} // namespace

class TestClassroomCli : public QObject {
    Q_OBJECT
  private slots:
    void invalidTargetRefusedTheSameWay_data();
    void invalidTargetRefusedTheSameWay();
    void decisionInTrace();
    void truthTableInTrace();
    void declaredTruthTableDisagreementWarns();
    void courseXnorWithUOfZeroOne();
    void usageLinesNameTheSubcommand();
    void gradientCheckUsesTheNotation();
    void answersNameTheirNetwork();
    void screenshotOfEachTab();
};

void TestClassroomCli::invalidTargetRefusedTheSameWay_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("reason");
    QTest::newRow("BCE target 2")
        << "sheet5_321_sigmoid.json"
        << "2"
        << "binary_cross_entropy targets must lie in [0, 1]; target 1 is 2";
    QTest::newRow("softmax sum 1.7")
        << "softmax_3class.json"
        << "0.5,0.9,0.3"
        << "cross_entropy targets must be non-negative and sum to 1; they sum to 1.7";
    QTest::newRow("softmax negative")
        << "softmax_3class.json"
        << "-1,2,0"
        << "cross_entropy targets must be non-negative and sum to 1; target 1 is -1";
}

void TestClassroomCli::invalidTargetRefusedTheSameWay() {
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(QString, reason);
    // --target: refused as bad usage, nothing on stdout (it used to print E = 0.649, δ = −1.49).
    const Run option = run({"trace", example(file.toUtf8().constData()), "--target", target});
    QCOMPARE(option.code, 2);
    QVERIFY(option.out.isEmpty());
    QVERIFY2(QString::fromUtf8(option.err).contains("--target: " + reason), option.err.constData());
    // The same target in the file: refused as a bad file, with the same reason.
    QTemporaryDir dir;
    QJsonArray values;
    for (const QString& v : target.split(','))
        values.append(v.toDouble());
    const QString path = withTarget(dir, file.toUtf8().constData(), values);
    const Run inFile = run({"trace", path});
    QCOMPARE(inFile.code, 3);
    QVERIFY2(QString::fromUtf8(inFile.err).contains(path + ": sample.target: " + reason),
             inFile.err.constData());
    // Answers checked against that network: the same.
    const Run check = run({"check", path, example("answers/sheet5_321_key.json")});
    QCOMPARE(check.code, 3);
    QVERIFY2(QString::fromUtf8(check.err).contains("sample.target: " + reason),
             check.err.constData());
}

void TestClassroomCli::decisionInTrace() {
    // Section 1: "class 1 when the output exceeds 0.6"; the output is 0.507321.
    const Run text = run({"trace", example("sheet5_321_sigmoid.json")});
    QCOMPARE(text.code, 0);
    QVERIFY2(QString::fromUtf8(text.out).contains("decision: z₁⁽²⁾ = 0.507321 ≤ 0.6 → class 0"),
             text.out.constData());
    const Run json = run({"trace", example("sheet5_321_sigmoid.json"), "--format", "json"});
    const QJsonObject d = QJsonDocument::fromJson(json.out).object()["decision"].toObject();
    QCOMPARE(d["rule"].toString(), QString("threshold"));
    QCOMPARE(d["threshold"].toDouble(), 0.6);
    QCOMPARE(d["classes"].toArray(), QJsonArray({0}));
    // Softmax: the class of the largest output, numbered from 1.
    const Run softmax = run({"trace", example("softmax_3class.json"), "--format", "json"});
    const QJsonObject s = QJsonDocument::fromJson(softmax.out).object();
    const QJsonArray y = s["output"].toArray();
    int best = 0;
    for (int k = 1; k < y.size(); ++k)
        best = y[k].toDouble() > y[best].toDouble() ? k : best;
    QCOMPARE(s["decision"].toObject()["rule"].toString(), QString("argmax"));
    QCOMPARE(s["decision"].toObject()["class"].toInt(), best + 1);
    const Run md = run({"trace", example("sheet5_321_sigmoid.json"), "--format", "markdown"});
    QVERIFY(QString::fromUtf8(md.out).contains("- Decision $"));
}

void TestClassroomCli::truthTableInTrace() {
    const Run text = run({"trace", example("xor_step.json")});
    QCOMPARE(text.code, 0);
    const QString out = QString::fromUtf8(text.out);
    // Inputs, both hidden units, the output: z₁⁽¹⁾ = U(2x₁ − 2x₂ − 1), z₂⁽¹⁾ = U(−2x₁ + 2x₂ − 1).
    QVERIFY2(out.contains("z₁⁽⁰⁾  z₂⁽⁰⁾  z₁⁽¹⁾  z₂⁽¹⁾  z₁⁽²⁾"), qPrintable(out));
    QVERIFY2(out.contains("1      0      1      0      1"), qPrintable(out));
    QVERIFY2(out.contains("0      1      0      1      1"), qPrintable(out));
    QVERIFY2(out.contains("1      1      0      0      0"), qPrintable(out));
    const Run json = run({"trace", example("xor_step.json"), "--format", "json"});
    const QJsonArray rows = QJsonDocument::fromJson(json.out).object()["truth_table"].toArray();
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[2].toObject()["input"].toArray(), QJsonArray({1, 0}));
    QCOMPARE(rows[2].toObject()["hidden"].toArray()[0].toArray(), QJsonArray({1, 0}));
    QCOMPARE(rows[2].toObject()["output"].toArray(), QJsonArray({1}));
    QVERIFY(!QString::fromUtf8(text.out).contains("Warning: truth_table"));
}

void TestClassroomCli::declaredTruthTableDisagreementWarns() {
    QFile in(example("xor_step.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    root["truth_table"] = QJsonArray({QJsonArray({0, 0, 0}), QJsonArray({0, 1, 1}),
                                      QJsonArray({1, 0, 1}), QJsonArray({1, 1, 1})});
    QTemporaryDir dir;
    const QString path = dir.filePath("or.json");
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();
    const Run r = run({"trace", path});
    QCOMPARE(r.code, 0);
    QVERIFY2(
        QString::fromUtf8(r.out).contains(
            "Warning: truth_table[3]: for input (1, 1) the file says (1), the network gives (0)"),
        r.out.constData());
    // The JSON says it too (it left the table's warnings out).
    const Run json = run({"trace", path, "--format", "json"});
    QCOMPARE(json.code, 0);
    const QJsonArray warnings = QJsonDocument::fromJson(json.out).object()["warnings"].toArray();
    QCOMPARE(warnings.size(), 3); // layers 1 and 2 use step units, then the table
    QVERIFY(warnings[0].toString().startsWith("layer 1 uses step units"));
    QCOMPARE(warnings[2].toString(),
             QString("truth_table[3]: for input (1, 1) the file says (1), the network gives (0)"));
}

void TestClassroomCli::courseXnorWithUOfZeroOne() {
    // The course's units fire when Σ ±xᵢ + C ≥ 0: the example's AND, NOR and OR
    // give XNOR with U(0) = 1, and miss rows (0, 0) and (1, 1) with U(0) = 0.
    const Run r = run({"trace", example("xnor_step_course.json"), "--format", "json"});
    QCOMPARE(r.code, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    const QJsonArray rows = root["truth_table"].toArray();
    QCOMPARE(rows.size(), 4);
    const int xnor[] = {1, 0, 0, 1};
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rows[i].toObject()["output"].toArray(), QJsonArray({xnor[i]}));
    for (const QJsonValue w : root["warnings"].toArray())
        QVERIFY2(!w.toString().startsWith("truth_table"), qPrintable(w.toString()));

    QFile in(example("xnor_step_course.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray zero = in.readAll();
    QVERIFY(zero.contains("\"step_at_zero\": 1, "));
    zero.replace("\"step_at_zero\": 1, ", "");
    QTemporaryDir dir;
    QFile out(dir.filePath("u0.json"));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(zero);
    out.close();
    const Run text = run({"trace", out.fileName()});
    QCOMPARE(text.code, 0);
    const QString printed = QString::fromUtf8(text.out);
    QVERIFY2(printed.contains("truth_table[0]: for input (0, 0) the file says (1), the network gives (0)"),
             qPrintable(printed));
    QVERIFY(printed.contains("truth_table[3]: for input (1, 1) the file says (1), the network gives (0)"));
}

void TestClassroomCli::usageLinesNameTheSubcommand() {
    for (const QString command : {"trace", "check", "logreg"}) {
        const Run r = run({command, "--help"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(("Usage: backprop-lab " + command + " ").toUtf8()),
                 r.out.left(80).constData());
    }
}

void TestClassroomCli::gradientCheckUsesTheNotation() {
    const Run r = run({"trace", example("sheet5_321_sigmoid.json"), "--check-gradients"});
    QCOMPARE(r.code, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains("(at ∂E/∂"), qPrintable(out));
    QVERIFY(!out.contains("grad_weights layer") && !out.contains("grad_bias layer"));
}

void TestClassroomCli::answersNameTheirNetwork() {
    QTemporaryDir dir;
    QFile key(example("answers/sheet5_321_key.json"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(key.readAll()).object();
    root["network"] = "XOR from step units";
    const QString path = dir.filePath("answers.json");
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();
    const Run wrong = run({"check", example("sheet5_321_sigmoid.json"), path});
    QCOMPARE(wrong.code, 0); // still checked: every answer of the key is right
    QVERIFY2(QString::fromUtf8(wrong.err).contains("warning: " + path +
                                                   " is for the network “XOR from step units”"),
             wrong.err.constData());
    root["network"] = "sheet5_321_sigmoid.json";
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(root).toJson());
    out.close();
    const Run right = run({"check", example("sheet5_321_sigmoid.json"), path});
    QCOMPARE(right.code, 0);
    QVERIFY2(!right.err.contains("warning"), right.err.constData());
}

void TestClassroomCli::screenshotOfEachTab() {
    QTemporaryDir dir;
    for (const QString tab : {"network", "logreg"}) {
        const QString png = dir.filePath(tab + ".png");
        const Run r = run({"screenshot", png, "--tab", tab, "--size", "1024x768"});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(png));
    }
    const Run bad = run({"screenshot", dir.filePath("x.png"), "--tab", "nope"});
    QCOMPARE(bad.code, 2);
    QVERIFY2(QString::fromUtf8(bad.err).contains("no tab 'nope' (the tabs are network, logreg"),
             bad.err.constData());
}

QTEST_GUILESS_MAIN(TestClassroomCli)
#include "tst_classroom_cli.moc"
