// The Activation functions tool of the Worked maths tab: choose an activation
// (and α for leaky ReLU), a range and a point; the plot shows h and h′, the
// values at the point and the maximum of h′ (σ′ 0.25 at 0, tanh′ 1 at 0); a
// second function can be overlaid (σ against tanh, tanh against 2σ(2x) − 1);
// a softmax panel shows two or three logits and that adding a constant to
// every logit leaves the probabilities unchanged.
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace bpl::gui {

class ActivationPlot;

class ActivationTool : public QWidget {
    Q_OBJECT
  public:
    explicit ActivationTool(QWidget* parent = nullptr);

    ActivationPlot* plot() const { return plot_; }
    QComboBox* activationCombo() const { return activation_; }
    QComboBox* compareCombo() const { return compare_; }
    QLabel* softmaxLabel() const { return softmaxText_; }
    // The values shown in the info text (point, maximum, identity error).
    QString infoText() const;
    // Selects an activation by file name ("sigmoid", "tanh", …).
    bool selectActivation(const QString& name);
    // The worked solution of what is shown, as Markdown.
    QString solutionMarkdown() const;

  private:
    QWidget* buildControls();
    QWidget* buildSoftmaxPanel();
    void updatePlot();
    void updateSoftmax();

    ActivationPlot* plot_ = nullptr;
    QComboBox* activation_ = nullptr;
    QDoubleSpinBox* alpha_ = nullptr;
    QDoubleSpinBox* from_ = nullptr;
    QDoubleSpinBox* to_ = nullptr;
    QDoubleSpinBox* point_ = nullptr;
    QComboBox* compare_ = nullptr;
    QLabel* info_ = nullptr;
    QSpinBox* logitCount_ = nullptr;
    QDoubleSpinBox* logits_[3] = {};
    QDoubleSpinBox* shift_ = nullptr;
    QLabel* softmaxText_ = nullptr;
};

} // namespace bpl::gui
