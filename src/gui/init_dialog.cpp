#include "gui/init_dialog.h"

#include "ui_init_dialog.h"

namespace bpl::gui {

InitDialog::InitDialog(QWidget* parent) : QDialog(parent), ui_(std::make_unique<Ui::InitDialog>()) {
    ui_->setupUi(this);
    for (InitScheme s : allInitSchemes()) {
        ui_->schemeCombo->addItem(QString::fromStdString(initSchemeTitle(s)), int(s));
    }
    connect(ui_->schemeCombo, &QComboBox::currentIndexChanged, this, &InitDialog::explain);
    explain();
}

InitDialog::~InitDialog() = default;

void InitDialog::setOptions(const InitOptions& options) {
    ui_->schemeCombo->setCurrentIndex(ui_->schemeCombo->findData(int(options.scheme)));
    ui_->seedSpin->setValue(int(options.seed % 2147483647u));
    ui_->rangeSpin->setValue(options.range);
    explain();
}

InitOptions InitDialog::options() const {
    InitOptions o;
    o.scheme = InitScheme(ui_->schemeCombo->currentData().toInt());
    o.seed = static_cast<std::uint64_t>(ui_->seedSpin->value());
    o.range = ui_->rangeSpin->value();
    return o;
}

void InitDialog::explain() {
    const InitScheme scheme = InitScheme(ui_->schemeCombo->currentData().toInt());
    ui_->rangeSpin->setEnabled(scheme == InitScheme::Uniform);
    ui_->seedSpin->setEnabled(scheme != InitScheme::Zero);
    QString text;
    switch (scheme) {
    case InitScheme::Xavier:
        text = tr("w ~ U(−√(6/(n<sub>in</sub> + n<sub>out</sub>)), +√(6/(n<sub>in</sub> + n<sub>out</sub>))): keeps the "
                  "signal's variance about the same from layer to layer for sigmoid and tanh.");
        break;
    case InitScheme::He:
        text = tr("w ~ U(−√(6/n<sub>in</sub>), +√(6/n<sub>in</sub>)): twice Xavier's variance, for ReLU layers, "
                  "which pass only half of their inputs on.");
        break;
    case InitScheme::Uniform: text = tr("w ~ U(−r, +r) for every layer, whatever its width."); break;
    case InitScheme::Zero:
        text = tr("Every weight 0. All hidden units of a layer then compute the same value and receive "
                  "the same gradient, so they stay identical forever: the symmetry is never broken.");
        break;
    }
    ui_->explanationLabel->setText(text + "<br><br>" + tr("Biases are set to 0. Undo restores the old weights."));
}

} // namespace bpl::gui
