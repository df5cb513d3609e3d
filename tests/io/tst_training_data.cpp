// Training data files (shared/spec/training.md): the accepted forms of the
// target (class index, one-hot or probability columns for softmax, one value
// in [0, 1] for a sigmoid output with BCE, K real columns otherwise), comments,
// a header, commas; every rejection with file name, line number and reason;
// the file-level refusals (missing, folder, not a regular file, too large);
// and the shipped 8×8 digits.
#include "io/training_data.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace bpl;

namespace {

// An n_in-…-n_out network with the given output and loss (weights irrelevant here).
Network makeNetwork(int inputs, int outputs, Activation out, Loss loss) {
    Network net;
    Layer in;
    in.size = inputs;
    Layer last;
    last.size = outputs;
    last.activation.kind = out;
    last.weights = Eigen::MatrixXd::Zero(outputs, inputs);
    last.bias = Eigen::VectorXd::Zero(outputs);
    net.layers = {in, last};
    net.loss = loss;
    net.sample.input = Eigen::VectorXd::Zero(inputs);
    net.sample.target = Eigen::VectorXd::Zero(outputs);
    return net;
}

Network softmax3() {
    return makeNetwork(2, 3, Activation::Softmax, Loss::CrossEntropy);
}
Network sigmoidBce() {
    return makeNetwork(2, 1, Activation::Sigmoid, Loss::BinaryCrossEntropy);
}
Network regression2() {
    return makeNetwork(1, 2, Activation::Identity, Loss::HalfSquaredError);
}

} // namespace

class TestTrainingData : public QObject {
    Q_OBJECT
  private slots:
    void classIndex();
    void oneHotAndProbabilities();
    void binaryTargets();
    void realTargets();
    void commentsHeaderCommas();
    void rejects_data();
    void rejects();
    void fileLevelRefusals();
    void digits();
};

void TestTrainingData::classIndex() {
    const auto r = io::parseTrainingData("1 2 0\n3 4 2\n-5 6.5 1\n", "c.txt", softmax3());
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    const Dataset& d = r.value();
    QCOMPARE(d.sampleCount(), 3);
    QCOMPARE(d.inputCount(), 2);
    QCOMPARE(d.classes, 3);
    QCOMPARE(d.labels, (std::vector<int>{0, 2, 1}));
    QCOMPARE(d.inputs(0, 2), -5.0);
    QCOMPARE(d.inputs(1, 2), 6.5);
    // one-hot columns, as the cross-entropy loss takes them
    QCOMPARE(d.targets.rows(), 3);
    QCOMPARE(d.targets(2, 1), 1.0);
    QCOMPARE(d.targets.col(1).sum(), 1.0);
    QCOMPARE(d.targets(1, 2), 1.0);
    QCOMPARE(QString::fromStdString(d.source), QString("c.txt"));
}

void TestTrainingData::oneHotAndProbabilities() {
    const auto r = io::parseTrainingData("1 2 0 0 1\n3 4 0.2 0.5 0.3\n", "p.txt", softmax3());
    QVERIFY(r.ok());
    QCOMPARE(r.value().labels, (std::vector<int>{2, 1}));
    QCOMPARE(r.value().targets(0, 1), 0.2);
    QCOMPARE(r.value().targets(2, 1), 0.3);
}

void TestTrainingData::binaryTargets() {
    const auto r =
        io::parseTrainingData("0 0 0\n0 1 1\n1 0 1\n1 1 0.25\n", "xor.txt", sigmoidBce());
    QVERIFY(r.ok());
    QCOMPARE(r.value().classes, 2);
    QCOMPARE(r.value().targets.rows(), 1);
    QCOMPARE(r.value().targets(0, 3), 0.25);
    QCOMPARE(r.value().labels, (std::vector<int>{0, 1, 1, 0}));
}

void TestTrainingData::realTargets() {
    const auto r = io::parseTrainingData("0.5 1 -2\n1.5 3e2 4\n", "r.txt", regression2());
    QVERIFY(r.ok());
    QCOMPARE(r.value().classes, 0);
    QVERIFY(r.value().labels.empty());
    QCOMPARE(r.value().targets(0, 1), 300.0);
    QCOMPARE(r.value().targets(1, 0), -2.0);
}

void TestTrainingData::commentsHeaderCommas() {
    const QByteArray text =
        "\xEF\xBB\xBF# three samples\r\nx1, x2, class\r\n\n1,2,0 # first\r\n 3 , 4 ,1\n+5\t-6\t2\n";
    const auto r = io::parseTrainingData(text, "h.txt", softmax3());
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    QCOMPARE(r.value().sampleCount(), 3);
    QCOMPARE(r.value().inputs(1, 2), -6.0);
    QCOMPARE(r.value().labels, (std::vector<int>{0, 1, 2}));
}

void TestTrainingData::rejects_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("network"); // 0 softmax3, 1 sigmoid BCE, 2 regression 1→2
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("  \n") << 0 << "d.txt: line 1: the file is empty";
    QTest::newRow("ragged row")
        << QByteArray("1 2 0\n3 4\n") << 0
        << "d.txt: line 2: missing column (ragged row): expected 3 columns like line 1, found 2";
    QTest::newRow("extra column") << QByteArray("1 2 0\n3 4 1 5\n") << 0
                                  << "d.txt: line 2: extra column (ragged row)";
    QTest::newRow("class index out of range")
        << QByteArray("1 2 0\n3 4 3\n") << 0
        << "d.txt: line 2: class index 3 is out of range (the output layer has 3 classes, 0 … 2)";
    QTest::newRow("negative class")
        << QByteArray("1 2 -1\n3 4 0\n") << 0 << "d.txt: line 1: class index -1 is out of range";
    QTest::newRow("fractional class")
        << QByteArray("1 2 0.5\n3 4 0\n") << 0
        << "d.txt: line 1: the class must be a whole number 0 … 2, found 0.5";
    QTest::newRow("nan input") << QByteArray("1 2 0\nnan 4 1\n") << 0
                               << "d.txt: line 2: input 1: 'nan' is not a finite number";
    QTest::newRow("inf target") << QByteArray("1 2 0\n3 4 inf\n") << 1
                                << "d.txt: line 2: the target: 'inf' is not a finite number";
    QTest::newRow("not a number") << QByteArray("1 2 0\n3 x 1\n") << 0
                                  << "d.txt: line 2: input 2: 'x' is not a number";
    QTest::newRow("one sample") << QByteArray("# one\n1 2 0\n") << 0
                                << "d.txt: line 2: only 1 sample before the end of the file (at "
                                   "least 2 are needed to train)";
    QTest::newRow("no samples") << QByteArray("x1 x2 t\n# nothing\n") << 0
                                << "d.txt: line 2: no samples";
    QTest::newRow("column count fits neither form (softmax)")
        << QByteArray("1 2 0 1\n") << 0
        << "d.txt: line 1: expected 3 columns (2 inputs, then the class 0 … 2) or 5 (2 inputs, "
           "then 3 one-hot or "
           "probability columns), found 4 columns";
    QTest::newRow("column count (sigmoid)") << QByteArray("\n1 2 0 1\n") << 1
                                            << "d.txt: line 2: expected 3 columns (2 inputs, then "
                                               "the target in [0, 1]), found 4 columns";
    QTest::newRow("column count (regression)")
        << QByteArray("1 2\n") << 2
        << "d.txt: line 1: expected 3 columns (1 input, then 2 targets), found 2 columns";
    QTest::newRow("BCE target outside [0, 1]")
        << QByteArray("1 2 0\n3 4 1.5\n") << 1
        << "d.txt: line 2: binary_cross_entropy targets must lie in [0, 1], found 1.5";
    QTest::newRow("probabilities not summing to 1")
        << QByteArray("1 2 0.5 0.2 0.2\n3 4 1 0 0\n") << 0
        << "d.txt: line 1: the 3 target columns must sum to 1";
    QTest::newRow("negative probability")
        << QByteArray("1 2 -0.5 1 0.5\n3 4 1 0 0\n") << 0
        << "d.txt: line 1: target 1 must lie in [0, 1], found -0.5";
    QTest::newRow("two commas") << QByteArray("1,,2,0\n") << 0 << "d.txt: line 1: empty field";
    QTest::newRow("header after data")
        << QByteArray("1 2 0\nx1 x2 t\n") << 0 << "d.txt: line 2: input 1: 'x1' is not a number";
}

void TestTrainingData::rejects() {
    QFETCH(QByteArray, text);
    QFETCH(int, network);
    QFETCH(QString, message);
    const Network nets[] = {softmax3(), sigmoidBce(), regression2()};
    const auto r = io::parseTrainingData(text, "d.txt", nets[network]);
    QVERIFY(!r.ok());
    const QString got = QString::fromStdString(r.error().message());
    QVERIFY2(got.startsWith(message), qPrintable(got));
}

void TestTrainingData::fileLevelRefusals() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Network net = softmax3();
    auto message = [&](const QString& path) {
        const auto r = io::loadTrainingData(path, net);
        return r.ok() ? QString() : QString::fromStdString(r.error().message());
    };
    QCOMPARE(message(dir.filePath("missing.txt")), dir.filePath("missing.txt") + ": no such file");
    QCOMPARE(message(dir.path()), dir.path() + ": is a folder, not a data file");
    const QString fifo = dir.filePath("pipe");
    QVERIFY(::mkfifo(fifo.toLocal8Bit().constData(), 0600) == 0);
    QCOMPARE(message(fifo), fifo + ": is not a regular file (a device, pipe or socket); a data "
                                   "file is read only from a regular file");
    // A sparse file just over the cap is refused before it is read.
    const QString big = dir.filePath("big.txt");
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(io::kMaxTrainingDataBytes + 1));
    }
    QVERIFY2(message(big).contains("file is too large"), qPrintable(message(big)));
    const QString good = dir.filePath("good.txt");
    {
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("1 2 0\n3 4 1\n");
    }
    const auto r = io::loadTrainingData(good, net);
    QVERIFY(r.ok());
    QCOMPARE(r.value().sampleCount(), 2);
}

void TestTrainingData::digits() {
    const Network net = makeNetwork(64, 10, Activation::Softmax, Loss::CrossEntropy);
    const auto r = io::loadDigits(net);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().message().c_str());
    const Dataset& d = r.value();
    // sklearn's load_digits: 1797 images, about 180 of each class.
    QCOMPARE(d.sampleCount(), 1797);
    QCOMPARE(d.inputCount(), 64);
    QCOMPARE(d.classes, 10);
    QCOMPARE(d.inputs.minCoeff(), 0.0);
    QCOMPARE(d.inputs.maxCoeff(), 1.0);
    std::vector<int> perClass(10, 0);
    for (int label : d.labels)
        ++perClass[static_cast<std::size_t>(label)];
    QCOMPARE(perClass[0], 178); // the UCI test set's counts (sklearn documents them)
    QCOMPARE(perClass[1], 182);
    QCOMPARE(perClass[9], 180);
    // The first image is a 0: row 0 of digits.csv starts 0,0,5,13,9,1,0,0 → 5/16 = 0.3125.
    QCOMPARE(d.labels.front(), 0);
    QCOMPARE(d.inputs(2, 0), 0.3125);
    QCOMPARE(d.inputs(3, 0), 13.0 / 16.0);
    // A network that does not fit is told why.
    const auto wrong = io::loadDigits(softmax3());
    QVERIFY(!wrong.ok());
    QVERIFY(QString::fromStdString(wrong.error().message())
                .startsWith("digits: the 8×8 digits need a network with 64 inputs"));
}

QTEST_GUILESS_MAIN(TestTrainingData)
#include "tst_training_data.moc"
