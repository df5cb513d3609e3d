// The optimizers of shared/spec/training.md: the first two updates of each on a
// 2-2-1 sigmoid network (binary cross-entropy, 4 samples, full batch) against
// tests/reference/optimizers.py, an independent NumPy implementation of the
// spec's table (including Adam without bias correction, the course sheets'
// formula); defaults, keys and the settings' checks.
#include "core/training/optimizer.h"
#include "core/training/trainer.h"

#include "support/training_networks.h"

#include <QtTest>

#include <cmath>

using namespace bpl;

namespace {

Network twoTwoOne() {
    Network net = test::layeredNetwork({2, 2, 1}, Activation::Sigmoid, Activation::Sigmoid,
                                       Loss::BinaryCrossEntropy);
    net.layers[1].weights << 0.1, -0.2, 0.4, 0.3;
    net.layers[1].bias << 0.05, -0.1;
    net.layers[2].weights << 0.5, -0.6;
    net.layers[2].bias << 0.2;
    return net;
}

Dataset fourSamples() {
    Dataset d;
    d.source = "xor4";
    d.inputs.resize(2, 4);
    d.inputs << 0, 1, 0, 1, 0, 0, 1, 1;
    d.targets.resize(1, 4);
    d.targets << 0, 1, 1, 0;
    d.classes = 2;
    d.labels = {0, 1, 1, 0};
    return d;
}

struct Expected {
    const char* name;
    int t;
    double values[9]; // W1 row-major, b1, W2, b2 after update t
};

// /usr/bin/python3 tests/reference/optimizers.py
const Expected kExpected[] = {
    {"sgd",
     1,
     {0.09925991337537513, -0.20065232862435012, 0.40022177950514987, 0.30000934783144817,
      0.04816069062365581, -0.09843965759918567, 0.49286089489501367, -0.6074120880805208,
      0.18586405833925584}},
    {"sgd",
     2,
     {0.09870815024272545, -0.20112315290719207, 0.4002384746298303, 0.2998121647489013,
      0.046691184472024805, -0.09727149625687981, 0.48712628814460074, -0.6132547851463568,
      0.17452262534818175}},
    {"momentum",
     1,
     {0.09992599133753752, -0.20006523286243502, 0.40002217795051503, 0.3000009347831448,
      0.04981606906236558, -0.09984396575991858, 0.4992860894895014, -0.600741208808052,
      0.1985864058339256}},
    {"momentum",
     2,
     {0.09978728052139393, -0.20018733814884246, 0.4000622880120652, 0.300000668191021,
      0.04947034148116633, -0.09955137621825366, 0.49794371395760434, -0.6021338287173993,
      0.1959285091468531}},
    {"rmsprop",
     1,
     {0.06837789898047304, -0.23162201013542366, 0.4316205222709441, 0.33156937858034397,
      0.018377495237142383, -0.06837754383755643, 0.4683772934349504, -0.6316227091444534,
      0.1683772587691074}},
    {"rmsprop",
     2,
     {0.06872405696111154, -0.23105019094796533, 0.40118109659605095, 0.29994837809557423,
      0.009456042456489521, -0.06836493192582599, 0.45947192961843236, -0.6383547856445128,
      0.1595558017219176}},
    {"adam",
     1,
     {0.09000006755920259, -0.2099999233521037, 0.4099997745559368, 0.30999465402533155,
      0.04000002718404241, -0.09000003204414606, 0.490000007003674, -0.6099999932542671,
      0.19000000353708182}},
    {"adam",
     2,
     {0.08029209914257329, -0.2197028846059071, 0.41390825092996336, 0.30276721942905876,
      0.030158943228062417, -0.08025392749732713, 0.48015428846077673, -0.6198307582094298,
      0.180149495046495}},
    {"adam_no_bias_correction",
     1,
     {0.0683839779211651, -0.23161511361068793, 0.4316002477486584, 0.3310967899874324,
      0.01837994157628163, -0.06838042749850903, 0.4683779237506981, -0.6316221020423304,
      0.16837757710266749}},
    {"adam_no_bias_correction",
     2,
     {0.040232671535504694, -0.2595626115797958, 0.4094051419221166, 0.2997497966461425,
      -0.017551573314283718, -0.039866042698836535, 0.43245574188643177, -0.665922485110277,
      0.13251478332320782}},
    {"adagrad",
     1,
     {6.75596543986412e-09, -0.29999999233515223, 0.4999999774550905, 0.39999946511944684,
      -0.04999999728158844, -3.204424767200287e-09, 0.4000000007003679, -0.6999999993254262,
      0.10000000035370832}},
    {"adagrad",
     2,
     {0.08727998714477868, -0.21272737634782204, 0.40026285470016, 0.29999985204836244,
      0.019473507175915186, -0.09226661241209289, 0.47439310885504826, -0.6144652504751706,
      0.1788623861324854}},
};

OptimizerSettings settingsFor(const QString& name) {
    OptimizerSettings s;
    if (name == "sgd") {
        s.kind = OptimizerKind::Sgd;
        s.learningRate = 0.5;
    } else if (name == "momentum") {
        s.kind = OptimizerKind::Momentum;
        s.learningRate = 0.5;
    } else if (name == "rmsprop") {
        s.kind = OptimizerKind::RmsProp;
        s.learningRate = 0.01;
    } else if (name.startsWith("adam")) {
        s.kind = OptimizerKind::Adam;
        s.learningRate = 0.01;
        s.biasCorrection = name == "adam";
    } else {
        s.kind = OptimizerKind::AdaGrad;
        s.learningRate = 0.1;
    }
    return s;
}

std::vector<double> flatten(const WeightSnapshot& s) {
    std::vector<double> v;
    for (std::size_t l = 1; l < s.weights.size(); ++l) {
        for (Eigen::Index i = 0; i < s.weights[l].rows(); ++i)
            for (Eigen::Index j = 0; j < s.weights[l].cols(); ++j)
                v.push_back(s.weights[l](i, j));
        for (Eigen::Index i = 0; i < s.bias[l].size(); ++i)
            v.push_back(s.bias[l](i));
    }
    return v;
}

} // namespace

class TestOptimizers : public QObject {
    Q_OBJECT
  private slots:
    void firstTwoUpdates_data();
    void firstTwoUpdates();
    void sgdByHand();
    void countsUpdates();
    void defaults();
    void keys();
    void problems_data();
    void problems();
};

void TestOptimizers::firstTwoUpdates_data() {
    QTest::addColumn<QString>("name");
    for (const char* name :
         {"sgd", "momentum", "rmsprop", "adam", "adam_no_bias_correction", "adagrad"})
        QTest::newRow(name) << QString(name);
}

void TestOptimizers::firstTwoUpdates() {
    QFETCH(QString, name);
    // Full batch, no shuffle: each epoch is one update with g = the mean gradient of the 4 samples.
    TrainingOptions o;
    o.optimizer = settingsFor(name);
    o.batchSize = 4;
    o.epochs = 2;
    o.shuffle = false;
    const TrainingRun run = train(twoTwoOne(), test::trainingOnly(fourSamples()), o);
    QCOMPARE(run.recordedEpochs(), 3);
    int checked = 0;
    for (const Expected& e : kExpected) {
        if (name != e.name)
            continue;
        const std::vector<double> got = flatten(run.snapshots[static_cast<std::size_t>(e.t)]);
        QCOMPARE(got.size(), std::size_t(9));
        for (int i = 0; i < 9; ++i) {
            QVERIFY2(std::abs(got[static_cast<std::size_t>(i)] - e.values[i]) < 1e-12,
                     qPrintable(QString("update %1, parameter %2: %3 vs %4")
                                    .arg(e.t)
                                    .arg(i)
                                    .arg(got[static_cast<std::size_t>(i)], 0, 'g', 17)
                                    .arg(e.values[i], 0, 'g', 17)));
        }
        ++checked;
    }
    QCOMPARE(checked, 2);
}

void TestOptimizers::sgdByHand() {
    // The output bias under SGD, worked by hand: b⁽²⁾ ← b⁽²⁾ − η · mean(yₙ − tₙ).
    const Network net = twoTwoOne();
    const Dataset d = fourSamples();
    double meanResidual = 0;
    for (int n = 0; n < 4; ++n) {
        const double z1 = 1 / (1 + std::exp(-(0.1 * d.inputs(0, n) - 0.2 * d.inputs(1, n) + 0.05)));
        const double z2 = 1 / (1 + std::exp(-(0.4 * d.inputs(0, n) + 0.3 * d.inputs(1, n) - 0.1)));
        const double y = 1 / (1 + std::exp(-(0.5 * z1 - 0.6 * z2 + 0.2)));
        meanResidual += (y - d.targets(0, n)) / 4;
    }
    OptimizerSettings s;
    s.learningRate = 0.5;
    OptimizerState state = zeroOptimizerState(net);
    Network updated = net;
    applyOptimizer(s, state, updated, batchedGradients(net, d.inputs, d.targets).gradients);
    QVERIFY(std::abs(updated.layers[2].bias(0) - (0.2 - 0.5 * meanResidual)) < 1e-15);
}

void TestOptimizers::countsUpdates() {
    const Network net = twoTwoOne();
    OptimizerState state = zeroOptimizerState(net);
    QCOMPARE(state.t, 0L);
    QCOMPARE(state.mWeights[1].rows(), Eigen::Index(2));
    QCOMPARE(state.vBias[2].size(), Eigen::Index(1));
    Network w = net;
    OptimizerSettings adam;
    adam.kind = OptimizerKind::Adam;
    const Gradients g =
        batchedGradients(net, fourSamples().inputs, fourSamples().targets).gradients;
    applyOptimizer(adam, state, w, g);
    applyOptimizer(adam, state, w, g);
    QCOMPARE(state.t, 2L);
    // m after two equal gradients: (1 − β₁)g + β₁(1 − β₁)g = 0.19 g.
    QVERIFY(std::abs(state.mBias[2](0) - 0.19 * g.bias[2](0)) < 1e-17);
    // A state of the wrong shape starts afresh instead of reading out of bounds.
    OptimizerState empty;
    applyOptimizer(adam, empty, w, g);
    QCOMPARE(empty.t, 1L);
}

void TestOptimizers::defaults() {
    OptimizerSettings s;
    QCOMPARE(s.effectiveEpsilon(), 1e-8);
    s.kind = OptimizerKind::AdaGrad;
    QCOMPARE(s.effectiveEpsilon(), 1e-10);
    s.epsilon = 0.5;
    QCOMPARE(s.effectiveEpsilon(), 0.5);
    const OptimizerSettings d;
    QCOMPARE(d.beta, 0.9);
    QCOMPARE(d.beta1, 0.9);
    QCOMPARE(d.beta2, 0.999);
    QVERIFY(d.biasCorrection);
}

void TestOptimizers::keys() {
    QCOMPARE(allOptimizers().size(), std::size_t(5));
    for (OptimizerKind kind : allOptimizers())
        QVERIFY(optimizerFromKey(optimizerKey(kind)) == kind);
    QCOMPARE(optimizerKey(OptimizerKind::RmsProp), std::string("rmsprop"));
    QCOMPARE(optimizerTitle(OptimizerKind::AdaGrad), std::string("AdaGrad"));
    QVERIFY(!optimizerFromKey("Adam"));
}

void TestOptimizers::problems_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fine") << ""
                          << "";
    QTest::newRow("η 0") << "eta=0"
                         << "learning rate η must be a finite number greater than 0, found 0";
    QTest::newRow("η nan") << "eta=nan"
                           << "learning rate η must be a finite number greater than 0, found nan";
    QTest::newRow("momentum β 1") << "momentum beta=1"
                                  << "β must be a number from 0 up to (not including) 1, found 1";
    QTest::newRow("adam β₂ −0.1") << "adam beta2=-0.1"
                                  << "β₂ must be";
    QTest::newRow("sgd ignores β") << "sgd beta=7"
                                   << "";
    QTest::newRow("ε inf") << "eps=inf"
                           << "ε must be a finite number";
}

void TestOptimizers::problems() {
    QFETCH(QString, change);
    QFETCH(QString, expected);
    OptimizerSettings s;
    if (change.startsWith("momentum"))
        s.kind = OptimizerKind::Momentum;
    if (change.startsWith("adam"))
        s.kind = OptimizerKind::Adam;
    const double value = change.contains("nan")   ? std::nan("")
                         : change.contains("inf") ? HUGE_VAL
                                                  : change.section('=', 1).toDouble();
    if (change.startsWith("eta"))
        s.learningRate = value;
    if (change.contains("beta="))
        s.beta = value;
    if (change.contains("beta2="))
        s.beta2 = value;
    if (change.startsWith("eps"))
        s.epsilon = value;
    const QString problem = QString::fromStdString(optimizerProblem(s));
    if (expected.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.startsWith(expected), qPrintable(problem));
}

QTEST_APPLESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
