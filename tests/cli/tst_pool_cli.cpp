// backprop-lab pool: the JSON of docs/formats/pool-output.md for a hand-worked
// case, pooling after `conv --format json`, and errors on stderr with exit 2
// (usage) or 3 (bad input) and nothing on stdout.
#include "support/cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl::test;

class TestPoolCli : public QObject {
    Q_OBJECT
  private slots:
    void maxPoolingJson();
    void afterAConvolution();
    void answersAndSolutionFormats();
    void errors_data();
    void errors();
};

void TestPoolCli::maxPoolingJson() {
    const Run r =
        run({"pool", "--input", "[[1,3,2,1],[2,4,1,0],[5,1,0,2],[1,2,3,3]]", "--format", "json"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root["format"].toString(), QString("backprop-lab.pool/1"));
    QCOMPARE(root["kind"].toString(), QString("max"));
    QCOMPARE(root["stride"].toInt(), 2); // the window's size by default
    QCOMPARE(root["output"].toArray(), QJsonArray({QJsonArray({4, 2}), QJsonArray({5, 3})}));
    QCOMPARE(root["argmax"].toArray()[0].toArray(), QJsonArray({2, 2}));
    QCOMPARE(root["grad_input"].toArray()[0].toArray(), QJsonArray({0, 0, 1, 0}));
    const QJsonObject first = root["steps"].toObject()["output"].toArray()[0].toObject();
    QCOMPARE(first["text"].toString(),
             QString("P₁₁ = max(X₁₁, X₁₂, X₂₁, X₂₂) = max(1, 3, 2, 4) = 4"));
    const QJsonObject x13 = root["steps"].toObject()["grad_input"].toArray()[2].toObject();
    QCOMPARE(x13["windows"].toArray(), QJsonArray({QJsonArray({1, 2})}));
}

void TestPoolCli::afterAConvolution() {
    // The course's 3×3 filter over a 4×4 input gives a 2×2 F; max pooling of
    // F is its largest entry.
    QTemporaryDir dir;
    const Run conv = run({"conv", "--input", "[[4,5,2,1],[3,3,2,0],[4,3,4,1],[1,1,1,1]]",
                          "--filter", "[[4,3,3],[5,5,5],[2,4,3]]", "--format", "json"});
    QCOMPARE(conv.code, 0);
    QFile f(dir.filePath("conv.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(conv.out);
    f.close();
    const QJsonArray F = QJsonDocument::fromJson(conv.out).object()["output"].toArray();
    double largest = -1e300;
    for (const QJsonValue row : F)
        for (const QJsonValue v : row.toArray())
            largest = std::max(largest, v.toDouble());
    QCOMPARE(F[0].toArray()[0].toDouble(), 109.0);
    const Run r = run({"pool", "--input", f.fileName(), "--format", "json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object()["output"].toArray(),
             QJsonArray({QJsonArray({largest})}));
}

void TestPoolCli::answersAndSolutionFormats() {
    // As conv: a student's P and ∂E/∂X marked (exit 1 with a wrong one), the worked solution
    // in Markdown and as a PDF, and a filter answer refused (pooling has none).
    QTemporaryDir dir;
    const QString x = "[[1,3,2,0],[2,4,1,1],[5,0,3,3],[1,2,0,3]]";
    const auto answers = [&](const QByteArray& entries) {
        QFile f(dir.filePath("answers.json"));
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write("{\"format\": \"backprop-lab.maths-answers/1\", \"answers\": [" + entries + "]}");
        return f.fileName();
    };
    // P = [[4, 2], [5, 3]]; ∂E/∂X₂₂ = 1 (X₂₂ = 4 is window (1, 1)'s maximum).
    const Run right = run({"pool", "--input", x, "--answers",
                           answers(R"({"quantity": "output", "index": [1, 1], "value": 4},
                                      {"quantity": "grad_input", "index": [2, 2], "value": 1})")});
    QCOMPARE(right.code, 0);
    QVERIFY(right.out.contains("2 of 2 right"));
    const Run wrong = run({"pool", "--input", x, "--answers",
                           answers(R"({"quantity": "output", "index": [2, 1], "value": 3})")});
    QCOMPARE(wrong.code, 1);
    QVERIFY(wrong.out.contains("you wrote 3 — wrong (exact 5)"));
    const Run filter = run({"pool", "--input", x, "--answers",
                            answers(R"({"quantity": "grad_filter", "index": [1, 1], "value": 1})")});
    QCOMPARE(filter.code, 3);
    QVERIFY(filter.out.isEmpty());
    QVERIFY(filter.err.contains("pool answers are output or grad_input"));
    const Run outside = run({"pool", "--input", x, "--answers",
                             answers(R"({"quantity": "output", "index": [3, 1], "value": 1})")});
    QCOMPARE(outside.code, 3);
    QVERIFY(outside.err.contains("[3, 1] is outside output, which is 2×2"));
    const Run markdown = run({"pool", "--input", x, "--format", "markdown"});
    QCOMPARE(markdown.code, 0);
    QVERIFY(markdown.out.startsWith("# Pooling: max"));
    const QString pdf = dir.filePath("pool.pdf");
    const Run written = run({"pool", "--input", x, "--pdf", pdf});
    QCOMPARE(written.code, 0);
    QVERIFY(written.out.isEmpty());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
}

void TestPoolCli::errors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString x = "[[1,2],[3,4]]";
    QTest::newRow("no input") << QStringList{"pool"} << 2 << "give the input with --input";
    QTest::newRow("kind") << QStringList{"pool", "--input", x, "--kind", "min"} << 2
                          << "--kind: expected max, average, adaptive-max or adaptive-average";
    QTest::newRow("adaptive without size")
        << QStringList{"pool", "--input", x, "--kind", "adaptive-max"} << 2 << "--size";
    QTest::newRow("padding") << QStringList{"pool", "--input", x, "--padding", "2"} << 3
                             << "padding: must be from 0 to half the window, 1 (found 2)";
    QTest::newRow("window") << QStringList{"pool", "--input", x, "--window", "3"} << 3
                            << "larger than the padded input 2×2";
    QTest::newRow("matrix") << QStringList{"pool", "--input", "[[1,2],[3]]"} << 3 << "row 2";
    QTest::newRow("grad size") << QStringList{"pool", "--input", x, "--grad-output", "[[1,1]]"} << 3
                               << "the size of P, 1×1";
}

void TestPoolCli::errors() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.code, code);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestPoolCli)
#include "tst_pool_cli.moc"
