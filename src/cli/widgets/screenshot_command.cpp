// `backprop-lab screenshot OUT.png [--example NAME | --file FILE] [--step N]
// [--size WxH] [--notation ID] [--precision N] [--presentation] [--theme T] [--tab ID]
// [--optimizer O] [--apply N]`:
// renders the main window offscreen at a stepper position and exits, for the
// README and for looking at the GUI without a display. Uses its own empty
// settings, so the picture never depends on the user's saved preferences.
#include "cli/command.h"
#include "cli/output.h"
#include "gui/appearance.h"
#include "gui/canvas/network_view.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/check/check_session.h"
#include "gui/examples.h"
#include "gui/main_window.h"
#include "gui/network_document.h"
#include "gui/network_editor.h"
#include "gui/network_workspace.h"
#include "gui/tab_fit.h"
#include "io/network_file.h"

#include <QApplication>
#include <QPixmap>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

namespace bpl::cli {

namespace {

const char* kName = "screenshot";

QString usage() {
    QString s = "Usage: backprop-lab screenshot OUT.png [OPTIONS]\n\n"
                "Renders the main window offscreen and saves it as a PNG.\n\n"
                "  --example NAME     open a built-in example (id or part of its name)\n"
                "  --file FILE        open a network file\n"
                "  --step N           stepper position: a number (0 = start), or start, forward,\n"
                "                     backward, update (the end of each pass)\n"
                "  --size WxH         window size in pixels (default 1600x1000)\n"
                "  --notation ID      standard, bishop, course or ng\n"
                "  --precision N      significant figures (default 6)\n"
                "  --presentation     presentation mode (large fonts, high contrast)\n"
                "  --theme T          light (default) or dark\n"
                "  --optimizer O      the stepper's optimizer: sgd, momentum, rmsprop, adam, adagrad\n"
                "  --apply N          apply the update N times first (Ctrl+U), so m and v build up\n"
                "  --answers FILE     Check mode with a student's answer file, marked; the fields\n"
                "                     of the --step position (all steps at the start)\n"
                "  --tab ID           the tab to show: network (default) or the id of another tab\n"
                "                     (logreg, …; an unknown id lists them)\n\nExamples:\n";
    for (const gui::ExampleInfo& e : gui::builtInExamples()) s += "  " + e.id + "\n";
    return s;
}

bool parseSize(const QString& text, QSize& size) {
    const QStringList parts = text.toLower().split('x');
    if (parts.size() != 2) return false;
    bool okW = false, okH = false;
    const int w = parts[0].toInt(&okW);
    const int h = parts[1].toInt(&okH);
    if (!okW || !okH || w < 200 || h < 150 || w > 8000 || h > 8000) return false;
    size = QSize(w, h);
    return true;
}

int positionFor(const QString& step, const gui::NetworkDocument& doc, bool& ok) {
    ok = true;
    if (step == "start") return 0;
    if (step == "forward") return doc.forwardEndPosition();
    if (step == "backward") return doc.backwardEndPosition();
    if (step == "update" || step == "end") return doc.updateEndPosition();
    const int n = step.toInt(&ok);
    ok = ok && n >= 0 && n <= doc.lastPosition();
    return n;
}

} // namespace

int runScreenshot(const QStringList& args) {
    QString out, example, file, step = "0", notation = "standard", theme = "light", answers, tab = "network";
    QSize size(1600, 1000);
    int precision = 6, applied = 0;
    bool presentation = false;
    std::optional<OptimizerKind> optimizer;
    for (int k = 0; k < args.size(); ++k) {
        const QString& a = args[k];
        auto value = [&](QString& target) {
            if (k + 1 >= args.size()) return false;
            target = args[++k];
            return true;
        };
        QString text;
        if (a == "--help" || a == "-h") {
            printOut(usage());
            return Ok;
        } else if (a == "--example") {
            if (!value(example)) return fail(kName, "--example needs a name", Usage);
        } else if (a == "--answers") {
            if (!value(answers)) return fail(kName, "--answers needs an answer file", Usage);
        } else if (a == "--tab") {
            if (!value(tab)) return fail(kName, "--tab needs a tab id (network, logreg, …)", Usage);
        } else if (a == "--file") {
            if (!value(file)) return fail(kName, "--file needs a path", Usage);
        } else if (a == "--step") {
            if (!value(step)) return fail(kName, "--step needs a position", Usage);
        } else if (a == "--size") {
            if (!value(text) || !parseSize(text, size)) return fail(kName, "--size needs WxH, e.g. 1600x1000", Usage);
        } else if (a == "--notation") {
            if (!value(notation)) return fail(kName, "--notation needs standard, bishop, course or ng", Usage);
            Notation n;
            if (!Notation::fromId(notation.toStdString(), n)) {
                return fail(kName, "unknown notation '" + notation + "' (standard, bishop, course, ng)", Usage);
            }
        } else if (a == "--precision") {
            bool ok = false;
            precision = value(text) ? text.toInt(&ok) : 0;
            if (!ok || precision < 2 || precision > 15) return fail(kName, "--precision needs 2 to 15", Usage);
        } else if (a == "--optimizer") {
            optimizer = value(text) ? optimizerFromKey(text.toStdString()) : std::nullopt;
            if (!optimizer) return fail(kName, "--optimizer needs sgd, momentum, rmsprop, adam or adagrad", Usage);
        } else if (a == "--apply") {
            bool ok = false;
            applied = value(text) ? text.toInt(&ok) : 0;
            if (!ok || applied < 0 || applied > 10000) return fail(kName, "--apply needs 0 to 10000", Usage);
        } else if (a == "--presentation") {
            presentation = true;
        } else if (a == "--theme") {
            if (!value(theme) || (theme != "light" && theme != "dark")) return fail(kName, "--theme needs light or dark", Usage);
        } else if (a.startsWith("--")) {
            return fail(kName, "unknown option '" + a + "'\n\n" + usage(), Usage);
        } else if (out.isEmpty()) {
            out = a;
        } else {
            return fail(kName, "one output file only (got '" + out + "' and '" + a + "')", Usage);
        }
    }
    if (out.isEmpty()) return fail(kName, "no output file given\n\n" + usage(), Usage);
    if (!example.isEmpty() && !file.isEmpty()) return fail(kName, "give --example or --file, not both", Usage);
    if (!file.isEmpty()) {
        const auto loaded = io::loadNetwork(file);
        if (!loaded) return fail(kName, QString::fromStdString(loaded.error().message()), BadFile);
    }
    if (!example.isEmpty() && !gui::findExample(example)) {
        return fail(kName, "no example called '" + example + "'\n\n" + usage(), Usage);
    }

    // Fresh settings: the picture must not depend on what the user last chose.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QApplication::setApplicationName("Backprop Lab");
    QApplication::setOrganizationName("Backprop Lab");
    QApplication::setPalette(gui::Appearance::lightPalette());

    gui::MainWindow window;
    if (theme == "dark") window.appearance()->setTheme(gui::Theme::Dark);
    else window.appearance()->setTheme(gui::Theme::Light);
    if (!file.isEmpty() && !window.openFile(file)) return fail(kName, "cannot open " + file, BadFile);
    if (!example.isEmpty()) window.openExample(example);
    window.setNotation(notation);
    window.setPrecision(precision);
    window.setPresenting(presentation);
    window.setFitsScreen(false); // --size, not the offscreen screen's size
    window.resize(size);
    window.show();
    QApplication::processEvents();
    gui::NetworkDocument* doc = window.document();
    if (optimizer) {
        OptimizerSettings settings = doc->state().optimizer;
        settings.kind = *optimizer;
        window.workspace()->editor()->setOptimizer(settings);
    }
    for (int k = 0; k < applied; ++k) window.workspace()->editor()->applyUpdate();
    bool ok = false;
    const int position = positionFor(step, *doc, ok);
    if (!ok) {
        return fail(kName, QString("--step must be start, forward, backward, update or 0 to %1").arg(doc->lastPosition()), Usage);
    }
    window.workspace()->view()->fitToWindow();
    doc->setPosition(position);
    if (!answers.isEmpty()) {
        auto* check = window.findChild<gui::CheckController*>();
        if (!check || !check->openAnswers(answers)) return fail(kName, "cannot open the answers " + answers, BadFile);
        // The current step's fields; the panel explains the first one that is not right.
        check->panel()->setShowAllSteps(position == 0);
    }
    const int tabIndex = gui::findTab(window.tabs(), tab);
    if (tabIndex < 0) {
        return fail(kName, "no tab '" + tab + "' (the tabs are " + gui::tabIds(window.tabs()).join(", ") + ")", Usage);
    }
    window.tabs()->setCurrentIndex(tabIndex);
    // Nested layouts settle over several rounds of posted events.
    for (int round = 0; round < 5; ++round) {
        QApplication::sendPostedEvents();
        QApplication::processEvents();
    }
    const QPixmap picture = window.grab();
    if (picture.deviceIndependentSize().toSize() != size) { // QT_SCALE_FACTOR: the picture has more pixels
        printErr(QString("backprop-lab screenshot: the window cannot be %1×%2; its smallest size is %3×%4\n")
                     .arg(size.width())
                     .arg(size.height())
                     .arg(window.minimumSizeHint().width())
                     .arg(window.minimumSizeHint().height()));
    }
    if (!picture.save(out, "PNG")) return fail(kName, "cannot write " + out, BadFile);
    printOut(QString("%1: %2×%3, step %4 of %5\n")
                 .arg(out)
                 .arg(picture.width())
                 .arg(picture.height())
                 .arg(position)
                 .arg(doc->lastPosition()));
    return Ok;
}

} // namespace bpl::cli
