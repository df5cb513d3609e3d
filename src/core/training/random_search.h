// Random search over one or two hyperparameters, coarse to fine: `samples`
// settings drawn from ranges (η and λ log-uniform, B uniform over whole
// numbers) with the core's seeded generator, each run from the same start
// weights and mini-batches as a comparison's; then a finer search around the
// best run. The rule is written out in docs/formats/training.md ("Random search").
#pragma once

#include "core/result.h"
#include "core/training/trainer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bpl {

struct SearchRange {
    std::string setting; // learning_rate, l2 or batch_size
    double low = 0;
    double high = 0;
};

struct RandomSearch {
    std::vector<SearchRange> ranges; // one or two, different settings
    int samples = 10;
    std::uint64_t seed = 1;
};

// "learning_rate=1e-4:1,l2=1e-5:0.1": each setting with its range low:high.
Result<std::vector<SearchRange>> parseSearchRanges(const std::string& text);
// The ranges written back in that form (numbers locale-free).
std::string searchRangesText(const std::vector<SearchRange>& ranges);
// The runs: `base` with each sample's values (η and λ rounded to 3 significant
// figures, so a label gives the run's value exactly), labelled by them.
Result<std::vector<TrainingOptions>> randomSearchRuns(const TrainingOptions& base, const RandomSearch& search);
// A quarter as wide (in log space for η and λ), centred on `best`'s values and
// kept inside the old ranges; the seed moves on so the samples are new.
RandomSearch finerSearch(const RandomSearch& coarse, const TrainingOptions& best);
// The best of the runs: the lowest validation loss at the last epoch (the
// training loss without validation rows); -1 when none has a finite one.
int bestSearchRun(const std::vector<TrainingRun>& runs);

} // namespace bpl
