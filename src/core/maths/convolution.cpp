#include "core/maths/convolution.h"

#include "core/common/limits.h"
#include "core/common/message_text.h"
#include "core/formula_parts.h"
#include "core/maths/matrix_symbols.h"
#include "core/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace bpl {

using namespace formula_parts;

namespace {

constexpr int kMaxSide = kMaxWorkedMatrixSide;

std::string size(const Eigen::MatrixXd& m) {
    return matrixSizeText(m);
}

Dual partial(const Dual& of, const Dual& by) {
    return partialSymbol(of, by);
}

std::optional<Error> problemError(const ConvolutionProblem& p) {
    auto bad = [](const std::string& place, const std::string& reason) {
        return Error{"", place, reason};
    };
    if (p.input.size() != 0 && p.filter.size() == 0)
        return bad("filter", "is empty");
    if (const std::string problem = workedInputProblem(p.input); !problem.empty())
        return bad("input", problem);
    if (!p.filter.allFinite())
        return bad("filter", "has an entry that is not a finite number");
    if (p.stride < 1)
        return bad("stride", "must be at least 1 (found " + std::to_string(p.stride) + ")");
    if (p.padding < 0 || p.padding >= kMaxSide) {
        return bad("padding", "must be from 0 to " + std::to_string(kMaxSide - 1) + " (found " +
                                  std::to_string(p.padding) + ")");
    }
    const int rows = static_cast<int>(p.input.rows()) + 2 * p.padding;
    const int cols = static_cast<int>(p.input.cols()) + 2 * p.padding;
    if (p.filter.rows() > rows || p.filter.cols() > cols) {
        return bad("filter", "is " + size(p.filter) + ", larger than the padded input " +
                                 std::to_string(rows) + "×" + std::to_string(cols));
    }
    const int outRows = convolutionOutputSize(
        static_cast<int>(p.input.rows()), static_cast<int>(p.filter.rows()), p.stride, p.padding);
    const int outCols = convolutionOutputSize(
        static_cast<int>(p.input.cols()), static_cast<int>(p.filter.cols()), p.stride, p.padding);
    if (const std::string work =
            convolutionWorkProblem(outRows, outCols, p.filter.rows(), p.filter.cols());
        !work.empty()) {
        return bad("filter", work);
    }
    if (p.gradOutput.size() != 0) {
        if (const std::string problem = givenGradientProblem(p.gradOutput, outRows, outCols, "F");
            !problem.empty())
            return bad("grad-output", problem);
    }
    return std::nullopt;
}

// Every product of the forward sums, output by output, in window order.
std::vector<ConvTerm> allTerms(const Convolution& c) {
    const ConvolutionProblem& p = c.problem;
    const int kh = static_cast<int>(p.filter.rows());
    const int kw = static_cast<int>(p.filter.cols());
    std::vector<ConvTerm> terms;
    for (int i = 0; i < c.output.rows(); ++i) {
        for (int j = 0; j < c.output.cols(); ++j) {
            for (int a = 0; a < kh; ++a) {
                for (int b = 0; b < kw; ++b) {
                    ConvTerm t;
                    t.i = i;
                    t.j = j;
                    const bool flip = p.mode == ConvolutionMode::Convolution;
                    t.u = flip ? kh - 1 - a : a;
                    t.v = flip ? kw - 1 - b : b;
                    t.p = i * p.stride + a - p.padding;
                    t.q = j * p.stride + b - p.padding;
                    t.padding =
                        t.p < 0 || t.q < 0 || t.p >= p.input.rows() || t.q >= p.input.cols();
                    t.x = t.padding ? 0.0 : p.input(t.p, t.q);
                    t.w = p.filter(t.u, t.v);
                    t.g = c.gradOutput(i, j);
                    terms.push_back(t);
                }
            }
        }
    }
    return terms;
}

Dual inputSymbol(const ConvTerm& t) {
    return t.padding ? Dual("0", "0") : entrySymbol("X", t.p, t.q);
}

// A sum of products a·b written symbolically and substituted; "0" when empty.
struct SumWriter {
    int precision;
    Dual symbolic, substituted;
    double value = 0;
    int count = 0;
    void add(const Dual& symA, const Dual& symB, double a, double b) {
        if (count > 0) {
            symbolic += kPlus;
            substituted += kPlus;
        }
        symbolic += symA + kDot + symB;
        substituted += (count == 0 ? formatDual(a, precision) : formatFactor(a, precision)) + kDot +
                       formatFactor(b, precision);
        value += a * b;
        ++count;
    }
    void finish(WorkedFormula& f) {
        if (count == 0) { // nothing meets this element: the sum is empty
            symbolic = Dual();
            substituted = Dual();
        }
        f.symbolic = symbolic;
        f.substituted = substituted;
        f.value = value;
        f.result = formatDual(value, precision);
    }
};

void buildForward(Convolution& c, const std::vector<ConvTerm>& terms) {
    const int p = c.problem.precision;
    const size_t perWindow = static_cast<size_t>(c.problem.filter.size());
    for (size_t start = 0; start < terms.size(); start += perWindow) {
        ConvElementStep step;
        step.row = terms[start].i;
        step.col = terms[start].j;
        step.formula.ref = MathsRef::entry(MathsQuantity::ConvOutput, step.row, step.col);
        step.formula.lhs = entrySymbol("F", step.row, step.col);
        SumWriter sum{p, {}, {}, 0, 0};
        for (size_t k = start; k < start + perWindow; ++k) {
            const ConvTerm& t = terms[k];
            step.terms.push_back(t);
            sum.add(entrySymbol("W", t.u, t.v), inputSymbol(t), t.w, t.x);
        }
        sum.finish(step.formula);
        c.output(step.row, step.col) = step.formula.value;
        c.forward.push_back(std::move(step));
    }
}

void buildBackward(Convolution& c, const std::vector<ConvTerm>& terms) {
    const int p = c.problem.precision;
    const Dual e("E");
    // ∂E/∂W_uv = Σ_ij ∂E/∂F_ij · X(window of F_ij at u, v).
    for (int u = 0; u < c.problem.filter.rows(); ++u) {
        for (int v = 0; v < c.problem.filter.cols(); ++v) {
            ConvElementStep step;
            step.row = u;
            step.col = v;
            step.formula.ref = MathsRef::entry(MathsQuantity::ConvGradFilter, u, v);
            step.formula.lhs = partial(e, entrySymbol("W", u, v));
            SumWriter sum{p, {}, {}, 0, 0};
            for (const ConvTerm& t : terms) {
                if (t.u != u || t.v != v || t.padding)
                    continue;
                step.terms.push_back(t);
                sum.add(partial(e, entrySymbol("F", t.i, t.j)), inputSymbol(t), t.g, t.x);
            }
            sum.finish(step.formula);
            c.gradFilter(u, v) = step.formula.value;
            c.backwardFilter.push_back(std::move(step));
        }
    }
    // ∂E/∂X_pq = Σ over the windows covering X_pq of ∂E/∂F_ij · W_uv.
    for (int row = 0; row < c.problem.input.rows(); ++row) {
        for (int col = 0; col < c.problem.input.cols(); ++col) {
            ConvElementStep step;
            step.row = row;
            step.col = col;
            step.formula.ref = MathsRef::entry(MathsQuantity::ConvGradInput, row, col);
            step.formula.lhs = partial(e, entrySymbol("X", row, col));
            SumWriter sum{p, {}, {}, 0, 0};
            for (const ConvTerm& t : terms) {
                if (t.p != row || t.q != col || t.padding)
                    continue;
                step.terms.push_back(t);
                sum.add(partial(e, entrySymbol("F", t.i, t.j)), entrySymbol("W", t.u, t.v), t.g,
                        t.w);
            }
            sum.finish(step.formula);
            c.gradInput(row, col) = step.formula.value;
            c.backwardInput.push_back(std::move(step));
        }
    }
}

void describeOperation(Convolution& c) {
    // With the 1-based indices of the steps (F₁₁ = W₁₁X₁₁ + … for i = j = u =
    // v = 1): X's row is s(i − 1) + u − p, its column s(j − 1) + v − p, where
    // row 0 and column 0 (and below) are the zero padding.
    const ConvolutionProblem& p = c.problem;
    auto index = [&p](const std::string& out, const std::string& in, const std::string& minus) {
        if (p.stride == 1)
            return out + " + " + in + " " + minus + " " + std::to_string(1 + p.padding);
        const std::string pad = p.padding == 0 ? "" : " " + minus + " " + std::to_string(p.padding);
        return std::to_string(p.stride) + "(" + out + " " + minus + " 1) + " + in + pad;
    };
    const std::string row = index("i", "u", "−");
    const std::string col = index("j", "v", "−");
    const std::string rowLatex = index("i", "u", "-");
    const std::string colLatex = index("j", "v", "-");
    if (p.mode == ConvolutionMode::CrossCorrelation) {
        c.operation =
            Dual("F_ij = Σ_uv W_uv · X_(" + row + ")(" + col + ")",
                 "F_{ij} = \\sum_{u,v} W_{uv} \\, X_{" + rowLatex + ",\\," + colLatex + "}");
        c.operationName = Dual(
            "cross-correlation (what deep-learning libraries call convolution: the filter is not "
            "flipped)");
    } else {
        // Flipped: u = 1 takes the filter's last row, W_(k+1−u).
        const std::string kh = std::to_string(p.filter.rows() + 1);
        const std::string kw = std::to_string(p.filter.cols() + 1);
        c.operation =
            Dual("F_ij = Σ_uv W_(" + kh + "−u)(" + kw + "−v) · X_(" + row + ")(" + col + ")",
                 "F_{ij} = \\sum_{u,v} W_{" + kh + "-u,\\," + kw + "-v} \\, X_{" + rowLatex +
                     ",\\," + colLatex + "}");
        c.operationName =
            Dual("convolution (signal processing: the filter is flipped in both directions)");
    }
}

} // namespace

std::string convolutionModeKey(ConvolutionMode mode) {
    return mode == ConvolutionMode::Convolution ? "convolution" : "cross-correlation";
}

bool convolutionModeFromKey(const std::string& key, ConvolutionMode& out) {
    if (key == "cross-correlation" || key == "correlation" || key == "xcorr") {
        out = ConvolutionMode::CrossCorrelation;
        return true;
    }
    if (key == "convolution" || key == "conv" || key == "flipped") {
        out = ConvolutionMode::Convolution;
        return true;
    }
    return false;
}

int convolutionOutputSize(int n, int k, int stride, int padding) {
    const int span = n + 2 * padding - k;
    if (span < 0 || stride < 1)
        return 0;
    return span / stride + 1;
}

std::optional<double> Convolution::valueOf(const MathsRef& ref) const {
    const Eigen::MatrixXd* m = nullptr;
    switch (ref.quantity) {
    case MathsQuantity::ConvOutput:
        m = &output;
        break;
    case MathsQuantity::ConvGradFilter:
        m = &gradFilter;
        break;
    case MathsQuantity::ConvGradInput:
        m = &gradInput;
        break;
    default:
        return std::nullopt;
    }
    if (ref.row < 0 || ref.col < 0 || ref.row >= m->rows() || ref.col >= m->cols())
        return std::nullopt;
    return (*m)(ref.row, ref.col);
}

const WorkedFormula* Convolution::formulaFor(const MathsRef& ref) const {
    const std::vector<ConvElementStep>* steps = nullptr;
    switch (ref.quantity) {
    case MathsQuantity::ConvOutput:
        steps = &forward;
        break;
    case MathsQuantity::ConvGradFilter:
        steps = &backwardFilter;
        break;
    case MathsQuantity::ConvGradInput:
        steps = &backwardInput;
        break;
    default:
        return nullptr;
    }
    for (const ConvElementStep& s : *steps) {
        if (s.row == ref.row && s.col == ref.col)
            return &s.formula;
    }
    return nullptr;
}

Dual Convolution::symbolOf(const MathsRef& ref) const {
    if (const WorkedFormula* f = formulaFor(ref))
        return f->lhs;
    return Dual(ref.describe());
}

std::vector<std::pair<int, int>> Convolution::windowsCovering(int p, int q) const {
    std::vector<std::pair<int, int>> out;
    for (const ConvElementStep& s : backwardInput) {
        if (s.row != p || s.col != q)
            continue;
        for (const ConvTerm& t : s.terms)
            out.emplace_back(t.i, t.j);
    }
    return out;
}

Result<Convolution> computeConvolution(const ConvolutionProblem& problem) {
    if (const auto error = problemError(problem))
        return *error;
    Convolution c;
    c.problem = problem;
    c.problem.precision = std::clamp(problem.precision, 1, 17);
    const int outRows = convolutionOutputSize(static_cast<int>(problem.input.rows()),
                                              static_cast<int>(problem.filter.rows()),
                                              problem.stride, problem.padding);
    const int outCols = convolutionOutputSize(static_cast<int>(problem.input.cols()),
                                              static_cast<int>(problem.filter.cols()),
                                              problem.stride, problem.padding);
    c.output = Eigen::MatrixXd::Zero(outRows, outCols);
    c.gradOutput = problem.gradOutput.size() == 0 ? Eigen::MatrixXd::Ones(outRows, outCols)
                                                  : problem.gradOutput;
    c.gradFilter = Eigen::MatrixXd::Zero(problem.filter.rows(), problem.filter.cols());
    c.gradInput = Eigen::MatrixXd::Zero(problem.input.rows(), problem.input.cols());
    const std::vector<ConvTerm> terms = allTerms(c);
    buildForward(c, terms);
    buildBackward(c, terms);
    describeOperation(c);
    return c;
}

bool parseMatrixText(const std::string& text, Eigen::MatrixXd& out, std::string& error) {
    size_t pos = 0;
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    auto skip = [&] {
        while (pos < text.size() && blank(text[pos]))
            ++pos;
    };
    auto expect = [&](char c, const std::string& where) {
        skip();
        if (pos < text.size() && text[pos] == c) {
            ++pos;
            return true;
        }
        error = "expected '" + std::string(1, c) + "' " + where + " (character " +
                std::to_string(pos + 1) + ")";
        return false;
    };
    std::vector<std::vector<double>> rows;
    if (!expect('[', "at the start"))
        return false;
    skip();
    while (true) {
        if (!expect('[', "to open row " + std::to_string(rows.size() + 1)))
            return false;
        std::vector<double> row;
        skip();
        while (pos < text.size() && text[pos] != ']') {
            skip();
            size_t end = pos;
            // A number ends at ',', ']' or any blank (a file's rows end in a newline).
            while (end < text.size() && text[end] != ',' && text[end] != ']' && !blank(text[end]))
                ++end;
            std::string number = text.substr(pos, end - pos);
            if (number.rfind("+", 0) == 0)
                number.erase(0, 1);
            double x = 0;
            const auto r = std::from_chars(number.data(), number.data() + number.size(), x);
            const std::string place = "row " + std::to_string(rows.size() + 1) + ", entry " +
                                      std::to_string(row.size() + 1);
            if (number.empty() || r.ec != std::errc() || r.ptr != number.data() + number.size()) {
                error = place + ": " + quoteExcerpt(text.substr(pos, end - pos), Quote::Single) +
                        " is not a number";
                return false;
            }
            if (!std::isfinite(x)) {
                error = place + ": the value must be finite";
                return false;
            }
            row.push_back(x);
            pos = end;
            skip();
            if (pos < text.size() && text[pos] == ',') {
                ++pos;
                skip();
                if (pos < text.size() && text[pos] == ']') {
                    error = place + ": a number is missing after ','";
                    return false;
                }
            }
        }
        if (!expect(']', "to close row " + std::to_string(rows.size() + 1)))
            return false;
        if (row.empty()) {
            error = "row " + std::to_string(rows.size() + 1) + " is empty";
            return false;
        }
        if (!rows.empty() && row.size() != rows.front().size()) {
            error = "row " + std::to_string(rows.size() + 1) + " has " +
                    std::to_string(row.size()) + " entries, row 1 has " +
                    std::to_string(rows.front().size());
            return false;
        }
        rows.push_back(std::move(row));
        skip();
        if (pos < text.size() && text[pos] == ',') {
            ++pos;
            continue;
        }
        break;
    }
    if (!expect(']', "after the last row"))
        return false;
    skip();
    if (pos != text.size()) {
        error = "unexpected text after the matrix (character " + std::to_string(pos + 1) + ")";
        return false;
    }
    out.resize(static_cast<Eigen::Index>(rows.size()),
               static_cast<Eigen::Index>(rows.front().size()));
    for (size_t i = 0; i < rows.size(); ++i) {
        for (size_t j = 0; j < rows[i].size(); ++j)
            out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j];
    }
    return true;
}

} // namespace bpl
