#include "gui/lab_tabs.h"

#include "gui/logreg/logreg_lab.h"
#include "gui/tab_fit.h"

#include <QTabWidget>

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs) {
    addFittedTab(tabs, new LogRegLab(tabs), "logreg", QObject::tr("Logistic regression"));
}

} // namespace bpl::gui
