#include "gui/tab_fit.h"

#include <QScrollArea>
#include <QTabWidget>
#include <QVariant>

namespace bpl::gui {

void setTabId(QWidget* tab, const QString& id) {
    tab->setProperty(kTabIdProperty, id);
}

QString tabId(const QWidget* tab) {
    return tab ? tab->property(kTabIdProperty).toString() : QString();
}

int findTab(const QTabWidget* tabs, const QString& id) {
    for (int k = 0; k < tabs->count(); ++k) {
        if (tabId(tabs->widget(k)) == id)
            return k;
    }
    return -1;
}

QStringList tabIds(const QTabWidget* tabs) {
    QStringList ids;
    for (int k = 0; k < tabs->count(); ++k)
        ids << tabId(tabs->widget(k));
    return ids;
}

int addFittedTab(QTabWidget* tabs, QWidget* content, const QString& id, const QString& title) {
    auto* scroll = new QScrollArea(tabs);
    scroll->setObjectName(id + "TabScroll");
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true); // fills the tab when there is room, scrolls when not
    scroll->setWidget(content);
    setTabId(scroll, id);
    setTabId(content, id);
    return tabs->addTab(scroll, title);
}

QSize fittedWindowSize(const QSize& preferred, const QSize& available, const QSize& frame) {
    return preferred.boundedTo(available - frame).expandedTo(QSize(320, 240));
}

} // namespace bpl::gui
