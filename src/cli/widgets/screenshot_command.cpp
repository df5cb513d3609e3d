// `backprop-lab screenshot OUT.png [--example NAME | --file FILE] [--step N]
// [--size WxH] [--notation ID] [--precision N] [--presentation] [--theme T] [--tab ID]
// [--optimizer O] [--apply N] [--run] [--keys KEYS]`:
// renders the main window offscreen at a stepper position and exits, for the
// user guide and for looking at the GUI without a display. Uses its own empty
// settings, so the picture never depends on the user's saved preferences.
// --run presses the tab's Run and waits for the runs; --keys then presses keys
// on the window as a person would (window_keys.h), so the picture shows the
// state after real use, framed however the step was reached.
// Options through QCommandLineParser like the other commands: bad usage exits 2,
// a bad network or answer file 3, with a message on stderr and nothing on stdout.
#include "cli/command.h"
#include "cli/output.h"
#include "cli/widgets/window_keys.h"
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
#include "io/qt_text.h"
#include "io/safe_file.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

#include <limits>
#include <optional>

namespace bpl::cli {

namespace {

constexpr const char* kName = "screenshot";

// What to render, from the command line.
struct ShotOptions {
    QString out, example, file, step, notation, theme, answers, tab;
    QSize size;
    int precision = 6;
    int applied = 0;
    bool presentation = false;
    bool run = false;
    QList<QKeySequence> keys;
    std::optional<OptimizerKind> optimizer;
};

void addOptions(QCommandLineParser& p) {
    p.setApplicationDescription(
        "Render the main window offscreen at a stepper position and save it "
        "as a PNG (for the user guide and for looking at the GUI without a "
        "display). The user's saved settings are not read.");
    p.addPositionalArgument("OUT.png", "the picture to write");
    p.addOptions({
        {"example", "Open a built-in example (its id or part of its name; listed below).", "NAME"},
        {"file", "Open a network file (backprop-lab.network/1).", "FILE"},
        {"step",
         "Stepper position: a number (0 = start), or start, forward, backward, update (the end of "
         "each pass). Default 0.",
         "N", "0"},
        {"size", "Window size in pixels, 200x150 to 8000x8000 (default 1600x1000).", "WxH",
         "1600x1000"},
        {"notation", "standard (default), bishop, course or ng.", "ID", "standard"},
        {"precision", "Significant figures, 2 to 15 (default 6).", "N", "6"},
        {"presentation", "Presentation mode (large fonts, high contrast)."},
        {"theme", "light (default) or dark.", "T", "light"},
        {"optimizer", "The stepper's optimizer: sgd, momentum, rmsprop, adam or adagrad.", "O"},
        {"apply", "Apply the update N times first (Ctrl+U), so m and v build up (0 to 10000).", "N",
         "0"},
        {"answers",
         "Check mode with a student's answer file, marked: the fields of the --step position (all "
         "steps at the start).",
         "FILE"},
        {"tab",
         "The tab to show: network (default) or another tab's id (logreg, training, maths, …; an "
         "unknown id lists them).",
         "ID", "network"},
    });
    p.addOptions({
        {"run",
         "Press Run on the tab (logreg or training) and wait for the runs to finish before the "
         "picture."},
        {"keys",
         "Press these keys on the window first, in order, after --run: e.g. \"F5 End Ctrl+B\" "
         "(Qt key names: Space, Left, Home, End, Ctrl+F, Ctrl+=, F5, …).",
         "KEYS"},
    });
    p.addHelpOption();
}

QString helpText(const QCommandLineParser& p) {
    QString s = commandHelp(p.helpText(), kName) + "\nExamples (--example):\n";
    for (const gui::ExampleInfo& e : gui::builtInExamples())
        s += "  " + e.id + "\n";
    return s;
}

bool parseSize(const QString& text, QSize& size) {
    const QStringList parts = text.toLower().split('x');
    if (parts.size() != 2)
        return false;
    bool okW = false, okH = false;
    const int w = parts[0].toInt(&okW);
    const int h = parts[1].toInt(&okH);
    if (!okW || !okH || w < 200 || h < 150 || w > 8000 || h > 8000)
        return false;
    size = QSize(w, h);
    return true;
}

bool intValue(const QString& text, int lo, int hi, int& out) {
    bool ok = false;
    out = text.toInt(&ok);
    return ok && out >= lo && out <= hi;
}

// The option values' own checks (those that need no window); empty when all are right.
QString checkValues(const QCommandLineParser& p, ShotOptions& o) {
    const auto found = [&](const char* name) {
        return ", found " + quoteForMessage(p.value(name));
    };
    if (!parseSize(p.value("size"), o.size))
        return "--size: expected WxH from 200x150 to 8000x8000, e.g. 1600x1000" + found("size");
    Notation notation;
    if (!Notation::fromId(o.notation.toStdString(), notation))
        return "--notation: expected standard, bishop, course or ng" + found("notation");
    if (!intValue(p.value("precision"), 2, 15, o.precision))
        return "--precision: expected a whole number from 2 to 15" + found("precision");
    if (!intValue(p.value("apply"), 0, 10000, o.applied))
        return "--apply: expected a whole number from 0 to 10000" + found("apply");
    if (p.isSet("optimizer")) {
        o.optimizer = optimizerFromKey(p.value("optimizer").toStdString());
        if (!o.optimizer)
            return "--optimizer: expected sgd, momentum, rmsprop, adam or adagrad" +
                   found("optimizer");
    }
    if (o.theme != "light" && o.theme != "dark")
        return "--theme: expected light or dark" + found("theme");
    static const QStringList kSteps = {"start", "forward", "backward", "update", "end"};
    int n = 0;
    if (!kSteps.contains(o.step) && !intValue(o.step, 0, std::numeric_limits<int>::max(), n))
        return "--step: expected start, forward, backward, update or a position ≥ 0" +
               found("step");
    if (p.isSet("keys")) {
        QString bad;
        if (!cli::parseKeys(p.value("keys"), o.keys, bad))
            return "--keys: " + quoteForMessage(bad) + " is not a key (write e.g. \"F5 End Ctrl+B\")";
    }
    if (p.isSet("example") && p.isSet("file"))
        return "give --example or --file, not both";
    if (p.isSet("example") && !gui::findExample(o.example))
        return "no example called " + quoteForMessage(o.example) + " (see --help for the list)";
    return {};
}

// Parses the command line into `o`: -1 to go on, else the exit code.
int parseArgs(const QStringList& args, ShotOptions& o) {
    QCommandLineParser p;
    addOptions(p);
    QStringList argv = args;
    argv.prepend(QString("backprop-lab ") + kName);
    if (!p.parse(argv))
        return fail(kName, p.errorText(), Usage);
    if (p.isSet("help")) {
        printOut(helpText(p));
        return Ok;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty())
        return fail(kName, "no output file given (see --help)", Usage);
    if (positional.size() > 1) {
        return fail(kName,
                    "one output file only (got " + quoteForMessage(positional.join(", ")) + ")",
                    Usage);
    }
    o.out = positional.first();
    o.example = p.value("example");
    o.file = p.value("file");
    o.step = p.value("step");
    o.notation = p.value("notation");
    o.theme = p.value("theme");
    o.answers = p.value("answers");
    o.tab = p.value("tab");
    o.presentation = p.isSet("presentation");
    o.run = p.isSet("run");
    if (const QString problem = checkValues(p, o); !problem.isEmpty())
        return fail(kName, problem, Usage);
    if (!o.file.isEmpty()) {
        const auto loaded = io::loadNetwork(o.file);
        if (!loaded)
            return fail(kName, QString::fromStdString(loaded.error().message()), BadFile);
    }
    return -1;
}

int positionFor(const QString& step, const gui::NetworkDocument& doc, bool& ok) {
    ok = true;
    if (step == "start")
        return 0;
    if (step == "forward")
        return doc.forwardEndPosition();
    if (step == "backward")
        return doc.backwardEndPosition();
    if (step == "update" || step == "end")
        return doc.updateEndPosition();
    const int n = step.toInt(&ok);
    ok = ok && n >= 0 && n <= doc.lastPosition();
    return n;
}

// Opens the network and sets the window up as asked; false (after the message)
// with `code` on a failure.
bool setUpWindow(gui::MainWindow& window, const ShotOptions& o, int& code) {
    window.appearance()->setTheme(o.theme == "dark" ? gui::Theme::Dark : gui::Theme::Light);
    if (!o.file.isEmpty() && !window.openFile(o.file)) {
        code = fail(kName, "cannot open " + o.file, BadFile);
        return false;
    }
    if (!o.example.isEmpty())
        window.openExample(o.example);
    window.setNotation(o.notation);
    window.setPrecision(o.precision);
    window.setPresenting(o.presentation);
    window.setFitsScreen(false); // --size, not the offscreen screen's size
    window.resize(o.size);
    window.show();
    QApplication::processEvents();
    gui::NetworkDocument* doc = window.document();
    if (o.optimizer) {
        OptimizerSettings settings = doc->state().optimizer;
        settings.kind = *o.optimizer;
        window.workspace()->editor()->setOptimizer(settings);
    }
    for (int k = 0; k < o.applied; ++k)
        window.workspace()->editor()->applyUpdate();
    bool ok = false;
    const int position = positionFor(o.step, *doc, ok);
    if (!ok) {
        code =
            fail(kName,
                 QString("--step: expected start, forward, backward, update or 0 to %1, found %2")
                     .arg(doc->lastPosition())
                     .arg(quoteForMessage(o.step)),
                 Usage);
        return false;
    }
    window.workspace()->view()->fitToWindow();
    doc->setPosition(position);
    if (!o.answers.isEmpty()) {
        auto* check = window.findChild<gui::CheckController*>();
        if (!check || !check->openAnswers(o.answers)) {
            code = fail(kName, "cannot open the answers " + o.answers, BadFile);
            return false;
        }
        // The current step's fields; the panel explains the first one that is not right.
        check->panel()->setShowAllSteps(position == 0);
    }
    const int tabIndex = gui::findTab(window.tabs(), o.tab);
    if (tabIndex < 0) {
        code = fail(kName,
                    "--tab: no tab " + quoteForMessage(o.tab) + " (the tabs are " +
                        gui::tabIds(window.tabs()).join(", ") + ")",
                    Usage);
        return false;
    }
    window.tabs()->setCurrentIndex(tabIndex);
    if (o.run) {
        if (o.tab != "logreg" && o.tab != "training") {
            code = fail(kName, "--run: only with --tab logreg or --tab training", Usage);
            return false;
        }
        if (const QString problem = runCurrentTab(window, 300000); !problem.isEmpty()) {
            code = fail(kName, problem, BadFile);
            return false;
        }
    }
    for (const QKeySequence& key : o.keys)
        pressKey(window, key);
    return true;
}

} // namespace

int runScreenshot(const QStringList& args) {
    ShotOptions o;
    if (const int code = parseArgs(args, o); code >= 0)
        return code;

    // Fresh settings: the picture must not depend on what the user last chose.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QApplication::setApplicationName("Backprop Lab");
    QApplication::setOrganizationName("Backprop Lab");
    QApplication::setPalette(gui::Appearance::lightPalette());

    gui::MainWindow window;
    int code = Ok;
    if (!setUpWindow(window, o, code))
        return code;
    // Nested layouts settle over several rounds of posted events.
    for (int round = 0; round < 5; ++round) {
        QApplication::sendPostedEvents();
        QApplication::processEvents();
    }
    const QPixmap picture = window.grab();
    if (picture.deviceIndependentSize().toSize() !=
        o.size) { // QT_SCALE_FACTOR: the picture has more pixels
        printErr(
            QString(
                "backprop-lab screenshot: the window cannot be %1×%2; its smallest size is %3×%4\n")
                .arg(o.size.width())
                .arg(o.size.height())
                .arg(window.minimumSizeHint().width())
                .arg(window.minimumSizeHint().height()));
    }
    // The one safe-write path (io/safe_file.h): never onto a device or pipe,
    // and a failure (a full disk) leaves an earlier picture as it was.
    const auto written = io::writeFileAtomically(o.out, [&](QIODevice& device, std::string& why) {
        if (picture.save(&device, "PNG"))
            return true;
        why = "cannot encode the picture as PNG";
        return false;
    });
    if (!written)
        return fail(kName, QString::fromStdString(written.error().message()), BadFile);
    printOut(QString("%1: %2×%3, step %4 of %5\n")
                 .arg(o.out)
                 .arg(picture.width())
                 .arg(picture.height())
                 .arg(window.document()->position())
                 .arg(window.document()->lastPosition()));
    return Ok;
}

} // namespace bpl::cli
