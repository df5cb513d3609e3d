#include "render/solution_document.h"

#include "io/qt_text.h"

#include "core/number_format.h"
#include "core/tolerance.h"
#include "core/decision.h"
#include "core/truth_table.h"
#include "io/latex_html.h"
#include "render/network_figure.h"

#include <QBuffer>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>
#include <memory>

namespace bpl::io {

namespace {

// Scalars shown per step; the rest are summarised (the text export lists all).
constexpr int kMaxScalarsPerStep = 64;
QString esc(const std::string& s) { return htmlEscape(q(s)); }

QString title(const Trace& t) {
    return t.network.name.empty() ? QStringLiteral("Worked solution") : "Worked solution: " + q(t.network.name);
}



// A matrix as a small table with a bracket on each side of every row.
QString matrixHtml(const Eigen::MatrixXd& m, int precision) {
    QString out = "<table class=\"matrix\" cellspacing=\"0\" cellpadding=\"0\">";
    const Eigen::Index rows = m.rows();
    for (Eigen::Index i = 0; i < rows; ++i) {
        // ⎡ ⎢ ⎣ on tall matrices, so the rows read as one bracket.
        const QString open = rows == 1 ? "[" : (i == 0 ? "⎡" : (i + 1 == rows ? "⎣" : "⎢"));
        const QString close = rows == 1 ? "]" : (i == 0 ? "⎤" : (i + 1 == rows ? "⎦" : "⎥"));
        out += "<tr><td class=\"bracket\">" + open + "</td>";
        for (Eigen::Index j = 0; j < m.cols(); ++j) {
            out += "<td class=\"entry\" align=\"right\">" + numberHtml(m(i, j), precision) + "</td>";
        }
        out += "<td class=\"bracket\">" + close + "</td></tr>";
    }
    return out + "</table>";
}

QString symbolHtml(const std::string& letter, int layer) {
    return latexToHtml(letter + "^{(" + std::to_string(layer) + ")}");
}

// The student's answer under its formula, coloured by status.
QString markRow(const Trace& t, const AnswerResult& r) {
    QString detail;
    switch (r.status) {
    case AnswerStatus::Correct: detail = "correct"; break;
    case AnswerStatus::Wrong:
        detail = "wrong";
        if (!r.hints.empty()) detail += ". " + esc(r.hints.front());
        if (r.roundingDrift) detail += ". It is what your rounded earlier values give: keep more figures.";
        break;
    case AnswerStatus::Carried: {
        QStringList origins;
        for (const QuantityRef& o : r.origins) origins << latexToHtml(quantitySymbol(t, o).latex);
        detail = "carried from your " + origins.join(", ") + ": right for your earlier values";
        if (r.recomputed) detail += " (they give " + numberHtml(*r.recomputed, 6) + ")";
        break;
    }
    }
    return markRowHtml(r.status, r.answer.value, detail);
}

QString formulaHtml(const Trace& t, const ScalarFormula& f, const AnswerResult* marked = nullptr) {
    if (f.working.empty()) {
        return formulaTableHtml(f.lhs, f.symbolic, f.substituted, f.result, marked != nullptr ? markRow(t, *marked) : QString());
    }
    auto row = [](const QString& lhs, const QString& rhs) {
        return "<tr><td class=\"lhs\" align=\"right\" valign=\"top\">" + lhs +
               "</td><td class=\"eq\" valign=\"top\">\u00a0=\u00a0</td><td class=\"rhs\" valign=\"top\">" + rhs +
               "</td></tr>";
    };
    QString out = "<table class=\"formula\" cellspacing=\"0\" cellpadding=\"1\">";
    // An optimizer's m, v, m̂, v̂ lines come first, each with its own left-hand side.
    auto lines = [&](const ScalarFormula& g) {
        QString lhs = latexToHtml(g.lhs.latex);
        if (!g.symbolic.latex.empty()) {
            out += row(lhs, latexToHtml(g.symbolic.latex));
            lhs.clear();
        }
        if (!g.substituted.latex.empty() && g.substituted.text != g.result.text) {
            out += row(lhs, latexToHtml(g.substituted.latex));
            lhs.clear();
        }
        out += row(lhs, "<b>" + latexToHtml(g.result.latex) + "</b>");
    };
    for (const ScalarFormula& w : f.working) lines(w);
    lines(f);
    if (marked != nullptr) out += markRow(t, *marked);
    return out + "</table>";
}

QString networkTableHtml(const Trace& t) {
    const Notation& n = t.options.notation;
    const int p = t.options.precision;
    QString out = "<table class=\"layers\" cellspacing=\"0\" cellpadding=\"4\">"
                  "<tr><th align=\"left\">Layer</th><th align=\"left\">Neurons</th><th align=\"left\">Activation</th>"
                  "<th align=\"left\" colspan=\"2\">Weights</th><th align=\"left\" colspan=\"2\">Bias</th></tr>";
    for (int l = 0; l < t.network.layerCount(); ++l) {
        const Layer& layer = t.network.layers[l];
        out += QString("<tr><td valign=\"middle\">%1</td><td valign=\"middle\">%2</td>")
                   .arg(n.displayLayer(l))
                   .arg(layer.size);
        if (l == 0) {
            out += "<td valign=\"middle\">input</td><td></td><td></td><td></td><td></td></tr>";
            continue;
        }
        const int w = n.weightLayer(l);
        QString kind = esc(activationName(layer.activation.kind));
        if (layer.activation.kind == Activation::LeakyRelu) kind += " (α = " + numberHtml(layer.activation.alpha, p) + ")";
        const bool small = layer.weights.size() <= 48;
        out += "<td valign=\"middle\">" + kind + "</td><td valign=\"middle\" align=\"right\">" + symbolHtml("W", w) +
               "\u00a0=</td><td valign=\"middle\">" +
               (small ? matrixHtml(layer.weights, p)
                      : QString("%1 × %2 matrix").arg(layer.weights.rows()).arg(layer.weights.cols())) +
               "</td><td valign=\"middle\" align=\"right\">" + symbolHtml(n.biasAsWeightZero ? "W_0" : "b", w) +
               "\u00a0=</td><td valign=\"middle\">" +
               (layer.size <= 12 ? matrixHtml(layer.bias, p) : QString("%1 numbers").arg(layer.size)) + "</td></tr>";
    }
    return out + "</table>";
}

QString sampleHtml(const Trace& t) {
    const Notation& n = t.options.notation;
    const int p = t.options.precision;
    return "<p>Input " + symbolHtml(n.actLatex, n.displayLayer(0)) + " = " + vectorHtml(t.sample.input, p) +
           ", target <i>t</i> = " + vectorHtml(t.sample.target, p) + ". Loss: " + esc(lossName(t.network.loss)) +
           "; learning rate <i>η</i> = " + numberHtml(t.learningRate, p) + ".</p>";
}

QString gradientCheckHtml(const GradientCheck& g) {
    return QString("<p>Gradient check (central differences, <i>h</i> = %1): largest relative error %2 over %3 "
                   "parameters — %4.</p>")
        .arg(q(formatNumber(g.step, 3)), q(formatNumber(g.maxRelativeError, 3)))
        .arg(g.parametersChecked)
        .arg(g.maxRelativeError < 1e-5 ? "backpropagation agrees" : "CHECK FAILED");
}

QString documentCss() {
    return "body { font-family: 'DejaVu Serif', serif; font-size: 10.5pt; }"
           "h1 { font-family: 'DejaVu Sans', sans-serif; font-size: 17pt; font-weight: bold; margin: 0 0 6px 0; }"
           "h2 { font-family: 'DejaVu Sans', sans-serif; font-size: 12.5pt; font-weight: bold; margin: 0; "
           "color: #1d3557; }"
           "p { margin: 0 0 3px 0; }"
           "p.meta { color: #555555; }"
           "p.vector { margin: 2px 0 2px 0; }"
           "p.note { color: #444444; font-style: italic; margin: 2px 0 0 18px; }"
           "table.formula { margin-left: 18px; }"
           "table.layers th { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; "
           "border-bottom: 1px solid #999999; }"
           "td.bracket { color: #666666; padding: 0 2px; }"
           "td.entry { padding: 0 5px; }"
           "p.warning { color: #9b2226; }"
           "p.marking { margin: 4px 0 0 0; }"
           "td.mark { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }";
}

} // namespace

std::vector<SolutionBlock> solutionBlocks(const Trace& t, const ExportExtras& extras) {
    using K = SolutionBlock::Kind;
    const Notation& n = t.options.notation;
    std::vector<SolutionBlock> blocks;
    QString head = "<h1>" + htmlEscape(title(t)) + "</h1>";
    if (!t.network.description.empty()) head += "<p>" + esc(t.network.description) + "</p>";
    head += "<p class=\"meta\">Notation: " + esc(n.title) + ". Numbers to " + QString::number(t.options.precision) +
            " significant figures.</p>";
    if (extras.marking) {
        const CheckReport& report = *extras.marking;
        head += "<p class=\"marking\"><b>Marked answers" +
                (extras.markingSource.isEmpty() ? QString() : " (" + htmlEscape(extras.markingSource) + ")") + ": " +
                esc(report.summary()) + ".</b> ✓ correct, ✗ wrong, ↷ carried (wrong only because an earlier answer "
                "was; right for the student's own values). Tolerance: " + esc(report.tolerance.shortName()) + ".</p>";
    }
    blocks.push_back({K::Title, head, false});
    blocks.push_back({K::Heading, "<h2>Network</h2>", true});
    blocks.push_back({K::Figure, {}, false});
    blocks.push_back({K::Text, networkTableHtml(t), false});
    blocks.push_back({K::Text, sampleHtml(t), false});
    for (size_t s = 0; s < t.steps.size(); ++s) {
        const Step& step = t.steps[s];
        blocks.push_back({K::Heading, QString("<h2>Step %1. %2</h2>").arg(s + 1).arg(esc(step.title.text)), true});
        if (!step.vectorFormula.latex.empty()) {
            blocks.push_back({K::Text, "<p class=\"vector\" align=\"center\">" + latexToHtml(step.vectorFormula.latex) +
                                           "</p>", true});
        }
        const int count = static_cast<int>(step.scalars.size());
        for (int k = 0; k < count && k < kMaxScalarsPerStep; ++k) {
            const AnswerResult* marked = extras.marking ? extras.marking->find(step.scalars[k].ref) : nullptr;
            blocks.push_back({K::Formula, formulaHtml(t, step.scalars[k], marked), false});
        }
        if (count > kMaxScalarsPerStep) {
            blocks.push_back({K::Note, QString("<p class=\"note\">… and %1 more of this step (the text and LaTeX "
                                               "exports list every one).</p>")
                                           .arg(count - kMaxScalarsPerStep),
                              false});
        }
        if (!step.note.empty()) blocks.push_back({K::Note, "<p class=\"note\">" + esc(step.note) + "</p>", false});
    }
    const int L = t.network.lastLayer();
    if (isLogicNetwork(t.network)) {
        if (const auto table = truthTable(t.network)) {
            blocks.push_back({K::Heading, "<h2>Truth table</h2>", true});
            QString html = "<p>Every 0/1 input through the step units:</p><table class=\"layers\" cellspacing=\"0\" "
                           "cellpadding=\"4\"><tr><th align=\"left\">input</th>";
            for (int l = 1; l < L; ++l) html += "<th align=\"left\">" + symbolHtml(n.actLatex, n.displayLayer(l)) + "</th>";
            html += "<th align=\"left\">output</th></tr>";
            for (const TruthRow& row : *table) {
                html += "<tr><td>" + vectorHtml(row.input, t.options.precision) + "</td>";
                for (const Eigen::VectorXd& h : row.hidden) html += "<td>" + vectorHtml(h, t.options.precision) + "</td>";
                html += "<td>" + vectorHtml(row.output, t.options.precision) + "</td></tr>";
            }
            blocks.push_back({K::Text, html + "</table>", false});
        }
    }
    blocks.push_back({K::Heading, "<h2>Result</h2>", true});
    QString result = "<p>Loss <i>E</i> = " + numberHtml(t.loss, t.options.precision) + "; output " +
                     symbolHtml(n.actLatex, n.displayLayer(L)) + " = " + vectorHtml(t.forward.output(), t.options.precision) +
                     ".</p>";
    if (const auto d = classDecision(t.network, t.forward.output(), n, t.options.precision)) {
        result += "<p>Decision: " + latexToHtml(d->text.latex) + ".</p>";
    }
    for (const auto& w : solutionWarnings(t)) result += "<p class=\"warning\">Warning: " + esc(w) + "</p>";
    if (extras.gradientCheck) result += gradientCheckHtml(*extras.gradientCheck);
    blocks.push_back({K::Text, result, false});
    return blocks;
}

QString solutionHtmlPage(const QString& title, const std::vector<SolutionBlock>& blocks, const QString& figureHtml) {
    QString out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                  htmlEscape(title) + "</title>\n<style>\n" + documentCss() +
                  "\nbody { max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; "
                  "font-size: 17px; }\nsub, sup { font-size: 0.72em; line-height: 0; }\np.vector { text-align: center; }"
                  "\ntd.eq { white-space: nowrap; }\nh1 { font-size: 1.7em; }\nh2 { font-size: 1.2em; }"
                  "\nh2 { margin-top: 1.1em; break-after: avoid; }\ntable.formula { margin-top: 0.35em; "
                  "break-inside: avoid; }\ntable.layers { border-collapse: collapse; margin: 0.5em 0; }"
                  "\ntable.layers td, table.layers th { padding: 0.25em 0.8em 0.25em 0; }"
                  "\nfigure { margin: 0.5em 0; }\nfigure img { max-width: 100%; height: auto; }"
                  "\n</style>\n</head>\n<body>\n";
    for (const SolutionBlock& b : blocks) {
        out += (b.kind == SolutionBlock::Kind::Figure ? figureHtml : b.html) + "\n";
    }
    return out + "</body>\n</html>\n";
}

QString traceToHtml(const Trace& t, const ExportExtras& extras) {
    // The figure needs fonts, hence a QGuiApplication; without one the table of weights stands alone.
    QString figure;
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        networkFigureImage(t, kNetworkFigureWidthPt, 2.0).save(&buffer, "PNG");
        figure = "<figure><img src=\"data:image/png;base64," + QString::fromLatin1(png.toBase64()) + "\" width=\"" +
                 QString::number(kNetworkFigureWidthPt) + "\" alt=\"The network: one column of neurons per layer, each "
                 "weight on its edge\"></figure>";
    }
    return solutionHtmlPage(title(t), solutionBlocks(t, extras), figure);
}

Result<bool> writeSolutionPdf(const Trace& t, const QString& path, const ExportExtras& extras) {
    SolutionFigure figure;
    figure.size = [&t](double maxWidthPt) { return networkFigureSize(t, std::min(kNetworkFigureWidthPt, maxWidthPt)); };
    figure.paint = [&t](QPainter& painter, const QRectF& rect) { paintNetworkFigure(painter, rect, t); };
    return writeBlocksPdf(path, title(t), solutionBlocks(t, extras), figure);
}

std::vector<PageBlock> solutionPageBlocks(const std::vector<SolutionBlock>& blocks, const SolutionFigure& figure) {
    std::vector<PageBlock> out;
    out.reserve(blocks.size());
    for (const SolutionBlock& b : blocks) {
        PageBlock page;
        page.keepWithNext = b.keepWithNext;
        switch (b.kind) {
        case SolutionBlock::Kind::Heading: page.gapBeforePt = 14; break;
        case SolutionBlock::Kind::Figure: page.gapBeforePt = 6; break;
        default: page.gapBeforePt = 4; break;
        }
        if (b.kind == SolutionBlock::Kind::Figure) {
            page.size = figure.size ? figure.size : [](double) { return QSizeF(0, 0); };
            page.paint = figure.paint ? figure.paint : [](QPainter&, const QRectF&) {};
        } else {
            page.html = b.html;
        }
        out.push_back(std::move(page));
    }
    return out;
}

QString solutionCss() { return documentCss(); }

Result<bool> writeBlocksPdf(const QString& path, const QString& documentTitle, const std::vector<SolutionBlock>& blocks,
                            const SolutionFigure& figureSource) {
    PageSetup setup;
    setup.title = documentTitle;
    setup.css = documentCss();
    return PagedDocument(solutionPageBlocks(blocks, figureSource), setup).writePdf(path);
}

QString numberHtml(double x, int precision) { return latexToHtml(formatDual(x, precision).latex); }

QString matrixTableHtml(const Eigen::MatrixXd& m, int precision) { return matrixHtml(m, precision); }

QString markRowHtml(AnswerStatus status, double given, const QString& detailHtml) {
    QString mark = "✗";
    QString colour = "#b00020";
    if (status == AnswerStatus::Correct) {
        mark = "✓";
        colour = "#2a7d2e";
    } else if (status == AnswerStatus::Carried) {
        mark = "↷";
        colour = "#a15c00";
    }
    return "<tr><td></td><td></td><td class=\"mark\" style=\"color: " + colour + "\">" + mark + " you wrote " +
           latexToHtml(shortestText(given)) + " — " + detailHtml + "</td></tr>";
}

QString formulaTableHtml(const Dual& lhsFormula, const Dual& symbolic, const Dual& substituted, const Dual& result,
                         const QString& extraRowsHtml) {
    auto row = [](const QString& lhs, const QString& rhs) {
        return "<tr><td class=\"lhs\" align=\"right\" valign=\"top\">" + lhs +
               "</td><td class=\"eq\" valign=\"top\">\u00a0=\u00a0</td><td class=\"rhs\" valign=\"top\">" + rhs +
               "</td></tr>";
    };
    QString out = "<table class=\"formula\" cellspacing=\"0\" cellpadding=\"1\">";
    QString lhs = latexToHtml(lhsFormula.latex);
    if (!symbolic.latex.empty()) {
        out += row(lhs, latexToHtml(symbolic.latex));
        lhs.clear();
    }
    if (!substituted.latex.empty() && substituted.text != result.text && substituted.text != symbolic.text) {
        out += row(lhs, latexToHtml(substituted.latex));
        lhs.clear();
    }
    out += row(lhs, "<b>" + latexToHtml(result.latex) + "</b>");
    return out + extraRowsHtml + "</table>";
}

QString vectorHtml(const Eigen::VectorXd& v, int precision) {
    QStringList parts;
    for (Eigen::Index k = 0; k < v.size(); ++k) parts << numberHtml(v[k], precision);
    return "(" + parts.join(", ") + ")";
}

} // namespace bpl::io
