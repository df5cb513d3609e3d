// Options the worked-maths subcommands (grad, conv) share: --format,
// --precision and --pdf, validated once.
#pragma once

#include "render/solution_export.h"

#include <QCommandLineParser>
#include <QString>

namespace bpl::cli {

struct MathsOutput {
    io::SolutionFormat format = io::SolutionFormat::Text;
    int precision = 4;
    QString pdfPath;
};

// Reads --format (text, json, markdown, latex, html), --precision (1–17) and
// --pdf; returns the usage problem, or an empty string.
QString mathsOutputOptions(const QCommandLineParser& parser, MathsOutput& out,
                           int defaultPrecision);

} // namespace bpl::cli
