// The exercise sheets of the worked-maths tools (render/exercise_sheet.h):
// a chain-rule expression and a convolution, with the questions and worked
// solution of render/maths_document.
#include "render/exercise_sheet.h"

#include "core/exercise/convolution_variant.h"
#include "core/exercise/expression_variant.h"
#include "io/latex_html.h"
#include "render/maths_document.h"
#include "render/solution_document.h"

#include <QJsonArray>

#include <set>

namespace bpl::io {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

std::vector<PageBlock> workedAfterTitle(std::vector<SolutionBlock> blocks) {
    if (!blocks.empty() && blocks.front().kind == SolutionBlock::Kind::Title)
        blocks.erase(blocks.begin());
    return solutionPageBlocks(blocks);
}

QString matrixRow(const QString& name, const Eigen::MatrixXd& m, int precision) {
    return "<td valign=\"middle\">" + name + "\u00a0=\u00a0</td><td valign=\"middle\">" +
           matrixTableHtml(m, precision) + "</td><td width=\"24\"></td>";
}

ExerciseSheet base(int answerDecimals, const QString& title, const QString& student,
                   const QString& code) {
    ExerciseSheet s;
    s.title = title;
    s.student = student;
    s.code = code;
    s.answerDecimals = answerDecimals;
    return s;
}

} // namespace

ExerciseSheet chainExerciseSheet(const ExpressionGraph& g, int answerDecimals, const QString& title,
                                 const QString& student, const QString& code) {
    ExerciseSheet s = base(answerDecimals, title, student, code);
    const GraphNode& f = g.nodes[g.output];
    QStringList at;
    for (const VariableValue& v : g.at)
        at << "<i>" + htmlEscape(q(v.name)) + "</i> = " + numberHtml(v.value, 4);
    s.givenHtml =
        "<p align=\"center\" style=\"font-size: 13pt\"><i>f</i> = " +
        latexToHtml(f.expression.latex) + "</p><p>at " + at.join(", ") +
        ". Work forward to the value of every operation, then backward to ∂<i>f</i>/∂ every "
        "node.</p>";
    const std::vector<MathsRef> askedList = exercise::askedMathsRefs(g);
    const std::set<MathsRef> asked(askedList.begin(), askedList.end());
    for (const WorkedFormula& w : g.forward) {
        if (asked.count(w.ref) == 0)
            continue;
        const GraphNode& node = g.nodes[w.ref.node];
        QJsonObject ref{{"quantity", "value"}, {"node", q(node.symbol.text)}};
        const QString defined =
            latexToHtml(w.lhs.latex) + " = " + latexToHtml(node.expression.latex);
        s.questions.push_back({"Forward pass: the values",
                               defined,
                               q(w.lhs.text),
                               "value[" + q(node.symbol.text) + "]",
                               w.value,
                               ref,
                               {},
                               w.ref});
    }
    for (const BackwardStep& b : g.backward) {
        const GraphNode& node = g.nodes[b.node];
        if (b.node == g.output || asked.count(b.formula.ref) == 0)
            continue; // ∂f/∂f = 1 is given
        QJsonObject ref{{"quantity", "grad"}, {"node", q(node.symbol.text)}};
        s.questions.push_back({"Backward pass: the gradients",
                               latexToHtml(b.formula.lhs.latex),
                               q(b.formula.lhs.text),
                               "grad[" + q(node.symbol.text) + "]",
                               b.formula.value,
                               ref,
                               {},
                               b.formula.ref});
    }
    s.worked = workedAfterTitle(gradSolutionBlocks(g));
    return s;
}

ExerciseSheet convolutionExerciseSheet(const Convolution& c, int answerDecimals,
                                       const QString& title, const QString& student,
                                       const QString& code) {
    ExerciseSheet s = base(answerDecimals, title, student, code);
    const ConvolutionProblem& p = c.problem;
    const std::vector<MathsRef> askedList = exercise::askedMathsRefs(c);
    const std::set<MathsRef> asked(askedList.begin(), askedList.end());
    s.givenHtml = "<table cellspacing=\"0\" cellpadding=\"2\"><tr>" +
                  matrixRow("<i>X</i>", p.input, 4) + matrixRow("<i>W</i>", p.filter, 4) +
                  matrixRow("∂<i>E</i>/∂<i>F</i>", c.gradOutput, 4) + "</tr></table><p>" +
                  htmlEscape(q(c.operationName.text)) + ": " + latexToHtml(c.operation.latex) +
                  "; stride " + QString::number(p.stride) + ", padding " +
                  QString::number(p.padding) + ".</p>";
    struct Part {
        MathsQuantity quantity;
        const char* key;
        const char* group;
        const Eigen::MatrixXd* values;
    };
    const Part parts[] = {
        {MathsQuantity::ConvOutput, "output", "The output F", &c.output},
        {MathsQuantity::ConvGradFilter, "grad_filter", "The gradient ∂E/∂W", &c.gradFilter},
        {MathsQuantity::ConvGradInput, "grad_input", "The gradient ∂E/∂X", &c.gradInput}};
    for (const Part& part : parts) {
        for (Eigen::Index i = 0; i < part.values->rows(); ++i) {
            for (Eigen::Index j = 0; j < part.values->cols(); ++j) {
                const MathsRef ref = MathsRef::entry(part.quantity, int(i), int(j));
                if (asked.count(ref) == 0)
                    continue; // ∂E/∂X of a cell no window covers
                const Dual symbol = c.symbolOf(ref);
                const QJsonObject json{{"quantity", part.key},
                                       {"index", QJsonArray{int(i) + 1, int(j) + 1}}};
                s.questions.push_back({part.group,
                                       latexToHtml(symbol.latex),
                                       q(symbol.text),
                                       QString("%1[%2][%3]").arg(part.key).arg(i + 1).arg(j + 1),
                                       (*part.values)(i, j),
                                       json,
                                       {},
                                       ref});
            }
        }
    }
    s.worked = workedAfterTitle(convolutionSolutionBlocks(c));
    return s;
}

} // namespace bpl::io
