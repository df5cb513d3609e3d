#include "gui/lab_tabs.h"

#include "gui/logreg/logreg_lab.h"
#include "gui/network_workspace.h"
#include "gui/training/training_lab.h"

#include <QTabWidget>

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs) {
    tabs->addTab(new LogRegLab(tabs), QObject::tr("Logistic regression"));
    // The Training tab trains the Network tab's document (the first tab).
    if (auto* workspace = tabs->findChild<NetworkWorkspace*>()) {
        auto* training = new TrainingLab(workspace->document(), tabs);
        training->setCanvasScene(workspace->scene());
        tabs->addTab(training, QObject::tr("Training"));
    }
}

} // namespace bpl::gui
