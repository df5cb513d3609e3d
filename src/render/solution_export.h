// One entry point for exporting a worked solution in any format — what the
// window's File → Export solution and `backprop-lab trace` call. The format
// follows the chosen file type; every failure names the file and the reason.
#pragma once

#include "core/result.h"
#include "core/trace.h"
#include "io/trace_export.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace bpl::io {

enum class SolutionFormat { Text, Markdown, Latex, Html, Pdf, Json };

// "text", "markdown", "latex", "html", "pdf", "json".
QString solutionFormatName(SolutionFormat format);
std::optional<SolutionFormat> solutionFormatFromName(const QString& name);
// From a file name's suffix: .txt, .md, .tex, .html/.htm, .pdf, .json.
std::optional<SolutionFormat> solutionFormatFromPath(const QString& path);
// The usual suffix without the dot ("pdf").
QString solutionFormatSuffix(SolutionFormat format);
// File dialog filters, PDF first: "PDF document (*.pdf)", …
QStringList solutionFormatFilters();
// The format of a filter from solutionFormatFilters().
std::optional<SolutionFormat> solutionFormatFromFilter(const QString& filter);

// The solution as text in a text format (not PDF).
QByteArray solutionBytes(const Trace& trace, SolutionFormat format, const ExportExtras& extras = {});

// Writes the worked solution to `path` atomically (PDF: by QPdfWriter, which
// needs a QGuiApplication). The trace carries the notation and precision.
Result<bool> exportSolution(const Trace& trace, SolutionFormat format, const QString& path,
                            const ExportExtras& extras = {});
// Writes bytes atomically (QSaveFile): a failed write leaves an existing file untouched.
Result<bool> writeSolutionBytes(const QString& path, const QByteArray& bytes);

} // namespace bpl::io
