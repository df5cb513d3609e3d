#include "gui/maths/convolution_tool.h"

#include "core/maths/maths_check.h"
#include "gui/maths/maths_check_panel.h"
#include "gui/maths/maths_text.h"
#include "gui/maths/matrix_editor.h"
#include "gui/maths/matrix_step_tool.h"
#include "gui/maths/matrix_tool_parts.h"
#include "io/qt_text.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace bpl::gui {

Eigen::MatrixXd ConvolutionTool::defaultInput() {
    // The course gives the top-left 3×3 block; the rest is one completion
    // (of many) that reproduces the course's whole F = [[109, 92, 72],
    // [108, 85, 74], [110, 74, 79]].
    Eigen::MatrixXd x(5, 5);
    x << 4, 5, 2, 0, 3, //
        3, 3, 2, 2, 3,  //
        4, 3, 4, 3, 0,  //
        5, 4, 0, 1, 4,  //
        4, 5, 0, 2, 7;
    return x;
}

Eigen::MatrixXd ConvolutionTool::defaultFilter() {
    Eigen::MatrixXd w(3, 3);
    w << 4, 3, 3, 5, 5, 5, 2, 4, 3;
    return w;
}

ConvolutionTool::ConvolutionTool(QWidget* parent) : MatrixStepTool(parent) {
    QWidget* inputs = buildInputs();
    buildFrame("convolution", inputs, buildOutputs());
    recompute();
}

QWidget* ConvolutionTool::buildInputs() {
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    input_ = new MatrixEditor(true, box);
    input_->setObjectName("inputX");
    input_->setMatrix(defaultInput());
    filter_ = new MatrixEditor(true, box);
    filter_->setObjectName("filterW");
    filter_->setMatrix(defaultFilter());
    gradOutput_ = new MatrixEditor(true, box);
    gradOutput_->setObjectName("gradOutput");
    gradOutput_->setMatrix(Eigen::MatrixXd::Ones(3, 3));
    inputRows_ = toolSpin(1, 12, 5, box);
    inputCols_ = toolSpin(1, 12, 5, box);
    filterSize_ = toolSpin(1, 7, 3, box);
    auto* xSize = new QHBoxLayout;
    xSize->addWidget(inputRows_);
    xSize->addWidget(new QLabel("×", box));
    xSize->addWidget(inputCols_);
    auto* wSize = new QHBoxLayout;
    wSize->addWidget(filterSize_);
    // X above X inside its zero border, W above the settings: the row stays
    // within 1024 px with the padding shown.
    auto* xColumn = new QVBoxLayout;
    xColumn->addWidget(captioned(tr("Input X"), input_, box, xSize));
    padded_ = new MatrixEditor(false, box);
    padded_->setObjectName("paddedInputX");
    paddedBox_ = captioned(tr("X with its zero border"), padded_, box);
    paddedBox_->hide();
    xColumn->addWidget(paddedBox_);
    row->addLayout(xColumn);
    auto* wColumn = new QVBoxLayout;
    wColumn->addWidget(captioned(tr("Filter W"), filter_, box, wSize));
    row->addLayout(wColumn);
    row->addWidget(captioned(tr("∂E/∂F (given)"), gradOutput_, box));

    auto* form = new QFormLayout;
    stride_ = toolSpin(1, 5, 1, box);
    stride_->setObjectName("strideSpin");
    padding_ = toolSpin(0, 5, 0, box);
    padding_->setObjectName("paddingSpin");
    mode_ = new QComboBox(box);
    mode_->setObjectName("convolutionMode");
    mode_->addItem(tr("cross-correlation (no flip)"), int(ConvolutionMode::CrossCorrelation));
    mode_->addItem(tr("convolution (flipped kernel)"), int(ConvolutionMode::Convolution));
    checkButton_ = new QPushButton(tr("Check mode"), box);
    checkButton_->setObjectName("checkModeButton");
    checkButton_->setCheckable(true);
    form->addRow(tr("Stride"), stride_);
    form->addRow(tr("Zero padding"), padding_);
    form->addRow(tr("Operation"), mode_);
    form->addRow(checkButton_);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    wColumn->addLayout(form);
    wColumn->addStretch(1);
    row->addStretch(1);

    connect(inputRows_, &QSpinBox::valueChanged, this,
            [this](int r) { input_->resizeMatrix(r, inputCols_->value()); });
    connect(inputCols_, &QSpinBox::valueChanged, this,
            [this](int c) { input_->resizeMatrix(inputRows_->value(), c); });
    connect(filterSize_, &QSpinBox::valueChanged, this,
            [this](int k) { filter_->resizeMatrix(k, k); });
    for (MatrixEditor* m : {input_, filter_, gradOutput_})
        connect(m, &MatrixEditor::matrixEdited, this, &ConvolutionTool::recompute);
    for (QSpinBox* s : {stride_, padding_})
        connect(s, &QSpinBox::valueChanged, this, &ConvolutionTool::recompute);
    connect(mode_, &QComboBox::currentIndexChanged, this, &ConvolutionTool::recompute);
    connect(checkButton_, &QPushButton::toggled, this, &ConvolutionTool::setCheckMode);
    return box;
}

QWidget* ConvolutionTool::buildOutputs() {
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    output_ = new MatrixEditor(false, box);
    output_->setObjectName("outputF");
    gradFilter_ = new MatrixEditor(false, box);
    gradFilter_->setObjectName("gradFilter");
    gradInput_ = new MatrixEditor(false, box);
    gradInput_->setObjectName("gradInput");
    row->addWidget(captioned(tr("Output F"), output_, box));
    row->addWidget(captioned(tr("∂E/∂W"), gradFilter_, box));
    row->addWidget(captioned(tr("∂E/∂X"), gradInput_, box));
    details_ = new QTextBrowser(box);
    details_->setObjectName("convolutionDetails");
    details_->setFocusPolicy(Qt::NoFocus);
    row->addWidget(details_, 1);
    return box;
}

QString ConvolutionTool::errorText() const {
    return errorMessage_;
}

void ConvolutionTool::resizeGradOutput() {
    const int rows = convolutionOutputSize(int(input_->rowCount()), filterSize_->value(),
                                           stride_->value(), padding_->value());
    const int cols = convolutionOutputSize(int(input_->columnCount()), filterSize_->value(),
                                           stride_->value(), padding_->value());
    if (rows > 0 && cols > 0 &&
        (gradOutput_->rowCount() != rows || gradOutput_->columnCount() != cols)) {
        const QSignalBlocker block(gradOutput_);
        gradOutput_->setMatrix(Eigen::MatrixXd::Ones(rows, cols));
    }
}

void ConvolutionTool::recompute() {
    if (updating_)
        return;
    updating_ = true;
    resizeGradOutput();
    updating_ = false;
    QString error;
    ConvolutionProblem problem;
    std::optional<Eigen::MatrixXd> x = input_->values(&error);
    std::optional<Eigen::MatrixXd> w = x ? filter_->values(&error) : std::nullopt;
    std::optional<Eigen::MatrixXd> g = w ? gradOutput_->values(&error) : std::nullopt;
    if (!x || !w || !g) {
        const QString which = !x ? tr("X") : !w ? tr("W") : tr("∂E/∂F");
        errorMessage_ = which + ": " + error;
    } else {
        problem.input = *x;
        problem.filter = *w;
        problem.gradOutput = *g;
        problem.stride = stride_->value();
        problem.padding = padding_->value();
        problem.mode = static_cast<ConvolutionMode>(mode_->currentData().toInt());
        Result<Convolution> result = computeConvolution(problem);
        if (result.ok()) {
            conv_ = std::move(result).value();
            errorMessage_.clear();
        } else {
            errorMessage_ = q(result.error().message());
        }
    }
    error_->setText(errorMessage_);
    error_->setVisible(!errorMessage_.isEmpty());
    if (!errorMessage_.isEmpty())
        conv_.reset();
    step_ = std::clamp(step_, 0, stepCount() - 1);
    fillPadded();
    updateCheckSections();
    updateView();
    emit computed();
}

int ConvolutionTool::stepCount() const {
    if (!conv_)
        return 1;
    return int(conv_->forward.size() + conv_->backwardFilter.size() + conv_->backwardInput.size());
}

std::pair<int, int> ConvolutionTool::phaseOf(int step) const {
    const int nf = int(conv_->forward.size());
    const int nw = int(conv_->backwardFilter.size());
    if (step < nf)
        return {0, step};
    if (step < nf + nw)
        return {1, step - nf};
    return {2, step - nf - nw};
}

const ConvElementStep* ConvolutionTool::currentElement() const {
    if (!conv_)
        return nullptr;
    const auto [phase, index] = phaseOf(step_);
    const auto& list = phase == 0   ? conv_->forward
                       : phase == 1 ? conv_->backwardFilter
                                    : conv_->backwardInput;
    return index < int(list.size()) ? &list[index] : nullptr;
}

QString ConvolutionTool::stepTitle() const {
    const ConvElementStep* e = currentElement();
    if (!e)
        return tr("Nothing to compute");
    const auto [phase, index] = phaseOf(step_);
    const QString part = phase == 0   ? tr("Forward")
                         : phase == 1 ? tr("Backward, ∂E/∂W")
                                      : tr("Backward, ∂E/∂X");
    return tr("Step %1 of %2 — %3: %4")
        .arg(step_ + 1)
        .arg(stepCount())
        .arg(part, q(conv_->symbolOf(e->formula.ref).text));
}

void ConvolutionTool::fillOutputs(int phase, int index) {
    const int p = conv_->problem.precision;
    auto fill = [p](MatrixEditor* view, const Eigen::MatrixXd& values, int shown) {
        fillFirst(view, values, shown, p);
    };
    fill(output_, conv_->output, phase == 0 ? index + 1 : int(conv_->output.size()));
    fill(gradFilter_, conv_->gradFilter,
         phase == 0   ? 0
         : phase == 1 ? index + 1
                      : int(conv_->gradFilter.size()));
    fill(gradInput_, conv_->gradInput, phase < 2 ? 0 : index + 1);
}

void ConvolutionTool::fillPadded() {
    if (!conv_) {
        paddedBox_->hide();
        return;
    }
    showPadded(padded_, paddedBox_, conv_->problem.input, conv_->problem.padding,
               conv_->problem.precision);
}

void ConvolutionTool::highlight(int phase, const ConvElementStep& e) {
    for (MatrixEditor* m :
         {input_, padded_, filter_, gradOutput_, output_, gradFilter_, gradInput_})
        m->clearHighlights();
    const int pad = conv_->problem.padding;
    if (pad > 0 && phase == 0) {
        // The whole window, padding included, on the padded X.
        for (const ConvTerm& t : e.terms)
            padded_->highlight(t.p + pad, t.q + pad, true);
    }
    if (phase == 0) {
        output_->highlight(e.row, e.col, true);
        for (const ConvTerm& t : e.terms) {
            if (!t.padding)
                input_->highlight(t.p, t.q, true);
            filter_->highlight(t.u, t.v, true);
        }
        gradOutput_->clearHighlights();
    } else if (phase == 1) {
        gradFilter_->highlight(e.row, e.col, true);
        filter_->highlight(e.row, e.col, true);
        for (const ConvTerm& t : e.terms) {
            if (!t.padding)
                input_->highlight(t.p, t.q, false);
            gradOutput_->highlight(t.i, t.j, false);
        }
    } else {
        gradInput_->highlight(e.row, e.col, true);
        input_->highlight(e.row, e.col, true);
        // The windows that overlap X_pq, lightly; the filter entries and the
        // ∂E/∂F entries that reach it.
        const int k = int(conv_->problem.filter.rows());
        const int s = conv_->problem.stride;
        const int pad = conv_->problem.padding;
        for (const auto& [i, j] : conv_->windowsCovering(e.row, e.col)) {
            for (int u = 0; u < k; ++u) {
                for (int v = 0; v < int(conv_->problem.filter.cols()); ++v)
                    input_->highlight(s * i + u - pad, s * j + v - pad, false);
            }
            gradOutput_->highlight(i, j, false);
        }
        for (const ConvTerm& t : e.terms)
            filter_->highlight(t.u, t.v, false);
    }
}

void ConvolutionTool::updateView() {
    stepLabel_->setText(stepTitle());
    const ConvElementStep* e = currentElement();
    if (!e) {
        for (MatrixEditor* m : {output_, gradFilter_, gradInput_})
            m->setEmpty(0, 0);
        details_->setPlainText(errorMessage_);
        operation_->clear();
        return;
    }
    operation_->setText(
        tr("Computing the %1: %2").arg(q(conv_->operationName.text), q(conv_->operation.text)));
    const auto [phase, index] = phaseOf(step_);
    fillOutputs(phase, index);
    highlight(phase, *e);
    if (phase > 0 && conv_->problem.padding > 0) {
        // The cells highlighted on X, on the padded X too.
        const int pad = conv_->problem.padding;
        for (int r = 0; r < input_->rowCount(); ++r) {
            for (int c = 0; c < input_->columnCount(); ++c) {
                if (input_->isHighlighted(r, c))
                    padded_->highlight(r + pad, c + pad, false);
            }
        }
    }
    QString html = "<h3>" + stepTitle().toHtmlEscaped() + "</h3>";
    html +=
        "<p style='font-size:large'><b>" + q(e->formula.line().text).toHtmlEscaped() + "</b></p>";
    if (phase == 2) {
        QStringList windows;
        for (const auto& [i, j] : conv_->windowsCovering(e->row, e->col))
            windows << q(conv_->symbolOf(MathsRef::entry(MathsQuantity::ConvOutput, i, j)).text);
        html += "<p>" +
                tr("Windows that overlap this cell (highlighted on X): %1")
                    .arg(windows.join(", ").toHtmlEscaped()) +
                "</p>";
    }
    details_->setHtml(html);
}

QString ConvolutionTool::detailsText() const {
    return details_->toPlainText();
}

void ConvolutionTool::updateCheckSections() {
    if (!conv_) {
        check_->setSections({}, {});
        return;
    }
    auto section = [this](const QString& title, MathsQuantity quantity, const Eigen::MatrixXd& m) {
        return matrixSection(title, quantity, m,
                             [this](const MathsRef& ref) { return conv_->symbolOf(ref); });
    };
    const Convolution* conv = &*conv_;
    check_->setSections({section(tr("Output F"), MathsQuantity::ConvOutput, conv_->output),
                         section(tr("∂E/∂W"), MathsQuantity::ConvGradFilter, conv_->gradFilter),
                         section(tr("∂E/∂X"), MathsQuantity::ConvGradInput, conv_->gradInput)},
                        [conv](const std::vector<MathsAnswer>& answers) {
                            return checkConvolutionAnswers(*conv, answers);
                        });
}

} // namespace bpl::gui
