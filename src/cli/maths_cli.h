// Options the worked-maths subcommands (grad, conv, pool) share: --format,
// --precision and --pdf, validated once.
#pragma once

#include "render/solution_export.h"

#include <Eigen/Dense>
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

// A matrix option (conv, pool): literal text such as [[1, 2], [3, 4]] or the
// name of a regular file holding it (at most 1 MiB). Returns the problem (a
// bad input: exit 3), or an empty string.
QString matrixOption(const QCommandLineParser& parser, const QString& name, Eigen::MatrixXd& out);
// A whole-number option of at least `low`; false when it is not one.
bool wholeOption(const QCommandLineParser& parser, const QString& name, int low, int& out);

} // namespace bpl::cli
