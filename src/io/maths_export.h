// Worked solutions of the worked-maths tools — the chain rule on an expression
// (ExpressionGraph) and a convolution — in every solution format: plain text,
// Markdown with LaTeX maths, a complete LaTeX document, HTML and PDF (through
// the same block layout and paginator as the network's solution,
// solution_document.h), and JSON (grad-output.md, conv-output.md). What the
// window's Export and `backprop-lab grad` / `conv` call.
#pragma once

#include "core/maths/convolution.h"
#include "core/maths/expression_graph.h"
#include "core/maths/maths_check.h"
#include "core/result.h"
#include "io/solution_export.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace bpl::io {

struct MathsExportExtras {
    // A student's checked answers, marked beside each formula (✓ ✗ ↷) in HTML and PDF
    // and listed in the text formats.
    std::optional<MathsCheckReport> marking;
    QString markingSource; // e.g. the answer file's name
};

QString gradToText(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QString gradToMarkdown(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QString gradToLatex(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QString gradToHtml(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QJsonObject gradToJson(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
// Key order for writeJson of gradToJson (grad-output.md's order).
QStringList gradJsonKeyOrder();

QString convolutionToText(const Convolution& conv, const MathsExportExtras& extras = {});
QString convolutionToMarkdown(const Convolution& conv, const MathsExportExtras& extras = {});
QString convolutionToLatex(const Convolution& conv, const MathsExportExtras& extras = {});
QString convolutionToHtml(const Convolution& conv, const MathsExportExtras& extras = {});
QJsonObject convolutionToJson(const Convolution& conv, const MathsExportExtras& extras = {});
QStringList convolutionJsonKeyOrder();

// The solution as bytes in a text format (not PDF), and written to a file in
// any format (PDF needs a QGuiApplication); failures name the file and reason.
QByteArray gradSolutionBytes(const ExpressionGraph& graph, SolutionFormat format,
                             const MathsExportExtras& extras = {});
Result<bool> exportGradSolution(const ExpressionGraph& graph, SolutionFormat format,
                                const QString& path, const MathsExportExtras& extras = {});
QByteArray convolutionSolutionBytes(const Convolution& conv, SolutionFormat format,
                                    const MathsExportExtras& extras = {});
Result<bool> exportConvolutionSolution(const Convolution& conv, SolutionFormat format,
                                       const QString& path, const MathsExportExtras& extras = {});

} // namespace bpl::io
