// Softmax regions from the command line (teaching-content.md section 4):
// `train --save-network` on a 3-class softmax regression, then
// `trace --input` at the ⅓ point that train's JSON gives, prints the three
// outputs as ⅓ (text: 0.333333); the ties' equations are those of the saved
// weights; a network with a hidden layer has no `softmax_regions`.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

#include <cmath>

namespace {

using bpl::test::Run;

Run run(const QStringList& args) {
    return bpl::test::run(args, 300000);
}

QString example(const char* name) {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name;
}

QJsonObject firstRun(const Run& r) {
    return QJsonDocument::fromJson(r.out).object()["runs"].toArray().at(0).toObject();
}

} // namespace

class TestSoftmaxRegionsCli : public QObject {
    Q_OBJECT
  private slots:
    void traceAtTheThirdPointGivesThirds();
    void noRegionsWithAHiddenLayer();

  private:
    QTemporaryDir dir_;
};

void TestSoftmaxRegionsCli::traceAtTheThirdPointGivesThirds() {
    const QString saved = dir_.filePath("blobs.json");
    const Run r = run(
        {"train", example("three_blobs_softmax.json"), "--epochs", "20", "--save-network", saved});
    QCOMPARE(r.code, 0);
    const QJsonObject regions = firstRun(r)["softmax_regions"].toObject();
    const QJsonArray point = regions["third_point"].toArray();
    QCOMPARE(point.size(), 2);
    // The saved weights: each tie is w_c − w_d, b_c − b_d of them.
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject layer =
        QJsonDocument::fromJson(f.readAll()).object()["layers"].toArray().at(1).toObject();
    const QJsonArray w = layer["weights"].toArray(), b = layer["bias"].toArray();
    const QJsonArray ties = regions["ties"].toArray();
    QCOMPARE(ties.size(), 3);
    const int pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
    for (int t = 0; t < 3; ++t) {
        const QJsonObject tie = ties.at(t).toObject();
        const int c = pairs[t][0], d = pairs[t][1];
        QCOMPARE(tie["classes"].toArray(), (QJsonArray{c, d}));
        for (int j = 0; j < 2; ++j)
            QCOMPARE(tie["weights"].toArray().at(j).toDouble(),
                     w.at(c).toArray().at(j).toDouble() - w.at(d).toArray().at(j).toDouble());
        QCOMPARE(tie["bias"].toDouble(), b.at(c).toDouble() - b.at(d).toDouble());
        QVERIFY(tie["equation"].toString().startsWith(
            QString("p%1 = p%2: ").arg(QChar(0x2080 + c)).arg(QChar(0x2080 + d))));
    }
    // The point, written in the shortest form that reads back to the same double.
    const QString input = QString("%1,%2")
                              .arg(point.at(0).toDouble(), 0, 'g', 17)
                              .arg(point.at(1).toDouble(), 0, 'g', 17);
    const Run text = run({"trace", saved, "--input", input});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains("output = (0.333333, 0.333333, 0.333333)"), text.out.right(300));
    const Run json = run({"trace", saved, "--input", input, "--format", "json"});
    QCOMPARE(json.code, 0);
    const QJsonArray output = QJsonDocument::fromJson(json.out).object()["output"].toArray();
    QCOMPARE(output.size(), 3);
    for (int k = 0; k < 3; ++k)
        QVERIFY2(std::abs(output.at(k).toDouble() - 1.0 / 3.0) < 1e-12,
                 qPrintable(QString::number(output.at(k).toDouble(), 'g', 17)));
}

void TestSoftmaxRegionsCli::noRegionsWithAHiddenLayer() {
    const Run r = run({"train", example("softmax_3class.json"), "--data", "three_blobs", "--points",
                       "60", "--epochs", "2"});
    QCOMPARE(r.code, 0);
    const QJsonObject runObj = firstRun(r);
    QVERIFY(runObj.contains("network"));
    QVERIFY(!runObj.contains("softmax_regions"));
}

QTEST_GUILESS_MAIN(TestSoftmaxRegionsCli)
#include "tst_softmax_regions_cli.moc"
