// Exercise files (docs/formats/): the network file's `variants` template
// loads, survives a save and is refused with file: place: reason when bad;
// answer files of both formats carry `variant` and `student` (read, written
// back in canonical spelling, unknown keys kept); maths exercise files
// (backprop-lab.exercise/1) load and round-trip; and exerciseForAnswers
// rebuilds the variant an answer sheet names: a key of variant n's exact
// values is all correct against it and has wrong answers against n + 1.
#include "core/answer_check.h"
#include "core/trace.h"
#include "io/answers_file.h"
#include "io/exercise_answers.h"
#include "io/exercise_file.h"
#include "io/maths_answers.h"
#include "io/network_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl;
using namespace bpl::exercise;

namespace {

const QString kExamples = QStringLiteral(BPL_SOURCE_DIR "/resources/examples");

io::NetworkDocument exerciseDocument() {
    const auto loaded = io::loadNetwork(kExamples + "/sheet5_321_exercise.json");
    if (!loaded)
        qFatal("%s", loaded.error().message().c_str());
    return loaded.value();
}

QByteArray withTemplate(const QByteArray& variants) {
    QFile f(kExamples + "/sheet5_321_sigmoid.json");
    f.open(QIODevice::ReadOnly);
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    root["variants"] = QJsonDocument::fromJson("{\"v\": " + variants + "}").object().value("v");
    return QJsonDocument(root).toJson();
}

// Every value of the trace as an answer (the key of a variant).
std::vector<Answer> keyOf(const Network& network) {
    const Trace trace = traceNetwork(network);
    std::vector<Answer> key;
    for (const Step& step : trace.steps)
        for (const ScalarFormula& f : step.scalars)
            key.push_back({f.ref, f.value});
    return key;
}

} // namespace

class TestExerciseFiles : public QObject {
    Q_OBJECT
  private slots:
    void templateLoads();
    void fileWithoutTemplateUsesDefaults();
    void templateSurvivesSave();
    void badTemplatesAreRefused_data();
    void badTemplatesAreRefused();
    void answersCarryVariantAndStudent();
    void badVariantInAnswersIsRefused();
    void mathsAnswersCarryVariantAndRoundTrip();
    void mathsExercisesLoadAndRoundTrip();
    void badMathsExercisesAreRefused_data();
    void badMathsExercisesAreRefused();
    void exerciseForAnswersRebuildsTheVariant();
    void keyOfVariantFailsForTheNeighbour();
    void mathsKeyOfVariantFailsForTheNeighbour();
};

void TestExerciseFiles::templateLoads() {
    const io::NetworkDocument doc = exerciseDocument();
    QVERIFY(doc.variants.has_value());
    const NetworkTemplate& t = *doc.variants;
    QCOMPARE(t.weights, (NumberRange{-1, 1, 1, {}}));
    QCOMPARE(t.biases, (NumberRange{-0.5, 0.5, 1, {}}));
    QCOMPARE(t.targets.values, (std::vector<double>{0, 1}));
    QCOMPARE(t.maxAbsActivation, 2.5);
    QCOMPARE(t.answerDecimals, 4);
    QCOMPARE(t.questions.size(), std::size_t(8));
    QCOMPARE(t.questions[0], Quantity::A);
    QCOMPARE(t.questions[7], Quantity::NewBias);
    // Fixed parameters in file numbering, 1-based indices.
    const auto parsed = io::parseNetwork(
        withTemplate(
            R"({"fixed": [{"parameter": "weights", "layer": 1, "index": [2, 3]}, {"parameter": "input"}]})"),
        "f.json");
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message().c_str());
    const auto& fixed = parsed.value().variants->fixed;
    QCOMPARE(fixed.size(), std::size_t(2));
    QCOMPARE(fixed[0], (FixedParameter{ParameterKind::Weights, 1, 1, 2}));
    QCOMPARE(fixed[1], (FixedParameter{ParameterKind::Input, 0, -1, -1}));
}

void TestExerciseFiles::fileWithoutTemplateUsesDefaults() {
    const auto loaded = io::loadNetwork(kExamples + "/sheet5_321_sigmoid.json");
    QVERIFY(loaded.ok());
    QVERIFY(!loaded.value().variants.has_value());
    QCOMPARE(io::networkTemplateOf(loaded.value()), defaultNetworkTemplate(loaded.value().network));
    // A network file saved without a template stays without one.
    QVERIFY(!io::networkToJson(loaded.value()).contains("variants"));
}

void TestExerciseFiles::templateSurvivesSave() {
    io::NetworkDocument doc = exerciseDocument();
    doc.original["unknown_key"] = "kept";
    doc.variants->weights.max = 0.8;
    QTemporaryDir dir;
    const QString path = dir.filePath("saved.json");
    QVERIFY(io::saveNetwork(doc, path).ok());
    const auto again = io::loadNetwork(path);
    QVERIFY(again.ok());
    QVERIFY(again.value().variants.has_value());
    QCOMPARE(again.value().variants->weights.max, 0.8);
    QCOMPARE(*again.value().variants, *doc.variants);
    QCOMPARE(again.value().original.value("unknown_key").toString(), QString("kept"));
    // Keys the file left out stay out (defaults are not written).
    const auto minimal = io::parseNetwork(withTemplate(R"({"answer_decimals": 3})"), "m.json");
    QVERIFY(minimal.ok());
    const QJsonObject written = io::networkToJson(minimal.value()).value("variants").toObject();
    QCOMPARE(written.keys(), QStringList{"answer_decimals"});
    QCOMPARE(written.value("answer_decimals").toInt(), 3);
}

void TestExerciseFiles::badTemplatesAreRefused_data() {
    QTest::addColumn<QByteArray>("variants");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object")
        << QByteArray("[1]") << "bad.json: variants: expected an object, found an array";
    QTest::newRow("unknown key")
        << QByteArray(R"({"weight": {}})")
        << "bad.json: variants: unknown key \"weight\" (expected weights, biases, inputs, "
           "targets, fixed, max_abs_activation, answer_decimals, significant_figures, "
           "questions)";
    QTest::newRow("decimals")
        << QByteArray(R"({"weights": {"decimals": 9}})")
        << "bad.json: variants.weights.decimals: expected a whole number from 0 to 6, found 9";
    QTest::newRow("min above max") << QByteArray(R"({"biases": {"min": 2, "max": 1}})")
                                   << "bad.json: variants: biases: min 2 is above max 1";
    QTest::newRow("values and range") << QByteArray(R"({"targets": {"values": [0, 1], "min": 0}})")
                                      << "bad.json: variants.targets: give either \"values\" or "
                                         "\"min\"/\"max\"/\"decimals\", not both";
    QTest::newRow("fixed layer")
        << QByteArray(R"({"fixed": [{"parameter": "bias", "layer": 5}]})")
        << "bad.json: variants.fixed[0].layer: expected a whole number from 1 to 2, found 5";
    QTest::newRow("fixed index") << QByteArray(
                                        R"({"fixed": [{"parameter": "input", "index": [4]}]})")
                                 << "bad.json: variants: fixed[0]: index 4 is out of range (1 … 3)";
    QTest::newRow("question")
        << QByteArray(R"({"questions": ["a", "gradient"]})")
        << "bad.json: variants.questions[1]: expected a, z, output, loss, delta, grad_weights, "
           "grad_bias, new_weights or new_bias, found a string (\"gradient\")";
    QTest::newRow("limit") << QByteArray(R"({"max_abs_activation": -1})")
                           << "bad.json: variants: max_abs_activation must be a positive number";
}

void TestExerciseFiles::badTemplatesAreRefused() {
    QFETCH(QByteArray, variants);
    QFETCH(QString, message);
    const auto parsed = io::parseNetwork(withTemplate(variants), "bad.json");
    QVERIFY(!parsed.ok());
    QCOMPARE(QString::fromStdString(parsed.error().message()), message);
}

void TestExerciseFiles::answersCarryVariantAndStudent() {
    const QByteArray bytes =
        R"({"format": "backprop-lab.answers/1", "variant": "3-2-1/7f-3k", "student": "Ada Lovelace",
        "mark": 7, "answers": [{"quantity": "loss", "value": 0.5}]})";
    const auto sheet = io::parseAnswers(bytes, "a.json");
    QVERIFY(sheet.ok());
    QCOMPARE(sheet.value().variant, QString("3-2-1/7F3K")); // canonical spelling
    QCOMPARE(sheet.value().student, QString("Ada Lovelace"));
    QTemporaryDir dir;
    QVERIFY(io::saveAnswers(sheet.value(), dir.filePath("a.json")).ok());
    const auto again = io::loadAnswers(dir.filePath("a.json"));
    QVERIFY(again.ok());
    QCOMPARE(again.value().variant, QString("3-2-1/7F3K"));
    QCOMPARE(again.value().student, QString("Ada Lovelace"));
    QCOMPARE(again.value().original.value("mark").toInt(), 7);
    // Without the keys, none are written.
    io::AnswerSheet plain = sheet.value();
    plain.variant.clear();
    plain.student.clear();
    const QJsonObject json = io::answersToJson(plain);
    QVERIFY(!json.contains("variant") && !json.contains("student"));
}

void TestExerciseFiles::badVariantInAnswersIsRefused() {
    const auto bad = io::parseAnswers(
        R"({"format": "backprop-lab.answers/1", "variant": "3-2-1/7F3U", "answers": []})",
        "a.json");
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.error().message()),
             QString("a.json: variant: '3-2-1/7F3U': '7F3U': U is not a base-32 digit (0-9 and A-Z "
                     "without I, L, O, "
                     "U)"));
    const auto notText = io::parseAnswers(
        R"({"format": "backprop-lab.answers/1", "student": 3, "answers": []})", "a.json");
    QCOMPARE(QString::fromStdString(notText.error().message()),
             QString("a.json: student: expected the student's name, found a number"));
}

void TestExerciseFiles::mathsAnswersCarryVariantAndRoundTrip() {
    const QByteArray bytes =
        R"({"format": "backprop-lab.maths-answers/1", "variant": "conv4x4-2x2/00AB",
        "student": "Grace", "note": "kept", "answers": [
        {"quantity": "output", "index": [1, 2], "value": 9, "mine": true},
        {"quantity": "grad", "node": "x", "value": 0.5}]})";
    const auto sheet = io::parseMathsAnswers(bytes, "m.json");
    QVERIFY(sheet.ok());
    QCOMPARE(sheet.value().variant, QString("conv4x4-2x2/00AB"));
    QCOMPARE(sheet.value().student, QString("Grace"));
    QTemporaryDir dir;
    QVERIFY(io::saveMathsAnswers(sheet.value(), dir.filePath("m.json")).ok());
    const auto again = io::loadMathsAnswers(dir.filePath("m.json"));
    QVERIFY(again.ok());
    QCOMPARE(again.value().variant, sheet.value().variant);
    QCOMPARE(again.value().student, QString("Grace"));
    QCOMPARE(again.value().entries.size(), std::size_t(2));
    QCOMPARE(again.value().entries[0].row, 0);
    QCOMPARE(again.value().entries[0].col, 1);
    QCOMPARE(again.value().entries[0].value, 9.0);
    QCOMPARE(again.value().entries[1].node, QString("x"));
    QCOMPARE(again.value().original.value("note").toString(), QString("kept"));
    QVERIFY(again.value().original.value("answers").toArray()[0].toObject().value("mine").toBool());
    const auto bad = io::parseMathsAnswers(
        R"({"format": "backprop-lab.maths-answers/1", "variant": "x/0000", "answers": []})",
        "m.json");
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.error().message()).left(20),
             QString("m.json: variant: 'x/"));
}

void TestExerciseFiles::mathsExercisesLoadAndRoundTrip() {
    const auto chain = io::loadMathsExercise(kExamples + "/exercises/chain_course.json");
    QVERIFY2(chain.ok(), chain.ok() ? "" : chain.error().message().c_str());
    QCOMPARE(chain.value().kind, io::MathsExerciseKind::Chain);
    QCOMPARE(io::mathsExerciseShape(chain.value()), std::string("chain"));
    QCOMPARE(chain.value().at.size(), std::size_t(2));
    QCOMPARE(chain.value().chainTemplate.rangeOf("x"), (NumberRange{0.5, 2, 1, {}}));
    QCOMPARE(chain.value().chainTemplate.rangeOf("y"), (NumberRange{-2, 2, 1, {}}));
    const auto conv = io::loadMathsExercise(kExamples + "/exercises/conv_4x4_2x2.json");
    QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message().c_str());
    QCOMPARE(io::mathsExerciseShape(conv.value()), std::string("conv4x4-2x2"));
    QCOMPARE(conv.value().convolution.filter(1, 1), 2.0);
    QCOMPARE(conv.value().convTemplate.answerDecimals, 2);
    QVERIFY(io::isMathsExerciseFile(kExamples + "/exercises/conv_4x4_2x2.json"));
    QVERIFY(!io::isMathsExerciseFile(kExamples + "/sheet5_321_sigmoid.json"));
    QTemporaryDir dir;
    for (const auto* exercise : {&chain.value(), &conv.value()}) {
        const QString path = dir.filePath("e.json");
        QVERIFY(io::saveMathsExercise(*exercise, path).ok());
        const auto again = io::loadMathsExercise(path);
        QVERIFY(again.ok());
        QCOMPARE(again.value().kind, exercise->kind);
        QCOMPARE(again.value().chainTemplate, exercise->chainTemplate);
        QCOMPARE(again.value().convTemplate, exercise->convTemplate);
        QCOMPARE(again.value().convolution.input, exercise->convolution.input);
        QCOMPARE(again.value().expressionText, exercise->expressionText);
    }
}

void TestExerciseFiles::badMathsExercisesAreRefused_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray head = R"({"format": "backprop-lab.exercise/1", )";
    QTest::newRow("kind")
        << head + R"("kind": "matrix"})"
        << "e.json: kind: expected \"chain\" or \"conv\", found a string (\"matrix\")";
    QTest::newRow("expression")
        << head + R"("kind": "chain", "expression": "2x", "at": {"x": 1}})"
        << "e.json: expression: col 2: expected an operator, found 'x' (write 2*x for a product)";
    QTest::newRow("missing value")
        << head + R"("kind": "chain", "expression": "x*y", "at": {"x": 1}})"
        << "e.json: at.y: expected a finite number, found nothing";
    QTest::newRow("domain") << head +
                                   R"j("kind": "chain", "expression": "ln(x)", "at": {"x": -1}})j"
                            << "e.json: at: ";
    QTest::newRow("ragged") << head + R"("kind": "conv", "input": [[1, 2], [3]], "filter": [[1]]})"
                            << "e.json: input[1]: has 1 entries, row 1 has 2";
    QTest::newRow("template")
        << head + R"("kind": "conv", "input": [[1, 2], [3, 4]], "filter": [[1]],
                                 "variants": {"input": {"decimals": 2}}})"
        << "e.json: variants: input: decimals must be 0 or 1 (hand-workable entries), found 2";
    QTest::newRow("chain range")
        << head + R"("kind": "chain", "expression": "x", "at": {"x": 1},
                                    "variants": {"ranges": {"q": {"min": 0, "max": 1}}}})"
        << "e.json: variants: ranges: 'q' is not a variable of the expression";
}

void TestExerciseFiles::badMathsExercisesAreRefused() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const auto parsed = io::parseMathsExercise(bytes, "e.json");
    QVERIFY(!parsed.ok());
    const QString got = QString::fromStdString(parsed.error().message());
    QVERIFY2(got.startsWith(message), qPrintable(got));
}

void TestExerciseFiles::exerciseForAnswersRebuildsTheVariant() {
    const io::NetworkDocument doc = exerciseDocument();
    io::AnswerSheet sheet;
    auto same = io::exerciseForAnswers(doc, sheet);
    QVERIFY(same.ok());
    QCOMPARE(same.value().layers[1].weights, doc.network.layers[1].weights);
    sheet.variant = QString::fromStdString(formatVariantCode({"3-2-1", 4242}));
    const auto variant = io::exerciseForAnswers(doc, sheet);
    QVERIFY(variant.ok());
    const auto direct = networkVariant(doc.network, *doc.variants, 4242u);
    QCOMPARE(variant.value().layers[1].weights, direct.value().layers[1].weights);
    QCOMPARE(variant.value().sample.input, direct.value().sample.input);
    QVERIFY(variant.value().layers[1].weights != doc.network.layers[1].weights);
    sheet.variant = "2-2-1/0001";
    const auto wrong = io::exerciseForAnswers(doc, sheet);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().reason,
             std::string("code 2-2-1/0001 is for a 2-2-1 network; this exercise is 3-2-1"));
}

void TestExerciseFiles::keyOfVariantFailsForTheNeighbour() {
    const io::NetworkDocument doc = exerciseDocument();
    for (std::uint32_t n : {0u, 17u, 9000u}) {
        io::AnswerSheet sheet;
        sheet.variant = QString::fromStdString(formatVariantCode({"3-2-1", n}));
        const Network mine = io::exerciseForAnswers(doc, sheet).value();
        sheet.answers = keyOf(mine);
        const CheckReport own =
            checkAnswers(traceNetwork(io::exerciseForAnswers(doc, sheet).value()), sheet.answers);
        QVERIFY(own.allCorrect());
        QCOMPARE(own.correct, static_cast<int>(sheet.answers.size()));
        sheet.variant = QString::fromStdString(formatVariantCode({"3-2-1", n + 1}));
        const CheckReport neighbour =
            checkAnswers(traceNetwork(io::exerciseForAnswers(doc, sheet).value()), sheet.answers);
        QVERIFY(!neighbour.allCorrect());
        QVERIFY(neighbour.wrong > 0);
    }
}

void TestExerciseFiles::mathsKeyOfVariantFailsForTheNeighbour() {
    for (const char* file : {"/exercises/chain_course.json", "/exercises/conv_4x4_2x2.json"}) {
        const auto exercise = io::loadMathsExercise(kExamples + file);
        QVERIFY(exercise.ok());
        const std::string shape = io::mathsExerciseShape(exercise.value());
        io::MathsAnswerSheet sheet;
        sheet.variant = QString::fromStdString(formatVariantCode({shape, 321}));
        const auto mine = io::exerciseForAnswers(exercise.value(), sheet, 12);
        QVERIFY(mine.ok());
        if (mine.value().graph) {
            for (const GraphNode& node : mine.value().graph->nodes) {
                if (!node.dependsOnVariables)
                    continue;
                sheet.entries.push_back(
                    {MathsQuantity::NodeGrad, QString::number(node.id), -1, -1, node.grad});
            }
        } else {
            const Convolution& c = *mine.value().convolution;
            for (int i = 0; i < c.output.rows(); ++i)
                for (int j = 0; j < c.output.cols(); ++j)
                    sheet.entries.push_back({MathsQuantity::ConvOutput, {}, i, j, c.output(i, j)});
        }
        const auto own = io::checkMathsExercise(mine.value(), sheet);
        QVERIFY(own.ok());
        QVERIFY(own.value().allCorrect());
        sheet.variant = QString::fromStdString(formatVariantCode({shape, 322}));
        const auto neighbour =
            io::checkMathsExercise(io::exerciseForAnswers(exercise.value(), sheet).value(), sheet);
        QVERIFY(neighbour.ok());
        QVERIFY(neighbour.value().wrong > 0);
        sheet.variant = "3-2-1/0001";
        const auto refused = io::exerciseForAnswers(exercise.value(), sheet);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().reason.find("is for a 3-2-1 network; this exercise is " + shape) !=
                std::string::npos);
    }
}

QTEST_MAIN(TestExerciseFiles)
#include "tst_exercise_files.moc"
