#include "gui/lab_tabs.h"

#include <QTabWidget>

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs) {
    Q_UNUSED(tabs);
}

} // namespace bpl::gui
