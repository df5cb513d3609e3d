#include "gui/inspector/inspector_panel.h"
#include "gui/shown_text.h"

#include "io/qt_text.h"
#include "core/number_format.h"
#include "core/trace_formulas.h"
#include "core/common/number_text.h"
#include "gui/details/formula_html.h"
#include "gui/inspector/value_spin_box.h"
#include "gui/network_document.h"
#include "gui/network_editor.h"
#include "ui_inspector_panel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStandardItemModel>

namespace bpl::gui {

namespace {

QString symbolHtml(const Dual& d) { return latexToHtml(d.latex); }

QString vectorText(const Eigen::VectorXd& v) {
    QStringList parts;
    for (Eigen::Index k = 0; k < v.size(); ++k) parts << q(formatNumber(v[k], 10));
    return parts.join(", ");
}

// "3, 0.2, -0.1" (commas, semicolons or spaces) → numbers; false on anything else.
bool parseVector(const QString& text, Eigen::VectorXd& out) {
    std::vector<double> values;
    std::string error; // the one number-list parser (core/common/number_text.h)
    if (!parseNumberList(text.toStdString(), values, error, true)) return false;
    out = Eigen::Map<Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
    return true;
}

QString activationTitle(Activation a) {
    ActivationFunction f;
    f.kind = a;
    const QString symbol = q(formulas::activationSymbol(f).text);
    const QString name = q(activationName(a));
    return symbol == name ? name : name + "  (" + symbol + ")";
}

} // namespace

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent), ui_(std::make_unique<Ui::InspectorPanel>()) {
    ui_->setupUi(this);
    for (Loss loss : allLosses()) ui_->lossCombo->addItem(q(lossName(loss)), int(loss));
    for (Activation a : allActivations()) ui_->activationCombo->addItem(activationTitle(a), int(a));
    ui_->learningRateSpin->setRange(1e-9, 1000);
    ui_->learningRateSpin->setSingleStep(0.01);
    for (OptimizerKind kind : allOptimizers()) ui_->optimizerCombo->addItem(q(optimizerTitle(kind)), int(kind));
    for (ValueSpinBox* beta : {ui_->beta1Spin, ui_->beta2Spin}) {
        beta->setRange(0, 0.9999);
        beta->setSingleStep(0.01);
    }
    ui_->alphaSpin->setRange(0, 0.99);
    ui_->alphaSpin->setSingleStep(0.01);
    // A step layer's U(0): the network file's layers[l].step_at_zero.
    stepAtZero_ = new QCheckBox(tr("U(0) = 1: fires at a ≥ 0"), ui_->layerPage);
    stepAtZero_->setObjectName("stepAtZeroCheck");
    stepAtZero_->setToolTip(tr("Step units: U(a) = 1 for a ≥ 0 when ticked (the course's Σ ±xᵢ + C ≥ 0 "
                               "construction), for a > 0 when not"));
    ui_->layerForm->insertRow(2, tr("Step"), stepAtZero_);
}

InspectorPanel::~InspectorPanel() = default;

ValueSpinBox* InspectorPanel::weightField() const { return ui_->weightSpin; }
ValueSpinBox* InspectorPanel::neuronField() const { return ui_->neuronValueSpin; }
ValueSpinBox* InspectorPanel::learningRateField() const { return ui_->learningRateSpin; }
QComboBox* InspectorPanel::optimizerField() const { return ui_->optimizerCombo; }

ValueSpinBox* InspectorPanel::selectionField() const {
    if (!editor_) return nullptr;
    switch (editor_->document()->selection().kind) {
    case Selection::Edge: return ui_->weightSpin;
    case Selection::Neuron: return ui_->neuronValueSpin;
    default: return nullptr;
    }
}

void InspectorPanel::startTyping(const QString& text) {
    ValueSpinBox* field = selectionField();
    if (!field) return;
    field->startTyping(text);
}

void InspectorPanel::setEditor(NetworkEditor* editor) {
    editor_ = editor;
    NetworkDocument* doc = editor_->document();
    connect(doc, &NetworkDocument::selectionChanged, this, &InspectorPanel::refresh);
    connect(doc, &NetworkDocument::traceChanged, this, &InspectorPanel::refresh);
    connect(editor_, &NetworkEditor::refused, this, &InspectorPanel::refresh);
    connectFields();
    refresh();
}

void InspectorPanel::connectFields() {
    NetworkDocument* doc = editor_->document();
    connect(ui_->lossCombo, &QComboBox::activated, this,
            [this](int index) { editor_->setLoss(Loss(ui_->lossCombo->itemData(index).toInt())); });
    connect(ui_->learningRateSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { editor_->setLearningRate(v, ui_->learningRateSpin->isStepping()); });
    auto optimizerEdited = [this, doc](bool nudge) {
        OptimizerSettings s = doc->state().optimizer;
        s.kind = OptimizerKind(ui_->optimizerCombo->currentData().toInt());
        if (s.kind == OptimizerKind::Adam) {
            s.beta1 = ui_->beta1Spin->value();
            s.beta2 = ui_->beta2Spin->value();
        } else {
            s.beta = ui_->beta1Spin->value();
        }
        s.biasCorrection = ui_->biasCorrectionCheck->isChecked();
        editor_->setOptimizer(s, nudge);
    };
    connect(ui_->optimizerCombo, &QComboBox::activated, this, [optimizerEdited] { optimizerEdited(false); });
    connect(ui_->beta1Spin, &QDoubleSpinBox::valueChanged, this,
            [this, optimizerEdited] { optimizerEdited(ui_->beta1Spin->isStepping()); });
    connect(ui_->beta2Spin, &QDoubleSpinBox::valueChanged, this,
            [this, optimizerEdited] { optimizerEdited(ui_->beta2Spin->isStepping()); });
    connect(ui_->biasCorrectionCheck, &QCheckBox::toggled, this, [optimizerEdited] { optimizerEdited(false); });
    auto sampleEdited = [this, doc] {
        Eigen::VectorXd input, target;
        bool applied = false;
        if (!parseVector(ui_->inputEdit->text(), input) || !parseVector(ui_->targetEdit->text(), target)) {
            emit editor_->refused(tr("Input and target are numbers separated by commas"));
        } else {
            // Sizes first: Eigen's == asserts on vectors of different sizes ("-5"
            // typed for three inputs aborted the sanitizer build).
            const Sample& now = doc->network().sample;
            const bool same = input.size() == now.input.size() && target.size() == now.target.size() &&
                              input == now.input && target == now.target;
            applied = same || editor_->setSample(input, target);
        }
        if (applied)
            return;
        // Refused (the reason is in the status bar): the fields show what the
        // network has, never a value it does not use.
        ui_->inputEdit->setText(vectorText(doc->network().sample.input));
        ui_->targetEdit->setText(vectorText(doc->network().sample.target));
    };
    connect(ui_->inputEdit, &QLineEdit::editingFinished, this, sampleEdited);
    connect(ui_->targetEdit, &QLineEdit::editingFinished, this, sampleEdited);
    connect(ui_->initButton, &QPushButton::clicked, this, &InspectorPanel::initializeRequested);
    connect(ui_->addLayerButton, &QPushButton::clicked, this, [this, doc] { editor_->insertLayerAt(doc->network().lastLayer()); });

    auto layerOf = [doc] { return doc->selection().layer; };
    connect(ui_->activationCombo, &QComboBox::activated, this, [this, doc, layerOf](int index) {
        ActivationFunction f = doc->network().layers[layerOf()].activation;
        f.kind = Activation(ui_->activationCombo->itemData(index).toInt());
        editor_->setActivation(layerOf(), f);
    });
    connect(ui_->alphaSpin, &QDoubleSpinBox::valueChanged, this, [this, doc, layerOf](double alpha) {
        ActivationFunction f = doc->network().layers[layerOf()].activation;
        f.alpha = alpha;
        editor_->setActivation(layerOf(), f);
    });
    connect(stepAtZero_, &QCheckBox::toggled, this, [this, doc, layerOf](bool on) {
        ActivationFunction f = doc->network().layers[layerOf()].activation;
        f.stepAtZero = on ? 1.0 : 0.0;
        editor_->setActivation(layerOf(), f);
    });
    connect(ui_->addNeuronButton, &QToolButton::clicked, this,
            [this, doc, layerOf] { editor_->addNeuron(layerOf(), doc->network().layers[layerOf()].size); });
    connect(ui_->removeNeuronButton, &QToolButton::clicked, this,
            [this, doc, layerOf] { editor_->removeNeuron(layerOf(), doc->network().layers[layerOf()].size - 1); });
    connect(ui_->insertBeforeButton, &QPushButton::clicked, this, [this, layerOf] { editor_->insertLayerAt(layerOf()); });
    connect(ui_->insertAfterButton, &QPushButton::clicked, this, [this, layerOf] { editor_->insertLayerAt(layerOf() + 1); });
    connect(ui_->removeLayerButton, &QPushButton::clicked, this, [this, layerOf] { editor_->removeLayer(layerOf()); });

    connect(ui_->neuronValueSpin, &QDoubleSpinBox::valueChanged, this, [this, doc](double v) {
        const Selection s = doc->selection();
        const bool nudge = ui_->neuronValueSpin->isStepping();
        if (s.layer == 0) editor_->setInput(s.neuron, v, nudge);
        else editor_->setBias(s.layer, s.neuron, v, nudge);
    });
    connect(ui_->addNeuronAfterButton, &QPushButton::clicked, this, [this, doc] {
        const Selection s = doc->selection();
        if (editor_->addNeuron(s.layer, s.neuron + 1)) doc->setSelection(Selection::ofNeuron(s.layer, s.neuron + 1));
    });
    connect(ui_->removeThisNeuronButton, &QPushButton::clicked, this, [this, doc] {
        const Selection s = doc->selection();
        editor_->removeNeuron(s.layer, s.neuron);
    });
    connect(ui_->weightSpin, &QDoubleSpinBox::valueChanged, this, [this, doc](double v) {
        const Selection s = doc->selection();
        editor_->setWeight(s.layer, s.neuron, s.source, v, ui_->weightSpin->isStepping());
    });
}

void InspectorPanel::refresh() {
    if (!editor_) return;
    const Selection& s = editor_->document()->selection();
    switch (s.kind) {
    case Selection::None: showNetwork(); break;
    case Selection::Layer: showLayer(s.layer); break;
    case Selection::Neuron: showNeuron(s.layer, s.neuron); break;
    case Selection::Edge: showEdge(s.layer, s.neuron, s.source); break;
    }
}

void InspectorPanel::showNetwork() {
    const NetworkDocument* doc = editor_->document();
    const Network& net = doc->network();
    ui_->pages->setCurrentWidget(ui_->networkPage);
    ui_->headingLabel->setText(
        "<b>" + escapeHtml(net.name.empty() ? QStringLiteral("Network") : shownName(net.name)) +
        "</b>");
    const QSignalBlocker b1(ui_->lossCombo);
    ui_->lossCombo->setCurrentIndex(ui_->lossCombo->findData(int(net.loss)));
    ui_->learningRateSpin->showValue(net.learningRate);
    showOptimizer(doc->state().optimizer);
    if (!ui_->inputEdit->hasFocus()) ui_->inputEdit->setText(vectorText(net.sample.input));
    if (!ui_->targetEdit->hasFocus()) ui_->targetEdit->setText(vectorText(net.sample.target));
    ui_->descriptionLabel->setText(shownDescription(net.description));
    if (doc->samplePass() > 0) {
        ui_->descriptionLabel->setText(
            (doc->samplePass() == 1
                 ? tr("Weights after 1 update with this sample.")
                 : tr("Weights after %1 updates with this sample.").arg(doc->samplePass())) +
            "\n\n" + shownDescription(net.description));
    }
}

void InspectorPanel::showOptimizer(const OptimizerSettings& s) {
    const QSignalBlocker b1(ui_->optimizerCombo);
    const QSignalBlocker b2(ui_->biasCorrectionCheck);
    ui_->optimizerCombo->setCurrentIndex(ui_->optimizerCombo->findData(int(s.kind)));
    const bool adam = s.kind == OptimizerKind::Adam;
    const bool oneBeta = s.kind == OptimizerKind::Momentum || s.kind == OptimizerKind::RmsProp;
    ui_->beta1Label->setText(adam ? "β₁, β₂" : "β");
    ui_->beta1Spin->showValue(adam ? s.beta1 : s.beta);
    ui_->beta1Spin->setToolTip(adam ? tr("Adam's decay of the gradient average m")
                                    : tr("Decay of the moving average: m ← βm + (1 − β)g"));
    ui_->beta2Spin->showValue(s.beta2);
    ui_->biasCorrectionCheck->setChecked(s.biasCorrection);
    auto* form = qobject_cast<QFormLayout*>(ui_->networkPage->layout());
    if (!form) return;
    form->setRowVisible(ui_->betaRow, adam || oneBeta);
    ui_->beta2Spin->setVisible(adam);
    form->setRowVisible(ui_->biasCorrectionCheck, adam);
}

void InspectorPanel::showLayer(int l) {
    const NetworkDocument* doc = editor_->document();
    const Network& net = doc->network();
    const Notation& n = doc->traceOptions().notation;
    ui_->pages->setCurrentWidget(ui_->layerPage);
    QString heading = tr("Layer %1").arg(n.displayLayer(l));
    if (l == 0) heading += tr(" (input)");
    else if (l == net.lastLayer()) heading += tr(" (output)");
    ui_->headingLabel->setText("<b>" + heading + "</b>");
    const bool hasActivation = l > 0;
    ui_->activationCombo->setEnabled(hasActivation);
    const QSignalBlocker b1(ui_->activationCombo);
    auto* model = qobject_cast<QStandardItemModel*>(ui_->activationCombo->model());
    for (int k = 0; k < ui_->activationCombo->count(); ++k) {
        const bool softmax = Activation(ui_->activationCombo->itemData(k).toInt()) == Activation::Softmax;
        if (model) model->item(k)->setEnabled(!softmax || l == net.lastLayer());
    }
    if (hasActivation) {
        const ActivationFunction& f = net.layers[l].activation;
        ui_->activationCombo->setCurrentIndex(ui_->activationCombo->findData(int(f.kind)));
        ui_->alphaSpin->showValue(f.alpha);
        ui_->alphaSpin->setEnabled(f.kind == Activation::LeakyRelu);
        const QSignalBlocker b2(stepAtZero_);
        stepAtZero_->setChecked(f.stepAtZero != 0);
        stepAtZero_->setEnabled(f.kind == Activation::Step);
    } else {
        ui_->activationCombo->setCurrentIndex(-1);
        ui_->alphaSpin->setEnabled(false);
        stepAtZero_->setEnabled(false);
    }
    ui_->neuronCountLabel->setText(QString::number(net.layers[l].size));
    ui_->removeNeuronButton->setEnabled(net.layers[l].size > 1);
    ui_->insertBeforeButton->setEnabled(l > 0);
    ui_->removeLayerButton->setEnabled(l > 0 && net.layerCount() > 2);
}

void InspectorPanel::showNeuron(int l, int i) {
    const NetworkDocument* doc = editor_->document();
    const Trace& t = doc->trace();
    const Notation& n = doc->traceOptions().notation;
    const int p = doc->traceOptions().precision;
    auto num = [p](double x) { return escapeHtml(q(formatNumber(x, p))); };
    ui_->pages->setCurrentWidget(ui_->neuronPage);
    QString heading = tr("Neuron %1 of layer %2").arg(i + 1).arg(n.displayLayer(l));
    const Layer& layer = t.network.layers[l];
    if (static_cast<int>(layer.labels.size()) == layer.size) heading += " (" + escapeHtml(q(layer.labels[i])) + ")";
    ui_->headingLabel->setText("<b>" + heading + "</b>");
    QStringList info;
    if (l == 0) {
        ui_->neuronValueLabel->setText(tr("Input ") + symbolHtml(n.activation(0, i)));
        ui_->neuronValueSpin->showValue(t.sample.input[i]);
    } else {
        ui_->neuronValueLabel->setText(tr("Bias ") + symbolHtml(n.bias(l, i)));
        ui_->neuronValueSpin->showValue(layer.bias[i]);
        info << symbolHtml(n.preActivation(l, i)) + " = " + num(t.forward.a[l][i])
             << symbolHtml(n.activation(l, i)) + " = " + num(t.forward.z[l][i])
             << symbolHtml(n.deltaSym(l, i)) + " = " + num(t.gradients.delta[l][i])
             << symbolHtml(n.gradBias(l, i)) + " = " + num(t.gradients.bias[l][i])
             << symbolHtml(n.newBias(l, i)) + " = " + num(t.updated.layers[l].bias[i]);
    }
    ui_->neuronInfoLabel->setText(info.join("<br>"));
    ui_->neuronInfoLabel->setVisible(!info.isEmpty());
    ui_->removeThisNeuronButton->setEnabled(layer.size > 1);
}

void InspectorPanel::showEdge(int l, int i, int j) {
    const NetworkDocument* doc = editor_->document();
    const Trace& t = doc->trace();
    const Notation& n = doc->traceOptions().notation;
    const int p = doc->traceOptions().precision;
    auto num = [p](double x) { return escapeHtml(q(formatNumber(x, p))); };
    ui_->pages->setCurrentWidget(ui_->edgePage);
    ui_->headingLabel->setText("<b>" + tr("Weight %1").arg(symbolHtml(n.weight(l, i, j))) + "</b><br>" +
                               tr("from neuron %1 of layer %2 to neuron %3 of layer %4")
                                   .arg(j + 1)
                                   .arg(n.displayLayer(l - 1))
                                   .arg(i + 1)
                                   .arg(n.displayLayer(l)));
    ui_->weightLabel->setText(symbolHtml(n.weight(l, i, j)));
    ui_->weightSpin->showValue(t.network.layers[l].weights(i, j));
    ui_->edgeInfoLabel->setText(symbolHtml(n.gradWeight(l, i, j)) + " = " + num(t.gradients.weights[l](i, j)) + "<br>" +
                                symbolHtml(n.newWeight(l, i, j)) + " = " + num(t.updated.layers[l].weights(i, j)));
}

} // namespace bpl::gui
