// The options of a training run and of a comparison (core/training/
// training_runs.cpp, shared/spec/training.md): what trainingProblem refuses and
// its messages, run labels and stop keys, and the runs a comparison makes from
// one base setting (learning rates, optimizers, batch sizes, inits, L2), with
// their errors.
#include "core/training/trainer.h"

#include <QtTest>

using namespace bpl;

class TestTrainingRuns : public QObject {
    Q_OBJECT
  private slots:
    void problems_data();
    void problems();
    void labelsAndKeys();
    void comparisons();
    void lowestValidationRecord();
    void comparisonErrors_data();
    void comparisonErrors();
};

void TestTrainingRuns::problems_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fine") << ""
                          << "";
    QTest::newRow("batch 0") << "batch=0"
                             << "the batch size must be at least 1, found 0";
    QTest::newRow("epochs -1") << "epochs=-1"
                               << "the number of epochs must be from 0 to 1000000, found -1";
    QTest::newRow("l2 -1") << "l2=-1"
                           << "the L2 strength λ must be a finite number ≥ 0, found -1";
    QTest::newRow("η 0") << "eta=0"
                         << "learning rate η must be a finite number greater than 0";
    QTest::newRow("no rows") << "rows=0"
                             << "the training part of the data set is empty";
}

void TestTrainingRuns::problems() {
    QFETCH(QString, change);
    QFETCH(QString, expected);
    TrainingOptions o;
    int rows = 10;
    const int value = change.section('=', 1).toInt();
    if (change.startsWith("batch"))
        o.batchSize = value;
    if (change.startsWith("epochs"))
        o.epochs = value;
    if (change.startsWith("l2"))
        o.l2 = value;
    if (change.startsWith("eta"))
        o.optimizer.learningRate = value;
    if (change.startsWith("rows"))
        rows = value;
    const QString problem = QString::fromStdString(trainingProblem(o, rows));
    if (expected.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.startsWith(expected), qPrintable(problem));
}

void TestTrainingRuns::labelsAndKeys() {
    TrainingOptions o;
    o.optimizer.kind = OptimizerKind::Adam;
    o.optimizer.learningRate = 0.01;
    QCOMPARE(defaultRunLabel(o), std::string("adam, η = 0.01"));
    o.optimizer.kind = OptimizerKind::RmsProp;
    o.optimizer.learningRate = 2.5e-4;
    QCOMPARE(defaultRunLabel(o), std::string("rmsprop, η = 0.00025"));
    QCOMPARE(trainingStopKey(TrainingStop::Running), std::string("running"));
    QCOMPARE(trainingStopKey(TrainingStop::MaxEpochs), std::string("max_epochs"));
    QCOMPARE(trainingStopKey(TrainingStop::TargetLoss), std::string("target_loss"));
    QCOMPARE(trainingStopKey(TrainingStop::Cancelled), std::string("cancelled"));
    QCOMPARE(trainingStopKey(TrainingStop::Diverged), std::string("diverged"));
}

void TestTrainingRuns::comparisons() {
    TrainingOptions base;
    base.optimizer.kind = OptimizerKind::Adam;
    base.optimizer.learningRate = 0.01;
    const auto single = comparisonRuns(base, {});
    QVERIFY(single.ok());
    QCOMPARE(single.value().size(), std::size_t(1));
    QCOMPARE(single.value()[0].label, std::string("adam, η = 0.01"));

    const auto etas = comparisonRuns(base, {"learning_rate", {"0.1", "1e-3"}});
    QVERIFY(etas.ok());
    QCOMPARE(etas.value()[0].optimizer.learningRate, 0.1);
    QCOMPARE(etas.value()[1].optimizer.learningRate, 0.001);
    QCOMPARE(etas.value()[1].label, std::string("adam, η = 0.001"));
    QVERIFY(!etas.value()[0].init);

    const auto optimizers = comparisonRuns(base, {"optimizer", {"sgd", "momentum"}});
    QVERIFY(optimizers.ok());
    QCOMPARE(optimizers.value()[1].optimizer.kind, OptimizerKind::Momentum);
    QCOMPARE(optimizers.value()[0].label, std::string("sgd, η = 0.01"));

    const auto batches = comparisonRuns(base, {"batch_size", {"1", "32"}});
    QVERIFY(batches.ok());
    QCOMPARE(batches.value()[1].batchSize, 32);
    QCOMPARE(batches.value()[1].label, std::string("adam, η = 0.01, B = 32"));

    const auto inits = comparisonRuns(base, {"init", {"he", "zero"}});
    QVERIFY(inits.ok());
    QVERIFY(inits.value()[1].init && inits.value()[1].init->scheme == InitScheme::Zero);

    const auto l2 = comparisonRuns(base, {"l2", {"0", "0.001"}});
    QVERIFY(l2.ok());
    QCOMPARE(l2.value()[1].l2, 0.001);
    QCOMPARE(l2.value()[1].label, std::string("adam, η = 0.01, λ = 0.001"));
}

void TestTrainingRuns::comparisonErrors_data() {
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown setting") << "momentum"
                                     << "0.9"
                                     << "momentum: unknown setting to compare";
    QTest::newRow("η text") << "learning_rate"
                            << "fast"
                            << "learning_rate: expected a learning rate η > 0, found 'fast'";
    QTest::newRow("η comma") << "learning_rate"
                             << "0,1"
                             << "learning_rate: expected a learning rate η > 0, found '0,1'";
    QTest::newRow("η negative") << "learning_rate"
                                << "-1"
                                << "learning_rate: expected a learning rate η > 0";
    QTest::newRow("optimizer")
        << "optimizer"
        << "lbfgs"
        << "optimizer: expected sgd, momentum, rmsprop, adam or adagrad, found 'lbfgs'";
    QTest::newRow("batch 2.5") << "batch_size"
                               << "2.5"
                               << "batch_size: expected a whole number ≥ 1, found '2.5'";
    QTest::newRow("init") << "init"
                          << "normal"
                          << "init: expected xavier, he, uniform or zero";
    QTest::newRow("l2 nan") << "l2"
                            << "nan"
                            << "l2: expected a number λ ≥ 0, found 'nan'";
    QTest::newRow("no values") << "l2"
                               << ""
                               << "l2: no values to compare";
}

void TestTrainingRuns::comparisonErrors() {
    QFETCH(QString, setting);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    Comparison c{setting.toStdString(), {}};
    if (!value.isEmpty())
        c.values = {value.toStdString()};
    const auto runs = comparisonRuns(TrainingOptions{}, c);
    QVERIFY(!runs.ok());
    const QString message = QString::fromStdString(runs.error().message());
    QVERIFY2(message.startsWith(expected), qPrintable(message));
}

void TestTrainingRuns::lowestValidationRecord() {
    TrainingRun run;
    QCOMPARE(run.lowestValidationRecord(), -1); // no validation rows
    run.validationLoss = {0.9, 0.5, NAN, 0.5, 0.7, 1.8};
    QCOMPARE(run.lowestValidationRecord(), 1); // the first of two equal minima; NaN skipped
    run.validationLoss = {NAN, INFINITY};
    QCOMPARE(run.lowestValidationRecord(), -1);
}

QTEST_APPLESS_MAIN(TestTrainingRuns)
#include "tst_training_runs.moc"
