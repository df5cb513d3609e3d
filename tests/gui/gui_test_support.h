// Shared setup for the network-window GUI tests: private settings (a test
// never reads or writes the user's), a shown and active main window with the
// 3-2-1 example open, and the values of teaching-content.md section 1.
#pragma once

#include "core/number_format.h"
#include "gui/main_window.h"
#include "gui/network_document.h"
#include "gui/network_workspace.h"

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace bpl::test {

// Call once in initTestCase(): settings go to a temporary directory.
inline void isolateSettings(QTemporaryDir& dir) {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QApplication::setOrganizationName("Backprop Lab Tests");
}

// Call in main() before QApplication: one offscreen screen of width × height
// (Qt 6.4's offscreen plugin takes its screens from a JSON config file in `dir`).
inline bool useOffscreenScreen(const QTemporaryDir& dir, int width, int height) {
    const QString config = dir.filePath("screen.json");
    QFile f(config);
    if (!f.open(QIODevice::WriteOnly)) return false;
    f.write(QString(R"({"screens": [{"name": "classroom", "x": 0, "y": 0, "width": %1, "height": %2}]})")
                .arg(width)
                .arg(height)
                .toUtf8());
    f.close();
    qputenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + config).toUtf8());
    return true;
}

// A main window with the 3-2-1 sigmoid example open, shown and active, of
// `size` (large unless a test asks for a classroom screen's); with
// `standardView`, in the standard notation at 6 significant figures
// (otherwise as the settings remember).
inline std::unique_ptr<gui::MainWindow> openSheet5(bool standardView = true,
                                                   QSize size = QSize(1500, 950)) {
    auto window = std::make_unique<gui::MainWindow>();
    // That size whatever the offscreen screen's size (800×800 unless configured).
    window->setFitsScreen(false);
    window->resize(size);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowExposed(window.get())) return nullptr;
    if (!window->openExample("sheet5_321_sigmoid")) return nullptr;
    if (standardView) {
        window->setNotation("standard");
        window->setPrecision(6);
    }
    QApplication::processEvents();
    return window;
}

// 2-6-1, tanh hidden units, a sigmoid output, binary cross-entropy: the
// Training tab's spiral network.
inline constexpr const char* kSpiralNet =
    R"({"format": "backprop-lab.network/1", "name": "spiral 2-6-1",
  "layers": [{"size": 2},
    {"size": 6, "activation": "tanh", "weights": [[0.5, -0.4], [0.3, 0.6], [-0.7, 0.2], [0.4, 0.4], [-0.2, -0.6], [0.6, -0.1]],
     "bias": [0.1, -0.1, 0.05, 0, 0.2, -0.2]},
    {"size": 1, "activation": "sigmoid", "weights": [[0.3, -0.5, 0.4, 0.2, -0.3, 0.6]], "bias": [0]}],
  "loss": "binary_cross_entropy", "learning_rate": 0.1, "sample": {"input": [0, 0], "target": [1]}})";

// x written as the canvas and the details panel write it (6 significant figures).
inline QString six(double x) { return QString::fromStdString(formatNumber(x, 6)); }

} // namespace bpl::test
