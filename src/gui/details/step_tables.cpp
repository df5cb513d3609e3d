#include "gui/details/step_tables.h"

#include "core/linear_collapse.h"
#include "gui/details/matrix_table.h"

#include <QHBoxLayout>

namespace bpl::gui {

namespace {

Dual withLayer(const std::string& letter, const std::string& latex, int layer) {
    const std::string s = std::to_string(layer);
    return Dual(letter + superscript("(" + s + ")"), latex + "^{(" + s + ")}");
}

Dual grad(const Dual& of) {
    return Dual("∂E/∂" + of.text, "\\frac{\\partial E}{\\partial " + of.latex + "}");
}

Dual newOf(const Dual& of) { return Dual("new " + of.text, "{" + of.latex + "}_{\\text{new}}"); }

Eigen::MatrixXd column(const Eigen::VectorXd& v) { return v; }

// m₃(W⁽²⁾): the optimizer's state letter after update t, for parameter matrix p.
Dual stateOf(const std::string& letter, long t, const Dual& p) {
    const std::string s = std::to_string(t);
    return Dual(letter + subscript(s) + "(" + p.text + ")", letter + "_{" + s + "}(" + p.latex + ")");
}

// An optimizer's update: the parameters, their gradients, the state after the
// update (m and/or v, G for AdaGrad) and the new parameters.
void addOptimizerMatrices(const Trace& t, int l, const Dual& W, const Dual& b, std::vector<NamedMatrix>& out) {
    const OptimizerKind kind = t.optimizer->kind;
    const OptimizerState& s = t.optimizerAfter;
    const bool usesM = kind == OptimizerKind::Momentum || kind == OptimizerKind::Adam;
    const bool usesV = kind == OptimizerKind::RmsProp || kind == OptimizerKind::Adam || kind == OptimizerKind::AdaGrad;
    const std::string vLetter = kind == OptimizerKind::AdaGrad ? "G" : "v";
    out.push_back({W, t.network.layers[l].weights});
    out.push_back({grad(W), t.gradients.weights[l]});
    if (usesM) out.push_back({stateOf("m", s.t, W), s.mWeights[l]});
    if (usesV) out.push_back({stateOf(vLetter, s.t, W), s.vWeights[l]});
    out.push_back({newOf(W), t.updated.layers[l].weights});
    out.push_back({b, column(t.network.layers[l].bias)});
    out.push_back({grad(b), column(t.gradients.bias[l])});
    if (usesM) out.push_back({stateOf("m", s.t, b), column(s.mBias[l])});
    if (usesV) out.push_back({stateOf(vLetter, s.t, b), column(s.vBias[l])});
    out.push_back({newOf(b), column(t.updated.layers[l].bias)});
}

} // namespace

std::vector<NamedMatrix> stepMatrices(const Trace& t, const Step* step) {
    const Notation& n = t.options.notation;
    auto a = [&](int l) { return withLayer(n.pre, n.preLatex, n.displayLayer(l)); };
    auto z = [&](int l) { return withLayer(n.act, n.actLatex, n.displayLayer(l)); };
    auto d = [&](int l) { return withLayer(n.delta, n.deltaLatex, n.displayLayer(l)); };
    auto W = [&](int l) { return withLayer("W", "W", n.weightLayer(l)); };
    auto b = [&](int l) {
        return n.biasAsWeightZero ? withLayer("W₀", "W_0", n.weightLayer(l)) : withLayer("b", "b", n.weightLayer(l));
    };
    const Dual target("t", "t");
    std::vector<NamedMatrix> out;
    if (!step) {
        out.push_back({z(0), column(t.sample.input)});
        out.push_back({target, column(t.sample.target)});
        return out;
    }
    const int l = step->layer;
    const int L = t.network.lastLayer();
    switch (step->kind) {
    case StepKind::Forward:
        out.push_back({W(l), t.network.layers[l].weights});
        out.push_back({b(l), column(t.network.layers[l].bias)});
        out.push_back({z(l - 1), column(t.forward.z[l - 1])});
        out.push_back({a(l), column(t.forward.a[l])});
        out.push_back({z(l), column(t.forward.z[l])});
        // Consecutive linear layers: the one layer they make, and its output.
        if (const auto c = linearCollapseAt(t.network, t.forward, l, n)) {
            out.push_back({c->weightsFormula, c->weights});
            out.push_back({c->biasFormula, column(c->bias)});
            out.push_back({c->outputFormula, column(c->output)});
        }
        break;
    case StepKind::Loss:
        out.push_back({z(L), column(t.forward.z[L])});
        out.push_back({target, column(t.sample.target)});
        out.push_back({Dual("E"), Eigen::MatrixXd::Constant(1, 1, t.loss)});
        break;
    case StepKind::OutputDelta:
        out.push_back({z(L), column(t.forward.z[L])});
        out.push_back({target, column(t.sample.target)});
        out.push_back({d(L), column(t.gradients.delta[L])});
        break;
    case StepKind::HiddenDelta:
        out.push_back({W(l + 1), t.network.layers[l + 1].weights});
        out.push_back({d(l + 1), column(t.gradients.delta[l + 1])});
        out.push_back({a(l), column(t.forward.a[l])});
        out.push_back({z(l), column(t.forward.z[l])});
        out.push_back({d(l), column(t.gradients.delta[l])});
        break;
    case StepKind::Gradient:
        out.push_back({d(l), column(t.gradients.delta[l])});
        out.push_back({z(l - 1), column(t.forward.z[l - 1])});
        out.push_back({grad(W(l)), t.gradients.weights[l]});
        out.push_back({grad(b(l)), column(t.gradients.bias[l])});
        break;
    case StepKind::Update:
        if (t.optimizer) {
            addOptimizerMatrices(t, l, W(l), b(l), out);
            break;
        }
        out.push_back({W(l), t.network.layers[l].weights});
        out.push_back({grad(W(l)), t.gradients.weights[l]});
        out.push_back({newOf(W(l)), t.updated.layers[l].weights});
        out.push_back({b(l), column(t.network.layers[l].bias)});
        out.push_back({newOf(b(l)), column(t.updated.layers[l].bias)});
        break;
    case StepKind::InputGradient:
        out.push_back({W(1), t.network.layers[1].weights});
        out.push_back({d(1), column(t.gradients.delta[1])});
        out.push_back({grad(z(0)), column(t.inputGradient)});
        break;
    }
    return out;
}

StepTables::StepTables(QWidget* parent) : QWidget(parent), layout_(new QHBoxLayout(this)) {
    layout_->setContentsMargins(4, 4, 4, 4);
    layout_->setSpacing(16);
    layout_->addStretch();
}

void StepTables::showStep(const Trace& trace, const Step* step) {
    const std::vector<NamedMatrix> matrices = stepMatrices(trace, step);
    while (tables_.size() > matrices.size()) {
        delete tables_.back();
        tables_.pop_back();
    }
    while (tables_.size() < matrices.size()) {
        auto* table = new MatrixTable(this);
        connect(table, &MatrixTable::copied, this, &StepTables::copied);
        layout_->insertWidget(static_cast<int>(tables_.size()), table, 0, Qt::AlignTop);
        tables_.push_back(table);
    }
    for (size_t k = 0; k < matrices.size(); ++k) {
        tables_[k]->setMatrix(matrices[k].name, matrices[k].values, trace.options.precision);
    }
}

} // namespace bpl::gui
