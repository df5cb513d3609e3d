// Adds the lab tabs (logistic regression, …) to the main window's tab widget.
// Kept apart from the main window so each lab is plugged in with one line.
#pragma once

class QTabWidget;

namespace bpl::gui {

void addLabTabs(QTabWidget* tabs);

} // namespace bpl::gui
