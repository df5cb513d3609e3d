#include "core/training/top_k.h"

#include "core/number_format.h"
#include "core/training/trainer.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace bpl {

int scoreClassCount(const Eigen::MatrixXd& outputs) {
    return outputs.rows() == 1 ? 2 : static_cast<int>(outputs.rows());
}

double classScore(const Eigen::MatrixXd& outputs, Eigen::Index column, int c) {
    if (outputs.rows() == 1)
        return c == 1 ? outputs(0, column) : 1 - outputs(0, column);
    return outputs(c, column);
}

int trueClassRank(const Eigen::MatrixXd& outputs, Eigen::Index column, int truth) {
    const int classes = scoreClassCount(outputs);
    if (truth < 0 || truth >= classes)
        return 0;
    const double st = classScore(outputs, column, truth);
    int rank = 1;
    for (int c = 0; c < classes; ++c) {
        const double sc = classScore(outputs, column, c);
        rank += sc > st || (c < truth && sc == st) ? 1 : 0;
    }
    return rank;
}

std::vector<int> defaultTopK(int classes) {
    return classes >= 5 ? std::vector<int>{1, 5} : std::vector<int>{1};
}

std::string topKProblem(const std::vector<int>& ks, int classes) {
    if (ks.empty())
        return "expected at least one k";
    std::set<int> seen;
    for (int k : ks) {
        if (k < 1 || k > classes) {
            return "k = " + std::to_string(k) + " is not a rank of " + std::to_string(classes) +
                   " classes (expected 1 to " + std::to_string(classes) + ")";
        }
        if (!seen.insert(k).second)
            return "k = " + std::to_string(k) + " is given twice";
    }
    return {};
}

bool parseTopKList(const std::string& text, std::vector<int>& ks) {
    ks.clear();
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ',' || text[i] == ' ') {
            ++i;
            continue;
        }
        int k = 0;
        const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), k);
        if (ec != std::errc() || (end != text.data() + text.size() && *end != ',' && *end != ' '))
            return false;
        ks.push_back(k);
        i = static_cast<std::size_t>(end - text.data());
    }
    return !ks.empty();
}

void countTopKMisses(const Eigen::MatrixXd& outputs, const std::vector<int>& labels, int first,
                     int m, const std::vector<int>& ks, std::vector<long>& misses) {
    misses.resize(ks.size(), 0);
    for (int j = 0; j < m; ++j) {
        const int rank = trueClassRank(outputs, j, labels[static_cast<std::size_t>(first + j)]);
        for (std::size_t i = 0; i < ks.size(); ++i)
            misses[i] += rank == 0 || rank > ks[i] ? 1 : 0;
    }
}

std::vector<double> topKErrors(const Eigen::MatrixXd& outputs, const std::vector<int>& labels,
                               const std::vector<int>& ks) {
    const auto n = static_cast<int>(std::min<std::size_t>(labels.size(), outputs.cols()));
    std::vector<long> misses;
    countTopKMisses(outputs, labels, 0, n, ks, misses);
    std::vector<double> errors;
    for (long miss : misses)
        errors.push_back(n == 0 ? 0.0 : static_cast<double>(miss) / n);
    return errors;
}

double topKAccuracy(const Network& network, const Dataset& data, int k) {
    const int n = data.sampleCount();
    if (n == 0 || data.labels.size() != static_cast<std::size_t>(n))
        return 0;
    return 1 - topKErrors(predictBatch(network, data.inputs), data.labels, {k}).front();
}

TopKWorked workTopK(const Network& network, const Dataset& data, int k) {
    TopKWorked w;
    w.k = k;
    const Eigen::MatrixXd y = predictBatch(network, data.inputs);
    w.classes = scoreClassCount(y);
    const auto n = static_cast<int>(std::min<std::size_t>(data.labels.size(), y.cols()));
    for (int j = 0; j < n; ++j) {
        TopKRow row;
        row.sample = j + 1;
        row.truth = data.labels[static_cast<std::size_t>(j)];
        for (int c = 0; c < w.classes; ++c)
            row.scores.push_back(classScore(y, j, c));
        row.rank = trueClassRank(y, j, row.truth);
        row.miss = row.rank == 0 || row.rank > k;
        w.misses += row.miss ? 1 : 0;
        w.rows.push_back(std::move(row));
    }
    w.error = n == 0 ? 0.0 : static_cast<double>(w.misses) / n;
    return w;
}

std::string TopKWorked::formula(int significantFigures) const {
    const std::string m = std::to_string(rows.size());
    std::string s = "E = (1/m) Σ 𝟙(Rᵢ > " + std::to_string(k) + ") = (1/" + m + ")";
    constexpr std::size_t kTermsShown = 40;
    if (rows.size() <= kTermsShown) {
        s += "(";
        for (std::size_t i = 0; i < rows.size(); ++i)
            s += (i ? " + " : "") + std::string(rows[i].miss ? "1" : "0");
        s += ")";
    } else {
        s += " × " + std::to_string(misses);
    }
    return s + " = " + std::to_string(misses) + "/" + m + " = " +
           formatNumber(error, significantFigures);
}

namespace {
const char* const kRankFormula = "Rᵢ = 1 + #{c : s_c > s_t} + #{c < t : s_c = s_t}";
const char* const kTieRule = "a tie goes to the smaller class index, as argmax does,";
const char* const kTopOne = "so the top-1 error is 1 − accuracy";
} // namespace

std::string topKRankRule() {
    return std::string(kRankFormula) + ": " + kTieRule + " " + kTopOne;
}

namespace {

// Width in characters, not bytes (ᵢ and − are several bytes in UTF-8).
std::size_t charCount(const std::string& text) {
    std::size_t chars = 0;
    for (unsigned char c : text)
        chars += (c & 0xC0) != 0x80 ? 1 : 0;
    return chars;
}

std::string padded(std::string text, std::size_t width) {
    const std::size_t chars = charCount(text);
    if (chars < width)
        text.append(width - chars, ' ');
    return text;
}

} // namespace

std::string topKWorkedText(const TopKWorked& w, int significantFigures) {
    const std::string k = std::to_string(w.k);
    std::string out = "Top-" + k + " error on " + std::to_string(w.rows.size()) + " samples, " +
                      std::to_string(w.classes) + " classes\n";
    out +=
        "Rank rule: " + std::string(kRankFormula) + ":\n  " + kTieRule + "\n  " + kTopOne + ".\n\n";
    std::vector<std::string> header = {"i", "t"};
    for (int c = 0; c < w.classes; ++c)
        header.push_back("s_" + std::to_string(c));
    header.push_back("Rᵢ");
    header.push_back("𝟙(Rᵢ > " + k + ")");
    std::vector<std::vector<std::string>> table = {header};
    for (const TopKRow& row : w.rows) {
        std::vector<std::string> cells = {std::to_string(row.sample), std::to_string(row.truth)};
        for (double s : row.scores)
            cells.push_back(formatNumber(s, significantFigures));
        cells.push_back(std::to_string(row.rank));
        cells.push_back(row.miss ? "1" : "0");
        table.push_back(std::move(cells));
    }
    std::vector<std::size_t> width(header.size(), 0);
    for (const auto& cells : table) {
        for (std::size_t c = 0; c < cells.size(); ++c)
            width[c] = std::max(width[c], charCount(cells[c]));
    }
    for (const auto& cells : table) {
        std::string line = " ";
        for (std::size_t c = 0; c < cells.size(); ++c)
            line += " " + (c + 1 < cells.size() ? padded(cells[c], width[c]) : cells[c]);
        out += line + "\n";
    }
    out += "\n" + w.formula(significantFigures) + "\n";
    return out;
}

std::string rankWorking(const TopKRow& row) {
    const double st = row.scores[static_cast<std::size_t>(row.truth)];
    int higher = 0, tied = 0;
    for (int c = 0; c < static_cast<int>(row.scores.size()); ++c) {
        const double sc = row.scores[static_cast<std::size_t>(c)];
        higher += sc > st ? 1 : 0;
        tied += c < row.truth && sc == st ? 1 : 0;
    }
    const std::string i = std::to_string(row.sample);
    std::string s = "R" + subscript(i) + " = 1 + " + std::to_string(higher) + " higher";
    if (tied > 0)
        s += " + " + std::to_string(tied) + " tied with a smaller class";
    return s + " = " + std::to_string(row.rank) + " (class " + std::to_string(row.truth) +
           " scores " + formatNumber(st, 6) + ")";
}

std::string TopKCheck::summary() const {
    const auto n = static_cast<int>(marks.size());
    std::string s = std::to_string(n - wrong) + " of " + std::to_string(n) + " right";
    return wrong > 0 ? s + "; " + std::to_string(wrong) + " wrong" : s;
}

TopKCheck checkTopK(const TopKWorked& worked, std::optional<double> error,
                    const std::vector<int>& ranks, const Tolerance& tolerance) {
    TopKCheck check;
    if (error) {
        TopKMark m{"error", 0, *error, worked.error, tolerance.matches(*error, worked.error), ""};
        if (m.correct) {
            m.explanation = tolerance.explain(*error, worked.error);
        } else {
            m.explanation = worked.formula(6);
            if (tolerance.matches(*error, 1 - worked.error))
                m.explanation +=
                    "; you gave the top-" + std::to_string(worked.k) + " accuracy 1 − E";
        }
        check.marks.push_back(std::move(m));
    }
    for (std::size_t i = 0; i < ranks.size() && i < worked.rows.size(); ++i) {
        const TopKRow& row = worked.rows[i];
        TopKMark m{"rank",
                   row.sample,
                   static_cast<double>(ranks[i]),
                   static_cast<double>(row.rank),
                   ranks[i] == row.rank,
                   ""};
        if (!m.correct)
            m.explanation = rankWorking(row);
        check.marks.push_back(std::move(m));
    }
    for (const TopKMark& m : check.marks)
        check.wrong += m.correct ? 0 : 1;
    return check;
}

} // namespace bpl
