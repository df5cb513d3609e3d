// backprop-lab bench logreg [--points N] [--iters K]
#include "cli/command.h"
#include "cli/output.h"

namespace bpl::cli {

int runBench(const QStringList& args) {
    Q_UNUSED(args);
    return fail("bench", "not yet available", Usage);
}

} // namespace bpl::cli
