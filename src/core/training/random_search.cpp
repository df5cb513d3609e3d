#include "core/training/random_search.h"

#include "core/common/split_mix64.h"
#include "core/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace bpl {

namespace {

constexpr int kMaxSamples = 1000;

bool logScale(const std::string& setting) { return setting == "learning_rate" || setting == "l2"; }

bool parseNumber(const std::string& text, double& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return !text.empty() && ec == std::errc() && ptr == end && std::isfinite(value);
}

Error searchError(const std::string& reason) { return Error{"", "search", reason}; }

// Three significant figures, exactly as the label writes them.
double rounded(double x) {
    double value = x;
    const std::string text = formatNumber(x, 3);
    return parseNumber(text, value) ? value : x;
}

double valueOf(const TrainingOptions& run, const std::string& setting) {
    if (setting == "learning_rate") return run.optimizer.learningRate;
    if (setting == "l2") return run.l2;
    return run.batchSize;
}

std::string rangeProblem(const SearchRange& r) {
    const std::string range = r.setting + " from " + formatNumber(r.low, 6) + " to " + formatNumber(r.high, 6);
    if (r.setting != "learning_rate" && r.setting != "l2" && r.setting != "batch_size")
        return "unknown setting '" + r.setting + "' to search; expected learning_rate, l2 or batch_size";
    if (!(r.low <= r.high)) return range + ": the low end is above the high end";
    if (logScale(r.setting) && r.low <= 0)
        return range + ": drawn log-uniformly, so the range must start above 0";
    if (r.setting == "batch_size" && (r.low < 1 || r.low != std::floor(r.low) || r.high != std::floor(r.high)))
        return range + ": expected whole numbers ≥ 1";
    return {};
}

} // namespace

Result<std::vector<SearchRange>> parseSearchRanges(const std::string& text) {
    std::vector<SearchRange> ranges;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string part = text.substr(start, comma - start);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        const std::size_t equals = part.find('=');
        const std::size_t colon = part.find(':', equals == std::string::npos ? 0 : equals);
        SearchRange r;
        if (equals == std::string::npos || colon == std::string::npos) {
            return searchError("expected setting=low:high (as in learning_rate=1e-4:1), found '" + part + "'");
        }
        r.setting = part.substr(0, equals);
        if (!parseNumber(part.substr(equals + 1, colon - equals - 1), r.low) ||
            !parseNumber(part.substr(colon + 1), r.high)) {
            return searchError("expected two numbers low:high after '" + r.setting + "=', found '" +
                               part.substr(equals + 1) + "'");
        }
        const std::string problem = rangeProblem(r);
        if (!problem.empty()) return searchError(problem);
        for (const SearchRange& other : ranges) {
            if (other.setting == r.setting) return searchError(r.setting + " has two ranges");
        }
        ranges.push_back(r);
        start = comma + 1;
    }
    if (ranges.size() > 2) return searchError("at most two settings at once, found " + std::to_string(ranges.size()));
    return ranges;
}

std::string searchRangesText(const std::vector<SearchRange>& ranges) {
    std::string text;
    for (const SearchRange& r : ranges) {
        if (!text.empty()) text += ", ";
        text += r.setting + "=" + formatNumber(r.low, 6) + ":" + formatNumber(r.high, 6);
    }
    return text;
}

Result<std::vector<TrainingOptions>> randomSearchRuns(const TrainingOptions& base, const RandomSearch& search) {
    if (search.ranges.empty() || search.ranges.size() > 2) return searchError("expected one or two settings to search");
    if (search.samples < 1 || search.samples > kMaxSamples) {
        return searchError("expected 1 to " + std::to_string(kMaxSamples) + " samples, found " +
                           std::to_string(search.samples));
    }
    for (const SearchRange& r : search.ranges) {
        const std::string problem = rangeProblem(r);
        if (!problem.empty()) return searchError(problem);
    }
    SplitMix64 rng(search.seed);
    std::vector<TrainingOptions> runs;
    for (int k = 0; k < search.samples; ++k) {
        TrainingOptions run = base;
        std::string label;
        for (const SearchRange& r : search.ranges) {
            const double u = rng.uniform();
            if (r.setting == "batch_size") {
                // ⌊low + u·(high − low + 1)⌋: each whole number equally likely.
                run.batchSize = static_cast<int>(std::min(r.high, std::floor(r.low + u * (r.high - r.low + 1))));
                label += (label.empty() ? "" : ", ") + std::string("B = ") + std::to_string(run.batchSize);
                continue;
            }
            const double value = rounded(std::exp(std::log(r.low) + u * (std::log(r.high) - std::log(r.low))));
            if (r.setting == "learning_rate") run.optimizer.learningRate = value;
            else run.l2 = value;
            label += (label.empty() ? "" : ", ") + std::string(r.setting == "l2" ? "λ = " : "η = ") +
                     formatNumber(value, 3);
        }
        if (base.label.empty()) run.label = optimizerKey(run.optimizer.kind) + ", " + label;
        const std::string problem = trainingProblem(run, 1);
        if (!problem.empty()) return searchError(run.label + ": " + problem);
        runs.push_back(run);
    }
    return runs;
}

RandomSearch finerSearch(const RandomSearch& coarse, const TrainingOptions& best) {
    RandomSearch fine = coarse;
    fine.seed = coarse.seed + 1;
    for (SearchRange& r : fine.ranges) {
        const double at = valueOf(best, r.setting);
        if (logScale(r.setting)) {
            const double low = std::log(r.low), high = std::log(r.high);
            const double half = (high - low) / 8;
            const double centre = std::clamp(std::log(at), low + half, high - half);
            r.low = rounded(std::exp(centre - half));
            r.high = rounded(std::exp(centre + half));
        } else {
            const double half = std::max(1.0, std::floor((r.high - r.low) / 8));
            r.low = std::max(r.low, at - half);
            r.high = std::min(r.high, at + half);
        }
    }
    return fine;
}

int bestSearchRun(const std::vector<TrainingRun>& runs) {
    int best = -1;
    double lowest = INFINITY;
    for (int k = 0; k < static_cast<int>(runs.size()); ++k) {
        const TrainingRun& run = runs[static_cast<std::size_t>(k)];
        const std::vector<double>& loss = run.validationLoss.empty() ? run.trainLoss : run.validationLoss;
        if (!loss.empty() && std::isfinite(loss.back()) && loss.back() < lowest) {
            lowest = loss.back();
            best = k;
        }
    }
    return best;
}

} // namespace bpl
