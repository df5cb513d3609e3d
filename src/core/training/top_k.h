// Top-k error (docs/formats/training.md, "Top-k"): the rank Rᵢ of each
// sample's true class among the network's class scores, and
// E = (1/m) Σ 𝟙(Rᵢ > k). One home for the rule: the trainer's per-epoch
// records, `train --top-k`, `backprop-lab topk` and the Training tab ask it.
//
// Ties: Rᵢ = 1 + #{c : s_c > s_t} + #{c < t : s_c = s_t}, a tie goes to the
// smaller class index, as argmax (the accuracy) does, so the top-1 error is
// 1 − accuracy; it is the position of t in a stable sort by falling score
// (NumPy's argsort(−s, kind="stable")).
#pragma once

#include "core/network.h"
#include "core/tolerance.h"
#include "core/training/dataset.h"

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

namespace bpl {

// The class scores of output column j: the outputs, or (1 − y, y) for one
// sigmoid unit (classes 0 and 1).
int scoreClassCount(const Eigen::MatrixXd& outputs);
double classScore(const Eigen::MatrixXd& outputs, Eigen::Index column, int c);
// The true class's rank (1 = the highest score) by the tie rule above; 0 when
// `truth` is not a class of the outputs.
int trueClassRank(const Eigen::MatrixXd& outputs, Eigen::Index column, int truth);

// The k's recorded when none are chosen: 1 and 5 for five or more classes, else 1.
std::vector<int> defaultTopK(int classes);
// Why `ks` cannot be used with `classes` classes ("" when they can): each k
// from 1 to the classes, no k twice.
std::string topKProblem(const std::vector<int>& ks, int classes);
// "1,3" (commas or spaces) into whole numbers; false when it is not such a list.
bool parseTopKList(const std::string& text, std::vector<int>& ks);

// The top-k errors of `outputs` (one column per sample) against `labels`, one
// per entry of `ks` (the fraction of samples whose true class ranks below k).
std::vector<double> topKErrors(const Eigen::MatrixXd& outputs, const std::vector<int>& labels,
                               const std::vector<int>& ks);
// Fraction of samples whose true class ranks k or better (1 − the top-k error).
double topKAccuracy(const Network& network, const Dataset& data, int k);
// Adds one chunk's misses per k (the trainer's recording, chunk by chunk).
void countTopKMisses(const Eigen::MatrixXd& outputs, const std::vector<int>& labels, int first,
                     int m, const std::vector<int>& ks, std::vector<long>& misses);

// The worked item: each sample's scores, true class and rank; E with the numbers.
struct TopKRow {
    int sample = 0;             // 1-based
    int truth = 0;              // class index t (0-based, as in the data files)
    std::vector<double> scores; // s_0 … s_{K−1}
    int rank = 0;               // Rᵢ
    bool miss = false;          // Rᵢ > k
};
struct TopKWorked {
    int k = 1;
    int classes = 0;
    std::vector<TopKRow> rows;
    int misses = 0;
    double error = 0;
    // "E = (1/6)(0 + 1 + 0 + 0 + 1 + 0) = 2/6 = 0.3333" (terms past 40 elided).
    std::string formula(int significantFigures) const;
};
// `data` must be classification data fitted to `network`; k from 1 to the classes.
TopKWorked workTopK(const Network& network, const Dataset& data, int k);
// The table and E as text (the `topk` command's output and the Training tab's window).
std::string topKWorkedText(const TopKWorked& worked, int significantFigures);
// One sentence stating the tie rule, for headers and documents.
std::string topKRankRule();
// How row's rank comes about: "R₃ = 1 + 1 higher + 1 tied with a smaller class = 3".
std::string rankWorking(const TopKRow& row);

// A student's E and ranks marked against the worked item: E within the
// tolerance (answers-format.md's rules), each rank exactly.
struct TopKMark {
    std::string quantity; // "error" or "rank"
    int sample = 0;       // 1-based, for a rank
    double given = 0, expected = 0;
    bool correct = false;
    std::string explanation;
};
struct TopKCheck {
    std::vector<TopKMark> marks;
    int wrong = 0;
    bool allCorrect() const { return wrong == 0; }
    // "7 of 7 right" or "5 of 7 right; 2 wrong".
    std::string summary() const;
};
// `ranks` empty or one per row (the caller refuses another count).
TopKCheck checkTopK(const TopKWorked& worked, std::optional<double> error,
                    const std::vector<int>& ranks, const Tolerance& tolerance);

} // namespace bpl
