#include "io/trace_export.h"

#include "core/answer_check.h"
#include "core/decision.h"
#include "core/linear_collapse.h"
#include "core/number_format.h"
#include "core/truth_table.h"
#include "io/json_writer.h"
#include "io/qt_text.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

namespace bpl::io {

namespace {

QString header(const Trace& t) {
    return t.network.name.empty() ? QStringLiteral("Worked solution")
                                  : QStringLiteral("Worked solution: ") + q(t.network.name);
}

QString layerDescription(const Network& net, int l, const Notation& n) {
    const Layer& layer = net.layers[l];
    QString s = QStringLiteral("layer %1: %2 ").arg(n.displayLayer(l)).arg(layer.size);
    if (l == 0) return s + (layer.size == 1 ? "input" : "inputs");
    s += q(activationName(layer.activation.kind));
    if (layer.activation.kind == Activation::LeakyRelu) {
        s += QStringLiteral(" (α = %1)").arg(q(formatNumber(layer.activation.alpha, 6)));
    }
    return s + (layer.size == 1 ? " neuron" : " neurons");
}

// W^{(2)}^{\mathsf{T}} is a double superscript to TeX (and MathJax): write W^{(2)\mathsf{T}}.
QString joinDoubleScripts(QString latex) {
    static const QRegularExpression twice(R"(\^\{([^{}]*)\}\^\{)");
    return latex.replace(twice, "^{\\1");
}

// The worst parameter is named in the trace's notation (∂E/∂w₂₁⁽¹⁾), as everywhere else.
QString gradientCheckLine(const Trace& t, const GradientCheck& g, bool latex = false) {
    const Dual worst = quantitySymbol(t, g.worst);
    return QStringLiteral("Gradient check (central differences, h = %1): largest relative error %2 "
                          "over %3 parameters (at %4) — %5")
        .arg(q(formatNumber(g.step, 3)), q(formatNumber(g.maxRelativeError, 3)))
        .arg(g.parametersChecked)
        .arg(latex ? "$" + q(worst.latex) + "$" : q(worst.text))
        .arg(g.maxRelativeError < 1e-5 ? "backpropagation agrees" : "CHECK FAILED");
}

// The collapse shown under a forward step (only with TraceOptions::linearCollapse).
std::optional<LinearCollapse> shownCollapse(const Trace& t, const Step& step) {
    if (!t.options.linearCollapse || step.kind != StepKind::Forward)
        return std::nullopt;
    return linearCollapseAt(t.network, t.forward, step.layer, t.options.notation);
}

} // namespace

QString vectorText(const Eigen::VectorXd& v, int precision) {
    return q(formatVector(v, precision));
}

QString matrixText(const Eigen::MatrixXd& m, int precision) {
    return q(formatMatrix(m, precision));
}

QString matrixLatex(const Eigen::MatrixXd& m, int precision) {
    QStringList rows;
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        QStringList parts;
        for (Eigen::Index j = 0; j < m.cols(); ++j) parts << q(formatDual(m(i, j), precision).latex);
        rows << parts.join(" & ");
    }
    return "\\begin{pmatrix}" + rows.join(" \\\\ ") + "\\end{pmatrix}";
}

QString matrixCsv(const Eigen::MatrixXd& m) {
    QStringList rows;
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        QStringList parts;
        for (Eigen::Index j = 0; j < m.cols(); ++j) parts << QString::fromLatin1(jsonNumber(m(i, j)));
        rows << parts.join(",");
    }
    return rows.join("\n") + "\n";
}

// The truth table of a step-unit network, one row per 0/1 input, with every
// hidden unit's value between the input and the output columns.
static QString truthTableText(const Trace& t) {
    if (!isLogicNetwork(t.network)) return {};
    const auto table = truthTable(t.network);
    if (!table) return {};
    const Notation& n = t.options.notation;
    const int last = t.network.lastLayer();
    QStringList head;
    for (int l = 0; l <= last; ++l) {
        for (int i = 0; i < t.network.layers[l].size; ++i) head << q(n.activation(l, i).text);
    }
    QString out = "Truth table (every 0/1 input through the step units)\n  " + head.join("  ") + "\n";
    for (const TruthRow& row : *table) {
        QStringList cells;
        auto add = [&](const Eigen::VectorXd& v) {
            for (Eigen::Index k = 0; k < v.size(); ++k) cells << q(formatNumber(v[k], t.options.precision));
        };
        add(row.input);
        for (const Eigen::VectorXd& h : row.hidden) add(h);
        add(row.output);
        for (int c = 0; c < cells.size(); ++c) cells[c] = cells[c].leftJustified(head[c].size());
        out += "  " + cells.join("  ") + "\n";
    }
    return out + "\n";
}

QString traceToText(const Trace& t, const ExportExtras& extras) {
    const Notation& n = t.options.notation;
    const int p = t.options.precision;
    QString out;
    out += header(t) + "\n";
    out += QString(header(t).size(), QChar('=')) + "\n\n";
    if (!t.network.description.empty()) out += q(t.network.description) + "\n\n";
    out += "Notation: " + q(n.title) + ". Numbers to " + QString::number(p) + " significant figures.\n\n";
    out += "Network\n";
    for (int l = 0; l < t.network.layerCount(); ++l) {
        out += "  " + layerDescription(t.network, l, n) + "\n";
        if (l > 0) {
            const std::string w = std::to_string(n.weightLayer(l));
            out += "    W" + q(superscript("(" + w + ")")) + " = " + matrixText(t.network.layers[l].weights, p) + "\n";
            out += "    " + q(n.biasAsWeightZero ? "W₀" : "b") + q(superscript("(" + w + ")")) + " = " +
                   vectorText(t.network.layers[l].bias, p) + "\n";
        }
    }
    out += "  loss: " + q(lossName(t.network.loss)) + ", learning rate η = " + q(formatNumber(t.learningRate, p)) + "\n";
    out += "  input " + q(n.act) + q(superscript("(" + std::to_string(n.displayLayer(0)) + ")")) + " = " +
           vectorText(t.sample.input, p) + ", target t = " + vectorText(t.sample.target, p) + "\n\n";
    for (size_t s = 0; s < t.steps.size(); ++s) {
        const Step& step = t.steps[s];
        out += QStringLiteral("Step %1. ").arg(s + 1) + q(step.title.text) + "\n";
        if (!step.vectorFormula.text.empty()) out += "  " + q(step.vectorFormula.text) + "\n";
        for (const ScalarFormula& f : step.scalars) {
            for (const ScalarFormula& w : f.working) out += "  " + q(w.line().text) + "\n";
            out += "  " + q(f.line().text) + "\n";
        }
        if (const auto c = shownCollapse(t, step)) {
            for (const std::string& line : linearCollapseLines(*c, n, p))
                out += "  " + q(line) + "\n";
        }
        if (!step.note.empty()) out += "  Note: " + q(step.note) + "\n";
        out += "\n";
    }
    out += truthTableText(t);
    out += "Result\n";
    out += "  loss E = " + q(formatNumber(t.loss, p)) + "\n";
    out += "  output = " + vectorText(t.forward.output(), p) + "\n";
    if (const auto d = classDecision(t.network, t.forward.output(), n, p)) out += "  decision: " + q(d->text.text) + "\n";
    for (const auto& w : solutionWarnings(t)) out += "  Warning: " + q(w) + "\n";
    if (extras.gradientCheck) out += "  " + gradientCheckLine(t, *extras.gradientCheck) + "\n";
    return out;
}

QString traceToMarkdown(const Trace& t, const ExportExtras& extras) {
    const Notation& n = t.options.notation;
    const int p = t.options.precision;
    QString out = "# " + header(t) + "\n\n";
    if (!t.network.description.empty()) out += q(t.network.description) + "\n\n";
    out += "*Notation: " + q(n.title) + ". Numbers to " + QString::number(p) + " significant figures.*\n\n";
    out += "## Network\n\n| layer | neurons | activation | weights | bias |\n|---|---|---|---|---|\n";
    for (int l = 0; l < t.network.layerCount(); ++l) {
        const Layer& layer = t.network.layers[l];
        out += QStringLiteral("| %1 | %2 | ").arg(n.displayLayer(l)).arg(layer.size);
        if (l == 0) {
            out += "input | | |\n";
            continue;
        }
        out += q(activationName(layer.activation.kind)) + " | $" + matrixLatex(layer.weights, p) + "$ | $" +
               matrixLatex(layer.bias, p) + "$ |\n";
    }
    out += "\nLoss: `" + q(lossName(t.network.loss)) + "`, learning rate $\\eta = " +
           q(formatDual(t.learningRate, p).latex) + "$, input $" + matrixLatex(t.sample.input.transpose(), p) +
           "$, target $" + matrixLatex(t.sample.target.transpose(), p) + "$.\n\n";
    for (size_t s = 0; s < t.steps.size(); ++s) {
        const Step& step = t.steps[s];
        out += QStringLiteral("## Step %1. ").arg(s + 1) + q(step.title.text) + "\n\n";
        if (!step.vectorFormula.latex.empty()) out += "$$" + q(step.vectorFormula.latex) + "$$\n\n";
        for (const ScalarFormula& f : step.scalars) {
            for (const ScalarFormula& w : f.working) out += "- $" + q(w.line().latex) + "$\n";
            out += "- $" + q(f.line().latex) + "$\n";
        }
        if (!step.note.empty()) out += "\n> " + q(step.note) + "\n";
        out += "\n";
    }
    out += "## Result\n\n- Loss $E = " + q(formatDual(t.loss, p).latex) + "$\n- Output $" +
           matrixLatex(t.forward.output().transpose(), p) + "$\n";
    if (const auto d = classDecision(t.network, t.forward.output(), n, p)) out += "- Decision $" + q(d->text.latex) + "$\n";
    for (const auto& w : solutionWarnings(t)) out += "- **Warning:** " + q(w) + "\n";
    if (extras.gradientCheck) out += "- " + gradientCheckLine(t, *extras.gradientCheck) + "\n";
    return joinDoubleScripts(out);
}

QString traceToLatex(const Trace& t, const ExportExtras& extras) {
    const Notation& n = t.options.notation;
    const int p = t.options.precision;
    auto esc = [](QString s) {
        s.replace("\\", "\\textbackslash{}");
        for (const char* c : {"&", "%", "$", "#", "_", "{", "}"}) s.replace(c, QString("\\") + c);
        return s;
    };
    QString out;
    out += "\\documentclass[11pt]{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n"
           "\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n\\allowdisplaybreaks\n"
           "\\title{" + esc(header(t)) + "}\n\\date{}\n\\begin{document}\n\\maketitle\n\n";
    out += "Notation: " + esc(q(n.description)).replace("⁽ˡ⁾", "$^{(l)}$").replace("⁽ˡ⁻¹⁾", "$^{(l-1)}$").replace("₀", "$_0$") +
           " Numbers to " + QString::number(p) + " significant figures.\n\n";
    out += "\\section*{Network}\n\\begin{align*}\n";
    for (int l = 1; l < t.network.layerCount(); ++l) {
        const QString w = QString::number(n.weightLayer(l));
        out += "W^{(" + w + ")} &= " + matrixLatex(t.network.layers[l].weights, p) + ", & " +
               (n.biasAsWeightZero ? "W_0" : "b") + "^{(" + w + ")} &= " +
               matrixLatex(t.network.layers[l].bias, p) + " \\\\\n";
    }
    out += "\\end{align*}\nLoss: \\texttt{" + esc(q(lossName(t.network.loss))) + "}, learning rate $\\eta = " +
           q(formatDual(t.learningRate, p).latex) + "$, input $" + matrixLatex(t.sample.input.transpose(), p) +
           "$, target $" + matrixLatex(t.sample.target.transpose(), p) + "$.\n\n";
    for (size_t s = 0; s < t.steps.size(); ++s) {
        const Step& step = t.steps[s];
        out += QStringLiteral("\\section*{Step %1. ").arg(s + 1) + esc(q(step.title.text)) + "}\n";
        if (!step.vectorFormula.latex.empty()) out += "\\[" + q(step.vectorFormula.latex) + "\\]\n";
        auto align = [&out](const ScalarFormula& f) {
            out += "\\begin{align*}\n" + q(f.lhs.latex);
            if (!f.symbolic.latex.empty()) out += " &= " + q(f.symbolic.latex) + " \\\\\n";
            if (!f.substituted.latex.empty() && f.substituted.text != f.result.text) {
                out += " &= " + q(f.substituted.latex) + " \\\\\n";
            }
            out += " &= " + q(f.result.latex) + "\n\\end{align*}\n";
        };
        for (const ScalarFormula& f : step.scalars) {
            for (const ScalarFormula& w : f.working) align(w);
            align(f);
        }
        if (!step.note.empty()) out += "\\emph{" + esc(q(step.note)) + "}\n\n";
    }
    out += "\\section*{Result}\nLoss $E = " + q(formatDual(t.loss, p).latex) + "$, output $" +
           matrixLatex(t.forward.output().transpose(), p) + "$.\n\n";
    if (const auto d = classDecision(t.network, t.forward.output(), n, p)) out += "Decision: $" + q(d->text.latex) + "$.\n\n";
    if (extras.gradientCheck) out += gradientCheckLine(t, *extras.gradientCheck, true) + "\n\n";
    out += "\\end{document}\n";
    // Unicode symbols in notes and notation titles, for pdflatex.
    out.replace("δ", "$\\delta$").replace("σ", "$\\sigma$").replace("η", "$\\eta$").replace("∂", "$\\partial$")
        .replace("′", "$'$").replace("−", "-").replace("⊙", "$\\odot$").replace("Σ", "$\\Sigma$")
        .replace("ₖ", "$_k$").replace("ⱼ", "$_j$").replace("ᴸ", "$^L$").replace("ˡ", "$^l$")
        .replace("—", "---").replace("α", "$\\alpha$");
    // The optimizers' notes (β₁ before β, so the subscript stays with its letter).
    out.replace("β₁", "$\\beta_1$").replace("β₂", "$\\beta_2$").replace("β", "$\\beta$")
        .replace("ε", "$\\varepsilon$").replace("m\u0302", "$\\hat{m}$").replace("v\u0302", "$\\hat{v}$");
    return joinDoubleScripts(out);
}

namespace {

QJsonArray vec(const Eigen::VectorXd& v) {
    QJsonArray a;
    for (Eigen::Index k = 0; k < v.size(); ++k) a.append(v[k]);
    return a;
}

QJsonArray mat(const Eigen::MatrixXd& m) {
    QJsonArray rows;
    for (Eigen::Index i = 0; i < m.rows(); ++i) rows.append(vec(m.row(i).transpose()));
    return rows;
}

QJsonObject formulaJson(const ScalarFormula& f) {
    QJsonObject o;
    o["value"] = f.value;
    o["symbol"] = q(f.lhs.text);
    o["symbolic"] = q(f.symbolic.text);
    o["substituted"] = q(f.substituted.text);
    o["text"] = q(f.line().text);
    o["latex"] = q(f.line().latex);
    return o;
}

// The optimizer of the update (Backprop Lab extension, docs/formats/trace-output.md).
QJsonObject optimizerJson(const OptimizerSettings& s, long t) {
    QJsonObject o;
    o["name"] = q(optimizerKey(s.kind));
    o["learning_rate"] = s.learningRate;
    switch (s.kind) {
    case OptimizerKind::Momentum:
    case OptimizerKind::RmsProp: o["beta"] = s.beta; break;
    case OptimizerKind::Adam:
        o["beta1"] = s.beta1;
        o["beta2"] = s.beta2;
        o["bias_correction"] = s.biasCorrection;
        break;
    default: break;
    }
    if (s.kind != OptimizerKind::Momentum && s.kind != OptimizerKind::Sgd) o["epsilon"] = s.effectiveEpsilon();
    o["t"] = static_cast<double>(t);
    return o;
}

QJsonObject refJson(const QuantityRef& r) {
    QJsonObject o;
    o["quantity"] = q(quantityKey(r.quantity));
    if (r.quantity == Quantity::Loss) return o;
    o["layer"] = r.layer;
    QJsonArray index{r.i + 1};
    if (r.j >= 0) index.append(r.j + 1);
    o["index"] = index;
    return o;
}

} // namespace

QJsonObject traceToJson(const Trace& t, const ExportExtras& extras) {
    QJsonObject root;
    root["loss"] = t.loss;
    root["output"] = vec(t.forward.output());
    QJsonArray layers;
    for (int l = 0; l < t.network.layerCount(); ++l) {
        QJsonObject o;
        o["index"] = l;
        o["z"] = vec(t.forward.z[l]);
        if (l == 0 && t.options.inputGradient)
            o["grad_input"] = vec(t.inputGradient);
        if (l > 0) {
            o["a"] = vec(t.forward.a[l]);
            o["delta"] = vec(t.gradients.delta[l]);
            o["grad_weights"] = mat(t.gradients.weights[l]);
            o["grad_bias"] = vec(t.gradients.bias[l]);
            o["new_weights"] = mat(t.updated.layers[l].weights);
            o["new_bias"] = vec(t.updated.layers[l].bias);
            o["activation"] = q(activationName(t.network.layers[l].activation.kind));
            o["delta_norm"] = t.deltaNorms[l];
            o["grad_weights_norm"] = t.gradWeightNorms[l];
            if (t.optimizer) {
                const OptimizerState& st = t.optimizerAfter;
                QJsonObject state;
                state["m_weights"] = mat(st.mWeights[l]);
                state["v_weights"] = mat(st.vWeights[l]);
                state["m_bias"] = vec(st.mBias[l]);
                state["v_bias"] = vec(st.vBias[l]);
                state["t"] = static_cast<double>(st.t);
                o["optimizer_state"] = state;
            }
        }
        layers.append(o);
    }
    root["layers"] = layers;
    root["learning_rate"] = t.learningRate;
    root["loss_function"] = q(lossName(t.network.loss));
    root["notation"] = q(t.options.notation.id);
    if (t.optimizer) root["optimizer"] = optimizerJson(*t.optimizer, t.optimizerAfter.t);
    QJsonArray steps;
    for (const Step& step : t.steps) {
        QJsonObject s;
        s["kind"] = q(stepKindKey(step.kind));
        s["layer"] = step.layer;
        s["title"] = q(step.title.text);
        if (!step.note.empty()) s["note"] = q(step.note);
        s["formula"] = q(step.vectorFormula.text);
        s["formula_latex"] = q(step.vectorFormula.latex);
        QJsonArray scalars;
        for (const ScalarFormula& f : step.scalars) {
            QJsonObject o = refJson(f.ref);
            const QJsonObject lines = formulaJson(f);
            for (auto it = lines.begin(); it != lines.end(); ++it) o[it.key()] = it.value();
            if (!f.working.empty()) {
                QJsonArray working;
                for (const ScalarFormula& w : f.working) working.append(formulaJson(w));
                o["working"] = working;
            }
            QJsonArray inputs;
            for (const QuantityRef& r : f.inputs) inputs.append(refJson(r));
            o["inputs"] = inputs;
            scalars.append(o);
        }
        s["scalars"] = scalars;
        if (const auto c = shownCollapse(t, step)) {
            QJsonObject o;
            o["first_layer"] = c->first;
            o["weights"] = mat(c->weights);
            o["bias"] = vec(c->bias);
            o["output"] = vec(c->output);
            o["largest_difference"] = c->largestDifference;
            o["formula"] = q(c->weightsFormula.text + ", " + c->biasFormula.text);
            s["linear_collapse"] = o;
        }
        steps.append(s);
    }
    root["steps"] = steps;
    QJsonArray warnings;
    for (const auto& w : solutionWarnings(t)) warnings.append(q(w));
    root["warnings"] = warnings;
    if (const auto d = classDecision(t.network, t.forward.output(), t.options.notation, t.options.precision)) {
        QJsonObject o;
        if (d->rule == ClassDecision::Rule::ArgMax) {
            o["rule"] = "argmax";
            o["class"] = d->classes.front();
        } else {
            o["rule"] = "threshold";
            o["threshold"] = d->threshold;
            QJsonArray classes;
            for (int c : d->classes) classes.append(c);
            o["classes"] = classes;
        }
        root["decision"] = o;
    }
    if (isLogicNetwork(t.network)) {
        if (const auto table = truthTable(t.network)) {
            QJsonArray rows;
            for (const TruthRow& row : *table) {
                QJsonObject r;
                r["input"] = vec(row.input);
                QJsonArray hidden;
                for (const Eigen::VectorXd& h : row.hidden) hidden.append(vec(h));
                r["hidden"] = hidden;
                r["output"] = vec(row.output);
                rows.append(r);
            }
            root["truth_table"] = rows;
        }
    }
    if (extras.gradientCheck) {
        const GradientCheck& g = *extras.gradientCheck;
        QJsonObject o;
        o["worst"] = refJson(g.worst);
        o["max_relative_error"] = g.maxRelativeError;
        o["max_absolute_error"] = g.maxAbsoluteError;
        o["parameters"] = g.parametersChecked;
        o["step"] = g.step;
        root["gradient_check"] = o;
    }
    return root;
}

} // namespace bpl::io
