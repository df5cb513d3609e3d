// The Network tab: the canvas in the middle, the step list, the inspector and
// the step details as dockable panels, and the stepper toolbar. It owns the
// document and the editor of the open network and wires the panels to them;
// the main window adds menus and files around it.
#pragma once

#include <QMainWindow>
#include <memory>

namespace Ui {
class NetworkWorkspace;
}

namespace bpl::gui {

struct CanvasStyle;
class DetailsPanel;
class InspectorPanel;
class NetworkDocument;
class NetworkEditor;
class NetworkScene;
class NetworkView;
class StepListPanel;

class NetworkWorkspace : public QMainWindow {
    Q_OBJECT
public:
    explicit NetworkWorkspace(QWidget* parent = nullptr);
    ~NetworkWorkspace() override;

    NetworkDocument* document() const { return document_; }
    NetworkEditor* editor() const { return editor_; }
    NetworkScene* scene() const { return scene_; }
    NetworkView* view() const;
    DetailsPanel* details() const;
    InspectorPanel* inspector() const;
    StepListPanel* stepList() const;

    // The stepper's actions, in menu order (for the main window's Step menu).
    QList<QAction*> stepperActions() const;
    QAction* nextAction() const;
    QAction* previousAction() const;
    // Show/hide toggles of the docks (for the View menu).
    QList<QAction*> panelActions() const;

    void setCanvasStyle(const CanvasStyle& style);
    // Presenting: the step list and the inspector make way for the canvas
    // (and come back as they were afterwards).
    void setPresenting(bool presenting);

public slots:
    void next();
    void previous();
    void goToStart();
    void goToForwardEnd();
    void goToBackwardEnd();
    void goToUpdateEnd();
    void applyUpdate();
    void resetWeights();
    void showInitDialog();

signals:
    void statusMessage(const QString& message);

private:
    void updateStepperState();

    std::unique_ptr<Ui::NetworkWorkspace> ui_;
    bool presenting_ = false;
    bool stepsWereVisible_ = true;
    bool inspectorWasVisible_ = true;
    NetworkDocument* document_;
    NetworkEditor* editor_;
    NetworkScene* scene_;
};

} // namespace bpl::gui
