#include "gui/inspector/value_spin_box.h"

#include "core/number_format.h"

#include <QLineEdit>
#include <QSignalBlocker>

namespace bpl::gui {

ValueSpinBox::ValueSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    setDecimals(12);
    setRange(-1e6, 1e6);
    setSingleStep(0.01);
    setKeyboardTracking(false);
    setAccelerated(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
}

void ValueSpinBox::stepBy(int steps) {
    stepping_ = true;
    QDoubleSpinBox::stepBy(steps);
    stepping_ = false;
}

void ValueSpinBox::showValue(double value) {
    const QSignalBlocker blocker(this);
    setValue(value);
}

void ValueSpinBox::startTyping(const QString& text) {
    setFocus(Qt::OtherFocusReason);
    lineEdit()->setText(text);
    lineEdit()->setCursorPosition(text.size());
}

QString ValueSpinBox::textFromValue(double value) const {
    return QString::fromStdString(formatNumber(value, 10));
}

double ValueSpinBox::valueFromText(const QString& text) const {
    bool ok = false;
    const double v = text.trimmed().replace(QChar(0x2212), '-').toDouble(&ok);
    return ok ? v : value();
}

QValidator::State ValueSpinBox::validate(QString& text, int&) const {
    const QString t = text.trimmed().replace(QChar(0x2212), '-');
    if (t.isEmpty() || t == "-" || t == "+" || t == "." || t == "-." || t.endsWith('e') || t.endsWith("e-") ||
        t.endsWith("e+")) {
        return QValidator::Intermediate;
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok) return QValidator::Invalid;
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

} // namespace bpl::gui
