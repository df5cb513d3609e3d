// A worked solution of the worked-maths tools as a format-neutral document:
// sections of paragraphs, formulas (lhs = symbolic = substituted = result,
// with a student's mark when checked) and matrices. The chain rule, the
// convolution and pooling each build one; every export format (text, Markdown, LaTeX,
// HTML/PDF) is one renderer of it, so the two tools share one writer each.
#pragma once

#include "core/maths/convolution.h"
#include "core/maths/expression_graph.h"
#include "core/maths/maths_check.h"
#include "core/maths/pooling.h"

#include <Eigen/Dense>
#include <QString>
#include <optional>
#include <vector>

namespace bpl::io {

struct WorkedItem {
    enum class Kind { Paragraph, Formula, Contribution, Matrix };
    Kind kind = Kind::Paragraph;
    QString text;          // Paragraph: plain words (Unicode), before `math`
    Dual math;             // Paragraph: an inline formula after the words (may be empty)
    WorkedFormula formula; // Formula / Contribution (a term of a sum, indented)
    const MathsAnswerResult* mark = nullptr; // the student's answer for this formula
    Eigen::MatrixXd matrix;                  // Matrix, written "name = [...]"
    Dual name;
};

struct WorkedSection {
    Dual heading;
    std::vector<WorkedItem> items;
};

struct WorkedDocument {
    QString title;
    int precision = 4;
    std::vector<WorkedSection> sections;
    const MathsCheckReport* marking = nullptr;
    QString markingSource;
};

// The documents (the report, when given, must outlive the document).
WorkedDocument gradDocument(const ExpressionGraph& graph, const MathsCheckReport* marking = nullptr,
                            const QString& markingSource = {});
WorkedDocument convolutionDocument(const Convolution& conv,
                                   const MathsCheckReport* marking = nullptr,
                                   const QString& markingSource = {});
WorkedDocument poolingDocument(const Pooling& pooling, const MathsCheckReport* marking = nullptr,
                               const QString& markingSource = {});

QString workedToText(const WorkedDocument& doc);
QString workedToMarkdown(const WorkedDocument& doc);
QString workedToLatex(const WorkedDocument& doc);

} // namespace bpl::io
