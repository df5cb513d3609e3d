// `backprop-lab grad` and `conv` end to end through the binary: exit codes,
// stderr messages (col N for a bad expression, the node for a bad value), the
// JSON keys of grad-output.md and conv-output.md with the course's values
// (teaching-content.md §8, §9), the other formats, and answer files.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

#include <cmath>

namespace {

using bpl::test::Run;

Run run(const QStringList& args) { return bpl::test::run(args, 60000); }

const QString kCourse = "(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))";
const QString kFilter = "[[4, 3, 3], [5, 5, 5], [2, 4, 3]]";
const QString kInput5 = "[[4,5,2,1,1],[3,3,2,1,1],[4,3,4,1,1],[1,1,1,1,1],[1,1,1,1,1]]";

QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out).object();
}

double roundTo3(double x) {
    const double scale = std::pow(10.0, 2 - std::floor(std::log10(std::abs(x))));
    return std::round(x * scale) / scale;
}

} // namespace

class TestGradCli : public QObject {
    Q_OBJECT
  private slots:
    void courseJson();
    void textAndOtherFormats();
    void badExpressionExitsThreeWithColumn_data();
    void badExpressionExitsThreeWithColumn();
    void badValuesNameTheNode_data();
    void badValuesNameTheNode();
    void usageExitsTwo_data();
    void usageExitsTwo();
    void answersFile();
    void pdf();
    void convCourseExample();
    void convErrors_data();
    void convErrors();
};

void TestGradCli::courseJson() {
    const Run r = run({"grad", kCourse, "--at", "x=1,y=0", "--format", "json"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject o = json(r);
    QCOMPARE(o["format"].toString(), QString("backprop-lab.grad/1"));
    QCOMPARE(o["expression"].toString(), kCourse);
    QCOMPARE(o["at"].toObject()["x"].toDouble(), 1.0);
    QCOMPARE(o["at"].toObject()["y"].toDouble(), 0.0);
    // teaching-content.md §8, worked by hand: f = a/b, ∂f/∂x = 0.0646, ∂f/∂y = −0.181.
    const double sx = 1 / (1 + std::exp(-1.0));
    QVERIFY(std::abs(o["value"].toDouble() - 1.5 / (3 - sx)) < 1e-15);
    QCOMPARE(roundTo3(o["gradient"].toObject()["x"].toDouble()), 0.0646);
    QCOMPARE(roundTo3(o["gradient"].toObject()["y"].toDouble()), -0.181);
    // Full double precision in the JSON.
    const double b = 3 - sx;
    const double dfdx = (2 * b - (3 - sx * (1 - sx)) * 1.5) / (b * b);
    QVERIFY(std::abs(o["gradient"].toObject()["x"].toDouble() - dfdx) < 1e-15);
    const QJsonArray nodes = o["nodes"].toArray();
    QCOMPARE(nodes.size(), 12);
    QCOMPARE(nodes[0].toObject()["op"].toString(), QString("var"));
    QCOMPARE(nodes[0].toObject()["name"].toString(), QString("x"));
    QCOMPARE(nodes[0].toObject()["grad"].toDouble(), o["gradient"].toObject()["x"].toDouble());
    const QJsonObject square = nodes[3].toObject();
    QCOMPARE(square["op"].toString(), QString("pow"));
    QCOMPARE(square["inputs"].toArray(), (QJsonArray{0, 2}));
    QCOMPARE(square["local"].toArray(), (QJsonArray{2, 0}));
    QVERIFY(std::abs(square["grad"].toDouble() - 1 / b) < 1e-15);
    QCOMPARE(nodes[11].toObject()["op"].toString(), QString("div"));
    QCOMPARE(nodes[11].toObject()["grad"].toDouble(), 1.0);
    // Steps: the backward pass, the output first, x (used three times) last with three
    // contributions.
    const QJsonArray steps = o["steps"].toArray();
    QCOMPARE(steps.first().toObject()["node"].toInt(), 11);
    const QJsonObject last = steps.last().toObject();
    QCOMPARE(last["node"].toInt(), 0);
    QCOMPARE(last["contributions"].toArray().size(), 3);
    QVERIFY(last["text"].toString().startsWith(
        "∂f/∂x = ∂f/∂v₁·2·x + ∂f/∂v₄·3 + ∂f/∂v₆·σ(x)·(1 − σ(x))"));
    QVERIFY(last["latex"].toString().startsWith("\\frac{\\partial f}{\\partial x}"));
    QVERIFY(o["central_difference"].toObject()["agrees"].toBool());
}

void TestGradCli::textAndOtherFormats() {
    const Run text = run({"grad", kCourse, "--at", "x=1,y=0"});
    QCOMPARE(text.code, 0);
    const QString t = QString::fromUtf8(text.out);
    for (const char* needle : {"∂f/∂v₃ = 1/v₇ = 1/2.269 = 0.4407", "v₆ = σ(x) = σ(1) = 0.7311",
                               "∂f/∂x: x is used 3 times, so 3 contributions add",
                               "∂f/∂x = 0.06465", "∂f/∂y = -0.1812", "the chain rule agrees"}) {
        QVERIFY2(t.contains(QString::fromUtf8(needle)), needle);
    }
    const Run precise = run({"grad", kCourse, "--at", "x=1,y=0", "--precision", "6"});
    QVERIFY(QString::fromUtf8(precise.out).contains("∂f/∂x = 0.0646454"));
    const Run md = run({"grad", kCourse, "--at", "x=1,y=0", "--format", "markdown"});
    QCOMPARE(md.code, 0);
    QVERIFY(md.out.startsWith("# Chain rule"));
    QVERIFY(md.out.contains("$\\frac{\\partial f}{\\partial v_{3}} = \\frac{1}{v_{7}}"));
    const Run tex = run({"grad", kCourse, "--at", "x=1,y=0", "--format", "latex"});
    QCOMPARE(tex.code, 0);
    QVERIFY(tex.out.startsWith("\\documentclass"));
    QVERIFY(tex.out.contains("\\end{document}"));
    QVERIFY(!QString::fromUtf8(tex.out).contains(QString::fromUtf8("σ"))); // pdflatex-safe words
    const Run html = run({"grad", kCourse, "--at", "x=1,y=0", "--format", "html"});
    QCOMPARE(html.code, 0);
    QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.out.contains("<table class=\"formula\""));
    // A leading minus goes after "--".
    const Run minus = run({"grad", "--at", "x=2", "--format", "json", "--", "-x^2"});
    QCOMPARE(minus.code, 0);
    QCOMPARE(json(minus)["gradient"].toObject()["x"].toDouble(), -4.0);
}

void TestGradCli::badExpressionExitsThreeWithColumn_data() {
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed") << "(x^2 + sigmoid(y)"
                              << "col 18: expected ')'";
    QTest::newRow("unknown function") << "sinh(x)"
                                      << "col 1: unknown function 'sinh'";
    QTest::newRow("implicit product")
        << "2x"
        << "col 2: expected an operator, found 'x' (write 2*x for a product)";
    QTest::newRow("empty") << ""
                           << "col 1: empty expression";
}

void TestGradCli::badExpressionExitsThreeWithColumn() {
    QFETCH(QString, expression);
    QFETCH(QString, message);
    const Run r = run({"grad", expression, "--at", "x=1"});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QString::fromUtf8(r.err).trimmed(), "backprop-lab grad: " + message);
}

void TestGradCli::badValuesNameTheNode_data() {
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing variable") << "x + y"
                                      << "x=1"
                                      << "no value for the variable y (give it with y=…)";
    QTest::newRow("log of negative")
        << "ln(y - 1)"
        << "y=0"
        << "node 3, ln(y - 1): ln of -1 is not defined (it needs a positive argument)";
    QTest::newRow("division by zero") << "1/(x - x)"
                                      << "x=2"
                                      << "node 3, 1/(x - x): division by 0";
    QTest::newRow("unknown variable") << "x"
                                      << "x=1,q=2"
                                      << "q is not a variable of the expression";
}

void TestGradCli::badValuesNameTheNode() {
    QFETCH(QString, expression);
    QFETCH(QString, at);
    QFETCH(QString, message);
    const Run r = run({"grad", expression, "--at", at});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QString::fromUtf8(r.err).trimmed(), "backprop-lab grad: " + message);
}

void TestGradCli::usageExitsTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no expression") << QStringList{"grad", "--at", "x=1"};
    QTest::newRow("two expressions") << QStringList{"grad", "x", "y", "--at", "x=1"};
    QTest::newRow("bad at") << QStringList{"grad", "x", "--at", "x=abc"};
    QTest::newRow("bad format") << QStringList{"grad", "x", "--at", "x=1", "--format", "pdf"};
    QTest::newRow("bad precision") << QStringList{"grad", "x", "--at", "x=1", "--precision", "0"};
    QTest::newRow("unknown option") << QStringList{"grad", "x", "--bogus"};
    QTest::newRow("conv without filter") << QStringList{"conv", "--input", "[[1]]"};
    QTest::newRow("conv bad stride")
        << QStringList{"conv", "--input", "[[1]]", "--filter", "[[1]]", "--stride", "0"};
    QTest::newRow("conv bad mode")
        << QStringList{"conv", "--input", "[[1]]", "--filter", "[[1]]", "--mode", "flip"};
}

void TestGradCli::usageExitsTwo() {
    QFETCH(QStringList, args);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("backprop-lab "));
}

void TestGradCli::answersFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("answers.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    // b slipped to 2.5; ∂f/∂a = 1/b = 0.4 from it (carried); ∂f/∂x right.
    f.write("{\"format\": \"backprop-lab.maths-answers/1\", \"answers\": ["
            "{\"quantity\": \"value\", \"node\": \"3*x + y - sigmoid(x)\", \"value\": 2.5},"
            "{\"quantity\": \"grad\", \"node\": \"x^2 + sigmoid(y)\", \"value\": 0.4},"
            "{\"quantity\": \"grad\", \"node\": \"x\", \"value\": 0.0646}]}");
    f.close();
    const Run r = run({"grad", kCourse, "--at", "x=1,y=0", "--answers", path, "--format", "json"});
    QCOMPARE(r.code, 1);
    const QJsonObject check = json(r)["check"].toObject();
    QCOMPARE(check["correct"].toInt(), 1);
    QCOMPARE(check["wrong"].toInt(), 1);
    QCOMPARE(check["carried"].toInt(), 1);
    const QJsonArray results = check["results"].toArray();
    QCOMPARE(results[1].toObject()["status"].toString(), QString("carried"));
    QCOMPARE(results[2].toObject()["status"].toString(), QString("correct"));
    const Run text = run({"grad", kCourse, "--at", "x=1,y=0", "--answers", path});
    QVERIFY(QString::fromUtf8(text.out).contains("1 of 3 right; 1 wrong; 1 carried from v₇"));
    // A node that is not in the expression is refused with its place.
    QFile second(dir.filePath("unknown-node.json"));
    QVERIFY(second.open(QIODevice::WriteOnly));
    second.write("{\"format\": \"backprop-lab.maths-answers/1\", \"answers\": "
                 "[{\"quantity\": \"grad\", \"node\": \"x^3\", \"value\": 1}]}");
    second.close();
    const Run bad = run({"grad", kCourse, "--at", "x=1,y=0", "--answers", second.fileName()});
    QCOMPARE(bad.code, 3);
    QVERIFY2(bad.err.contains("answers[0].node: no node \"x^3\" in the expression"),
             bad.err.constData());
}

void TestGradCli::pdf() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath("grad.pdf");
    const Run r = run({"grad", kCourse, "--at", "x=1,y=0", "--pdf", pdf});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    QVERIFY(f.size() > 5000);
    const QString convPdf = dir.filePath("conv.pdf");
    const Run c = run({"conv", "--input", kInput5, "--filter", kFilter, "--pdf", convPdf});
    QCOMPARE(c.code, 0);
    QVERIFY(QFileInfo(convPdf).size() > 5000);
}

void TestGradCli::convCourseExample() {
    const Run r = run({"conv", "--input", kInput5, "--filter", kFilter, "--format", "json"});
    QCOMPARE(r.code, 0);
    const QJsonObject o = json(r);
    QCOMPARE(o["format"].toString(), QString("backprop-lab.conv/1"));
    QCOMPARE(o["mode"].toString(), QString("cross-correlation"));
    QCOMPARE(o["output"].toArray()[0].toArray()[0].toDouble(),
             109.0); // F₁₁, teaching-content.md §9
    // ∂E/∂X for all-ones ∂E/∂F, as in the course.
    const QJsonArray expected =
        QJsonDocument::fromJson("[[4, 7, 10, 6, 3], [9, 17, 25, 16, 8], [11, 23, 34, 23, 11], [7, "
                                "16, 24, 17, 8], [2, 6, 9, 7, 3]]")
            .array();
    QCOMPARE(o["grad_input"].toArray(), expected);
    const QJsonObject f11 = o["steps"].toObject()["output"].toArray()[0].toObject();
    QVERIFY(f11["text"].toString().endsWith(
        "= 4·4 + 3·5 + 3·2 + 5·3 + 5·3 + 5·2 + 2·4 + 4·3 + 3·4 = 109"));
    QCOMPARE(
        o["steps"].toObject()["grad_input"].toArray()[12].toObject()["windows"].toArray().size(),
        9);
    // The text names the operation; the flipped mode changes F₁₁ to 113.
    const Run text = run({"conv", "-x", kInput5, "-w", kFilter});
    QVERIFY(QString::fromUtf8(text.out).contains(
        "cross-correlation (what deep-learning libraries call convolution"));
    const Run flipped =
        run({"conv", "-x", kInput5, "-w", kFilter, "--mode", "convolution", "--format", "json"});
    QCOMPARE(json(flipped)["output"].toArray()[0].toArray()[0].toDouble(), 113.0);
    // From a file, with stride, padding and ∂E/∂F.
    QTemporaryDir dir;
    QFile file(dir.filePath("x.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[[1, 2], [3, 4]]\n");
    file.close();
    const Run padded =
        run({"conv", "-x", file.fileName(), "-w", "[[1, 1], [1, 1]]", "--padding", "1", "--stride",
             "2", "--grad-output", "[[1, 0], [0, 2]]", "--format", "json"});
    QCOMPARE(padded.code, 0);
    QCOMPARE(json(padded)["output"].toArray(), QJsonDocument::fromJson("[[1, 2], [3, 4]]").array());
    QCOMPARE(json(padded)["grad_input"].toArray(),
             QJsonDocument::fromJson("[[1, 0], [0, 2]]").array());
}

void TestGradCli::convErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("ragged") << QStringList{"-x", "[[1, 2], [3]]", "-w", "[[1]]"}
                            << "--input: row 2 has 1 entries, row 1 has 2";
    QTest::newRow("filter too large") << QStringList{"-x", "[[1]]", "-w", kFilter}
                                      << "filter: is 3×3, larger than the padded input 1×1";
    QTest::newRow("grad output size")
        << QStringList{"-x", kInput5, "-w", kFilter, "--grad-output", "[[1]]"}
        << "grad-output: is 1×1; ∂E/∂F must be the size of F, 3×3";
    QTest::newRow("missing file")
        << QStringList{"-x", "no-such-file.txt", "-w", "[[1]]"}
        << "--input: expected a matrix such as [[1, 2], [3, 4]] or a file holding one; "
           "no-such-file.txt: no such file";
}

void TestGradCli::convErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList{"conv"} + args);
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QString::fromUtf8(r.err).trimmed(), "backprop-lab conv: " + message);
}

QTEST_GUILESS_MAIN(TestGradCli)
#include "tst_grad_cli.moc"
