// The worked solution as a typeset document: a self-contained HTML page (the
// network figure embedded as an image) and a PDF drawn by the app itself with
// QPdfWriter and QTextDocument — no TeX needed. Both are built from the same
// blocks (title, network, one heading per step, one block per formula, notes,
// result); the PDF never breaks a page inside a block and keeps each heading
// with what follows. QtGui only: a QGuiApplication must exist for the PDF.
#pragma once

#include "core/result.h"
#include "core/trace.h"
#include "io/trace_export.h"
#include "render/page_blocks.h"

#include <QPainter>
#include <QString>
#include <functional>
#include <vector>

namespace bpl::io {

struct SolutionBlock {
    enum class Kind { Title, Heading, Figure, Text, Formula, Note };
    Kind kind = Kind::Text;
    QString html;              // empty for the figure
    bool keepWithNext = false; // a heading stays on the page of what follows
};

// The blocks of a worked solution, in reading order.
std::vector<SolutionBlock> solutionBlocks(const Trace& trace, const ExportExtras& extras = {});

// A complete HTML document (UTF-8, inline CSS, the figure as a data: PNG).
QString traceToHtml(const Trace& trace, const ExportExtras& extras = {});

// Writes an A4 PDF with a title, the network figure, every step and page
// numbers. Fails (with the path and reason) when the file cannot be written.
Result<bool> writeSolutionPdf(const Trace& trace, const QString& path, const ExportExtras& extras = {});

// The pieces every typeset solution shares (the network's and the worked maths'):
// a complete HTML page of blocks (`figureHtml` stands for a Figure block), and
// the A4 PDF paginator, which draws a Figure block with `figure` when given.
QString solutionHtmlPage(const QString& title, const std::vector<SolutionBlock>& blocks,
                         const QString& figureHtml = {});
struct SolutionFigure {
    std::function<QSizeF(double maxWidthPt)> size; // in points
    std::function<void(QPainter&, const QRectF&)> paint;
};
Result<bool> writeBlocksPdf(const QString& path, const QString& title, const std::vector<SolutionBlock>& blocks,
                            const SolutionFigure& figure = {});
// The same blocks for the shared paginator (render/page_blocks.h), with the
// solution's spacing, so other documents can add their own blocks around them;
// and the style sheet of every typeset solution.
std::vector<PageBlock> solutionPageBlocks(const std::vector<SolutionBlock>& blocks, const SolutionFigure& figure = {});
QString solutionCss();
// A formula as rows lhs = symbolic = substituted = result (repeats left out),
// with extra rows (a mark) appended; a student's mark under a formula.
QString formulaTableHtml(const Dual& lhs, const Dual& symbolic, const Dual& substituted, const Dual& result,
                         const QString& extraRowsHtml = {});
QString markRowHtml(AnswerStatus status, double given, const QString& detailHtml);
// A number as typeset (true minus sign) and a matrix as a bracketed table.
QString numberHtml(double x, int precision);
QString matrixTableHtml(const Eigen::MatrixXd& m, int precision);

} // namespace bpl::io
