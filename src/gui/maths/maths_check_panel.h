// Check mode of the chain-rule and convolution tools: an entry field for each
// value of the worked solution (node values and ∂f/∂node; F, ∂E/∂W, ∂E/∂X),
// grouped in sections, each turning green ✓ / red ✗ / amber ↷ (carried) as it
// is typed, with the checking core's explanation on hover and in the pane
// below, and the summary on top ("4 of 6 right; 1 wrong; 1 carried from …").
// The panel compares nothing itself: it hands the typed numbers to a checker.
#pragma once

#include "core/maths/maths_check.h"
#include "gui/check/check_colours.h"

#include <QLineEdit>
#include <QWidget>
#include <functional>
#include <vector>

class QGridLayout;
class QLabel;
class QTextBrowser;

namespace bpl::gui {

// One answer field; objectName "answer:" + MathsRef::describe(), property
// "checkStatus" = correct / wrong / carried / unreadable / empty.
class MathsAnswerField : public QLineEdit {
    Q_OBJECT
  public:
    MathsAnswerField(const MathsRef& ref, QWidget* parent = nullptr);
    const MathsRef& ref() const { return ref_; }
    void setState(EntryState state, const QString& explanation);
    EntryState state() const { return state_; }
    // The label beside the field that shows ✓ ✗ ↷ (in the state's colour).
    void setMarkLabel(QLabel* mark) { mark_ = mark; }
    QString explanation() const { return explanation_; }

  signals:
    void focused(bpl::gui::MathsAnswerField* field);

  protected:
    void focusInEvent(QFocusEvent* event) override;

  private:
    MathsRef ref_;
    QLabel* mark_ = nullptr;
    EntryState state_ = EntryState::Empty;
    QString explanation_;
};

class MathsCheckPanel : public QWidget {
    Q_OBJECT
  public:
    using Checker = std::function<MathsCheckReport(const std::vector<MathsAnswer>&)>;
    struct Row {
        MathsRef ref;
        QString symbol;  // "∂f/∂x", "F₁₁"
        QString caption; // what it is: "x^2 + σ(y)"; may be empty
    };
    struct Section {
        QString title;
        std::vector<Row> rows;
        int columns = 1; // fields per line (matrices: their column count)
    };

    explicit MathsCheckPanel(QWidget* parent = nullptr);

    // New fields (the typed values are dropped); `checker` marks them.
    void setSections(const std::vector<Section>& sections, Checker checker);
    MathsAnswerField* field(const MathsRef& ref) const;
    const std::vector<MathsAnswerField*>& fields() const { return fields_; }
    QString summaryText() const;
    QString explanationText() const;
    void clearAnswers();
    // Re-marks every field (after the typed text changed).
    void recheck();

  private:
    void showExplanation(MathsAnswerField* field);

    Checker checker_;
    QLabel* summary_ = nullptr;
    QWidget* grid_ = nullptr;
    QGridLayout* gridLayout_ = nullptr;
    QTextBrowser* explanation_ = nullptr;
    std::vector<MathsAnswerField*> fields_;
    MathsAnswerField* current_ = nullptr;
};

} // namespace bpl::gui
