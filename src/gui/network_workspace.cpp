#include "gui/network_workspace.h"
#include "gui/shown_text.h"

#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas_menu.h"
#include "gui/details/details_panel.h"
#include "gui/dock_sizes.h"
#include "gui/init_dialog.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/network_document.h"
#include "gui/network_editor.h"
#include "gui/step_list_panel.h"
#include "ui_network_workspace.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QUndoStack>

namespace bpl::gui {

NetworkWorkspace::NetworkWorkspace(QWidget* parent)
    : QMainWindow(parent), ui_(std::make_unique<Ui::NetworkWorkspace>()), document_(new NetworkDocument(this)),
      editor_(new NetworkEditor(document_, this)), scene_(new NetworkScene(document_, this)) {
    ui_->setupUi(this);
    setWindowFlags(Qt::Widget); // lives inside the main window's tab
    ui_->canvas->setNetworkScene(scene_);
    ui_->stepList->setDocument(document_);
    ui_->details->setDocument(document_);
    ui_->inspector->setEditor(editor_);
    // On a short window the inspector (1280×720 at 150 %: 480 px) and the step
    // details' tables (1280×720 at QT_SCALE_FACTOR=2: 360 px) scroll instead of
    // setting the window's smallest height past the screen's.
    const auto scrollInDock = [](QDockWidget* dock, QWidget* panel, const char* name) {
        auto* scroll = new QScrollArea(dock);
        scroll->setObjectName(name);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setWidget(panel);
        dock->setWidget(scroll);
    };
    scrollInDock(ui_->inspectorDock, ui_->inspector, "inspectorScroll");
    scrollInDock(ui_->detailsDock, ui_->details, "detailsScroll");
    ui_->actionNext->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_Right)});
    ui_->actionNext->setToolTip(tr("Next step (Space or →)"));
    for (QAction* a : stepperActions()) a->setShortcutContext(Qt::WindowShortcut);
    resizeDocks({ui_->detailsDock}, {300}, Qt::Vertical);
    resizeDocks({ui_->stepsDock, ui_->inspectorDock}, {230, 290}, Qt::Horizontal);
    dockSizes_ = new DockSizes(this);
    dockSizes_->keep(ui_->inspectorDock, Qt::Horizontal);
    dockSizes_->keep(ui_->stepsDock, Qt::Horizontal);
    dockSizes_->keep(ui_->detailsDock, Qt::Vertical);

    connect(ui_->actionNext, &QAction::triggered, this, &NetworkWorkspace::next);
    connect(ui_->actionPrevious, &QAction::triggered, this, &NetworkWorkspace::previous);
    connect(ui_->actionStart, &QAction::triggered, this, &NetworkWorkspace::goToStart);
    connect(ui_->actionForwardEnd, &QAction::triggered, this, &NetworkWorkspace::goToForwardEnd);
    connect(ui_->actionBackwardEnd, &QAction::triggered, this, &NetworkWorkspace::goToBackwardEnd);
    connect(ui_->actionUpdateEnd, &QAction::triggered, this, &NetworkWorkspace::goToUpdateEnd);
    connect(ui_->actionApplyUpdate, &QAction::triggered, this, &NetworkWorkspace::applyUpdate);
    connect(ui_->actionResetWeights, &QAction::triggered, this, &NetworkWorkspace::resetWeights);
    connect(document_, &NetworkDocument::positionChanged, this, &NetworkWorkspace::updateStepperState);
    connect(document_, &NetworkDocument::traceChanged, this, &NetworkWorkspace::updateStepperState);
    connect(document_, &NetworkDocument::structureChanged, ui_->canvas, [this] {
        if (ui_->canvas->isVisible()) ui_->canvas->showFocus();
    });

    ui_->canvas->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(ui_->canvas, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        fillCanvasMenu(&menu, this, pos);
        menu.exec(ui_->canvas->viewport()->mapToGlobal(pos));
    });
    connect(ui_->canvas, &NetworkView::nudgeRequested, editor_, &NetworkEditor::nudgeSelection);
    connect(ui_->canvas, &NetworkView::typingStarted, ui_->inspector, &InspectorPanel::startTyping);
    connect(ui_->inspector, &InspectorPanel::initializeRequested, this, &NetworkWorkspace::showInitDialog);
    connect(editor_, &NetworkEditor::refused, this, [this](const QString& m) {
        refusalShown_ = true;
        emit statusMessage(tr("Not changed: %1").arg(m));
    });
    // A change that went through: a “Not changed: …” still shown is stale.
    connect(document_->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!refusalShown_)
            return;
        refusalShown_ = false;
        emit statusMessage(QString());
    });
    connect(ui_->details, &DetailsPanel::copied, this, &NetworkWorkspace::statusMessage);
    updateStepperState();
}

NetworkWorkspace::~NetworkWorkspace() {
    // The undo stack, cleared as it goes, must not report to a window going away.
    document_->undoStack()->disconnect(this);
    // The panels and the canvas observe the document: they go before it.
    delete ui_->stepsDock;
    delete ui_->inspectorDock;
    delete ui_->detailsDock;
    ui_->canvas->setScene(nullptr);
    delete scene_;
}

NetworkView* NetworkWorkspace::view() const { return ui_->canvas; }
DetailsPanel* NetworkWorkspace::details() const { return ui_->details; }
InspectorPanel* NetworkWorkspace::inspector() const { return ui_->inspector; }
StepListPanel* NetworkWorkspace::stepList() const { return ui_->stepList; }
QAction* NetworkWorkspace::nextAction() const { return ui_->actionNext; }
QAction* NetworkWorkspace::previousAction() const { return ui_->actionPrevious; }

QList<QAction*> NetworkWorkspace::stepperActions() const {
    return {ui_->actionNext, ui_->actionPrevious, ui_->actionStart, ui_->actionForwardEnd,
            ui_->actionBackwardEnd, ui_->actionUpdateEnd, ui_->actionApplyUpdate, ui_->actionResetWeights};
}

QList<QAction*> NetworkWorkspace::panelActions() const {
    return {ui_->stepsDock->toggleViewAction(), ui_->inspectorDock->toggleViewAction(),
            ui_->detailsDock->toggleViewAction(), ui_->stepperToolBar->toggleViewAction()};
}

void NetworkWorkspace::setCanvasStyle(const CanvasStyle& style, double textScale) {
    scene_->setCanvasStyle(style);
    ui_->canvas->setTextScale(textScale);
    ui_->canvas->fitToWindow();
}

void NetworkWorkspace::setPresenting(bool presenting) {
    if (presenting == presenting_) return;
    presenting_ = presenting;
    // The canvas gets the screen: the panels make way (the step's title goes
    // on the canvas instead), and text is never drawn under 14 px.
    if (presenting) {
        // isHidden(), not isVisible(): from another tab every dock is invisible
        // with its tab, and would stay hidden on the way back.
        stepsWereVisible_ = !ui_->stepsDock->isHidden();
        inspectorWasVisible_ = !ui_->inspectorDock->isHidden();
        detailsWereVisible_ = !ui_->detailsDock->isHidden();
        ui_->stepsDock->hide();
        ui_->inspectorDock->hide();
        ui_->detailsDock->hide();
    } else {
        ui_->stepsDock->setVisible(stepsWereVisible_);
        ui_->inspectorDock->setVisible(inspectorWasVisible_);
        ui_->detailsDock->setVisible(detailsWereVisible_);
    }
    ui_->canvas->setMinimumTextPixels(presenting ? kPresentationTextPixels : 0);
    ui_->canvas->setMinimumIndexPixels(presenting ? kPresentationIndexPixels : 0);
    updateStepperState();
}

void NetworkWorkspace::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    fitPanels();
    dockSizes_->windowResized();
}

void NetworkWorkspace::fitPanels() {
    const bool compact = width() < kCompactWorkspaceWidth;
    if (compact != compact_) {
        compact_ = compact;
        if (compact) {
            tabifyDockWidget(ui_->inspectorDock, ui_->stepsDock);
            ui_->inspectorDock->raise();
        } else {
            addDockWidget(Qt::LeftDockWidgetArea, ui_->stepsDock);
        }
    }
    if (!detailsFitted_ && height() > 0 && ui_->detailsDock->isVisible() && height() < 900) {
        detailsFitted_ = true;
        resizeDocks({ui_->detailsDock}, {height() / 3}, Qt::Vertical);
    }
}

void NetworkWorkspace::next() { document_->setPosition(document_->position() + 1); }
void NetworkWorkspace::previous() { document_->setPosition(document_->position() - 1); }
void NetworkWorkspace::goToStart() { document_->setPosition(0); }
void NetworkWorkspace::goToForwardEnd() { document_->setPosition(document_->forwardEndPosition()); }
void NetworkWorkspace::goToBackwardEnd() { document_->setPosition(document_->backwardEndPosition()); }
void NetworkWorkspace::goToUpdateEnd() { document_->setPosition(document_->updateEndPosition()); }

void NetworkWorkspace::applyUpdate() {
    editor_->applyUpdate();
    emit statusMessage(tr("Applied the update: sample pass %1 starts from the new weights").arg(document_->samplePass() + 1));
}

void NetworkWorkspace::resetWeights() {
    editor_->resetWeights();
    emit statusMessage(tr("Back to the file's weights"));
}

void NetworkWorkspace::showInitDialog() {
    InitDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) editor_->initializeWeights(dialog.options());
}

void NetworkWorkspace::updateStepperState() {
    const int p = document_->position();
    ui_->actionPrevious->setEnabled(p > 0);
    ui_->actionStart->setEnabled(p > 0);
    ui_->actionNext->setEnabled(p < document_->lastPosition());
    ui_->actionUpdateEnd->setEnabled(p < document_->lastPosition());
    QString caption;
    if (presenting_) {
        const Step* step = document_->currentStep();
        caption = step ? tr("Step %1 of %2 · %3")
                             .arg(p)
                             .arg(document_->lastPosition())
                             .arg(QString::fromStdString(step->title.text))
                       : tr("Start · %1").arg(shownName(document_->network().name));
    }
    ui_->canvas->setCaption(caption);
}

} // namespace bpl::gui
