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
class DockSizes;
class InspectorPanel;
class NetworkDocument;
class NetworkEditor;
class NetworkScene;
class NetworkView;
class StepListPanel;

// The smallest canvas text in presentation mode, in screen pixels: readable
// from the back of a classroom on a 1280×720 projector.
constexpr double kPresentationTextPixels = 14;
// The smallest index (the ₁₂ of w₁₂) in presentation mode, in screen pixels.
constexpr double kPresentationIndexPixels = 10;
// Narrower than this, the Network tab's side panels share one column.
constexpr int kCompactWorkspaceWidth = 1200;

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

    // `textScale` is the user's font scale (Ctrl+= / Ctrl+-): the canvas text grows with it on screen.
    void setCanvasStyle(const CanvasStyle& style, double textScale = 1.0);
    // Presenting: the step list, the inspector and the step details make way
    // for the canvas (and come back as they were afterwards); the canvas shows
    // the step's title and never draws text under kPresentationTextPixels.
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

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateStepperState();
    // Small windows (1024×768, or 1280×720 at 150 %): the step list joins the
    // inspector as a tab and the details take at most a third of the height,
    // so the canvas keeps its room; wider again, the step list goes back.
    void fitPanels();

    std::unique_ptr<Ui::NetworkWorkspace> ui_;
    bool presenting_ = false;
    bool stepsWereVisible_ = true;
    bool inspectorWasVisible_ = true;
    bool detailsWereVisible_ = true;
    bool compact_ = false;
    bool detailsFitted_ = false;
    DockSizes* dockSizes_ = nullptr;
    bool refusalShown_ = false; // the status bar shows “Not changed: …”
    NetworkDocument* document_;
    NetworkEditor* editor_;
    NetworkScene* scene_;
};

} // namespace bpl::gui
