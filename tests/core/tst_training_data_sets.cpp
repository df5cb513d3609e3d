// Training data (shared/spec/training.md): the built-in generators (sizes,
// classes, the [−6, 6]² square, their shapes, seeding), the split (sizes
// ⌊n·p/100⌋, the order of tests/reference/split_mix64.py's shuffle, file order
// without shuffling), its checks, and fitting targets to a network.
#include "core/training/dataset.h"

#include "support/training_networks.h"

#include <QtTest>

#include <cmath>
#include <numbers>
#include <numeric>
#include <set>

using namespace bpl;

namespace {

Dataset generated(const std::string& name, int points, double noise = 0.0, std::uint64_t seed = 1) {
    GeneratorOptions g;
    g.name = name;
    g.points = points;
    g.noise = noise;
    g.seed = seed;
    const Result<Dataset> d = generateDataset(g);
    if (!d.ok())
        qFatal("%s", d.error().message().c_str());
    return d.value();
}

// Sample j's value i as a column-numbered data set: input 0 = j.
Dataset numbered(int n, int classes = 2) {
    Dataset d;
    d.source = "numbered";
    d.classes = classes;
    d.inputs.resize(2, n);
    d.targets.resize(1, n);
    for (int j = 0; j < n; ++j) {
        d.inputs(0, j) = j;
        d.inputs(1, j) = -j;
        d.targets(0, j) = j % classes;
        d.labels.push_back(j % classes);
    }
    return d;
}

std::vector<int> firstInputs(const Dataset& d) {
    std::vector<int> v;
    for (int j = 0; j < d.sampleCount(); ++j)
        v.push_back(static_cast<int>(d.inputs(0, j)));
    return v;
}

} // namespace

class TestTrainingDataSets : public QObject {
    Q_OBJECT
  private slots:
    void generatorsMakeTheirSets_data();
    void generatorsMakeTheirSets();
    void sameSeedSameData();
    void shapesWithoutNoise();
    void threeBlobsMeetAtTheOrigin();
    void sineFollowsTheSine();
    void generatorRejections_data();
    void generatorRejections();
    void subsetTakesColumns();
    void splitSizes_data();
    void splitSizes();
    void splitOrderIsTheReferenceShuffle();
    void splitWithoutShuffleKeepsFileOrder();
    void splitProblems_data();
    void splitProblems();
    void fitsTargetsToTheNetwork();
    void fitRejections_data();
    void fitRejections();
};

void TestTrainingDataSets::generatorsMakeTheirSets_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("inputs");
    QTest::newRow("circle") << "circle" << 2 << 2;
    QTest::newRow("xor") << "xor" << 2 << 2;
    QTest::newRow("two_gaussians") << "two_gaussians" << 2 << 2;
    QTest::newRow("spiral") << "spiral" << 2 << 2;
    QTest::newRow("three_blobs") << "three_blobs" << 3 << 2;
    QTest::newRow("sine") << "sine" << 0 << 1;
}

void TestTrainingDataSets::generatorsMakeTheirSets() {
    QFETCH(QString, name);
    QFETCH(int, classes);
    QFETCH(int, inputs);
    const Dataset d = generated(name.toStdString(), 600, 1.0, 4); // the most noise
    QCOMPARE(d.source, name.toStdString());
    QCOMPARE(d.sampleCount(), 600);
    QCOMPARE(d.inputCount(), inputs);
    QCOMPARE(d.classes, classes);
    QCOMPARE(d.targets.rows(), Eigen::Index(1));
    QVERIFY(d.inputs.allFinite() && d.targets.allFinite());
    if (inputs == 2)
        QVERIFY(d.inputs.cwiseAbs().maxCoeff() <= 6.0);
    if (classes > 0) {
        QCOMPARE(d.labels.size(), std::size_t(600));
        std::vector<int> counts(static_cast<std::size_t>(classes), 0);
        for (int j = 0; j < 600; ++j) {
            QCOMPARE(d.targets(0, j), double(d.labels[static_cast<std::size_t>(j)]));
            ++counts[static_cast<std::size_t>(d.labels[static_cast<std::size_t>(j)])];
        }
        for (int c : counts)
            QVERIFY2(c > 600 / classes / 2,
                     qPrintable(QString::number(c))); // every class well present
    }
}

void TestTrainingDataSets::sameSeedSameData() {
    for (const std::string& name : generatorNames()) {
        const Dataset a = generated(name, 50, 0.3, 9), b = generated(name, 50, 0.3, 9),
                      c = generated(name, 50, 0.3, 10);
        QVERIFY(a.inputs == b.inputs && a.targets == b.targets);
        QVERIFY(a.inputs != c.inputs);
    }
    QCOMPARE(generatorNames().size(), std::size_t(6));
}

void TestTrainingDataSets::shapesWithoutNoise() {
    const Dataset circle = generated("circle", 400);
    for (int j = 0; j < 400; ++j) {
        const double r = circle.inputs.col(j).norm();
        if (circle.labels[static_cast<std::size_t>(j)] == 1)
            QVERIFY(r <= 2.5);
        else
            QVERIFY(r >= 3.5 && r <= 5.0 + 1e-12);
    }
    const Dataset xorSet = generated("xor", 400);
    for (int j = 0; j < 400; ++j) {
        const double x = xorSet.inputs(0, j), y = xorSet.inputs(1, j);
        QVERIFY(std::abs(x) >= 0.3 && std::abs(y) >= 0.3); // kept away from the axes
        QCOMPARE(xorSet.labels[static_cast<std::size_t>(j)], x * y > 0 ? 1 : 0);
    }
    const Dataset spiral = generated("spiral", 400);
    // The two arms are the same curve turned by π: point 2i of arm 1 mirrors point 2i+1 of arm 0.
    for (int i = 0; i + 1 < 400; i += 2) {
        QVERIFY((spiral.inputs.col(i) + spiral.inputs.col(i + 1)).norm() < 1e-12);
        QVERIFY(spiral.labels[static_cast<std::size_t>(i)] !=
                spiral.labels[static_cast<std::size_t>(i + 1)]);
    }
}

void TestTrainingDataSets::threeBlobsMeetAtTheOrigin() {
    const Dataset d = generated("three_blobs", 3000, 0.0);
    Eigen::Vector2d centre[3] = {Eigen::Vector2d::Zero(), Eigen::Vector2d::Zero(),
                                 Eigen::Vector2d::Zero()};
    for (int j = 0; j < 3000; ++j)
        centre[d.labels[static_cast<std::size_t>(j)]] += d.inputs.col(j) / 1000.0;
    // Centres 3 from the origin, 120° apart: their mean is the origin.
    for (const Eigen::Vector2d& c : centre)
        QVERIFY2(std::abs(c.norm() - 3) < 0.1, qPrintable(QString::number(c.norm())));
    QVERIFY((centre[0] + centre[1] + centre[2]).norm() < 0.15);
    QVERIFY(std::abs(centre[0].dot(centre[1]) / 9 - std::cos(2 * std::numbers::pi / 3)) < 0.05);
}

void TestTrainingDataSets::sineFollowsTheSine() {
    const Dataset clean = generated("sine", 200, 0.0);
    for (int j = 0; j < 200; ++j) {
        QVERIFY(std::abs(clean.inputs(0, j)) <= std::numbers::pi);
        QCOMPARE(clean.targets(0, j), std::sin(clean.inputs(0, j)));
    }
    QVERIFY(clean.labels.empty());
    // With noise 0.2 the residuals have a spread near 0.2.
    const Dataset noisy = generated("sine", 4000, 0.2);
    const Eigen::ArrayXd r = noisy.targets.row(0).array() - noisy.inputs.row(0).array().sin();
    const double sd = std::sqrt(r.square().mean());
    QVERIFY2(std::abs(sd - 0.2) < 0.02, qPrintable(QString::number(sd)));
}

void TestTrainingDataSets::generatorRejections_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("points");
    QTest::addColumn<double>("noise");
    QTest::addColumn<QString>("expected");
    QTest::newRow("digits") << "digits" << 100 << 0.1
                            << "digits: the digits are shipped data, not generated";
    QTest::newRow("unknown") << "moons" << 100 << 0.1
                             << "moons: unknown data set; expected one of circle, xor";
    QTest::newRow("1 point") << "xor" << 1 << 0.1 << "xor: the number of points must be from 2";
    QTest::newRow("noise 2") << "circle" << 100 << 2.0
                             << "circle: the noise level must be from 0 to 1, found 2";
    QTest::newRow("noise nan") << "circle" << 100 << std::nan("")
                               << "circle: the noise level must be from 0 to 1, found nan";
}

void TestTrainingDataSets::generatorRejections() {
    QFETCH(QString, name);
    QFETCH(int, points);
    QFETCH(double, noise);
    QFETCH(QString, expected);
    GeneratorOptions g;
    g.name = name.toStdString();
    g.points = points;
    g.noise = noise;
    const Result<Dataset> d = generateDataset(g);
    QVERIFY(!d.ok());
    const QString message = QString::fromStdString(d.error().message());
    QVERIFY2(message.startsWith(expected), qPrintable(message));
}

void TestTrainingDataSets::subsetTakesColumns() {
    const Dataset d = numbered(5, 3);
    const Dataset s = d.subset({4, 0, 4});
    QCOMPARE(firstInputs(s), std::vector<int>({4, 0, 4}));
    QCOMPARE(s.inputs(1, 0), -4.0);
    QCOMPARE(s.labels, std::vector<int>({1, 0, 1}));
    QCOMPARE(s.classes, 3);
    QCOMPARE(s.source, std::string("numbered"));
}

void TestTrainingDataSets::splitSizes_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("train");
    QTest::addColumn<int>("validation");
    QTest::addColumn<int>("trainRows");
    QTest::addColumn<int>("validationRows");
    QTest::addColumn<int>("testRows");
    QTest::newRow("500 at 60,20,20") << 500 << 60 << 20 << 300 << 100 << 100;
    // ⌊7·50/100⌋ = 3, ⌊7·25/100⌋ = 1, the rest 3.
    QTest::newRow("7 at 50,25,25") << 7 << 50 << 25 << 3 << 1 << 3;
    // ⌊1797·60/100⌋ = 1078, ⌊1797·20/100⌋ = 359, the rest 360.
    QTest::newRow("digits") << 1797 << 60 << 20 << 1078 << 359 << 360;
    QTest::newRow("all training") << 9 << 100 << 0 << 9 << 0 << 0;
    QTest::newRow("no validation") << 10 << 80 << 0 << 8 << 0 << 2;
}

void TestTrainingDataSets::splitSizes() {
    QFETCH(int, n);
    QFETCH(int, train);
    QFETCH(int, validation);
    QFETCH(int, trainRows);
    QFETCH(int, validationRows);
    QFETCH(int, testRows);
    SplitOptions o;
    o.trainPercent = train;
    o.validationPercent = validation;
    o.testPercent = 100 - train - validation;
    QVERIFY(splitProblem(o).empty());
    const DataSplit s = splitDataset(numbered(n), o);
    QCOMPARE(s.train.sampleCount(), trainRows);
    QCOMPARE(s.validation.sampleCount(), validationRows);
    QCOMPARE(s.test.sampleCount(), testRows);
    // Together a permutation of the rows.
    std::set<int> all;
    for (const Dataset* part : {&s.train, &s.validation, &s.test})
        for (int v : firstInputs(*part))
            all.insert(v);
    QCOMPARE(int(all.size()), n);
    // Same seed, same split.
    const DataSplit again = splitDataset(numbered(n), o);
    QCOMPARE(firstInputs(again.train), firstInputs(s.train));
    QCOMPARE(firstInputs(again.test), firstInputs(s.test));
}

void TestTrainingDataSets::splitOrderIsTheReferenceShuffle() {
    // tests/reference/split_mix64.py: SplitMix64(1) shuffles 0…9 to 4 2 8 1 9 3 0 6 7 5.
    const DataSplit s = splitDataset(numbered(10), SplitOptions{});
    QCOMPARE(firstInputs(s.train), std::vector<int>({4, 2, 8, 1, 9, 3}));
    QCOMPARE(firstInputs(s.validation), std::vector<int>({0, 6}));
    QCOMPARE(firstInputs(s.test), std::vector<int>({7, 5}));
    // SplitMix64(5) shuffles 0…6 to 2 0 5 1 6 4 3.
    SplitOptions o;
    o.seed = 5;
    o.trainPercent = 50;
    o.validationPercent = 25;
    o.testPercent = 25;
    const DataSplit t = splitDataset(numbered(7), o);
    QCOMPARE(firstInputs(t.train), std::vector<int>({2, 0, 5}));
    QCOMPARE(firstInputs(t.validation), std::vector<int>({1}));
    QCOMPARE(firstInputs(t.test), std::vector<int>({6, 4, 3}));
    QCOMPARE(t.train.labels, std::vector<int>({0, 0, 1}));
}

void TestTrainingDataSets::splitWithoutShuffleKeepsFileOrder() {
    SplitOptions o;
    o.shuffle = false;
    const DataSplit s = splitDataset(numbered(10), o);
    QCOMPARE(firstInputs(s.train), std::vector<int>({0, 1, 2, 3, 4, 5}));
    QCOMPARE(firstInputs(s.validation), std::vector<int>({6, 7}));
    QCOMPARE(firstInputs(s.test), std::vector<int>({8, 9}));
}

void TestTrainingDataSets::splitProblems_data() {
    QTest::addColumn<int>("train");
    QTest::addColumn<int>("validation");
    QTest::addColumn<int>("test");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << 60 << 20 << 20 << "";
    QTest::newRow("sum 110") << 60 << 30 << 20
                             << "the split's parts must add up to 100 percent, found 60,30,20";
    QTest::newRow("negative") << 120 << -10 << -10
                              << "each part of the split must be from 0 to 100 percent";
    QTest::newRow("no training") << 0 << 50 << 50
                                 << "the training part of the split must be more than 0 percent";
}

void TestTrainingDataSets::splitProblems() {
    QFETCH(int, train);
    QFETCH(int, validation);
    QFETCH(int, test);
    QFETCH(QString, expected);
    SplitOptions o;
    o.trainPercent = train;
    o.validationPercent = validation;
    o.testPercent = test;
    const QString problem = QString::fromStdString(splitProblem(o));
    if (expected.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.startsWith(expected), qPrintable(problem));
}

void TestTrainingDataSets::fitsTargetsToTheNetwork() {
    const Dataset blobs = numbered(6, 3);
    // A 3-unit softmax: one-hot columns.
    const Network softmax =
        test::layeredNetwork({2, 4, 3}, Activation::Tanh, Activation::Softmax, Loss::CrossEntropy);
    const Result<Dataset> oneHot = fitDatasetToNetwork(blobs, softmax);
    QVERIFY(oneHot.ok());
    Eigen::MatrixXd expected(3, 6);
    expected << 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1;
    QCOMPARE(oneHot.value().targets, expected);
    QCOMPARE(oneHot.value().labels, blobs.labels);
    // One sigmoid unit: the label itself.
    const Dataset two = numbered(4, 2);
    const Network sigmoid = test::layeredNetwork({2, 3, 1}, Activation::Tanh, Activation::Sigmoid,
                                                 Loss::BinaryCrossEntropy);
    const Result<Dataset> labels = fitDatasetToNetwork(two, sigmoid);
    QVERIFY(labels.ok());
    QCOMPARE(labels.value().targets, Eigen::MatrixXd(Eigen::RowVector4d(0, 1, 0, 1)));
    // Regression: the values.
    const Dataset sine = generated("sine", 20);
    const Network regression = test::layeredNetwork({1, 5, 1}, Activation::Tanh,
                                                    Activation::Identity, Loss::HalfSquaredError);
    const Result<Dataset> values = fitDatasetToNetwork(sine, regression);
    QVERIFY(values.ok());
    QCOMPARE(values.value().targets, sine.targets);
}

void TestTrainingDataSets::fitRejections_data() {
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("expected");
    QTest::newRow("input count")
        << "sine"
        << "2-3-1 sigmoid bce"
        << "sine: the data has 1 inputs per sample but the network's input layer has 2 neurons";
    QTest::newRow("3 classes, 1 output")
        << "three_blobs"
        << "2-3-1 sigmoid bce"
        << "three_blobs: the data has 3 classes but the network has 1 output unit";
    QTest::newRow("3 classes, 2 outputs")
        << "three_blobs"
        << "2-3-2 softmax ce"
        << "three_blobs: the data has 3 classes but the network has 2 output units";
    QTest::newRow("regression with cross-entropy")
        << "sine-2"
        << "1-3-1 sigmoid bce"
        << "sine: the data has real-valued targets (regression) but the network's loss is "
           "binary_cross_entropy";
    QTest::newRow("2 classes, cross_entropy on 1 unit")
        << "xor"
        << "2-3-1 sigmoid ce"
        << "xor: one output unit with 2 classes needs the binary_cross_entropy loss";
}

void TestTrainingDataSets::fitRejections() {
    QFETCH(QString, data);
    QFETCH(QString, network);
    QFETCH(QString, expected);
    Dataset d = generated(data.section('-', 0, 0).toStdString(), 30);
    if (data.endsWith("-2"))
        d.targets *= 2; // values outside [0, 1]
    const int inputs = network.section('-', 0, 0).toInt();
    const int outputs = network.section(' ', 0, 0).section('-', 2, 2).toInt();
    const bool softmax = network.contains("softmax");
    const Loss loss = network.endsWith("bce") ? Loss::BinaryCrossEntropy : Loss::CrossEntropy;
    const Network net =
        test::layeredNetwork({inputs, 3, outputs}, Activation::Tanh,
                             softmax ? Activation::Softmax : Activation::Sigmoid, loss);
    const Result<Dataset> fitted = fitDatasetToNetwork(d, net);
    QVERIFY(!fitted.ok());
    const QString message = QString::fromStdString(fitted.error().message());
    QVERIFY2(message.startsWith(expected), qPrintable(message));
}

QTEST_APPLESS_MAIN(TestTrainingDataSets)
#include "tst_training_data_sets.moc"
