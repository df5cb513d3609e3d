#include "gui/maths/activation_tool.h"

#include "core/maths/activation_analysis.h"
#include "gui/maths/activation_plot.h"
#include "gui/maths/maths_text.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace bpl::gui {

namespace {

constexpr int kPrecision = 4;
constexpr int kTanhFromSigmoid = -1; // compare-combo data of the identity overlay
constexpr int kNoCompare = -2;

QDoubleSpinBox* numberBox(double min, double max, double value, double step, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(3);
    box->setSingleStep(step);
    box->setValue(value);
    box->setKeyboardTracking(false);
    return box;
}

QString tupleText(const Eigen::VectorXd& v) {
    QStringList parts;
    for (Eigen::Index i = 0; i < v.size(); ++i)
        parts << mathsNumber(v(i), kPrecision);
    return "(" + parts.join(", ") + ")";
}

} // namespace

ActivationTool::ActivationTool(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* side = new QVBoxLayout;
    side->addWidget(buildControls());
    side->addWidget(buildSoftmaxPanel());
    side->addStretch(1);
    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    side->setContentsMargins(0, 0, 0, 0);
    // The controls scroll on their own: the plot keeps the tab's height, its
    // axis and readout on screen at 1024×768.
    auto* sideScroll = new QScrollArea(this);
    sideScroll->setObjectName("activationControls");
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setWidgetResizable(true);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideScroll->setWidget(sideWidget);
    sideScroll->setMaximumWidth(350);
    sideScroll->setMinimumWidth(
        std::min(350, sideWidget->minimumSizeHint().width() +
                          sideScroll->verticalScrollBar()->sizeHint().width()));
    plot_ = new ActivationPlot(this);
    plot_->setMinimumHeight(240);
    layout->addWidget(sideScroll);
    layout->addWidget(plot_, 1);
    updatePlot();
    updateSoftmax();
}

QWidget* ActivationTool::buildControls() {
    auto* box = new QGroupBox(tr("Function and derivative"), this);
    auto* form = new QFormLayout(box);
    activation_ = new QComboBox(box);
    activation_->setObjectName("activationCombo");
    compare_ = new QComboBox(box);
    compare_->setObjectName("compareCombo");
    compare_->addItem(tr("nothing"), kNoCompare);
    for (Activation a : allActivations()) {
        const QString file = QString::fromStdString(activationName(a));
        const QString label = activationDisplayName(a) == file
                                  ? file
                                  : QString("%1 — %2").arg(activationDisplayName(a), file);
        activation_->addItem(label, int(a));
        compare_->addItem(label, int(a));
    }
    compare_->addItem(tr("2σ(2x) − 1 (against tanh)"), kTanhFromSigmoid);
    activation_->setCurrentIndex(activation_->findData(int(Activation::Sigmoid)));
    alpha_ = numberBox(0.0, 1.0, 0.01, 0.01, box);
    from_ = numberBox(-50, 50, -6, 1, box);
    to_ = numberBox(-50, 50, 6, 1, box);
    point_ = numberBox(-50, 50, 0, 0.1, box);
    point_->setObjectName("pointBox");
    auto* range = new QHBoxLayout;
    range->addWidget(from_);
    range->addWidget(new QLabel(tr("to"), box));
    range->addWidget(to_);
    form->addRow(tr("Activation"), activation_);
    form->addRow(tr("α (leaky ReLU)"), alpha_);
    form->addRow(tr("x from"), range);
    form->addRow(tr("Point x"), point_);
    form->addRow(tr("Compare with"), compare_);
    info_ = new QLabel(box);
    info_->setObjectName("activationInfo");
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(info_);

    for (QComboBox* c : {activation_, compare_})
        connect(c, &QComboBox::currentIndexChanged, this, &ActivationTool::updatePlot);
    for (QDoubleSpinBox* b : {alpha_, from_, to_, point_})
        connect(b, &QDoubleSpinBox::valueChanged, this, &ActivationTool::updatePlot);
    return box;
}

QWidget* ActivationTool::buildSoftmaxPanel() {
    auto* box = new QGroupBox(tr("Softmax: adding a constant changes nothing"), this);
    auto* form = new QFormLayout(box);
    logitCount_ = new QSpinBox(box);
    logitCount_->setRange(2, 3);
    logitCount_->setValue(3);
    auto* row = new QHBoxLayout;
    const double defaults[3] = {1.0, 2.0, 3.0};
    for (int i = 0; i < 3; ++i) {
        logits_[i] = numberBox(-100, 100, defaults[i], 0.5, box);
        row->addWidget(logits_[i]);
        connect(logits_[i], &QDoubleSpinBox::valueChanged, this, &ActivationTool::updateSoftmax);
    }
    shift_ = numberBox(-1000, 1000, 100, 10, box);
    shift_->setObjectName("softmaxShift");
    form->addRow(tr("Logits"), logitCount_);
    form->addRow(tr("a ="), row);
    form->addRow(tr("Add c ="), shift_);
    softmaxText_ = new QLabel(box);
    softmaxText_->setObjectName("softmaxText");
    softmaxText_->setWordWrap(true);
    softmaxText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(softmaxText_);
    connect(logitCount_, &QSpinBox::valueChanged, this, &ActivationTool::updateSoftmax);
    connect(shift_, &QDoubleSpinBox::valueChanged, this, &ActivationTool::updateSoftmax);
    return box;
}

bool ActivationTool::selectActivation(const QString& name) {
    const auto kind = activationFromName(name.toStdString());
    if (!kind)
        return false;
    activation_->setCurrentIndex(activation_->findData(int(*kind)));
    return true;
}

void ActivationTool::updatePlot() {
    ActivationFunction f{static_cast<Activation>(activation_->currentData().toInt())};
    f.alpha = alpha_->value();
    alpha_->setEnabled(f.kind == Activation::LeakyRelu);
    plot_->setActivation(f);
    plot_->setRange(from_->value(), to_->value());
    plot_->setPoint(point_->value());
    const int compare = compare_->currentData().toInt();
    if (compare == kNoCompare) {
        plot_->setCompare(ActivationPlot::Compare::None);
    } else if (compare == kTanhFromSigmoid) {
        plot_->setCompare(ActivationPlot::Compare::TanhFromSigmoid);
    } else {
        ActivationFunction other{static_cast<Activation>(compare)};
        other.alpha = alpha_->value();
        plot_->setCompare(ActivationPlot::Compare::Activation, other);
    }
    info_->setText(infoText());
}

QString ActivationTool::infoText() const {
    const Activation kind = static_cast<Activation>(activation_->currentData().toInt());
    QStringList lines;
    lines << QString::fromStdString(activationFormula(kind))
          << QString::fromStdString(activationDerivativeFormula(kind)) << plot_->pointLabel()
          << plot_->maximumLabel();
    if (compare_->currentData().toInt() == kTanhFromSigmoid) {
        const double error = tanhIdentityError(from_->value(), to_->value(), 2001);
        lines << tr("max |tanh(x) − (2σ(2x) − 1)| = %1 on the range (rounding only)")
                     .arg(mathsNumber(error, 2));
    }
    return lines.join("\n");
}

void ActivationTool::updateSoftmax() {
    const int n = logitCount_->value();
    logits_[2]->setEnabled(n == 3);
    Eigen::VectorXd a(n);
    for (int i = 0; i < n; ++i)
        a(i) = logits_[i]->value();
    const SoftmaxShift s = softmaxWithShift(a, shift_->value());
    softmaxText_->setText(tr("softmax(a) = %1\na + c = %2\nsoftmax(a + c) = %3\n"
                             "largest difference %4: e^c cancels in e^(aₖ+c) / Σ e^(aⱼ+c)")
                              .arg(tupleText(s.probabilities), tupleText(s.shiftedLogits),
                                   tupleText(s.shiftedProbabilities),
                                   mathsNumber(s.maxDifference, 2)));
}

QString ActivationTool::solutionMarkdown() const {
    QString md = "# Activation function\n\n";
    for (const QString& line : infoText().split('\n'))
        md += "- " + line + "\n";
    md += "\n## Softmax\n\n";
    for (const QString& line : softmaxText_->text().split('\n'))
        md += "- " + line + "\n";
    return md;
}

} // namespace bpl::gui
