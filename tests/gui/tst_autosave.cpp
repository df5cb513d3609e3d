// Edits survive a crash: unsaved edits are kept in the autosave folder; a
// window that goes away without closing (as when the process is killed) leaves
// its copy, which the next window restores as one undo step; saving removes
// the copy; a copy whose window is still running is not offered.
#include "gui/autosave.h"
#include "gui/commands/parameter_commands.h"
#include "gui_test_support.h"

#include <QFile>
#include <QUndoStack>

using namespace bpl;
using namespace bpl::gui;

class TestAutosave : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { test::isolateSettings(settings_); }
    void keptCopyIsRestoredAfterAKill();
    void savingRemovesTheCopy();
    void runningWindowsCopyIsNotOffered();
    void corruptCopyIsSkipped();

  private:
    QTemporaryDir settings_;
};

namespace {

// w₁₁⁽¹⁾ of the 3-2-1 example is 0.1 in the file.
void setFirstWeight(MainWindow& window, double value) {
    window.document()->undoStack()->push(new SetWeightCommand(window.document(), 1, 0, 0, value));
}

} // namespace

void TestAutosave::keptCopyIsRestoredAfterAKill() {
    QTemporaryDir folder;
    QString keptFile;
    {
        auto window = test::openSheet5();
        QVERIFY(window);
        window->enableAutosave(folder.path());
        setFirstWeight(*window, 0.75);
        QVERIFY(window->document()->isModified());
        // The copy is written a moment after the edit.
        keptFile = window->autosave()->fileName();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(keptFile), 60000);
        // The window is destroyed without closing, as when the process dies.
    }
    QVERIFY(QFile::exists(keptFile));

    const std::vector<AutosavedEdits> found = Autosave::orphaned(folder.path());
    QCOMPARE(found.size(), size_t(1));
    QCOMPARE(found.front().document.network.layers[1].weights(0, 0), 0.75);

    auto next = test::openSheet5();
    QVERIFY(next);
    QVERIFY(next->restoreAutosavedEdits(found.front()));
    QCOMPARE(next->document()->network().layers[1].weights(0, 0), 0.75);
    QVERIFY(next->document()->isModified());
    QCOMPARE(next->document()->undoStack()->undoText(), QString("Restore unsaved edits"));
    next->document()->undoStack()->undo();
    // Before the restored edits: the example as shipped.
    QCOMPARE(next->document()->network().layers[1].weights(0, 0), 0.1);
    Autosave::discard(found.front());
    QVERIFY(!QFile::exists(keptFile));
    QVERIFY(Autosave::orphaned(folder.path()).empty());
}

void TestAutosave::savingRemovesTheCopy() {
    QTemporaryDir folder;
    QTemporaryDir files;
    auto window = test::openSheet5();
    QVERIFY(window);
    window->enableAutosave(folder.path());
    setFirstWeight(*window, -0.25);
    QString error;
    QVERIFY2(window->autosave()->flush(&error), qPrintable(error));
    QVERIFY(QFile::exists(window->autosave()->fileName()));
    QVERIFY(window->saveTo(files.filePath("saved.json")));
    QVERIFY(!window->document()->isModified());
    QVERIFY(!QFile::exists(window->autosave()->fileName()));
    // Undo makes the document modified again: a new copy follows.
    window->document()->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(window->autosave()->fileName()), 60000);
}

void TestAutosave::runningWindowsCopyIsNotOffered() {
    QTemporaryDir folder;
    auto window = test::openSheet5();
    QVERIFY(window);
    window->enableAutosave(folder.path());
    setFirstWeight(*window, 0.5);
    QVERIFY(window->autosave()->flush());
    // The window is alive and holds its lock: its copy is not an orphan.
    QVERIFY(Autosave::orphaned(folder.path()).empty());
}

void TestAutosave::corruptCopyIsSkipped() {
    QTemporaryDir folder;
    QFile f(folder.filePath("autosave-999999.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"format":"backprop-lab.autosave/1","network":{"format":"backprop-lab.network/1","layers":[]}})");
    f.close();
    QStringList problems;
    QVERIFY(Autosave::orphaned(folder.path(), &problems).empty());
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.front().contains("layers"), qPrintable(problems.front()));
}

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
