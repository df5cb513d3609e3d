#include "core/maths/pooling.h"

#include "core/common/limits.h"
#include "core/formula_parts.h"
#include "core/maths/matrix_symbols.h"
#include "core/number_format.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace bpl {

using namespace formula_parts;

namespace {

constexpr int kMaxSide = kMaxWorkedMatrixSide;

int pooledSize(int n, int k, int stride, int padding) {
    const int room = n + 2 * padding - k;
    return room < 0 ? 0 : room / stride + 1;
}

// Adaptive window i of m over n inputs: [⌊i·n/m⌋, ⌈(i+1)·n/m⌉).
std::pair<int, int> adaptiveSpan(int i, int n, int m) {
    const int begin = (i * n) / m;
    const int end = ((i + 1) * n + m - 1) / m;
    return {begin, end};
}

std::optional<Error> problemError(const PoolingProblem& p, int& outRows, int& outCols) {
    auto bad = [](const std::string& place, const std::string& reason) {
        return Error{"", place, reason};
    };
    if (const std::string problem = workedInputProblem(p.input); !problem.empty())
        return bad("input", problem);
    const int n = static_cast<int>(p.input.rows()), nc = static_cast<int>(p.input.cols());
    long long cells = 0;
    if (isAdaptive(p.kind)) {
        for (const auto& [place, value] :
             {std::pair<const char*, int>{"rows", p.outRows}, {"cols", p.outCols}}) {
            if (value < 1 || value > kMaxSide) {
                return bad(place, "the adaptive output's size must be from 1 to " +
                                      std::to_string(kMaxSide) + " (found " +
                                      std::to_string(value) + ")");
            }
        }
        outRows = p.outRows;
        outCols = p.outCols;
        // The largest window: ⌈n/m⌉ + 1 cells along an axis at most.
        cells = static_cast<long long>(n / outRows + 2) * (nc / outCols + 2);
    } else {
        const int k = p.window;
        if (k < 1 || k > kMaxSide) {
            return bad("window", "must be from 1 to " + std::to_string(kMaxSide) + " (found " +
                                     std::to_string(k) + ")");
        }
        if (p.stride < 1)
            return bad("stride", "must be at least 1 (found " + std::to_string(p.stride) + ")");
        if (p.padding < 0 || 2 * p.padding > k) {
            return bad("padding", "must be from 0 to half the window, " + std::to_string(k / 2) +
                                      " (found " + std::to_string(p.padding) + ")");
        }
        if (k > n + 2 * p.padding || k > nc + 2 * p.padding) {
            return bad("window", "is " + std::to_string(k) + "×" + std::to_string(k) +
                                     ", larger than the padded input " +
                                     std::to_string(n + 2 * p.padding) + "×" +
                                     std::to_string(nc + 2 * p.padding));
        }
        outRows = pooledSize(n, k, p.stride, p.padding);
        outCols = pooledSize(nc, k, p.stride, p.padding);
        cells = static_cast<long long>(k) * k;
    }
    if (const std::string work = poolingWorkProblem(outRows, outCols, cells); !work.empty())
        return bad(isAdaptive(p.kind) ? "rows" : "window", work);
    if (p.gradOutput.size() != 0) {
        if (const std::string problem = givenGradientProblem(p.gradOutput, outRows, outCols, "P");
            !problem.empty())
            return bad("grad-output", problem);
    }
    return std::nullopt;
}

PoolWindow windowOf(const PoolingProblem& p, int i, int j) {
    if (isAdaptive(p.kind)) {
        const auto rows = adaptiveSpan(i, static_cast<int>(p.input.rows()), p.outRows);
        const auto cols = adaptiveSpan(j, static_cast<int>(p.input.cols()), p.outCols);
        return {rows.first, rows.second, cols.first, cols.second};
    }
    const int r = i * p.stride - p.padding, c = j * p.stride - p.padding;
    return {r, r + p.window, c, c + p.window};
}

// A list "a, b, c" or a sum "a + b + c" of Duals.
Dual joined(const std::vector<Dual>& parts, const Dual& separator) {
    Dual out;
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k > 0)
            out += separator;
        out += parts[k];
    }
    return out;
}

Dual call(const char* name, const Dual& arguments) {
    return Dual(std::string(name) + "(" + arguments.text + ")",
                std::string("\\") + name + "\\left(" + arguments.latex + "\\right)");
}

Dual over(const Dual& top, double divisor) {
    return fraction(top, Dual(formatNumber(divisor, 17)));
}

void buildForward(Pooling& r) {
    const PoolingProblem& p = r.problem;
    const bool isMax = isMaxPooling(p.kind);
    for (int i = 0; i < r.output.rows(); ++i) {
        for (int j = 0; j < r.output.cols(); ++j) {
            const PoolWindow w = windowOf(p, i, j);
            r.windows.push_back(w);
            std::vector<Dual> symbols, numbers;
            double best = -INFINITY, sum = 0;
            std::pair<int, int> chosen{-1, -1};
            for (int a = w.rowBegin; a < w.rowEnd; ++a) {
                for (int b = w.colBegin; b < w.colEnd; ++b) {
                    const bool pad = a < 0 || b < 0 || a >= p.input.rows() || b >= p.input.cols();
                    if (pad && isMax)
                        continue; // −∞: never the maximum, left out of the list
                    const double x = pad ? 0.0 : p.input(a, b);
                    symbols.push_back(pad ? Dual("0") : entrySymbol("X", a, b));
                    numbers.push_back(formatDual(x, p.precision));
                    sum += x;
                    if (!pad && x > best) { // the first maximum, row by row
                        best = x;
                        chosen = {a, b};
                    }
                }
            }
            PoolElementStep step;
            step.row = i;
            step.col = j;
            step.lhs = entrySymbol("P", i, j);
            if (isMax) {
                step.value = best;
                step.symbolic = call("max", joined(symbols, Dual(", ")));
                step.substituted = call("max", joined(numbers, Dual(", ")));
                r.argMax.push_back(chosen);
            } else {
                const double divisor = p.kind == PoolingKind::Average ? double(p.window) * p.window
                                                                      : double(w.cells());
                step.value = sum / divisor;
                step.symbolic = over(paren(joined(symbols, kPlus)), divisor);
                step.substituted = over(paren(joined(numbers, kPlus)), divisor);
            }
            step.result = formatDual(step.value, p.precision);
            r.output(i, j) = step.value;
            r.forward.push_back(std::move(step));
        }
    }
}

void buildBackward(Pooling& r) {
    const PoolingProblem& p = r.problem;
    const bool isMax = isMaxPooling(p.kind);
    const Dual e("E");
    for (int a = 0; a < p.input.rows(); ++a) {
        for (int b = 0; b < p.input.cols(); ++b) {
            PoolElementStep step;
            step.row = a;
            step.col = b;
            step.lhs = partialSymbol(e, entrySymbol("X", a, b));
            std::vector<Dual> symbols, numbers;
            double value = 0;
            for (int i = 0; i < r.output.rows(); ++i) {
                for (int j = 0; j < r.output.cols(); ++j) {
                    const std::size_t k = static_cast<std::size_t>(i * r.output.cols() + j);
                    const PoolWindow& w = r.windows[k];
                    const double g = r.gradOutput(i, j);
                    const Dual gSymbol = partialSymbol(e, entrySymbol("P", i, j));
                    if (isMax) {
                        if (r.argMax[k] != std::make_pair(a, b))
                            continue;
                        symbols.push_back(gSymbol);
                        numbers.push_back(symbols.size() == 1 ? formatDual(g, p.precision)
                                                              : formatFactor(g, p.precision));
                        value += g;
                    } else {
                        if (!w.covers(a, b))
                            continue;
                        const double divisor = p.kind == PoolingKind::Average
                                                   ? double(p.window) * p.window
                                                   : double(w.cells());
                        symbols.push_back(over(gSymbol, divisor));
                        numbers.push_back(over(symbols.size() == 1 ? formatDual(g, p.precision)
                                                                   : formatFactor(g, p.precision),
                                               divisor));
                        value += g / divisor;
                    }
                    step.windows.emplace_back(i, j);
                }
            }
            step.value = value;
            step.symbolic =
                symbols.empty() ? Dual() : joined(symbols, kPlus); // nothing comes here: 0
            step.substituted = symbols.empty() ? Dual() : joined(numbers, kPlus);
            step.result = formatDual(value, p.precision);
            r.gradInput(a, b) = value;
            r.backward.push_back(std::move(step));
        }
    }
}

// "s(i − 1) + 1 − p", the first row (or column) of window i, 1-based.
std::string windowStart(int stride, int padding, const char* index) {
    std::string out =
        stride == 1 ? std::string(index) : std::to_string(stride) + "(" + index + " − 1) + 1";
    if (padding > 0)
        out += " − " + std::to_string(padding);
    return out;
}

Dual operationOf(const PoolingProblem& p) {
    const std::string k = std::to_string(p.window);
    const std::string at = "the " + k + "×" + k + " window from row " +
                           windowStart(p.stride, p.padding, "i") + ", column " +
                           windowStart(p.stride, p.padding, "j");
    switch (p.kind) {
    case PoolingKind::Max:
        return Dual("P_ij = max of X over " + at + (p.padding > 0 ? " (padding never wins)" : ""));
    case PoolingKind::Average:
        return Dual("P_ij = (sum of X over " + at + (p.padding > 0 ? ", padding 0" : "") + ")/" +
                    std::to_string(p.window * p.window));
    case PoolingKind::AdaptiveMax:
        return Dual("P_ij = max of X over rows ⌊(i − 1)n/m⌋ + 1 to ⌈in/m⌉ and columns alike (n "
                    "inputs, m outputs)");
    case PoolingKind::AdaptiveAverage:
        return Dual("P_ij = mean of X over rows ⌊(i − 1)n/m⌋ + 1 to ⌈in/m⌉ and columns alike (n "
                    "inputs, m outputs)");
    }
    return Dual();
}

} // namespace

std::string poolingKindKey(PoolingKind kind) {
    switch (kind) {
    case PoolingKind::Max:
        return "max";
    case PoolingKind::Average:
        return "average";
    case PoolingKind::AdaptiveMax:
        return "adaptive-max";
    case PoolingKind::AdaptiveAverage:
        return "adaptive-average";
    }
    return "max";
}

bool poolingKindFromKey(const std::string& key, PoolingKind& out) {
    for (const PoolingKind k : {PoolingKind::Max, PoolingKind::Average, PoolingKind::AdaptiveMax,
                                PoolingKind::AdaptiveAverage}) {
        if (poolingKindKey(k) == key) {
            out = k;
            return true;
        }
    }
    return false;
}

bool isAdaptive(PoolingKind kind) {
    return kind == PoolingKind::AdaptiveMax || kind == PoolingKind::AdaptiveAverage;
}

bool isMaxPooling(PoolingKind kind) {
    return kind == PoolingKind::Max || kind == PoolingKind::AdaptiveMax;
}

Dual PoolElementStep::line() const {
    WorkedFormula f;
    f.lhs = lhs;
    f.symbolic = symbolic;
    f.substituted = substituted;
    f.result = result;
    return f.line();
}

const PoolElementStep* Pooling::stepFor(const MathsRef& ref) const {
    const bool isOutput = ref.quantity == MathsQuantity::ConvOutput;
    if (!isOutput && ref.quantity != MathsQuantity::ConvGradInput)
        return nullptr;
    const Eigen::MatrixXd& m = isOutput ? output : gradInput;
    if (ref.row < 0 || ref.col < 0 || ref.row >= m.rows() || ref.col >= m.cols())
        return nullptr;
    const std::vector<PoolElementStep>& steps = isOutput ? forward : backward;
    return &steps[static_cast<std::size_t>(ref.row * m.cols() + ref.col)];
}

std::optional<double> Pooling::valueOf(const MathsRef& ref) const {
    const PoolElementStep* s = stepFor(ref);
    return s != nullptr ? std::optional<double>(s->value) : std::nullopt;
}

std::optional<WorkedFormula> Pooling::formulaFor(const MathsRef& ref) const {
    const PoolElementStep* s = stepFor(ref);
    if (s == nullptr)
        return std::nullopt;
    WorkedFormula f;
    f.ref = ref;
    f.value = s->value;
    f.lhs = s->lhs;
    f.symbolic = s->symbolic;
    f.substituted = s->substituted;
    f.result = s->result;
    return f; // no inputs: P and ∂E/∂X come from the given X and ∂E/∂P only
}

Dual Pooling::symbolOf(const MathsRef& ref) const {
    const PoolElementStep* s = stepFor(ref);
    return s != nullptr ? s->lhs : Dual(ref.describe());
}

Result<Pooling> computePooling(const PoolingProblem& problem) {
    Pooling r;
    r.problem = problem;
    if (!isAdaptive(problem.kind) && r.problem.stride == 0)
        r.problem.stride = problem.window;
    int outRows = 0, outCols = 0;
    if (const auto error = problemError(r.problem, outRows, outCols))
        return *error;
    r.output = Eigen::MatrixXd::Zero(outRows, outCols);
    r.gradOutput = problem.gradOutput.size() != 0 ? problem.gradOutput
                                                  : Eigen::MatrixXd::Ones(outRows, outCols);
    r.gradInput = Eigen::MatrixXd::Zero(problem.input.rows(), problem.input.cols());
    r.operation = operationOf(r.problem);
    buildForward(r);
    buildBackward(r);
    return r;
}

} // namespace bpl
