// The Worked maths tab (issue 10, teaching-content.md sections 7–9 and 12):
// four tools on sub-tabs — the chain rule on an expression, activation
// functions, convolution, pooling (which can pool the convolution's output,
// chained) — and an Export solution… button that writes the worked
// solution of the tool shown. The tab widget carries tabId = "maths".
#pragma once

#include <QWidget>

class QTabWidget;
class QPushButton;

namespace bpl::gui {

class ActivationTool;
class ConvolutionTool;
class ExpressionTool;
class PoolingTool;

class WorkedMathsTab : public QWidget {
    Q_OBJECT
  public:
    explicit WorkedMathsTab(QWidget* parent = nullptr);

    QTabWidget* tools() const { return tools_; }
    ExpressionTool* expressionTool() const { return expression_; }
    ActivationTool* activationTool() const { return activation_; }
    ConvolutionTool* convolutionTool() const { return convolution_; }
    PoolingTool* poolingTool() const { return pooling_; }
    // Shows a tool by id: "chain", "activation", "convolution", "pooling".
    bool showTool(const QString& id);
    // Writes the current tool's worked solution; the format follows the
    // file's extension (.md, .tex, .html, .pdf, .txt). False with `error`.
    bool exportSolution(const QString& path, QString& error) const;

  private:
    void askExport();

    QTabWidget* tools_ = nullptr;
    ExpressionTool* expression_ = nullptr;
    ActivationTool* activation_ = nullptr;
    ConvolutionTool* convolution_ = nullptr;
    PoolingTool* pooling_ = nullptr;
    QPushButton* exportButton_ = nullptr;
};

} // namespace bpl::gui
