// Check mode's variant row: the code from the student's exercise sheet
// (e.g. 3-2-1/7F3K) and the student's name. A valid code rebuilds that
// variant (gui/exercise/exercise_variants.h, the rebuild `check` uses) and
// puts its numbers on the canvas as one undo step ("Show variant …"), so the
// fields are marked against it; "Back to the exercise" (or Ctrl+Z) puts the
// opened numbers back. A code for another shape or an unreadable one is
// refused with the reason beside the field. The session saves both keys.
#pragma once

#include "core/network.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bpl::gui {

class CheckSession;
class NetworkDocument;

class VariantBar : public QWidget {
    Q_OBJECT
  public:
    VariantBar(NetworkDocument* document, CheckSession* session, QWidget* parent = nullptr);

    QLineEdit* codeField() const { return code_; }
    QLineEdit* studentField() const { return student_; }
    QLabel* messageLabel() const { return message_; }
    QPushButton* backButton() const { return back_; }

    // Rebuilds and shows the variant of `typed`; false (with the reason shown)
    // when the code cannot be used. An empty code goes back to the exercise.
    bool applyCode(const QString& typed);
    void backToExercise();
    // True while the canvas shows the variant applied last (not undone).
    bool showsVariant() const;
    QString message() const;

  private:
    void showMessage(const QString& text, bool error);
    void refresh();
    void forget();

    NetworkDocument* document_;
    CheckSession* session_;
    QLineEdit* code_;
    QLineEdit* student_;
    QLabel* message_;
    QPushButton* back_;
    // The exercise the variants are made from (the network before the first
    // variant was shown) and the undo step that shows the current one.
    Network exercise_;
    QJsonObject exerciseJson_;
    bool hasExercise_ = false;
    Network shown_;     // the variant's network as rebuilt
    QString shownCode_; // its code ("" when none was applied)
};

} // namespace bpl::gui
