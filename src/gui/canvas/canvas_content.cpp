#include "gui/canvas/canvas_content.h"

#include "io/qt_text.h"
#include "core/decision.h"
#include "core/number_format.h"
#include "core/truth_table.h"
#include "core/trace_formulas.h"
#include "gui/canvas/canvas_style.h"

#include <cmath>

namespace bpl::gui {

namespace {

QString num(const Trace& t, double x) { return q(formatNumber(x, t.options.precision)); }

QString eq(const Dual& symbol, const QString& value) { return q(symbol.text) + " = " + value; }

const Notation& notation(const Trace& t) { return t.options.notation; }

// The value an edge shows in its current mode.
double edgeValue(const Trace& t, const StepDisplay& d, int l, int i, int j) {
    switch (d.edgeMode(l)) {
    case EdgeMode::Weight: return t.network.layers[l].weights(i, j);
    case EdgeMode::Gradient: return t.gradients.weights[l](i, j);
    case EdgeMode::Update: return t.updated.layers[l].weights(i, j);
    }
    return 0;
}

// Beside a neuron (presentation, wide layers) two lines at most: what the step
// computed here (a and z; δ; ∂E/∂b; b old → new), else the latest value
// known (δ, else z); the rest is in the tooltip and the details.
void keepBesideLines(NeuronContent& c, const CanvasStyle& style, bool forwardKnown, bool deltaKnown) {
    std::vector<ValueLine> kept;
    const ValueLine& delta = c.lines[2];
    if (c.captionFresh) {
        // "b₁⁽²⁾: 0" over "→ 0.1", or "∂E/∂b₁⁽²⁾" over "= -0.0544836" (it equals δ, so δ is left out).
        QStringList parts = compactLines(c.caption, true);
        const qsizetype equals = c.caption.indexOf(QStringLiteral(" = "));
        if (parts.size() == 1 && equals > 0) parts = {c.caption.left(equals), c.caption.mid(equals + 1)};
        for (const QString& part : parts) kept.push_back({part, style.fresh, true});
    } else {
        for (const ValueLine& line : c.lines) {
            if (line.fresh) kept.push_back(line);
        }
        if (kept.empty() && deltaKnown) kept.push_back(delta);
        else if (kept.empty() && forwardKnown) kept.push_back(c.lines[1]);
    }
    c.lines = std::move(kept);
    c.caption.clear();
    c.captionFresh = false;
    c.beside = true;
}

} // namespace

NeuronContent neuronContent(const Trace& t, const StepDisplay& d, const CanvasStyle& style, int l, int i,
                            bool detailed, bool beside) {
    const Notation& n = notation(t);
    const Layer& layer = t.network.layers[l];
    NeuronContent c;
    c.input = l == 0;
    c.active = d.activeLayer == l;
    c.symbol = l == 0 && static_cast<int>(layer.labels.size()) == layer.size ? q(layer.labels[i]) : q(n.activation(l, i).text);
    if (!detailed) return c;
    const QString unknown = QStringLiteral("?");
    if (l == 0) {
        c.lines.push_back({eq(n.activation(0, i), num(t, t.forward.z[0][i])), style.text, false});
        // ∂E/∂x, when the trace has its step: "?" until the stepper reaches it.
        if (t.options.inputGradient) {
            const bool known = d.inputGradientKnown;
            c.lines.push_back({eq(n.gradInput(i), known ? num(t, t.inputGradient[i]) : unknown),
                               known ? style.delta : style.mutedText, d.freshInputGradient()});
        }
        c.beside = beside;
        return c;
    }
    const bool known = d.forwardKnown(l);
    const bool fresh = d.freshForward(l);
    c.lines.push_back({eq(n.preActivation(l, i), known ? num(t, t.forward.a[l][i]) : unknown),
                       known ? style.text : style.mutedText, fresh});
    c.lines.push_back({eq(n.activation(l, i), known ? num(t, t.forward.z[l][i]) : unknown),
                       known ? style.text : style.mutedText, fresh});
    const bool deltaKnown = d.deltaKnown(l);
    c.lines.push_back({eq(n.deltaSym(l, i), deltaKnown ? num(t, t.gradients.delta[l][i]) : unknown),
                       deltaKnown ? style.delta : style.mutedText, d.freshDelta(l)});

    // The bias caption follows the edges into this layer: b, then ∂E/∂b, then old → new.
    switch (d.edgeMode(l)) {
    case EdgeMode::Weight:
        c.caption = eq(n.bias(l, i), num(t, layer.bias[i]));
        c.captionColour = style.mutedText;
        break;
    case EdgeMode::Gradient:
        c.caption = eq(n.gradBias(l, i), num(t, t.gradients.bias[l][i]));
        c.captionColour = t.gradients.bias[l][i] < 0 ? style.gradNegative : style.gradPositive;
        c.captionFresh = d.freshGradient(l);
        break;
    case EdgeMode::Update:
        c.caption = q(n.bias(l, i).text) + ": " + num(t, layer.bias[i]) + " → " + num(t, t.updated.layers[l].bias[i]);
        c.captionColour = style.text;
        c.captionFresh = d.freshUpdate(l);
        break;
    }
    if (c.captionFresh) c.captionColour = style.fresh;
    if (beside) keepBesideLines(c, style, known, deltaKnown);
    return c;
}

QString neuronToolTip(const Trace& t, const StepDisplay& d, int l, int i) {
    const Notation& n = notation(t);
    const Layer& layer = t.network.layers[l];
    QStringList lines;
    QString name = layerTitle(t, l) + QStringLiteral(", neuron %1").arg(i + 1);
    if (static_cast<int>(layer.labels.size()) == layer.size) name += " (" + q(layer.labels[i]) + ")";
    lines << name;
    if (l == 0) {
        lines << eq(n.activation(0, i), num(t, t.forward.z[0][i]));
        if (d.inputGradientKnown)
            lines << eq(n.gradInput(i), num(t, t.inputGradient[i]));
        return lines.join('\n');
    }
    lines << eq(n.bias(l, i), num(t, layer.bias[i]));
    if (d.forwardKnown(l)) {
        lines << eq(n.preActivation(l, i), num(t, t.forward.a[l][i])) << eq(n.activation(l, i), num(t, t.forward.z[l][i]));
    }
    if (d.deltaKnown(l)) lines << eq(n.deltaSym(l, i), num(t, t.gradients.delta[l][i]));
    if (d.updateKnown(l)) lines << eq(n.newBias(l, i), num(t, t.updated.layers[l].bias[i]));
    lines << QObject::tr("Click to edit the bias; ↑/↓ nudge it.");
    return lines.join('\n');
}

double largestEdgeValue(const Trace& t, const StepDisplay& d) {
    double largest = 0;
    for (int l = 1; l < t.network.layerCount(); ++l) {
        const EdgeMode mode = d.edgeMode(l);
        const Eigen::MatrixXd& m = mode == EdgeMode::Weight     ? t.network.layers[l].weights
                                   : mode == EdgeMode::Gradient ? t.gradients.weights[l]
                                                                : t.updated.layers[l].weights;
        if (m.size() > 0) largest = std::max(largest, m.cwiseAbs().maxCoeff());
    }
    return largest;
}

EdgeLook edgeLook(const Trace& t, const StepDisplay& d, const CanvasStyle& style, int l, int i, int j,
                  double largest) {
    EdgeLook look;
    const double v = edgeValue(t, d, l, i, j);
    const bool gradient = d.edgeMode(l) == EdgeMode::Gradient;
    if (v == 0) {
        look.colour = style.zero;
        look.dashed = true;
    } else if (gradient) {
        look.colour = v > 0 ? style.gradPositive : style.gradNegative;
    } else {
        look.colour = v > 0 ? style.positive : style.negative;
    }
    const double thin = style.lineWidth * 0.8;
    const double share = largest > 0 && std::isfinite(v) ? std::abs(v) / largest : 0.0;
    look.width = thin + (style.maxEdgeWidth() - thin) * std::sqrt(std::min(share, 1.0));
    look.active = d.edgesActive(l);
    look.backward = d.backward;
    look.dimmed = d.step != nullptr && !look.active;
    return look;
}

QStringList edgeLabelLines(const Trace& t, const StepDisplay& d, int l, int i, int j) {
    const Notation& n = notation(t);
    switch (d.edgeMode(l)) {
    case EdgeMode::Weight: return {q(n.weight(l, i, j).text), num(t, t.network.layers[l].weights(i, j))};
    case EdgeMode::Gradient: return {q(n.gradWeight(l, i, j).text), num(t, t.gradients.weights[l](i, j))};
    case EdgeMode::Update:
        // Old and new on two lines keep the label narrow enough to sit between two columns.
        return {q(n.weight(l, i, j).text), num(t, t.network.layers[l].weights(i, j)),
                "→ " + num(t, t.updated.layers[l].weights(i, j))};
    }
    return {};
}

QString edgeToolTip(const Trace& t, const StepDisplay& d, int l, int i, int j) {
    const Notation& n = notation(t);
    QStringList lines;
    lines << QObject::tr("Weight from neuron %1 of layer %2 to neuron %3 of layer %4")
                 .arg(j + 1)
                 .arg(n.displayLayer(l - 1))
                 .arg(i + 1)
                 .arg(n.displayLayer(l));
    lines << eq(n.weight(l, i, j), num(t, t.network.layers[l].weights(i, j)));
    if (d.gradientKnown(l)) lines << eq(n.gradWeight(l, i, j), num(t, t.gradients.weights[l](i, j)));
    if (d.updateKnown(l)) lines << eq(n.newWeight(l, i, j), num(t, t.updated.layers[l].weights(i, j)));
    lines << QObject::tr("Click to edit; ↑/↓ nudge it.");
    return lines.join('\n');
}

QString layerTitle(const Trace& t, int l) {
    return QObject::tr("Layer %1").arg(notation(t).displayLayer(l));
}

QString layerSubtitle(const Trace& t, int l) {
    const Layer& layer = t.network.layers[l];
    if (l == 0) return layer.size == 1 ? QObject::tr("input, 1 unit") : QObject::tr("input, %1 units").arg(layer.size);
    const QString h = q(formulas::activationSymbol(layer.activation).text);
    const QString name = q(activationName(layer.activation.kind));
    // "ReLU", not "ReLU relu": the name only where the symbol does not already say it.
    const QString what = h.compare(name, Qt::CaseInsensitive) == 0 ? h : h + " " + name;
    if (l == t.network.lastLayer()) return QObject::tr("output, %1 × %2").arg(layer.size).arg(what);
    return QObject::tr("%1 × %2").arg(layer.size).arg(what);
}

QStringList lossLines(const Trace& t, const StepDisplay& d, int* freshLine) {
    const Notation& n = notation(t);
    QStringList lines;
    lines << QObject::tr("Loss: %1").arg(q(lossName(t.network.loss)));
    for (int k = 0; k < t.network.outputSize(); ++k) lines << eq(n.target(k), num(t, t.sample.target[k]));
    lines << (d.lossKnown ? QStringLiteral("E = ") + num(t, t.loss) : QStringLiteral("E = ?"));
    *freshLine = d.freshLoss() ? static_cast<int>(lines.size()) - 1 : -1;
    lines << QStringLiteral("η = ") + num(t, t.learningRate);
    // The class the exercise reads off the output, once the forward pass has reached it.
    if (d.forwardKnown(t.network.lastLayer())) {
        if (const auto decision = classDecision(t.network, t.forward.output(), n, t.options.precision)) {
            // "Decision:" and one short line per output, so the box stays narrow.
            lines << QObject::tr("Decision:");
            for (const QString& part : q(decision->text.text).split(QStringLiteral("; "))) lines << part;
        }
    }
    return lines;
}

QString truthTableHtml(const Trace& t, const CanvasStyle& style) {
    if (!isLogicNetwork(t.network)) return {};
    const auto table = truthTable(t.network);
    if (!table) return {};
    const Notation& n = notation(t);
    const int last = t.network.lastLayer();
    const QString cell = QStringLiteral("<td align=\"center\" style=\"padding: 1px 8px;\">%1</td>");
    QString html = QObject::tr("<p><b>Truth table</b> (every 0/1 input through the step units)</p>") +
                   "<table cellspacing=\"0\" style=\"border-collapse: collapse;\"><tr>";
    for (int l = 0; l <= last; ++l) {
        for (int i = 0; i < t.network.layers[l].size; ++i) {
            html += cell.arg("<b>" + q(n.activation(l, i).text).toHtmlEscaped() + "</b>");
        }
    }
    html += "</tr>";
    // Rows the file declares, by their inputs, to mark where the network disagrees.
    const int inputs = t.network.inputSize();
    for (const TruthRow& row : *table) {
        QString expected;
        for (const auto& declared : t.network.declaredTruthTable) {
            if (static_cast<int>(declared.size()) != inputs + t.network.outputSize()) continue;
            if (Eigen::Map<const Eigen::VectorXd>(declared.data(), inputs) != row.input) continue;
            const Eigen::Map<const Eigen::VectorXd> said(declared.data() + inputs, t.network.outputSize());
            if (said != row.output) {
                QStringList v;
                for (Eigen::Index k = 0; k < said.size(); ++k) v << num(t, said[k]);
                expected = QObject::tr(" ⚠ the file says %1").arg(v.join(", "));
            }
        }
        html += "<tr>";
        auto add = [&](const Eigen::VectorXd& v, bool strong) {
            for (Eigen::Index k = 0; k < v.size(); ++k) html += cell.arg(strong ? "<b>" + num(t, v[k]) + "</b>" : num(t, v[k]));
        };
        add(row.input, false);
        for (const Eigen::VectorXd& h : row.hidden) add(h, false);
        add(row.output, true);
        if (!expected.isEmpty()) {
            html += QStringLiteral("<td style=\"color: %1;\">%2</td>").arg(style.negative.name(), expected.toHtmlEscaped());
        }
        html += "</tr>";
    }
    return html + "</table>";
}

} // namespace bpl::gui
