// One vector or matrix of the current step (W⁽ˡ⁾, a⁽ˡ⁾, δ⁽ˡ⁾, ∂E/∂W⁽ˡ⁾ …) as a
// captioned table, with a Copy button and context menu for LaTeX (pmatrix),
// CSV (full precision) and plain text. Backed by a light model, so a large
// layer does not create a widget per number.
#pragma once

#include "core/notation.h"

#include <Eigen/Dense>
#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace bpl::gui {

class MatrixModel;

class MatrixTable : public QWidget {
    Q_OBJECT
public:
    explicit MatrixTable(QWidget* parent = nullptr);
    ~MatrixTable() override;

    // `name` is the symbol (W⁽¹⁾); `precision` the significant figures shown.
    void setMatrix(const Dual& name, const Eigen::MatrixXd& values, int precision);

    const Dual& name() const { return name_; }
    const Eigen::MatrixXd& values() const { return values_; }
    QTableView* view() const { return view_; }

    QString latex() const;     // W^{(1)} = \begin{pmatrix} … \end{pmatrix}
    QString csv() const;       // rows of comma-separated numbers, full precision
    QString plainText() const; // W⁽¹⁾ = [[0.1, 0.2], …]

signals:
    void copied(const QString& what);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showCopyMenu(const QPoint& globalPos);
    void copy(const QString& text, const QString& what);
    void fitToContents();

    QLabel* caption_;
    QTableView* view_;
    QToolButton* copyButton_;
    MatrixModel* model_;
    Dual name_;
    Eigen::MatrixXd values_;
    int precision_ = 6;
};

} // namespace bpl::gui
