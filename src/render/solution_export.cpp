#include "render/solution_export.h"

#include "io/json_writer.h"
#include "io/safe_file.h"
#include "render/solution_document.h"

#include <QFileInfo>

#include <array>

namespace bpl::io {

namespace {

struct FormatInfo {
    SolutionFormat format;
    const char* name;
    const char* suffix;
    const char* filter;
};

constexpr std::array<FormatInfo, 6> kFormats = {{
    {SolutionFormat::Pdf, "pdf", "pdf", "PDF document (*.pdf)"},
    {SolutionFormat::Html, "html", "html", "Web page (*.html *.htm)"},
    {SolutionFormat::Latex, "latex", "tex", "LaTeX document (*.tex)"},
    {SolutionFormat::Markdown, "markdown", "md", "Markdown with LaTeX maths (*.md)"},
    {SolutionFormat::Text, "text", "txt", "Plain text (*.txt)"},
    {SolutionFormat::Json, "json", "json", "JSON, every value at full precision (*.json)"},
}};

const FormatInfo& info(SolutionFormat format) {
    for (const FormatInfo& f : kFormats) {
        if (f.format == format) return f;
    }
    return kFormats.front();
}

} // namespace

QString solutionFormatName(SolutionFormat format) { return info(format).name; }
QString solutionFormatSuffix(SolutionFormat format) { return info(format).suffix; }

std::optional<SolutionFormat> solutionFormatFromName(const QString& name) {
    for (const FormatInfo& f : kFormats) {
        if (name.compare(f.name, Qt::CaseInsensitive) == 0) return f.format;
    }
    return std::nullopt;
}

std::optional<SolutionFormat> solutionFormatFromPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "htm") return SolutionFormat::Html;
    for (const FormatInfo& f : kFormats) {
        if (suffix == f.suffix) return f.format;
    }
    return std::nullopt;
}

QStringList solutionFormatFilters() {
    QStringList filters;
    for (const FormatInfo& f : kFormats) filters << f.filter;
    return filters;
}

std::optional<SolutionFormat> solutionFormatFromFilter(const QString& filter) {
    for (const FormatInfo& f : kFormats) {
        if (filter == f.filter) return f.format;
    }
    return std::nullopt;
}

QByteArray solutionBytes(const Trace& trace, SolutionFormat format, const ExportExtras& extras) {
    switch (format) {
    case SolutionFormat::Text: return traceToText(trace, extras).toUtf8();
    case SolutionFormat::Markdown: return traceToMarkdown(trace, extras).toUtf8();
    case SolutionFormat::Latex: return traceToLatex(trace, extras).toUtf8();
    case SolutionFormat::Html: return traceToHtml(trace, extras).toUtf8();
    case SolutionFormat::Json:
        return writeJson(traceToJson(trace, extras), {"loss", "output", "layers", "index", "a", "z", "delta",
                                                      "grad_weights", "grad_bias", "new_weights", "new_bias"});
    case SolutionFormat::Pdf: break;
    }
    return {};
}

Result<bool> exportSolution(const Trace& trace, SolutionFormat format, const QString& path,
                            const ExportExtras& extras) {
    if (format == SolutionFormat::Pdf) return writeSolutionPdf(trace, path, extras);
    return writeSolutionBytes(path, solutionBytes(trace, format, extras));
}

// Written all or nothing through the one safe writer (io/safe_file.h).
Result<bool> writeSolutionBytes(const QString& path, const QByteArray& bytes) {
    return writeFileAtomically(path, bytes);
}

} // namespace bpl::io
