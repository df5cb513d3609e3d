// Writing a class folder of exercise sheets on a worker thread (after
// compute/logreg_worker): the dialog starts a job and gets progress (done of
// total) and, once, the outcome; the GUI thread never waits on it. The
// destructor waits for a job still writing (its files are written whole or
// not at all by the render layer), then joins the thread.
#pragma once

#include "gui/exercise/exercise_variants.h"

#include <QObject>
#include <QThread>

namespace bpl::gui {

struct ClassSheetsJobRequest {
    SheetExercisePtr exercise;
    QStringList students;
    quint64 seed = 1;
    QString folder;
    bool replaceForeignFiles = false; // the user said yes to replacing files sheets did not write
};

class ClassSheetsWorker : public QObject {
    Q_OBJECT
  public:
    void run(const bpl::gui::ClassSheetsJobRequest& request);

  signals:
    void progress(int done, int total);
    // `error` is empty on success.
    void finished(const bpl::gui::ClassSheetsOutcome& outcome, const QString& error);
};

class ClassSheetsJob : public QObject {
    Q_OBJECT
  public:
    explicit ClassSheetsJob(QObject* parent = nullptr);
    ~ClassSheetsJob() override;

    // False when a job is still running.
    bool start(const ClassSheetsJobRequest& request);
    bool busy() const { return busy_; }

  signals:
    void progress(int done, int total);
    void finished(const bpl::gui::ClassSheetsOutcome& outcome, const QString& error);

  private:
    QThread thread_;
    ClassSheetsWorker* worker_ = nullptr;
    bool busy_ = false;
};

} // namespace bpl::gui

Q_DECLARE_METATYPE(bpl::gui::ClassSheetsJobRequest)
Q_DECLARE_METATYPE(bpl::gui::ClassSheetsOutcome)
