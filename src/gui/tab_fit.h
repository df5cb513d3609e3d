// The rules every tab of the main window follows so the lab fits the screens a
// classroom has (1024×768, 1280×720, 150 % and 200 % scaling): each tab carries
// an id (the Qt property "tabId": "network", "logreg", "training", "maths"),
// by which `backprop-lab screenshot --tab ID` finds it; and a tab whose
// controls need more room than the window has scrolls, rather than pushing the
// window past the edge of the screen.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QScrollArea;
class QTabWidget;
class QWidget;

namespace bpl::gui {

constexpr const char* kTabIdProperty = "tabId";
// The smallest window every tab must fit in (the smallest classroom screen,
// less the menu bar, toolbars and the task bar).
constexpr int kSmallestScreenWidth = 1024;
constexpr int kSmallestScreenHeight = 768;

void setTabId(QWidget* tab, const QString& id);
QString tabId(const QWidget* tab);
// The index of the tab whose widget has that id, or −1; and every id in tab order.
int findTab(const QTabWidget* tabs, const QString& id);
QStringList tabIds(const QTabWidget* tabs);

// Adds `content` as a tab named `title` with id `id`, inside a scroll area that
// scrolls only when the window is smaller than the content's minimum size.
// Returns the tab's index.
int addFittedTab(QTabWidget* tabs, QWidget* content, const QString& id, const QString& title);

// Keeps a lab's column of controls (a scroll area) as wide as its content
// needs, after a font change too (presentation mode, Ctrl+=): the controls are
// never cut and never scroll sideways; the plots beside them reflow instead.
void keepControlsWhole(QScrollArea* scroll);

// The size a main window opens at: `preferred`, but never larger than the
// screen's available area (less the window frame), so nothing runs off the edge.
QSize fittedWindowSize(const QSize& preferred, const QSize& available, const QSize& frame);

} // namespace bpl::gui
