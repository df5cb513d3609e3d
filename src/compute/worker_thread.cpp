#include "compute/worker_thread.h"

#include <algorithm>
#include <cerrno>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace bpl::compute {

namespace {

// Niceness added to the worker threads (Linux schedules threads one by one:
// nice 4 gives a worker about 40 % of the GUI thread's weight when both want
// the same core). Elsewhere Qt's LowPriority is the nearest equivalent.
constexpr int kWorkerNiceness = 4;

void lowerThisThreadsPriority() {
#if defined(__linux__)
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, tid, std::min(19, now + kWorkerNiceness));
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace

void startWorkerThread(QThread& thread, const char* name) {
    thread.setObjectName(QString::fromLatin1(name));
    QObject::connect(&thread, &QThread::started, &thread, &lowerThisThreadsPriority,
                     Qt::DirectConnection);
    thread.start();
}

} // namespace bpl::compute
