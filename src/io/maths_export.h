// Worked solutions of the worked-maths tools — the chain rule on an expression
// (ExpressionGraph), a convolution and pooling — as plain text, Markdown with
// LaTeX maths, a complete LaTeX document (all through worked_document.h), and
// JSON (grad-output.md, conv-output.md, pool-output.md). HTML, PDF and writing files by format are
// in maths_document.h (they need QtGui). QtCore only.
#pragma once

#include "core/maths/convolution.h"
#include "core/maths/expression_graph.h"
#include "core/maths/maths_check.h"
#include "core/maths/pooling.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace bpl::io {

struct MathsExportExtras {
    // A student's checked answers, marked beside each formula (✓ ✗ ↷) and, in
    // JSON, as a "check" object ({"results", "correct", "wrong", "carried"}).
    std::optional<MathsCheckReport> marking;
    QString markingSource; // e.g. the answer file's name
};

QString gradToText(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QString gradToMarkdown(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QString gradToLatex(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
QJsonObject gradToJson(const ExpressionGraph& graph, const MathsExportExtras& extras = {});
// Key order for writeJson of gradToJson (grad-output.md's order first).
QStringList gradJsonKeyOrder();

QString convolutionToText(const Convolution& conv, const MathsExportExtras& extras = {});
QString convolutionToMarkdown(const Convolution& conv, const MathsExportExtras& extras = {});
QString convolutionToLatex(const Convolution& conv, const MathsExportExtras& extras = {});
QJsonObject convolutionToJson(const Convolution& conv, const MathsExportExtras& extras = {});
QStringList convolutionJsonKeyOrder();

QString poolingToText(const Pooling& pooling, const MathsExportExtras& extras = {});
QString poolingToMarkdown(const Pooling& pooling, const MathsExportExtras& extras = {});
QString poolingToLatex(const Pooling& pooling, const MathsExportExtras& extras = {});
// pool-output.md, as `pool --format json` writes it.
QJsonObject poolingToJson(const Pooling& pooling, const MathsExportExtras& extras = {});
QStringList poolingJsonKeyOrder();

} // namespace bpl::io
