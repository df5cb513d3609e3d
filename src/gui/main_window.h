// The main window: menus, the network tab and the labs as tabs, a status bar.
#pragma once

#include <QMainWindow>
#include <memory>

namespace Ui {
class MainWindow;
}

namespace bpl::gui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a network file; on a bad file shows the loader's message and keeps
    // what is open. Returns true when the file was opened.
    bool openFile(const QString& path);

private:
    std::unique_ptr<Ui::MainWindow> ui_;
};

} // namespace bpl::gui
