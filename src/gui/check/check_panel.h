// Check mode's part of the details panel: an entry field for every value of the
// current step (or of every step), in the displayed notation, each turning
// green, red or amber as it is typed, with the core's explanation on hover and
// in the pane beside the fields, and the summary on top. Everything it shows
// comes from the CheckSession (the core's CheckReport); it compares nothing.
#pragma once

#include "core/quantity.h"

#include <QLineEdit>
#include <QWidget>
#include <vector>

class QCheckBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QScrollArea;
class QTextBrowser;

namespace bpl::gui {

class CheckSession;
class NetworkDocument;

// One answer field; objectName "answer:" + QuantityRef::describe() (e.g.
// "answer:new_weights layer 1 [1, 3]"),
// property "checkStatus" = correct / wrong / carried / unreadable / empty.
class AnswerEntry : public QLineEdit {
    Q_OBJECT
public:
    AnswerEntry(const QuantityRef& ref, QWidget* parent = nullptr);
    const QuantityRef& ref() const { return ref_; }

signals:
    void focused(const QuantityRef& ref);

protected:
    void focusInEvent(QFocusEvent* event) override;

private:
    QuantityRef ref_;
};

class CheckPanel : public QWidget {
    Q_OBJECT
public:
    CheckPanel(NetworkDocument* document, CheckSession* session, QWidget* parent = nullptr);

    // Buttons in the panel's header (open, save, clear answers).
    void addHeaderActions(const QList<QAction*>& actions);
    // A row above the header (the variant code and the student's name).
    void addTopRow(QWidget* row);

    // The fields shown, in order; the one for `ref` or nullptr.
    const std::vector<AnswerEntry*>& entries() const { return entries_; }
    AnswerEntry* entry(const QuantityRef& ref) const;
    // Focuses the field for `ref` (scrolling to it); false when not shown.
    bool focusEntry(const QuantityRef& ref);
    QString summaryText() const;
    QString explanationText() const;
    bool showsAllSteps() const;
    void setShowAllSteps(bool all);
    // "new w₁₃⁽¹⁾ = 0,30124" in the displayed notation: the answer is set and
    // its field shown. False (with the reason in the explanation pane) when
    // the name or the number cannot be read.
    bool enterByName(const QString& line);
    QLineEdit* quickEntry() const { return quick_; }

public slots:
    void rebuild();      // the fields for the current step (or all steps); none outside Check mode
    void refreshMarks(); // statuses, tooltips, summary, explanation

protected:
    void changeEvent(QEvent* event) override;

private:
    void showExplanation(const QuantityRef& ref);

    NetworkDocument* document_;
    CheckSession* session_;
    QLabel* summary_;
    QLabel* tolerance_;
    QCheckBox* allSteps_;
    QLineEdit* quick_;
    QHBoxLayout* buttons_;
    QScrollArea* scroll_;
    QWidget* grid_ = nullptr;
    QTextBrowser* explanation_;
    std::vector<AnswerEntry*> entries_;
    std::vector<QLabel*> marks_;
    QuantityRef current_;
    bool hasCurrent_ = false;
};

} // namespace bpl::gui
