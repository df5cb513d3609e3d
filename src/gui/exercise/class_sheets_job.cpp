#include "gui/exercise/class_sheets_job.h"

#include <QElapsedTimer>

namespace bpl::gui {

void ClassSheetsWorker::run(const ClassSheetsJobRequest& request) {
    // Progress at most ~30 times a second, and always the last one.
    QElapsedTimer since;
    since.start();
    auto onProgress = [this, &since](int done, int total) {
        if (done == total || since.elapsed() >= 33) {
            emit progress(done, total);
            since.restart();
        }
    };
    const auto written = writeClassFolder(request.exercise, request.students, request.seed,
                                          request.folder, request.replaceForeignFiles, onProgress);
    if (!written) {
        emit finished({}, QString::fromStdString(written.error().message()));
        return;
    }
    emit finished(written.value(), {});
}

ClassSheetsJob::ClassSheetsJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ClassSheetsJobRequest>();
    qRegisterMetaType<ClassSheetsOutcome>();
    worker_ = new ClassSheetsWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &ClassSheetsWorker::progress, this, &ClassSheetsJob::progress);
    connect(worker_, &ClassSheetsWorker::finished, this,
            [this](const ClassSheetsOutcome& outcome, const QString& error) {
                busy_ = false;
                emit finished(outcome, error);
            });
    thread_.setObjectName("classSheetsThread");
    thread_.start();
}

ClassSheetsJob::~ClassSheetsJob() {
    thread_
        .quit(); // after the job running, if any: a half-written class is worse than a short wait
    thread_.wait();
}

bool ClassSheetsJob::start(const ClassSheetsJobRequest& request) {
    if (busy_)
        return false;
    busy_ = true;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, request] { worker->run(request); }, Qt::QueuedConnection);
    return true;
}

} // namespace bpl::gui
