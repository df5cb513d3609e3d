// The one way a compute class starts its worker's thread: named (it shows in
// a debugger and in thread_watch's reports) and a little below the GUI
// thread's priority, so that on a busy 2-core machine the window keeps
// drawing while the runs train (the workers lose a few per cent of their
// share; the GUI thread's stalls are what a class sees).
#pragma once

#include <QThread>

namespace bpl::compute {

void startWorkerThread(QThread& thread, const char* name);

} // namespace bpl::compute
