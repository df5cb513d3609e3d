#include "io/maths_export.h"

#include "io/json_writer.h"

#include "io/qt_text.h"
#include "core/answer_check.h"
#include "io/worked_document.h"

#include <QJsonArray>
#include <cmath>

namespace bpl::io {

namespace {

const MathsCheckReport* marking(const MathsExportExtras& e) {
    return e.marking ? &*e.marking : nullptr;
}

QJsonObject formulaJson(const WorkedFormula& f) {
    QJsonObject o;
    o["text"] = q(f.line().text);
    o["latex"] = q(f.line().latex);
    o["value"] = f.value;
    return o;
}

QJsonObject nodeJson(const GraphNode& n) {
    QJsonObject o;
    o["id"] = n.id;
    o["op"] = q(exprOpKey(n.op));
    if (n.op == ExprOp::Variable)
        o["name"] = q(n.name);
    if (!n.inputs.empty()) {
        QJsonArray inputs;
        for (int in : n.inputs)
            inputs.append(in);
        o["inputs"] = inputs;
        o["local"] = jsonNumbers(n.local);
    }
    o["value"] = n.value;
    o["grad"] = n.grad;
    o["symbol"] = q(n.symbol.text);
    o["expression"] = q(n.expression.text);
    QJsonArray users;
    for (const NodeUse& u : n.users)
        users.append(u.user);
    o["users"] = users;
    return o;
}

QJsonObject stepJson(const ExpressionGraph& g, const BackwardStep& s) {
    QJsonObject o = formulaJson(s.formula);
    o["node"] = s.node;
    o["symbol"] = q(s.formula.lhs.text);
    o["title"] = q(s.title.text);
    QJsonArray contributions;
    for (const GradContribution& c : s.contributions) {
        QJsonObject x;
        x["through"] = c.use.user;
        x["upstream"] = c.upstream;
        x["local"] = c.local;
        x["value"] = c.value;
        x["text"] = q(c.term.text + " = " + c.termSubstituted.text);
        x["latex"] = q(c.term.latex + " = " + c.termSubstituted.latex);
        contributions.append(x);
    }
    if (s.contributions.size() > 1 || (g.output != s.node && !s.contributions.empty())) {
        o["contributions"] = contributions;
    }
    return o;
}

QJsonObject centralDifferenceJson(const CentralDifferenceCheck& check) {
    QJsonObject o;
    o["step"] = "1e-5*max(1,|x|), one Richardson extrapolation";
    QJsonObject numeric;
    for (const CentralDifference& c : check.entries)
        numeric[q(c.variable)] = c.numeric;
    o["numeric"] = numeric;
    o["max_relative_error"] = check.maxRelativeError;
    o["agrees"] = check.agrees;
    return o;
}

QJsonObject checkJson(const MathsCheckReport& r) {
    QJsonObject o;
    QJsonArray results;
    for (const MathsAnswerResult& a : r.results) {
        QJsonObject x;
        x["quantity"] = q(mathsQuantityKey(a.answer.ref.quantity));
        if (a.answer.ref.node >= 0)
            x["node"] = a.answer.ref.node;
        if (a.answer.ref.row >= 0)
            x["index"] = QJsonArray{a.answer.ref.row + 1, a.answer.ref.col + 1};
        x["symbol"] = q(a.symbol.text);
        x["given"] = a.answer.value;
        if (std::isfinite(a.expected))
            x["expected"] = a.expected;
        x["status"] = q(answerStatusKey(a.status));
        x["explanation"] = q(a.explanation);
        results.append(x);
    }
    o["results"] = results;
    o["correct"] = r.correct;
    o["wrong"] = r.wrong;
    o["carried"] = r.carried;
    return o;
}

} // namespace

QString gradToText(const ExpressionGraph& g, const MathsExportExtras& e) {
    return workedToText(gradDocument(g, marking(e), e.markingSource));
}
QString gradToMarkdown(const ExpressionGraph& g, const MathsExportExtras& e) {
    return workedToMarkdown(gradDocument(g, marking(e), e.markingSource));
}
QString gradToLatex(const ExpressionGraph& g, const MathsExportExtras& e) {
    return workedToLatex(gradDocument(g, marking(e), e.markingSource));
}

QJsonObject gradToJson(const ExpressionGraph& g, const MathsExportExtras& e) {
    QJsonObject o;
    o["format"] = "backprop-lab.grad/1";
    o["expression"] = q(g.expression.source);
    QJsonObject at;
    for (const VariableValue& v : g.at)
        at[q(v.name)] = v.value;
    o["at"] = at;
    o["value"] = g.value();
    QJsonObject gradient;
    for (const VariableValue& v : g.at)
        gradient[q(v.name)] = g.gradient(v.name);
    o["gradient"] = gradient;
    QJsonArray nodes;
    for (const GraphNode& n : g.nodes)
        nodes.append(nodeJson(n));
    o["nodes"] = nodes;
    QJsonArray forward;
    for (const WorkedFormula& f : g.forward) {
        QJsonObject x = formulaJson(f);
        x["node"] = f.ref.node;
        forward.append(x);
    }
    o["forward"] = forward;
    QJsonArray steps;
    for (const BackwardStep& s : g.backward)
        steps.append(stepJson(g, s));
    o["steps"] = steps;
    o["output"] = g.output;
    o["canonical"] = q(g.expression.text().text);
    o["latex"] = q(g.expression.text().latex);
    o["precision"] = g.options.precision;
    o["central_difference"] = centralDifferenceJson(centralDifferenceCheck(g));
    if (e.marking)
        o["check"] = checkJson(*e.marking);
    return o;
}

QStringList gradJsonKeyOrder() {
    return {"format",        "expression", "at",       "value",   "gradient", "nodes",
            "steps",         "id",         "op",       "name",    "inputs",   "grad",
            "local",         "node",       "symbol",   "title",   "text",     "latex",
            "contributions", "through",    "upstream", "forward", "output",   "canonical"};
}

QString convolutionToText(const Convolution& c, const MathsExportExtras& e) {
    return workedToText(convolutionDocument(c, marking(e), e.markingSource));
}
QString convolutionToMarkdown(const Convolution& c, const MathsExportExtras& e) {
    return workedToMarkdown(convolutionDocument(c, marking(e), e.markingSource));
}
QString convolutionToLatex(const Convolution& c, const MathsExportExtras& e) {
    return workedToLatex(convolutionDocument(c, marking(e), e.markingSource));
}

QJsonObject convolutionToJson(const Convolution& c, const MathsExportExtras& e) {
    const ConvolutionProblem& p = c.problem;
    QJsonObject o;
    o["format"] = "backprop-lab.conv/1";
    o["mode"] = q(convolutionModeKey(p.mode));
    o["operation"] = q(c.operation.text);
    o["stride"] = p.stride;
    o["padding"] = p.padding;
    o["input"] = jsonMatrix(p.input);
    o["filter"] = jsonMatrix(p.filter);
    o["output"] = jsonMatrix(c.output);
    o["grad_output"] = jsonMatrix(c.gradOutput);
    o["grad_filter"] = jsonMatrix(c.gradFilter);
    o["grad_input"] = jsonMatrix(c.gradInput);
    auto steps = [](const std::vector<ConvElementStep>& list, bool windows) {
        QJsonArray out;
        for (const ConvElementStep& s : list) {
            QJsonObject x = formulaJson(s.formula);
            x["index"] = QJsonArray{s.row + 1, s.col + 1};
            if (windows) {
                QJsonArray covering;
                for (const ConvTerm& t : s.terms)
                    covering.append(QJsonArray{t.i + 1, t.j + 1});
                x["windows"] = covering;
            }
            out.append(x);
        }
        return out;
    };
    QJsonObject formulas;
    formulas["output"] = steps(c.forward, false);
    formulas["grad_filter"] = steps(c.backwardFilter, false);
    formulas["grad_input"] = steps(c.backwardInput, true);
    o["steps"] = formulas;
    o["precision"] = p.precision;
    if (e.marking)
        o["check"] = checkJson(*e.marking);
    return o;
}

QStringList convolutionJsonKeyOrder() {
    return {"format", "mode",   "operation",   "stride",      "padding",    "input",
            "filter", "output", "grad_output", "grad_filter", "grad_input", "steps",
            "index",  "text",   "latex",       "value",       "windows"};
}

QString poolingToText(const Pooling& r, const MathsExportExtras& e) {
    return workedToText(poolingDocument(r, marking(e), e.markingSource));
}
QString poolingToMarkdown(const Pooling& r, const MathsExportExtras& e) {
    return workedToMarkdown(poolingDocument(r, marking(e), e.markingSource));
}
QString poolingToLatex(const Pooling& r, const MathsExportExtras& e) {
    return workedToLatex(poolingDocument(r, marking(e), e.markingSource));
}

QJsonObject poolingToJson(const Pooling& r, const MathsExportExtras& e) {
    const PoolingProblem& p = r.problem;
    auto index = [](int row, int col) { return QJsonArray({row + 1, col + 1}); };
    QJsonObject root;
    root["format"] = "backprop-lab.pool/1";
    root["kind"] = q(poolingKindKey(p.kind));
    root["operation"] = q(r.operation.text);
    if (isAdaptive(p.kind)) {
        root["size"] = QJsonArray({p.outRows, p.outCols});
    } else {
        root["window"] = p.window;
        root["stride"] = p.stride;
        root["padding"] = p.padding;
    }
    root["input"] = jsonMatrix(p.input);
    root["output"] = jsonMatrix(r.output);
    root["grad_output"] = jsonMatrix(r.gradOutput);
    root["grad_input"] = jsonMatrix(r.gradInput);
    QJsonArray windows;
    for (const PoolWindow& w : r.windows) // 1-based, inclusive; may reach into the padding
        windows.append(QJsonArray({w.rowBegin + 1, w.rowEnd, w.colBegin + 1, w.colEnd}));
    root["windows"] = windows;
    if (isMaxPooling(p.kind)) {
        QJsonArray chosen;
        for (const auto& [a, b] : r.argMax)
            chosen.append(index(a, b));
        root["argmax"] = chosen;
    }
    auto steps = [&](const std::vector<PoolElementStep>& list, bool withWindows) {
        QJsonArray out;
        for (const PoolElementStep& s : list) {
            QJsonObject o;
            o["index"] = index(s.row, s.col);
            const Dual line = s.line();
            o["text"] = q(line.text);
            o["latex"] = q(line.latex);
            o["value"] = s.value;
            if (withWindows) {
                QJsonArray from;
                for (const auto& [i, j] : s.windows)
                    from.append(index(i, j));
                o["windows"] = from;
            }
            out.append(o);
        }
        return out;
    };
    root["steps"] =
        QJsonObject{{"output", steps(r.forward, false)}, {"grad_input", steps(r.backward, true)}};
    root["precision"] = p.precision;
    if (e.marking)
        root["check"] = checkJson(*e.marking);
    return root;
}

QStringList poolingJsonKeyOrder() {
    return {"format", "kind",   "operation",   "size",       "window",   "stride", "padding",
            "input",  "output", "grad_output", "grad_input", "windows",  "argmax", "steps",
            "index",  "text",   "latex",       "value",      "precision"};
}

} // namespace bpl::io
