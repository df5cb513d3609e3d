// File → New exercise sheets… (issue 13) on the 3-2-1 sigmoid exercise: the
// dialog opens from the File menu and fits 1024×768; its preview shows the
// first two students' variants side by side — two different codes (those
// the core gives the class seed) and two different pictures — and a new
// seed changes them; Generate writes the class folder (a sheet and a key per
// student and the summary: counted PDFs); a bad roster line is shown in the
// dialog; screenshots of the dialog go to docs/screenshots/.
#include "core/exercise/network_variant.h"
#include "gui/exercise/exercise_sheets_dialog.h"
#include "gui_test_support.h"

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

using namespace bpl;
using namespace bpl::gui;

namespace {

int countFiles(const QString& folder, const QString& pattern) {
    int n = 0;
    QDirIterator it(folder, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
}

QStringList expectedCodes(const Network& n, quint64 seed) {
    QStringList codes;
    for (std::uint32_t number : exercise::classVariantNumbers(seed, 2)) {
        codes << QString::fromStdString(
            exercise::formatVariantCode(exercise::networkVariantCode(n, number)));
    }
    return codes;
}

} // namespace

class TestExerciseSheetsDialog : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensFromTheFileMenu();
    void previewShowsTwoVariantsAndFollowsTheSeed();
    void fitsASmallScreen();
    void generateWritesTheClassFolder();
    void closingWhileWritingWaits();
    void badRosterShowsItsLine();
    void unwritableFolderIsSaid();
    void foreignFilesAreReplacedOnlyOnYes();
    void theQuestionNamesTheFiles();
    void badTemplateIsSaid();
    void exerciseFilesOfEveryKind();
    void screenshots();

  private:
    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
    ExerciseSheetsDialog* dialog_ = nullptr;
};

void TestExerciseSheetsDialog::initTestCase() {
    test::isolateSettings(settings_);
}

void TestExerciseSheetsDialog::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
    auto* action = window_->findChild<QAction*>("actionNewExerciseSheets");
    QVERIFY(action);
    action->trigger();
    dialog_ = window_->findChild<ExerciseSheetsDialog*>();
    QVERIFY(dialog_);
    QVERIFY(QTest::qWaitForWindowExposed(dialog_));
}

void TestExerciseSheetsDialog::cleanup() {
    if (dialog_)
        dialog_->close();
    QApplication::processEvents();
    dialog_ = nullptr;
    window_.reset();
}

void TestExerciseSheetsDialog::opensFromTheFileMenu() {
    // In the File menu, with its own entry (not only an action somewhere).
    QMenu* file = nullptr;
    for (QAction* a : window_->menuBar()->actions()) {
        if (a->menu() && a->menu()->objectName() == "menuFile")
            file = a->menu();
    }
    QVERIFY(file);
    QVERIFY(file->actions().contains(window_->findChild<QAction*>("actionNewExerciseSheets")));
    QVERIFY(dialog_->isVisible());
    QVERIFY(dialog_->isModal());
}

void TestExerciseSheetsDialog::previewShowsTwoVariantsAndFollowsTheSeed() {
    const Network& n = window_->document()->network();
    QStringList codes = dialog_->previewCodes();
    QCOMPARE(codes, expectedCodes(n, 1));
    QVERIFY(codes[0] != codes[1]);
    QVERIFY(codes[0].startsWith("3-2-1/"));
    const QImage a = dialog_->previewImage(0);
    const QImage b = dialog_->previewImage(1);
    QVERIFY(!a.isNull() && !b.isNull());
    QVERIFY(a != b); // different numbers drawn

    dialog_->setSeed(2);
    QCOMPARE(dialog_->previewCodes(), expectedCodes(n, 2));
    QVERIFY(dialog_->previewCodes() != codes);
    QVERIFY(dialog_->previewImage(0) != a);

    // A seed that is not a number is said in the dialog.
    auto* seed = dialog_->findChild<QLineEdit*>("sheetsSeed");
    QVERIFY(seed);
    seed->setText(QString());
    dialog_->updatePreview();
    QVERIFY(dialog_->previewCodes().isEmpty());
    QVERIFY2(dialog_->messageText().contains("seed"), qPrintable(dialog_->messageText()));
}

void TestExerciseSheetsDialog::fitsASmallScreen() {
    QVERIFY(dialog_->minimumSizeHint().width() <= 1000);
    QVERIFY(dialog_->minimumSizeHint().height() <= 720);
    QVERIFY(dialog_->width() <= 1000 && dialog_->height() <= 720);
}

void TestExerciseSheetsDialog::generateWritesTheClassFolder() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("class");
    dialog_->setStudentCount(3);
    dialog_->setFolder(folder);
    QVERIFY(dialog_->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog_->busy(), 120000);
    QVERIFY2(dialog_->messageText().startsWith("Wrote 3 sheets"),
             qPrintable(dialog_->messageText()));
    // A sheet and a key per student, and the class summary.
    QCOMPARE(countFiles(folder + "/sheets", "*.pdf"), 3);
    QCOMPARE(countFiles(folder + "/keys", "*.pdf"), 3);
    QVERIFY(QFileInfo::exists(folder + "/class-summary.pdf"));
    QCOMPARE(countFiles(folder, "*.pdf"), 7);
    QVERIFY(QFileInfo::exists(folder + "/class.csv"));
    QCOMPARE(dialog_->outcome().sheets, 3);
    QVERIFY(dialog_->outcome().files.contains("class-summary.pdf"));
    QVERIFY(dialog_->findChild<QPushButton*>("sheetsOpenFolder")->isEnabled());
    // The class.csv lists the codes the preview showed for the first two students.
    QFile csv(folder + "/class.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString table = QString::fromUtf8(csv.readAll());
    for (const QString& code : dialog_->previewCodes())
        QVERIFY2(table.contains(code), qPrintable(table));
}

void TestExerciseSheetsDialog::closingWhileWritingWaits() {
    QTemporaryDir dir;
    dialog_->setStudentCount(4);
    dialog_->setFolder(dir.filePath("class"));
    QPointer<ExerciseSheetsDialog> dialog = dialog_;
    QVERIFY(dialog->generate());
    QVERIFY(dialog->busy());      // the worker's report comes through the event loop, not yet run
    QVERIFY(!dialog->generate()); // one class at a time
    dialog->reject();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->messageText().startsWith("Still writing"), qPrintable(dialog->messageText()));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 120000);
    dialog_ = nullptr;
    // Every file was written before it closed.
    QCOMPARE(countFiles(dir.filePath("class"), "*.pdf"), 9);
    QVERIFY(QFileInfo::exists(dir.filePath("class/class.csv")));
}

void TestExerciseSheetsDialog::badRosterShowsItsLine() {
    QTemporaryDir dir;
    const QString roster = dir.filePath("names.txt");
    QVERIFY(writeFile(roster, "Ada Lovelace\n# a comment\nAlan\x01 Turing\n"));
    dialog_->setRosterFile(roster);
    QVERIFY2(dialog_->messageText().contains("names.txt") &&
                 dialog_->messageText().contains("line 3"),
             qPrintable(dialog_->messageText()));
    // Nothing is written, and what was entered stays.
    dialog_->setFolder(dir.filePath("class"));
    QVERIFY(!dialog_->generate());
    QVERIFY(!QFileInfo::exists(dir.filePath("class")));
    QCOMPARE(QDir::fromNativeSeparators(dialog_->findChild<QLineEdit*>("sheetsRoster")->text()),
             roster);
    // A good roster: its names in the preview.
    QVERIFY(writeFile(roster, "Ada Lovelace\nAlan Turing\n"));
    dialog_->updatePreview();
    QCOMPARE(dialog_->previewCodes().size(), 2);
    QVERIFY(dialog_->findChild<QLabel*>("sheetsPreviewCode1")->text().contains("Alan Turing"));
}

void TestExerciseSheetsDialog::unwritableFolderIsSaid() {
    QTemporaryDir dir;
    const QString notAFolder = dir.filePath("file");
    QVERIFY(writeFile(notAFolder, "x"));
    dialog_->setStudentCount(2);
    dialog_->setFolder(notAFolder + "/class");
    QVERIFY(dialog_->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog_->busy(), 60000);
    QVERIFY2(dialog_->messageText().contains("class"), qPrintable(dialog_->messageText()));
    QVERIFY(!dialog_->messageText().startsWith("Wrote"));
    QVERIFY(!dialog_->findChild<QPushButton*>("sheetsOpenFolder")->isEnabled());
    QCOMPARE(dialog_->findChild<QSpinBox*>("sheetsStudentCount")->value(), 2);
}

// A folder holding files that sheets did not write (issue 24): the dialog
// asks, naming them; No writes nothing, Yes replaces the class's files of the
// same names and keeps the others (what `sheets --force` does).
void TestExerciseSheetsDialog::foreignFilesAreReplacedOnlyOnYes() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("class");
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeFile(folder + "/notes.txt", "mine\n"));
    QVERIFY(writeFile(folder + "/class.csv", "my own table\n"));
    dialog_->setStudentCount(2);
    dialog_->setFolder(folder);
    QString askedFolder;
    QStringList asked;
    bool answer = false;
    dialog_->setConfirmReplace([&](const QString& f, const QStringList& foreign) {
        askedFolder = f;
        asked = foreign;
        return answer;
    });
    QVERIFY(!dialog_->generate());
    QCOMPARE(askedFolder, folder);
    QCOMPARE(asked, QStringList({"class.csv", "notes.txt"}));
    QVERIFY(!dialog_->busy());
    QVERIFY2(dialog_->messageText().startsWith("Nothing written"),
             qPrintable(dialog_->messageText()));
    QCOMPARE(readFile(folder + "/class.csv"), QByteArray("my own table\n"));
    QVERIFY(!QFileInfo::exists(folder + "/sheets"));

    answer = true;
    asked.clear();
    QVERIFY(dialog_->generate());
    QCOMPARE(asked, QStringList({"class.csv", "notes.txt"}));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog_->busy(), 120000);
    QVERIFY2(dialog_->messageText().startsWith("Wrote 2 sheets"),
             qPrintable(dialog_->messageText()));
    QCOMPARE(readFile(folder + "/notes.txt"), QByteArray("mine\n"));
    QVERIFY(readFile(folder + "/class.csv").startsWith("student,code,sheet,key,answers\n"));
    QCOMPARE(countFiles(folder + "/sheets", "*.pdf"), 2);
}

// The default question is a message box that names the files (at most five,
// then how many more) and defaults to No.
void TestExerciseSheetsDialog::theQuestionNamesTheFiles() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("class");
    QVERIFY(QDir().mkpath(folder));
    for (int k = 1; k <= 7; ++k)
        QVERIFY(writeFile(folder + QString("/mine-%1.txt").arg(k), "x"));
    dialog_->setStudentCount(2);
    dialog_->setFolder(folder);
    QString shown;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        shown = box->text();
        box->button(QMessageBox::No)->click();
    });
    QVERIFY(!dialog_->generate());
    QVERIFY2(shown.contains("7 files") && shown.contains("mine-1.txt") &&
                 shown.contains("mine-5.txt") && !shown.contains("mine-6.txt") &&
                 shown.contains("2 more"),
             qPrintable(shown));
    QVERIFY(!QFileInfo::exists(folder + "/sheets"));
}

void TestExerciseSheetsDialog::badTemplateIsSaid() {
    // The example with a template whose weights range is empty.
    QFile example(":/examples/sheet5_321_sigmoid.json");
    QVERIFY(example.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(example.readAll()).object();
    json["variants"] =
        QJsonObject{{"weights", QJsonObject{{"min", 2}, {"max", 1}, {"decimals", 1}}}};
    QTemporaryDir dir;
    const QString path = dir.filePath("bad-template.json");
    QVERIFY(writeFile(path, QJsonDocument(json).toJson()));
    const QStringList before = dialog_->previewCodes();
    QVERIFY(!dialog_->setExerciseFile(path));
    const QString message = dialog_->messageText();
    QVERIFY2(message.contains("bad-template.json") && message.contains("weights") &&
                 message.contains("min 2 is above max 1"),
             qPrintable(message));
    // The exercise stays the open network, its preview unchanged.
    QVERIFY(dialog_->findChild<QLabel*>("sheetsExercise")->text().contains("3-2-1"));
    dialog_->updatePreview();
    QCOMPARE(dialog_->previewCodes(), before);
}

void TestExerciseSheetsDialog::exerciseFilesOfEveryKind() {
    // A network file with a template: its ranges are shown (biases ±0.5, not the default ±1).
    QVERIFY(
        dialog_->setExerciseFile(BPL_SOURCE_DIR "/resources/examples/sheet5_321_exercise.json"));
    const QString shown = dialog_->findChild<QLabel*>("sheetsTemplate")->text();
    QVERIFY2(shown.contains("Biases: -0.5 … 0.5, 1 decimal"), qPrintable(shown));
    QVERIFY(!shown.contains("default template"));
    QCOMPARE(dialog_->previewCodes().size(), 2);
    QVERIFY(dialog_->previewCodes()[0].startsWith("3-2-1/"));
    // A chain-rule and a convolution exercise file.
    QVERIFY(
        dialog_->setExerciseFile(BPL_SOURCE_DIR "/resources/examples/exercises/chain_course.json"));
    QStringList codes = dialog_->previewCodes();
    QCOMPARE(codes.size(), 2);
    QVERIFY2(codes[0].startsWith("chain/") && codes[1].startsWith("chain/") && codes[0] != codes[1],
             qPrintable(codes.join(' ')));
    QVERIFY(dialog_->previewImage(0) != dialog_->previewImage(1));
    QVERIFY(
        dialog_->setExerciseFile(BPL_SOURCE_DIR "/resources/examples/exercises/conv_4x4_2x2.json"));
    codes = dialog_->previewCodes();
    QCOMPARE(codes.size(), 2);
    QVERIFY2(codes[0].startsWith("conv4x4-2x2/") && codes[0] != codes[1],
             qPrintable(codes.join(' ')));
    // Written as a class too.
    QTemporaryDir dir;
    dialog_->setStudentCount(2);
    dialog_->setFolder(dir.filePath("conv"));
    QVERIFY(dialog_->generate());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog_->busy(), 120000);
    QVERIFY2(dialog_->messageText().startsWith("Wrote 2 sheets"),
             qPrintable(dialog_->messageText()));
    QCOMPARE(countFiles(dir.filePath("conv"), "*.pdf"), 5);
}

void TestExerciseSheetsDialog::screenshots() {
    const QString dir = qEnvironmentVariable("BPL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set BPL_SCREENSHOT_DIR to save screenshots");
    QTemporaryDir roster;
    QVERIFY(writeFile(roster.filePath("names.txt"), "Ada Lovelace\nAlan Turing\nGrace Hopper\n"));
    dialog_->setRosterFile(roster.filePath("names.txt"));
    for (const QSize size : {QSize(1000, 700), QSize(1400, 900)}) {
        dialog_->resize(size);
        QApplication::processEvents();
        dialog_->updatePreview();        // at once, not a moment after the resize
        QCOMPARE(dialog_->size(), size); // it fits a 1024×768 screen
        QVERIFY(dialog_->grab().save(QString("%1/exercise-sheets-dialog-%2x%3.png")
                                         .arg(dir)
                                         .arg(size.width())
                                         .arg(size.height())));
    }
}

QTEST_MAIN(TestExerciseSheetsDialog)
#include "tst_exercise_sheets_dialog.moc"
