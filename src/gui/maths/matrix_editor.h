// A small matrix as a grid of cells for the convolution tool: editable (X, W,
// ∂E/∂F; numbers read locale-free as typed answers are) or read-only (F,
// ∂E/∂W, ∂E/∂X filled in step by step). Cells can be highlighted (the window
// of the current step) and, in Check mode, tinted as correct / wrong /
// carried with the explanation as the cell's tool tip.
#pragma once

#include "gui/check/check_colours.h"

#include <Eigen/Dense>
#include <QTableWidget>
#include <optional>

namespace bpl::gui {

class MatrixEditor : public QTableWidget {
    Q_OBJECT
  public:
    explicit MatrixEditor(bool editable, QWidget* parent = nullptr);

    // Shows the values (all cells filled) at `precision` significant figures.
    void setMatrix(const Eigen::MatrixXd& values, int precision = 6);
    // A size with empty cells (read-only outputs before their step).
    void setEmpty(int rows, int cols);
    // Sets one cell's text.
    void setCellText(int row, int col, const QString& text);
    QString cellText(int row, int col) const;
    // The numbers typed, or nullopt with `error` naming the first bad cell
    // ("row 2, column 3: 'x' is not a number").
    std::optional<Eigen::MatrixXd> values(QString* error = nullptr) const;
    // The number typed in one cell, if any.
    std::optional<double> cellValue(int row, int col) const;
    // Resizes, keeping the values that fit (new cells 0).
    void resizeMatrix(int rows, int cols);

    // Highlights: the current window (strong) and other cells (light).
    void clearHighlights();
    void highlight(int row, int col, bool strong);
    bool isHighlighted(int row, int col) const;
    // Check mode: the cell's state and its explanation (tool tip).
    void setCellState(int row, int col, EntryState state, const QString& explanation);
    EntryState cellState(int row, int col) const;

    // Fits the table to its cells (no scroll bars for small matrices).
    void fitToContents();

  signals:
    void matrixEdited();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QTableWidgetItem* itemAt(int row, int col);
    void restyle(int row, int col);

    bool editable_;
    bool settingValues_ = false;
};

} // namespace bpl::gui
