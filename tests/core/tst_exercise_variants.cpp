// Exercise variants of networks (core/exercise): variant codes round trip and
// bad codes are refused with reasons; the same number gives the same variant,
// another number another one; over 1,000 numbers of three networks every drawn
// number has at most the stated decimals (checked here, not with the
// generator's own helper), lies in its range, no unit is saturated and every
// value of the trace survives rounding at the sheet's precision; a template
// with no hand-workable variant gives the clear error; one variant is compared
// with tests/reference/exercise_variant.py (an independent Python drawing and
// NumPy forward/backward pass).
#include "core/exercise/network_variant.h"
#include "core/exercise/variant_code.h"
#include "core/gradient_check.h"
#include "core/trace.h"
#include "support/exercise_networks.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace bpl;
using namespace bpl::exercise;

namespace {

// value × 10^d is an integer within 1e-9.
bool atMostDecimals(double value, int d) {
    const double scaled = value * std::pow(10.0, d);
    return std::abs(scaled - std::round(scaled)) <= 1e-9;
}

bool sameValues(const Network& x, const Network& y) {
    for (int l = 1; l < x.layerCount(); ++l)
        if (x.layers[l].weights != y.layers[l].weights || x.layers[l].bias != y.layers[l].bias)
            return false;
    return x.sample.input == y.sample.input && x.sample.target == y.sample.target;
}

// Asserts every rule of the issue on one variant, independently of handWorkabilityProblems.
void assertHandWorkable(const Network& v, const NetworkTemplate& t, std::uint32_t number) {
    const QByteArray at = QByteArray("variant ") + QByteArray::number(number);
    for (int l = 1; l < v.layerCount(); ++l) {
        const Layer& layer = v.layers[l];
        for (Eigen::Index k = 0; k < layer.weights.size(); ++k) {
            const double w = layer.weights.data()[k];
            QVERIFY2(atMostDecimals(w, t.weights.decimals), at);
            QVERIFY2(w >= t.weights.min && w <= t.weights.max, at);
        }
        for (Eigen::Index k = 0; k < layer.bias.size(); ++k) {
            QVERIFY2(atMostDecimals(layer.bias(k), t.biases.decimals), at);
            QVERIFY2(layer.bias(k) >= t.biases.min && layer.bias(k) <= t.biases.max, at);
        }
    }
    for (Eigen::Index k = 0; k < v.sample.input.size(); ++k) {
        QVERIFY2(atMostDecimals(v.sample.input(k), t.inputs.decimals), at);
        QVERIFY2(v.sample.input(k) >= t.inputs.min && v.sample.input(k) <= t.inputs.max, at);
    }
    for (Eigen::Index k = 0; k < v.sample.target.size(); ++k)
        QVERIFY2(v.sample.target(k) == 0 || v.sample.target(k) == 1, at);
    if (v.loss == Loss::CrossEntropy)
        QCOMPARE(v.sample.target.sum(), 1.0);
    // No saturated unit: every pre-activation of a forward pass.
    const ForwardPass pass = forward(v, v.sample.input);
    for (int l = 1; l < v.layerCount(); ++l)
        for (Eigen::Index i = 0; i < pass.a[l].size(); ++i)
            QVERIFY2(std::abs(pass.a[l](i)) <= t.maxAbsActivation, at);
    // Every scalar the trace works out (a, z, E, δ, ∂E/∂w, ∂E/∂b, new w, new b)
    // keeps a digit at the sheet's precision.
    const Trace trace = traceNetwork(v);
    int scalars = 0;
    for (const Step& step : trace.steps)
        for (const ScalarFormula& f : step.scalars) {
            ++scalars;
            QVERIFY2(std::isfinite(f.value) &&
                         std::abs(f.value) >= std::pow(10.0, -t.answerDecimals),
                     at + " " + QByteArray::fromStdString(f.ref.describe()));
        }
    QVERIFY(scalars > 0);
    // Backpropagation still agrees with central differences.
    QVERIFY2(checkGradients(v, v.sample).maxRelativeError < 1e-5, at);
}

} // namespace

class TestExerciseVariants : public QObject {
    Q_OBJECT
  private slots:
    void codesRoundTrip();
    void codesAreReadForgivingly();
    void badCodesAreRefusedWithReasons();
    void shapeMismatchNamesBothShapes();
    void classNumbersAreDistinctAndStable();
    void sameNumberSameVariant();
    void differentNumbersDiffer();
    void propertyOverThousandVariants_data();
    void propertyOverThousandVariants();
    void fixedParametersKeepTheirValues();
    void tooTightTemplateGivesClearError();
    void badTemplatesAreRefused();
    void matchesIndependentReference();
    void askedRefsFollowTheQuestions();
    void problemsAreNamed();
};

void TestExerciseVariants::codesRoundTrip() {
    QCOMPARE(formatVariantNumber(0), std::string("0000"));
    QCOMPARE(formatVariantNumber(31), std::string("000Z"));
    QCOMPARE(formatVariantNumber(32), std::string("0010"));
    // 7F3K = 7·32³ + 15·32² + 3·32 + 19 (K has value 19: 0–9, then A … H = 10 … 17, J = 18, K =
    // 19).
    QCOMPARE(formatVariantNumber(7 * 32768 + 15 * 1024 + 3 * 32 + 19), std::string("7F3K"));
    QCOMPARE(formatVariantNumber(kVariantNumberCount - 1), std::string("ZZZZ"));
    for (std::uint32_t n : {0u, 1u, 31u, 32u, 1000u, 244851u, 1048575u}) {
        const VariantCode code{"3-2-1", n};
        const auto text = formatVariantCode(code);
        const auto back = parseVariantCode(text);
        QVERIFY2(back.ok(), text.c_str());
        QCOMPARE(back.value().shape, std::string("3-2-1"));
        QCOMPARE(back.value().number, n);
    }
    for (const char* shape : {"chain", "conv4x4-2x2", "2-3-3", "64-32-10"}) {
        const auto back = parseVariantCode(formatVariantCode({shape, 12345}));
        QVERIFY(back.ok());
        QCOMPARE(back.value().shape, std::string(shape));
        QCOMPARE(back.value().number, 12345u);
    }
}

void TestExerciseVariants::codesAreReadForgivingly() {
    const std::uint32_t n = 7 * 32768 + 15 * 1024 + 3 * 32 + 19;
    for (const char* text :
         {"3-2-1/7F3K", "3-2-1/7f3k", " 3-2-1/7F-3K ", "3-2-1/7F 3K", "3-2-1 / 7f3k"}) {
        const auto code = parseVariantCode(text);
        QVERIFY2(code.ok(), text);
        QCOMPARE(code.value().number, n);
    }
    // I and L read as 1, O as 0 (Crockford).
    QCOMPARE(parseVariantCode("2-2-1/OOIL").value().number, 32u + 1u);
    QCOMPARE(parseVariantCode("CONV4X4-2X2/0001").value().shape, std::string("conv4x4-2x2"));
}

void TestExerciseVariants::badCodesAreRefusedWithReasons() {
    struct Case {
        const char* text;
        const char* reason;
    };
    const Case cases[] = {
        {"", "empty"},
        {"7F3K", "no '/'"},
        {"3-2-1/7F3", "4 digits, found 3"},
        {"3-2-1/7F3KK", "found more"},
        {"3-2-1/7F3U", "U is not a base-32 digit"},
        {"3-2-1/7F!K", "! is not a base-32 digit"},
        {"3-x-1/7F3K", "is not an exercise shape"},
        {"3/7F3K", "is not an exercise shape"},
        {"conv4-2/7F3K", "is not an exercise shape"},
    };
    for (const Case& c : cases) {
        const auto code = parseVariantCode(c.text);
        QVERIFY2(!code.ok(), c.text);
        QCOMPARE(code.error().place, std::string("variant"));
        QVERIFY2(code.error().reason.find(c.reason) != std::string::npos,
                 code.error().reason.c_str());
    }
}

void TestExerciseVariants::shapeMismatchNamesBothShapes() {
    const auto problem =
        variantShapeProblem({"2-2-1", 7 * 32768 + 15 * 1024 + 3 * 32 + 19}, "3-2-1");
    QVERIFY(problem.has_value());
    QCOMPARE(problem->reason,
             std::string("code 2-2-1/7F3K is for a 2-2-1 network; this exercise is 3-2-1"));
    QVERIFY(!variantShapeProblem({"3-2-1", 5}, "3-2-1").has_value());
    const auto refused = networkVariant(test::sheet5(), defaultNetworkTemplate(test::sheet5()),
                                        VariantCode{"chain", 1});
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().reason.find("chain-rule exercise; this exercise is 3-2-1") !=
            std::string::npos);
}

void TestExerciseVariants::classNumbersAreDistinctAndStable() {
    const auto thirty = classVariantNumbers(1, 30);
    QCOMPARE(thirty.size(), std::size_t(30));
    QCOMPARE(std::set<std::uint32_t>(thirty.begin(), thirty.end()).size(), std::size_t(30));
    for (auto n : thirty)
        QVERIFY(n < kVariantNumberCount);
    // Student k's number depends only on the seed and k: a longer class starts the same.
    const auto forty = classVariantNumbers(1, 40);
    QVERIFY(std::equal(thirty.begin(), thirty.end(), forty.begin()));
    // The first number is SplitMix64(1)'s first output mod 2^20.
    SplitMix64 random(1);
    QCOMPARE(thirty.front(), static_cast<std::uint32_t>(random.next() % kVariantNumberCount));
    QVERIFY(classVariantNumbers(2, 30) != thirty);
    // Numbers the exercise does not admit are skipped.
    const auto notSevens = classVariantNumbers(1, 10, [](std::uint32_t n) { return n % 7 != 0; });
    QCOMPARE(notSevens.size(), std::size_t(10));
    for (auto n : notSevens)
        QVERIFY(n % 7 != 0);
    // A template that admits nothing is given up after its first number (whose
    // kMaxVariantAttempts draws already failed), not after 64·5 + 4096 numbers.
    int asked = 0;
    QVERIFY(classVariantNumbers(1, 5, [&](std::uint32_t) {
                ++asked;
                return false;
            }).empty());
    QCOMPARE(asked, 1);
    // …and as soon as more numbers were refused than admitted.
    asked = 0;
    const auto few = classVariantNumbers(1, 5, [&](std::uint32_t) { return ++asked == 1; });
    QCOMPARE(few.size(), std::size_t(1));
    QCOMPARE(asked, 3);
}

void TestExerciseVariants::sameNumberSameVariant() {
    const Network exercise = test::sheet5();
    const NetworkTemplate t = defaultNetworkTemplate(exercise);
    for (std::uint32_t n : {0u, 1u, 77u, 123456u}) {
        const auto a = networkVariant(exercise, t, n);
        const auto b = networkVariant(exercise, t, n);
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().reason.c_str());
        QVERIFY(b.ok());
        QVERIFY(sameValues(a.value(), b.value()));
        // Only the values change: structure, loss and learning rate stay.
        QCOMPARE(networkShape(a.value()), std::string("3-2-1"));
        QCOMPARE(a.value().learningRate, exercise.learningRate);
        QCOMPARE(a.value().loss, exercise.loss);
    }
}

void TestExerciseVariants::differentNumbersDiffer() {
    const Network exercise = test::sheet5();
    const NetworkTemplate t = defaultNetworkTemplate(exercise);
    std::vector<Network> variants;
    for (std::uint32_t n = 0; n < 20; ++n)
        variants.push_back(networkVariant(exercise, t, n).value());
    for (std::size_t x = 0; x < variants.size(); ++x)
        for (std::size_t y = x + 1; y < variants.size(); ++y)
            QVERIFY(!sameValues(variants[x], variants[y]));
}

void TestExerciseVariants::propertyOverThousandVariants_data() {
    QTest::addColumn<int>("which");
    QTest::newRow("3-2-1 sigmoid, binary cross-entropy") << 0;
    QTest::newRow("2-2-1 sigmoid, half squared error") << 1;
    QTest::newRow("2-3-3 tanh/softmax, cross-entropy") << 2;
}

void TestExerciseVariants::propertyOverThousandVariants() {
    QFETCH(int, which);
    const Network exercise = which == 0   ? test::sheet5()
                             : which == 1 ? test::twoTwoOne()
                                          : test::softmaxNet();
    const NetworkTemplate t = defaultNetworkTemplate(exercise);
    int targetOnes = 0;
    for (std::uint32_t n = 0; n < 1000; ++n) {
        const auto v = networkVariant(exercise, t, n * 1021 + 7); // spread over the code space
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().reason.c_str());
        assertHandWorkable(v.value(), t, n);
        if (QTest::currentTestFailed())
            return;
        targetOnes += v.value().sample.target(0) == 1 ? 1 : 0;
    }
    // Both targets occur (the draw is not stuck on one value).
    QVERIFY(targetOnes > 50 && targetOnes < 950);
}

void TestExerciseVariants::fixedParametersKeepTheirValues() {
    const Network exercise = test::sheet5();
    NetworkTemplate t = defaultNetworkTemplate(exercise);
    t.fixed = {{ParameterKind::Weights, 1, 0, -1}, {ParameterKind::Input, 0, -1, -1}};
    t.maxAbsActivation = 4; // the file's input 3 gives a larger a
    for (std::uint32_t n = 0; n < 50; ++n) {
        const auto v = networkVariant(exercise, t, n);
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().reason.c_str());
        QCOMPARE(Eigen::MatrixXd(v.value().layers[1].weights.row(0)),
                 Eigen::MatrixXd(exercise.layers[1].weights.row(0)));
        QCOMPARE(v.value().sample.input, exercise.sample.input);
        QVERIFY(handWorkabilityProblems(v.value(), t, &exercise).empty());
    }
}

void TestExerciseVariants::tooTightTemplateGivesClearError() {
    const Network exercise = test::sheet5();
    NetworkTemplate t = defaultNetworkTemplate(exercise);
    t.inputs = NumberRange{0, 0, 1, {}}; // every ∂E/∂w⁽¹⁾ = δ·0 = 0
    const auto v = networkVariant(exercise, t, 5);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().reason, std::string(kNoVariantReason));
    QCOMPARE(v.error().reason, std::string("the template's ranges admit no hand-workable variant"));
}

void TestExerciseVariants::badTemplatesAreRefused() {
    const Network exercise = test::sheet5();
    NetworkTemplate t = defaultNetworkTemplate(exercise);
    t.weights = NumberRange{2, 1, 1, {}};
    auto v = networkVariant(exercise, t, 1);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().place, std::string("variants"));
    QCOMPARE(v.error().reason, std::string("weights: min 2 is above max 1"));
    t = defaultNetworkTemplate(exercise);
    t.biases = NumberRange{0.01, 0.04, 1, {}};
    QVERIFY(networkVariant(exercise, t, 1).error().reason.find("no number with 1 decimal") !=
            std::string::npos);
    t = defaultNetworkTemplate(exercise);
    t.fixed = {{ParameterKind::Bias, 3, 0, -1}};
    QVERIFY(networkVariant(exercise, t, 1).error().reason.find("layer 3 has no bias") !=
            std::string::npos);
    // 20·10 + 10 + 10 + 1 = 221 weights and biases: not an exercise by hand.
    Network large = test::twoTwoOne();
    Layer input;
    input.size = 20;
    large.layers = {input, test::denseLayer(10, 20, Activation::Sigmoid),
                    test::denseLayer(1, 10, Activation::Sigmoid)};
    large.sample.input = Eigen::VectorXd::Zero(20);
    QCOMPARE(networkVariant(large, defaultNetworkTemplate(large), 1).error().reason,
             std::string("a network with 221 weights and biases is too large for a hand-worked "
                         "exercise (at most 200)"));
    t = defaultNetworkTemplate(exercise);
    t.answerDecimals = 12;
    QVERIFY(networkVariant(exercise, t, 1).error().reason.find("answer_decimals") !=
            std::string::npos);
}

void TestExerciseVariants::matchesIndependentReference() {
    // tests/reference/exercise_variant.py: the 2-2-1 network's variant 0 drawn by
    // an independent Python SplitMix64 in the documented order (W⁽¹⁾ row-major,
    // b⁽¹⁾, W⁽²⁾, b⁽²⁾, input, target: k/10 for k = −10 + below(21), target
    // values[below(2)]), accepted at its first draw, and worked with NumPy.
    const Network exercise = test::twoTwoOne();
    const auto v = networkVariant(exercise, defaultNetworkTemplate(exercise), 0);
    QVERIFY(v.ok());
    const Network& n = v.value();
    Eigen::MatrixXd w1(2, 2);
    w1 << 0.6, 0.5, 0.6, -0.6;
    QCOMPARE(n.layers[1].weights, w1);
    QCOMPARE(n.layers[1].bias, Eigen::VectorXd(Eigen::Vector2d(0.6, -0.1)));
    Eigen::MatrixXd w2(1, 2);
    w2 << -0.2, -0.8;
    QCOMPARE(n.layers[2].weights, w2);
    QCOMPARE(n.layers[2].bias(0), -0.2);
    QCOMPARE(n.sample.input, Eigen::VectorXd(Eigen::Vector2d(-0.5, 0.9)));
    QCOMPARE(n.sample.target(0), 0.0);
    // By hand: a₁⁽¹⁾ = 0.6·(−0.5) + 0.5·0.9 + 0.6 = 0.75, a₂⁽¹⁾ = 0.6·(−0.5) − 0.6·0.9 − 0.1 =
    // −0.94; the rest from NumPy.
    const Trace trace = traceNetwork(n);
    auto value = [&](Quantity q, int layer, int i, int j = -1) {
        return *trace.valueOf({q, layer, i, j});
    };
    QVERIFY(std::abs(value(Quantity::A, 1, 0) - 0.75) < 1e-12);
    QVERIFY(std::abs(value(Quantity::A, 1, 1) + 0.94) < 1e-12);
    QVERIFY(std::abs(value(Quantity::Z, 2, 0) - 0.363418818593) < 1e-11);
    QVERIFY(std::abs(value(Quantity::Loss, 0, 0) - 0.0660366188539) < 1e-12);
    QVERIFY(std::abs(value(Quantity::Delta, 2, 0) - 0.0840753376923) < 1e-12);
    QVERIFY(std::abs(value(Quantity::Delta, 1, 1) + 0.0135862611463) < 1e-12);
    QVERIFY(std::abs(value(Quantity::GradWeights, 1, 0, 0) - 0.0018319595182) < 1e-12);
    QVERIFY(std::abs(value(Quantity::GradWeights, 2, 0, 1) - 0.0236167911606) < 1e-12);
    QVERIFY(std::abs(value(Quantity::NewWeights, 1, 1, 1) + 0.593886182484) < 1e-11);
    QVERIFY(std::abs(value(Quantity::NewBias, 2, 0) + 0.242037668846) < 1e-11);
}

void TestExerciseVariants::askedRefsFollowTheQuestions() {
    const Network net = test::sheet5();
    NetworkTemplate t = defaultNetworkTemplate(net);
    // a 2+1, z 2+1, E, δ 2+1, ∂E/∂w 6+2, ∂E/∂b 2+1, new w 6+2, new b 2+1: 32, as on the course's
    // sheet.
    const auto all = askedQuantityRefs(net, t);
    QCOMPARE(all.size(), std::size_t(32));
    QCOMPARE(all.front(), (QuantityRef{Quantity::A, 1, 0, -1}));
    QCOMPARE(all.back(), (QuantityRef{Quantity::NewBias, 2, 0, -1}));
    t.questions = {Quantity::Output, Quantity::GradWeights};
    const auto some = askedQuantityRefs(net, t);
    QCOMPARE(some.size(), std::size_t(1 + 8));
    QCOMPARE(some.front(), (QuantityRef{Quantity::Z, 2, 0, -1}));
    QCOMPARE(some[2], (QuantityRef{Quantity::GradWeights, 1, 0, 1}));
}

void TestExerciseVariants::problemsAreNamed() {
    const NetworkTemplate t = defaultNetworkTemplate(test::sheet5());
    auto contains = [](const std::vector<std::string>& problems, const std::string& text) {
        for (const auto& p : problems)
            if (p.find(text) != std::string::npos)
                return true;
        return false;
    };
    Network n = test::sheet5();
    n.sample.input = Eigen::Vector3d(0.5, 0.2, -0.1);
    n.layers[1].bias = Eigen::Vector2d(0.1, -0.1);
    n.layers[2].bias(0) = 0.1;
    n.layers[1].weights(1, 1) = 0.4;
    const auto none = handWorkabilityProblems(n, t);
    QVERIFY2(none.empty(), none.empty() ? "" : none.front().c_str());
    Network decimals = n;
    decimals.layers[1].weights(0, 0) = 0.15;
    QVERIFY(contains(handWorkabilityProblems(decimals, t),
                     "weights[1][1,1] = 0.15 has more than 1 decimals"));
    Network outside = n;
    outside.sample.input(0) = 3;
    QVERIFY(contains(handWorkabilityProblems(outside, t), "input[1] = 3 lies outside [-1, 1]"));
    Network saturated = n;
    saturated.layers[2].bias(0) = 1; // within range, but with a weight of 1 …
    saturated.layers[2].weights << 1, 1;
    saturated.layers[1].bias << 1, 1;
    saturated.layers[1].weights.setConstant(1);
    saturated.sample.input << 1, 1, 1;
    QVERIFY(contains(handWorkabilityProblems(saturated, t), "(a saturated unit)"));
    Network vanishing = n;
    vanishing.sample.input(1) = 0; // ∂E/∂w₁₂⁽¹⁾ = δ₁⁽¹⁾ · 0
    QVERIFY(contains(handWorkabilityProblems(vanishing, t), "rounds to 0 at 4 decimals"));
}

QTEST_APPLESS_MAIN(TestExerciseVariants)
#include "tst_exercise_variants.moc"
