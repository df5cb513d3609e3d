// `trace --input-gradient` and `--linear-collapse` through the binary: the
// new step and keys (docs/formats/trace-output.md), their absence without the
// options, and `check` marking an answer for ∂E/∂x (grad_input).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

namespace {

using bpl::test::Run;

Run run(const QStringList& args) {
    return bpl::test::run(args, 60000);
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

// ReLU hidden, identity output: ∂E/∂x = (59.5, 51) by hand (tests/core/tst_input_gradient.cpp).
const QByteArray kTiny = R"({"format": "backprop-lab.network/1", "name": "tiny",
  "layers": [{"size": 2},
             {"size": 2, "activation": "relu", "weights": [[0.5, -1], [2, 1]], "bias": [0, 0]},
             {"size": 1, "activation": "identity", "weights": [[1, -2]], "bias": [0]}],
  "loss": "half_squared_error", "learning_rate": 0.1, "sample": {"input": [4, 1], "target": [0]}})";

// Two identity layers: W = W⁽²⁾W⁽¹⁾ = [[3, 4], [5, 6]], b = (−0.5, −1), output (10.5, 16).
const QByteArray kLinear = R"({"format": "backprop-lab.network/1", "name": "linear",
  "layers": [{"size": 2},
             {"size": 2, "activation": "identity", "weights": [[1, 2], [3, 4]], "bias": [1, -1]},
             {"size": 2, "activation": "identity", "weights": [[0, 1], [-1, 2]], "bias": [0.5, 2]}],
  "loss": "half_squared_error", "learning_rate": 0.1, "sample": {"input": [1, 2], "target": [0, 0]}})";

QJsonObject json(const QByteArray& out) {
    return QJsonDocument::fromJson(out).object();
}

QList<double> numbers(const QJsonValue& v) {
    QList<double> out;
    for (const QJsonValue& x : v.toArray())
        out << x.toDouble();
    return out;
}

} // namespace

class TestInputGradientCli : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        tiny_ = write(dir_, "tiny.json", kTiny);
        linear_ = write(dir_, "linear.json", kLinear);
        QVERIFY(!tiny_.isEmpty() && !linear_.isEmpty());
    }
    void nothingNewWithoutTheOptions();
    void jsonHasTheInputGradient();
    void textShowsTheStep();
    void linearCollapseInTextAndJson();
    void checkMarksTheInputGradient();

  private:
    QTemporaryDir dir_;
    QString tiny_;
    QString linear_;
};

void TestInputGradientCli::nothingNewWithoutTheOptions() {
    const Run text = run({"trace", linear_});
    QCOMPARE(text.code, 0);
    QVERIFY(!text.out.contains("Input gradient"));
    QVERIFY(!text.out.contains("linear layer"));
    const Run j = run({"trace", linear_, "--format", "json"});
    QCOMPARE(j.code, 0);
    QVERIFY(!j.out.contains("grad_input"));
    QVERIFY(!j.out.contains("input_gradient"));
    QVERIFY(!j.out.contains("linear_collapse"));
    QCOMPARE(json(j.out)["steps"].toArray().size(), 9);
}

void TestInputGradientCli::jsonHasTheInputGradient() {
    const Run r = run({"trace", tiny_, "--input-gradient", "--format", "json"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject root = json(r.out);
    const QJsonObject input = root["layers"].toArray()[0].toObject();
    QCOMPARE(numbers(input["grad_input"]), (QList<double>{59.5, 51}));
    const QJsonArray steps = root["steps"].toArray();
    QCOMPARE(steps.size(), 10);
    const QJsonObject last = steps.last().toObject();
    QCOMPARE(last["kind"].toString(), QStringLiteral("input_gradient"));
    QCOMPARE(last["layer"].toInt(), 0);
    QCOMPARE(last["formula"].toString(), QStringLiteral("∂E/∂z⁽⁰⁾ = W⁽¹⁾ᵀδ⁽¹⁾"));
    const QJsonObject x1 = last["scalars"].toArray()[0].toObject();
    QCOMPARE(x1["quantity"].toString(), QStringLiteral("grad_input"));
    QCOMPARE(x1["layer"].toInt(), 0);
    QCOMPARE(numbers(x1["index"]), (QList<double>{1}));
    QCOMPARE(x1["value"].toDouble(), 59.5);
    QCOMPARE(x1["symbol"].toString(), QStringLiteral("∂E/∂z₁⁽⁰⁾"));
    QCOMPARE(x1["substituted"].toString(), QStringLiteral("0.5 × (-17) + 2 × 34"));
    const QJsonArray inputs = x1["inputs"].toArray();
    QCOMPARE(inputs.size(), 2);
    QCOMPARE(inputs[1].toObject()["quantity"].toString(), QStringLiteral("delta"));
    QCOMPARE(inputs[1].toObject()["layer"].toInt(), 1);
    // Every other step is where it was.
    const QJsonArray plain = json(run({"trace", tiny_, "--format", "json"}).out)["steps"].toArray();
    for (int k = 0; k < plain.size(); ++k)
        QCOMPARE(steps[k].toObject(), plain[k].toObject());
}

void TestInputGradientCli::textShowsTheStep() {
    const Run r = run({"trace", tiny_, "--input-gradient"});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    for (const char* needle :
         {"Step 10. Input gradient, layer 0\n  ∂E/∂z⁽⁰⁾ = W⁽¹⁾ᵀδ⁽¹⁾\n",
          "  ∂E/∂z₁⁽⁰⁾ = w₁₁⁽¹⁾δ₁⁽¹⁾ + w₂₁⁽¹⁾δ₂⁽¹⁾ = 0.5 × (-17) + 2 × 34 = 59.5\n",
          "  ∂E/∂z₂⁽⁰⁾ = w₁₂⁽¹⁾δ₁⁽¹⁾ + w₂₂⁽¹⁾δ₂⁽¹⁾ = (-1) × (-17) + 1 × 34 = 51\n"}) {
        QVERIFY2(text.contains(QString::fromUtf8(needle)), needle);
    }
    // Bishop numbering: the input is layer 1, δ of the first hidden layer is δ⁽²⁾.
    const QString bishop =
        QString::fromUtf8(run({"trace", tiny_, "--input-gradient", "--notation", "bishop"}).out);
    QVERIFY(bishop.contains(
        QString::fromUtf8("Step 10. Input gradient, layer 1\n  ∂E/∂z⁽¹⁾ = W⁽¹⁾ᵀδ⁽²⁾\n")));
}

void TestInputGradientCli::linearCollapseInTextAndJson() {
    const Run r = run({"trace", linear_, "--linear-collapse"});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    const QString expected = QString::fromUtf8("Step 2. Forward pass, layer 2\n"
                                               "  a⁽²⁾ = W⁽²⁾z⁽¹⁾ + b⁽²⁾,  z⁽²⁾ = id(a⁽²⁾)\n");
    QVERIFY(text.contains(expected));
    for (const char* needle : {"  Layers 1 and 2 are linear (identity), so together they are one "
                               "linear layer z⁽²⁾ = Wz⁽⁰⁾ + b:\n"
                               "  W = W⁽²⁾W⁽¹⁾ = [[3, 4], [5, 6]]\n"
                               "  b = W⁽²⁾b⁽¹⁾ + b⁽²⁾ = (-0.5, -1)\n"
                               "  Wz⁽⁰⁾ + b = (10.5, 16), the same as z⁽²⁾ computed layer by layer "
                               "(largest difference 0)\n"}) {
        QVERIFY2(text.contains(QString::fromUtf8(needle)), needle);
    }
    QCOMPARE(text.count("linear layer"), 1); // under layer 2 only
    const QJsonArray steps =
        json(run({"trace", linear_, "--linear-collapse", "--format", "json"}).out)["steps"]
            .toArray();
    QVERIFY(!steps[0].toObject().contains("linear_collapse"));
    const QJsonObject c = steps[1].toObject()["linear_collapse"].toObject();
    QCOMPARE(c["first_layer"].toInt(), 1);
    QCOMPARE(numbers(c["weights"].toArray()[0]), (QList<double>{3, 4}));
    QCOMPARE(numbers(c["weights"].toArray()[1]), (QList<double>{5, 6}));
    QCOMPARE(numbers(c["bias"]), (QList<double>{-0.5, -1}));
    QCOMPARE(numbers(c["output"]), (QList<double>{10.5, 16}));
    QCOMPARE(c["largest_difference"].toDouble(), 0.0);
}

void TestInputGradientCli::checkMarksTheInputGradient() {
    // δ₂⁽¹⁾ given as 35 (exact 34): ∂E/∂x₁ = 0.5·(−17) + 2·35 = 61.5 is carried, ∂E/∂x₂ = 51 right.
    const QString answers =
        write(dir_, "answers.json", R"({"format": "backprop-lab.answers/1", "answers": [
        {"quantity": "delta", "layer": 1, "index": [2], "value": 35},
        {"quantity": "grad_input", "layer": 0, "index": [1], "value": 61.5},
        {"quantity": "grad_input", "layer": 0, "index": [2], "value": 51}]})");
    const Run r = run({"check", tiny_, answers, "--format", "json"});
    QCOMPARE(r.code, 1);
    const QJsonArray results = json(r.out)["results"].toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[1].toObject()["status"].toString(), QStringLiteral("carried"));
    QCOMPARE(results[1].toObject()["expected"].toDouble(), 59.5);
    QVERIFY(results[1].toObject()["explanation"].toString().contains(
        QString::fromUtf8("∂E/∂z₁⁽⁰⁾ = w₁₁⁽¹⁾δ₁⁽¹⁾ + w₂₁⁽¹⁾δ₂⁽¹⁾ = 0.5 × (-17) + 2 × 35 = 61.5")));
    QCOMPARE(results[2].toObject()["status"].toString(), QStringLiteral("correct"));
    const QString bad = write(dir_, "bad.json", R"({"format": "backprop-lab.answers/1", "answers": [
        {"quantity": "grad_input", "layer": 1, "index": [1], "value": 1}]})");
    const Run refused = run({"check", tiny_, bad});
    QCOMPARE(refused.code, 3);
    QVERIFY2(refused.err.contains("layer is 0"), refused.err.constData());
}

QTEST_GUILESS_MAIN(TestInputGradientCli)
#include "tst_input_gradient_cli.moc"
