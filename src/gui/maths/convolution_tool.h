// The convolution tool of the Worked maths tab (teaching-content.md §9): X, W
// and ∂E/∂F in small matrix editors, stride, zero padding and the operation
// (cross-correlation, as deep-learning libraries compute it, or the flipped-
// kernel convolution); stepping with Space / → / ← / Home / End through every
// output F_ij (its window highlighted on X, the sum of products substituted),
// then every ∂E/∂W_uv and every ∂E/∂X_pq with the windows that overlap it.
// Check mode replaces the results with answer fields. The default is the
// course example: its 3×3 block of X, completed to a 5×5 X that gives the
// course's whole F (the rest of X is not in the course: one of many choices).
#pragma once

#include "core/maths/convolution.h"
#include "gui/maths/matrix_step_tool.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QSpinBox;
class QTextBrowser;

namespace bpl::gui {

class MathsCheckPanel;
class MatrixEditor;

class ConvolutionTool : public MatrixStepTool {
    Q_OBJECT
  public:
    explicit ConvolutionTool(QWidget* parent = nullptr);

    // The course's W and X (its 3×3 block of X in the top-left corner).
    static Eigen::MatrixXd defaultInput();
    static Eigen::MatrixXd defaultFilter();

    MatrixEditor* inputEditor() const { return input_; }
    MatrixEditor* filterEditor() const { return filter_; }
    MatrixEditor* gradOutputEditor() const { return gradOutput_; }
    MatrixEditor* outputView() const { return output_; }
    // X inside its zero border (shown while the padding is more than 0).
    MatrixEditor* paddedInputView() const { return padded_; }
    MatrixEditor* gradFilterView() const { return gradFilter_; }
    MatrixEditor* gradInputView() const { return gradInput_; }
    QComboBox* modeCombo() const { return mode_; }
    const Convolution* convolution() const { return conv_ ? &*conv_ : nullptr; }
    QString errorText() const;

    // Steps: the outputs F row by row, then ∂E/∂W, then ∂E/∂X.
    int stepCount() const override;
    QString stepTitle() const;
    QString detailsText() const;

  public slots:
    void recompute();

  signals:
    // After every recompute (the pooling tool, chained, pools the new F).
    void computed();

  private:
    QWidget* buildInputs();
    QWidget* buildOutputs();
    void resizeGradOutput();
    // The step as (phase 0 forward / 1 ∂E/∂W / 2 ∂E/∂X, element index).
    std::pair<int, int> phaseOf(int step) const;
    const ConvElementStep* currentElement() const;
    void updateView() override;
    void fillOutputs(int phase, int index);
    void highlight(int phase, const ConvElementStep& element);
    void updateCheckSections();
    void fillPadded();

    MatrixEditor* input_ = nullptr;
    MatrixEditor* filter_ = nullptr;
    MatrixEditor* gradOutput_ = nullptr;
    MatrixEditor* padded_ = nullptr;
    QWidget* paddedBox_ = nullptr;
    MatrixEditor* output_ = nullptr;
    MatrixEditor* gradFilter_ = nullptr;
    MatrixEditor* gradInput_ = nullptr;
    QSpinBox* inputRows_ = nullptr;
    QSpinBox* inputCols_ = nullptr;
    QSpinBox* filterSize_ = nullptr;
    QSpinBox* stride_ = nullptr;
    QSpinBox* padding_ = nullptr;
    QComboBox* mode_ = nullptr;
    QTextBrowser* details_ = nullptr;
    std::optional<Convolution> conv_;
    QString errorMessage_;
    bool updating_ = false;
};

} // namespace bpl::gui
