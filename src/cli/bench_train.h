// backprop-lab bench train: the trainer's throughput (samples per second) on
// two reference tasks, and the wall time of a whole `train` process.
#pragma once

#include <QStringList>

namespace bpl::cli {

// args exclude "bench train".
int runBenchTrain(const QStringList& args);

} // namespace bpl::cli
