#include "cli/widgets/window_keys.h"

#include "gui/logreg/logreg_lab.h"
#include "gui/training/training_lab.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QKeyEvent>
#include <QMainWindow>
#include <QPushButton>
#include <QTabWidget>
#include <QThread>

namespace bpl::cli {

namespace {

// Shown where a shortcut can fire: in the window's menus, or on a visible widget.
bool reachable(const QAction* action, const QMainWindow& window) {
    if (!action->isEnabled() || !action->isVisible())
        return false;
    for (const QObject* o : action->associatedObjects()) {
        const auto* w = qobject_cast<const QWidget*>(o);
        if (!w || w->window() != &window)
            continue;
        if (w->isVisible() || w->inherits("QMenu"))
            return true;
    }
    return false;
}

} // namespace

bool parseKeys(const QString& text, QList<QKeySequence>& keys, QString& bad) {
    keys.clear();
    for (const QString& token : text.split(' ', Qt::SkipEmptyParts)) {
        const QKeySequence key = QKeySequence::fromString(token, QKeySequence::PortableText);
        if (key.count() != 1 || key[0].key() == Qt::Key_unknown) {
            bad = token;
            return false;
        }
        keys << key;
    }
    return true;
}

void pressKey(QMainWindow& window, const QKeySequence& key) {
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcuts().contains(key) && reachable(action, window)) {
            action->trigger();
            QApplication::processEvents();
            return;
        }
    }
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
    const QKeyCombination combination = key[0];
    const QString text = combination.keyboardModifiers() & ~Qt::ShiftModifier
                             ? QString()
                             : QKeySequence(combination.key()).toString();
    QKeyEvent press(QEvent::KeyPress, combination.key(), combination.keyboardModifiers(),
                    text.size() == 1 ? text.toLower() : QString());
    QKeyEvent release(QEvent::KeyRelease, combination.key(), combination.keyboardModifiers());
    QApplication::sendEvent(target, &press);
    QApplication::sendEvent(target, &release);
    QApplication::processEvents();
}

QString runCurrentTab(QMainWindow& window, int timeoutMs) {
    auto* tabs = window.findChild<QTabWidget*>();
    QWidget* tab = tabs ? tabs->currentWidget() : nullptr;
    auto* training = tab ? tab->findChild<gui::TrainingLab*>() : nullptr;
    auto* logreg = tab ? tab->findChild<gui::LogRegLab*>() : nullptr;
    if (!training && tab)
        training = qobject_cast<gui::TrainingLab*>(tab);
    if (!logreg && tab)
        logreg = qobject_cast<gui::LogRegLab*>(tab);
    QPushButton* run = tab ? tab->findChild<QPushButton*>("runButton") : nullptr;
    if (!run || (!training && !logreg))
        return "--run: the current tab has no Run button (use --tab logreg or training)";
    run->click();
    const QDeadlineTimer deadline(timeoutMs);
    const auto busy = [&] { return training ? training->running() : logreg->running(); };
    while (busy() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    if (busy())
        return QString("--run: the runs did not finish within %1 s").arg(timeoutMs / 1000);
    // The last frames and plots settle over a few rounds of posted events.
    for (int round = 0; round < 5; ++round)
        QApplication::processEvents();
    return {};
}

} // namespace bpl::cli
