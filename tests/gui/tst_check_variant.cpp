// Check mode with an exercise sheet's variant code (issue 13) on the 3-2-1
// sigmoid exercise: a code rebuilds that variant and puts its numbers on the
// canvas as one undo step; the typed answers are marked against it, so the
// output worked out by hand for variant A (a forward pass written out here
// with loops, independent of the trace) is right for A and wrong after
// switching to B; a code for another shape shows a message naming both
// shapes; "Back to the exercise" and Ctrl+Z put the exercise back; answers
// save and load with their "variant" and "student" keys.
#include "core/exercise/network_variant.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/check/check_session.h"
#include "gui/check/variant_bar.h"
#include "gui_test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>
#include <cmath>

using namespace bpl;
using namespace bpl::gui;

namespace {

// The 3-2-1 sigmoid network's output, by hand: z = σ(W z_prev + b), layer by layer.
double outputByHand(const Network& n) {
    std::vector<double> z(n.sample.input.data(), n.sample.input.data() + n.sample.input.size());
    for (std::size_t l = 1; l < n.layers.size(); ++l) {
        const Layer& layer = n.layers[l];
        std::vector<double> next(std::size_t(layer.size));
        for (int i = 0; i < layer.size; ++i) {
            double a = layer.bias(i);
            for (std::size_t j = 0; j < z.size(); ++j)
                a += layer.weights(i, Eigen::Index(j)) * z[j];
            next[std::size_t(i)] = 1.0 / (1.0 + std::exp(-a));
        }
        z = next;
    }
    return z.front();
}

bool sameWeights(const Network& a, const Network& b) {
    for (std::size_t l = 1; l < a.layers.size(); ++l) {
        if (a.layers[l].weights != b.layers[l].weights || a.layers[l].bias != b.layers[l].bias)
            return false;
    }
    return a.sample.input == b.sample.input;
}

QString codeOf(const Network& n, std::uint32_t number) {
    return QString::fromStdString(
        exercise::formatVariantCode(exercise::networkVariantCode(n, number)));
}

} // namespace

class TestCheckVariant : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void init();
    void cleanup();
    void codeShowsTheVariantAndMarksAgainstIt();
    void codeForAnotherShapeIsRefused();
    void backAndUndoRestoreTheExercise();
    void answersKeepVariantAndStudent();
    void screenshots();

  private:
    // The output field (z of the last layer), its text set as typed.
    void typeOutput(const QString& text);

    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
    NetworkDocument* doc_ = nullptr;
    CheckController* controller_ = nullptr;
    VariantBar* bar_ = nullptr;
    Network exercise_;
    std::vector<std::uint32_t> numbers_;
};

void TestCheckVariant::initTestCase() {
    test::isolateSettings(settings_);
}

void TestCheckVariant::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
    doc_ = window_->document();
    controller_ = window_->findChild<CheckController*>();
    QVERIFY(controller_);
    bar_ = controller_->variantBar();
    QVERIFY(bar_);
    exercise_ = doc_->network();
    numbers_ = exercise::classVariantNumbers(1, 2);
    QCOMPARE(int(numbers_.size()), 2);
    controller_->setCheckMode(true);
    controller_->panel()->setShowAllSteps(true);
    QVERIFY(bar_->isVisible());
}

void TestCheckVariant::cleanup() {
    controller_->session()->clear();
    window_.reset();
}

void TestCheckVariant::typeOutput(const QString& text) {
    const QuantityRef out{Quantity::Z, doc_->network().lastLayer(), 0, -1};
    AnswerEntry* e = controller_->panel()->entry(out);
    QVERIFY(e);
    e->setFocus();
    e->selectAll();
    QTest::keyClick(e, Qt::Key_Backspace);
    QTest::keyClicks(e, text);
}

void TestCheckVariant::codeShowsTheVariantAndMarksAgainstIt() {
    const QString codeA = codeOf(exercise_, numbers_[0]);
    const QString codeB = codeOf(exercise_, numbers_[1]);
    QVERIFY(codeA.startsWith("3-2-1/"));
    QVERIFY(codeA != codeB);
    // The shape is shown in the empty field.
    QCOMPARE(bar_->codeField()->placeholderText(), QString("3-2-1/····"));

    // Typed as a student might: lower case, a hyphen inside the digits.
    QLineEdit* field = bar_->codeField();
    field->setFocus();
    QString sloppy = codeA.toLower();
    sloppy.insert(sloppy.size() - 2, '-');
    QTest::keyClicks(field, sloppy);
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY2(bar_->showsVariant(), qPrintable(bar_->message()));
    QCOMPARE(field->text(), codeA);
    QVERIFY(bar_->message().contains(codeA));
    QCOMPARE(controller_->session()->variant(), codeA);
    // The canvas shows variant A's numbers, not the exercise's.
    QVERIFY(!sameWeights(doc_->network(), exercise_));
    const double outA = outputByHand(doc_->network());
    QCOMPARE(doc_->undoStack()->undoText(), QString("Show variant %1").arg(codeA));

    typeOutput(QString::number(outA, 'f', 6));
    const QuantityRef out{Quantity::Z, 2, 0, -1};
    QCOMPARE(controller_->session()->state(out), EntryState::Correct);

    // Variant B: the same typed value is now wrong.
    QVERIFY(bar_->applyCode(codeB));
    const double outB = outputByHand(doc_->network());
    QVERIFY(std::abs(outA - outB) > 1e-3);
    QCOMPARE(controller_->session()->state(out), EntryState::Wrong);
    QCOMPARE(controller_->session()->variant(), codeB);
    // B is built from the exercise, not from A: applying A again gives A's numbers.
    QVERIFY(bar_->applyCode(codeA));
    QCOMPARE(outputByHand(doc_->network()), outA);
    QCOMPARE(controller_->session()->state(out), EntryState::Correct);
}

void TestCheckVariant::codeForAnotherShapeIsRefused() {
    const Network before = doc_->network();
    QVERIFY(!bar_->applyCode("2-2-1/7F3K"));
    QVERIFY2(bar_->message().contains("2-2-1") && bar_->message().contains("3-2-1"),
             qPrintable(bar_->message()));
    QVERIFY(bar_->messageLabel()->isVisible());
    QVERIFY(!bar_->showsVariant());
    QVERIFY(sameWeights(doc_->network(), before));
    // An unreadable code says why.
    QVERIFY(!bar_->applyCode("3-2-1/7F3U"));
    QVERIFY2(bar_->message().contains("U"), qPrintable(bar_->message()));
    QVERIFY(sameWeights(doc_->network(), before));
}

void TestCheckVariant::backAndUndoRestoreTheExercise() {
    const QString codeA = codeOf(exercise_, numbers_[0]);
    QVERIFY(bar_->applyCode(codeA));
    QVERIFY(bar_->backButton()->isVisible());
    QTest::mouseClick(bar_->backButton(), Qt::LeftButton);
    QVERIFY(sameWeights(doc_->network(), exercise_));
    QVERIFY(!bar_->showsVariant());
    QVERIFY(bar_->codeField()->text().isEmpty());
    QVERIFY(controller_->session()->variant().isEmpty());

    // Ctrl+Z takes "Show variant" back like any edit; redo shows it again.
    QVERIFY(bar_->applyCode(codeA));
    const double outA = outputByHand(doc_->network());
    doc_->undoStack()->undo();
    QVERIFY(sameWeights(doc_->network(), exercise_));
    QVERIFY(!bar_->showsVariant());
    QVERIFY(controller_->session()->variant().isEmpty());
    QVERIFY(bar_->message().contains("undone"));
    doc_->undoStack()->redo();
    QVERIFY(bar_->showsVariant());
    QCOMPARE(outputByHand(doc_->network()), outA);
    QCOMPARE(controller_->session()->variant(), codeA);
}

void TestCheckVariant::answersKeepVariantAndStudent() {
    const QString codeB = codeOf(exercise_, numbers_[1]);
    QVERIFY(bar_->applyCode(codeB));
    const double outB = outputByHand(doc_->network());
    typeOutput(QString::number(outB, 'f', 6));
    bar_->studentField()->setFocus();
    QTest::keyClicks(bar_->studentField(), "Ada Lovelace");
    QTemporaryDir dir;
    const QString path = dir.filePath("answers.json");
    QVERIFY(controller_->saveAnswers(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value("variant").toString(), codeB);
    QCOMPARE(json.value("student").toString(), QString("Ada Lovelace"));

    // A fresh window on the exercise: opening the answers shows variant B and marks against it.
    controller_->session()->clear();
    window_ = test::openSheet5();
    QVERIFY(window_);
    doc_ = window_->document();
    controller_ = window_->findChild<CheckController*>();
    bar_ = controller_->variantBar();
    QVERIFY(sameWeights(doc_->network(), exercise_));
    QVERIFY(controller_->openAnswers(path));
    QCOMPARE(bar_->codeField()->text(), codeB);
    QCOMPARE(bar_->studentField()->text(), QString("Ada Lovelace"));
    QVERIFY(bar_->showsVariant());
    QCOMPARE(outputByHand(doc_->network()), outB);
    QCOMPARE(controller_->session()->state(QuantityRef{Quantity::Z, 2, 0, -1}),
             EntryState::Correct);
    QVERIFY(!controller_->session()->isModified());
}

void TestCheckVariant::screenshots() {
    const QString dir = qEnvironmentVariable("BPL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set BPL_SCREENSHOT_DIR to save screenshots");
    controller_->panel()->setShowAllSteps(false);
    QVERIFY(bar_->applyCode(codeOf(exercise_, numbers_[0])));
    bar_->studentField()->setText("Ada Lovelace");
    // The forward pass of layer 1: the first value right, the second a slip.
    for (int p = 1; p <= doc_->lastPosition(); ++p) {
        doc_->setPosition(p);
        if (controller_->panel()->entry(QuantityRef{Quantity::Z, 1, 1, -1}))
            break;
    }
    const Trace& t = doc_->trace();
    const auto a1 = t.valueOf(QuantityRef{Quantity::A, 1, 0, -1});
    const auto z1 = t.valueOf(QuantityRef{Quantity::Z, 1, 0, -1});
    QVERIFY(a1 && z1);
    controller_->session()->setText(QuantityRef{Quantity::A, 1, 0, -1},
                                    QString::number(*a1, 'f', 4));
    controller_->session()->setText(QuantityRef{Quantity::Z, 1, 0, -1},
                                    QString::number(*z1 + 0.05, 'f', 4));
    for (const QSize size : {QSize(1024, 768), QSize(1400, 900)}) {
        window_->resize(size);
        QApplication::processEvents();
        QTest::qWait(100);
        QCOMPARE(window_->grab().size(), size); // the variant row and the fields fit 1024 pixels
        QVERIFY(window_->grab().save(QString("%1/check-mode-variant-%2x%3.png")
                                         .arg(dir)
                                         .arg(size.width())
                                         .arg(size.height())));
    }
    // The refusal of a code for another shape.
    QVERIFY(!bar_->applyCode("2-2-1/7F3K"));
    window_->resize(QSize(1024, 768));
    QApplication::processEvents();
    QVERIFY(bar_->grab().save(QString("%1/check-mode-variant-other-shape.png").arg(dir)));
}

QTEST_MAIN(TestCheckVariant)
#include "tst_check_variant.moc"
