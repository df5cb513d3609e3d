// The pooling tool of the Worked maths tab (teaching-content.md §12): X in a
// matrix editor (or, chained, the convolution tool's output F), the kind —
// max, average, adaptive average, adaptive max — with window, stride and
// padding (adaptive: the output's size), and ∂E/∂P (all ones unless edited).
// Stepping with Space / → / ← / Home / End goes through every output P_ij
// (its window highlighted on X and on X inside its zero border, the formula
// substituted), then every ∂E/∂X_pq with the windows whose gradient reaches
// it (max: only where X_pq is the window's first maximum; average: a share
// 1/n of every window that covers it; overlapping windows add). Check mode
// and the exports are the convolution tool's, with pooling's checker.
#pragma once

#include "core/maths/pooling.h"
#include "gui/maths/matrix_step_tool.h"

#include <QString>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QSpinBox;
class QTextBrowser;

namespace bpl::gui {

class MathsCheckPanel;
class MatrixEditor;

class PoolingTool : public MatrixStepTool {
    Q_OBJECT
  public:
    explicit PoolingTool(QWidget* parent = nullptr);

    // A 4×4 X whose 2×2 max pooling with stride 2 is [[4, 2], [5, 3]].
    static Eigen::MatrixXd defaultInput();

    // Where the chained input comes from: F, or nullopt with the reason.
    using ChainSource = std::function<std::optional<Eigen::MatrixXd>(QString& error)>;
    void setChainSource(ChainSource source);

    MatrixEditor* inputEditor() const { return input_; }
    MatrixEditor* gradOutputEditor() const { return gradOutput_; }
    MatrixEditor* paddedInputView() const { return padded_; }
    MatrixEditor* outputView() const { return output_; }
    MatrixEditor* gradInputView() const { return gradInput_; }
    QComboBox* kindCombo() const { return kind_; }
    QSpinBox* windowSpin() const { return window_; }
    QSpinBox* strideSpin() const { return stride_; }
    QSpinBox* paddingSpin() const { return padding_; }
    QSpinBox* outRowsSpin() const { return outRows_; }
    QSpinBox* outColsSpin() const { return outCols_; }
    QCheckBox* chainBox() const { return chain_; }
    const Pooling* pooling() const { return pool_ ? &*pool_ : nullptr; }
    QString errorText() const { return errorMessage_; }
    bool isShowingError() const;

    // Steps: the outputs P row by row, then ∂E/∂X row by row.
    int stepCount() const override;
    QString stepTitle() const;
    QString detailsText() const;

  public slots:
    void recompute();
    // The chained source changed (the convolution was recomputed).
    void chainSourceChanged();

  private:
    QWidget* buildInputs();
    QWidget* buildSettings(QWidget* parent);
    void buildWindowSettings(QWidget* box, QHBoxLayout* row);
    QWidget* buildOutputs();
    void setChained(bool on);
    std::optional<PoolingProblem> readProblem();
    void resizeGradOutput();
    void updateSettingsShown();
    bool isForward(int step) const;
    const PoolElementStep* currentElement() const;
    void updateView() override;
    void highlight(const PoolElementStep& element);
    QString explanation(const PoolElementStep& element) const;
    QStringList forwardLines(const PoolElementStep& element) const;
    QStringList backwardLines(const PoolElementStep& element) const;
    // n of output k's average: k² (padding counted) or the window's own cells.
    int divisorOf(std::size_t k) const;
    void updateCheckSections();

    MatrixEditor* input_ = nullptr;
    MatrixEditor* gradOutput_ = nullptr;
    MatrixEditor* padded_ = nullptr;
    QWidget* paddedBox_ = nullptr;
    MatrixEditor* output_ = nullptr;
    MatrixEditor* gradInput_ = nullptr;
    QSpinBox* inputRows_ = nullptr;
    QSpinBox* inputCols_ = nullptr;
    QComboBox* kind_ = nullptr;
    QSpinBox* window_ = nullptr;
    QSpinBox* stride_ = nullptr;
    QSpinBox* padding_ = nullptr;
    QSpinBox* outRows_ = nullptr;
    QSpinBox* outCols_ = nullptr;
    QWidget* fixedSettings_ = nullptr;
    QWidget* adaptiveSettings_ = nullptr;
    QCheckBox* chain_ = nullptr;
    QTextBrowser* details_ = nullptr;
    ChainSource chainSource_;
    std::optional<Eigen::MatrixXd> chained_; // F as the convolution computed it (exact)
    QString chainError_;
    std::optional<Pooling> pool_;
    QString errorMessage_;
    bool updating_ = false;
};

} // namespace bpl::gui
