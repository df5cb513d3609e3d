#include "gui/tab_fit.h"

#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QVariant>

#include <algorithm>

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

namespace {

class ControlsWidthKeeper : public QObject {
  public:
    explicit ControlsWidthKeeper(QScrollArea* scroll) : QObject(scroll), scroll_(scroll) {}

    void fit() {
        const int width = scroll_->widget()->minimumSizeHint().width() +
                          scroll_->verticalScrollBar()->sizeHint().width() +
                          2 * scroll_->frameWidth();
        scroll_->setMinimumWidth(width);
        scroll_->setMaximumWidth(std::max(scroll_->maximumWidth(), width));
    }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::FontChange)
            fit();
        return QObject::eventFilter(watched, event);
    }

  private:
    QScrollArea* scroll_;
};

} // namespace

void keepControlsWhole(QScrollArea* scroll) {
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* keeper = new ControlsWidthKeeper(scroll);
    scroll->widget()->installEventFilter(keeper);
    keeper->fit();
}

QSize fittedWindowSize(const QSize& preferred, const QSize& available, const QSize& frame) {
    return preferred.boundedTo(available - frame).expandedTo(QSize(320, 240));
}

} // namespace bpl::gui
