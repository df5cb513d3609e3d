// File → New exercise sheets…: a class's sheets from one exercise (the open
// network, or a network or backprop-lab.exercise/1 file): the students (a
// number or a roster file, read as `sheets --roster` reads it), the class
// seed and the output folder, the template's main settings (read-only: they
// live in the exercise file's "variants" key), a preview of the first two
// students' variants side by side, and Generate, which writes the class
// folder on a worker thread (class_sheets_job.h) and offers to open it.
// Every error is shown in the dialog, which keeps what was entered.
#pragma once

#include "gui/exercise/exercise_variants.h"

#include <QDialog>

#include <functional>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QSpinBox;
class QTimer;

namespace bpl::gui {

class ClassSheetsJob;

class ExerciseSheetsDialog : public QDialog {
    Q_OBJECT
  public:
    // `exercise` is the open network, offered first; `folder` the output folder suggested.
    ExerciseSheetsDialog(SheetExercisePtr exercise, const QString& folder,
                         QWidget* parent = nullptr);
    ~ExerciseSheetsDialog() override;

    // For tests and callers: the same as the fields.
    bool setExerciseFile(const QString& path);
    void setStudentCount(int count);
    void setRosterFile(const QString& path);
    void setSeed(quint64 seed);
    void setFolder(const QString& folder);
    // Starts writing; false when something entered is wrong (shown in the dialog)
    // or the user keeps the files in the folder that sheets did not write.
    bool generate();
    // Asked before writing into a folder that holds files sheets did not
    // write (their paths, relative to the folder): true replaces files of the
    // same names and keeps the others. By default a question box (No first);
    // tests answer it themselves.
    using ConfirmReplace = std::function<bool(const QString& folder, const QStringList& foreign)>;
    void setConfirmReplace(ConfirmReplace confirm) { confirmReplace_ = std::move(confirm); }

    // What the preview shows now: the two students' codes (empty when none).
    QStringList previewCodes() const;
    QImage previewImage(int k) const;
    QString messageText() const;
    bool busy() const;
    // After a Generate that worked: the files written (relative to the folder).
    const ClassSheetsOutcome& outcome() const { return outcome_; }

    // Recomputes the preview now (normally a moment after a change).
    void updatePreview();

    // While writing, closing waits for the last file and then closes.
    void reject() override;

  protected:
    void resizeEvent(QResizeEvent* event) override;

  signals:
    void generated(const QString& folder);

  private:
    QWidget* buildForm();
    QWidget* buildPreview();
    void chooseExerciseFile();
    void chooseRoster();
    void chooseFolder();
    void useOpenNetwork();
    void showExercise();
    void schedulePreview();
    void showError(const QString& text);
    void showInfo(const QString& text);
    // The students entered, or an error shown in the dialog.
    std::optional<QStringList> students(bool forPreview);
    void jobFinished(const ClassSheetsOutcome& outcome, const QString& error);
    void setBusy(bool busy);

    SheetExercisePtr openNetwork_;
    SheetExercisePtr exercise_;
    QLabel* exerciseLabel_;
    QRadioButton* byCount_;
    QRadioButton* byRoster_;
    QSpinBox* count_;
    QLineEdit* roster_;
    QPushButton* rosterBrowse_;
    QLineEdit* seed_;
    QLineEdit* folder_;
    QLabel* templateLabel_;
    QLabel* codes_[2];
    QLabel* images_[2];
    QScrollArea* scrolls_[2];
    int previewWidth_ = 0;
    QImage previews_[2];
    QStringList previewCodes_;
    QLabel* message_;
    QProgressBar* progress_;
    QPushButton* generate_;
    QPushButton* openFolder_;
    QDialogButtonBox* buttons_;
    QTimer* previewTimer_;
    ClassSheetsJob* job_;
    ClassSheetsOutcome outcome_;
    bool closeWhenDone_ = false;
    ConfirmReplace confirmReplace_;
};

} // namespace bpl::gui
