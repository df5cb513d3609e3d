// The top-k rule (core/training/top_k.h) on hand-worked cases: ranks with
// every kind of tie (a tie goes to the smaller class index), one sigmoid
// unit's (1 − y, y), E per k, the worked formula, the trainer's per-epoch
// records (top-1 = 1 − accuracy at every epoch), the k-list parser and the
// refusals, and the marking of a student's E and ranks.
#include "core/training/top_k.h"
#include "core/training/trainer.h"

#include "support/training_networks.h"

#include <QtTest>

using namespace bpl;

class TestTopK : public QObject {
    Q_OBJECT
  private slots:
    void ranksWithTies();
    void sigmoidScores();
    void errorsPerK();
    void workedFormula();
    void trainerRecordsEveryEpoch();
    void listsAndProblems();
    void marking();
};

void TestTopK::ranksWithTies() {
    // Columns are samples; rows classes 0, 1, 2.
    Eigen::MatrixXd s(3, 5);
    s << 0.2, 0.4, 0.4, 1.0 / 3, 0.1, //
        0.5, 0.4, 0.4, 1.0 / 3, 0.1,  //
        0.3, 0.2, 0.2, 1.0 / 3, 0.8;
    // t = 2: only 0.5 above → 2. t = 1 tied with class 0 → 2; t = 0 tied with
    // the larger class 1 → 1. All tied: t = 2 → 3, t = 0 → 1. t = 7: no class → 0.
    QCOMPARE(trueClassRank(s, 0, 2), 2);
    QCOMPARE(trueClassRank(s, 1, 1), 2);
    QCOMPARE(trueClassRank(s, 2, 0), 1);
    QCOMPARE(trueClassRank(s, 3, 2), 3);
    QCOMPARE(trueClassRank(s, 3, 0), 1);
    QCOMPARE(trueClassRank(s, 4, 0), 2); // 0.1 tied with class 1 (larger), below 0.8
    QCOMPARE(trueClassRank(s, 4, 1), 3);
    QCOMPARE(trueClassRank(s, 0, 7), 0);
}

void TestTopK::sigmoidScores() {
    const Eigen::MatrixXd y = Eigen::RowVector3d(0.7, 0.5, 0.2);
    QCOMPARE(scoreClassCount(y), 2);
    QCOMPARE(classScore(y, 0, 0), 1 - 0.7);
    QCOMPARE(trueClassRank(y, 0, 1), 1);
    QCOMPARE(trueClassRank(y, 0, 0), 2);
    QCOMPARE(trueClassRank(y, 1, 0), 1); // y = 0.5: class 0, as output > 0.5 says
    QCOMPARE(trueClassRank(y, 1, 1), 2);
    QCOMPARE(trueClassRank(y, 2, 0), 1);
}

void TestTopK::errorsPerK() {
    Eigen::MatrixXd s(3, 4);
    s << 0.2, 0.4, 1.0 / 3, 0.1, //
        0.5, 0.4, 1.0 / 3, 0.1,  //
        0.3, 0.2, 1.0 / 3, 0.8;
    // Ranks 2, 2, 3, 3 for the classes 2, 1, 2, 1.
    const std::vector<double> e = topKErrors(s, {2, 1, 2, 1}, {1, 2, 3});
    QCOMPARE(e, std::vector<double>({1.0, 0.5, 0.0}));
}

void TestTopK::workedFormula() {
    TopKWorked w;
    w.k = 2;
    w.classes = 3;
    for (bool miss : {false, true, false, true, true, false}) {
        TopKRow row;
        row.miss = miss;
        w.rows.push_back(row);
        w.misses += miss ? 1 : 0;
    }
    w.error = 0.5;
    QCOMPARE(w.formula(4),
             std::string("E = (1/m) Σ 𝟙(Rᵢ > 2) = (1/6)(0 + 1 + 0 + 1 + 1 + 0) = 3/6 = 0.5"));
    w.rows.resize(41);
    w.error = 3.0 / 41;
    QCOMPARE(w.formula(4), std::string("E = (1/m) Σ 𝟙(Rᵢ > 2) = (1/41) × 3 = 3/41 = 0.07317"));
}

void TestTopK::trainerRecordsEveryEpoch() {
    const Network net =
        test::layeredNetwork({2, 5, 3}, Activation::Tanh, Activation::Softmax, Loss::CrossEntropy);
    GeneratorOptions g;
    g.name = "three_blobs";
    g.points = 90;
    const auto data = fitDatasetToNetwork(generateDataset(g).value(), net);
    QVERIFY(data);
    auto split = std::make_shared<const DataSplit>(splitDataset(data.value(), SplitOptions{}));
    TrainingOptions options;
    options.epochs = 3;
    options.topK = {1, 2};
    const TrainingRun run = train(net, split, options);
    QCOMPARE(run.topK.size(), std::size_t(2));
    QCOMPARE(run.topK[1].k, 2);
    for (int e = 0; e < run.recordedEpochs(); ++e) {
        const Network at = withWeights(net, run.snapshots[static_cast<std::size_t>(e)]);
        QCOMPARE(run.topK[0].train[e], 1 - run.trainAccuracy[e]);
        QCOMPARE(run.topK[0].test[e], 1 - run.testAccuracy[e]);
        QCOMPARE(run.topK[1].validation[e], 1 - topKAccuracy(at, split->validation, 2));
    }
    // Regression records none, whatever the options ask.
    options.topK = {1};
    const Network sine = test::layeredNetwork({1, 4, 1}, Activation::Tanh, Activation::Identity,
                                              Loss::MeanSquaredError);
    g.name = "sine";
    const auto values = fitDatasetToNetwork(generateDataset(g).value(), sine);
    QVERIFY(values);
    QVERIFY(
        train(sine, std::make_shared<const DataSplit>(splitDataset(values.value(), {})), options)
            .topK.empty());
}

void TestTopK::listsAndProblems() {
    std::vector<int> ks;
    QVERIFY(parseTopKList("1,3", ks));
    QCOMPARE(ks, std::vector<int>({1, 3}));
    QVERIFY(parseTopKList(" 5 , 1", ks));
    QCOMPARE(ks, std::vector<int>({5, 1}));
    QVERIFY(!parseTopKList("1,x", ks));
    QVERIFY(!parseTopKList("1.5", ks));
    QVERIFY(!parseTopKList("", ks));
    QCOMPARE(defaultTopK(3), std::vector<int>({1}));
    QCOMPARE(defaultTopK(5), std::vector<int>({1, 5}));
    QCOMPARE(topKProblem({1, 3}, 3), std::string());
    QCOMPARE(topKProblem({4}, 3),
             std::string("k = 4 is not a rank of 3 classes (expected 1 to 3)"));
    QCOMPARE(topKProblem({0}, 3),
             std::string("k = 0 is not a rank of 3 classes (expected 1 to 3)"));
    QCOMPARE(topKProblem({2, 2}, 3), std::string("k = 2 is given twice"));
}

void TestTopK::marking() {
    TopKWorked w;
    w.k = 1;
    w.classes = 3;
    TopKRow row;
    row.sample = 1;
    row.truth = 1;
    row.scores = {0.4, 0.4, 0.2};
    row.rank = 2;
    row.miss = true;
    w.rows = {row};
    w.misses = 1;
    w.error = 1;
    const TopKCheck check = checkTopK(w, 0.0, {1}, Tolerance::sigFigs(3));
    QCOMPARE(check.wrong, 2);
    QCOMPARE(check.summary(), std::string("0 of 2 right; 2 wrong"));
    QVERIFY(check.marks[0].explanation.find("you gave the top-1 accuracy 1 − E") !=
            std::string::npos);
    QCOMPARE(check.marks[1].explanation,
             std::string("R₁ = 1 + 0 higher + 1 tied with a smaller class = 2 (class 1 scores "
                         "0.4)"));
    QVERIFY(checkTopK(w, 1.0, {2}, Tolerance::sigFigs(3)).allCorrect());
}

QTEST_GUILESS_MAIN(TestTopK)
#include "tst_top_k.moc"
