// Network files: every example loads; every rejection path names the file, the
// JSON path and the reason; save → load round-trips, keeping unknown keys.
#include "io/network_file.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl;

namespace {

// A valid 3-2-1 file with one part replaced: `patch` is applied to the JSON text.
QByteArray valid() {
    return R"({"format":"backprop-lab.network/1","name":"t","layers":[{"size":3},
{"size":2,"activation":"sigmoid","weights":[[0.1,0.2,0.3],[-0.1,0,-0.2]],"bias":[0,0]},
{"size":1,"activation":"sigmoid","weights":[[0.2,-0.2]],"bias":[0]}],
"loss":"binary_cross_entropy","learning_rate":0.05,"sample":{"input":[3,0.2,-0.1],"target":[0]}})";
}

QByteArray patched(const char* from, const char* to) {
    QByteArray b = valid();
    const int at = b.indexOf(from);
    Q_ASSERT_X(at >= 0, "patched", from);
    return b.replace(at, static_cast<int>(qstrlen(from)), to);
}

} // namespace

class TestNetworkFile : public QObject {
    Q_OBJECT
private slots:
    void examplesLoad_data();
    void examplesLoad();
    void rejects_data();
    void rejects();
    void hugeFileIsRefusedBeforeParsing();
    void missingFileAndFolder();
    void roundTripKeepsValuesAndUnknownKeys();
    void defaultsForOptionalKeys();
    void stepAtZeroRoundTrip();
};

void TestNetworkFile::examplesLoad_data() {
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(BPL_SOURCE_DIR "/resources/examples"));
    const auto files = dir.entryList({"*.json"}, QDir::Files);
    QVERIFY(files.size() >= 6);
    for (const QString& f : files) QTest::newRow(qPrintable(f)) << dir.filePath(f);
    QTest::newRow("shared sheet5") << QStringLiteral(BPL_SHARED_DIR "/examples/sheet5.json");
}

void TestNetworkFile::examplesLoad() {
    QFETCH(QString, path);
    if (!QFile::exists(path)) QSKIP("shared/ is not beside this checkout");
    const auto loaded = io::loadNetwork(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
    QVERIFY(structuralProblems(loaded.value().network).empty());
}

void TestNetworkFile::rejects_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("reason");
    auto row = [](const char* name, const QByteArray& json, const char* place, const char* reason) {
        QTest::newRow(name) << json << QString(place) << QString(reason);
    };
    row("empty file", "", "", "file is empty");
    row("not JSON", "hello", "line 1", "invalid JSON");
    row("truncated", valid().left(120), "line 2", "invalid JSON");
    row("trailing comma", patched("\"name\":\"t\",", "\"name\":\"t\",,"), "line 1", "invalid JSON");
    row("NaN literal", patched("[0.1,0.2,0.3]", "[NaN,0.2,0.3]"), "line 2", "invalid JSON");
    row("Infinity literal", patched("\"learning_rate\":0.05", "\"learning_rate\":Infinity"), "line 4", "invalid JSON");
    row("overflowing number", patched("[0.1,0.2,0.3]", "[1e999,0.2,0.3]"), "line 2", "invalid JSON (illegal number)");
    row("top level array", "[1, 2]", "", "expected a JSON object");
    row("missing format", patched("\"format\":\"backprop-lab.network/1\",", ""), "", "missing required key \"format\"");
    row("wrong format", patched("network/1", "network/9"), "format", "expected \"backprop-lab.network/1\"");
    row("missing layers", patched("\"layers\"", "\"strata\""), "", "missing required key \"layers\"");
    row("layers not array", R"({"format":"backprop-lab.network/1","layers":{"size":3},"loss":"half_squared_error"})",
        "layers", "expected an array");
    row("one layer", R"({"format":"backprop-lab.network/1","layers":[{"size":3}],"loss":"half_squared_error"})",
        "layers", "at least 2 layers");
    row("layer not object", patched("{\"size\":3}", "3"), "layers[0]", "expected an object");
    row("missing size", patched("{\"size\":3}", "{\"width\":3}"), "layers[0]", "missing required key \"size\"");
    row("zero-width layer", patched("{\"size\":2,", "{\"size\":0,"), "layers[1].size", "at least 1 neuron");
    row("negative size", patched("{\"size\":2,", "{\"size\":-2,"), "layers[1].size", "at least 1 neuron");
    row("fractional size", patched("{\"size\":2,", "{\"size\":2.5,"), "layers[1].size", "whole number");
    row("string size", patched("{\"size\":2,", "{\"size\":\"2\","), "layers[1].size", "found a string");
    row("absurd size", patched("{\"size\":3}", "{\"size\":1000000000}"), "layers[0].size", "at most 4096 neurons per layer, found 1000000000");
    // Found by fuzz_network_file (tests/fuzz/regressions): past a long long's range.
    row("size past long long", patched("{\"size\":3}", "{\"size\":6.666667e45}"), "layers[0].size", "at most 4096 neurons per layer, found 6.666667e+45");
    row("size below long long", patched("{\"size\":2,", "{\"size\":-1e300,"), "layers[1].size", "at least 1 neuron, found -1e+300");
    row("weights on input layer", patched("{\"size\":3}", "{\"size\":3,\"weights\":[]}"), "layers[0].weights", "input layer");
    row("missing activation", patched("\"size\":2,\"activation\":\"sigmoid\",", "\"size\":2,"), "layers[1]", "missing required key \"activation\"");
    row("unknown activation", patched("\"size\":2,\"activation\":\"sigmoid\"", "\"size\":2,\"activation\":\"swish\""), "layers[1].activation", "unknown activation \"swish\"");
    row("softmax hidden", patched("\"size\":2,\"activation\":\"sigmoid\"", "\"size\":2,\"activation\":\"softmax\""), "layers[1].activation", "only allowed on the last layer");
    row("softmax without CE", patched("\"size\":1,\"activation\":\"sigmoid\"", "\"size\":1,\"activation\":\"softmax\""), "loss", "needs the cross_entropy loss");
    row("BCE without sigmoid", patched("\"size\":1,\"activation\":\"sigmoid\"", "\"size\":1,\"activation\":\"relu\""), "layers[2].activation", "binary_cross_entropy needs sigmoid");
    row("missing weights", patched("\"weights\":[[0.2,-0.2]],", ""), "layers[2]", "missing required key \"weights\"");
    row("too many rows", patched("[[0.2,-0.2]]", "[[0.2,-0.2],[1,1]]"), "layers[2].weights", "expected 1 rows");
    row("row too long", patched("[[0.2,-0.2]]", "[[0.2,-0.2,0.5]]"), "layers[2].weights[0]", "expected 2 numbers (layer 1 has 2 neurons), found 3");
    row("row not array", patched("[[0.2,-0.2]]", "[0.2]"), "layers[2].weights[0]", "expected an array of 2 numbers");
    row("string weight", patched("[[0.2,-0.2]]", "[[\"0.2\",-0.2]]"), "layers[2].weights[0][0]", "expected a number, found a string");
    row("null weight", patched("[[0.2,-0.2]]", "[[null,-0.2]]"), "layers[2].weights[0][0]", "expected a number, found null");
    row("bias wrong length", patched("\"bias\":[0,0]", "\"bias\":[0]"), "layers[1].bias", "expected 2 numbers");
    row("bad alpha", patched("\"activation\":\"sigmoid\",\"weights\":[[0.2", "\"activation\":\"sigmoid\",\"alpha\":\"x\",\"weights\":[[0.2"), "layers[2].alpha", "expected a number");
    row("step_at_zero not 0 or 1", patched("\"activation\":\"sigmoid\",\"weights\":[[0.2", "\"activation\":\"step\",\"step_at_zero\":0.5,\"weights\":[[0.2"), "layers[2].step_at_zero", "U(0) of a step unit is 0 or 1, found 0.5");
    row("labels wrong length", patched("{\"size\":3}", "{\"size\":3,\"labels\":[\"a\"]}"), "layers[0].labels", "3 strings");
    row("missing loss", patched("\"loss\":\"binary_cross_entropy\",", ""), "", "missing required key \"loss\"");
    row("unknown loss", patched("binary_cross_entropy", "hinge"), "loss", "unknown loss \"hinge\"");
    row("negative learning rate", patched("0.05", "-0.05"), "learning_rate", "greater than 0");
    row("zero learning rate", patched("0.05", "0"), "learning_rate", "greater than 0");
    row("string learning rate", patched("0.05", "\"fast\""), "learning_rate", "expected a number");
    row("missing sample", patched(",\"sample\":{\"input\":[3,0.2,-0.1],\"target\":[0]}", ""), "", "missing required key \"sample\"");
    row("missing target", patched(",\"target\":[0]", ""), "sample", "missing required key \"target\"");
    row("short input", patched("[3,0.2,-0.1]", "[3,0.2]"), "sample.input", "expected 3 numbers (layer 0 has 3 neurons), found 2");
    row("NaN-ish input string", patched("[3,0.2,-0.1]", "[3,\"nan\",-0.1]"), "sample.input[1]", "expected a number");
    row("BCE target out of range", patched("\"target\":[0]", "\"target\":[2]"), "sample.target", "must lie in [0, 1]");
    row("name not string", patched("\"name\":\"t\"", "\"name\":5"), "name", "expected a string");
}

void TestNetworkFile::rejects() {
    QFETCH(QByteArray, json);
    QFETCH(QString, place);
    QFETCH(QString, reason);
    const auto result = io::parseNetwork(json, "exercise.json");
    QVERIFY2(!result.ok(), "a malformed file was accepted");
    const Error& e = result.error();
    const QString message = QString::fromStdString(e.message());
    QVERIFY2(message.startsWith("exercise.json"), qPrintable(message));
    QVERIFY2(QString::fromStdString(e.place).startsWith(place), qPrintable(message));
    QVERIFY2(QString::fromStdString(e.reason).contains(reason), qPrintable(message));
    QVERIFY(!e.reason.empty());
}

void TestNetworkFile::hugeFileIsRefusedBeforeParsing() {
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(io::kMaxNetworkFileBytes + 1));
    f.close();
    const auto result = io::loadNetwork(path);
    QVERIFY(!result.ok());
    QVERIFY(QString::fromStdString(result.error().message()).contains("too large"));
}

void TestNetworkFile::missingFileAndFolder() {
    QTemporaryDir dir;
    auto r1 = io::loadNetwork(dir.filePath("nope.json"));
    QVERIFY(!r1.ok());
    QVERIFY(r1.error().message().find("no such file") != std::string::npos);
    auto r2 = io::loadNetwork(dir.path());
    QVERIFY(!r2.ok());
    QVERIFY(r2.error().message().find("folder") != std::string::npos);
}

void TestNetworkFile::roundTripKeepsValuesAndUnknownKeys() {
    QByteArray json = patched("\"name\":\"t\"", "\"name\":\"t\",\"author\":{\"id\":7}");
    json = json.replace("{\"size\":3}", "{\"size\":3,\"colour\":\"red\"}");
    json = json.replace("\"target\":[0]", "\"target\":[0],\"note\":\"hi\"");
    auto loaded = io::parseNetwork(json, "in.json");
    QVERIFY(loaded.ok());
    io::NetworkDocument doc = loaded.value();
    doc.network.layers[1].weights(0, 2) = 0.1 + 0.2; // not representable exactly in decimal
    QTemporaryDir dir;
    const QString path = dir.filePath("out.json");
    QVERIFY(io::saveNetwork(doc, path).ok());
    auto again = io::loadNetwork(path);
    QVERIFY(again.ok());
    const Network& a = doc.network;
    const Network& b = again.value().network;
    QCOMPARE(b.layerCount(), a.layerCount());
    for (int l = 1; l < a.layerCount(); ++l) {
        QVERIFY(a.layers[l].weights == b.layers[l].weights); // exact, bit for bit
        QVERIFY(a.layers[l].bias == b.layers[l].bias);
        QCOMPARE(b.layers[l].activation.kind, a.layers[l].activation.kind);
    }
    QCOMPARE(b.learningRate, a.learningRate);
    QVERIFY(a.sample.input == b.sample.input);
    const QJsonObject root = again.value().original;
    QCOMPARE(root.value("author").toObject().value("id").toInt(), 7);
    QCOMPARE(root.value("layers").toArray()[0].toObject().value("colour").toString(), QString("red"));
    QCOMPARE(root.value("sample").toObject().value("note").toString(), QString("hi"));
}

void TestNetworkFile::defaultsForOptionalKeys() {
    QByteArray json = patched(",\"bias\":[0,0]", "");
    json = json.replace("\"learning_rate\":0.05,", "");
    auto loaded = io::parseNetwork(json, "d.json");
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().network.learningRate, 0.1);
    QVERIFY(loaded.value().network.layers[1].bias.isZero());
    auto linear = io::parseNetwork(patched("\"size\":2,\"activation\":\"sigmoid\"", "\"size\":2,\"activation\":\"linear\""), "l.json");
    QVERIFY(linear.ok());
    QCOMPARE(linear.value().network.layers[1].activation.kind, Activation::Identity);
}

void TestNetworkFile::stepAtZeroRoundTrip() {
    // U(0) = 1 on the hidden step layer is read, saved and read again; a
    // layer without the key keeps U(0) = 0 and is saved without it.
    auto loaded = io::parseNetwork(
        patched("\"size\":2,\"activation\":\"sigmoid\"", "\"size\":2,\"activation\":\"step\",\"step_at_zero\":1"),
        "s.json");
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
    QCOMPARE(loaded.value().network.layers[1].activation.stepAtZero, 1.0);
    QCOMPARE(loaded.value().network.layers[1].activation.applyScalar(0), 1.0);
    QCOMPARE(loaded.value().network.layers[2].activation.stepAtZero, 0.0);
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    QVERIFY(io::saveNetwork(loaded.value(), path).ok());
    const auto again = io::loadNetwork(path);
    QVERIFY(again.ok());
    QCOMPARE(again.value().network.layers[1].activation.stepAtZero, 1.0);
    const QJsonArray layers = again.value().original.value("layers").toArray();
    QCOMPARE(layers[1].toObject().value("step_at_zero").toInt(), 1);
    QVERIFY(!layers[2].toObject().contains("step_at_zero"));
}

QTEST_APPLESS_MAIN(TestNetworkFile)
#include "tst_network_file.moc"
