// Answer files (answers-format.md): the shipped sheets load against their
// network; every malformed file is refused with file, JSON path and reason
// (unknown quantity, index out of range, δ of layer 0, bad tolerance …);
// save → load round-trips, one answer per line, keeping unknown keys.
#include "io/answers_file.h"
#include "io/network_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl;

namespace {

const QString kExamples = QStringLiteral(BPL_SOURCE_DIR "/resources/examples");

Network sheet5() {
    const auto loaded = io::loadNetwork(kExamples + "/sheet5_321_sigmoid.json");
    Q_ASSERT(loaded.ok());
    return loaded.value().network;
}

QByteArray file(const QByteArray& answers, const QByteArray& tolerance = "") {
    return "{\"format\": \"backprop-lab.answers/1\",\n" + (tolerance.isEmpty() ? QByteArray() : tolerance + ",\n") +
           "\"answers\": [" + answers + "]}";
}

} // namespace

class TestAnswersFile : public QObject {
    Q_OBJECT
private slots:
    void shippedSheetsLoad();
    void specExampleLoads();
    void rejects_data();
    void rejects();
    void outOfRangeNeedsTheNetwork();
    void inMemoryAnswersAreCheckedToo();
    void roundTripKeepsValuesAndUnknownKeys();
    void failedSaveKeepsTheOldFile();
};

void TestAnswersFile::shippedSheetsLoad() {
    const Network net = sheet5();
    for (const char* name : {"sheet5_321_student.json", "sheet5_321_carried.json", "sheet5_321_key.json"}) {
        const auto sheet = io::loadAnswers(kExamples + "/answers/" + name, &net);
        QVERIFY2(sheet.ok(), sheet.ok() ? "" : sheet.error().message().c_str());
        QVERIFY(sheet.value().toleranceGiven);
        QCOMPARE(sheet.value().tolerance.significantFigures, 3);
    }
    const auto student = io::loadAnswers(kExamples + "/answers/sheet5_321_student.json", &net);
    QCOMPARE(student.value().answers.size(), size_t(32));
    // new w₁₃⁽¹⁾ = 0.30124: the dropped zero, in file numbering (layer 1, [1, 3]).
    const Answer& slip = student.value().answers[26];
    QVERIFY((slip.ref == QuantityRef{Quantity::NewWeights, 1, 0, 2}));
    QCOMPARE(slip.value, 0.30124);
    // Checked against the exact trace: the three slips and nothing else.
    const CheckReport report = checkAnswers(traceNetwork(net), student.value().answers, student.value().tolerance);
    QCOMPARE(QString::fromStdString(report.summary()), QString("29 of 32 right; 3 wrong"));
    // The key (teaching-content.md's table to 6 figures) is right even at 6 figures.
    const auto key = io::loadAnswers(kExamples + "/answers/sheet5_321_key.json", &net);
    QCOMPARE(checkAnswers(traceNetwork(net), key.value().answers, Tolerance::sigFigs(6)).correct, 32);
}

void TestAnswersFile::specExampleLoads() {
    // The example of answers-format.md, verbatim keys: output and loss without a layer.
    const QByteArray bytes = file(R"(
    { "quantity": "a",            "layer": 1, "index": [1],    "value": 0.31 },
    { "quantity": "z",            "layer": 1, "index": [1],    "value": 0.5769 },
    { "quantity": "output",                   "index": [1],    "value": 0.5073 },
    { "quantity": "loss",                                      "value": 0.7079 },
    { "quantity": "delta",        "layer": 2, "index": [1],    "value": 0.5073 },
    { "quantity": "grad_weights", "layer": 1, "index": [1, 3], "value": -0.002477 },
    { "quantity": "grad_bias",    "layer": 1, "index": [2],    "value": -0.02488 },
    { "quantity": "new_weights",  "layer": 2, "index": [1, 1], "value": 0.1854 },
    { "quantity": "new_bias",     "layer": 1, "index": [2],    "value": 0.001244 })",
                                  R"("tolerance": { "significant_figures": 3 })");
    const Network net = sheet5();
    const auto sheet = io::parseAnswers(bytes, "spec.json", &net);
    QVERIFY2(sheet.ok(), sheet.ok() ? "" : sheet.error().message().c_str());
    QCOMPARE(sheet.value().answers.size(), size_t(9));
    QVERIFY((sheet.value().answers[5].ref == QuantityRef{Quantity::GradWeights, 1, 0, 2}));
    QCOMPARE(sheet.value().answers[2].ref.quantity, Quantity::Output);
    QCOMPARE(sheet.value().answers[3].ref.quantity, Quantity::Loss);
    const CheckReport report = checkAnswers(traceNetwork(net), sheet.value().answers, sheet.value().tolerance);
    QCOMPARE(report.correct, 9);
    // Without a tolerance object: 3 significant figures.
    const auto plain = io::parseAnswers(file(""), "plain.json", &net);
    QVERIFY(plain.ok() && !plain.value().toleranceGiven);
    QCOMPARE(plain.value().tolerance.significantFigures, 3);
}

void TestAnswersFile::rejects_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    auto row = [](const char* name, const QByteArray& bytes, const char* message) {
        QTest::newRow(name) << bytes << QString(message);
    };
    const QByteArray ok = R"({ "quantity": "a", "layer": 1, "index": [1], "value": 0.31 })";
    row("unknown quantity",
        file(R"({ "quantity": "gradient", "layer": 1, "index": [1], "value": 1 })"),
        "work.json: answers[0].quantity: unknown quantity \"gradient\" (expected a, z, output, "
        "loss, delta, "
        "grad_weights, grad_bias, new_weights, new_bias or grad_input)");
    row("neuron out of range", file(ok + R"(, { "quantity": "z", "layer": 1, "index": [3], "value": 0.5 })"),
        "work.json: answers[1].index[0]: layer 1 has 2 neurons, found index 3");
    row("weight source out of range", file(R"({ "quantity": "grad_weights", "layer": 1, "index": [1, 4], "value": 0 })"),
        "work.json: answers[0].index[1]: weights into layer 1 come from the 3 neurons of layer 0, found index 4");
    row("output out of range", file(R"({ "quantity": "output", "index": [2], "value": 0.5 })"),
        "work.json: answers[0].index[0]: the output layer has 1 neuron, found index 2");
    row("delta of layer 0", file(R"({ "quantity": "delta", "layer": 0, "index": [1], "value": 0.1 })"),
        "work.json: answers[0].layer: layer 0 is the input layer: it has no δ (deltas start at layer 1)");
    row("weights of layer 0", file(R"({ "quantity": "new_weights", "layer": 0, "index": [1, 1], "value": 0.1 })"),
        "work.json: answers[0].layer: layer 0 is the input layer: no weights or biases feed it");
    row("layer 3 of 0..2", file(R"({ "quantity": "z", "layer": 3, "index": [1], "value": 0.1 })"),
        "work.json: answers[0].layer: layer 3 does not exist (the network has layers 0 to 2)");
    row("index 0", file(R"({ "quantity": "z", "layer": 1, "index": [0], "value": 0.1 })"),
        "work.json: answers[0].index[0]: indices start at 1 (as in handwritten work), found 0");
    row("one index for a weight", file(R"({ "quantity": "new_weights", "layer": 1, "index": [1], "value": 0.1 })"),
        "work.json: answers[0].index: new_weights needs [i, j] (the weight from neuron j of layer l−1 to neuron i "
        "of layer l), found 1 number");
    row("two indices for a delta", file(R"({ "quantity": "delta", "layer": 1, "index": [1, 2], "value": 0.1 })"),
        "work.json: answers[0].index: delta needs [i] (one neuron), found 2 numbers");
    row("fractional layer", file(R"({ "quantity": "z", "layer": 1.5, "index": [1], "value": 0.1 })"),
        "work.json: answers[0].layer: expected a whole number");
    row("decimal comma", file(R"({ "quantity": "z", "layer": 1, "index": [1], "value": "0,5769" })"),
        "work.json: answers[0].value: expected a number, found a string (\"0,5769\"); write decimals with a point");
    row("missing value", file(R"({ "quantity": "z", "layer": 1, "index": [1] })"),
        "work.json: answers[0]: missing required key \"value\"");
    row("missing layer", file(R"({ "quantity": "z", "index": [1], "value": 1 })"),
        "work.json: answers[0]: missing required key \"layer\" (0 is the input layer)");
    row("missing index", file(R"({ "quantity": "z", "layer": 1, "value": 1 })"),
        "work.json: answers[0]: missing required key \"index\"");
    row("loss with an index", file(R"({ "quantity": "loss", "index": [1], "value": 0.7 })"),
        "work.json: answers[0].index: the loss is a single number: it has no layer or index");
    row("duplicate", file(ok + ", " + ok),
        "work.json: answers[1]: the same quantity as answers[0] (a layer 1 [1]); give each value once");
    row("answer not an object", file("0.31"), "work.json: answers[0]: expected an object, found a number");
    row("answers not an array", R"({"format": "backprop-lab.answers/1", "answers": {}})",
        "work.json: answers: expected an array of answers, found an object");
    row("no answers key", R"({"format": "backprop-lab.answers/1"})", "work.json: missing required key \"answers\"");
    row("a network file", R"({"format": "backprop-lab.network/1", "answers": []})",
        "work.json: format: this is a network file; expected an answer file (\"backprop-lab.answers/1\")");
    row("wrong format", R"({"format": "answers/2", "answers": []})",
        "work.json: format: expected \"backprop-lab.answers/1\", found a string (\"answers/2\")");
    row("invalid JSON", "{\"format\": \"backprop-lab.answers/1\",\n \"answers\": [,]}", "work.json: line 2, column");
    row("empty", "  \n", "work.json: file is empty (expected a JSON object)");
    row("top-level array", "[]", "work.json: expected a JSON object at the top level");
    row("two tolerances", file(ok, R"("tolerance": {"significant_figures": 3, "absolute": 0.001})"),
        "work.json: tolerance: give either significant_figures or absolute/relative, not both");
    row("zero figures", file(ok, R"("tolerance": {"significant_figures": 0})"),
        "work.json: tolerance.significant_figures: expected 1 to 15, found 0");
    row("negative margin", file(ok, R"("tolerance": {"absolute": -1})"),
        "work.json: tolerance.absolute: expected a finite number ≥ 0");
    row("misspelt tolerance", file(ok, R"("tolerance": {"sigfigs": 3})"),
        "work.json: tolerance.sigfigs: unknown key (expected significant_figures, or absolute and/or relative)");
}

void TestAnswersFile::rejects() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const Network net = sheet5();
    const auto sheet = io::parseAnswers(bytes, "work.json", &net);
    QVERIFY(!sheet.ok());
    const QString actual = QString::fromStdString(sheet.error().message());
    QVERIFY2(actual.startsWith(message), qPrintable(actual));
}

void TestAnswersFile::outOfRangeNeedsTheNetwork() {
    const QByteArray bytes = file(R"({ "quantity": "z", "layer": 7, "index": [9], "value": 0.5 })");
    QVERIFY(io::parseAnswers(bytes, "work.json").ok());
    const Network net = sheet5();
    QVERIFY(!io::parseAnswers(bytes, "work.json", &net).ok());
    // A missing file names itself.
    const auto missing = io::loadAnswers("/nonexistent/work.json", &net);
    QCOMPARE(QString::fromStdString(missing.error().message()), QString("/nonexistent/work.json: no such file"));
}

void TestAnswersFile::inMemoryAnswersAreCheckedToo() {
    const Network net = sheet5();
    QVERIFY(!io::answerProblem({{{Quantity::A, 1, 0, -1}, 0.31}}, net));
    const auto problem = io::answerProblem({{{Quantity::A, 1, 0, -1}, 0.31}, {{Quantity::Delta, 0, 0, -1}, 0.1}}, net);
    QVERIFY(problem.has_value());
    QCOMPARE(QString::fromStdString(problem->message()), QString("answers[1].layer: layer 0 is the input layer: it has no δ "
                                                                 "(deltas start at layer 1)"));
}

void TestAnswersFile::roundTripKeepsValuesAndUnknownKeys() {
    const Network net = sheet5();
    const auto loaded = io::loadAnswers(kExamples + "/answers/sheet5_321_carried.json", &net);
    QVERIFY(loaded.ok());
    io::AnswerSheet sheet = loaded.value();
    sheet.answers.push_back({{Quantity::Loss, 0, 0, -1}, 0.7079});
    sheet.answers.push_back({{Quantity::A, 2, 0, -1}, 1.0 / 3.0});
    sheet.tolerance = Tolerance::sigFigs(4);
    QTemporaryDir dir;
    const QString path = dir.filePath("work.json");
    const auto saved = io::saveAnswers(sheet, path);
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().message().c_str());
    const auto again = io::loadAnswers(path, &net);
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().message().c_str());
    QCOMPARE(again.value().answers.size(), sheet.answers.size());
    for (size_t k = 0; k < sheet.answers.size(); ++k) {
        QVERIFY(again.value().answers[k].ref.quantity == sheet.answers[k].ref.quantity);
        QCOMPARE(again.value().answers[k].ref.i, sheet.answers[k].ref.i);
        QCOMPARE(again.value().answers[k].ref.j, sheet.answers[k].ref.j);
        QCOMPARE(again.value().answers[k].value, sheet.answers[k].value); // shortest round-trip text
    }
    QCOMPARE(again.value().tolerance.significantFigures, 4);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    // Unknown keys survive, at the top and in an answer; one answer per line, spec key order.
    QVERIFY(text.contains("\"network\": \"sheet5_321_sigmoid.json\""));
    QVERIFY(text.contains(R"({ "quantity": "delta", "layer": 2, "index": [1], "value": 0.6, "note": "misread the output as 0.6" })"));
    QVERIFY(text.contains(R"({ "quantity": "grad_weights", "layer": 1, "index": [1, 3], "value": -0.002929 })"));
    QVERIFY(text.contains(R"({ "quantity": "loss", "value": 0.7079 })"));
    QVERIFY(text.contains(R"({ "quantity": "output", "index": [1], "value": 0.5073 })"));
    QVERIFY(text.contains(R"({ "quantity": "a", "layer": 2, "index": [1], "value": 0.3333333333333333 })"));
    QVERIFY(text.contains(R"("tolerance": {"significant_figures": 4})"));
}

void TestAnswersFile::failedSaveKeepsTheOldFile() {
    QTemporaryDir dir;
    io::AnswerSheet sheet;
    sheet.answers = {{{Quantity::Z, 1, 0, -1}, 0.5769}};
    const auto bad = io::saveAnswers(sheet, dir.filePath("missing-folder/work.json"));
    QVERIFY(!bad.ok());
    QVERIFY(QString::fromStdString(bad.error().message()).contains("missing-folder/work.json: cannot"));
    sheet.tolerance = Tolerance::margin(0.001, 0.01);
    QVERIFY(io::saveAnswers(sheet, dir.filePath("ok.json")).ok());
    const auto back = io::loadAnswers(dir.filePath("ok.json"));
    QVERIFY(back.ok());
    QCOMPARE(back.value().tolerance.kind, Tolerance::Kind::AbsoluteRelative);
    QCOMPARE(back.value().tolerance.absolute, 0.001);
    QCOMPARE(back.value().tolerance.relative, 0.01);
}

QTEST_GUILESS_MAIN(TestAnswersFile)
#include "tst_answers_file.moc"
