// Writes a trace as a worked solution: plain text (what a student would hand
// in), Markdown with LaTeX maths, a complete LaTeX document, and the JSON of
// shared/spec/trace-output.md (with steps and formulas as extra keys).
#pragma once

#include "core/answer_check.h"
#include "core/gradient_check.h"
#include "core/trace.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace bpl::io {

struct ExportExtras {
    std::optional<GradientCheck> gradientCheck;
    // A student's checked answers: the HTML and PDF solutions mark each one
    // beside its formula (correct, wrong, carried) — a marked script.
    std::optional<CheckReport> marking;
    QString markingSource; // e.g. the answer file's name, for the heading
};

QString traceToText(const Trace& trace, const ExportExtras& extras = {});
QString traceToMarkdown(const Trace& trace, const ExportExtras& extras = {});
QString traceToLatex(const Trace& trace, const ExportExtras& extras = {});
QJsonObject traceToJson(const Trace& trace, const ExportExtras& extras = {});

// Helpers shared by the exporters and the GUI's copy actions.
QString vectorText(const Eigen::VectorXd& v, int precision);        // (0.31, -0.28)
QString matrixText(const Eigen::MatrixXd& m, int precision);        // [[0.1, 0.2], [...]]
QString matrixLatex(const Eigen::MatrixXd& m, int precision);       // \begin{pmatrix}…
QString matrixCsv(const Eigen::MatrixXd& m);                        // full precision

} // namespace bpl::io
