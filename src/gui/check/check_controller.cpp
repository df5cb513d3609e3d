#include "gui/check/check_controller.h"

#include "gui/app_settings.h"
#include "gui/canvas/network_view.h"
#include "gui/check/check_panel.h"
#include "gui/check/check_session.h"
#include "gui/check/clear_answers_command.h"
#include "gui/check/variant_bar.h"
#include "gui/details/details_panel.h"
#include "gui/main_window.h"
#include "gui/message_bar.h"
#include "gui/network_document.h"
#include "gui/network_workspace.h"

#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

namespace bpl::gui {

namespace {

QString lastDirectory() {
    const QString last = openSettings()->value(settings::kLastDirectory).toString();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : QDir::homePath();
}

void rememberDirectory(const QString& path) {
    openSettings()->setValue(settings::kLastDirectory, QFileInfo(path).absolutePath());
}

} // namespace

CheckController::CheckController(MainWindow* window, QMenu* fileMenu, QToolBar* toolBar, QAction* beforeMenu)
    : QObject(window), window_(window), session_(new CheckSession(window->document(), this)) {
    setObjectName("checkController");
    NetworkDocument* doc = window->document();
    panel_ = new CheckPanel(doc, session_);
    panel_->setObjectName("checkPanel");
    window->workspace()->details()->setCheckPanel(panel_);
    variantBar_ = new VariantBar(doc, session_, panel_);
    panel_->addTopRow(variantBar_);

    checkMode_ = new QAction(tr("Check mode"), this);
    checkMode_->setObjectName("actionCheckMode");
    checkMode_->setCheckable(true);
    checkMode_->setShortcut(QKeySequence(tr("Ctrl+K")));
    checkMode_->setToolTip(tr("Check mode: type the values you worked out by hand and see each one marked (Ctrl+K)"));
    checkMode_->setStatusTip(checkMode_->toolTip());
    openAnswers_ = new QAction(tr("&Open answers…"), this);
    openAnswers_->setObjectName("actionOpenAnswers");
    openAnswers_->setToolTip(tr("Open an answer file (a student's work or a key) and mark it"));
    saveAnswers_ = new QAction(tr("&Save answers…"), this);
    saveAnswers_->setObjectName("actionSaveAnswers");
    saveAnswers_->setToolTip(tr("Save the answers typed so far as an answer file"));
    clearAnswers_ = new QAction(tr("&Clear answers"), this);
    clearAnswers_->setObjectName("actionClearAnswers");
    clearAnswers_->setToolTip(tr("Remove every answer typed or opened"));
    exportSolution_ = new QAction(tr("Export &solution…"), this);
    exportSolution_->setObjectName("actionExportSolution");
    exportSolution_->setShortcut(QKeySequence(tr("Ctrl+E")));
    exportSolution_->setToolTip(tr("The worked solution of this network — every step with its formulas and numbers — "
                                   "as PDF, HTML, LaTeX, Markdown, text or JSON, in the current notation and precision"));
    exportMarked_ = new QAction(tr("Export &marked solution…"), this);
    exportMarked_->setObjectName("actionExportMarkedSolution");
    exportMarked_->setToolTip(tr("The worked solution with the Check mode answers marked beside each formula "
                                 "(✓ right, ✗ wrong, ↷ carried; shown in PDF and HTML)"));

    // File menu: after the Export submenu.
    QAction* anchor = nullptr;
    const QList<QAction*> fileActions = fileMenu->actions();
    for (int k = 0; k < fileActions.size(); ++k) {
        if (fileActions[k]->menu() && fileActions[k]->menu()->objectName() == "menuExport" && k + 1 < fileActions.size()) {
            anchor = fileActions[k + 1];
        }
    }
    fileMenu->insertAction(anchor, exportSolution_);
    fileMenu->insertAction(anchor, exportMarked_);

    auto* menu = new QMenu(tr("&Check"), window);
    menu->setObjectName("menuCheck");
    menu->addAction(checkMode_);
    menu->addSeparator();
    menu->addAction(openAnswers_);
    menu->addAction(saveAnswers_);
    menu->addAction(clearAnswers_);
    menu->addSeparator();
    menu->addAction(exportMarked_);
    menu->setToolTipsVisible(true);
    window->menuBar()->insertMenu(beforeMenu, menu);
    toolBar->addSeparator();
    toolBar->addAction(checkMode_);
    panel_->addHeaderActions({openAnswers_, saveAnswers_, clearAnswers_});

    connect(checkMode_, &QAction::toggled, this, &CheckController::setCheckMode);
    connect(openAnswers_, &QAction::triggered, this, &CheckController::openAnswersWithDialog);
    connect(saveAnswers_, &QAction::triggered, this, &CheckController::saveAnswersWithDialog);
    // One undo step (Ctrl+Z brings the answers back), so no question first.
    connect(clearAnswers_, &QAction::triggered, this, [this] {
        if (session_->isEmpty() && session_->filePath().isEmpty())
            return;
        window_->document()->undoStack()->push(new ClearAnswersCommand(session_));
        // Out of the emptied field, so Ctrl+Z reaches the window's Undo, not the field's.
        window_->workspace()->view()->setFocus(Qt::OtherFocusReason);
        window_->statusBar()->showMessage(tr("Cleared the answers; Undo (Ctrl+Z) brings them back"),
                                          6000);
    });
    connect(exportSolution_, &QAction::triggered, this, [this] { exportWithDialog(false); });
    connect(exportMarked_, &QAction::triggered, this, [this] { exportWithDialog(true); });
    connect(session_, &CheckSession::changed, this, &CheckController::updateActions);
    connect(doc, &NetworkDocument::selectionChanged, this, &CheckController::selectionClicked);
    window->installEventFilter(this);
    updateActions();
}

bool CheckController::isCheckMode() const { return checkMode_->isChecked(); }

void CheckController::setCheckMode(bool on) {
    if (checkMode_->isChecked() != on) {
        checkMode_->setChecked(on); // toggled() comes back here
        return;
    }
    DetailsPanel* details = window_->workspace()->details();
    details->setCheckMode(on);
    window_->document()->setHideCurrentResults(on);
    if (on) {
        if (QWidget* dock = details->parentWidget()) dock->show();
        giveFieldsRoom();
        panel_->rebuild();
        window_->statusBar()->showMessage(
            tr("Check mode: type your values; click a neuron or a weight to jump to its field"), 6000);
    }
}

void CheckController::giveFieldsRoom() {
    // Half the Network tab's height for the fields (at 1024×768 a third shows
    // only a row or two of them); the canvas keeps the other half.
    NetworkWorkspace* workspace = window_->workspace();
    QWidget* w = workspace->details();
    while (w && !qobject_cast<QDockWidget*>(w))
        w = w->parentWidget();
    auto* dock = qobject_cast<QDockWidget*>(w);
    if (!dock || workspace->dockWidgetArea(dock) == Qt::NoDockWidgetArea || dock->isFloating())
        return;
    const int wanted = workspace->height() / 2;
    if (dock->height() < wanted)
        workspace->resizeDocks({dock}, {wanted}, Qt::Vertical);
}

bool CheckController::openAnswers(const QString& path) {
    QString error;
    if (!session_->load(path, &error)) {
        window_->messageBar()->showError(tr("Cannot open the answers: %1").arg(error));
        return false;
    }
    setCheckMode(true);
    panel_->setShowAllSteps(true);
    if (!session_->networkMismatch().isEmpty()) window_->messageBar()->showError(session_->networkMismatch());
    window_->statusBar()->showMessage(tr("Answers from %1: %2").arg(QFileInfo(path).fileName(), session_->summary()), 8000);
    return true;
}

bool CheckController::saveAnswers(const QString& path) {
    QString error;
    if (!session_->save(path, &error)) {
        window_->messageBar()->showError(tr("Cannot save the answers: %1").arg(error));
        return false;
    }
    window_->statusBar()->showMessage(tr("Saved the answers to %1").arg(QDir::toNativeSeparators(path)), 6000);
    return true;
}

bool CheckController::exportSolutionTo(const QString& path, io::SolutionFormat format, bool marked) {
    io::ExportExtras extras;
    if (marked && !session_->report().results.empty()) {
        extras.marking = session_->report();
        extras.markingSource = session_->filePath().isEmpty() ? tr("answers typed in Check mode")
                                                              : QFileInfo(session_->filePath()).fileName();
    }
    const auto written = io::exportSolution(window_->document()->trace(), format, path, extras);
    if (!written) {
        window_->messageBar()->showError(tr("Cannot export the solution: %1").arg(QString::fromStdString(written.error().message())));
        return false;
    }
    window_->statusBar()->showMessage(tr("Exported the %1solution to %2")
                                          .arg(extras.marking ? tr("marked ") : QString(), QDir::toNativeSeparators(path)),
                                      6000);
    return true;
}

QString CheckController::baseName() const {
    const NetworkDocument* doc = window_->document();
    if (!doc->isUntitled()) return QFileInfo(doc->filePath()).completeBaseName();
    return doc->displayName().section(',', 0, 0).trimmed();
}

void CheckController::openAnswersWithDialog() {
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open answers"), lastDirectory(),
                                                      tr("Answer files (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    rememberDirectory(path);
    openAnswers(path);
}

QString CheckController::suggestedAnswersPath() const {
    if (!session_->filePath().isEmpty()) return session_->filePath();
    // Beside the network the answers are for; the last folder used for an example or a new network.
    const NetworkDocument* doc = window_->document();
    const QString folder = doc->isUntitled() ? lastDirectory() : QFileInfo(doc->filePath()).absolutePath();
    return folder + "/" + baseName() + "-answers.json";
}

void CheckController::saveAnswersWithDialog() {
    const QString suggested = suggestedAnswersPath();
    QString path = QFileDialog::getSaveFileName(window_, tr("Save answers"), suggested, tr("Answer files (*.json)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(".json", Qt::CaseInsensitive)) path += ".json";
    rememberDirectory(path);
    saveAnswers(path);
}

void CheckController::exportWithDialog(bool marked) {
    const QStringList filters = io::solutionFormatFilters();
    QString filter = filters.value(0);
    const QString suggested = lastDirectory() + "/" + baseName() + (marked ? "-marked" : "-solution") + ".pdf";
    QString path = QFileDialog::getSaveFileName(window_, marked ? tr("Export marked solution") : tr("Export solution"),
                                                suggested, filters.join(";;"), &filter);
    if (path.isEmpty()) return;
    auto format = io::solutionFormatFromPath(path);
    if (!format) {
        format = io::solutionFormatFromFilter(filter);
        if (!format) format = io::SolutionFormat::Pdf;
        path += "." + io::solutionFormatSuffix(*format);
    }
    rememberDirectory(path);
    exportSolutionTo(path, *format, marked);
}

void CheckController::selectionClicked() {
    if (!isCheckMode()) return;
    const Selection& s = window_->document()->selection();
    if (s.kind != Selection::Neuron && s.kind != Selection::Edge) return;
    // The neuron's (or weight's) values, in step order: a, z, δ, ∂E/∂b, new b
    // for a neuron; ∂E/∂w, new w for a weight. The current step's first,
    // then the next step that has one, then any.
    auto matches = [&s](const QuantityRef& r) {
        if (r.layer != s.layer || r.i != s.neuron) return false;
        return s.kind == Selection::Edge ? r.j == s.source : r.j < 0;
    };
    NetworkDocument* doc = window_->document();
    const Trace& trace = doc->trace();
    const int steps = int(trace.steps.size());
    const int from = std::max(0, doc->position() - 1);
    for (int n = 0; n < steps; ++n) {
        const int k = (from + n) % steps;
        for (const ScalarFormula& f : trace.steps[std::size_t(k)].scalars) {
            if (!matches(f.ref)) continue;
            if (!panel_->showsAllSteps()) doc->setPosition(k + 1);
            panel_->focusEntry(f.ref);
            return;
        }
    }
}

void CheckController::updateActions() {
    const bool any = !session_->isEmpty();
    saveAnswers_->setEnabled(any);
    clearAnswers_->setEnabled(any || !session_->filePath().isEmpty());
    exportMarked_->setEnabled(!session_->report().results.empty());
}

bool CheckController::eventFilter(QObject* watched, QEvent* event) {
    // Closing the window with typed answers that were never saved asks first.
    if (watched == window_ && event->type() == QEvent::Close && session_->isModified() && !session_->isEmpty() &&
        window_->isVisible()) {
        const auto answer = QMessageBox::warning(window_, tr("Unsaved answers"),
                                                 tr("You typed answers in Check mode that are not saved. Save them first?"),
                                                 QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                                 QMessageBox::Save);
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return true;
        }
        if (answer == QMessageBox::Save) {
            saveAnswersWithDialog();
            if (session_->isModified()) {
                event->ignore();
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace bpl::gui
