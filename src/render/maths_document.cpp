#include "render/maths_document.h"

#include "io/qt_text.h"
#include "core/tolerance.h"
#include "io/json_writer.h"
#include "io/latex_html.h"
#include "render/solution_document.h"
#include "io/worked_document.h"

#include <functional>

namespace bpl::io {

namespace {

QString markDetail(const MathsAnswerResult& r, const MathsCheckReport& report) {
    switch (r.status) {
    case AnswerStatus::Correct:
        return "correct";
    case AnswerStatus::Carried: {
        QStringList origins;
        for (const MathsRef& o : r.origins) {
            const MathsAnswerResult* origin = report.find(o);
            origins << (origin != nullptr ? latexToHtml(origin->symbol.latex)
                                          : htmlEscape(q(o.describe())));
        }
        QString detail =
            "carried from your " + origins.join(", ") + ": right for your earlier values";
        if (r.recomputed)
            detail += " (they give " + numberHtml(*r.recomputed, 6) + ")";
        return detail;
    }
    case AnswerStatus::Wrong:
        break;
    }
    QString detail = "wrong (exact " + numberHtml(r.expected, 6) + ")";
    if (!r.hints.empty())
        detail += ". " + htmlEscape(q(r.hints.front()));
    if (r.roundingDrift)
        detail += ". It is what your rounded earlier values give: keep more figures.";
    return detail;
}

std::vector<SolutionBlock> workedBlocks(const WorkedDocument& d) {
    using K = SolutionBlock::Kind;
    std::vector<SolutionBlock> blocks;
    QString head = "<h1>" + htmlEscape(d.title) + "</h1>";
    if (d.marking != nullptr) {
        head += "<p class=\"marking\"><b>Marked answers" +
                (d.markingSource.isEmpty() ? QString() : " (" + htmlEscape(d.markingSource) + ")") + ": " +
                htmlEscape(q(d.marking->summary())) +
                ".</b> ✓ correct, ✗ wrong, ↷ carried (wrong only because an earlier "
                "answer was; right for the student's own values). Tolerance: " +
                htmlEscape(q(d.marking->tolerance.shortName())) + ".</p>";
    }
    blocks.push_back({K::Title, head, false});
    for (const WorkedSection& s : d.sections) {
        blocks.push_back({K::Heading,
                          "<h2>" +
                              (s.heading.latex == s.heading.text ? htmlEscape(q(s.heading.text))
                                                                 : latexToHtml(s.heading.latex)) +
                              "</h2>",
                          true});
        for (const WorkedItem& item : s.items) {
            const WorkedFormula& f = item.formula;
            switch (item.kind) {
            case WorkedItem::Kind::Paragraph:
                blocks.push_back(
                    {K::Text, "<p>" + htmlEscape(item.text) + " " + latexToHtml(item.math.latex) + "</p>",
                     item.formula.lhs.text.empty() && item.math.text.empty()});
                break;
            case WorkedItem::Kind::Formula: {
                const QString mark = item.mark != nullptr
                                         ? markRowHtml(item.mark->status, item.mark->answer.value,
                                                       markDetail(*item.mark, *d.marking))
                                         : QString();
                blocks.push_back(
                    {K::Formula, formulaTableHtml(f.lhs, f.symbolic, f.substituted, f.result, mark),
                     false});
                break;
            }
            case WorkedItem::Kind::Contribution:
                blocks.push_back({K::Note,
                                  "<div style=\"margin-left: 36px\">" +
                                      formulaTableHtml(f.lhs, f.symbolic, f.substituted, f.result) +
                                      "</div>",
                                  false});
                break;
            case WorkedItem::Kind::Matrix:
                blocks.push_back({K::Text,
                                  "<table><tr><td valign=\"middle\">" +
                                      latexToHtml(item.name.latex) + "\u00a0=\u00a0</td><td>" +
                                      matrixTableHtml(item.matrix, d.precision) +
                                      "</td></tr></table>",
                                  false});
                break;
            }
        }
    }
    return blocks;
}

const MathsCheckReport* marking(const MathsExportExtras& e) {
    return e.marking ? &*e.marking : nullptr;
}

} // namespace

std::vector<SolutionBlock> gradSolutionBlocks(const ExpressionGraph& g) {
    return workedBlocks(gradDocument(g));
}

std::vector<SolutionBlock> convolutionSolutionBlocks(const Convolution& c) {
    return workedBlocks(convolutionDocument(c));
}

QString gradToHtml(const ExpressionGraph& g, const MathsExportExtras& e) {
    const WorkedDocument d = gradDocument(g, marking(e), e.markingSource);
    return solutionHtmlPage(d.title, workedBlocks(d));
}

QString convolutionToHtml(const Convolution& c, const MathsExportExtras& e) {
    const WorkedDocument d = convolutionDocument(c, marking(e), e.markingSource);
    return solutionHtmlPage(d.title, workedBlocks(d));
}

QByteArray gradSolutionBytes(const ExpressionGraph& g, SolutionFormat format,
                             const MathsExportExtras& e) {
    switch (format) {
    case SolutionFormat::Text:
        return gradToText(g, e).toUtf8();
    case SolutionFormat::Markdown:
        return gradToMarkdown(g, e).toUtf8();
    case SolutionFormat::Latex:
        return gradToLatex(g, e).toUtf8();
    case SolutionFormat::Html:
        return gradToHtml(g, e).toUtf8();
    case SolutionFormat::Json:
        return writeJson(gradToJson(g, e), gradJsonKeyOrder());
    case SolutionFormat::Pdf:
        break;
    }
    return {};
}

Result<bool> exportGradSolution(const ExpressionGraph& g, SolutionFormat format,
                                const QString& path, const MathsExportExtras& e) {
    if (format == SolutionFormat::Pdf) {
        const WorkedDocument d = gradDocument(g, marking(e), e.markingSource);
        return writeBlocksPdf(path, d.title, workedBlocks(d));
    }
    return writeSolutionBytes(path, gradSolutionBytes(g, format, e));
}

namespace {

// A worked document in a text format; `json` gives the tool's own JSON.
QByteArray workedBytes(const WorkedDocument& d, SolutionFormat format,
                       const std::function<QByteArray()>& json) {
    switch (format) {
    case SolutionFormat::Text:
        return workedToText(d).toUtf8();
    case SolutionFormat::Markdown:
        return workedToMarkdown(d).toUtf8();
    case SolutionFormat::Latex:
        return workedToLatex(d).toUtf8();
    case SolutionFormat::Html:
        return solutionHtmlPage(d.title, workedBlocks(d)).toUtf8();
    case SolutionFormat::Json:
        return json();
    case SolutionFormat::Pdf:
        break;
    }
    return {};
}

Result<bool> exportWorked(const WorkedDocument& d, SolutionFormat format, const QString& path,
                          const std::function<QByteArray()>& json) {
    if (format == SolutionFormat::Pdf)
        return writeBlocksPdf(path, d.title, workedBlocks(d));
    return writeSolutionBytes(path, workedBytes(d, format, json));
}

} // namespace

QByteArray convolutionSolutionBytes(const Convolution& c, SolutionFormat format,
                                    const MathsExportExtras& e) {
    return workedBytes(convolutionDocument(c, marking(e), e.markingSource), format, [&] {
        return writeJson(convolutionToJson(c, e), convolutionJsonKeyOrder());
    });
}

Result<bool> exportConvolutionSolution(const Convolution& c, SolutionFormat format,
                                       const QString& path, const MathsExportExtras& e) {
    return exportWorked(convolutionDocument(c, marking(e), e.markingSource), format, path, [&] {
        return writeJson(convolutionToJson(c, e), convolutionJsonKeyOrder());
    });
}

QString poolingToHtml(const Pooling& r, const MathsExportExtras& e) {
    const WorkedDocument d = poolingDocument(r, marking(e), e.markingSource);
    return solutionHtmlPage(d.title, workedBlocks(d));
}

QByteArray poolingSolutionBytes(const Pooling& r, SolutionFormat format,
                                const MathsExportExtras& e) {
    return workedBytes(poolingDocument(r, marking(e), e.markingSource), format,
                       [&] { return writeJson(poolingToJson(r, e), poolingJsonKeyOrder()); });
}

Result<bool> exportPoolingSolution(const Pooling& r, SolutionFormat format, const QString& path,
                                   const MathsExportExtras& e) {
    return exportWorked(poolingDocument(r, marking(e), e.markingSource), format, path,
                        [&] { return writeJson(poolingToJson(r, e), poolingJsonKeyOrder()); });
}

} // namespace bpl::io
