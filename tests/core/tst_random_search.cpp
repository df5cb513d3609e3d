// Random search, coarse to fine (core/training/random_search.cpp): the ranges
// a user types and their refusals, the samples drawn (checked against
// SplitMix64 and the log-uniform rule worked out separately in Python), and the
// finer ranges around the best run.
#include "core/training/random_search.h"

#include <QtTest>

using namespace bpl;

class TestRandomSearch : public QObject {
    Q_OBJECT
  private slots:
    void parsesRanges();
    void refusals_data();
    void refusals();
    void samplesAreSeededAndLogUniform();
    void batchSizesAreWhole();
    void finerAroundTheBest();
};

void TestRandomSearch::parsesRanges() {
    const auto r = parseSearchRanges("learning_rate=1e-4:1, l2=1e-5:0.1");
    QVERIFY(r);
    QCOMPARE(r.value().size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(r.value()[0].setting), QString("learning_rate"));
    QCOMPARE(r.value()[0].low, 1e-4);
    QCOMPARE(r.value()[1].high, 0.1);
    QCOMPARE(QString::fromStdString(searchRangesText(r.value())),
             QString("learning_rate=0.0001:1, l2=1e-05:0.1"));
    // Written back, read again: the same ranges.
    const auto again = parseSearchRanges(searchRangesText(r.value()));
    QVERIFY(again);
    QCOMPARE(again.value()[1].low, 1e-5);
}

void TestRandomSearch::refusals_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no range") << "learning_rate"
                              << "expected setting=low:high (as in learning_rate=1e-4:1), found 'learning_rate'";
    QTest::newRow("not a number") << "l2=a:1" << "expected two numbers low:high after 'l2=', found 'a:1'";
    QTest::newRow("unknown") << "momentum=0:1"
                             << "unknown setting 'momentum' to search; expected learning_rate, l2 or batch_size";
    QTest::newRow("reversed") << "learning_rate=1:0.1" << "learning_rate from 1 to 0.1: the low end is above the high end";
    QTest::newRow("log from 0") << "l2=0:0.1" << "l2 from 0 to 0.1: drawn log-uniformly, so the range must start above 0";
    QTest::newRow("half a batch") << "batch_size=1.5:8" << "batch_size from 1.5 to 8: expected whole numbers ≥ 1";
    QTest::newRow("twice") << "l2=1e-4:1,l2=1e-3:1" << "l2 has two ranges";
    QTest::newRow("three") << "l2=1e-4:1,learning_rate=1e-3:1,batch_size=1:9"
                           << "at most two settings at once, found 3";
}

void TestRandomSearch::refusals() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const auto r = parseSearchRanges(text.toStdString());
    QVERIFY(!r);
    QCOMPARE(QString::fromStdString(r.error().reason), reason);
    QCOMPARE(QString::fromStdString(r.error().place), QString("search"));
}

void TestRandomSearch::samplesAreSeededAndLogUniform() {
    // SplitMix64(7)'s first uniforms are 0.38983, 0.01679, 0.90076, 0.58293, 0.45244,
    // 0.24943; η = exp(ln 1e-4 + u·ln 1e4), λ = exp(ln 1e-5 + u·ln 1e4), to 3 figures
    // (worked in Python): (0.00363, 1.17e-5), (0.401, 0.00215), (0.00645, 9.95e-5).
    TrainingOptions base;
    base.optimizer.kind = OptimizerKind::Adam;
    RandomSearch search;
    search.ranges = parseSearchRanges("learning_rate=1e-4:1,l2=1e-5:0.1").value();
    search.samples = 3;
    search.seed = 7;
    const auto runs = randomSearchRuns(base, search);
    QVERIFY(runs);
    QCOMPARE(runs.value().size(), std::size_t(3));
    const double eta[] = {0.00363, 0.401, 0.00645}, lambda[] = {1.17e-5, 0.00215, 9.95e-5};
    for (int k = 0; k < 3; ++k) {
        QCOMPARE(runs.value()[k].optimizer.learningRate, eta[k]);
        QCOMPARE(runs.value()[k].l2, lambda[k]);
    }
    QCOMPARE(QString::fromStdString(runs.value()[1].label), QString("adam, η = 0.401, λ = 0.00215"));
    // The same seed, the same runs; another seed, others.
    QCOMPARE(randomSearchRuns(base, search).value()[2].l2, 9.95e-5);
    search.seed = 8;
    QVERIFY(randomSearchRuns(base, search).value()[0].optimizer.learningRate != 0.00363);
    search.samples = 0;
    QCOMPARE(QString::fromStdString(randomSearchRuns(base, search).error().reason),
             QString("expected 1 to 1000 samples, found 0"));
}

void TestRandomSearch::batchSizesAreWhole() {
    // ⌊1 + u·64⌋ for SplitMix64(3)'s first uniforms: 8, 45, 40, 5 (Python).
    RandomSearch search;
    search.ranges = parseSearchRanges("batch_size=1:64").value();
    search.samples = 4;
    search.seed = 3;
    const auto runs = randomSearchRuns(TrainingOptions{}, search);
    QVERIFY(runs);
    const int expected[] = {8, 45, 40, 5};
    for (int k = 0; k < 4; ++k)
        QCOMPARE(runs.value()[k].batchSize, expected[k]);
    QCOMPARE(QString::fromStdString(runs.value()[0].label), QString("sgd, B = 8"));
}

void TestRandomSearch::finerAroundTheBest() {
    RandomSearch coarse;
    coarse.ranges = parseSearchRanges("learning_rate=1e-4:1,batch_size=1:64").value();
    coarse.seed = 5;
    TrainingOptions best;
    best.optimizer.learningRate = 0.01;
    best.batchSize = 20;
    const RandomSearch fine = finerSearch(coarse, best);
    QCOMPARE(fine.seed, std::uint64_t(6));
    // ln(1e4)/8 either side of ln 0.01: 0.01 · 10^(±0.5) = 0.00316 and 0.0316.
    QCOMPARE(fine.ranges[0].low, 0.00316);
    QCOMPARE(fine.ranges[0].high, 0.0316);
    // ⌊63/8⌋ = 7 either side of 20.
    QCOMPARE(fine.ranges[1].low, 13.0);
    QCOMPARE(fine.ranges[1].high, 27.0);
    // A best run at the edge: the finer range stays inside the coarse one.
    best.optimizer.learningRate = 0.9;
    const RandomSearch edge = finerSearch(coarse, best);
    QCOMPARE(edge.ranges[0].high, 1.0);
    QCOMPARE(edge.ranges[0].low, 0.1);
}

QTEST_MAIN(TestRandomSearch)
#include "tst_random_search.moc"
