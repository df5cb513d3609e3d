#include "gui/lab_tabs.h"

#include "gui/logreg/logreg_lab.h"

#include <QTabWidget>

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs) {
    tabs->addTab(new LogRegLab(tabs), QObject::tr("Logistic regression"));
}

} // namespace bpl::gui
