// The formulas of one step, one block per scalar: the symbolic form, then the
// numbers substituted, then the result, aligned on "=" and rendered as rich
// text. Right-click copies the formula under the mouse, or the whole step, as
// LaTeX, plain text or CSV.
#pragma once

#include "core/trace.h"

#include <QTextBrowser>
#include <vector>

namespace bpl::gui {

class FormulaView : public QTextBrowser {
    Q_OBJECT
public:
    explicit FormulaView(QWidget* parent = nullptr);

    // Shows `step` (nullptr: the start page built from `trace`).
    void showStep(const Trace& trace, const Step* step);

    // The scalar formula under a viewport position, or nullptr.
    const ScalarFormula* formulaAt(const QPoint& viewportPos) const;
    const std::vector<ScalarFormula>& formulas() const { return formulas_; }
    // Formulas shown at most; the rest are in the copies and exports.
    static constexpr int kMaxShown = 80;

    // The whole step in each format.
    QString stepLatex() const;
    QString stepPlainText() const;
    QString stepCsv() const;

signals:
    void copied(const QString& what);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void copy(const QString& text, const QString& what);

    Dual title_;
    Dual vectorFormula_;
    std::vector<ScalarFormula> formulas_;
    // Formula index of every row of the formula table (−1 for spacer rows).
    std::vector<int> rowFormula_;
};

} // namespace bpl::gui
