#include "gui/lab_tabs.h"

#include "gui/logreg/logreg_lab.h"
#include "gui/maths/worked_maths_tab.h"
#include "gui/tab_fit.h"

#include <QTabWidget>

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs) {
    addFittedTab(tabs, new LogRegLab(tabs), "logreg", QObject::tr("Logistic regression"));
    addFittedTab(tabs, new WorkedMathsTab(tabs), "maths", QObject::tr("Worked maths"));
}

} // namespace bpl::gui
