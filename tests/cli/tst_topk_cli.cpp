// Top-k from the command line (docs/formats/training.md, "Top-k"): `topk`'s
// table and E for a hand-worked case full of ties, marking a student's E and
// ranks, `train`'s `top_k` JSON keys and CSV columns (the default k's, --top-k,
// top-1 = 1 − accuracy, the spec's columns unchanged), and every refusal with
// its exit code and nothing on stdout.
#include "support/cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl::test;

namespace {

// A 3-class softmax over identity logits: the scores are softmax(x), so equal
// inputs are equal scores.
const QByteArray kNetwork = R"({"format":"backprop-lab.network/1","name":"three scores",
"layers":[{"size":3},{"size":3,"activation":"softmax","weights":[[1,0,0],[0,1,0],[0,0,1]],
"bias":[0,0,0]}],"loss":"cross_entropy","learning_rate":0.1,
"sample":{"input":[0,0,0],"target":[1,0,0]}})";

// Logits and the true class. Hand-worked ranks (a tie goes to the smaller class):
// 1: s₂ = 0.3 below s₁ = 0.5 only → 2; 2: t = 1 tied with class 0 → 2;
// 3: t = 0 tied with class 1, which is larger → 1; 4: all tied, t = 2 → 3;
// 5: 0.1 below 0.9 and 0.4 → 3; 6: −1 below 3 and 2 → 3.
const QByteArray kData = "# x1 x2 x3 class\n0.2 0.5 0.3 2\n1 1 0 1\n1 1 0 0\n0 0 0 2\n"
                         "0.1 0.9 0.4 0\n3 -1 2 1\n";

QString example(const char* name) {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name;
}

} // namespace

class TestTopKCli : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void workedTableWithTies();
    void marksAnswers();
    void trainJsonKeys();
    void trainCsvColumns();
    void savedNetworkGivesTheLastTestError();
    void errors_data();
    void errors();

  private:
    QTemporaryDir dir_;
    QString network_, data_;
};

void TestTopKCli::initTestCase() {
    QVERIFY(dir_.isValid());
    network_ = writeTestFile(dir_, "net.json", kNetwork);
    data_ = writeTestFile(dir_, "data.csv", kData);
}

void TestTopKCli::workedTableWithTies() {
    const Run r = run({"topk", network_, data_, "--k", "2", "--format", "json"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root["format"].toString(), QString("backprop-lab.topk/1"));
    QCOMPARE(root["classes"].toInt(), 3);
    QCOMPARE(root["samples"].toInt(), 6);
    QList<int> ranks;
    for (const QJsonValue row : root["rows"].toArray())
        ranks << row.toObject()["rank"].toInt();
    QCOMPARE(ranks, QList<int>({2, 2, 1, 3, 3, 3}));
    QCOMPARE(root["misses"].toInt(), 3);
    QCOMPARE(root["error"].toDouble(), 0.5);
    const QJsonArray tied = root["rows"].toArray()[3].toObject()["scores"].toArray();
    QCOMPARE(tied[0].toDouble(), 1.0 / 3);

    const Run text = run({"topk", network_, data_, "--k", "2"});
    QCOMPARE(text.code, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains("E = (1/m) Σ 𝟙(Rᵢ > 2) = (1/6)(0 + 0 + 0 + 1 + 1 + 1) = 3/6 = 0.5\n"),
             text.out.constData());
    QVERIFY(out.contains("a tie goes to the smaller class index"));
    QVERIFY(out.contains("  4 2 0.3333 0.3333  0.3333 3  1\n"));

    // k = 1: every tie lost by the larger class; E = 1 − accuracy = 5/6.
    const Run top1 = run({"topk", network_, data_, "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(top1.out).object()["misses"].toInt(), 5);
}

void TestTopKCli::marksAnswers() {
    const Run right = run({"topk", network_, data_, "--k", "2", "--answer-error", "0.5",
                           "--answer-ranks", "2,2,1,3,3,3"});
    QCOMPARE(right.code, 0);
    QVERIFY2(right.out.contains("7 of 7 right."), right.out.constData());

    // Rank 2 counted the tie for the true class; E given as the accuracy.
    const Run wrong = run({"topk", network_, data_, "--k", "2", "--answer-error", "0.5",
                           "--answer-ranks", "2,1,1,3,3,3", "--format", "json"});
    QCOMPARE(wrong.code, 1);
    const QJsonObject check = QJsonDocument::fromJson(wrong.out).object()["check"].toObject();
    QCOMPARE(check["summary"].toString(), QString("6 of 7 right; 1 wrong"));
    const QJsonObject mark = check["marks"].toArray()[2].toObject();
    QCOMPARE(mark["sample"].toInt(), 2);
    QCOMPARE(mark["status"].toString(), QString("wrong"));
    QCOMPARE(mark["expected"].toInt(), 2);
    QVERIFY(mark["explanation"].toString().startsWith(
        "R₂ = 1 + 0 higher + 1 tied with a smaller class = 2"));

    const Run accuracy = run({"topk", network_, data_, "--answer-error", "0.167"});
    QCOMPARE(accuracy.code, 1);
    QVERIFY2(accuracy.out.contains("you gave the top-1 accuracy 1 − E"), accuracy.out.constData());
    // E = 5/6 to three significant figures by default: 0.833, not 0.84.
    QCOMPARE(run({"topk", network_, data_, "--answer-error", "0.833"}).code, 0);
    QCOMPARE(run({"topk", network_, data_, "--answer-error", "0.84"}).code, 1);
}

void TestTopKCli::trainJsonKeys() {
    // Three classes: only k = 1 by default, equal to 1 − accuracy at every epoch.
    const Run blobs =
        run({"train", example("three_blobs_softmax.json"), "--epochs", "3", "--format", "json"});
    QCOMPARE(blobs.code, 0);
    const QJsonObject run3 =
        QJsonDocument::fromJson(blobs.out).object()["runs"].toArray()[0].toObject();
    const QJsonObject topK = run3["top_k"].toObject();
    QCOMPARE(topK.keys(), QStringList({"1"}));
    const QJsonObject one = topK["1"].toObject();
    QCOMPARE(one.keys(), QStringList({"test_error", "train_error", "validation_error"}));
    for (const char* part : {"train", "validation", "test"}) {
        const QJsonArray error = one[QString(part) + "_error"].toArray();
        const QJsonArray accuracy = run3[QString(part) + "_accuracy"].toArray();
        QCOMPARE(error.size(), 4);
        for (int k = 0; k < 4; ++k)
            QCOMPARE(error[k].toDouble(), 1 - accuracy[k].toDouble());
    }
    // The keys in rising k, and the top-3 error of three classes is 0.
    const Run chosen =
        run({"train", example("three_blobs_softmax.json"), "--epochs", "1", "--top-k", "3,1"});
    QCOMPARE(chosen.code, 0);
    const QByteArray out = chosen.out;
    QVERIFY(out.indexOf("\"1\": {") < out.indexOf("\"3\": {"));
    const QJsonObject three = QJsonDocument::fromJson(out)
                                  .object()["runs"]
                                  .toArray()[0]
                                  .toObject()["top_k"]
                                  .toObject()["3"]
                                  .toObject();
    QCOMPARE(three["test_error"].toArray(), QJsonArray({0, 0}));
    // Regression: no top_k.
    const Run sine = run({"train", example("sine_181_tanh.json"), "--epochs", "1"});
    QCOMPARE(sine.code, 0);
    QVERIFY(!sine.out.contains("top_k"));
}

void TestTopKCli::trainCsvColumns() {
    const Run csv = run({"train", network_, data_, "--epochs", "1", "--split", "50,0,50", "--top-k",
                         "1,2", "--format", "csv"});
    QCOMPARE(csv.code, 0);
    const QList<QByteArray> lines = csv.out.split('\n');
    // The spec's columns first and unchanged, then the top-k ones.
    QCOMPARE(lines[0], QByteArray("run,label,optimizer,learning_rate,batch_size,epoch,train_loss,"
                                  "test_loss,train_accuracy,test_accuracy,grad_norm_1,"
                                  "top_1_train_error,top_1_test_error,top_2_train_error,"
                                  "top_2_test_error"));
    QCOMPARE(lines.size(), 4); // header, epochs 0 and 1, the final newline
    const QList<QByteArray> start = lines[1].split(',');
    QCOMPARE(start.size(), 16); // the label's comma is inside quotes: one more split
    QCOMPARE(start[9].toDouble() + start[12].toDouble(), 1.0); // train accuracy + top-1 error
}

// `train --save-network`, then `topk --part test` on the same data and split (the
// network file's `training` object: three_blobs with its points and seed): E is
// the run's last top_k test error.
void TestTopKCli::savedNetworkGivesTheLastTestError() {
    const QString saved = dir_.filePath("trained.json");
    const Run trained =
        run({"train", example("three_blobs_softmax.json"), "--epochs", "2", "--learning-rate",
             "0.001", "--top-k", "1,2", "--save-network", saved});
    QCOMPARE(trained.code, 0);
    const QJsonObject topK =
        QJsonDocument::fromJson(trained.out)["runs"][0].toObject()["top_k"].toObject();
    for (int k : {1, 2}) {
        const Run worked =
            run({"topk", saved, "--part", "test", "--k", QString::number(k), "--format", "json"});
        QCOMPARE(worked.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(worked.out).object();
        const QJsonArray testError = topK[QString::number(k)].toObject()["test_error"].toArray();
        QCOMPARE(root["samples"].toInt(), 60);
        QCOMPARE(root["error"].toDouble(), testError.last().toDouble());
    }
}

void TestTopKCli::errors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString blobs = example("three_blobs_softmax.json");
    QTest::newRow("train k above classes")
        << QStringList{"train", blobs, "--top-k", "1,4"} << 2
        << "--top-k: k = 4 is not a rank of 3 classes (expected 1 to 3)";
    QTest::newRow("train k 0") << QStringList{"train", blobs, "--top-k", "0"} << 2
                               << "--top-k: expected whole numbers ≥ 1";
    QTest::newRow("train k twice")
        << QStringList{"train", blobs, "--top-k", "2,2"} << 2 << "k = 2 is given twice";
    QTest::newRow("train k text") << QStringList{"train", blobs, "--top-k", "1,x"} << 2
                                  << "--top-k: expected whole numbers";
    QTest::newRow("train regression")
        << QStringList{"train", example("sine_181_tanh.json"), "--top-k", "1"} << 2
        << "--top-k applies only to classification data";
    QTest::newRow("topk no data") << QStringList{"topk", network_} << 2 << "no data";
    QTest::newRow("topk k above") << QStringList{"topk", blobs, "--data", "three_blobs", "--k", "4"}
                                  << 2 << "k = 4 is not a rank of 3 classes";
    QTest::newRow("topk k 0") << QStringList{"topk", blobs, "--data", "three_blobs", "--k", "0"}
                              << 2 << "--k: expected a whole number ≥ 1";
    QTest::newRow("topk data name")
        << QStringList{"topk", blobs, "--data", "moons"} << 2 << "--data: unknown data set";
    QTest::newRow("topk part") << QStringList{"topk", blobs, "--data", "xor", "--part", "dev"} << 2
                               << "--part: expected all, train, validation or test";
    QTest::newRow("topk regression")
        << QStringList{"topk", example("sine_181_tanh.json"), "--data", "sine"} << 3
        << "no classes to rank";
    QTest::newRow("topk rank count")
        << QStringList{"topk", network_, data_, "--answer-ranks", "1,2"} << 3
        << "--answer-ranks: 2 ranks for 6 samples";
    QTest::newRow("topk data misfit")
        << QStringList{"topk", blobs, "--data", "digits"} << 3 << "digits";
}

void TestTopKCli::errors() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString problem = refusalProblem(run(args), code, message);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestTopKCli)
#include "tst_topk_cli.moc"
