// `backprop-lab check` with exercise variants, end to end through the binary:
// an answer key holding the exact values of variant n (written from the
// trace of that variant, the file's "variant" naming it) is all correct; the
// same values under the neighbour's code n + 1 are marked wrong (exit 1); the
// text names the variant in its header and the JSON carries "variant" and
// "student"; a code for another shape or a bad code exits 3 with the reason
// and nothing on stdout; a maths exercise file checks maths answers the same way.
#include "core/exercise/network_variant.h"
#include "core/trace.h"
#include "io/answers_file.h"
#include "io/exercise_answers.h"
#include "io/maths_answers.h"
#include "io/network_file.h"
#include "support/cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl;
using bpl::test::Run;

namespace {

Run run(const QStringList& args) {
    return bpl::test::run(args, 60000);
}

QString example(const QString& name) {
    return QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name;
}
QString exerciseNetwork() {
    return example("sheet5_321_exercise.json");
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

// The key of variant `number` of the exercise network: every value of its trace.
io::AnswerSheet networkKey(std::uint32_t number) {
    const auto doc = io::loadNetwork(exerciseNetwork());
    const auto variant =
        exercise::networkVariant(doc.value().network, *doc.value().variants, number);
    io::AnswerSheet sheet;
    sheet.variant = QString::fromStdString(exercise::formatVariantCode({"3-2-1", number}));
    sheet.student = "Ada Lovelace";
    const Trace trace = traceNetwork(variant.value());
    for (const Step& step : trace.steps)
        for (const ScalarFormula& f : step.scalars)
            sheet.answers.push_back({f.ref, f.value});
    return sheet;
}

} // namespace

class TestCheckVariantsCli : public QObject {
    Q_OBJECT
  private slots:
    void keyOfVariantIsAllCorrect();
    void neighboursCodeMarksItWrong();
    void jsonCarriesVariantAndStudent();
    void codeForAnotherShapeExitsThree();
    void badCodeExitsThree();
    void templateWithoutVariantExitsThree();
    void mathsExerciseChecksVariants_data();
    void mathsExerciseChecksVariants();
    void traceWorksAVariantAndItsKeyChecks();
    void traceRefusesBadVariants();
};

void TestCheckVariantsCli::keyOfVariantIsAllCorrect() {
    QTemporaryDir dir;
    const io::AnswerSheet key = networkKey(1234);
    const Run r =
        run({"check", exerciseNetwork(), writeFile(dir, "key.json", io::answersToBytes(key))});
    QVERIFY2(r.code == 0, r.out.left(800).constData());
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(
        text.startsWith("Variant " + key.variant + " (Ada Lovelace)\nChecking key.json against"));
    QVERIFY(text.trimmed().endsWith(QString("%1 of %1 right.").arg(key.answers.size())));
    // The exercise's own values are not variant 1234's: without the code the key fails.
    io::AnswerSheet plain = key;
    plain.variant.clear();
    QCOMPARE(
        run({"check", exerciseNetwork(), writeFile(dir, "plain.json", io::answersToBytes(plain))})
            .code,
        1);
}

void TestCheckVariantsCli::neighboursCodeMarksItWrong() {
    QTemporaryDir dir;
    io::AnswerSheet key = networkKey(1234);
    key.variant = QString::fromStdString(exercise::formatVariantCode({"3-2-1", 1235}));
    const Run r = run({"check", exerciseNetwork(),
                       writeFile(dir, "n.json", io::answersToBytes(key)), "--format", "json"});
    QCOMPARE(r.code, 1);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QVERIFY(root["wrong"].toInt() > 0);
    QCOMPARE(root["variant"].toString(), key.variant);
}

void TestCheckVariantsCli::jsonCarriesVariantAndStudent() {
    QTemporaryDir dir;
    const io::AnswerSheet key = networkKey(7);
    const Run r = run({"check", exerciseNetwork(),
                       writeFile(dir, "k.json", io::answersToBytes(key)), "--format", "json"});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root["variant"].toString(), QString("3-2-1/0007"));
    QCOMPARE(root["student"].toString(), QString("Ada Lovelace"));
    QCOMPARE(root["correct"].toInt(), int(key.answers.size()));
    // The spec's keys are unchanged; the variant is also named on stderr.
    QVERIFY(root["results"].isArray());
    QVERIFY(r.err.contains("marking against variant 3-2-1/0007"));
}

void TestCheckVariantsCli::codeForAnotherShapeExitsThree() {
    QTemporaryDir dir;
    io::AnswerSheet key = networkKey(7);
    key.variant = "2-2-1/7F3K";
    const QString path = writeFile(dir, "other.json", io::answersToBytes(key));
    const Run r = run({"check", exerciseNetwork(), path});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QString::fromUtf8(r.err).trimmed(),
             "backprop-lab check: " + path +
                 ": variant: code 2-2-1/7F3K is for a 2-2-1 network; this exercise is 3-2-1");
}

void TestCheckVariantsCli::badCodeExitsThree() {
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, "bad.json",
        R"({"format": "backprop-lab.answers/1", "variant": "3-2-1/7F3", "answers": [{"quantity": "loss", "value": 1}]})");
    const Run r = run({"check", exerciseNetwork(), path});
    QCOMPARE(r.code, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains(
        path.toUtf8() + ": variant: '3-2-1/7F3': '7F3': a variant number has 4 digits, found 3"));
}

void TestCheckVariantsCli::templateWithoutVariantExitsThree() {
    QTemporaryDir dir;
    QFile f(exerciseNetwork());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QJsonObject variants = root["variants"].toObject();
    variants["inputs"] =
        QJsonObject{{"min", 0}, {"max", 0}, {"decimals", 1}}; // every ∂E/∂w⁽¹⁾ is 0
    root["variants"] = variants;
    const QString network = writeFile(dir, "tight.json", QJsonDocument(root).toJson());
    const QString answers = writeFile(dir, "a.json", io::answersToBytes(networkKey(3)));
    const Run r = run({"check", network, answers});
    QCOMPARE(r.code, 3);
    QCOMPARE(QString::fromUtf8(r.err).trimmed(),
             "backprop-lab check: " + network +
                 ": variants: the template's ranges admit no hand-workable variant");
}

void TestCheckVariantsCli::mathsExerciseChecksVariants_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("chain") << example("exercises/chain_course.json");
    QTest::newRow("conv") << example("exercises/conv_4x4_2x2.json");
}

void TestCheckVariantsCli::mathsExerciseChecksVariants() {
    QFETCH(QString, file);
    const auto exercise = io::loadMathsExercise(file);
    QVERIFY(exercise.ok());
    const std::string shape = io::mathsExerciseShape(exercise.value());
    io::MathsAnswerSheet sheet;
    sheet.variant = QString::fromStdString(exercise::formatVariantCode({shape, 99}));
    sheet.student = "Grace";
    const auto mine = io::exerciseForAnswers(exercise.value(), sheet, 17).value();
    if (mine.graph) {
        for (const GraphNode& node : mine.graph->nodes)
            if (node.dependsOnVariables)
                sheet.entries.push_back(
                    {MathsQuantity::NodeGrad, QString::number(node.id), -1, -1, node.grad});
    } else {
        const Convolution& c = *mine.convolution;
        for (int i = 0; i < c.gradFilter.rows(); ++i)
            for (int j = 0; j < c.gradFilter.cols(); ++j)
                sheet.entries.push_back(
                    {MathsQuantity::ConvGradFilter, {}, i, j, c.gradFilter(i, j)});
    }
    QTemporaryDir dir;
    const Run r = run({"check", file, writeFile(dir, "m.json", io::mathsAnswersToBytes(sheet))});
    QVERIFY2(r.code == 0, r.out.left(2000).constData());
    QVERIFY(r.out.startsWith("Variant " + sheet.variant.toUtf8() + " (Grace)\n"));
    sheet.variant = QString::fromStdString(exercise::formatVariantCode({shape, 100}));
    const Run neighbour =
        run({"check", file, writeFile(dir, "n.json", io::mathsAnswersToBytes(sheet)), "--format",
             "json"});
    QCOMPARE(neighbour.code, 1);
    QVERIFY(QJsonDocument::fromJson(neighbour.out).isObject());
    sheet.variant = "3-2-1/0001";
    const QString other = writeFile(dir, "o.json", io::mathsAnswersToBytes(sheet));
    const Run refused = run({"check", file, other});
    QCOMPARE(refused.code, 3);
    QVERIFY(refused.out.isEmpty());
    QVERIFY(refused.err.contains(
        other.toUtf8() + ": variant: code 3-2-1/0001 is for a 3-2-1 network; this exercise is " +
        QByteArray::fromStdString(shape)));
}

void TestCheckVariantsCli::traceWorksAVariantAndItsKeyChecks() {
    // `trace --variant` prints variant n's worked solution; a key written from
    // its JSON (every a, z, δ, gradient and update, and the loss) is all correct
    // for that code and wrong for the neighbour's.
    const Run trace =
        run({"trace", exerciseNetwork(), "--variant", "3-2-1/00k7", "--format", "json"});
    QCOMPARE(trace.code, 0);
    const QJsonObject root = QJsonDocument::fromJson(trace.out).object();
    const auto doc = io::loadNetwork(exerciseNetwork());
    const Network variant =
        exercise::networkVariant(doc.value().network, *doc.value().variants, 19 * 32 + 7).value();
    const QJsonArray layers = root["layers"].toArray();
    QCOMPARE(layers[0].toObject()["z"].toArray()[0].toDouble(), variant.sample.input(0));
    QJsonArray key;
    for (int l = 1; l < layers.size(); ++l) {
        const QJsonObject o = layers[l].toObject();
        for (const char* q : {"a", "z", "delta", "grad_bias", "new_bias"}) {
            const QJsonArray v = o[q].toArray();
            for (int i = 0; i < v.size(); ++i)
                key.append(QJsonObject{
                    {"quantity", q}, {"layer", l}, {"index", QJsonArray{i + 1}}, {"value", v[i]}});
        }
        for (const char* q : {"grad_weights", "new_weights"}) {
            const QJsonArray rows = o[q].toArray();
            for (int i = 0; i < rows.size(); ++i)
                for (int j = 0; j < rows[i].toArray().size(); ++j)
                    key.append(QJsonObject{{"quantity", q},
                                           {"layer", l},
                                           {"index", QJsonArray{i + 1, j + 1}},
                                           {"value", rows[i].toArray()[j]}});
        }
    }
    key.append(QJsonObject{{"quantity", "loss"}, {"value", root["loss"]}});
    QCOMPARE(key.size(), 32);
    QTemporaryDir dir;
    QJsonObject sheet{
        {"format", "backprop-lab.answers/1"}, {"variant", "3-2-1/00K7"}, {"answers", key}};
    QCOMPARE(
        run({"check", exerciseNetwork(), writeFile(dir, "k.json", QJsonDocument(sheet).toJson())})
            .code,
        0);
    sheet["variant"] = "3-2-1/00K8";
    QCOMPARE(
        run({"check", exerciseNetwork(), writeFile(dir, "n.json", QJsonDocument(sheet).toJson())})
            .code,
        1);
    // The text names the variant in its title.
    const Run text = run({"trace", exerciseNetwork(), "--variant", "3-2-1/00K7"});
    QVERIFY(text.out.contains("variant 3-2-1/00K7"));
}

void TestCheckVariantsCli::traceRefusesBadVariants() {
    const Run bad = run({"trace", exerciseNetwork(), "--variant", "3-2-1/00U7"});
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.out.isEmpty());
    QVERIFY(bad.err.contains("--variant: '3-2-1/00U7': '00U7': U is not a base-32 digit"));
    const Run other = run({"trace", exerciseNetwork(), "--variant", "2-2-1/0007"});
    QCOMPARE(other.code, 3);
    QVERIFY(other.out.isEmpty());
    QCOMPARE(QString::fromUtf8(other.err).trimmed(),
             QString("backprop-lab trace: --variant: code 2-2-1/0007 is for a 2-2-1 network; this "
                     "exercise is 3-2-1"));
}

QTEST_GUILESS_MAIN(TestCheckVariantsCli)
#include "tst_check_variants_cli.moc"
