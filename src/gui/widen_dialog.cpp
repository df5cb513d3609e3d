#include "gui/widen_dialog.h"

#include "core/network_edit.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bpl::gui {

WidenDialog::WidenDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Two units wide, copies varied"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(
        tr("Each hidden layer gets a copy of its first unit. Each copied weight and bias is "
           "multiplied by 1 + u, u drawn uniformly between −p and +p (p below, seeded), so a "
           "copy whose a is near 0 can die (ReLU) while the other unit carries the gradient. "
           "The weights out are shared equally, as without variation."));
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    percent_ = new QDoubleSpinBox;
    percent_->setObjectName("perturbationPercent");
    percent_->setRange(0, 100 * kMaxWidenPerturbation);
    percent_->setDecimals(1);
    percent_->setSuffix(" %");
    percent_->setPrefix("± ");
    percent_->setValue(100 * kDefaultWidenPerturbation);
    form->addRow(tr("p: vary each copied weight and bias by"), percent_);
    seed_ = new QSpinBox;
    seed_->setObjectName("perturbationSeed");
    seed_->setRange(0, 1'000'000'000);
    seed_->setValue(1);
    form->addRow(tr("Seed"), seed_);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

double WidenDialog::perturbation() const {
    return percent_->value() / 100;
}

std::uint64_t WidenDialog::seed() const {
    return static_cast<std::uint64_t>(seed_->value());
}

void WidenDialog::setPerturbation(double fraction) {
    percent_->setValue(100 * fraction);
}

void WidenDialog::setSeed(std::uint64_t seed) {
    seed_->setValue(static_cast<int>(seed));
}

} // namespace bpl::gui
