// Check mode on the 3-2-1 exercise (teaching-content.md section 1): the toggle
// swaps the details panel's formulas for answer fields; the student's
// hand-worked values typed in (decimal commas, Unicode minus) are marked by
// the core — the three slips red, the rest green; a wrong output delta makes
// the gradients built on it amber and the summary names δ₁⁽²⁾; answer files
// load marked and round-trip; a click on the canvas jumps to a field; the
// worked solution exports as a PDF whose text has the loss.
#include "core/symbol_parse.h"
#include "core/tolerance.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas/neuron_item.h"
#include "gui/check/check_colours.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/check/check_session.h"
#include "gui/details/details_panel.h"
#include "gui/details/formula_view.h"
#include "gui_test_support.h"
#include "io/answers_file.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QStandardPaths>

using namespace bpl;
using namespace bpl::gui;

namespace {

const QString kStudentSheet = QStringLiteral(BPL_SOURCE_DIR "/resources/examples/answers/sheet5_321_student.json");

QuantityRef ref(Quantity q, int layer, int i, int j = -1) { return QuantityRef{q, layer, i, j}; }

// The three slips of the real hand-worked solution.
const QuantityRef kNewW13 = ref(Quantity::NewWeights, 1, 0, 2);
const QuantityRef kNewW23 = ref(Quantity::NewWeights, 1, 1, 2);
const QuantityRef kNewB2 = ref(Quantity::NewBias, 1, 1);

bool isSlip(const QuantityRef& r) { return r == kNewW13 || r == kNewW23 || r == kNewB2; }

// As a student writes it: decimal commas for the activations, a Unicode
// minus for negative numbers.
QString handwritten(const QuantityRef& r, double v) {
    QString s = QString::fromStdString(shortestText(v));
    if (r.quantity == Quantity::Z) s.replace('.', ',');
    if (s.startsWith('-')) s = QStringLiteral("−") + s.mid(1);
    return s;
}

// Types `text` key by key, including characters beyond ASCII (the Unicode
// minus), which QTest::keyClicks does not take.
void typeKeys(QWidget* w, const QString& text) {
    for (const QChar ch : text) {
        if (ch.unicode() < 128) {
            QTest::keyClick(w, char(ch.unicode()));
        } else {
            QTest::sendKeyEvent(QTest::Press, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

} // namespace

// Types into a field and stops the test when there is no such field.
#define TYPE(r, text)                                                                                                  \
    do {                                                                                                               \
        type(r, text);                                                                                                 \
        if (QTest::currentTestFailed()) return;                                                                        \
    } while (0)

class TestCheckMode : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void toggleShowsEntriesForCurrentStep();
    void typedHandWorkSlipsRedRestGreen();
    void wrongOutputDeltaCarries();
    void unreadableTextIsGreyNotMarked();
    void loadAnswerFileFillsAndMarks();
    void saveLoadRoundTrip();
    void clickOnCanvasJumpsToField();
    void notationOfFieldsFollowsTheSwitch();
    void exportSolutionPdfHasTheLoss();
    void menusOfferCheckAndExport();
    void canvasKeepsTheCurrentStepsAnswers();
    void entryByNameInTheDisplayedNotation();
    void coloursFollowThePalette();

private:
    AnswerEntry* entry(const QuantityRef& r) const { return controller_->panel()->entry(r); }
    void type(const QuantityRef& r, const QString& text);
    int positionOf(StepKind kind, int layer) const;

    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
    NetworkDocument* doc_ = nullptr;
    CheckController* controller_ = nullptr;
};

void TestCheckMode::initTestCase() { test::isolateSettings(settings_); }

void TestCheckMode::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
    doc_ = window_->document();
    controller_ = window_->findChild<CheckController*>();
    QVERIFY(controller_);
}

void TestCheckMode::cleanup() {
    // Typed answers are unsaved: the window must close without asking.
    controller_->session()->clear();
    window_.reset();
}

void TestCheckMode::type(const QuantityRef& r, const QString& text) {
    AnswerEntry* e = entry(r);
    if (!e) QFAIL(qPrintable("no field for " + QString::fromStdString(r.describe())));
    e->setFocus();
    e->selectAll();
    QTest::keyClick(e, Qt::Key_Backspace);
    typeKeys(e, text);
}

int TestCheckMode::positionOf(StepKind kind, int layer) const {
    const Trace& t = doc_->trace();
    for (std::size_t k = 0; k < t.steps.size(); ++k) {
        if (t.steps[k].kind == kind && (kind == StepKind::Loss || t.steps[k].layer == layer)) return int(k) + 1;
    }
    return -1;
}

void TestCheckMode::toggleShowsEntriesForCurrentStep() {
    DetailsPanel* details = window_->workspace()->details();
    CheckPanel* panel = controller_->panel();
    QVERIFY(!panel->isVisible());
    QVERIFY(details->formulaView()->isVisible());
    doc_->setPosition(positionOf(StepKind::Forward, 1));
    controller_->checkModeAction()->trigger();
    QVERIFY(controller_->isCheckMode());
    QVERIFY(panel->isVisible());
    // The formulas (which hold the answers) are hidden while checking.
    QVERIFY(!details->formulaView()->isVisible());
    // Forward, layer 1: a₁, z₁, a₂, z₂ — empty fields, nothing marked.
    QCOMPARE(int(panel->entries().size()), 4);
    for (const QuantityRef& r : {ref(Quantity::A, 1, 0), ref(Quantity::Z, 1, 0), ref(Quantity::A, 1, 1), ref(Quantity::Z, 1, 1)}) {
        AnswerEntry* e = entry(r);
        QVERIFY(e);
        QVERIFY(e->isVisible());
        QVERIFY(e->text().isEmpty());
        QCOMPARE(e->property("checkStatus").toString(), QString("empty"));
    }
    // Space moves on (the fields follow the stepper) while no field has focus.
    window_->workspace()->view()->setFocus();
    QTest::keyClick(window_->workspace()->view(), Qt::Key_Space);
    QCOMPARE(doc_->position(), positionOf(StepKind::Forward, 2));
    QCOMPARE(int(panel->entries().size()), 2);
    QVERIFY(entry(ref(Quantity::Z, 2, 0)));
    QVERIFY(!entry(ref(Quantity::A, 1, 0)));
    // The update of layer 1: six weights and two biases.
    doc_->setPosition(positionOf(StepKind::Update, 1));
    QCOMPARE(int(panel->entries().size()), 8);
    QVERIFY(entry(kNewW13));
    // Off again: the formulas are back.
    controller_->checkModeAction()->trigger();
    QVERIFY(!panel->isVisible());
    QVERIFY(details->formulaView()->isVisible());
}

void TestCheckMode::typedHandWorkSlipsRedRestGreen() {
    const auto sheet = io::loadAnswers(kStudentSheet, &doc_->network());
    QVERIFY2(sheet, sheet ? "" : sheet.error().message().c_str());
    const std::vector<Answer>& answers = sheet.value().answers;
    QCOMPARE(int(answers.size()), 32);
    controller_->setCheckMode(true);
    // Step by step, as a student works through the sheet.
    int typed = 0;
    for (int p = 1; p <= doc_->lastPosition(); ++p) {
        doc_->setPosition(p);
        for (const Answer& a : answers) {
            const QuantityRef key = controller_->session()->canonical(a.ref);
            if (!entry(key)) continue;
            TYPE(key, handwritten(key, a.value));
            ++typed;
        }
    }
    QCOMPARE(typed, 32);
    CheckSession* session = controller_->session();
    QCOMPARE(session->report().correct, 29);
    QCOMPARE(session->report().wrong, 3);
    QCOMPARE(session->report().carried, 0);
    QVERIFY2(session->summary().startsWith("29 of 32 right; 3 wrong"), qPrintable(session->summary()));
    QVERIFY(controller_->panel()->summaryText().contains("29 of 32 right"));

    // Every field, seen on the whole sheet: red for the slips, green otherwise.
    controller_->panel()->setShowAllSteps(true);
    QCOMPARE(int(controller_->panel()->entries().size()), 32);
    const QPalette pal = controller_->panel()->palette();
    for (const AnswerEntry* e : controller_->panel()->entries()) {
        const bool slip = isSlip(e->ref());
        const EntryState expected = slip ? EntryState::Wrong : EntryState::Correct;
        QCOMPARE(e->property("checkStatus").toString(), statusKey(expected));
        QVERIFY(e->styleSheet().contains(statusColours(expected, pal).accent.name()));
        QVERIFY(!e->toolTip().isEmpty());
    }
    // The typed text stays as typed; the number read is the student's.
    QCOMPARE(entry(kNewW23)->text(), QStringLiteral("−0.8"));
    QCOMPARE(*session->value(kNewW23), -0.8);
    QCOMPARE(entry(ref(Quantity::Z, 1, 0))->text(), QStringLiteral("0,5769"));
    QCOMPARE(entry(ref(Quantity::Z, 1, 0))->property("checkStatus").toString(), QString("correct"));
    // The explanation is on hover and in the panel, with the exact value.
    QVERIFY(entry(kNewW13)->toolTip().contains("0.300124"));
    QVERIFY(controller_->panel()->focusEntry(kNewW13));
    QVERIFY2(controller_->panel()->explanationText().contains("0.300124"), qPrintable(controller_->panel()->explanationText()));
    QVERIFY(controller_->panel()->explanationText().contains("wrong"));
    // Mending a slip turns it green at once.
    TYPE(kNewW13, "0.3001");
    QCOMPARE(entry(kNewW13)->property("checkStatus").toString(), QString("correct"));
    QCOMPARE(session->report().correct, 30);
}

void TestCheckMode::wrongOutputDeltaCarries() {
    controller_->setCheckMode(true);
    const Trace& t = doc_->trace();
    // δ₁⁽²⁾ typed first, and wrong (0.6 instead of 0.507321).
    doc_->setPosition(positionOf(StepKind::OutputDelta, 2));
    TYPE(ref(Quantity::Delta, 2, 0), "0.6");
    QCOMPARE(entry(ref(Quantity::Delta, 2, 0))->property("checkStatus").toString(), QString("wrong"));
    // The gradients of layer 2 from that δ: δ·z₁⁽¹⁾, δ·z₂⁽¹⁾ and δ.
    doc_->setPosition(positionOf(StepKind::Gradient, 2));
    const double z1 = t.forward.z[1](0);
    const double z2 = t.forward.z[1](1);
    TYPE(ref(Quantity::GradWeights, 2, 0, 0), QString::number(0.6 * z1, 'g', 4));
    TYPE(ref(Quantity::GradWeights, 2, 0, 1), QString::number(0.6 * z2, 'g', 4));
    TYPE(ref(Quantity::GradBias, 2, 0), "0.6");
    const QPalette pal = controller_->panel()->palette();
    for (const QuantityRef& r : {ref(Quantity::GradWeights, 2, 0, 0), ref(Quantity::GradWeights, 2, 0, 1), ref(Quantity::GradBias, 2, 0)}) {
        QCOMPARE(entry(r)->property("checkStatus").toString(), QString("carried"));
        QVERIFY(entry(r)->styleSheet().contains(statusColours(EntryState::Carried, pal).accent.name()));
    }
    const QString summary = controller_->session()->summary();
    QVERIFY2(summary.contains(QStringLiteral("3 carried from δ₁⁽²⁾")), qPrintable(summary));
    QVERIFY(summary.contains("0 of 4 right"));
    QVERIFY(controller_->panel()->summaryText().contains(QStringLiteral("δ₁⁽²⁾")));
    // Mending δ makes the gradients built on it wrong against the right δ.
    doc_->setPosition(positionOf(StepKind::OutputDelta, 2));
    TYPE(ref(Quantity::Delta, 2, 0), "0.5073");
    QCOMPARE(controller_->session()->state(ref(Quantity::GradBias, 2, 0)), EntryState::Wrong);
}

void TestCheckMode::unreadableTextIsGreyNotMarked() {
    controller_->setCheckMode(true);
    doc_->setPosition(positionOf(StepKind::Loss, 0));
    const QuantityRef loss = ref(Quantity::Loss, 0, 0);
    TYPE(loss, "0.70.8");
    QCOMPARE(entry(loss)->property("checkStatus").toString(), QString("unreadable"));
    QVERIFY(entry(loss)->toolTip().contains("not a number"));
    QVERIFY(controller_->session()->report().results.empty());
    QCOMPARE(controller_->session()->summary(), QString("1 not a number"));
    TYPE(loss, "0,7079");
    QCOMPARE(entry(loss)->property("checkStatus").toString(), QString("correct"));
    QCOMPARE(controller_->session()->summary(), QString("1 of 1 right"));
}

void TestCheckMode::loadAnswerFileFillsAndMarks() {
    QVERIFY(controller_->openAnswers(kStudentSheet));
    QVERIFY(controller_->isCheckMode());
    QVERIFY(controller_->panel()->showsAllSteps());
    QCOMPARE(int(controller_->panel()->entries().size()), 32);
    QCOMPARE(entry(kNewW13)->text(), QString("0.30124"));
    QCOMPARE(entry(kNewW13)->property("checkStatus").toString(), QString("wrong"));
    QCOMPARE(entry(kNewB2)->property("checkStatus").toString(), QString("wrong"));
    // "output" in the file is the field of z of the last layer.
    QCOMPARE(entry(ref(Quantity::Z, 2, 0))->text(), QString("0.5073"));
    QCOMPARE(entry(ref(Quantity::Z, 2, 0))->property("checkStatus").toString(), QString("correct"));
    QCOMPARE(entry(ref(Quantity::Loss, 0, 0))->property("checkStatus").toString(), QString("correct"));
    QVERIFY(controller_->panel()->summaryText().contains("29 of 32 right"));
    QVERIFY(controller_->exportMarkedAction()->isEnabled());

    // A file for another network is refused with the reason; nothing is lost.
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.json");
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "backprop-lab.answers/1", "answers": [{"quantity": "a", "layer": 5, "index": [1], "value": 1}]})");
    f.close();
    QVERIFY(!controller_->openAnswers(bad));
    QCOMPARE(int(controller_->session()->report().results.size()), 32);
    QCOMPARE(entry(kNewW13)->text(), QString("0.30124"));
}

void TestCheckMode::saveLoadRoundTrip() {
    controller_->setCheckMode(true);
    doc_->setPosition(positionOf(StepKind::Forward, 1));
    TYPE(ref(Quantity::A, 1, 0), "0,31");
    TYPE(ref(Quantity::Z, 1, 1), QStringLiteral("0.4305"));
    doc_->setPosition(positionOf(StepKind::Update, 1));
    TYPE(kNewW23, QStringLiteral("−0.8"));
    const QString before = controller_->session()->summary();
    QCOMPARE(before, QString("2 of 3 right; 1 wrong"));

    QTemporaryDir dir;
    const QString path = dir.filePath("answers.json");
    QVERIFY(controller_->saveAnswers(path));
    QVERIFY(!controller_->session()->isModified());
    // The file is in the spec's numbering and reads back in the core.
    const auto saved = io::loadAnswers(path, &doc_->network());
    QVERIFY(saved);
    QCOMPARE(int(saved.value().answers.size()), 3);
    QCOMPARE(saved.value().answers.front().ref, ref(Quantity::A, 1, 0));
    QCOMPARE(saved.value().answers.front().value, 0.31);
    QCOMPARE(saved.value().answers.back().value, -0.8);

    controller_->session()->clear();
    QVERIFY(entry(kNewW23)->text().isEmpty());
    QCOMPARE(entry(kNewW23)->property("checkStatus").toString(), QString("empty"));
    QVERIFY(controller_->openAnswers(path));
    QCOMPARE(controller_->session()->summary(), before);
    QCOMPARE(entry(kNewW23)->text(), QString("-0.8"));
    QCOMPARE(entry(kNewW23)->property("checkStatus").toString(), QString("wrong"));
    QCOMPARE(entry(ref(Quantity::A, 1, 0))->property("checkStatus").toString(), QString("correct"));
    // Saving the loaded file again gives the same bytes.
    const QString again = dir.filePath("again.json");
    QVERIFY(controller_->saveAnswers(again));
    QFile a(path), b(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
}

void TestCheckMode::clickOnCanvasJumpsToField() {
    controller_->setCheckMode(true);
    doc_->setPosition(0);
    NetworkView* view = window_->workspace()->view();
    NetworkScene* scene = window_->workspace()->scene();
    view->fitToWindow();
    QApplication::processEvents();
    // Hidden neuron 2: its first value is a₂⁽¹⁾ in the forward step of layer 1.
    NeuronItem* neuron = scene->neuronItem(1, 1);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(neuron->scenePos()));
    QCOMPARE(doc_->position(), positionOf(StepKind::Forward, 1));
    AnswerEntry* focused = qobject_cast<AnswerEntry*>(QApplication::focusWidget());
    QVERIFY(focused);
    QCOMPARE(focused->ref(), ref(Quantity::A, 1, 1));
    typeKeys(focused, QStringLiteral("−0,28"));
    QCOMPARE(focused->property("checkStatus").toString(), QString("correct"));
    // Enter moves to the next field.
    const auto& entries = controller_->panel()->entries();
    const auto at = std::find(entries.begin(), entries.end(), focused);
    QVERIFY(at != entries.end() && at + 1 != entries.end());
    QTest::keyClick(focused, Qt::Key_Return);
    QCOMPARE(qobject_cast<AnswerEntry*>(QApplication::focusWidget()), *(at + 1));
}

void TestCheckMode::notationOfFieldsFollowsTheSwitch() {
    controller_->setCheckMode(true);
    doc_->setPosition(positionOf(StepKind::Forward, 1));
    TYPE(ref(Quantity::A, 1, 0), "0.31");
    auto labelOf = [](AnswerEntry* e) {
        for (QLabel* l : e->parentWidget()->findChildren<QLabel*>()) {
            if (l->buddy() == e) return l->text();
        }
        return QString();
    };
    QVERIFY2(labelOf(entry(ref(Quantity::A, 1, 0))).contains(QStringLiteral("a₁⁽¹⁾")), qPrintable(labelOf(entry(ref(Quantity::A, 1, 0)))));
    // Bishop numbering calls the hidden layer 2; the field, its answer and
    // its mark stay those of file layer 1.
    window_->setNotation("bishop");
    AnswerEntry* e = entry(ref(Quantity::A, 1, 0));
    QVERIFY(e);
    QVERIFY2(labelOf(e).contains(QStringLiteral("⁽²⁾")), qPrintable(labelOf(e)));
    QCOMPARE(e->text(), QString("0.31"));
    QCOMPARE(e->property("checkStatus").toString(), QString("correct"));
    window_->setNotation("standard");
}

void TestCheckMode::exportSolutionPdfHasTheLoss() {
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    if (pdftotext.isEmpty()) QSKIP("pdftotext (poppler-utils) is not installed");
    QTemporaryDir dir;
    auto textOf = [&](const QString& pdf) {
        QProcess p;
        p.start(pdftotext, {"-enc", "UTF-8", pdf, "-"});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    const QString plain = dir.filePath("solution.pdf");
    QVERIFY(controller_->exportSolutionTo(plain, io::SolutionFormat::Pdf, false));
    const QString text = textOf(plain);
    QVERIFY2(text.contains("0.707898"), qPrintable(text.left(2000)));
    QVERIFY(text.contains("0.300124"));
    // Marked with the student's sheet: the slip is named beside its formula.
    QVERIFY(controller_->openAnswers(kStudentSheet));
    const QString marked = dir.filePath("marked.pdf");
    QVERIFY(controller_->exportSolutionTo(marked, io::SolutionFormat::Pdf, true));
    const QString markedText = textOf(marked);
    QVERIFY(markedText.contains("0.707898"));
    QVERIFY2(markedText.contains("0.30124"), qPrintable(markedText.left(3000)));
    QVERIFY(!text.contains("0.30124 ") && !text.contains("0.30124\n"));
    // Precision follows the window: 3 significant figures.
    window_->setPrecision(3);
    const QString short3 = dir.filePath("three.pdf");
    QVERIFY(controller_->exportSolutionTo(short3, io::SolutionFormat::Pdf, false));
    QVERIFY(textOf(short3).contains("0.708"));
    window_->setPrecision(6);
    // A file that cannot be written is refused with a message, not a crash.
    QVERIFY(!controller_->exportSolutionTo(dir.filePath("no/such/dir/x.pdf"), io::SolutionFormat::Pdf, false));
}

void TestCheckMode::menusOfferCheckAndExport() {
    // File → Export solution and Export marked solution (the latter only with answers).
    QMenu* file = window_->findChild<QMenu*>("menuFile");
    QVERIFY(file);
    QVERIFY(file->actions().contains(controller_->exportSolutionAction()));
    QVERIFY(file->actions().contains(controller_->exportMarkedAction()));
    QVERIFY(controller_->exportSolutionAction()->isEnabled());
    QVERIFY(!controller_->exportMarkedAction()->isEnabled());
    QMenu* check = window_->findChild<QMenu*>("menuCheck");
    QVERIFY(check);
    QVERIFY(check->actions().contains(controller_->checkModeAction()));
    // Ctrl+K toggles Check mode.
    QTest::keyClick(window_.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(controller_->isCheckMode());
    QTest::keyClick(window_.get(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(!controller_->isCheckMode());
}

void TestCheckMode::canvasKeepsTheCurrentStepsAnswers() {
    // At the update of layer 1 the canvas shows old → new w₁₃⁽¹⁾; in Check
    // mode it shows what the student computes from (∂E/∂w₁₃⁽¹⁾), not the answer.
    NetworkScene* scene = window_->workspace()->scene();
    doc_->setPosition(positionOf(StepKind::Update, 1));
    EdgeLabelItem* label = scene->edgeLabelItem(1, 0, 2);
    QVERIFY(label);
    QVERIFY2(label->lines().join(' ').contains("0.300124"), qPrintable(label->lines().join(' ')));
    controller_->setCheckMode(true);
    QVERIFY2(!label->lines().join(' ').contains("0.300124"), qPrintable(label->lines().join(' ')));
    QVERIFY2(label->lines().join(' ').contains("-0.00247663"), qPrintable(label->lines().join(' ')));
    // Earlier results stay: a₁⁽¹⁾ = 0.31 under its neuron.
    QVERIFY(scene->neuronItem(1, 0)->content().lines.size() > 0);
    QVERIFY(scene->neuronItem(1, 0)->content().lines.front().text.contains("0.31"));
    controller_->setCheckMode(false);
    QVERIFY(label->lines().join(' ').contains("0.300124"));
}

void TestCheckMode::entryByNameInTheDisplayedNotation() {
    controller_->setCheckMode(true);
    doc_->setPosition(0);
    window_->setNotation("bishop");
    QLineEdit* quick = controller_->panel()->quickEntry();
    // Bishop numbering: the input is layer 1, so the hidden units' a is a⁽²⁾;
    // the answer is kept in file numbering (layer 1).
    quick->setFocus();
    QTest::keyClicks(quick, "a1(2) = 0,31");
    QTest::keyClick(quick, Qt::Key_Return);
    QVERIFY(quick->text().isEmpty());
    QCOMPARE(*controller_->session()->value(ref(Quantity::A, 1, 0)), 0.31);
    QCOMPARE(controller_->session()->state(ref(Quantity::A, 1, 0)), EntryState::Correct);
    // The stepper went to the step that computes it, whose field shows the number.
    QCOMPARE(doc_->position(), positionOf(StepKind::Forward, 1));
    QCOMPARE(entry(ref(Quantity::A, 1, 0))->text(), QString("0,31"));
    // Unicode symbols and a Unicode minus, straight from the sheet.
    // Bishop numbers a weight by the layer it leaves: W of file layer 1 is W⁽¹⁾.
    typeKeys(quick, QStringLiteral("new w₂₃⁽¹⁾ = −0.8"));
    QTest::keyClick(quick, Qt::Key_Return);
    QCOMPARE(controller_->session()->state(kNewW23), EntryState::Wrong);
    QCOMPARE(doc_->position(), positionOf(StepKind::Update, 1));
    // A name that is not in the network is refused with the reason; nothing is set.
    QTest::keyClicks(quick, "w99(2) = 1");
    QTest::keyClick(quick, Qt::Key_Return);
    QCOMPARE(quick->text(), QString("w99(2) = 1"));
    QVERIFY(!controller_->panel()->explanationText().isEmpty());
    QCOMPARE(int(controller_->session()->report().results.size()), 2);
    window_->setNotation("standard");
}

void TestCheckMode::coloursFollowThePalette() {
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xf5, 0xf5, 0xf5));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x25, 0x25, 0x25));
    dark.setColor(QPalette::Base, QColor(0x1b, 0x1b, 0x1b));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    QPalette high;
    high.setColor(QPalette::Window, Qt::black);
    high.setColor(QPalette::Base, Qt::black);
    high.setColor(QPalette::Text, Qt::white);
    for (EntryState state : {EntryState::Correct, EntryState::Wrong, EntryState::Carried}) {
        // The mark must stand out from the field's background in every theme.
        for (const QPalette* p : {&light, &dark, &high}) {
            const StatusColours c = statusColours(state, *p);
            QVERIFY2(std::abs(c.accent.lightness() - p->color(QPalette::Base).lightness()) > 90,
                     qPrintable(statusKey(state) + " " + c.accent.name()));
        }
        QVERIFY(statusColours(state, light).accent != statusColours(state, dark).accent);
        // High contrast: no tint; the border and the glyph carry the state.
        QCOMPARE(statusColours(state, high).background, high.color(QPalette::Base));
        QVERIFY(!statusGlyph(state).isEmpty());
    }
    // Green, red and amber are three different hues.
    QVERIFY(statusColours(EntryState::Correct, light).accent.hue() != statusColours(EntryState::Wrong, light).accent.hue());
    QVERIFY(statusColours(EntryState::Carried, light).accent.hue() != statusColours(EntryState::Wrong, light).accent.hue());
}

QTEST_MAIN(TestCheckMode)
#include "tst_check_mode.moc"
