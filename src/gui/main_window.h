// The main window: menus, toolbar and status bar around a tab widget whose
// first tab is the network workspace (canvas, stepper, panels) and whose other
// tabs are the labs (addLabTabs). Opens, saves and exports files, offers the
// examples, and remembers notation, precision, theme and layout (QSettings).
#pragma once

#include <QMainWindow>
#include <memory>

class QActionGroup;
class QTabWidget;

namespace Ui {
class MainWindow;
}

namespace bpl::gui {

class Appearance;
class Autosave;
struct AutosavedEdits;
class MessageBar;
class NetworkDocument;
class NetworkWorkspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a network file: reads and checks it, then asks about unsaved
    // changes, then replaces the network. On a bad file shows the loader's
    // message, asks nothing and keeps what is open. True when it was opened.
    bool openFile(const QString& path);
    // Opens a built-in example by id or name (see examples.h).
    bool openExample(const QString& key);
    // Writes the network to `path` (QSaveFile: never a half-written file).
    bool saveTo(const QString& path);

    NetworkWorkspace* workspace() const;
    NetworkDocument* document() const;
    QTabWidget* tabs() const;
    MessageBar* messageBar() const;
    Appearance* appearance() const { return appearance_; }

    // "standard", "bishop", "course" or "ng"; remembered.
    void setNotation(const QString& id);
    // Significant figures of every number shown; remembered.
    void setPrecision(int significantFigures);
    // The stepper's optional last step ∂E/∂x = W⁽¹⁾ᵀδ⁽¹⁾ (Step menu); remembered.
    void setInputGradientShown(bool shown);
    void setPresenting(bool presenting);
    // On by default: the window opens inside the screen's available area.
    // `screenshot --size` turns it off to render a size the offscreen screen may not have.
    void setFitsScreen(bool fits) { fitsScreen_ = fits; }

    // Keeps a copy of unsaved edits in `directory` (autosave.h); the app turns
    // it on, tests and screenshots leave it off.
    void enableAutosave(const QString& directory);
    Autosave* autosave() const { return autosave_; }
    // Asks whether to restore the newest copy a crashed or killed window left.
    void offerAutosavedEdits(const QString& directory);
    // Opens the edits' file (or a new document) and applies the edits as one
    // undo step, so they show as unsaved and Ctrl+Z shows the file as it was.
    bool restoreAutosavedEdits(const AutosavedEdits& edits);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // main_window_menus.cpp
    void buildMenus();
    void buildFileActions();
    void buildNetworkMenu();
    void buildViewMenu();
    void buildExamplesMenu();
    void rebuildRecentMenu();
    void updateNetworkMenu();
    void updateTabActions();

    // main_window.cpp
    bool maybeSave();
    bool save();
    bool saveAs();
    void openWithDialog();
    void newNetwork();
    void exportCanvasWithDialog(const QString& suffix);
    void updateTitle();
    // The trace's overflow (core/trace_overflow.h) in the message bar instead of inf.
    void showTraceOverflow();
    // Shrinks and moves the window into the screen's available area (a
    // 1400×900 default, or a size saved on a larger screen, would run off a 1024×768 one).
    void fitIntoScreen();
    void applyAppearance();
    void readSettings();
    void writeSettings() const;
    QString dialogDirectory() const;

    std::unique_ptr<Ui::MainWindow> ui_;
    Autosave* autosave_ = nullptr;
    Appearance* appearance_;
    QActionGroup* notationGroup_ = nullptr;
    QActionGroup* precisionGroup_ = nullptr;
    QAction* inputGradientAction_ = nullptr;
    QActionGroup* themeGroup_ = nullptr;
    bool restoringSettings_ = false;
    bool shownOnce_ = false;
    bool fitsScreen_ = true;
};

} // namespace bpl::gui
