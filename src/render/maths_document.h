// The worked-maths solutions as typeset documents — a self-contained HTML page
// and an A4 PDF, through the same blocks, CSS and paginator as the network's
// solution (solution_document.h) — and one entry point that writes any
// solution format to a file, as File → Export and `grad` / `conv --pdf` do.
// QtGui: a QGuiApplication must exist for the PDF.
#pragma once

#include "core/result.h"
#include "io/maths_export.h"
#include "render/solution_document.h"
#include "render/solution_export.h"

#include <QByteArray>
#include <QString>

namespace bpl::io {

QString gradToHtml(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QString convolutionToHtml(const Convolution& conv, const MathsExportExtras& extras = {});
QString poolingToHtml(const Pooling& pooling, const MathsExportExtras& extras = {});

// The solution as bytes in a text format (not PDF), and written to a file in
// any format; failures name the file and the reason.
QByteArray gradSolutionBytes(const ExpressionGraph& graph, SolutionFormat format,
                             const MathsExportExtras& extras = {});
Result<bool> exportGradSolution(const ExpressionGraph& graph, SolutionFormat format,
                                const QString& path, const MathsExportExtras& extras = {});
QByteArray convolutionSolutionBytes(const Convolution& conv, SolutionFormat format,
                                    const MathsExportExtras& extras = {});
Result<bool> exportConvolutionSolution(const Convolution& conv, SolutionFormat format,
                                       const QString& path, const MathsExportExtras& extras = {});
QByteArray poolingSolutionBytes(const Pooling& pooling, SolutionFormat format,
                                const MathsExportExtras& extras = {});
Result<bool> exportPoolingSolution(const Pooling& pooling, SolutionFormat format,
                                   const QString& path, const MathsExportExtras& extras = {});

// The worked solutions' blocks (render/solution_document.h), for documents
// that add their own around them (an exercise sheet's key).
std::vector<SolutionBlock> gradSolutionBlocks(const ExpressionGraph& graph);
std::vector<SolutionBlock> convolutionSolutionBlocks(const Convolution& conv);

} // namespace bpl::io
