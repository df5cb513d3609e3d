// File → New exercise sheets…: the action (objectName
// "actionNewExerciseSheets") that opens ExerciseSheetsDialog on the open
// network, suggesting a folder beside its file. Installed by MainWindow::buildMenus.
#pragma once

class QAction;
class QMenu;

namespace bpl::gui {

class MainWindow;

// Inserts the action into `fileMenu` right after `after` (appended when null or not in the menu).
QAction* installExerciseSheetsAction(MainWindow* window, QMenu* fileMenu, QAction* after);

} // namespace bpl::gui
