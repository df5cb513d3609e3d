// Watching a worker's thread end: a test that destroys a worker's owner
// mid-run checks that the thread had finished by the time the destructor
// returned (joined, not left running or detached). The flag is set by a direct
// connection on the thread itself as it finishes.
#pragma once

#include <QThread>

#include <atomic>
#include <memory>

namespace bpl::test {

inline std::shared_ptr<std::atomic<bool>> watchThreadEnd(const QThread* thread) {
    auto ended = std::make_shared<std::atomic<bool>>(false);
    QObject::connect(
        thread, &QThread::finished, thread, [ended] { ended->store(true); }, Qt::DirectConnection);
    return ended;
}

} // namespace bpl::test
