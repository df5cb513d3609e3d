// Check mode in the main window: the toggle (toolbar, Check menu, Ctrl+K) that
// swaps the details panel's formulas and tables for answer fields, clicks on
// the canvas that jump to a neuron's or weight's field, opening and saving
// answer files, and File → Export solution (plain or marked with the
// student's answers) through bpl::io::exportSolution in the current notation
// and precision. Installed by MainWindow::buildMenus.
#pragma once

#include "render/solution_export.h"

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QToolBar;

namespace bpl::gui {

class CheckPanel;
class CheckSession;
class MainWindow;
class VariantBar;

class CheckController : public QObject {
    Q_OBJECT
public:
    // Adds its actions to `fileMenu` (after its Export submenu), to a new
    // Check menu placed before `beforeMenu` and to `toolBar`.
    CheckController(MainWindow* window, QMenu* fileMenu, QToolBar* toolBar, QAction* beforeMenu);

    CheckSession* session() const { return session_; }
    CheckPanel* panel() const { return panel_; }
    VariantBar* variantBar() const { return variantBar_; }
    QAction* checkModeAction() const { return checkMode_; }
    QAction* exportSolutionAction() const { return exportSolution_; }
    QAction* exportMarkedAction() const { return exportMarked_; }

    bool isCheckMode() const;
    void setCheckMode(bool on);
    // Answer files; errors go to the window's message bar. Opening turns
    // Check mode on and shows every step's fields.
    bool openAnswers(const QString& path);
    bool saveAnswers(const QString& path);
    // Where Save answers… starts: the answers' own file, else beside the network's file.
    QString suggestedAnswersPath() const;
    // The worked solution of the open network; `marked` adds the answers'
    // marks (HTML and PDF show them beside each formula).
    bool exportSolutionTo(const QString& path, io::SolutionFormat format, bool marked);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openAnswersWithDialog();
    void saveAnswersWithDialog();
    void exportWithDialog(bool marked);
    void selectionClicked();
    void updateActions();
    // Makes the step details (where the fields are) at least half the tab's height.
    void giveFieldsRoom();
    QString baseName() const;

    MainWindow* window_;
    CheckSession* session_;
    CheckPanel* panel_;
    VariantBar* variantBar_;
    QAction* checkMode_;
    QAction* openAnswers_;
    QAction* saveAnswers_;
    QAction* clearAnswers_;
    QAction* exportSolution_;
    QAction* exportMarked_;
};

} // namespace bpl::gui
