#include "io/worked_document.h"

#include "io/qt_text.h"
#include "core/number_format.h"
#include "core/tolerance.h"
#include "io/trace_export.h"

#include <QStringList>

namespace bpl::io {

namespace {

WorkedItem paragraph(const QString& text, const Dual& math = {}) {
    WorkedItem item;
    item.kind = WorkedItem::Kind::Paragraph;
    item.text = text;
    item.math = math;
    return item;
}

WorkedItem formulaItem(const WorkedFormula& f, const MathsCheckReport* marking,
                       WorkedItem::Kind kind = WorkedItem::Kind::Formula) {
    WorkedItem item;
    item.kind = kind;
    item.formula = f;
    if (marking != nullptr && kind == WorkedItem::Kind::Formula)
        item.mark = marking->find(f.ref);
    return item;
}

WorkedItem matrixItem(const Dual& name, const Eigen::MatrixXd& m) {
    WorkedItem item;
    item.kind = WorkedItem::Kind::Matrix;
    item.name = name;
    item.matrix = m;
    return item;
}

// A term of a backward sum as a formula of its own: "through v₁: ∂f/∂v₁·2·x = 0.4407·2·1 = 0.8815".
WorkedFormula contributionFormula(const ExpressionGraph& g, const GradContribution& c,
                                  int precision) {
    WorkedFormula f;
    f.lhs = Dual("through " + g.nodes[c.use.user].symbol.text + ": ",
                 "\\text{through } " + g.nodes[c.use.user].symbol.latex + ": ");
    f.lhs += c.term;
    f.substituted = c.termSubstituted;
    f.value = c.value;
    f.result = formatDual(c.value, precision);
    return f;
}

QString variablesText(const ExpressionGraph& g) {
    QStringList parts;
    for (const VariableValue& v : g.at)
        parts << q(v.name + " = " + shortestText(v.value));
    return parts.join(", ");
}

QString markText(const MathsAnswerResult& r, const MathsCheckReport& report) {
    QString s = "you wrote " + q(shortestText(r.answer.value)) + " — ";
    switch (r.status) {
    case AnswerStatus::Correct:
        return "✓ " + s + "correct";
    case AnswerStatus::Carried: {
        QStringList origins;
        for (const MathsRef& o : r.origins) {
            const MathsAnswerResult* origin = report.find(o);
            origins << (origin != nullptr ? q(origin->symbol.text) : q(o.describe()));
        }
        return "↷ " + s + "carried from your " + origins.join(", ") +
               " (right for your earlier values" +
               (r.recomputed ? ", which give " + q(formatNumber(*r.recomputed, 6)) : QString()) +
               ")";
    }
    case AnswerStatus::Wrong:
        break;
    }
    s = "✗ " + s + "wrong (exact " + q(formatNumber(r.expected, 6)) + ")";
    if (!r.hints.empty())
        s += ". " + q(r.hints.front());
    return s;
}

QString markingLine(const WorkedDocument& d) {
    return "Marked answers" +
           (d.markingSource.isEmpty() ? QString() : " (" + d.markingSource + ")") + ": " +
           q(d.marking->summary()) +
           ". ✓ correct, ✗ wrong, ↷ carried (wrong only because an earlier answer was). " +
           "Tolerance: " + q(d.marking->tolerance.shortName()) + ".";
}

} // namespace

WorkedDocument gradDocument(const ExpressionGraph& g, const MathsCheckReport* marking,
                            const QString& markingSource) {
    WorkedDocument d;
    d.title = "Chain rule: f = " + q(g.expression.text().text);
    d.precision = g.options.precision;
    d.marking = marking;
    d.markingSource = markingSource;
    WorkedSection problem{Dual("The expression"), {}};
    problem.items.push_back(
        paragraph("f =", Dual(g.expression.text().text, g.expression.text().latex)));
    problem.items.push_back(paragraph("at " + variablesText(g) + "."));
    problem.items.push_back(
        paragraph(QString("The graph has one node per operation: variables keep their names, the "
                          "operations are v₁, v₂, … in evaluation order, and the output is %1. "
                          "A node used more than once is one node; the gradients of its uses add. "
                          "Numbers to %2 significant figures.")
                      .arg(q(g.nodes[g.output].symbol.text))
                      .arg(d.precision)));
    d.sections.push_back(problem);

    WorkedSection forward{Dual("Forward pass, one node at a time"), {}};
    for (const WorkedFormula& f : g.forward)
        forward.items.push_back(formulaItem(f, marking));
    if (g.forward.empty())
        forward.items.push_back(paragraph("The expression is a single variable: no operations."));
    d.sections.push_back(forward);

    WorkedSection backward{Dual("Backward pass, node by node"), {}};
    backward.items.push_back(
        paragraph("Each ∂f/∂v is the sum, over the nodes that use v, of their gradient times "
                  "their local derivative with respect to v (the chain rule)."));
    for (const BackwardStep& s : g.backward) {
        backward.items.push_back(paragraph(q(s.title.text)));
        backward.items.push_back(formulaItem(s.formula, marking));
        if (s.contributions.size() > 1) {
            for (const GradContribution& c : s.contributions) {
                backward.items.push_back(formulaItem(contributionFormula(g, c, d.precision),
                                                     nullptr, WorkedItem::Kind::Contribution));
            }
        }
    }
    d.sections.push_back(backward);

    WorkedSection result{Dual("Result"), {}};
    result.items.push_back(paragraph("", Dual("f = " + formatNumber(g.value(), d.precision),
                                              "f = " + formatDual(g.value(), d.precision).latex)));
    for (const VariableValue& v : g.at) {
        const int id = g.variableNode(v.name);
        const Dual sym = g.symbolOf(MathsRef::grad(id));
        result.items.push_back(
            paragraph("", sym + Dual(" = ") + formatDual(g.nodes[id].grad, d.precision)));
    }
    const CentralDifferenceCheck check = centralDifferenceCheck(g);
    QStringList numeric;
    for (const CentralDifference& c : check.entries) {
        numeric << q("∂f/∂" + c.variable + " ≈ " + formatNumber(c.numeric, 8));
    }
    result.items.push_back(paragraph("Central-difference check, (f(x + h) − f(x − h))/2h with one "
                                     "Richardson step, h = 10⁻⁵·max(1, |x|): " +
                                     numeric.join(", ") + "; largest relative error " +
                                     q(formatNumber(check.maxRelativeError, 2)) + " — " +
                                     (check.agrees ? "the chain rule agrees." : "CHECK FAILED.")));
    d.sections.push_back(result);
    return d;
}

WorkedDocument convolutionDocument(const Convolution& c, const MathsCheckReport* marking,
                                   const QString& markingSource) {
    const ConvolutionProblem& p = c.problem;
    WorkedDocument d;
    d.title = "Convolution: " + q(c.operationName.text).section(' ', 0, 0);
    d.precision = p.precision;
    d.marking = marking;
    d.markingSource = markingSource;
    WorkedSection problem{Dual("The problem"), {}};
    problem.items.push_back(
        paragraph("The operation is the " + q(c.operationName.text) + ":", c.operation));
    problem.items.push_back(matrixItem(Dual("X"), p.input));
    problem.items.push_back(matrixItem(Dual("W"), p.filter));
    problem.items.push_back(
        paragraph(QString("Stride %1, zero padding %2: F is %3 × %4. Indices count from 1; "
                          "a padding cell is written 0. Numbers to %5 significant figures.")
                      .arg(p.stride)
                      .arg(p.padding)
                      .arg(c.output.rows())
                      .arg(c.output.cols())
                      .arg(d.precision)));
    d.sections.push_back(problem);
    WorkedSection forward{Dual("Forward pass: each output is a sum of products"), {}};
    for (const ConvElementStep& s : c.forward)
        forward.items.push_back(formulaItem(s.formula, marking));
    d.sections.push_back(forward);

    WorkedSection gradW{Dual("Backward pass: ∂E/∂W", "Backward pass: $\\partial E/\\partial W$"),
                        {}};
    gradW.items.push_back(paragraph(p.gradOutput.size() == 0 ? "With ∂E/∂F all ones (the default)."
                                                             : "With the given ∂E/∂F:"));
    if (p.gradOutput.size() != 0)
        gradW.items.push_back(matrixItem(Dual("∂E/∂F", "\\partial E/\\partial F"), c.gradOutput));
    gradW.items.push_back(
        paragraph("Each filter entry met one input cell in every window: ∂E/∂W_uv is the sum of "
                  "those cells, each times the ∂E/∂F of its window."));
    for (const ConvElementStep& s : c.backwardFilter)
        gradW.items.push_back(formulaItem(s.formula, marking));
    d.sections.push_back(gradW);

    WorkedSection gradX{Dual("Backward pass: ∂E/∂X", "Backward pass: $\\partial E/\\partial X$"),
                        {}};
    gradX.items.push_back(
        paragraph("The windows overlap: ∂E/∂X_pq collects ∂E/∂F_ij times the filter entry that "
                  "touched X_pq, from every window that covers it (padding cells are left out)."));
    for (const ConvElementStep& s : c.backwardInput)
        gradX.items.push_back(formulaItem(s.formula, marking));
    d.sections.push_back(gradX);

    WorkedSection result{Dual("Result"), {}};
    result.items.push_back(matrixItem(Dual("F"), c.output));
    result.items.push_back(matrixItem(Dual("∂E/∂W", "\\partial E/\\partial W"), c.gradFilter));
    result.items.push_back(matrixItem(Dual("∂E/∂X", "\\partial E/\\partial X"), c.gradInput));
    d.sections.push_back(result);
    return d;
}

WorkedDocument poolingDocument(const Pooling& r, const MathsCheckReport* marking,
                               const QString& markingSource) {
    const PoolingProblem& p = r.problem;
    const bool isMax = isMaxPooling(p.kind);
    WorkedDocument d;
    d.title = "Pooling: " + q(poolingKindKey(p.kind));
    d.precision = p.precision;
    d.marking = marking;
    d.markingSource = markingSource;
    WorkedSection problem{Dual("The problem"), {}};
    problem.items.push_back(paragraph("The operation:", r.operation));
    problem.items.push_back(matrixItem(Dual("X"), p.input));
    const QString size = QString("P is %1 × %2").arg(r.output.rows()).arg(r.output.cols());
    problem.items.push_back(paragraph(
        (isAdaptive(p.kind) ? size + " (adaptive: the windows follow from the sizes)"
                            : QString("Window %1 × %1, stride %2, padding %3: ")
                                      .arg(p.window)
                                      .arg(p.stride)
                                      .arg(p.padding) +
                                  size) +
        QString(". Indices count from 1. Numbers to %1 significant figures.").arg(d.precision)));
    d.sections.push_back(problem);
    WorkedSection forward{Dual(isMax ? "Forward pass: each output is its window's maximum"
                                     : "Forward pass: each output is its window's average"),
                          {}};
    for (const PoolElementStep& s : r.forward)
        forward.items.push_back(formulaItem(
            *r.formulaFor(MathsRef::entry(MathsQuantity::ConvOutput, s.row, s.col)), marking));
    d.sections.push_back(forward);
    WorkedSection back{Dual("Backward pass: ∂E/∂X", "Backward pass: $\\partial E/\\partial X$"),
                       {}};
    back.items.push_back(paragraph(p.gradOutput.size() == 0 ? "With ∂E/∂P all ones (the default)."
                                                            : "With the given ∂E/∂P:"));
    if (p.gradOutput.size() != 0)
        back.items.push_back(matrixItem(Dual("∂E/∂P", "\\partial E/\\partial P"), r.gradOutput));
    back.items.push_back(paragraph(
        isMax ? "Each ∂E/∂P_ij goes whole to its window's first maximum (row by row, as PyTorch "
                "does); the other cells get 0. Where windows overlap, the parts add."
              : "Each ∂E/∂P_ij is shared equally over its window (divided by the divisor of the "
                "average; padding cells drop their share). Where windows overlap, the parts add."));
    for (const PoolElementStep& s : r.backward)
        back.items.push_back(formulaItem(
            *r.formulaFor(MathsRef::entry(MathsQuantity::ConvGradInput, s.row, s.col)), marking));
    d.sections.push_back(back);
    WorkedSection result{Dual("Result"), {}};
    result.items.push_back(matrixItem(Dual("P"), r.output));
    result.items.push_back(matrixItem(Dual("∂E/∂X", "\\partial E/\\partial X"), r.gradInput));
    d.sections.push_back(result);
    return d;
}

QString workedToText(const WorkedDocument& d) {
    QString out = d.title + "\n" + QString(d.title.size(), '=') + "\n";
    if (d.marking != nullptr)
        out += "\n" + markingLine(d) + "\n";
    for (const WorkedSection& s : d.sections) {
        const QString heading = q(s.heading.text);
        out += "\n" + heading + "\n" + QString(heading.size(), '-') + "\n";
        for (const WorkedItem& item : s.items) {
            switch (item.kind) {
            case WorkedItem::Kind::Paragraph:
                out += "  " + item.text +
                       (item.text.isEmpty() || item.math.text.empty() ? "" : " ") +
                       q(item.math.text) + "\n";
                break;
            case WorkedItem::Kind::Formula:
                out += "    " + q(item.formula.line().text) + "\n";
                if (item.mark != nullptr)
                    out += "      " + markText(*item.mark, *d.marking) + "\n";
                break;
            case WorkedItem::Kind::Contribution:
                out += "        " + q(item.formula.line().text) + "\n";
                break;
            case WorkedItem::Kind::Matrix: {
                out += "  " + q(item.name.text) + " =\n";
                for (Eigen::Index i = 0; i < item.matrix.rows(); ++i) {
                    QStringList row;
                    for (Eigen::Index j = 0; j < item.matrix.cols(); ++j) {
                        row << q(formatNumber(item.matrix(i, j), d.precision)).rightJustified(9);
                    }
                    out += "    " + row.join(" ") + "\n";
                }
                break;
            }
            }
        }
    }
    return out;
}

QString workedToMarkdown(const WorkedDocument& d) {
    QString out = "# " + d.title + "\n";
    if (d.marking != nullptr)
        out += "\n*" + markingLine(d) + "*\n";
    for (const WorkedSection& s : d.sections) {
        out += "\n## " + q(s.heading.text) + "\n\n";
        for (const WorkedItem& item : s.items) {
            switch (item.kind) {
            case WorkedItem::Kind::Paragraph:
                out += QString(item.text).replace("_", "\\_") +
                       (item.math.latex.empty()
                            ? ""
                            : (item.text.isEmpty() ? "$" : " $") + q(item.math.latex) + "$") +
                       "\n\n";
                break;
            case WorkedItem::Kind::Formula:
                out += "- $" + q(item.formula.line().latex) + "$\n";
                if (item.mark != nullptr)
                    out += "  *" + markText(*item.mark, *d.marking) + "*\n";
                out += "\n";
                break;
            case WorkedItem::Kind::Contribution:
                out += "    - $" + q(item.formula.line().latex) + "$\n\n";
                break;
            case WorkedItem::Kind::Matrix:
                out += "$$" + q(item.name.latex) + " = " + matrixLatex(item.matrix, d.precision) +
                       "$$\n\n";
                break;
            }
        }
    }
    return out;
}

QString workedToLatex(const WorkedDocument& d) {
    auto esc = [](const QString& in) {
        QString s;
        for (const QChar c : in) {
            switch (c.unicode()) {
            case '\\':
                s += "\\textbackslash{}";
                break;
            case '^':
                s += "\\textasciicircum{}";
                break;
            case '~':
                s += "\\textasciitilde{}";
                break;
            case '&':
            case '%':
            case '$':
            case '#':
            case '_':
            case '{':
            case '}':
                s += QString("\\") + c;
                break;
            default:
                s += c;
            }
        }
        // Unicode in words, for pdflatex.
        s.replace("σ", "$\\sigma$")
            .replace("∂", "$\\partial$")
            .replace("−", "-")
            .replace("—", "---");
        s.replace("·", "$\\cdot$")
            .replace("≈", "$\\approx$")
            .replace("…", "\\dots{}")
            .replace("×", "$\\times$");
        s.replace("⁻⁵", "$^{-5}$")
            .replace("✓", "[correct]")
            .replace("✗", "[wrong]")
            .replace("↷", "[carried]");
        s.replace("′", "$'$")
            .replace("₁₀", "$_{10}$")
            .replace("√", "$\\surd$")
            .replace("²", "$^2$");
        s.replace("≤", "$\\le$");
        static const char* const subs[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
        for (int k = 0; k < 10; ++k)
            s.replace(QString::fromUtf8(subs[k]), "$_" + QString::number(k) + "$");
        return s;
    };
    QString out =
        "\\documentclass[11pt]{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n"
        "\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n\\allowdisplaybreaks\n"
        "\\title{" +
        esc(d.title) + "}\n\\date{}\n\\begin{document}\n\\maketitle\n\n";
    if (d.marking != nullptr)
        out += esc(markingLine(d)) + "\n\n";
    for (const WorkedSection& s : d.sections) {
        out += "\\section*{" +
               (s.heading.latex == s.heading.text ? esc(q(s.heading.text)) : q(s.heading.latex)) +
               "}\n";
        for (const WorkedItem& item : s.items) {
            const WorkedFormula& f = item.formula;
            switch (item.kind) {
            case WorkedItem::Kind::Paragraph:
                out += esc(item.text) +
                       (item.math.latex.empty() ? "" : " $" + q(item.math.latex) + "$") + "\n\n";
                break;
            case WorkedItem::Kind::Formula:
                out += "\\begin{align*}\n" + q(f.lhs.latex);
                if (!f.symbolic.latex.empty())
                    out += " &= " + q(f.symbolic.latex) + " \\\\\n";
                if (!f.substituted.latex.empty() && f.substituted.text != f.result.text) {
                    out += " &= " + q(f.substituted.latex) + " \\\\\n";
                }
                out += " &= " + q(f.result.latex) + "\n\\end{align*}\n";
                if (item.mark != nullptr)
                    out += "\\emph{" + esc(markText(*item.mark, *d.marking)) + "}\n\n";
                break;
            case WorkedItem::Kind::Contribution:
                out += "\\[ \\quad " + q(f.line().latex) + " \\]\n";
                break;
            case WorkedItem::Kind::Matrix:
                out += "\\[" + q(item.name.latex) + " = " + matrixLatex(item.matrix, d.precision) +
                       "\\]\n";
                break;
            }
        }
    }
    return out + "\\end{document}\n";
}

} // namespace bpl::io
