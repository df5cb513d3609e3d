// The network file's `training` object (docs/formats/network-format.md,
// "Backprop Lab extensions"): every key read, defaults, each rejection with
// its JSON path, and save → load round trips that keep unknown keys.
#include "io/network_file.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl;

namespace {

// A valid 2-2-1 sigmoid/BCE file with `training` set to the given JSON text.
QByteArray withTraining(const QByteArray& training) {
    QByteArray b = R"({"format":"backprop-lab.network/1","layers":[{"size":2},
{"size":2,"activation":"tanh","weights":[[0.1,0.2],[-0.1,0.3]]},
{"size":1,"activation":"sigmoid","weights":[[0.2,-0.2]]}],
"loss":"binary_cross_entropy","learning_rate":0.05,"sample":{"input":[1,0],"target":[1]})";
    if (!training.isEmpty())
        b += ",\"training\":" + training;
    return b + "}";
}

const QByteArray kFull = R"({"data":{"name":"spiral","points":400,"noise":0.2,"seed":7},
"split":{"train":70,"validation":10,"test":20,"seed":3,"shuffle":false},
"optimizer":"adam","learning_rate":0.01,"beta1":0.8,"beta2":0.99,"epsilon":1e-7,"bias_correction":false,
"batch_size":16,"epochs":250,"l2":0.001,"seed":5,"target_loss":0.05,
"init":{"scheme":"he","seed":9},
"comparison":{"setting":"optimizer","values":["sgd","momentum","adam"]},
"future_key":{"kept":true}})";

} // namespace

class TestTrainingSetup : public QObject {
    Q_OBJECT
  private slots:
    void absentMeansNone();
    void readsEveryKey();
    void defaults();
    void dataFile();
    void rejects_data();
    void rejects();
    void roundTrip();
};

void TestTrainingSetup::absentMeansNone() {
    const auto r = io::parseNetwork(withTraining({}), "n.json");
    QVERIFY(r.ok());
    QVERIFY(!r.value().training);
}

void TestTrainingSetup::readsEveryKey() {
    const auto r = io::parseNetwork(withTraining(kFull), "n.json");
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    QVERIFY(r.value().training);
    const TrainingSetup& s = *r.value().training;
    QVERIFY(!s.usesFile());
    QCOMPARE(QString::fromStdString(s.generator.name), QString("spiral"));
    QCOMPARE(s.generator.points, 400);
    QCOMPARE(s.generator.noise, 0.2);
    QCOMPARE(s.generator.seed, std::uint64_t(7));
    QCOMPARE(s.split.trainPercent, 70);
    QCOMPARE(s.split.validationPercent, 10);
    QCOMPARE(s.split.testPercent, 20);
    QCOMPARE(s.split.seed, std::uint64_t(3));
    QCOMPARE(s.split.shuffle, false);
    QVERIFY(s.optimizer.kind == OptimizerKind::Adam);
    QCOMPARE(s.optimizer.learningRate, 0.01);
    QCOMPARE(s.optimizer.beta1, 0.8);
    QCOMPARE(s.optimizer.beta2, 0.99);
    QCOMPARE(s.optimizer.epsilon, 1e-7);
    QCOMPARE(s.optimizer.biasCorrection, false);
    QCOMPARE(s.batchSize, 16);
    QCOMPARE(s.epochs, 250);
    QCOMPARE(s.l2, 0.001);
    QCOMPARE(s.seed, std::uint64_t(5));
    QCOMPARE(s.targetLoss, 0.05);
    QVERIFY(s.init && s.init->scheme == InitScheme::He && s.init->seed == 9);
    QCOMPARE(QString::fromStdString(s.comparison.setting), QString("optimizer"));
    QCOMPARE(s.comparison.values, (std::vector<std::string>{"sgd", "momentum", "adam"}));
    // The run options it asks for.
    const TrainingOptions o = trainingOptionsOf(s, r.value().network);
    QCOMPARE(o.optimizer.learningRate, 0.01);
    QCOMPARE(o.shuffle, false);
    QCOMPARE(o.batchSize, 16);
}

void TestTrainingSetup::defaults() {
    const auto r = io::parseNetwork(withTraining(R"({"data":{"name":"circle"}})"), "n.json");
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    const TrainingSetup& s = *r.value().training;
    QCOMPARE(s.split.trainPercent, 60);
    QCOMPARE(s.split.validationPercent, 20);
    QCOMPARE(s.split.testPercent, 20);
    QCOMPARE(s.split.shuffle, true);
    QVERIFY(s.optimizer.kind == OptimizerKind::Sgd);
    QVERIFY(!s.init);
    QVERIFY(s.comparison.setting.empty());
    // No learning rate of its own: the network's 0.05.
    QCOMPARE(trainingOptionsOf(s, r.value().network).optimizer.learningRate, 0.05);
}

void TestTrainingSetup::dataFile() {
    const auto r = io::parseNetwork(
        withTraining(R"({"data":{"file":"points.txt"},"init":"xavier"})"), "n.json");
    QVERIFY(r.ok());
    QVERIFY(r.value().training->usesFile());
    QCOMPARE(QString::fromStdString(r.value().training->dataFile), QString("points.txt"));
    QVERIFY(r.value().training->init->scheme == InitScheme::Xavier);
}

void TestTrainingSetup::rejects_data() {
    QTest::addColumn<QByteArray>("training");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object")
        << QByteArray("3") << "n.json: training: expected an object, found a number";
    QTest::newRow("no data") << QByteArray("{}")
                             << "n.json: training: missing required key \"data\"";
    QTest::newRow("both data forms") << QByteArray(R"({"data":{"name":"xor","file":"a.txt"}})")
                                     << "n.json: training.data: expected either \"name\"";
    QTest::newRow("unknown data set") << QByteArray(R"({"data":{"name":"moons"}})")
                                      << "n.json: training.data.name: unknown data set \"moons\"";
    QTest::newRow("points too few")
        << QByteArray(R"({"data":{"name":"xor","points":1}})")
        << "n.json: training.data.points: expected a whole number from 2 to 1000000, found 1";
    QTest::newRow("noise > 1")
        << QByteArray(R"({"data":{"name":"xor","noise":2}})")
        << "n.json: training.data.noise: expected a number from 0 to 1, found 2";
    QTest::newRow("points with a file")
        << QByteArray(R"({"data":{"file":"a.txt","points":10}})")
        << "n.json: training.data.points: applies only to a built-in data set";
    QTest::newRow("unknown optimizer")
        << QByteArray(R"({"data":{"name":"xor"},"optimizer":"adamw"})")
        << "n.json: training.optimizer: unknown optimizer \"adamw\"";
    QTest::newRow("learning rate 0") << QByteArray(R"({"data":{"name":"xor"},"learning_rate":0})")
                                     << "n.json: training.learning_rate: must be greater than 0";
    QTest::newRow("batch size 0") << QByteArray(R"({"data":{"name":"xor"},"batch_size":0})")
                                  << "n.json: training.batch_size: expected a whole number from 1";
    QTest::newRow("epochs fractional") << QByteArray(R"({"data":{"name":"xor"},"epochs":2.5})")
                                       << "n.json: training.epochs: expected a whole number";
    QTest::newRow("negative l2") << QByteArray(R"({"data":{"name":"xor"},"l2":-1})")
                                 << "n.json: training.l2: expected a number from 0";
    QTest::newRow("beta 1") << QByteArray(R"({"data":{"name":"xor"},"beta":1})")
                            << "n.json: training.beta: expected a number from 0";
    QTest::newRow("split sum")
        << QByteArray(R"({"data":{"name":"xor"},"split":{"train":50,"validation":20,"test":20}})")
        << "n.json: training.split: ";
    QTest::newRow("shuffle not bool")
        << QByteArray(R"({"data":{"name":"xor"},"split":{"shuffle":1}})")
        << "n.json: training.split.shuffle: expected true or false, found a number";
    QTest::newRow("unknown init")
        << QByteArray(R"({"data":{"name":"xor"},"init":{"scheme":"lecun"}})")
        << "n.json: training.init.scheme: unknown initialization \"lecun\"";
    QTest::newRow("unknown setting")
        << QByteArray(R"({"data":{"name":"xor"},"comparison":{"setting":"momentum","values":[1]}})")
        << "n.json: training.comparison.setting: unknown setting \"momentum\"";
    QTest::newRow("empty values")
        << QByteArray(R"({"data":{"name":"xor"},"comparison":{"setting":"l2","values":[]}})")
        << "n.json: training.comparison.values: expected a non-empty array";
    QTest::newRow("bad compared optimizer")
        << QByteArray(
               R"({"data":{"name":"xor"},"comparison":{"setting":"optimizer","values":["sgd","nesterov"]}})")
        << "n.json: training.comparison.values: ";
    QTest::newRow("seed negative") << QByteArray(R"({"data":{"name":"xor"},"seed":-1})")
                                   << "n.json: training.seed: expected a whole number from 0";
}

void TestTrainingSetup::rejects() {
    QFETCH(QByteArray, training);
    QFETCH(QString, message);
    const auto r = io::parseNetwork(withTraining(training), "n.json");
    QVERIFY(!r.ok());
    const QString got = QString::fromStdString(r.error().message());
    QVERIFY2(got.startsWith(message), qPrintable(got));
}

void TestTrainingSetup::roundTrip() {
    const auto first = io::parseNetwork(withTraining(kFull), "n.json");
    QVERIFY(first.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath("saved.json");
    QVERIFY(io::saveNetwork(first.value(), path).ok());
    const auto second = io::loadNetwork(path);
    QVERIFY2(second.ok(), second.ok() ? "" : second.error().message().c_str());
    QVERIFY(second.value().training);
    // Written back to the same JSON object, unknown keys included.
    const QJsonObject a = io::networkToJson(first.value()).value("training").toObject();
    const QJsonObject b = io::networkToJson(second.value()).value("training").toObject();
    QCOMPARE(a, b);
    QVERIFY(b.value("future_key").toObject().value("kept").toBool());
    QCOMPARE(b.value("optimizer").toString(), QString("adam"));
    QCOMPARE(b.value("comparison").toObject().value("values").toArray().size(), 3);
    QCOMPARE(b.value("split").toObject().value("shuffle").toBool(), false);
    QCOMPARE(b.value("init").toObject().value("scheme").toString(), QString("he"));
    QCOMPARE(second.value().training->epochs, 250);
    QCOMPARE(second.value().training->optimizer.epsilon, 1e-7);
    // A changed setup is what gets written.
    io::NetworkDocument changed = second.value();
    changed.training->epochs = 12;
    changed.training->dataFile = "mine.txt";
    const auto third = io::parseNetwork(io::networkToBytes(changed), "t.json");
    QVERIFY(third.ok());
    QCOMPARE(third.value().training->epochs, 12);
    QCOMPARE(QString::fromStdString(third.value().training->dataFile), QString("mine.txt"));
    // A numeric comparison keeps numbers.
    const auto numeric = io::parseNetwork(
        withTraining(
            R"({"data":{"name":"xor"},"comparison":{"setting":"learning_rate","values":[0.1,0.01]}})"),
        "n.json");
    QVERIFY(numeric.ok());
    const QJsonArray values = io::networkToJson(numeric.value())
                                  .value("training")
                                  .toObject()
                                  .value("comparison")
                                  .toObject()
                                  .value("values")
                                  .toArray();
    QCOMPARE(values.at(1).toDouble(), 0.01);
}

QTEST_GUILESS_MAIN(TestTrainingSetup)
#include "tst_training_setup.moc"
