#include "core/logreg_gaussian.h"

#include "core/common/split_mix64.h"

#include <cmath>
#include <numeric>
#include <sstream>
#include <vector>

namespace bpl {

std::string twoGaussiansProblem(const TwoGaussians& spec) {
    std::ostringstream why;
    int label = 0;
    for (const GaussianClass& c : {spec.class0, spec.class1}) {
        if (!std::isfinite(c.meanX1) || !std::isfinite(c.meanX2)) {
            why << "class " << label << ": the mean must be finite";
        } else if (!std::isfinite(c.spread) || c.spread < 0) {
            why << "class " << label << ": the spread must be a finite number ≥ 0, found "
                << c.spread;
        } else if (c.count < 0 || c.count > kMaxGeneratedPerClass) {
            why << "class " << label << ": the number of points must be from 0 to "
                << kMaxGeneratedPerClass << ", found " << c.count;
        }
        if (!why.str().empty())
            return why.str();
        ++label;
    }
    if (spec.class0.count + static_cast<long long>(spec.class1.count) == 0) {
        return "the data set needs at least one point";
    }
    return {};
}

LogRegData generateTwoGaussians(const TwoGaussians& spec) {
    SplitMix64 random(spec.seed);
    const int n = spec.class0.count + spec.class1.count;
    // The order in which the points appear: class 0's points, then class 1's,
    // shuffled, so that a file-order SGD epoch sees the classes mixed.
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    random.shuffle(order);

    LogRegData data;
    data.x1.resize(n);
    data.x2.resize(n);
    data.t.resize(n);
    for (int k = 0; k < n; ++k) {
        const bool first = k < spec.class0.count;
        const GaussianClass& c = first ? spec.class0 : spec.class1;
        const int row = order[static_cast<std::size_t>(k)];
        data.x1(row) = c.meanX1 + c.spread * random.normal();
        data.x2(row) = c.meanX2 + c.spread * random.normal();
        data.t(row) = first ? 0.0 : 1.0;
    }
    return data;
}

} // namespace bpl
