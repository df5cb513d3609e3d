// `backprop-lab trace --optimizer …` through the binary: the JSON extension of
// docs/formats/trace-output.md (optimizer, optimizer_state, working lines,
// norms by layer) with values worked by hand from teaching-content.md
// section 1, the text output's m, v lines, and refused options.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "support/cli_run.h"
#include <cmath>

namespace {

using bpl::test::Run;

Run run(const QStringList& args) { return bpl::test::run(args, 60000); }

QString sheet5() {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/sheet5_321_sigmoid.json");
}

QJsonObject json(const QStringList& args) {
    const Run r = run(args);
    if (r.code != 0)
        qWarning() << r.err;
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestTraceOptimizerCli : public QObject {
    Q_OBJECT
  private slots:
    void momentumKeysAndValues();
    void adamPassesBuildUp();
    void sgdHasNoOptimizerKeys();
    void textShowsTheState();
    void badOptionsExitTwo_data();
    void badOptionsExitTwo();
};

void TestTraceOptimizerCli::momentumKeysAndValues() {
    const QJsonObject root =
        json({"trace", sheet5(), "--format", "json", "--optimizer", "momentum", "--beta", "0.5"});
    const QJsonObject opt = root["optimizer"].toObject();
    QCOMPARE(opt["name"].toString(), QString("momentum"));
    QCOMPARE(opt["beta"].toDouble(), 0.5);
    QCOMPARE(opt["learning_rate"].toDouble(), 0.05);
    QCOMPARE(opt["t"].toInt(), 1);
    const QJsonObject out = root["layers"].toArray()[2].toObject();
    const QJsonObject state = out["optimizer_state"].toObject();
    for (const char* key : {"m_weights", "v_weights", "m_bias", "v_bias", "t"})
        QVERIFY2(state.contains(key), key);
    // m₁ = 0.5 × 0 + 0.5 × ∂E/∂w₁₁⁽²⁾ = 0.5 × 0.292666; new w = 0.2 − 0.05 m₁.
    const double m = state["m_weights"].toArray()[0].toArray()[0].toDouble();
    QVERIFY(std::abs(m - 0.5 * 0.292666) < 1e-6);
    QVERIFY(std::abs(out["new_weights"].toArray()[0].toArray()[0].toDouble() - (0.2 - 0.05 * m)) <
            1e-12);
    QVERIFY(std::abs(state["m_bias"].toArray()[0].toDouble() - 0.5 * 0.507321) < 1e-6);
    QCOMPARE(state["v_weights"].toArray()[0].toArray()[0].toDouble(), 0.0);
    // Norms by layer: ‖δ⁽²⁾‖ = 0.507321, ‖∂E/∂W⁽²⁾‖ = ‖(0.292666, 0.218378)‖.
    QVERIFY(std::abs(out["delta_norm"].toDouble() - 0.507321) < 1e-6);
    QVERIFY(std::abs(out["grad_weights_norm"].toDouble() - std::hypot(0.292666, 0.218378)) < 1e-6);
    // The update step's scalars carry their m line.
    bool found = false;
    for (const QJsonValue& s : root["steps"].toArray()) {
        const QJsonObject step = s.toObject();
        if (step["kind"].toString() != "update" || step["layer"].toInt() != 2)
            continue;
        const QJsonObject first = step["scalars"].toArray()[0].toObject();
        const QJsonArray working = first["working"].toArray();
        QCOMPARE(working.size(), 1);
        QCOMPARE(working[0].toObject()["symbol"].toString(), QString("m₁(w₁₁⁽²⁾)"));
        QCOMPARE(working[0].toObject()["value"].toDouble(), m);
        found = true;
    }
    QVERIFY(found);
}

void TestTraceOptimizerCli::adamPassesBuildUp() {
    const QJsonObject one = json({"trace", sheet5(), "--format", "json", "--optimizer", "adam"});
    const QJsonObject three =
        json({"trace", sheet5(), "--format", "json", "--optimizer", "adam", "--passes", "3"});
    QCOMPARE(one["optimizer"].toObject()["t"].toInt(), 1);
    QCOMPARE(three["optimizer"].toObject()["t"].toInt(), 3);
    QCOMPARE(three["optimizer"].toObject()["bias_correction"].toBool(), true);
    QCOMPARE(three["layers"].toArray()[1].toObject()["optimizer_state"].toObject()["t"].toInt(), 3);
    // Adam's first step moves each weight by η·sign(g): 0.2 − 0.05.
    const double w1 =
        one["layers"].toArray()[2].toObject()["new_weights"].toArray()[0].toArray()[0].toDouble();
    QVERIFY(std::abs(w1 - 0.15) < 1e-8);
    // Working lines m, v, m̂, v̂ before the new value.
    const QJsonArray steps = three["steps"].toArray();
    for (const QJsonValue& s : steps) {
        if (s.toObject()["kind"].toString() != "update")
            continue;
        const QJsonArray working =
            s.toObject()["scalars"].toArray()[0].toObject()["working"].toArray();
        QCOMPARE(working.size(), 4);
        QVERIFY(working[2].toObject()["symbol"].toString().startsWith(QString("m\u0302₃(")));
    }
    const QJsonObject noBc = json({"trace", sheet5(), "--format", "json", "--optimizer", "adam",
                                   "--no-bias-correction", "--beta2", "0.99"});
    QCOMPARE(noBc["optimizer"].toObject()["bias_correction"].toBool(), false);
    QCOMPARE(noBc["optimizer"].toObject()["beta2"].toDouble(), 0.99);
}

void TestTraceOptimizerCli::sgdHasNoOptimizerKeys() {
    const QJsonObject root = json({"trace", sheet5(), "--format", "json"});
    QVERIFY(!root.contains("optimizer"));
    const QJsonObject l1 = root["layers"].toArray()[1].toObject();
    QVERIFY(!l1.contains("optimizer_state"));
    QVERIFY(l1.contains("delta_norm"));
    // new_weights keep their spec meaning, W − η ∂E/∂W: 0.1 − 0.05 × 0.0742988.
    QVERIFY(std::abs(l1["new_weights"].toArray()[0].toArray()[0].toDouble() -
                     (0.1 - 0.05 * 0.0742988)) < 1e-8);
}

void TestTraceOptimizerCli::textShowsTheState() {
    const Run r = run({"trace", sheet5(), "--optimizer", "rmsprop"});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains("Update (RMSProp), layer 2"));
    QVERIFY(text.contains(QString::fromUtf8(
        "v₁(w₁₁⁽²⁾) = β v₀(w₁₁⁽²⁾) + (1 − β) (∂E/∂w₁₁⁽²⁾)² = 0.9 × 0 + (1 - 0.9) × (0.292666)²")));
    QVERIFY(
        text.contains(QString::fromUtf8("new w₁₁⁽²⁾ = w₁₁⁽²⁾ − η ∂E/∂w₁₁⁽²⁾ / (√v₁(w₁₁⁽²⁾) + ε)")));
}

void TestTraceOptimizerCli::badOptionsExitTwo_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << QStringList{"--optimizer", "lion"}
                             << "--optimizer: expected sgd, momentum";
    QTest::newRow("beta") << QStringList{"--optimizer", "momentum", "--beta", "1.5"}
                          << "--optimizer: ";
    QTest::newRow("not a number") << QStringList{"--optimizer", "adam", "--beta1", "x"}
                                  << "--beta1: expected a number";
    QTest::newRow("passes") << QStringList{"--optimizer", "adam", "--passes", "0"}
                            << "--passes: expected";
}

void TestTraceOptimizerCli::badOptionsExitTwo() {
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const Run r = run(QStringList{"trace", sheet5(), "--format", "json"} + extra);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_APPLESS_MAIN(TestTraceOptimizerCli)
#include "tst_trace_optimizer_cli.moc"
