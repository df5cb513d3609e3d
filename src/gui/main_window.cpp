#include "gui/main_window.h"

#include "core/trace.h"
#include "io/network_file.h"
#include "gui/lab_tabs.h"
#include "io/trace_export.h"
#include "ui_main_window.h"

#include <QFileDialog>
#include <QMessageBox>

namespace bpl::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), ui_(std::make_unique<Ui::MainWindow>()) {
    ui_->setupUi(this);
    addLabTabs(ui_->tabs);
    connect(ui_->actionOpen, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open network"), QString(),
                                                          tr("Network files (*.json)"));
        if (!path.isEmpty()) openFile(path);
    });
    connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui_->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Backprop Lab"),
                           tr("<h3>Backprop Lab</h3><p>Step through feedforward and backpropagation, "
                              "with every number and every formula.</p><p>GPL-3.0-or-later</p>"));
    });
}

MainWindow::~MainWindow() = default;

bool MainWindow::openFile(const QString& path) {
    const auto loaded = io::loadNetwork(path);
    if (!loaded) {
        QMessageBox::warning(this, tr("Cannot open network"), QString::fromStdString(loaded.error().message()));
        return false;
    }
    const Trace trace = traceNetwork(loaded.value().network);
    ui_->solutionView->setPlainText(io::traceToText(trace));
    statusBar()->showMessage(tr("Opened %1").arg(path));
    return true;
}

} // namespace bpl::gui
