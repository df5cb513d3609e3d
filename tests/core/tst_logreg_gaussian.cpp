// The seeded random numbers and the two-Gaussian data sets of the
// logistic-regression lab: same seed, same data; the classes have the asked
// counts, means and spreads (within sampling error); shuffles are permutations;
// the shipped 200-point sample is what the generator makes with its defaults
// (the file itself is written by tests/reference/split_mix64.py --sample, an
// independent Python implementation).
#include "core/logreg_gaussian.h"
#include "core/common/split_mix64.h"

#include <QFile>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace bpl;

class TestLogRegGaussian : public QObject {
    Q_OBJECT
  private slots:
    void uniformAndBelowStayInRange();
    void normalHasMeanZeroAndVarianceOne();
    void shuffleIsAPermutation();
    void sameSeedSameData();
    void classesHaveTheirCountsMeansAndSpreads_data();
    void classesHaveTheirCountsMeansAndSpreads();
    void classesAreInterleaved();
    void problems_data();
    void problems();
    void shippedSampleIsTheDefaultGeneration();
};

void TestLogRegGaussian::uniformAndBelowStayInRange() {
    SplitMix64 random(42);
    std::vector<int> counts(7, 0);
    for (int n = 0; n < 70000; ++n) {
        const double u = random.uniform();
        QVERIFY(u >= 0.0 && u < 1.0);
        const auto k = random.below(7);
        QVERIFY(k < 7);
        ++counts[k];
    }
    // Each residue about 10,000 times (5 standard deviations ≈ 475).
    for (int c : counts)
        QVERIFY2(std::abs(c - 10000) < 475, qPrintable(QString::number(c)));
}

void TestLogRegGaussian::normalHasMeanZeroAndVarianceOne() {
    SplitMix64 random(3);
    constexpr int n = 200000;
    double sum = 0, sumSquares = 0;
    for (int k = 0; k < n; ++k) {
        const double x = random.normal();
        sum += x;
        sumSquares += x * x;
    }
    const double mean = sum / n, variance = sumSquares / n - mean * mean;
    QVERIFY2(std::abs(mean) < 5 / std::sqrt(double(n)), qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(variance - 1) < 5 * std::sqrt(2.0 / n),
             qPrintable(QString::number(variance)));
}

void TestLogRegGaussian::shuffleIsAPermutation() {
    SplitMix64 random(9);
    std::vector<int> order(1000);
    std::iota(order.begin(), order.end(), 0);
    random.shuffle(order);
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    for (int k = 0; k < 1000; ++k)
        QCOMPARE(sorted[k], k);
    int fixed = 0;
    for (int k = 0; k < 1000; ++k)
        fixed += order[k] == k;
    QVERIFY(fixed < 10); // a shuffled order moves almost every element
}

void TestLogRegGaussian::sameSeedSameData() {
    TwoGaussians spec;
    const LogRegData a = generateTwoGaussians(spec);
    const LogRegData b = generateTwoGaussians(spec);
    QVERIFY((a.x1 == b.x1).all() && (a.x2 == b.x2).all() && (a.t == b.t).all());
    spec.seed = 3;
    const LogRegData c = generateTwoGaussians(spec);
    QVERIFY(!(a.x1 == c.x1).all());
}

void TestLogRegGaussian::classesHaveTheirCountsMeansAndSpreads_data() {
    QTest::addColumn<double>("mean0x1");
    QTest::addColumn<double>("mean0x2");
    QTest::addColumn<double>("spread0");
    QTest::addColumn<int>("count0");
    QTest::addColumn<double>("mean1x1");
    QTest::addColumn<double>("mean1x2");
    QTest::addColumn<double>("spread1");
    QTest::addColumn<int>("count1");
    QTest::newRow("defaults' shape") << 2.0 << -7.0 << 1.3 << 20000 << 0.0 << -3.0 << 1.3 << 20000;
    QTest::newRow("unequal classes") << -1.0 << 4.0 << 0.5 << 5000 << 3.0 << 3.0 << 2.5 << 30000;
}

void TestLogRegGaussian::classesHaveTheirCountsMeansAndSpreads() {
    QFETCH(double, mean0x1);
    QFETCH(double, mean0x2);
    QFETCH(double, spread0);
    QFETCH(int, count0);
    QFETCH(double, mean1x1);
    QFETCH(double, mean1x2);
    QFETCH(double, spread1);
    QFETCH(int, count1);
    TwoGaussians spec{{mean0x1, mean0x2, spread0, count0}, {mean1x1, mean1x2, spread1, count1}, 11};
    const LogRegData d = generateTwoGaussians(spec);
    QCOMPARE(d.size(), Eigen::Index(count0 + count1));
    QCOMPARE(d.countOf(0), Eigen::Index(count0));
    QCOMPARE(d.countOf(1), Eigen::Index(count1));
    for (int label = 0; label < 2; ++label) {
        const auto in = d.t == double(label);
        const double n = double(in.count());
        const double m1 = in.select(d.x1, 0.0).sum() / n, m2 = in.select(d.x2, 0.0).sum() / n;
        const double v1 = in.select((d.x1 - m1).square(), 0.0).sum() / n;
        const double spread = label ? spread1 : spread0;
        const double tolerance = 5 * spread / std::sqrt(n);
        QVERIFY(std::abs(m1 - (label ? mean1x1 : mean0x1)) < tolerance);
        QVERIFY(std::abs(m2 - (label ? mean1x2 : mean0x2)) < tolerance);
        QVERIFY2(std::abs(std::sqrt(v1) - spread) < tolerance,
                 qPrintable(QString::number(std::sqrt(v1))));
    }
}

void TestLogRegGaussian::classesAreInterleaved() {
    const LogRegData d = generateTwoGaussians(TwoGaussians{});
    // In the first 50 rows both classes appear (not 100 zeros then 100 ones).
    const double ones = d.t.head(50).sum();
    QVERIFY(ones > 10 && ones < 40);
}

void TestLogRegGaussian::problems_data() {
    QTest::addColumn<double>("spread");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fine") << 1.0 << 10 << 0.0 << "";
    QTest::newRow("negative spread") << -1.0 << 10 << 0.0 << "class 1: the spread";
    QTest::newRow("negative count") << 1.0 << -5 << 0.0 << "class 1: the number of points";
    QTest::newRow("infinite mean") << 1.0 << 10 << HUGE_VAL << "class 1: the mean";
}

void TestLogRegGaussian::problems() {
    QFETCH(double, spread);
    QFETCH(int, count);
    QFETCH(double, mean);
    QFETCH(QString, expected);
    TwoGaussians spec;
    spec.class1 = {mean, 0.0, spread, count};
    const QString problem = QString::fromStdString(twoGaussiansProblem(spec));
    QVERIFY2(expected.isEmpty() ? problem.isEmpty() : problem.startsWith(expected),
             qPrintable(problem));
    TwoGaussians empty;
    empty.class0.count = 0;
    empty.class1.count = 0;
    QVERIFY(!twoGaussiansProblem(empty).empty());
}

void TestLogRegGaussian::shippedSampleIsTheDefaultGeneration() {
    QFile f(QString(BPL_SOURCE_DIR) + "/resources/data/two_gaussians_200.txt");
    QVERIFY(f.open(QIODevice::ReadOnly));
    const LogRegData d = generateTwoGaussians(TwoGaussians{});
    Eigen::Index row = 0;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.startsWith('#') || line.startsWith('x') || line.isEmpty())
            continue;
        const QStringList v = line.split(' ');
        QCOMPARE(v.size(), 3);
        QVERIFY(row < d.size());
        QVERIFY(std::abs(v[0].toDouble() - d.x1(row)) < 1e-12);
        QVERIFY(std::abs(v[1].toDouble() - d.x2(row)) < 1e-12);
        QCOMPARE(v[2].toDouble(), d.t(row));
        ++row;
    }
    QCOMPARE(row, Eigen::Index(200));
}

QTEST_APPLESS_MAIN(TestLogRegGaussian)
#include "tst_logreg_gaussian.moc"
