// Lays out a lab's plots in as many columns as keep every plot at its useful
// size (LabPlot::usefulWidth / usefulHeight: axis rectangles of at least
// kMinAxisRectWidth × kMinAxisRectHeight); when the room is smaller the plots
// reflow to fewer columns, down to one, and the grid scrolls vertically —
// never sideways, and no plot shrinks below its useful size.
#pragma once

#include <QScrollArea>

#include <vector>

class QGridLayout;

namespace bpl::gui {

class PlotGrid : public QScrollArea {
    Q_OBJECT
  public:
    explicit PlotGrid(int maxColumns, QWidget* parent = nullptr);

    // Adds a plot (or another view); a `wide` one has a row of its own. The
    // last one in a row spans what its row has left.
    void addWidget(QWidget* widget, bool wide = false);
    int columns() const { return columns_; }
    // Places the shown widgets again (after a widget is shown or hidden, or a
    // plot's legend grew).
    void relayout();

  protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    struct Item {
        QWidget* widget;
        bool wide;
    };
    int columnsFor(int width) const;
    int usefulHeight(QWidget* widget, int width) const;

    std::vector<Item> items_;
    QWidget* content_ = nullptr;
    QGridLayout* grid_ = nullptr;
    int maxColumns_;
    int columns_ = 1;
};

} // namespace bpl::gui
