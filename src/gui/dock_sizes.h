// Side panels that regain their sizes: a main window made small squeezes its
// docks (the inspector to 120 px, the step details to a strip), and Qt does
// not give the room back when the window grows again. DockSizes remembers the
// size a person gave each dock (dragging a separator, or the window's first
// layout) and, when the window grows, sizes the docks back to it.
#pragma once

#include <QObject>
#include <QSize>
#include <vector>

class QDockWidget;
class QMainWindow;

namespace bpl::gui {

class DockSizes : public QObject {
    Q_OBJECT
  public:
    explicit DockSizes(QMainWindow* window);

    // Keeps `dock`'s width (Qt::Horizontal) or height (Qt::Vertical).
    void keep(QDockWidget* dock, Qt::Orientation orientation);
    // Call from the window's resizeEvent, after its own fitting.
    void windowResized();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    struct Kept {
        QDockWidget* dock;
        Qt::Orientation orientation;
        int size = 0;
    };
    static int extent(const Kept& k);

    QMainWindow* window_;
    std::vector<Kept> kept_;
    QSize windowSize_;
    bool restoring_ = false;
};

} // namespace bpl::gui
