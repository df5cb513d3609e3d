// How much a `logreg` command may record: every run keeps its NLL and weights
// per recorded iteration (32 bytes), and its JSON about 150 bytes more, so the
// recorded values of all runs together are capped. With the largest data set
// (io/logreg_data.h) no accepted command needs more than ~2 GB. (The window's
// lab keeps no JSON; its sweeps are bounded by the per-run limit.)
#pragma once

#include <string>

namespace bpl {

// Recorded iterations summed over all runs of a sweep (runs × max iterations).
constexpr long long kMaxRecordedPerSweep = 2'000'000;

// "" when `runs` runs of at most `maxIter` recorded values each fit, else why not.
inline std::string sweepSizeProblem(long long runs, long long maxIter) {
    if (runs * maxIter <= kMaxRecordedPerSweep)
        return "";
    return "at most " + std::to_string(kMaxRecordedPerSweep) +
           " recorded iterations in all (runs × max iterations), found " + std::to_string(runs) +
           " × " + std::to_string(maxIter) +
           "; record fewer iterations or run fewer learning rates";
}

} // namespace bpl
