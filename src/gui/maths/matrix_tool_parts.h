// Parts the matrix tools of the Worked maths tab (convolution, pooling) share:
// a matrix under its caption, the stepping bar (Start / ◀ Back / Next ▶ / End
// and Space / → / ← / Home / End), the error line, X inside its zero border,
// outputs filled one step at a time, and a Check-mode section per matrix.
#pragma once

#include "core/maths/worked_formula.h"
#include "gui/maths/maths_check_panel.h"

#include <Eigen/Dense>
#include <QString>
#include <functional>

class QLabel;
class QLayout;
class QSpinBox;
class QWidget;

namespace bpl::gui {

class MatrixEditor;

QSpinBox* toolSpin(int min, int max, int value, QWidget* parent);

// A caption above a matrix, with optional controls beside the caption.
QWidget* captioned(const QString& caption, QWidget* matrix, QWidget* parent,
                   QLayout* controls = nullptr);

struct StepActions {
    std::function<void()> home, previous, next, end;
};
// The bar of buttons with the step's title (`label`) beside them; the keys
// act anywhere inside `owner`.
QWidget* stepBar(QWidget* owner, const StepActions& actions, QLabel*& label);

// The red line under the settings where a tool names what is wrong.
QLabel* errorLine(QWidget* parent, const QString& objectName);

// X inside `pad` rings of zeros on `view` (headers in X's numbering: the
// border is row and column 0 and n + 1 …), the border in italics with
// "zero padding" on hover; `box` is shown only while pad > 0.
void showPadded(MatrixEditor* view, QWidget* box, const Eigen::MatrixXd& x, int pad, int precision);

// The first `shown` entries of `values` (row by row) on a read-only view; the rest empty.
void fillFirst(MatrixEditor* view, const Eigen::MatrixXd& values, int shown, int precision);

// One answer field per entry of `m`, named by `symbol`.
MathsCheckPanel::Section matrixSection(const QString& title, MathsQuantity quantity,
                                       const Eigen::MatrixXd& m,
                                       const std::function<Dual(const MathsRef&)>& symbol);

} // namespace bpl::gui
