// The base of the matrix tools of the Worked maths tab (convolution, pooling):
// the frame (inputs, error and operation lines, the results page or Check
// mode's panel, scrolling, and the step bar in view below), the step with
// Start / ◀ Back / Next ▶ / End and Space / → / ← / Home / End, and Check mode.
// A tool builds its inputs (with checkButton_) and its results page, then
// calls buildFrame; it says how many steps there are and shows the current one.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace bpl::gui {

class MathsCheckPanel;

class MatrixStepTool : public QWidget {
    Q_OBJECT
  public:
    virtual int stepCount() const = 0;
    int step() const { return step_; }
    void setStep(int step);

    void setCheckMode(bool on);
    bool checkMode() const { return checkMode_; }
    MathsCheckPanel* checkPanel() const { return check_; }

  public slots:
    void next() { setStep(step_ + 1); }
    void previous() { setStep(step_ - 1); }
    void home() { setStep(0); }
    void end() { setStep(stepCount() - 1); }

  protected:
    using QWidget::QWidget;
    // Object names start with `name` ("convolutionContent", "convolutionError",
    // "convolutionOperation").
    void buildFrame(const QString& name, QWidget* inputs, QWidget* outputs);
    // Shows step_ (already within 0 … stepCount() − 1).
    virtual void updateView() = 0;

    QLabel* error_ = nullptr;
    QLabel* operation_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    MathsCheckPanel* check_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QPushButton* checkButton_ = nullptr;
    int step_ = 0;
    bool checkMode_ = false;
};

} // namespace bpl::gui
