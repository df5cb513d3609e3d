#include "gui/lab_tabs.h"

#include "gui/logreg/logreg_lab.h"
#include "gui/maths/worked_maths_tab.h"

#include <QTabWidget>

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs) {
    tabs->addTab(new LogRegLab(tabs), QObject::tr("Logistic regression"));
    tabs->addTab(new WorkedMathsTab(tabs), QObject::tr("Worked maths"));
}

} // namespace bpl::gui
