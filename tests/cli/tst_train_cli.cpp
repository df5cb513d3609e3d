// `backprop-lab train` end to end through the binary: the JSON of
// shared/spec/training.md with values checked independently (the split's
// sizes; the k = 0 loss and gradient norms against `trace` on every training
// row; one full-batch GD epoch against the mean of trace's new weights), the
// keys present for classification and absent for regression, comparisons,
// CSV, --plot, --save-network reopening, and every usage and input error
// with its exit code and nothing on stdout.
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_run.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace {

using bpl::test::Run;

Run run(const QStringList& args) { return bpl::test::run(args, 300000); }

QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out).object();
}

QString example(const char* name) {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name;
}

// A 2-3-1 tanh/sigmoid BCE network written here, so the test does not depend on an example's
// weights.
const QByteArray kNetwork = R"({"format":"backprop-lab.network/1","layers":[{"size":2},
{"size":3,"activation":"tanh","weights":[[0.5,-0.3],[0.2,0.8],[-0.6,0.1]],"bias":[0.1,-0.1,0]},
{"size":1,"activation":"sigmoid","weights":[[0.4,-0.7,0.3]],"bias":[0.05]}],
"loss":"binary_cross_entropy","learning_rate":0.5,"sample":{"input":[0,0],"target":[0]}})";

// Ten rows x1 x2 t.
const double kRows[10][3] = {{0.5, 1.0, 1},   {-1.2, 0.3, 0}, {2.0, -0.7, 1}, {0.1, 0.1, 0},
                             {-0.4, -2.2, 1}, {1.5, 1.5, 0},  {-2.0, 0.9, 1}, {0.7, -0.2, 0},
                             {1.1, 0.4, 1},   {-0.3, 1.8, 0}};

QByteArray dataText() {
    QByteArray text = "# ten rows\nx1 x2 t\n";
    for (const auto& row : kRows) {
        text += QByteArray::number(row[0]) + " " + QByteArray::number(row[1]) + " " +
                QByteArray::number(row[2]) + "\n";
    }
    return text;
}

QJsonObject trace(const QString& network, const double row[3]) {
    const Run r = run({"trace", network, "--format", "json", "--input",
                       QString("%1,%2").arg(row[0], 0, 'g', 17).arg(row[1], 0, 'g', 17), "--target",
                       QString::number(row[2])});
    return json(r);
}

} // namespace

class TestTrainCli : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void firstEpochAgreesWithTrace();
    void classificationKeysAndSplitSizes();
    void regressionHasNoAccuracy();
    void comparisonStartsFromTheSameWeights();
    void csv();
    void plotAndSaveNetwork();
    void defaultsFromTheTrainingObject();
    void examplesLearn();
    void demosShowTheirEffect();
    void randomSearchCoarseToFine();
    void usageErrors_data();
    void usageErrors();
    void inputErrors_data();
    void inputErrors();

  private:
    QTemporaryDir dir_;
    QString network_, data_;
};

void TestTrainCli::initTestCase() {
    QVERIFY(dir_.isValid());
    network_ = bpl::test::writeTestFile(dir_, "net.json", kNetwork);
    data_ = bpl::test::writeTestFile(dir_, "rows.txt", dataText());
}

void TestTrainCli::firstEpochAgreesWithTrace() {
    // All ten rows train, in file order, one full batch: epoch 1 is one GD step.
    const Run r =
        run({"train", network_, data_, "--split", "100,0,0", "--no-shuffle", "--batch-size", "10",
             "--epochs", "1", "--optimizer", "sgd", "--learning-rate", "0.5"});
    QCOMPARE(r.code, 0);
    const QJsonObject root = json(r);
    QCOMPARE(root["format"].toString(), QString("backprop-lab.training/1"));
    const QJsonObject runObj = root["runs"].toArray().at(0).toObject();
    double meanLoss = 0;
    Eigen::MatrixXd grad1 = Eigen::MatrixXd::Zero(3, 2), grad2 = Eigen::MatrixXd::Zero(1, 3);
    Eigen::MatrixXd new1 = grad1, new2 = grad2;
    for (const auto& row : kRows) {
        const QJsonObject t = trace(network_, row);
        meanLoss += t["loss"].toDouble() / 10;
        const QJsonArray layers = t["layers"].toArray();
        for (int l = 1; l <= 2; ++l) {
            const QJsonArray g = layers.at(l).toObject()["grad_weights"].toArray();
            const QJsonArray w = layers.at(l).toObject()["new_weights"].toArray();
            Eigen::MatrixXd& grad = l == 1 ? grad1 : grad2;
            Eigen::MatrixXd& nw = l == 1 ? new1 : new2;
            for (int i = 0; i < grad.rows(); ++i) {
                for (int j = 0; j < grad.cols(); ++j) {
                    grad(i, j) += g.at(i).toArray().at(j).toDouble() / 10;
                    nw(i, j) += w.at(i).toArray().at(j).toDouble() / 10;
                }
            }
        }
    }
    const double k0 = runObj["train_loss"].toArray().at(0).toDouble();
    QVERIFY2(std::abs(k0 - meanLoss) < 1e-13,
             qPrintable(QString("%1 vs %2").arg(k0, 0, 'g', 17).arg(meanLoss, 0, 'g', 17)));
    const QJsonArray norms = runObj["grad_norm"].toArray().at(0).toArray();
    QCOMPARE(norms.size(), 2);
    QVERIFY(std::abs(norms.at(0).toDouble() - grad1.norm()) < 1e-13);
    QVERIFY(std::abs(norms.at(1).toDouble() - grad2.norm()) < 1e-13);
    // After one full-batch step W − η·mean g = the mean of trace's W − η g.
    const QJsonArray layers = runObj["network"].toObject()["layers"].toArray();
    const QJsonArray w1 = layers.at(1).toObject()["weights"].toArray();
    const QJsonArray w2 = layers.at(2).toObject()["weights"].toArray();
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 2; ++j)
            QVERIFY(std::abs(w1.at(i).toArray().at(j).toDouble() - new1(i, j)) < 1e-13);
        QVERIFY(std::abs(w2.at(0).toArray().at(i).toDouble() - new2(0, i)) < 1e-13);
    }
    // No validation or test rows: those keys are absent.
    QVERIFY(!runObj.contains("validation_loss"));
    QVERIFY(!runObj.contains("test_accuracy"));
    QCOMPARE(root["data"].toObject()["validation"].toInt(), 0);
}

void TestTrainCli::classificationKeysAndSplitSizes() {
    const Run r = run({"train", network_, "--data", "circle", "--points", "101", "--epochs", "3"});
    QCOMPARE(r.code, 0);
    const QJsonObject root = json(r);
    const QJsonObject data = root["data"].toObject();
    QCOMPARE(data["source"].toString(), QString("circle"));
    QCOMPARE(data["inputs"].toInt(), 2);
    QCOMPARE(data["classes"].toInt(), 2);
    // ⌊101·60/100⌋ = 60, ⌊101·20/100⌋ = 20, the rest 21
    QCOMPARE(data["train"].toInt(), 60);
    QCOMPARE(data["validation"].toInt(), 20);
    QCOMPARE(data["test"].toInt(), 21);
    const QJsonObject runObj = root["runs"].toArray().at(0).toObject();
    for (const char* key :
         {"label", "optimizer", "learning_rate", "batch_size", "l2", "seed", "stopped",
          "train_loss", "validation_loss", "test_loss", "train_accuracy", "validation_accuracy",
          "test_accuracy", "grad_norm", "confusion", "network", "train_seconds"}) {
        QVERIFY2(runObj.contains(key), key);
    }
    QCOMPARE(runObj["train_loss"].toArray().size(), 4); // k = 0 … 3
    QCOMPARE(runObj["stopped"].toString(), QString("max_epochs"));
    QCOMPARE(runObj["learning_rate"].toDouble(), 0.5); // the network file's
    int total = 0, correct = 0;
    const QJsonArray confusion = runObj["confusion"].toArray();
    for (int i = 0; i < confusion.size(); ++i) {
        for (int j = 0; j < confusion.size(); ++j) {
            total += confusion.at(i).toArray().at(j).toInt();
            if (i == j)
                correct += confusion.at(i).toArray().at(j).toInt();
        }
    }
    QCOMPARE(total, 21); // the test rows
    QVERIFY(std::abs(runObj["test_accuracy"].toArray().last().toDouble() - correct / 21.0) < 1e-15);
}

void TestTrainCli::regressionHasNoAccuracy() {
    const Run r = run({"train", example("sine_181_tanh.json"), "--data", "sine", "--points", "50",
                       "--epochs", "2"});
    QCOMPARE(r.code, 0);
    const QJsonObject root = json(r);
    QCOMPARE(root["data"].toObject()["classes"].toInt(), 0);
    const QJsonObject runObj = root["runs"].toArray().at(0).toObject();
    QVERIFY(runObj.contains("test_loss"));
    for (const char* key :
         {"train_accuracy", "validation_accuracy", "test_accuracy", "confusion"}) {
        QVERIFY2(!runObj.contains(key), key);
    }
}

void TestTrainCli::comparisonStartsFromTheSameWeights() {
    const Run r = run({"train", network_, "--data", "xor", "--points", "80", "--epochs", "4",
                       "--optimizers", "sgd,momentum,adam", "--learning-rate", "0.05"});
    QCOMPARE(r.code, 0);
    const QJsonArray runs = json(r)["runs"].toArray();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(0).toObject()["optimizer"].toString(), QString("sgd"));
    QCOMPARE(runs.at(2).toObject()["optimizer"].toString(), QString("adam"));
    const double k0 = runs.at(0).toObject()["train_loss"].toArray().at(0).toDouble();
    for (const auto& v : runs)
        QCOMPARE(v.toObject()["train_loss"].toArray().at(0).toDouble(), k0);
    QVERIFY(runs.at(0).toObject()["train_loss"].toArray().at(4).toDouble() !=
            runs.at(2).toObject()["train_loss"].toArray().at(4).toDouble());
    // --etas: one run per η, in order
    const Run etas = run({"train", network_, "--data", "xor", "--points", "80", "--epochs", "1",
                          "--etas", "0.3,0.03"});
    QCOMPARE(etas.code, 0);
    QCOMPARE(json(etas)["runs"].toArray().at(1).toObject()["learning_rate"].toDouble(), 0.03);
}

void TestTrainCli::csv() {
    const Run r = run({"train", network_, "--data", "circle", "--points", "60", "--epochs", "5",
                       "--batch-sizes", "1,60", "--format", "csv"});
    QCOMPARE(r.code, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 2 * 6); // header, 2 runs × (k = 0 … 5)
    QVERIFY(lines[0].startsWith(
        "run,label,optimizer,learning_rate,batch_size,epoch,train_loss,validation_loss,test_loss"));
    // The top-k columns (training.md, "Top-k") come after the spec's last ones.
    QVERIFY(lines[0].endsWith("grad_norm_1,grad_norm_2,top_1_train_error,"
                              "top_1_validation_error,top_1_test_error"));
    QVERIFY(lines[12].startsWith("2,"));
    QVERIFY(lines[12].contains(",60,5,"));
    const Run json = run({"train", network_, "--data", "circle", "--points", "60", "--epochs", "5",
                          "--batch-size", "1"});
    const QByteArray k5 = QByteArray::number(
        QJsonDocument::fromJson(json.out)["runs"][0]["train_loss"][5].toDouble(), 'g', 17);
    // The label "sgd, η = 0.5, B = 1" is quoted (it holds a comma).
    QVERIFY(lines[6].startsWith("1,\"sgd, η = 0.5, B = 1\",sgd,0.5,1,5,"));
    QByteArray row = lines[6];
    row.replace("\"sgd, η = 0.5, B = 1\"", "label");
    QCOMPARE(row.split(',').at(6).toDouble(), k5.toDouble());
}

void TestTrainCli::plotAndSaveNetwork() {
    const QString png = dir_.filePath("out.png"), saved = dir_.filePath("trained.json");
    const Run r = run({"train", network_, "--data", "spiral", "--points", "100", "--epochs", "3",
                       "--optimizers", "sgd,adam", "--plot", png, "--save-network", saved});
    QCOMPARE(r.code, 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 1000); // two panels side by side
    // The saved network reopens in the stepper (trace) with the first run's final weights.
    const Run t = run({"trace", saved, "--format", "json"});
    QCOMPARE(t.code, 0);
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject savedJson = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(savedJson["layers"],
             json(r)["runs"].toArray().at(0).toObject()["network"].toObject()["layers"]);
    // SVG and PDF too
    QCOMPARE(run({"train", network_, "--data", "xor", "--epochs", "1", "--plot",
                  dir_.filePath("out.svg")})
                 .code,
             0);
    QVERIFY(QFileInfo(dir_.filePath("out.svg")).size() > 0);
    // A plot that cannot be written: exit 3, nothing printed, nothing saved.
    const Run bad = run({"train", network_, "--data", "xor", "--epochs", "1", "--plot",
                         dir_.filePath("no/such/dir/x.png")});
    QCOMPARE(bad.code, 3);
    QVERIFY(bad.out.isEmpty());
    QVERIFY(!bad.err.isEmpty());
}

void TestTrainCli::defaultsFromTheTrainingObject() {
    // The examples carry a training object: no data option is needed.
    const Run r = run({"train", example("xor_2881_tanh.json"), "--epochs", "2"});
    QCOMPARE(r.code, 0);
    const QJsonObject root = json(r);
    QCOMPARE(root["data"].toObject()["source"].toString(), QString("xor"));
    QCOMPARE(root["runs"].toArray().at(0).toObject()["train_loss"].toArray().size(), 3);
    // A data file named by the training object is found next to the network file.
    QByteArray withFile = kNetwork;
    withFile.chop(1);
    withFile +=
        R"(,"training":{"data":{"file":"rows.txt"},"split":{"train":50,"validation":50,"test":0},"epochs":2}})";
    const Run f = run({"train", bpl::test::writeTestFile(dir_, "withfile.json", withFile)});
    QCOMPARE(f.code, 0);
    QCOMPARE(json(f)["data"].toObject()["train"].toInt(), 5);
    QVERIFY(!json(f)["runs"].toArray().at(0).toObject().contains("test_loss"));
}

void TestTrainCli::examplesLearn() {
    // The digits example with its own settings: the split of 1,797 images and ≥ 90% on the test
    // rows.
    const Run digits = run({"train", example("digits_64_32_10_relu.json")});
    QCOMPARE(digits.code, 0);
    const QJsonObject d = json(digits);
    QCOMPARE(d["data"].toObject()["source"].toString(), QString("digits"));
    QCOMPARE(d["data"].toObject()["train"].toInt(), 1078); // ⌊1797·0.6⌋
    QCOMPARE(d["data"].toObject()["validation"].toInt(), 359);
    QCOMPARE(d["data"].toObject()["test"].toInt(), 360);
    const QJsonObject digitsRun = d["runs"].toArray().at(0).toObject();
    QVERIFY(digitsRun["test_accuracy"].toArray().last().toDouble() >= 0.9);
    QCOMPARE(digitsRun["confusion"].toArray().size(), 10);
    // The spiral example compares SGD, momentum and Adam; each learns the spiral.
    const Run spiral = run({"train", example("spiral_2881_tanh.json"), "--data", "spiral"});
    QCOMPARE(spiral.code, 0);
    const QJsonArray runs = json(spiral)["runs"].toArray();
    QCOMPARE(runs.size(), 3);
    for (const auto& v : runs) {
        const QJsonObject r = v.toObject();
        QVERIFY2(r["test_accuracy"].toArray().last().toDouble() >= 0.85,
                 qPrintable(r["label"].toString()));
        QVERIFY(r["train_loss"].toArray().last().toDouble() <
                0.5 * r["train_loss"].toArray().first().toDouble());
    }
}

void TestTrainCli::demosShowTheirEffect() {
    const auto values = [](const QJsonObject& run, const char* key) {
        std::vector<double> v;
        for (const auto& x : run[key].toArray()) v.push_back(x.toDouble());
        return v;
    };
    const auto minimumAt = [](const std::vector<double>& v) {
        return static_cast<int>(std::min_element(v.begin(), v.end()) - v.begin());
    };
    // Overfitting: the training loss falls towards 0 while the validation loss has its
    // minimum long before the last epoch and ends more than twice as high.
    const Run over = run({"train", example("overfit_circle_2_32_32_1.json")});
    QCOMPARE(over.code, 0);
    const QJsonObject o = json(over)["runs"].toArray().at(0).toObject();
    const std::vector<double> validation = values(o, "validation_loss");
    QCOMPARE(validation.size(), std::size_t(601));
    const int best = minimumAt(validation);
    QVERIFY2(best > 0 && best < 300, qPrintable(QString::number(best)));
    QVERIFY(validation.back() > 2 * validation[best]);
    QVERIFY(values(o, "train_loss").back() < 0.01);
    // L2 on the same run: the larger λ, the lower the last validation loss.
    const Run l2 = run({"train", example("overfit_l2_circle.json")});
    QCOMPARE(l2.code, 0);
    const QJsonArray l2Runs = json(l2)["runs"].toArray();
    QCOMPARE(l2Runs.size(), 3);
    QCOMPARE(values(l2Runs.at(0).toObject(), "validation_loss"), validation); // λ = 0: the same run
    double previous = INFINITY;
    for (const auto& v : l2Runs) {
        const double last = values(v.toObject(), "validation_loss").back();
        QVERIFY2(last < previous, qPrintable(v.toObject()["label"].toString()));
        previous = last;
    }
    QVERIFY(previous < 0.6);
    // Underfitting: a line cannot separate xor; accuracy stays near chance.
    const Run under = run({"train", example("underfit_xor_linear.json")});
    QCOMPARE(under.code, 0);
    const QJsonObject u = json(under)["runs"].toArray().at(0).toObject();
    QVERIFY(values(u, "train_accuracy").back() <= 0.6);
    QVERIFY(values(u, "validation_accuracy").back() <= 0.6);
}

void TestTrainCli::randomSearchCoarseToFine() {
    const Run coarse = run({"train", network_, "--data", "circle", "--points", "100", "--epochs", "20",
                            "--search", "learning_rate=1e-3:1, batch_size=1:32", "--samples", "5",
                            "--search-seed", "4"});
    QCOMPARE(coarse.code, 0);
    const QJsonObject root = json(coarse);
    const QJsonArray runs = root["runs"].toArray();
    QCOMPARE(runs.size(), 5);
    const QJsonObject search = root["search"].toObject();
    QCOMPARE(search["ranges"].toString(), QString("learning_rate=0.001:1, batch_size=1:32"));
    QCOMPARE(search["samples"].toInt(), 5);
    QCOMPARE(search["seed"].toInt(), 4);
    // Every drawn setting inside its range and named by its label; the best run is the one
    // with the lowest last validation loss.
    int best = -1;
    double lowest = INFINITY;
    for (int k = 0; k < runs.size(); ++k) {
        const QJsonObject r = runs.at(k).toObject();
        const double eta = r["learning_rate"].toDouble();
        const int batch = r["batch_size"].toInt();
        QVERIFY(eta >= 1e-3 && eta <= 1 && batch >= 1 && batch <= 32);
        QVERIFY2(r["label"].toString().contains(QString("B = %1").arg(batch)), qPrintable(r["label"].toString()));
        const double last = r["validation_loss"].toArray().last().toDouble();
        if (last < lowest) {
            lowest = last;
            best = k;
        }
    }
    QCOMPARE(search["best_run"].toInt(), best + 1);
    QCOMPARE(search["best_label"].toString(), runs.at(best).toObject()["label"].toString());
    // The finer search: around the best run, and its runs inside the finer ranges.
    const QJsonObject finer = search["finer"].toObject();
    QCOMPARE(finer["seed"].toInt(), 5);
    const Run fine = run({"train", network_, "--data", "circle", "--points", "100", "--epochs", "2",
                          "--search", finer["ranges"].toString(), "--samples", "4", "--search-seed", "5"});
    QCOMPARE(fine.code, 0);
    const auto ranges = finer["ranges"].toString().split(QRegularExpression("[=:, ]+"), Qt::SkipEmptyParts);
    QCOMPARE(ranges.size(), 6); // learning_rate low high batch_size low high
    for (const auto& v : json(fine)["runs"].toArray()) {
        const QJsonObject r = v.toObject();
        QVERIFY(r["learning_rate"].toDouble() >= ranges[1].toDouble() - 1e-12);
        QVERIFY(r["learning_rate"].toDouble() <= ranges[2].toDouble() + 1e-12);
        QVERIFY(r["batch_size"].toInt() >= ranges[4].toInt() && r["batch_size"].toInt() <= ranges[5].toInt());
    }
}

void TestTrainCli::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QStringList{"train"} << "expected a network file";
    QTest::newRow("unknown option")
        << QStringList{"train", "N", "--frobnicate"} << "Unknown option";
    QTest::newRow("format") << QStringList{"train", "N", "--data", "xor", "--format", "xml"}
                            << "--format: expected json or csv";
    QTest::newRow("no data") << QStringList{"train", "N"}
                             << "no data: give a DATA file or --data NAME";
    QTest::newRow("both data") << QStringList{"train", "N", "D", "--data", "xor"}
                               << "give either a DATA file or --data NAME";
    QTest::newRow("unknown data set")
        << QStringList{"train", "N", "--data", "moons"} << "--data: unknown data set 'moons'";
    QTest::newRow("two comparisons")
        << QStringList{"train", "N", "--data", "xor", "--etas", "0.1,0.2", "--optimizers", "sgd"}
        << "compare one setting at a time";
    QTest::newRow("split sum") << QStringList{"train", "N", "--data", "xor", "--split", "50,20,20"}
                               << "--split: ";
    QTest::newRow("split shape") << QStringList{"train", "N", "--data", "xor", "--split", "50,50"}
                                 << "--split: expected three";
    QTest::newRow("points with a file")
        << QStringList{"train", "N", "D", "--points", "10"} << "--points applies only";
    QTest::newRow("epochs fractional")
        << QStringList{"train", "N", "--data", "xor", "--epochs", "2.5"}
        << "--epochs: expected a whole number";
    QTest::newRow("negative eta") << QStringList{"train",           "N", "--data", "xor",
                                                 "--learning-rate", "-1"}
                                  << "--learning-rate: expected";
    QTest::newRow("unknown optimizer")
        << QStringList{"train", "N", "--data", "xor", "--optimizer", "adamw"}
        << "--optimizer: expected";
    QTest::newRow("unknown compared optimizer")
        << QStringList{"train", "N", "--data", "xor", "--optimizers", "sgd,nesterov"} << "";
    QTest::newRow("unknown init") << QStringList{"train", "N", "--data", "xor", "--init", "lecun"}
                                  << "--init: expected";
    QTest::newRow("plot suffix") << QStringList{"train", "N", "--data", "xor", "--plot", "out.txt"}
                                 << "--plot: expected";
    QTest::newRow("search from 0") << QStringList{"train", "N", "--data", "xor", "--search", "l2=0:1"}
                                   << "--search: l2 from 0 to 1: drawn log-uniformly";
    QTest::newRow("search and a list")
        << QStringList{"train", "N", "--data", "xor", "--search", "l2=1e-3:1", "--etas", "0.1"}
        << "give either --search or --etas, not both";
    QTest::newRow("samples alone") << QStringList{"train", "N", "--data", "xor", "--samples", "3"}
                                   << "--samples and --search-seed need --search";
    QTest::newRow("samples 0")
        << QStringList{"train", "N", "--data", "xor", "--search", "l2=1e-3:1", "--samples", "0"}
        << "--samples: expected a whole number from 1 to 1000";
    QTest::newRow("noise") << QStringList{"train", "N", "--data", "xor", "--noise", "nan"}
                           << "--noise: expected";
}

void TestTrainCli::usageErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(QRegularExpression("^N$"), network_);
    args.replaceInStrings(QRegularExpression("^D$"), data_);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestTrainCli::inputErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing network")
        << QStringList{"train", "/no/such.json", "--data", "xor"} << QByteArray() << "no such file";
    QTest::newRow("ragged data") << QStringList{"train", "N", "F"} << QByteArray("1 2 0\n3 4\n")
                                 << "bad.txt: line 2: missing column (ragged row)";
    QTest::newRow("class out of range")
        << QStringList{"train", "N", "F"} << QByteArray("1 2 0\n3 4 2\n")
        << "bad.txt: line 2: binary_cross_entropy targets must lie in [0, 1], found 2";
    QTest::newRow("one sample") << QStringList{"train", "N", "F"} << QByteArray("1 2 0\n")
                                << "only 1 sample";
    QTest::newRow("digits for a 2-input network")
        << QStringList{"train", "N", "--data", "digits"} << QByteArray()
        << "digits: the 8×8 digits need a network with 64 inputs";
    QTest::newRow("three classes for one sigmoid")
        << QStringList{"train", "N", "--data", "three_blobs"} << QByteArray() << "";
}

void TestTrainCli::inputErrors() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    args.replaceInStrings(QRegularExpression("^N$"), network_);
    if (!data.isEmpty())
        args.replaceInStrings(QRegularExpression("^F$"), bpl::test::writeTestFile(dir_, "bad.txt", data));
    const Run r = run(args);
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestTrainCli)
#include "tst_train_cli.moc"
