// The options of "Make the hidden layers two units wide, copies varied…": how
// much each copied weight and bias is varied (±%, core widenHiddenLayers) and
// the seed, so the section 3 picture (one path dying beside a live one) comes
// up in one step and again the same way.
#pragma once

#include <QDialog>

#include <cstdint>

class QDoubleSpinBox;
class QSpinBox;

namespace bpl::gui {

class WidenDialog : public QDialog {
    Q_OBJECT
  public:
    explicit WidenDialog(QWidget* parent = nullptr);

    // A fraction: 0.1 for ±10 %.
    double perturbation() const;
    std::uint64_t seed() const;
    void setPerturbation(double fraction);
    void setSeed(std::uint64_t seed);

  private:
    QDoubleSpinBox* percent_ = nullptr;
    QSpinBox* seed_ = nullptr;
};

} // namespace bpl::gui
