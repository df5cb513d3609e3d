// The network loader's size limits and its refusals of crafted files: every
// declared size is checked against the limits (and the rows actually present)
// before anything is allocated, and messages quote at most ~60 characters.
#include "io/network_file.h"

#include <QtTest>

using namespace bpl;

namespace {

QByteArray layerJson(int size, int fanIn, const QByteArray& row) {
    QByteArray rows;
    rows.reserve(static_cast<qsizetype>(size) * (row.size() + 1));
    for (int i = 0; i < size; ++i)
        rows += (i ? "," : "") + row;
    Q_UNUSED(fanIn);
    return "{\"size\":" + QByteArray::number(size) + ",\"activation\":\"sigmoid\",\"weights\":[" +
           rows + "]}";
}

// A network file: input of `input`, then the given layers (already JSON).
QByteArray network(int input, const QList<QByteArray>& layers, int outputs) {
    QByteArray json = "{\"format\":\"backprop-lab.network/1\",\"layers\":[{\"size\":" +
                      QByteArray::number(input) + "}";
    for (const QByteArray& l : layers)
        json += "," + l;
    QByteArray in, out;
    for (int k = 0; k < input; ++k)
        in += k ? ",0" : "0";
    for (int k = 0; k < outputs; ++k)
        out += k ? ",0" : "0";
    return json + "],\"loss\":\"half_squared_error\",\"sample\":{\"input\":[" + in +
           "],\"target\":[" + out + "]}}";
}

QByteArray zeros(int n) {
    QByteArray row = "[";
    for (int k = 0; k < n; ++k)
        row += k ? ",0" : "0";
    return row + "]";
}

std::string messageOf(const QByteArray& bytes) {
    const auto r = io::parseNetwork(bytes, "net.json");
    return r ? std::string() : r.error().message();
}

} // namespace

class TestNetworkLimits : public QObject {
    Q_OBJECT
  private slots:
    void theLimitsAreWhatTheReadmeSays();
    void aLayerWiderThanTheLimitIsRefused();
    void placeholderRowsAreRefusedBeforeAllocating();
    void tooManyWeightsAndBiases();
    void tooManyLayers();
    void justInsideTheLimitsLoads();
    void messagesQuoteAtMostSixtyCharacters();
    void negativeLeakyReluSlopeIsRefused();
};

void TestNetworkLimits::theLimitsAreWhatTheReadmeSays() {
    QCOMPARE(io::kMaxNetworkFileBytes, qint64(32) * 1024 * 1024);
    QCOMPARE(io::kMaxLayerSize, 4096);
    QCOMPARE(io::kMaxLayers, 1000);
    QCOMPARE(io::kMaxParameters, 100000LL);
}

void TestNetworkLimits::aLayerWiderThanTheLimitIsRefused() {
    // The crafted file of the issue: 100,000 neurons after an input of 100,000,
    // with placeholder rows (200 KB of text that would need 80 GB as a matrix).
    const QByteArray crafted = network(100000, {layerJson(100000, 100000, "0")}, 100000);
    QVERIFY(crafted.size() < 2 * 1024 * 1024);
    const std::string m = messageOf(crafted);
    QCOMPARE(QString::fromStdString(m).section(": ", 0, 1), QString("net.json: layers[0].size"));
    QVERIFY2(m.find("at most 4096 neurons per layer, found 100000") != std::string::npos,
             m.c_str());
}

void TestNetworkLimits::placeholderRowsAreRefusedBeforeAllocating() {
    // 300 × 300 is within every limit; row 7 has one number too few.
    QByteArray rows;
    for (int i = 0; i < 300; ++i)
        rows += (i ? "," : "") + (i == 7 ? zeros(299) : zeros(300));
    const QByteArray bytes =
        network(300, {"{\"size\":300,\"activation\":\"sigmoid\",\"weights\":[" + rows + "]}"}, 300);
    const std::string m = messageOf(bytes);
    QVERIFY2(
        m.find("layers[1].weights[7]: expected 300 numbers (layer 0 has 300 neurons), found 299") !=
            std::string::npos,
        m.c_str());
    // Rows that are not arrays at all ("0" placeholders) are named the same way.
    const std::string m2 = messageOf(network(300, {layerJson(300, 300, "0")}, 300));
    QVERIFY2(m2.find("layers[1].weights[0]: expected an array of 300 numbers, found a number") !=
                 std::string::npos,
             m2.c_str());
}

void TestNetworkLimits::tooManyWeightsAndBiases() {
    // 400-300-1: 400·300 + 300 = 120,300 weights and biases in layer 1 alone.
    const std::string m =
        messageOf(network(400, {layerJson(300, 400, "0"), layerJson(1, 300, "0")}, 1));
    QVERIFY2(m.find("layers[1]: the network has more than 100000 weights and biases (120300 up to "
                    "layer 1") != std::string::npos,
             m.c_str());
}

void TestNetworkLimits::tooManyLayers() {
    QList<QByteArray> layers;
    for (int l = 0; l < 1000; ++l)
        layers << layerJson(1, 1, "[0]");
    const std::string m = messageOf(network(1, layers, 1));
    QVERIFY2(m.find("layers: at most 1000 layers, found 1001") != std::string::npos, m.c_str());
}

void TestNetworkLimits::justInsideTheLimitsLoads() {
    // 200-200-1 (the "window draws it well" size of docs/benchmarks.md): 40,401 parameters.
    const auto r = io::parseNetwork(
        network(200, {layerJson(200, 200, zeros(200)), layerJson(1, 200, zeros(200))}, 1),
        "ok.json");
    QVERIFY2(r.ok(), r ? "" : r.error().message().c_str());
    QCOMPARE(r.value().network.layers[1].weights.rows(), 200);
    // 999 layers of one neuron after the input: 1000 layers in all.
    QList<QByteArray> layers;
    for (int l = 0; l < 999; ++l)
        layers << layerJson(1, 1, "[0]");
    QVERIFY(io::parseNetwork(network(1, layers, 1), "deep.json").ok());
}

void TestNetworkLimits::messagesQuoteAtMostSixtyCharacters() {
    const QByteArray longName(10'000'000, 'A');
    QByteArray bytes =
        network(1, {"{\"size\":1,\"activation\":\"" + longName + "\",\"weights\":[[0]]}"}, 1);
    const std::string m = messageOf(bytes);
    QVERIFY2(m.size() < 300, m.substr(0, 300).c_str());
    QVERIFY2(m.find("unknown activation \"" + std::string(60, 'A') + "…\" (10000000 bytes)") !=
                 std::string::npos,
             m.substr(0, 300).c_str());
    bytes = network(1, {layerJson(1, 1, "[0]")}, 1).replace("half_squared_error", longName);
    const std::string loss = messageOf(bytes);
    QVERIFY2(loss.size() < 300 && loss.find("unknown loss \"AAAA") != std::string::npos,
             loss.substr(0, 300).c_str());
}

void TestNetworkLimits::negativeLeakyReluSlopeIsRefused() {
    const QByteArray base = network(
        1, {"{\"size\":1,\"activation\":\"leaky_relu\",\"alpha\":-0.1,\"weights\":[[1]]}"}, 1);
    QCOMPARE(QString::fromStdString(messageOf(base)),
             QString::fromUtf8(
                 "net.json: layers[1].alpha: the leaky ReLU slope must be ≥ 0, found -0.1"));
    QByteArray zero = base;
    zero.replace("-0.1", "0");
    QVERIFY(io::parseNetwork(zero, "net.json").ok());
}

QTEST_GUILESS_MAIN(TestNetworkLimits)
#include "tst_network_limits.moc"
