// libFuzzer target: the window (script/fuzz). Each input is written to a
// file, opened in the main window offscreen as File → Open does, and the
// window is painted once (grab()). The window must open exactly what the
// command line's loader accepts, and neither crash nor hang: libFuzzer's
// -timeout is the per-input time limit (script/fuzz). Qt's offscreen platform
// and test-mode settings keep it away from the display and the user's files.
#include "fuzz_file.h"

#include "gui/main_window.h"
#include "io/network_file.h"

#include <QApplication>
#include <QByteArray>
#include <QStandardPaths>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

bpl::gui::MainWindow& window() {
    static int argc = 1;
    static char name[] = "fuzz_window";
    static char* argv[] = {name, nullptr};
    static QApplication* app = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QStandardPaths::setTestModeEnabled(true);
        return new QApplication(argc, argv);
    }();
    static bpl::gui::MainWindow* main = [] {
        auto* w = new bpl::gui::MainWindow;
        w->resize(1024, 768);
        w->show();
        return w;
    }();
    (void)app;
    return *main;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bpl::gui::MainWindow& w = window();
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const bool accepted = bool(bpl::io::parseNetwork(bytes, QStringLiteral("fuzz.json")));
    const bool opened = w.openFile(bpl::fuzz::fileHolding(bytes, "fuzz.json"));
    bpl::fuzz::agree(accepted, opened);
    QCoreApplication::processEvents();
    (void)w.grab();
    return 0;
}
