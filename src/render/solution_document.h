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

#include <QString>
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

} // namespace bpl::io
