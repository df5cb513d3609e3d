// Logistic regression (shared/spec/logreg.md) on a 4-point data set worked by
// hand: GD iterations, SGD and mini-batch epochs from w = (0.1, 0, 0) with
// η = 0.5; the NLL against its definition and the gradient against central
// differences; stopping rules (tolerance, max_iter, divergence, cancel); the
// separator in slope–intercept space (null where w₂ = 0, breaks where w₂
// changes sign) and its segment inside a box.
//
// The 4 points (x₁, x₂, t): (1, 2, 1), (2, −1, 0), (−1, 1, 1), (0, −2, 0).
// At w = (0.1, 0, 0): z = 0.1 x₁ = (0.1, 0.2, −0.1, 0),
// y = σ(z) = (0.524979, 0.549834, 0.475021, 0.5),
// y − t = (−0.475021, 0.549834, −0.524979, 0.5),
// ∇NLL = ¼ Σ (y − t)(x₁, x₂, 1) = (0.287407, −0.756214, 0.0124585),
// NLL = −¼ [ln 0.524979 + ln 0.450166 + ln 0.475021 + ln 0.5] = 0.720020,
// so w₁ = w₀ − 0.5 ∇NLL = (−0.0437033, 0.378107, −0.00622925).
// Later values were carried on with the same formulas in plain double
// arithmetic (a separate script, not this code).
#include "core/logreg.h"
#include "core/logreg_trainer.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace bpl;

Q_DECLARE_METATYPE(Eigen::Vector3d)

namespace {

LogRegData fourPoints() {
    LogRegData d;
    d.x1.resize(4);
    d.x2.resize(4);
    d.t.resize(4);
    d.x1 << 1, 2, -1, 0;
    d.x2 << 2, -1, 1, -2;
    d.t << 1, 0, 1, 0;
    return d;
}

// Two overlapping clouds, built without the generator: points on a regular
// spiral around two centres, so that the test does not depend on random numbers.
LogRegData twoClouds(int perClass, double spread) {
    LogRegData d;
    d.x1.resize(2 * perClass);
    d.x2.resize(2 * perClass);
    d.t.resize(2 * perClass);
    for (int n = 0; n < 2 * perClass; ++n) {
        const int label = n % 2;
        const double angle = 2.39996 * n, radius = spread * std::sqrt((n / 2 + 0.5) / perClass) * 2;
        d.x1(n) = (label ? 0.0 : 2.0) + radius * std::cos(angle);
        d.x2(n) = (label ? -3.0 : -7.0) + radius * std::sin(angle);
        d.t(n) = label;
    }
    return d;
}

LogRegOptions options(LogRegMethod method, double eta, int maxIter) {
    LogRegOptions o;
    o.method = method;
    o.learningRate = eta;
    o.maxIter = maxIter;
    o.tolerance = 0.0;
    return o;
}

// NLL by its definition, term by term: −[t ln y + (1 − t) ln(1 − y)], with
// ln σ(z) = −ln(1 + e^(−z)) written out for either sign of z.
double definitionNll(const LogRegData& d, const Eigen::Vector3d& w) {
    double sum = 0;
    for (Eigen::Index n = 0; n < d.size(); ++n) {
        const double z = w(0) * d.x1(n) + w(1) * d.x2(n) + w(2);
        const double lnY = z >= 0 ? -std::log1p(std::exp(-z)) : z - std::log1p(std::exp(z));
        const double lnOneMinusY =
            z >= 0 ? -z - std::log1p(std::exp(-z)) : -std::log1p(std::exp(z));
        sum -= d.t(n) * lnY + (1 - d.t(n)) * lnOneMinusY;
    }
    return sum / static_cast<double>(d.size());
}

void compareWeights(const Eigen::Vector3d& actual, double w1, double w2, double w0,
                    double tolerance = 1e-12) {
    QVERIFY2(std::abs(actual(0) - w1) < tolerance,
             qPrintable(QString("w1 %1 vs %2").arg(actual(0)).arg(w1)));
    QVERIFY2(std::abs(actual(1) - w2) < tolerance,
             qPrintable(QString("w2 %1 vs %2").arg(actual(1)).arg(w2)));
    QVERIFY2(std::abs(actual(2) - w0) < tolerance,
             qPrintable(QString("w0 %1 vs %2").arg(actual(2)).arg(w0)));
}

} // namespace

class TestLogReg : public QObject {
    Q_OBJECT
  private slots:
    void gradientDescentSteps_data();
    void gradientDescentSteps();
    void stochasticEpochs_data();
    void stochasticEpochs();
    void miniBatchEpochs();
    void miniBatchExtremesAreGdAndSgd();
    void nllMatchesDefinition_data();
    void nllMatchesDefinition();
    void gradientMatchesFiniteDifferences();
    void nllFallsMonotonicallyForSmallEta_data();
    void nllFallsMonotonicallyForSmallEta();
    void hugeEtaDiverges_data();
    void hugeEtaDiverges();
    void toleranceStops();
    void maxIterCountsRecordedValues();
    void shuffleIsSeeded();
    void stopCheckCancels();
    void slopeInterceptNullWhereW2IsZero();
    void slopeIntercept_data();
    void slopeIntercept();
    void pathBreaks_data();
    void pathBreaks();
    void separatorSegment_data();
    void separatorSegment();
    void optionsProblems_data();
    void optionsProblems();
};

void TestLogReg::gradientDescentSteps_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("nll");
    QTest::addColumn<double>("w1");
    QTest::addColumn<double>("w2");
    QTest::addColumn<double>("w0");
    QTest::newRow("start") << 0 << 0.7200198425221698 << 0.1 << 0.0 << 0.0;
    QTest::newRow("iteration 1") << 1 << 0.4439082554245829 << -0.043703296197854485
                                 << 0.37810685122919224 << -0.006229249664059744;
    QTest::newRow("iteration 2") << 2 << 0.3084143267419033 << -0.14814845930124554
                                 << 0.6379634683015534 << -0.0030197735645315776;
    QTest::newRow("iteration 3") << 3 << 0.23316866546859652 << -0.22707649784961925
                                 << 0.828066263837006 << 0.004430709464899801;
}

void TestLogReg::gradientDescentSteps() {
    QFETCH(int, k);
    QFETCH(double, nll);
    QFETCH(double, w1);
    QFETCH(double, w2);
    QFETCH(double, w0);
    const LogRegRun run = runLogReg(fourPoints(), options(LogRegMethod::GradientDescent, 0.5, 4));
    QCOMPARE(run.recorded(), 4);
    QCOMPARE(run.stopped, LogRegStop::MaxIter);
    QCOMPARE(run.batchSize, 4);
    QVERIFY(std::abs(run.nll[k] - nll) < 1e-12);
    compareWeights(run.weights[k], w1, w2, w0);
}

void TestLogReg::stochasticEpochs_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("nll");
    QTest::addColumn<double>("w1");
    QTest::addColumn<double>("w2");
    QTest::addColumn<double>("w0");
    // Epoch 1 point by point: (0.337510, 0.475021, 0.237510) after (1, 2, 1),
    // (−0.270155, 0.778854, −0.066322) after (2, −1, 0),
    // (−0.406335, 0.915033, 0.069857) after (−1, 1, 1), then the last point.
    QTest::newRow("start") << 0 << 0.7200198425221698 << 0.1 << 0.0 << 0.0;
    QTest::newRow("epoch 1") << 1 << 0.15712870793409137 << -0.4063347724958231
                             << 1.0617973039356177 << -0.0035249601641850065;
    QTest::newRow("epoch 2") << 2 << 0.08906130900928379 << -0.5451066742287125 << 1.425243084338584
                             << 0.042212165695010746;
}

void TestLogReg::stochasticEpochs() {
    QFETCH(int, k);
    QFETCH(double, nll);
    QFETCH(double, w1);
    QFETCH(double, w2);
    QFETCH(double, w0);
    const LogRegRun run = runLogReg(fourPoints(), options(LogRegMethod::Stochastic, 0.5, 3));
    QCOMPARE(run.recorded(), 3);
    QCOMPARE(run.batchSize, 1);
    QVERIFY(std::abs(run.nll[k] - nll) < 1e-12);
    compareWeights(run.weights[k], w1, w2, w0);
}

void TestLogReg::miniBatchEpochs() {
    // B = 2: batches {(1,2,1), (2,−1,0)} then {(−1,1,1), (0,−2,0)}, gradient
    // averaged over each batch.
    LogRegOptions o = options(LogRegMethod::MiniBatch, 0.5, 3);
    o.batchSize = 2;
    const LogRegRun run = runLogReg(fourPoints(), o);
    QCOMPARE(run.recorded(), 3);
    QCOMPARE(run.batchSize, 2);
    QVERIFY(std::abs(run.nll[1] - 0.3090665573418816) < 1e-12);
    compareWeights(run.weights[1], -0.15574435004164897, 0.6329380277585087, 0.0016859744907283813);
    QVERIFY(std::abs(run.nll[2] - 0.1864953362144144) < 1e-12);
    compareWeights(run.weights[2], -0.2986345127656266, 0.971264875873435, 0.018144771351244177);
}

void TestLogReg::miniBatchExtremesAreGdAndSgd() {
    const LogRegData data = twoClouds(50, 1.3);
    LogRegOptions whole = options(LogRegMethod::MiniBatch, 0.1, 20);
    whole.batchSize = static_cast<int>(data.size());
    const LogRegRun gd = runLogReg(data, options(LogRegMethod::GradientDescent, 0.1, 20));
    const LogRegRun batchN = runLogReg(data, whole);
    // A batch larger than the data set runs as B = N.
    LogRegOptions larger = whole;
    larger.batchSize = 10 * static_cast<int>(data.size());
    QVERIFY(optionsProblem(larger, data.size()).empty());
    const LogRegRun batchMore = runLogReg(data, larger);
    QCOMPARE(batchMore.batchSize, static_cast<int>(data.size()));
    LogRegOptions single = options(LogRegMethod::MiniBatch, 0.1, 20);
    single.batchSize = 1;
    const LogRegRun sgd = runLogReg(data, options(LogRegMethod::Stochastic, 0.1, 20));
    const LogRegRun batch1 = runLogReg(data, single);
    for (int k = 0; k < 20; ++k) {
        QVERIFY((gd.weights[k] - batchN.weights[k]).norm() < 1e-12);
        QVERIFY(std::abs(gd.nll[k] - batchN.nll[k]) < 1e-12);
        QCOMPARE(batchMore.weights[k], batchN.weights[k]);
        QVERIFY((sgd.weights[k] - batch1.weights[k]).norm() < 1e-10);
    }
    // …and the methods really differ from each other.
    QVERIFY((gd.weights[5] - sgd.weights[5]).norm() > 1e-3);
}

void TestLogReg::nllMatchesDefinition_data() {
    QTest::addColumn<double>("w1");
    QTest::addColumn<double>("w2");
    QTest::addColumn<double>("w0");
    QTest::newRow("start") << 0.1 << 0.0 << 0.0;
    QTest::newRow("moderate") << -0.7 << 1.3 << 0.4;
    QTest::newRow("saturated") << 40.0 << -25.0 << 3.0;
    QTest::newRow("very large") << 1e5 << 3e4 << -2e4;
}

void TestLogReg::nllMatchesDefinition() {
    QFETCH(double, w1);
    QFETCH(double, w2);
    QFETCH(double, w0);
    // 1,100 points: more than one 512-point chunk of the fused pass, and a tail.
    const LogRegData data = twoClouds(550, 1.5);
    const Eigen::Vector3d w(w1, w2, w0);
    const double expected = definitionNll(data, w);
    const double actual = logRegNll(data, w);
    QVERIFY(std::isfinite(actual));
    QVERIFY2(std::abs(actual - expected) <= 1e-12 * std::max(1.0, expected),
             qPrintable(QString("%1 vs %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestLogReg::gradientMatchesFiniteDifferences() {
    const LogRegData data = twoClouds(550, 1.5);
    const Eigen::Vector3d w(-0.3, 0.8, 0.2);
    const Eigen::Vector3d gradient = logRegGradient(data, w);
    constexpr double h = 1e-6;
    for (int i = 0; i < 3; ++i) {
        Eigen::Vector3d plus = w, minus = w;
        plus(i) += h;
        minus(i) -= h;
        const double numeric = (definitionNll(data, plus) - definitionNll(data, minus)) / (2 * h);
        QVERIFY2(
            std::abs(gradient(i) - numeric) < 1e-7,
            qPrintable(QString("component %1: %2 vs %3").arg(i).arg(gradient(i)).arg(numeric)));
    }
}

void TestLogReg::nllFallsMonotonicallyForSmallEta_data() {
    QTest::addColumn<double>("eta");
    QTest::newRow("0.05") << 0.05;
    QTest::newRow("0.01") << 0.01;
}

void TestLogReg::nllFallsMonotonicallyForSmallEta() {
    QFETCH(double, eta);
    const LogRegRun run =
        runLogReg(twoClouds(100, 1.3), options(LogRegMethod::GradientDescent, eta, 500));
    QCOMPARE(run.recorded(), 500);
    for (int k = 1; k < run.recorded(); ++k) {
        QVERIFY2(run.nll[k] <= run.nll[k - 1],
                 qPrintable(QString("NLL rose at iteration %1").arg(k)));
    }
    QVERIFY2(run.nll.back() < 0.8 * run.nll.front(),
             qPrintable(QString("%1 → %2").arg(run.nll.front()).arg(run.nll.back())));
}

void TestLogReg::hugeEtaDiverges_data() {
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("eta");
    QTest::newRow("gd, η = 1000") << int(LogRegMethod::GradientDescent) << 1000.0;
    QTest::newRow("sgd, η = 1000") << int(LogRegMethod::Stochastic) << 1000.0;
    QTest::newRow("minibatch, η = 1000") << int(LogRegMethod::MiniBatch) << 1000.0;
    QTest::newRow("gd, η = 1e308 (weights overflow)")
        << int(LogRegMethod::GradientDescent) << 1e308;
}

void TestLogReg::hugeEtaDiverges() {
    QFETCH(int, method);
    QFETCH(double, eta);
    // Coordinates in the hundreds and a contradiction (the same point with
    // both labels), so that no weights fit and large weights cost a lot.
    LogRegData d;
    d.x1.resize(5);
    d.x2.resize(5);
    d.t.resize(5);
    d.x1 << 150, 150, -160, 170, 90;
    d.x2 << 280, 280, 130, -190, -40;
    d.t << 1, 0, 1, 0, 0;
    LogRegOptions o = options(static_cast<LogRegMethod>(method), eta, 1000);
    o.batchSize = 2;
    const LogRegRun run = runLogReg(d, o);
    QCOMPARE(run.stopped, LogRegStop::Diverged);
    QVERIFY(run.recorded() >= 1);
    QVERIFY(run.recorded() < 1000);
    for (int k = 0; k < run.recorded(); ++k) {
        QVERIFY(std::isfinite(run.nll[k]));
        QVERIFY(run.nll[k] <= kDivergedNll);
        QVERIFY(run.weights[k].allFinite());
    }
}

void TestLogReg::toleranceStops() {
    LogRegOptions o = options(LogRegMethod::GradientDescent, 0.1, 100000);
    o.tolerance = 1e-4;
    const LogRegRun run = runLogReg(twoClouds(100, 1.3), o);
    QCOMPARE(run.stopped, LogRegStop::Tolerance);
    const int k = run.recorded() - 1;
    QVERIFY(k >= 2);
    QVERIFY(std::abs(run.nll[k] - run.nll[k - 1]) < 1e-4);
    QVERIFY(std::abs(run.nll[k - 1] - run.nll[k - 2]) >= 1e-4);
}

void TestLogReg::maxIterCountsRecordedValues() {
    const LogRegRun one = runLogReg(fourPoints(), options(LogRegMethod::GradientDescent, 0.5, 1));
    QCOMPARE(one.recorded(), 1);
    QCOMPARE(one.stopped, LogRegStop::MaxIter);
    QCOMPARE(one.weights.size(), std::size_t(1));
    const LogRegRun seven = runLogReg(fourPoints(), options(LogRegMethod::Stochastic, 0.5, 7));
    QCOMPARE(seven.recorded(), 7);
    QCOMPARE(int(seven.weights.size()), 7);
}

void TestLogReg::shuffleIsSeeded() {
    const LogRegData data = twoClouds(50, 1.3);
    LogRegOptions o = options(LogRegMethod::Stochastic, 0.3, 5);
    const LogRegRun fileOrder = runLogReg(data, o);
    o.shuffle = true;
    o.seed = 7;
    const LogRegRun a = runLogReg(data, o);
    const LogRegRun b = runLogReg(data, o);
    o.seed = 8;
    const LogRegRun c = runLogReg(data, o);
    for (int k = 0; k < 5; ++k)
        QVERIFY(a.weights[k] == b.weights[k]);
    QVERIFY((a.weights[4] - c.weights[4]).norm() > 1e-9);
    QVERIFY((a.weights[4] - fileOrder.weights[4]).norm() > 1e-9);
    // Same for mini-batches, which gather the shuffled points.
    o.method = LogRegMethod::MiniBatch;
    o.batchSize = 7;
    const LogRegRun m1 = runLogReg(data, o), m2 = runLogReg(data, o);
    QVERIFY(m1.weights.back() == m2.weights.back());
}

void TestLogReg::stopCheckCancels() {
    const LogRegData data = twoClouds(100, 1.3);
    int asked = 0;
    LogRegTrainer trainer(data, options(LogRegMethod::GradientDescent, 0.1, 1000));
    QVERIFY(trainer.step());
    QVERIFY(trainer.step());
    trainer.cancel();
    QVERIFY(!trainer.step([&] { return ++asked > 0; }));
    QCOMPARE(trainer.run().stopped, LogRegStop::Cancelled);
    QCOMPARE(trainer.run().recorded(), 3);
    // A stop request during a long SGD epoch stops it in the middle.
    LogRegData big = twoClouds(100000, 1.3);
    const LogRegRun run =
        runLogReg(big, options(LogRegMethod::Stochastic, 0.1, 1000), [&] { return true; });
    QCOMPARE(run.stopped, LogRegStop::Cancelled);
    QCOMPARE(run.recorded(), 1); // only the start: the first epoch never finished
}

void TestLogReg::slopeInterceptNullWhereW2IsZero() {
    // The default start w = (0.1, 0, 0) is the vertical line x₁ = 0.
    const LogRegRun run = runLogReg(fourPoints(), options(LogRegMethod::GradientDescent, 0.5, 2));
    QVERIFY(!separatorSlopeIntercept(run.weights[0]).has_value());
    QVERIFY(separatorSlopeIntercept(run.weights[1]).has_value());
    QVERIFY(!separatorSlopeIntercept(Eigen::Vector3d(1, 1e-9, 2)).has_value());
    QVERIFY(!separatorSlopeIntercept(Eigen::Vector3d(0, 0, 0)).has_value());
}

void TestLogReg::slopeIntercept_data() {
    QTest::addColumn<double>("w1");
    QTest::addColumn<double>("w2");
    QTest::addColumn<double>("w0");
    QTest::addColumn<double>("m");
    QTest::addColumn<double>("b");
    QTest::newRow("x1 + 2 x2 + 3 = 0") << 1.0 << 2.0 << 3.0 << -0.5 << -1.5;
    QTest::newRow("horizontal x2 = 4") << 0.0 << -0.5 << 2.0 << 0.0 << 4.0;
    QTest::newRow("steep but defined") << 1.0 << 1e-5 << 0.0 << -1e5 << 0.0;
    QTest::newRow("tiny weights, line x2 = 0") << 0.0 << 1e-10 << 0.0 << 0.0 << 0.0;
}

void TestLogReg::slopeIntercept() {
    QFETCH(double, w1);
    QFETCH(double, w2);
    QFETCH(double, w0);
    QFETCH(double, m);
    QFETCH(double, b);
    const auto line = separatorSlopeIntercept(Eigen::Vector3d(w1, w2, w0));
    QVERIFY(line.has_value());
    QCOMPARE(line->slope + 0.0, m); // + 0.0 turns −0 into 0
    QCOMPARE(line->intercept + 0.0, b);
}

void TestLogReg::pathBreaks_data() {
    QTest::addColumn<Eigen::Vector3d>("from");
    QTest::addColumn<Eigen::Vector3d>("to");
    QTest::addColumn<bool>("breaks");
    QTest::newRow("same side") << Eigen::Vector3d(1, 2, 3) << Eigen::Vector3d(1, 3, 3) << false;
    QTest::newRow("w2 changes sign")
        << Eigen::Vector3d(1, 0.1, 3) << Eigen::Vector3d(1, -0.1, 3) << true;
    QTest::newRow("from undefined")
        << Eigen::Vector3d(0.1, 0, 0) << Eigen::Vector3d(1, 3, 3) << true;
    QTest::newRow("to undefined") << Eigen::Vector3d(1, 3, 3) << Eigen::Vector3d(1, 0, 3) << true;
}

void TestLogReg::pathBreaks() {
    QFETCH(Eigen::Vector3d, from);
    QFETCH(Eigen::Vector3d, to);
    QFETCH(bool, breaks);
    QCOMPARE(separatorPathBreaks(from, to), breaks);
}

void TestLogReg::separatorSegment_data() {
    QTest::addColumn<Eigen::Vector3d>("w");
    QTest::addColumn<bool>("hits");
    QTest::addColumn<QPointF>("a");
    QTest::addColumn<QPointF>("b");
    // Box [−2, 2] × [−1, 1].
    QTest::newRow("horizontal x2 = 0.5")
        << Eigen::Vector3d(0, 2, -1) << true << QPointF(-2, 0.5) << QPointF(2, 0.5);
    QTest::newRow("vertical x1 = 0 (default start)")
        << Eigen::Vector3d(0.1, 0, 0) << true << QPointF(0, -1) << QPointF(0, 1);
    QTest::newRow("diagonal x2 = x1")
        << Eigen::Vector3d(1, -1, 0) << true << QPointF(-1, -1) << QPointF(1, 1);
    QTest::newRow("x2 = 0.25 x1 crosses the sides")
        << Eigen::Vector3d(0.25, -1, 0) << true << QPointF(-2, -0.5) << QPointF(2, 0.5);
    QTest::newRow("misses above") << Eigen::Vector3d(0, 1, -3) << false << QPointF() << QPointF();
    QTest::newRow("no line") << Eigen::Vector3d(0, 0, 1) << false << QPointF() << QPointF();
}

void TestLogReg::separatorSegment() {
    QFETCH(Eigen::Vector3d, w);
    QFETCH(bool, hits);
    QFETCH(QPointF, a);
    QFETCH(QPointF, b);
    const auto segment = bpl::separatorSegment(w, -2, 2, -1, 1);
    QCOMPARE(segment.has_value(), hits);
    if (!hits)
        return;
    const QPointF p(segment->first.x(), segment->first.y()),
        q(segment->second.x(), segment->second.y());
    const bool forward = QLineF(p, a).length() < 1e-12 && QLineF(q, b).length() < 1e-12;
    const bool backward = QLineF(p, b).length() < 1e-12 && QLineF(q, a).length() < 1e-12;
    QVERIFY2(forward || backward,
             qPrintable(QString("(%1, %2)–(%3, %4)").arg(p.x()).arg(p.y()).arg(q.x()).arg(q.y())));
}

void TestLogReg::optionsProblems_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fine") << ""
                          << "";
    QTest::newRow("negative η") << "eta=-1"
                                << "learning rate η";
    QTest::newRow("NaN η") << "eta=nan"
                           << "learning rate η";
    QTest::newRow("max iter 0") << "maxIter=0"
                                << "max iterations";
    QTest::newRow("negative tolerance") << "tol=-1"
                                        << "tolerance";
    QTest::newRow("infinite start") << "init=inf"
                                    << "start weights";
    QTest::newRow("batch larger than data runs as B = N") << "batch=5"
                                                          << "";
    QTest::newRow("batch 0") << "batch=0"
                             << "batch size";
}

void TestLogReg::optionsProblems() {
    QFETCH(QString, change);
    QFETCH(QString, expected);
    LogRegOptions o;
    o.method = LogRegMethod::MiniBatch;
    o.batchSize = 2;
    const double value = change.section('=', 1).toDouble();
    const QString key = change.section('=', 0, 0);
    if (key == "eta")
        o.learningRate = change.endsWith("nan") ? std::nan("") : value;
    if (key == "maxIter")
        o.maxIter = static_cast<int>(value);
    if (key == "tol")
        o.tolerance = value;
    if (key == "init")
        o.initialWeights(1) = std::numeric_limits<double>::infinity();
    if (key == "batch")
        o.batchSize = static_cast<int>(value);
    const QString problem = QString::fromStdString(optionsProblem(o, 4));
    if (expected.isEmpty()) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    } else {
        QVERIFY2(problem.startsWith(expected), qPrintable(problem));
    }
}

QTEST_APPLESS_MAIN(TestLogReg)
#include "tst_logreg.moc"
