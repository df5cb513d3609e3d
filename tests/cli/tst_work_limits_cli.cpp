// Limits that bound a command's work, not only its input's size
// (core/common/limits.h): inputs within the file-size limits that once took
// gigabytes or hours are refused at once, naming the limit and the values
// found, or (training records) thinned with a note; long expressions cost
// their length; sheets of a template that admits nothing are refused as
// promptly as `trace --variant` gives up.
#include "support/cli_run.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using bpl::test::run;

namespace {

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A square matrix of ones, as conv reads it: "[[1, 1], [1, 1]]".
QByteArray ones(int n) {
    QByteArray row = "[" + QByteArray("1, ").repeated(n - 1) + "1]";
    QByteArray out = "[";
    for (int r = 0; r < n; ++r)
        out += (r > 0 ? ", " : "") + row;
    return out + "]";
}

// A fully connected network of `sizes` with every weight 0.1 and the last layer `output`.
QByteArray network(const std::vector<int>& sizes, const char* output, const char* loss) {
    QByteArray layers = "{\"size\": " + QByteArray::number(sizes[0]) + "}";
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const QByteArray row = "[" + QByteArray("0.1, ").repeated(sizes[l - 1] - 1) + "0.1]";
        QByteArray weights = "[";
        for (int i = 0; i < sizes[l]; ++i)
            weights += (i > 0 ? ", " : "") + row;
        weights += "]";
        const QByteArray bias = "[" + QByteArray("0, ").repeated(sizes[l] - 1) + "0]";
        layers += ", {\"size\": " + QByteArray::number(sizes[l]) + ", \"activation\": \"" +
                  (l + 1 == sizes.size() ? output : "sigmoid") + "\", \"weights\": " + weights +
                  ", \"bias\": " + bias + "}";
    }
    QByteArray input = "[" + QByteArray("0.5, ").repeated(sizes[0] - 1) + "0.5]";
    QByteArray target = "[" + QByteArray("0, ").repeated(sizes.back() - 1) + "1]";
    return "{\"format\": \"backprop-lab.network/1\", \"layers\": [" + layers + "], \"loss\": \"" +
           loss + "\", \"learning_rate\": 0.1, \"sample\": {\"input\": " + input +
           ", \"target\": " + target + "}}";
}

} // namespace

class TestWorkLimitsCli : public QObject {
    Q_OBJECT
  private slots:
    void convolutionWorkIsCapped();
    void trainingRowsAreCappedWhileReading();
    void tracePassesAreCapped();
    void logregPointPassesAreCapped();
    void sheetsOfATemplateThatAdmitsNothing();
    void longExpressionsWriteShortNodeTexts();
};

void TestWorkLimitsCli::convolutionWorkIsCapped() {
    // X 64×64, W 64×64, padding 63: 127² outputs × 4,096 products once exhausted memory.
    const auto r = run(
        {"conv", "--input", ones(64), "--filter", ones(64), "--padding", "63", "--format", "json"});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("at most 100000 products (outputs × filter entries) are worked by "
                            "hand, found 127 × 127 outputs × 64 × 64 filter entries = 66064384"),
             r.err.constData());
    // 60² outputs × 5² = 90,000 products are worked; 59² × 6² = 125,316 are not.
    const auto largest =
        run({"conv", "--input", ones(64), "--filter", ones(5), "--format", "json"});
    QCOMPARE(largest.code, 0);
    QCOMPARE(QJsonDocument::fromJson(largest.out).object().value("output").toArray().size(), 60);
    QCOMPARE(run({"conv", "--input", ones(64), "--filter", ones(6)}).code, 3);
}

void TestWorkLimitsCli::trainingRowsAreCappedWhileReading() {
    // 65,536 rows for a 1→4096 softmax: 4,097 values a row once took over 4 GB.
    QTemporaryDir dir;
    const QString net = dir.filePath("softmax.json");
    write(net, network({1, 4096}, "softmax", "cross_entropy"));
    QByteArray rows;
    for (int k = 0; k < 65536; ++k)
        rows += QByteArray::number(k % 100) + " " + QByteArray::number(k % 4096) + "\n";
    write(dir.filePath("rows.txt"), rows);
    const auto r = run({"train", net, dir.filePath("rows.txt"), "--epochs", "1"});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    // 20,000,000 / 4,097 = 4,881 rows fit; row 4,882 (line 4,882) is refused.
    QVERIFY2(r.err.contains("line 4882: at most 20000000 values (data rows × (network inputs + "
                            "outputs)), found 4882 rows × 4097 values by this row"),
             r.err.constData());
}

void TestWorkLimitsCli::tracePassesAreCapped() {
    QTemporaryDir dir;
    const QString net = dir.filePath("wide.json");
    write(net, network({70, 70, 1}, "sigmoid", "binary_cross_entropy")); // 5,041 parameters
    const auto r = run({"trace", net, "--passes", "100000", "--format", "json"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("--passes: at most 500000000 traced parameters (passes × weights and "
                            "biases), found 100000 × 5041"),
             r.err.constData());
    QCOMPARE(run({"trace", net, "--passes", "3", "--format", "json"}).code, 0);
}

void TestWorkLimitsCli::logregPointPassesAreCapped() {
    QTemporaryDir dir;
    QByteArray points;
    for (int k = 0; k < 2000; ++k)
        points += QByteArray::number(k % 17) + " " + QByteArray::number(k % 5) + " " +
                  QByteArray::number(k % 2) + "\n";
    write(dir.filePath("points.txt"), points);
    const auto r =
        run({"logreg", dir.filePath("points.txt"), "--etas", "0.5", "--max-iter", "2000000"});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("at most 500000000 point passes (points × max iterations × runs), "
                            "found 2000 × 2000000 × 1"),
             r.err.constData());
}

void TestWorkLimitsCli::sheetsOfATemplateThatAdmitsNothing() {
    // answer_decimals 0: every asked value rounds to 0, so no variant is hand-workable.
    // Sheets once tried 64·N + 4096 numbers × 4,000 draws (an hour a student).
    QFile f(QStringLiteral(BPL_SOURCE_DIR "/resources/examples/sheet5_321_exercise.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray exercise = f.readAll();
    QVERIFY(exercise.contains("\"answer_decimals\": 4"));
    exercise.replace("\"answer_decimals\": 4", "\"answer_decimals\": 0");
    QTemporaryDir dir;
    write(dir.filePath("nothing.json"), exercise);
    const auto r = run(
        {"sheets", dir.filePath("nothing.json"), "--students", "3", "--out", dir.filePath("class")},
        60000);
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("the template's ranges admit no hand-workable variant"),
             r.err.constData());
    QVERIFY(!QFileInfo::exists(dir.filePath("class/class.csv")));
}

void TestWorkLimitsCli::longExpressionsWriteShortNodeTexts() {
    // x*x*…*x with 5,000 factors: 106 MB of output once, from ever longer node texts.
    QByteArray product = "x" + QByteArray("*x").repeated(4999);
    const auto r = run({"grad", product, "--at", "x=1.0001", "--format", "json"});
    QCOMPARE(r.code, 0);
    qInfo("grad --format json on 5,000 factors: %lld bytes", static_cast<long long>(r.out.size()));
    QVERIFY2(r.out.size() < 12'000'000, QByteArray::number(r.out.size()).constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value("nodes").toArray().size(), 5000);
    QVERIFY(std::abs(o.value("gradient").toObject().value("x").toDouble() /
                         (5000 * std::pow(1.0001, 4999)) -
                     1) < 1e-9);
    const auto text = run({"grad", product, "--at", "x=1.0001"});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.size() < 12'000'000, QByteArray::number(text.out.size()).constData());
}

QTEST_GUILESS_MAIN(TestWorkLimitsCli)
#include "tst_work_limits_cli.moc"
