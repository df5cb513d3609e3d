#include "gui/lab_tabs.h"

#include "gui/logreg/logreg_lab.h"
#include "gui/maths/worked_maths_tab.h"
#include "gui/tab_fit.h"
#include "gui/network_workspace.h"
#include "gui/training/training_lab.h"

#include <QTabWidget>

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs) {
    addFittedTab(tabs, new LogRegLab(tabs), "logreg", QObject::tr("Logistic regression"));
    // The Training tab trains the Network tab's document (the first tab).
    if (auto* workspace = tabs->findChild<NetworkWorkspace*>()) {
        auto* training = new TrainingLab(workspace->document(), tabs);
        training->setCanvasScene(workspace->scene());
        addFittedTab(tabs, training, "training", QObject::tr("Training"));
        QObject::connect(training, &TrainingLab::networkTabWanted, tabs,
                         [tabs] { tabs->setCurrentIndex(findTab(tabs, "network")); });
    }
    // Worked maths scrolls inside each tool, below its sub-tab bar and Export.
    auto* maths = new WorkedMathsTab(tabs);
    setTabId(maths, "maths");
    tabs->addTab(maths, QObject::tr("Worked maths"));
}

} // namespace bpl::gui
