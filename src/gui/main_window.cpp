#include "gui/main_window.h"

#include "core/trace_overflow.h"
#include "gui/app_settings.h"
#include "gui/appearance.h"
#include "gui/autosave.h"
#include "gui/commands/structure_commands.h"
#include "gui/canvas/canvas_export.h"
#include "gui/canvas/canvas_style.h"
#include "gui/canvas/network_view.h"
#include "gui/examples.h"
#include "gui/lab_tabs.h"
#include "gui/message_bar.h"
#include "gui/network_document.h"
#include "gui/network_workspace.h"
#include "gui/tab_fit.h"
#include "io/network_file.h"
#include "ui_main_window.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QGuiApplication>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QUndoStack>

namespace bpl::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), ui_(std::make_unique<Ui::MainWindow>()), appearance_(new Appearance(this)) {
    ui_->setupUi(this);
    addLabTabs(ui_->tabs);
    buildMenus();
    connect(document(), &NetworkDocument::fileChanged, this, &MainWindow::updateTitle);
    connect(document(), &NetworkDocument::traceChanged, this, &MainWindow::showTraceOverflow);
    connect(workspace(), &NetworkWorkspace::statusMessage, this, [this](const QString& m) { statusBar()->showMessage(m, 6000); });
    connect(appearance_, &Appearance::changed, this, &MainWindow::applyAppearance);
    connect(ui_->tabs, &QTabWidget::currentChanged, this, &MainWindow::updateTabActions);
    setTabId(workspace(), "network");
    readSettings();
    fitIntoScreen();
    if (const ExampleInfo* first = builtInExamples().empty() ? nullptr : &builtInExamples().front()) {
        openExample(first->id);
    }
    applyAppearance();
    updateTitle();
    updateTabActions();
    // Space and the arrow keys step from the first moment.
    workspace()->view()->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::showTraceOverflow() {
    static const QString kPrefix = tr("The numbers overflow: ");
    if (const auto overflow = traceOverflow(document()->trace())) {
        ui_->messageBar->showError(kPrefix + QString::fromStdString(*overflow) +
                                   tr(". Make the weights or inputs smaller."));
    } else if (ui_->messageBar->isError() && ui_->messageBar->text().startsWith(kPrefix)) {
        ui_->messageBar->hide();
    }
}

NetworkWorkspace* MainWindow::workspace() const { return ui_->networkTab; }
NetworkDocument* MainWindow::document() const { return ui_->networkTab->document(); }
QTabWidget* MainWindow::tabs() const { return ui_->tabs; }
MessageBar* MainWindow::messageBar() const { return ui_->messageBar; }

bool MainWindow::openFile(const QString& path) {
    // Read and check the file first: a file that cannot be opened never asks
    // about unsaved changes (nor is a Discard answered without discarding).
    const auto loaded = io::loadNetwork(path);
    if (!loaded) {
        ui_->messageBar->showError(tr("Cannot open the network: %1").arg(QString::fromStdString(loaded.error().message())));
        return false;
    }
    if (!maybeSave())
        return false;
    document()->load(loaded.value(), QFileInfo(path).absoluteFilePath());
    addRecentFile(path);
    rebuildRecentMenu();
    ui_->messageBar->hide();
    showTraceOverflow();
    ui_->tabs->setCurrentWidget(workspace());
    workspace()->view()->fitToWindow();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 6000);
    return true;
}

bool MainWindow::openExample(const QString& key) {
    const ExampleInfo* example = findExample(key);
    if (!example) {
        ui_->messageBar->showError(tr("There is no example called “%1”").arg(key));
        return false;
    }
    QFile f(example->resourcePath);
    if (!f.open(QIODevice::ReadOnly)) return false;
    const auto parsed = io::parseNetwork(f.readAll(), example->id + ".json");
    if (!parsed) {
        ui_->messageBar->showError(QString::fromStdString(parsed.error().message()));
        return false;
    }
    document()->load(parsed.value(), QString(), example->name);
    ui_->messageBar->hide();
    showTraceOverflow();
    ui_->tabs->setCurrentWidget(workspace());
    workspace()->view()->fitToWindow();
    statusBar()->showMessage(tr("Example: %1").arg(example->name), 6000);
    return true;
}

bool MainWindow::saveTo(const QString& path) {
    const auto saved = io::saveNetwork(document()->fileDocument(), path);
    if (!saved) {
        ui_->messageBar->showError(tr("Cannot save the network: %1").arg(QString::fromStdString(saved.error().message())));
        return false;
    }
    document()->markSaved(QFileInfo(path).absoluteFilePath());
    addRecentFile(path);
    rebuildRecentMenu();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
    return true;
}

bool MainWindow::save() {
    if (document()->isUntitled()) return saveAs();
    return saveTo(document()->filePath());
}

bool MainWindow::saveAs() {
    QString suggested = document()->isUntitled() ? dialogDirectory() + "/" + document()->displayName() + ".json"
                                                 : document()->filePath();
    if (!document()->exampleName().isEmpty()) {
        suggested = dialogDirectory() + "/" + document()->exampleName().section(',', 0, 0).trimmed() + ".json";
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save network"), suggested, tr("Network files (*.json)"));
    if (path.isEmpty()) return false;
    openSettings()->setValue(settings::kLastDirectory, QFileInfo(path).absolutePath());
    return saveTo(path.endsWith(".json", Qt::CaseInsensitive) ? path : path + ".json");
}

bool MainWindow::maybeSave() {
    if (!document()->isModified()) return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("“%1” has unsaved changes. Save them first?").arg(document()->displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::openWithDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open network"), dialogDirectory(),
                                                      tr("Network files (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    openSettings()->setValue(settings::kLastDirectory, QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::newNetwork() {
    if (!maybeSave()) return;
    io::NetworkDocument fresh;
    NetworkDocument blank;
    fresh.network = blank.network();
    document()->load(fresh, QString());
    workspace()->view()->fitToWindow();
}

void MainWindow::exportCanvasWithDialog(const QString& suffix) {
    const QString base = document()->isUntitled() ? document()->displayName().section(',', 0, 0).trimmed()
                                                  : QFileInfo(document()->filePath()).completeBaseName();
    const QString suggested = dialogDirectory() + "/" + base + QStringLiteral("-step%1.").arg(document()->position()) + suffix;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export canvas"), suggested,
                                                      tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty()) return;
    const QString error = exportCanvas(workspace()->scene(), path);
    if (!error.isEmpty()) ui_->messageBar->showError(error);
    else statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 6000);
}

QString MainWindow::dialogDirectory() const {
    const QString last = openSettings()->value(settings::kLastDirectory).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir()) return last;
    return QDir::homePath();
}

void MainWindow::updateTitle() {
    QString name = document()->displayName();
    if (!document()->exampleName().isEmpty()) name += tr(" (example)");
    setWindowTitle(name + "[*] — Backprop Lab");
    setWindowModified(document()->isModified());
    ui_->actionSave->setEnabled(true);
}

void MainWindow::setNotation(const QString& id) {
    Notation n;
    Notation::fromId(id.toStdString(), n);
    TraceOptions options = document()->traceOptions();
    options.notation = n;
    document()->setTraceOptions(options);
    if (notationGroup_) {
        for (QAction* a : notationGroup_->actions()) a->setChecked(a->data().toString() == QString::fromStdString(n.id));
    }
    if (!restoringSettings_) openSettings()->setValue(settings::kNotation, QString::fromStdString(n.id));
}

void MainWindow::setInputGradientShown(bool shown) {
    TraceOptions options = document()->traceOptions();
    if (options.inputGradient != shown) {
        options.inputGradient = shown;
        document()->setTraceOptions(options);
    }
    if (inputGradientAction_ && inputGradientAction_->isChecked() != shown)
        inputGradientAction_->setChecked(shown);
    if (!restoringSettings_)
        openSettings()->setValue(settings::kInputGradient, shown);
}

void MainWindow::setPrecision(int significantFigures) {
    TraceOptions options = document()->traceOptions();
    options.precision = std::clamp(significantFigures, 2, 15);
    document()->setTraceOptions(options);
    if (precisionGroup_) {
        for (QAction* a : precisionGroup_->actions()) a->setChecked(a->data().toInt() == options.precision);
    }
    if (!restoringSettings_) openSettings()->setValue(settings::kPrecision, options.precision);
}

void MainWindow::setPresenting(bool presenting) {
    ui_->actionPresentation->setChecked(presenting);
    appearance_->setPresenting(presenting);
}

void MainWindow::applyAppearance() {
    const double scale = appearance_->fontScale() * (appearance_->presenting() ? 1.35 : 1.0);
    workspace()->setPresenting(appearance_->presenting());
    // The status line is not read from the back of a room: its height goes to the canvas.
    statusBar()->setVisible(!appearance_->presenting());
    workspace()->setCanvasStyle(
        CanvasStyle::make(appearance_->effectiveTheme(), appearance_->isDark(), scale, appearance_->presenting()),
        appearance_->fontScale());
    // Larger fonts raise the window's smallest size: it still stays on the screen.
    if (fitsScreen_ && isVisible()) fitIntoScreen();
    if (!restoringSettings_) {
        auto s = openSettings();
        s->setValue(settings::kTheme, int(appearance_->theme()));
        s->setValue(settings::kFontScale, appearance_->fontScale());
    }
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // The system switched between light and dark: the canvas follows.
    if (event->type() == QEvent::ApplicationPaletteChange && appearance_ && appearance_->theme() == Theme::System &&
        !appearance_->presenting()) {
        const double scale = appearance_->fontScale();
        workspace()->setCanvasStyle(CanvasStyle::make(Theme::System, appearance_->isDark(), scale), scale);
    }
}

void MainWindow::readSettings() {
    restoringSettings_ = true;
    auto s = openSettings();
    restoreGeometry(s->value(settings::kGeometry).toByteArray());
    restoreState(s->value(settings::kWindowState).toByteArray());
    workspace()->restoreState(s->value(settings::kWorkspaceState).toByteArray());
    setNotation(s->value(settings::kNotation, "standard").toString());
    setPrecision(s->value(settings::kPrecision, 6).toInt());
    setInputGradientShown(s->value(settings::kInputGradient, false).toBool());
    appearance_->setTheme(Theme(std::clamp(s->value(settings::kTheme, 0).toInt(), 0, 2)));
    appearance_->setFontScale(s->value(settings::kFontScale, 1.0).toDouble());
    const bool follow = s->value(settings::kFollowStep, true).toBool();
    ui_->actionFollowStep->setChecked(follow);
    workspace()->view()->setFollowStep(follow);
    if (themeGroup_) {
        for (QAction* a : themeGroup_->actions()) a->setChecked(a->data().toInt() == int(appearance_->theme()));
    }
    restoringSettings_ = false;
}

void MainWindow::writeSettings() const {
    auto s = openSettings();
    s->setValue(settings::kGeometry, saveGeometry());
    s->setValue(settings::kWindowState, saveState());
    s->setValue(settings::kWorkspaceState, workspace()->saveState());
    s->setValue(settings::kFollowStep, ui_->actionFollowStep->isChecked());
}

void MainWindow::fitIntoScreen() {
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!s || isMaximized() || isFullScreen()) return;
    const QRect available = s->availableGeometry();
    // Before the first show the frame is not known yet: allow for a usual title bar and border.
    const QSize frame = isVisible() ? frameGeometry().size() - geometry().size() : QSize(16, 40);
    resize(fittedWindowSize(size(), available.size(), frame));
    const QSize outer = size() + frame;
    QPoint topLeft = pos();
    if (!available.contains(QRect(topLeft, outer))) {
        topLeft = available.topLeft() + QPoint((available.width() - outer.width()) / 2,
                                               (available.height() - outer.height()) / 2);
    }
    move(topLeft);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // Now the frame is known: make sure all of it is on the screen.
    if (!shownOnce_) {
        shownOnce_ = true;
        if (fitsScreen_) fitIntoScreen();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    // The panels presentation mode hid are saved as the user had them.
    workspace()->setPresenting(false);
    writeSettings();
    if (autosave_) autosave_->closeCleanly();
    event->accept();
}

void MainWindow::enableAutosave(const QString& directory) {
    if (!autosave_) autosave_ = new Autosave(document(), directory, this);
}

void MainWindow::offerAutosavedEdits(const QString& directory) {
    const std::vector<AutosavedEdits> found = Autosave::orphaned(directory);
    if (found.empty()) return;
    const AutosavedEdits& newest = found.front();
    const QString when = QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat);
    const auto answer = QMessageBox::question(
        this, tr("Restore unsaved edits?"),
        tr("Backprop Lab did not close normally. Unsaved edits to “%1” from %2 were kept.\n\n"
           "Restore them? (Discard deletes the kept copy.)")
            .arg(newest.displayName, when),
        QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Ignore, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        if (restoreAutosavedEdits(newest)) Autosave::discard(newest);
    } else if (answer == QMessageBox::Discard) {
        Autosave::discard(newest);
    }
}

bool MainWindow::restoreAutosavedEdits(const AutosavedEdits& edits) {
    bool openedOriginal = false;
    if (!edits.originalPath.isEmpty() && QFileInfo(edits.originalPath).isFile()) {
        const auto loaded = io::loadNetwork(edits.originalPath);
        if (loaded) {
            document()->load(loaded.value(), QFileInfo(edits.originalPath).absoluteFilePath());
            openedOriginal = true;
        }
    }
    if (!openedOriginal && !edits.exampleName.isEmpty()) openedOriginal = openExample(edits.exampleName);
    if (!openedOriginal) document()->load(edits.document, QString(), edits.displayName);
    DocumentState restored;
    restored.network = edits.document.network;
    restored.original = edits.document.original;
    restored.samplePass = edits.samplePass;
    document()->undoStack()->push(RestoreEditsCommand::make(document(), restored).release());
    ui_->messageBar->hide();
    ui_->tabs->setCurrentWidget(workspace());
    workspace()->view()->fitToWindow();
    statusBar()->showMessage(tr("Restored the unsaved edits to %1").arg(edits.displayName), 8000);
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    event->acceptProposedAction();
    openFile(urls.first().toLocalFile()); // asks about unsaved changes once the file reads
}

} // namespace bpl::gui
