// What `screenshot --keys` and `--run` do to the window before the picture:
// keys pressed as a person would (each one what the window's shortcuts make
// of it, else a key event to the focused widget), and Run pressed on the
// current lab tab with the wait for its runs to finish.
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

class QMainWindow;

namespace bpl::cli {

// "F5 End Ctrl+B" → three keys; false (with `bad` set to the token) on a token that is no key.
bool parseKeys(const QString& text, QList<QKeySequence>& keys, QString& bad);
// Presses `key` on `window`: the enabled, shown action whose shortcut it is, or
// else a press and release sent to the focused widget.
void pressKey(QMainWindow& window, const QKeySequence& key);
// Presses the current tab's Run button and waits (at most `timeoutMs`) until
// its runs finish; an error message, or "" when done.
QString runCurrentTab(QMainWindow& window, int timeoutMs);

} // namespace bpl::cli
