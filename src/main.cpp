// Chooses between the window and a headless subcommand; nothing else.
#include "cli/command.h"
#include "cli/output.h"
#include "gui/autosave.h"
#include "gui/check/check_controller.h"
#include "gui/main_window.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>

#include <memory>

int main(int argc, char** argv) {
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    QStringList rest;
    for (int k = 2; k < argc; ++k) rest << QString::fromLocal8Bit(argv[k]);

    if (first == "--help" || first == "-h" || first == "help") {
        bpl::cli::printOut(bpl::cli::usageText());
        return bpl::cli::finishOutput(nullptr, 0);
    }
    if (first == "--version") {
        bpl::cli::printOut(QString("backprop-lab %1\n").arg(BPL_VERSION));
        return bpl::cli::finishOutput(nullptr, 0);
    }
    if (const bpl::cli::Command* command = bpl::cli::findCommand(first)) {
        // Headless: never needs a display, even for plots and PDFs.
        if (bpl::cli::needsGuiFor(*command, rest)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            return bpl::cli::finishOutput(command->name, command->run(rest));
        }
        QCoreApplication app(argc, argv);
        return bpl::cli::finishOutput(command->name, command->run(rest));
    }
    if (!first.isEmpty() && !QFileInfo::exists(first)) {
        bpl::cli::printErr(QString("backprop-lab: '%1' is neither a command nor a file\n\n").arg(first) +
                           bpl::cli::usageText());
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName("Backprop Lab");
    QApplication::setOrganizationName("Backprop Lab");
    QApplication::setApplicationVersion(BPL_VERSION);
    QApplication::setWindowIcon(QIcon(":/icons/backprop-lab.svg"));
    QGuiApplication::setDesktopFileName("backprop-lab");
    bpl::gui::MainWindow window;
    const QString autosaveDirectory = bpl::gui::Autosave::defaultDirectory();
    if (!first.isEmpty() && window.openFile(first) && !rest.isEmpty()) {
        // backprop-lab NETWORK.json ANSWERS.json: a student's work, marked in Check mode.
        if (auto* check = window.findChild<bpl::gui::CheckController*>()) check->openAnswers(rest.first());
    }
    window.show();
    // Edits a killed or crashed window kept are offered back, then this
    // window keeps its own copy while it has unsaved edits.
    window.offerAutosavedEdits(autosaveDirectory);
    window.enableAutosave(autosaveDirectory);
    return app.exec();
}
