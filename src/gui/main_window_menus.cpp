// The main window's menus and actions (the rest of MainWindow is in
// main_window.cpp): File, Edit (undo/redo named after the edit), Network,
// Step, View (notation, precision, zoom, presentation, theme, panels),
// Examples and Help.
#include "gui/main_window.h"

#include "gui/canvas_menu.h"

#include "core/notation.h"
#include "gui/app_settings.h"
#include "gui/appearance.h"
#include "gui/canvas/network_view.h"
#include "gui/check/check_controller.h"
#include "gui/examples.h"
#include "gui/exercise/exercise_sheets_action.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/inspector/value_spin_box.h"
#include "gui/message_bar.h"
#include "gui/network_document.h"
#include "gui/network_editor.h"
#include "gui/network_workspace.h"
#include "gui/training/training_lab.h"
#include "ui_main_window.h"

#include <QActionGroup>
#include <QDockWidget>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QUndoStack>

namespace bpl::gui {

void MainWindow::buildMenus() {
    buildFileActions();
    buildNetworkMenu();
    buildViewMenu();
    buildExamplesMenu();
    rebuildRecentMenu();
    // Check mode and File → Export solution (gui/check).
    new CheckController(this, ui_->menuFile, ui_->mainToolBar, ui_->menuExamples->menuAction());
    // File → New exercise sheets… (gui/exercise), after Open Recent.
    installExerciseSheetsAction(this, ui_->menuFile, ui_->menuRecent->menuAction());

    // Edit: undo and redo carry the edit's name ("Undo Set w₁₂⁽²⁾ to 0.4").
    QUndoStack* stack = document()->undoStack();
    QAction* undo = stack->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = stack->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    ui_->menuEdit->addAction(undo);
    ui_->menuEdit->addAction(redo);
    ui_->mainToolBar->insertAction(ui_->actionFit, undo);
    ui_->mainToolBar->insertAction(ui_->actionFit, redo);
    ui_->mainToolBar->insertSeparator(ui_->actionFit);

    // Step: the workspace's stepper actions.
    const QList<QAction*> stepper = workspace()->stepperActions();
    for (int k = 0; k < stepper.size(); ++k) {
        if (k == 3 || k == 6) ui_->menuStep->addSeparator();
        ui_->menuStep->addAction(stepper[k]);
    }
    ui_->menuStep->addSeparator();
    inputGradientAction_ = ui_->menuStep->addAction(tr("Show the &input gradient ∂E/∂x"));
    inputGradientAction_->setObjectName("actionInputGradient");
    inputGradientAction_->setCheckable(true);
    inputGradientAction_->setStatusTip(
        tr("Add ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ as the last step, drawn at the input neurons"));
    connect(inputGradientAction_, &QAction::toggled, this, &MainWindow::setInputGradientShown);

    connect(ui_->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Backprop Lab"),
                           tr("<h3>Backprop Lab %1</h3><p>Step through the forward pass and backpropagation of a "
                              "small neural network, with every number and every formula.</p>"
                              "<p>Space or → next step, ← previous, Home start, End after the update.</p>"
                              "<p>GPL-3.0-or-later</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::buildFileActions() {
    connect(ui_->actionNew, &QAction::triggered, this, &MainWindow::newNetwork);
    connect(ui_->actionOpen, &QAction::triggered, this, &MainWindow::openWithDialog);
    connect(ui_->actionSave, &QAction::triggered, this, &MainWindow::save);
    connect(ui_->actionSaveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(ui_->actionExportPng, &QAction::triggered, this, [this] { exportCanvasWithDialog("png"); });
    connect(ui_->actionExportSvg, &QAction::triggered, this, [this] { exportCanvasWithDialog("svg"); });
    connect(ui_->actionExportPdf, &QAction::triggered, this, [this] { exportCanvasWithDialog("pdf"); });
    connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::rebuildRecentMenu() {
    QMenu* menu = ui_->menuRecent;
    menu->clear();
    const QStringList files = recentFiles();
    for (int k = 0; k < files.size(); ++k) {
        const QString path = files[k];
        QAction* a = menu->addAction(QStringLiteral("&%1  %2").arg(k + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] {
            // openFile asks about unsaved changes once the file reads; a file
            // that is gone leaves the list.
            if (!openFile(path) && !QFileInfo(path).isFile()) {
                removeRecentFile(path);
                rebuildRecentMenu();
            }
        });
    }
    menu->setEnabled(!files.isEmpty());
}

void MainWindow::buildNetworkMenu() {
    NetworkEditor* editor = workspace()->editor();
    NetworkDocument* doc = document();
    connect(ui_->actionAddLayer, &QAction::triggered, this,
            [editor, doc] { editor->insertLayerAt(doc->network().lastLayer()); });
    connect(ui_->actionRemoveLayer, &QAction::triggered, this, [editor, doc] { editor->removeLayer(doc->selection().layer); });
    connect(ui_->actionAddNeuron, &QAction::triggered, this, [editor, doc] {
        const int l = doc->selection().layer;
        editor->addNeuron(l, doc->network().layers[l].size);
    });
    connect(ui_->actionRemoveNeuron, &QAction::triggered, this,
            [editor, doc] { editor->removeNeuron(doc->selection().layer, doc->selection().neuron); });
    connect(ui_->actionInitialize, &QAction::triggered, workspace(), &NetworkWorkspace::showInitDialog);
    connect(ui_->actionEditSample, &QAction::triggered, this, [this, doc] {
        doc->setSelection(Selection{});
        // The inspector's dock (the inspector sits in a scroll area inside it), raised if tabbed.
        for (QWidget* w = workspace()->inspector(); w; w = w->parentWidget()) {
            if (auto* dock = qobject_cast<QDockWidget*>(w)) {
                dock->show();
                dock->raise();
                break;
            }
        }
        workspace()->inspector()->learningRateField()->setFocus();
    });

    // Activation of the selected layer, and the loss.
    for (Activation a : allActivations()) {
        QAction* action = ui_->menuActivation->addAction(QString::fromStdString(activationName(a)));
        action->setData(int(a));
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [editor, doc, a] {
            ActivationFunction f = doc->network().layers[doc->selection().layer].activation;
            f.kind = a;
            editor->setActivation(doc->selection().layer, f);
        });
    }
    for (Loss loss : allLosses()) {
        QAction* action = ui_->menuLoss->addAction(QString::fromStdString(lossName(loss)));
        action->setData(int(loss));
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [editor, loss] { editor->setLoss(loss); });
    }
    // Every hidden layer at once: the activation of all of them, two units wide.
    auto* hidden = new QMenu(tr("&Hidden layers"), ui_->menuNetwork);
    hidden->setObjectName("menuHiddenLayers");
    ui_->menuNetwork->insertMenu(ui_->menuLoss->menuAction(), hidden);
    auto fillHidden = [hidden, editor] {
        hidden->clear();
        addHiddenLayerActions(hidden, editor);
    };
    connect(hidden, &QMenu::aboutToShow, this, fillHidden);
    fillHidden();
    connect(ui_->menuNetwork, &QMenu::aboutToShow, this, &MainWindow::updateNetworkMenu);
    connect(doc, &NetworkDocument::selectionChanged, this, &MainWindow::updateNetworkMenu);
    connect(doc, &NetworkDocument::traceChanged, this, &MainWindow::updateNetworkMenu);
    updateNetworkMenu();
}

void MainWindow::updateNetworkMenu() {
    const NetworkDocument* doc = document();
    const Network& net = doc->network();
    const Selection& s = doc->selection();
    const bool layerSelected = s.kind != Selection::None && s.layer >= 0;
    ui_->actionRemoveLayer->setEnabled(layerSelected && s.layer > 0 && net.layerCount() > 2);
    ui_->actionAddNeuron->setEnabled(layerSelected);
    ui_->actionRemoveNeuron->setEnabled(s.kind == Selection::Neuron && net.layers[s.layer].size > 1);
    ui_->menuActivation->setEnabled(layerSelected && s.layer > 0);
    for (QAction* a : ui_->menuActivation->actions()) {
        const bool softmax = Activation(a->data().toInt()) == Activation::Softmax;
        a->setEnabled(!softmax || (layerSelected && s.layer == net.lastLayer()));
        a->setChecked(layerSelected && s.layer > 0 && int(net.layers[s.layer].activation.kind) == a->data().toInt());
    }
    for (QAction* a : ui_->menuLoss->actions()) a->setChecked(int(net.loss) == a->data().toInt());
}

void MainWindow::buildViewMenu() {
    NetworkView* view = workspace()->view();
    notationGroup_ = new QActionGroup(this);
    for (const Notation& n : Notation::all()) {
        QAction* a = ui_->menuNotation->addAction(QString::fromStdString(n.title));
        a->setData(QString::fromStdString(n.id));
        a->setToolTip(QString::fromStdString(n.description));
        a->setStatusTip(QString::fromStdString(n.description));
        a->setCheckable(true);
        notationGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = QString::fromStdString(n.id)] { setNotation(id); });
    }
    ui_->menuNotation->setToolTipsVisible(true);
    precisionGroup_ = new QActionGroup(this);
    for (int digits : {3, 4, 5, 6, 8, 10}) {
        QAction* a = ui_->menuPrecision->addAction(tr("%1 significant figures").arg(digits));
        a->setData(digits);
        a->setCheckable(true);
        precisionGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, digits] { setPrecision(digits); });
    }
    themeGroup_ = new QActionGroup(this);
    const std::pair<Theme, QString> themes[] = {
        {Theme::System, tr("Follow the &system")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto& [theme, title] : themes) {
        QAction* a = ui_->menuTheme->addAction(title);
        a->setData(int(theme));
        a->setCheckable(true);
        a->setChecked(theme == appearance_->theme());
        themeGroup_->addAction(a);
        // A copy: clang before 16 cannot capture a structured binding (the fuzz build).
        connect(a, &QAction::triggered, this, [this, chosen = theme] { appearance_->setTheme(chosen); });
    }
    for (QAction* a : workspace()->panelActions()) ui_->menuPanels->addAction(a);
    // The Training tab's thumbnails of what each unit learned, on the canvas.
    if (auto* training = ui_->tabs->findChild<TrainingLab*>()) ui_->menuView->addAction(training->thumbnailsAction());

    connect(ui_->actionZoomIn, &QAction::triggered, view, &NetworkView::zoomIn);
    connect(ui_->actionZoomOut, &QAction::triggered, view, &NetworkView::zoomOut);
    connect(ui_->actionFit, &QAction::triggered, view, &NetworkView::fitToWindow);
    connect(ui_->actionFitAll, &QAction::triggered, view, &NetworkView::fitAll);
    connect(ui_->actionFollowStep, &QAction::toggled, view, &NetworkView::setFollowStep);
    // The w / ∂E/∂w colour legend in the canvas's corner can make way for the network.
    QAction* legend = ui_->menuView->addAction(tr("Edge colour &legend"));
    legend->setObjectName("actionShowLegend");
    legend->setCheckable(true);
    legend->setChecked(view->legendVisible());
    connect(legend, &QAction::toggled, view, &NetworkView::setLegendVisible);
    connect(ui_->actionPresentation, &QAction::toggled, this, [this](bool on) { appearance_->setPresenting(on); });
    connect(ui_->actionLargerFont, &QAction::triggered, this, [this] { appearance_->zoomFont(+1); });
    connect(ui_->actionSmallerFont, &QAction::triggered, this, [this] { appearance_->zoomFont(-1); });
    connect(ui_->actionResetFont, &QAction::triggered, this, [this] { appearance_->setFontScale(1.0); });
    // Ctrl++ as well as Ctrl+= for the larger font (keyboards differ); the
    // canvas zooms with Ctrl+wheel, +/- on the canvas, or Ctrl+Alt+=/-.
    ui_->actionLargerFont->setShortcuts({QKeySequence(tr("Ctrl+=")), QKeySequence(tr("Ctrl++"))});
    connect(ui_->actionFullScreen, &QAction::toggled, this, [this](bool on) {
        if (on) showFullScreen();
        else showNormal();
    });
}

void MainWindow::buildExamplesMenu() {
    ui_->menuExamples->setToolTipsVisible(true);
    for (const ExampleInfo& e : builtInExamples()) {
        QAction* a = ui_->menuExamples->addAction(e.name);
        a->setToolTip(e.description);
        a->setStatusTip(e.description);
        connect(a, &QAction::triggered, this, [this, id = e.id] {
            if (maybeSave()) openExample(id);
        });
    }
}

void MainWindow::updateTabActions() {
    // The stepper and network actions act on the Network tab only (their
    // shortcuts, Space and the arrows, belong to a lab while it is shown).
    const bool network = ui_->tabs->currentWidget() == workspace();
    for (QAction* a : workspace()->stepperActions()) a->setVisible(network);
    ui_->menuStep->setEnabled(network);
    ui_->menuNetwork->setEnabled(network);
}

} // namespace bpl::gui
