// The training engine (shared/spec/training.md): a mini-batch's gradient is the
// mean of the stepper's per-sample traces for every activation and loss; the
// epochs follow the spec's shuffle; what is recorded (losses, accuracies,
// gradient norms, snapshots, confusion); the stops (max epochs, target loss,
// divergence with nothing non-finite recorded, cancellation between
// mini-batches); L2; B > N; zero initialisation's symmetry; learning xor and
// circle; classes and top-k. Options, labels and comparisons: tst_training_runs.
#include "core/common/limits.h"
#include "core/common/split_mix64.h"
#include "core/trace.h"
#include "core/training/top_k.h"
#include "core/training/trainer.h"

#include "support/training_networks.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using namespace bpl;

namespace {

Dataset generated(const std::string& name, int points, double noise, const Network& net) {
    GeneratorOptions g;
    g.name = name;
    g.points = points;
    g.noise = noise;
    const Result<Dataset> raw = generateDataset(g);
    if (!raw.ok())
        qFatal("%s", raw.error().message().c_str());
    const Result<Dataset> fitted = fitDatasetToNetwork(raw.value(), net);
    if (!fitted.ok())
        qFatal("%s", fitted.error().message().c_str());
    return fitted.value();
}

std::shared_ptr<const DataSplit> defaultSplit(const Dataset& d) {
    return std::make_shared<const DataSplit>(splitDataset(d, SplitOptions{}));
}

Network circleNetwork(std::uint64_t seed = 1) {
    return test::layeredNetwork({2, 8, 8, 1}, Activation::Tanh, Activation::Sigmoid,
                                Loss::BinaryCrossEntropy, seed);
}

double relativeDifference(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    return (a - b).norm() / std::max(1.0, b.norm());
}

bool allFinite(const std::vector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
  private slots:
    void comparisonLimitsOfTheTabAndTheCommandLine();
    void batchGradientIsTheMeanOfTraces_data();
    void batchGradientIsTheMeanOfTraces();
    void epochsFollowTheSpecShuffle();
    void sameSeedSameRun();
    void recordsWhatTheSpecSays();
    void regressionRecordsNoAccuracy();
    void l2AddsLambdaTimesWeights();
    void batchLargerThanDataRunsAsN();
    void zeroInitKeepsHiddenUnitsIdentical();
    void learnsXorAndCircle_data();
    void learnsXorAndCircle();
    void hugeLearningRateDiverges();
    void cancelStopsBetweenMiniBatches();
    void targetLossStops();
    void stepNetworksAreRefused();
    void classesAndTopK();
    void recordEveryKthEpoch();
};

void TestTrainer::batchGradientIsTheMeanOfTraces_data() {
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("output");
    QTest::addColumn<int>("loss");
    QTest::addColumn<int>("outputs");
    auto row = [](const char* name, Activation h, Activation o, Loss l, int k) {
        QTest::newRow(name) << int(h) << int(o) << int(l) << k;
    };
    row("sigmoid / sigmoid + bce", Activation::Sigmoid, Activation::Sigmoid,
        Loss::BinaryCrossEntropy, 1);
    row("relu / softmax + ce", Activation::Relu, Activation::Softmax, Loss::CrossEntropy, 3);
    row("tanh / identity + ½se", Activation::Tanh, Activation::Identity, Loss::HalfSquaredError, 2);
    row("leaky / sigmoid + se", Activation::LeakyRelu, Activation::Sigmoid, Loss::SquaredError, 2);
    row("tanh / tanh + mse", Activation::Tanh, Activation::Tanh, Loss::MeanSquaredError, 3);
    row("sigmoid / sigmoid + ce", Activation::Sigmoid, Activation::Sigmoid, Loss::CrossEntropy, 2);
    row("identity / sigmoid + bce on 2 units", Activation::Identity, Activation::Sigmoid,
        Loss::BinaryCrossEntropy, 2);
    row("relu / relu + ½se", Activation::Relu, Activation::Relu, Loss::HalfSquaredError, 1);
}

void TestTrainer::batchGradientIsTheMeanOfTraces() {
    QFETCH(int, hidden);
    QFETCH(int, output);
    QFETCH(int, loss);
    QFETCH(int, outputs);
    const Network net = test::layeredNetwork({3, 4, 5, outputs}, Activation(hidden),
                                             Activation(output), Loss(loss), 11);
    SplitMix64 rng(5);
    const int m = 7;
    Eigen::MatrixXd x(3, m), t(outputs, m);
    for (int j = 0; j < m; ++j) {
        for (int i = 0; i < 3; ++i)
            x(i, j) = 4 * rng.uniform() - 2;
        for (int k = 0; k < outputs; ++k)
            t(k, j) = rng.uniform();
        if (Activation(output) == Activation::Softmax)
            t.col(j) /= t.col(j).sum(); // a probability vector
    }
    // The stepper's per-sample traces, averaged.
    Gradients mean = traceSample(net, Sample{x.col(0), t.col(0)}, 0.1).gradients;
    double meanLoss = 0;
    for (int l = 1; l < net.layerCount(); ++l) {
        mean.weights[l].setZero();
        mean.bias[l].setZero();
    }
    for (int j = 0; j < m; ++j) {
        const Trace trace = traceSample(net, Sample{x.col(j), t.col(j)}, 0.1);
        meanLoss += trace.loss / m;
        for (int l = 1; l < net.layerCount(); ++l) {
            mean.weights[l] += trace.gradients.weights[l] / m;
            mean.bias[l] += trace.gradients.bias[l] / m;
        }
    }
    const BatchResult batched = batchedGradients(net, x, t);
    QVERIFY2(std::abs(batched.meanLoss - meanLoss) < 1e-12 * std::max(1.0, std::abs(meanLoss)),
             qPrintable(QString("%1 vs %2").arg(batched.meanLoss).arg(meanLoss)));
    for (int l = 1; l < net.layerCount(); ++l) {
        QVERIFY(mean.weights[l].norm() > 0 || l < net.lastLayer()); // a real gradient to compare
        QVERIFY2(relativeDifference(batched.gradients.weights[l], mean.weights[l]) < 1e-12,
                 qPrintable(QString("layer %1").arg(l)));
        QVERIFY(relativeDifference(batched.gradients.bias[l], mean.bias[l]) < 1e-12);
    }
}

void TestTrainer::epochsFollowTheSpecShuffle() {
    // SGD with B = 1 over 5 rows for 2 epochs, redone by hand: each epoch the
    // split order 0…4 shuffled afresh by one SplitMix64(seed) stream, then
    // w ← w − η g for each row's gradient.
    const Network start = test::layeredNetwork({2, 3, 1}, Activation::Tanh, Activation::Sigmoid,
                                               Loss::BinaryCrossEntropy, 4);
    const Dataset data = generated("xor", 5, 0.0, start);
    TrainingOptions o;
    o.batchSize = 1;
    o.epochs = 2;
    o.seed = 7;
    o.optimizer.learningRate = 0.3;
    const TrainingRun run = train(start, test::trainingOnly(data), o);
    QCOMPARE(run.recordedEpochs(), 3);

    Network byHand = start;
    SplitMix64 rng(7);
    for (int epoch = 1; epoch <= 2; ++epoch) {
        std::vector<int> order(5);
        std::iota(order.begin(), order.end(), 0);
        rng.shuffle(order);
        for (int row : order) {
            const Gradients g =
                traceSample(byHand, Sample{data.inputs.col(row), data.targets.col(row)}, 0.3)
                    .gradients;
            for (int l = 1; l < byHand.layerCount(); ++l) {
                byHand.layers[l].weights -= 0.3 * g.weights[l];
                byHand.layers[l].bias -= 0.3 * g.bias[l];
            }
        }
        const WeightSnapshot& s = run.snapshots[static_cast<std::size_t>(epoch)];
        for (int l = 1; l < byHand.layerCount(); ++l) {
            QVERIFY(relativeDifference(s.weights[l], byHand.layers[l].weights) < 1e-13);
            QVERIFY(relativeDifference(s.bias[l], byHand.layers[l].bias) < 1e-13);
        }
    }
    // Without shuffling the order is the same every epoch, so the run differs.
    o.shuffle = false;
    const TrainingRun fileOrder = train(start, test::trainingOnly(data), o);
    QVERIFY(fileOrder.snapshots[2].weights[1] != run.snapshots[2].weights[1]);
}

void TestTrainer::sameSeedSameRun() {
    const Network net = circleNetwork();
    const auto split = defaultSplit(generated("circle", 200, 0.1, net));
    TrainingOptions o;
    o.epochs = 5;
    o.optimizer.kind = OptimizerKind::Adam;
    o.optimizer.learningRate = 0.01;
    const TrainingRun a = train(net, split, o), b = train(net, split, o);
    QCOMPARE(a.trainLoss, b.trainLoss);
    QCOMPARE(a.testAccuracy, b.testAccuracy);
    QCOMPARE(a.finalNetwork.layers[2].weights, b.finalNetwork.layers[2].weights);
    o.seed = 2;
    const TrainingRun c = train(net, split, o);
    QVERIFY(c.trainLoss[5] != a.trainLoss[5]);
    QCOMPARE(c.trainLoss[0], a.trainLoss[0]); // same start
}

void TestTrainer::recordsWhatTheSpecSays() {
    const Network net = test::layeredNetwork({2, 6, 3}, Activation::Tanh, Activation::Softmax,
                                             Loss::CrossEntropy, 3);
    const auto split = defaultSplit(generated("three_blobs", 150, 0.1, net));
    TrainingOptions o;
    o.epochs = 4;
    o.batchSize = 16;
    Trainer trainer(net, split, o);
    // k = 0 before training.
    const TrainingRun& first = trainer.run();
    QCOMPARE(first.recordedEpochs(), 1);
    const BatchResult full = batchedGradients(net, split->train.inputs, split->train.targets);
    QVERIFY(std::abs(first.trainLoss[0] - full.meanLoss) < 1e-12);
    QCOMPARE(first.gradNorm[0].size(), std::size_t(2));
    for (int l = 1; l <= 2; ++l)
        QVERIFY(std::abs(first.gradNorm[0][static_cast<std::size_t>(l - 1)] -
                         full.gradients.weights[l].norm()) < 1e-12);
    // The validation loss is the mean of the stepper's per-sample losses.
    double validationLoss = 0;
    for (int j = 0; j < split->validation.sampleCount(); ++j)
        validationLoss +=
            traceSample(
                net, Sample{split->validation.inputs.col(j), split->validation.targets.col(j)}, 0.1)
                .loss;
    validationLoss /= split->validation.sampleCount();
    QVERIFY(std::abs(first.validationLoss[0] - validationLoss) < 1e-12);
    QCOMPARE(first.snapshots[0].weights[1], net.layers[1].weights);
    while (trainer.epoch()) {
    }
    const TrainingRun run = trainer.takeRun();
    QCOMPARE(run.stopped, TrainingStop::MaxEpochs);
    QCOMPARE(run.recordedEpochs(), 5);
    for (const auto* v : {&run.validationLoss, &run.testLoss, &run.trainAccuracy,
                          &run.validationAccuracy, &run.testAccuracy})
        QCOMPARE(v->size(), std::size_t(5));
    QCOMPARE(run.gradNorm.size(), std::size_t(5));
    QCOMPARE(run.snapshots.size(), std::size_t(5));
    QCOMPARE(run.label, std::string("sgd, η = 0.1"));
    QVERIFY(run.trainSeconds > 0);
    // Accuracy: argmax of the softmax against the labels.
    const std::vector<int> predicted =
        predictedClasses(run.finalNetwork, predictBatch(run.finalNetwork, split->test.inputs));
    int correct = 0;
    for (std::size_t j = 0; j < predicted.size(); ++j)
        correct += predicted[j] == split->test.labels[j];
    QCOMPARE(run.testAccuracy.back(), double(correct) / split->test.sampleCount());
    // The confusion matrix of the test rows: rows true, columns predicted.
    QCOMPARE(run.confusion.rows(), Eigen::Index(3));
    QCOMPARE(run.confusion.sum(), split->test.sampleCount());
    QCOMPARE(run.confusion.trace(), correct);
    QCOMPARE(run.finalNetwork.layers[2].weights, run.snapshots.back().weights[2]);
}

void TestTrainer::regressionRecordsNoAccuracy() {
    const Network net = test::layeredNetwork({1, 6, 1}, Activation::Tanh, Activation::Identity,
                                             Loss::HalfSquaredError, 2);
    SplitOptions noTest;
    noTest.trainPercent = 80;
    noTest.validationPercent = 20;
    noTest.testPercent = 0;
    const auto split =
        std::make_shared<const DataSplit>(splitDataset(generated("sine", 100, 0.05, net), noTest));
    TrainingOptions o;
    o.epochs = 30;
    o.optimizer.kind = OptimizerKind::Adam;
    o.optimizer.learningRate = 0.02;
    const TrainingRun run = train(net, split, o);
    QCOMPARE(run.recordedEpochs(), 31);
    QVERIFY(run.trainAccuracy.empty() && run.validationAccuracy.empty() &&
            run.testAccuracy.empty());
    QVERIFY(run.testLoss.empty());
    QCOMPARE(run.validationLoss.size(), std::size_t(31));
    QCOMPARE(run.confusion.size(), Eigen::Index(0));
    QVERIFY(run.trainLoss.back() < 0.5 * run.trainLoss.front());
}

void TestTrainer::l2AddsLambdaTimesWeights() {
    // One full-batch SGD update: W ← W − η (g + λW), b ← b − η g_b.
    const Network net = test::layeredNetwork({2, 3, 1}, Activation::Tanh, Activation::Sigmoid,
                                             Loss::BinaryCrossEntropy, 8);
    const Dataset data = generated("circle", 20, 0.1, net);
    TrainingOptions o;
    o.epochs = 1;
    o.batchSize = 20;
    o.l2 = 0.3;
    o.optimizer.learningRate = 0.5;
    const TrainingRun run = train(net, test::trainingOnly(data), o);
    const Gradients g = batchedGradients(net, data.inputs, data.targets).gradients;
    for (int l = 1; l <= 2; ++l) {
        const Eigen::MatrixXd w =
            net.layers[l].weights - 0.5 * (g.weights[l] + 0.3 * net.layers[l].weights);
        const Eigen::VectorXd b = net.layers[l].bias - 0.5 * g.bias[l];
        QVERIFY(relativeDifference(run.snapshots[1].weights[l], w) < 1e-14);
        QVERIFY(relativeDifference(run.snapshots[1].bias[l], b) < 1e-14);
    }
    // The recorded loss is the data loss, without the L2 term.
    const Network after = withWeights(net, run.snapshots[1]);
    QVERIFY(std::abs(run.trainLoss[1] -
                     batchedGradients(after, data.inputs, data.targets).meanLoss) < 1e-14);
}

void TestTrainer::batchLargerThanDataRunsAsN() {
    const Network net = circleNetwork();
    const auto split = defaultSplit(generated("circle", 50, 0.1, net));
    TrainingOptions o;
    o.epochs = 3;
    o.batchSize = split->train.sampleCount();
    const TrainingRun exact = train(net, split, o);
    o.batchSize = 1000;
    QVERIFY(trainingProblem(o, split->train.sampleCount()).empty());
    const TrainingRun larger = train(net, split, o);
    QCOMPARE(larger.trainLoss, exact.trainLoss);
    QCOMPARE(larger.finalNetwork.layers[1].weights, exact.finalNetwork.layers[1].weights);
}

void TestTrainer::zeroInitKeepsHiddenUnitsIdentical() {
    // Sigmoid hidden units (tanh(0) = 0 would leave even the output weights at 0).
    const Network net = test::layeredNetwork({2, 4, 1}, Activation::Sigmoid, Activation::Sigmoid,
                                             Loss::BinaryCrossEntropy);
    const auto split = defaultSplit(generated("circle", 100, 0.1, net));
    TrainingOptions o;
    o.epochs = 10;
    o.optimizer.kind = OptimizerKind::Adam;
    o.optimizer.learningRate = 0.05;
    o.init = InitOptions{InitScheme::Zero, 1, 0.5};
    const TrainingRun run = train(net, split, o);
    const Network& out = run.finalNetwork;
    QVERIFY(out.layers[2].weights.norm() > 0.01); // the output weights did move…
    for (int i = 1; i < 4; ++i) {
        // …but every hidden unit has the same weights, bias and outgoing weight.
        QCOMPARE(out.layers[1].weights.row(i), out.layers[1].weights.row(0));
        QCOMPARE(out.layers[1].bias(i), out.layers[1].bias(0));
        QCOMPARE(out.layers[2].weights(0, i), out.layers[2].weights(0, 0));
    }
}

void TestTrainer::learnsXorAndCircle_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("xor") << "xor";
    QTest::newRow("circle") << "circle";
}

void TestTrainer::learnsXorAndCircle() {
    QFETCH(QString, name);
    const Network net = circleNetwork(3);
    const auto split = defaultSplit(generated(name.toStdString(), 500, 0.1, net));
    TrainingOptions o;
    o.epochs = 150;
    o.batchSize = 10;
    o.optimizer.kind = OptimizerKind::Adam;
    o.optimizer.learningRate = 0.01;
    const TrainingRun run = train(net, split, o);
    QCOMPARE(run.stopped, TrainingStop::MaxEpochs);
    QVERIFY2(run.testAccuracy.back() >= 0.95, qPrintable(QString::number(run.testAccuracy.back())));
    QVERIFY(run.trainLoss.back() < run.trainLoss.front());
}

void TestTrainer::hugeLearningRateDiverges() {
    const Network net = test::layeredNetwork({1, 8, 1}, Activation::Tanh, Activation::Identity,
                                             Loss::HalfSquaredError);
    const auto split = defaultSplit(generated("sine", 100, 0.1, net));
    TrainingOptions o;
    o.epochs = 1000;
    o.optimizer.learningRate = 1000;
    const TrainingRun run = train(net, split, o);
    QCOMPARE(run.stopped, TrainingStop::Diverged);
    QVERIFY(run.recordedEpochs() >= 1 && run.recordedEpochs() < 1001);
    for (const auto* v : {&run.trainLoss, &run.validationLoss, &run.testLoss}) {
        QCOMPARE(v->size(), std::size_t(run.recordedEpochs()));
        QVERIFY(allFinite(*v));
    }
    QVERIFY(run.trainLoss.back() <= kDivergedLoss);
    for (const auto& norms : run.gradNorm)
        QVERIFY(allFinite(norms));
    for (const WeightSnapshot& s : run.snapshots)
        for (std::size_t l = 1; l < s.weights.size(); ++l)
            QVERIFY(s.weights[l].allFinite() && s.bias[l].allFinite());
    QVERIFY(run.finalNetwork.layers[1].weights.allFinite() &&
            run.finalNetwork.layers[2].weights.allFinite());
    // A classifier too: η = 1000 on the circle with softmax outputs.
    const Network softmax =
        test::layeredNetwork({2, 8, 2}, Activation::Relu, Activation::Softmax, Loss::CrossEntropy);
    const TrainingRun c = train(softmax, defaultSplit(generated("circle", 100, 0.1, softmax)), o);
    QVERIFY(c.stopped == TrainingStop::Diverged || c.stopped == TrainingStop::MaxEpochs);
    QVERIFY(allFinite(c.trainLoss) && allFinite(c.testAccuracy));
}

void TestTrainer::cancelStopsBetweenMiniBatches() {
    const Network net = circleNetwork();
    const auto split =
        defaultSplit(generated("circle", 500, 0.1, net)); // 300 rows: 30 batches of 10
    TrainingOptions o;
    o.epochs = 100;
    int calls = 0;
    const TrainingRun run = train(net, split, o, [&calls] { return ++calls > 45; });
    QCOMPARE(run.stopped, TrainingStop::Cancelled);
    QCOMPARE(calls, 46);               // asked once per mini-batch, stopped at the first true
    QCOMPARE(run.recordedEpochs(), 2); // k = 0 and the one complete epoch
    QCOMPARE(run.finalNetwork.layers[1].weights, run.snapshots[1].weights[1]);
    QCOMPARE(run.confusion.sum(), split->test.sampleCount());
    // cancel() between epochs.
    Trainer trainer(net, split, o);
    QVERIFY(trainer.epoch());
    trainer.cancel();
    QVERIFY(!trainer.running());
    QVERIFY(!trainer.epoch());
    QCOMPARE(trainer.run().stopped, TrainingStop::Cancelled);
    QCOMPARE(trainer.run().recordedEpochs(), 2);
}

void TestTrainer::targetLossStops() {
    const Network net = circleNetwork();
    const auto split = defaultSplit(generated("circle", 200, 0.0, net));
    TrainingOptions o;
    o.epochs = 500;
    o.optimizer.kind = OptimizerKind::Adam;
    o.optimizer.learningRate = 0.02;
    o.targetLoss = 0.2;
    const TrainingRun run = train(net, split, o);
    QCOMPARE(run.stopped, TrainingStop::TargetLoss);
    QVERIFY(run.trainLoss.back() < 0.2);
    QVERIFY(run.trainLoss[run.trainLoss.size() - 2] >= 0.2);
}

void TestTrainer::stepNetworksAreRefused() {
    Network net = circleNetwork();
    QCOMPARE(networkTrainingProblem(net), std::string());
    net.layers[2].activation.kind = Activation::Step;
    const QString problem = QString::fromStdString(networkTrainingProblem(net));
    QVERIFY2(
        problem.startsWith("layer 2 uses the step activation, whose derivative is 0 everywhere"),
        qPrintable(problem));
    // A split that was not fitted to the network is not trained (and does not crash).
    const Network sine = test::layeredNetwork({1, 3, 1}, Activation::Tanh, Activation::Identity,
                                              Loss::HalfSquaredError);
    const auto unfitted = defaultSplit(generated("sine", 20, 0.1, sine));
    const TrainingRun refused = train(circleNetwork(), unfitted, TrainingOptions{});
    QCOMPARE(refused.stopped, TrainingStop::Cancelled);
    QCOMPARE(refused.recordedEpochs(), 0);
    Network softmaxInside = circleNetwork();
    softmaxInside.layers[1].activation.kind = Activation::Softmax;
    QVERIFY(QString::fromStdString(networkTrainingProblem(softmaxInside))
                .contains("softmax is only allowed on the last layer"));
}

void TestTrainer::classesAndTopK() {
    const Network softmax =
        test::layeredNetwork({2, 3}, Activation::Tanh, Activation::Softmax, Loss::CrossEntropy);
    Eigen::MatrixXd y(3, 3);
    y << 0.2, 0.5, 0.1, 0.7, 0.2, 0.3, 0.1, 0.3, 0.6;
    QCOMPARE(predictedClasses(softmax, y), std::vector<int>({1, 0, 2}));
    const Network sigmoid = test::layeredNetwork({2, 1}, Activation::Tanh, Activation::Sigmoid,
                                                 Loss::BinaryCrossEntropy);
    QCOMPARE(predictedClasses(sigmoid, Eigen::MatrixXd(Eigen::RowVector3d(0.2, 0.51, 0.5))),
             std::vector<int>({0, 1, 0}));
    // Top-k on three_blobs with an untrained network: top-3 of 3 classes is certain.
    const Network net =
        test::layeredNetwork({2, 5, 3}, Activation::Tanh, Activation::Softmax, Loss::CrossEntropy);
    const Dataset d = generated("three_blobs", 90, 0.2, net);
    const double top1 = topKAccuracy(net, d, 1), top2 = topKAccuracy(net, d, 2);
    QCOMPARE(topKAccuracy(net, d, 3), 1.0);
    QVERIFY(top1 <= top2);
    const Eigen::MatrixXi confusion = confusionMatrix(net, d);
    QCOMPARE(confusion.sum(), 90);
    QCOMPARE(double(confusion.trace()) / 90, top1);
    QCOMPARE(confusion.row(0).sum(), 30); // 30 of each class
}

// Thinned records (core/common/limits.h): every k-th epoch and the last one, the
// same values as the full run at those epochs, and only the latest weights kept
// when the caller needs no replay. The stride keeps epochs × runs × values within
// the budget.
void TestTrainer::recordEveryKthEpoch() {
    const Network start = test::layeredNetwork({2, 3, 1}, Activation::Tanh, Activation::Sigmoid,
                                               Loss::BinaryCrossEntropy, 4);
    const Dataset data = generated("xor", 20, 0.0, start);
    TrainingOptions o;
    o.epochs = 10;
    const TrainingRun full = train(start, test::trainingOnly(data), o);
    o.recordEvery = 3;
    o.keepSnapshots = false;
    const TrainingRun thin = train(start, test::trainingOnly(data), o);
    QCOMPARE(thin.recordedEpoch, (std::vector<int>{0, 3, 6, 9, 10}));
    QCOMPARE(thin.recordedEpochs(), 5);
    QCOMPARE(thin.snapshots.size(), std::size_t(1));
    QCOMPARE(thin.epochOf(4), 10);
    for (int k = 0; k < thin.recordedEpochs(); ++k) {
        const auto epoch =
            static_cast<std::size_t>(thin.recordedEpoch[static_cast<std::size_t>(k)]);
        QCOMPARE(thin.trainLoss[static_cast<std::size_t>(k)], full.trainLoss[epoch]);
        QCOMPARE(thin.gradNorm[static_cast<std::size_t>(k)], full.gradNorm[epoch]);
    }
    QCOMPARE(thin.finalNetwork.layers[1].weights, full.finalNetwork.layers[1].weights);
    QCOMPARE(thin.stopped, TrainingStop::MaxEpochs);

    // 10⁶ epochs × 3 runs × 9 values = 2.7·10⁷ > 10⁷: every 3rd epoch (333,336 records).
    QCOMPARE(trainingRecordStride(1'000'000, 3, 9), 3);
    QVERIFY((1'000'000 / 3 + 2) * 3 * 9 <= kMaxRecordedTrainingValues);
    QCOMPARE(trainingRecordStride(1'000'000, 1, 9), 1); // 9,000,009 values fit
    // A 1,000-layer chain (1,005 values an epoch) for 30,000 epochs.
    const int stride = trainingRecordStride(30'000, 1, 1005);
    QCOMPARE(stride, 4);
    QVERIFY((30'000 / stride + 2) * 1005 <= kMaxRecordedTrainingValues);
}

void TestTrainer::comparisonLimitsOfTheTabAndTheCommandLine() {
    // 2-1000-1: 1,003 neurons, 2·1000 + 1000 + 1000 + 1 = 4,001 weights and biases.
    Network net;
    net.layers.resize(3);
    net.layers[0].size = 2;
    net.layers[1].size = 1000;
    net.layers[1].weights = Eigen::MatrixXd::Zero(1000, 2);
    net.layers[1].bias = Eigen::VectorXd::Zero(1000);
    net.layers[2].size = 1;
    net.layers[2].weights = Eigen::MatrixXd::Zero(1, 1000);
    net.layers[2].bias = Eigen::VectorXd::Zero(1);
    QCOMPARE(net.parameterCount(), 4001L);
    TrainingOptions o;
    o.epochs = 100000;
    // 100 rows: 100 × 4,001 × 100,001 = 4.0·10¹⁰ row-parameter-epochs fit; kept
    // weights 100,001 × 4,001 = 4.0·10⁸ values do not, where a run keeps them.
    o.keepSnapshots = true;
    QCOMPARE(comparisonLimitProblem(net, 100, {o}), trainingSnapshotProblem(100000, 1, 4001));
    o.keepSnapshots = false;
    QCOMPARE(comparisonLimitProblem(net, 100, {o}), std::string());
    // 1,000 rows × 1,003 neurons fit, 10,000 × 4,001 × 100,001 × 2 do not.
    QCOMPARE(comparisonLimitProblem(net, 10000, {o, o}),
             trainingSizeProblem(10000, 1003, 4001, 100000, 2));
    QVERIFY(!comparisonLimitProblem(net, 10000, {o, o}).empty());
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
