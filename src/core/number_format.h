// How numbers are written in formulas and worked solutions: a fixed number of
// significant figures, ASCII minus (so values paste into a calculator), and
// negative factors wrapped in parentheses.
#pragma once

#include "core/notation.h"

#include <Eigen/Core>
#include <string>

namespace bpl {

// x to `significantFigures` significant figures, shortest form ("0.31", "0.0247663").
std::string formatNumber(double x, int significantFigures);
// The same number in both renderings; LaTeX writes exponents as \times 10^{k}.
Dual formatDual(double x, int significantFigures);
// As formatDual, wrapped in parentheses when negative (a factor or a subtrahend).
Dual formatFactor(double x, int significantFigures);
// "(0.31, -0.28)" and "[[0.1, 0.2], [-0.1, 0]]" (rows in brackets), each number as formatNumber.
std::string formatVector(const Eigen::VectorXd& v, int significantFigures);
std::string formatMatrix(const Eigen::MatrixXd& m, int significantFigures);
// A number quoted in a check's explanation or hint (6 significant figures).
inline std::string explanationNumber(double x) { return formatNumber(x, 6); }

} // namespace bpl
