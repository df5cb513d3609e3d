// The chain-rule tool of the Worked maths tab (teaching-content.md §8): type
// an expression and the values of its variables; the core's parser reports
// errors at their column; the graph view draws one node per operation with
// its value; Space / → / ← / Home / End step through the backward pass node by
// node while the details show each local derivative and the accumulated
// gradient, symbolic, substituted and as a result, with shared nodes summing
// their contributions; at the end the gradient and the central-difference
// check. Check mode turns the details into answer fields.
#pragma once

#include "core/maths/expression_graph.h"

#include <QWidget>
#include <map>
#include <optional>

class QLabel;
class QLineEdit;
class QHBoxLayout;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace bpl::gui {

class ExpressionGraphView;
class MathsCheckPanel;

class ExpressionTool : public QWidget {
    Q_OBJECT
  public:
    explicit ExpressionTool(QWidget* parent = nullptr);

    // The course's f of teaching-content.md §8, at (x, y) = (1, 0).
    static QString defaultExpression();

    QLineEdit* expressionEdit() const { return expression_; }
    QLineEdit* variableEdit(const QString& name) const;
    ExpressionGraphView* graphView() const { return view_; }
    MathsCheckPanel* checkPanel() const { return check_; }
    // The graph of the current expression, or nullptr while it has an error.
    const ExpressionGraph* graph() const { return graph_ ? &*graph_ : nullptr; }
    // "col 14: expected ')'" (empty when the expression is fine).
    QString errorText() const;

    // Steps: 0 is the forward pass, 1 … stepCount() − 1 the backward steps.
    int stepCount() const;
    int step() const { return step_; }
    void setStep(int step);
    QString stepTitle() const;
    QString detailsText() const; // the details panel as plain text
    QString resultsText() const;

    void setCheckMode(bool on);
    bool checkMode() const { return checkMode_; }

  public slots:
    void next() { setStep(step_ + 1); }
    void previous() { setStep(step_ - 1); }
    void home() { setStep(0); }
    void end() { setStep(stepCount() - 1); }
    // Parses and rebuilds from the fields.
    void recompute();

  signals:
    void graphChanged();

  private:
    QWidget* buildStepBar();
    void rebuildVariableFields(const std::vector<std::string>& names);
    void showError(int column, const QString& message);
    void updateDetails();
    void updateResults();
    void updateCheckSections();
    QString forwardHtml() const;
    QString backwardHtml(const BackwardStep& step) const;

    QLineEdit* expression_ = nullptr;
    QLabel* error_ = nullptr;
    QHBoxLayout* variablesLayout_ = nullptr;
    std::map<std::string, QLineEdit*> variables_;
    std::map<std::string, QString> typedValues_; // kept when the expression changes
    ExpressionGraphView* view_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    QTextBrowser* details_ = nullptr;
    QLabel* results_ = nullptr;
    MathsCheckPanel* check_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QPushButton* checkButton_ = nullptr;
    std::optional<ExpressionGraph> graph_;
    QString errorMessage_;
    int step_ = 0;
    bool checkMode_ = false;
};

} // namespace bpl::gui
