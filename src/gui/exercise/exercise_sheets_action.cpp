#include "gui/exercise/exercise_sheets_action.h"

#include "gui/app_settings.h"
#include "gui/exercise/exercise_sheets_dialog.h"
#include "gui/main_window.h"
#include "gui/network_document.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QRegularExpression>

namespace bpl::gui {

namespace {

// Beside the network's file, else in the last folder used: "<name>-sheets".
QString suggestedFolder(const NetworkDocument* doc) {
    QString base = doc->isUntitled() ? doc->displayName().section(',', 0, 0).trimmed()
                                     : QFileInfo(doc->filePath()).completeBaseName();
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    QString dir = QFileInfo(doc->filePath()).absolutePath();
    if (doc->isUntitled()) {
        const QString last = openSettings()->value(settings::kLastDirectory).toString();
        dir = !last.isEmpty() && QFileInfo(last).isDir() ? last : QDir::homePath();
    }
    return dir + "/" + (base.isEmpty() ? QStringLiteral("exercise") : base) + "-sheets";
}

} // namespace

QAction* installExerciseSheetsAction(MainWindow* window, QMenu* fileMenu, QAction* after) {
    auto* action = new QAction(QObject::tr("New e&xercise sheets…"), window);
    action->setObjectName("actionNewExerciseSheets");
    action->setToolTip(QObject::tr(
        "A different variant of this exercise for every student: sheets, answer keys and a "
        "class summary as PDF"));
    action->setStatusTip(action->toolTip());
    const QList<QAction*> actions = fileMenu->actions();
    const qsizetype at = actions.indexOf(after);
    fileMenu->insertAction(at >= 0 && at + 1 < actions.size() ? actions[at + 1] : nullptr, action);
    QObject::connect(action, &QAction::triggered, window, [window] {
        NetworkDocument* doc = window->document();
        auto exercise = exerciseFromNetwork(doc->fileDocument(), doc->displayName(),
                                            doc->filePath(), doc->traceOptions());
        auto* dialog = new ExerciseSheetsDialog(std::move(exercise), suggestedFolder(doc), window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return action;
}

} // namespace bpl::gui
