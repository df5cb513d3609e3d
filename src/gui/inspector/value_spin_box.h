// A number field for weights, biases, inputs and the learning rate: shows the
// shortest form of the value (0.1, not 0.1000000000), accepts typed numbers in
// any notation (1e-3), and tells whether a change came from an arrow-key step
// (a nudge, merged into one undo step) or from typing.
#pragma once

#include <QDoubleSpinBox>

namespace bpl::gui {

class ValueSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit ValueSpinBox(QWidget* parent = nullptr);

    // True while the value changes because of an arrow key or the wheel.
    bool isStepping() const { return stepping_; }
    void stepBy(int steps) override;

    // Sets the value without emitting valueChanged (for showing the document).
    void showValue(double value);
    // Focuses the field with `text` typed in (typing a number on the canvas).
    void startTyping(const QString& text);

protected:
    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;

private:
    bool stepping_ = false;
};

} // namespace bpl::gui
