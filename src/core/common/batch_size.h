// The one rule for mini-batch sizes shared by the training engine and the
// logistic-regression lab: a batch larger than the data set is the whole data
// set (B > N runs as B = N, full-batch gradient descent).
#pragma once

#include <algorithm>

namespace bpl {

// min(requested, rows) for requested ≥ 1 and rows ≥ 1.
inline int effectiveBatchSize(int requested, int rows) {
    return std::min(requested, rows);
}

} // namespace bpl
