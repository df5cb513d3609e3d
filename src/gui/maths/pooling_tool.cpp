#include "gui/maths/pooling_tool.h"

#include "core/maths/maths_check.h"
#include "core/maths/matrix_symbols.h"
#include "gui/maths/maths_check_panel.h"
#include "gui/maths/maths_text.h"
#include "gui/maths/matrix_editor.h"
#include "gui/maths/matrix_step_tool.h"
#include "gui/maths/matrix_tool_parts.h"
#include "io/qt_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace bpl::gui {

namespace {

// A symbol that never breaks across lines ("∂E/" and "∂P₂₂" apart).
QString symbolText(const Dual& d) {
    return "<span style='white-space:nowrap'>" + q(d.text).toHtmlEscaped() + "</span>";
}

QString xName(int row, int col) {
    return symbolText(entrySymbol("X", row, col));
}

QString gradPName(int i, int j) {
    return symbolText(partialSymbol(Dual("E"), entrySymbol("P", i, j)));
}

// Bold and underlined: the window's first maximum (the cell the gradient goes to).
void markChosen(MatrixEditor* m, int row, int col, bool on) {
    QTableWidgetItem* cell = m->item(row, col);
    if (cell == nullptr)
        return;
    const QSignalBlocker block(m); // a font, not an edit
    QFont f = cell->font();
    f.setBold(on);
    f.setUnderline(on);
    cell->setFont(f);
}

} // namespace

Eigen::MatrixXd PoolingTool::defaultInput() {
    Eigen::MatrixXd x(4, 4);
    x << 1, 3, 2, 1, //
        2, 4, 1, 0,  //
        5, 1, 0, 2,  //
        1, 2, 3, 3;
    return x;
}

PoolingTool::PoolingTool(QWidget* parent) : MatrixStepTool(parent) {
    QWidget* inputs = buildInputs();
    buildFrame("pooling", inputs, buildOutputs());
    updateSettingsShown();
    recompute();
}

QWidget* PoolingTool::buildInputs() {
    // The settings in a strip above the matrices, X inside its zero border
    // beside X: the whole tool fits 1024×768 in presentation mode.
    auto* box = new QWidget(this);
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(buildSettings(box));
    auto* row = new QHBoxLayout;
    column->addLayout(row);
    input_ = new MatrixEditor(true, box);
    input_->setObjectName("poolInputX");
    input_->setMatrix(defaultInput());
    gradOutput_ = new MatrixEditor(true, box);
    gradOutput_->setObjectName("poolGradOutput");
    gradOutput_->setMatrix(Eigen::MatrixXd::Ones(2, 2));
    inputRows_ = toolSpin(1, 12, 4, box);
    inputCols_ = toolSpin(1, 12, 4, box);
    auto* xSize = new QHBoxLayout;
    xSize->addWidget(inputRows_);
    xSize->addWidget(new QLabel("×", box));
    xSize->addWidget(inputCols_);
    row->addWidget(captioned(tr("Input X"), input_, box, xSize));
    padded_ = new MatrixEditor(false, box);
    padded_->setObjectName("poolPaddedInputX");
    paddedBox_ = captioned(tr("X with its zero border"), padded_, box);
    paddedBox_->hide();
    row->addWidget(paddedBox_);
    row->addWidget(captioned(tr("∂E/∂P (given)"), gradOutput_, box));
    row->addStretch(1);

    connect(inputRows_, &QSpinBox::valueChanged, this,
            [this](int r) { input_->resizeMatrix(r, inputCols_->value()); });
    connect(inputCols_, &QSpinBox::valueChanged, this,
            [this](int c) { input_->resizeMatrix(inputRows_->value(), c); });
    for (MatrixEditor* m : {input_, gradOutput_})
        connect(m, &MatrixEditor::matrixEdited, this, &PoolingTool::recompute);
    return box;
}

QWidget* PoolingTool::buildSettings(QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* lines = new QVBoxLayout(box);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(2);
    auto* first = new QHBoxLayout;
    lines->addLayout(first);
    kind_ = new QComboBox(box);
    kind_->setObjectName("poolingKind");
    kind_->addItem(tr("max"), int(PoolingKind::Max));
    kind_->addItem(tr("average"), int(PoolingKind::Average));
    kind_->addItem(tr("adaptive average"), int(PoolingKind::AdaptiveAverage));
    kind_->addItem(tr("adaptive max"), int(PoolingKind::AdaptiveMax));
    kind_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    first->addWidget(new QLabel(tr("Pooling"), box));
    first->addWidget(kind_);

    buildWindowSettings(box, first);
    first->addStretch(1);

    auto* second = new QHBoxLayout;
    lines->addLayout(second);
    chain_ = new QCheckBox(tr("Pool the convolution's output F (chained)"), box);
    chain_->setObjectName("poolChained");
    chain_->setToolTip(tr("X is the Convolution tab's F, and follows it"));
    chain_->setEnabled(false);
    second->addWidget(chain_);
    checkButton_ = new QPushButton(tr("Check mode"), box);
    checkButton_->setObjectName("poolCheckModeButton");
    checkButton_->setCheckable(true);
    second->addSpacing(12);
    second->addWidget(checkButton_);
    second->addStretch(1);

    for (QSpinBox* s : {window_, stride_, padding_, outRows_, outCols_})
        connect(s, &QSpinBox::valueChanged, this, &PoolingTool::recompute);
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        updateSettingsShown();
        recompute();
    });
    connect(chain_, &QCheckBox::toggled, this, &PoolingTool::setChained);
    connect(checkButton_, &QPushButton::toggled, this, &PoolingTool::setCheckMode);
    return box;
}

// Window, stride and padding (max, average) or the output's size (adaptive).
void PoolingTool::buildWindowSettings(QWidget* box, QHBoxLayout* row) {
    // A label and a spin box, side by side.
    auto labelled = [](QHBoxLayout* row, const QString& label, QSpinBox* spin, QWidget* parent) {
        row->addSpacing(12);
        row->addWidget(new QLabel(label, parent));
        row->addWidget(spin);
    };
    fixedSettings_ = new QWidget(box);
    auto* fixed = new QHBoxLayout(fixedSettings_);
    fixed->setContentsMargins(0, 0, 0, 0);
    window_ = toolSpin(1, 8, 2, fixedSettings_);
    window_->setObjectName("poolWindowSpin");
    stride_ = toolSpin(1, 8, 2, fixedSettings_);
    stride_->setObjectName("poolStrideSpin");
    padding_ = toolSpin(0, 4, 0, fixedSettings_);
    padding_->setObjectName("poolPaddingSpin");
    labelled(fixed, tr("Window k × k"), window_, fixedSettings_);
    labelled(fixed, tr("Stride"), stride_, fixedSettings_);
    labelled(fixed, tr("Padding"), padding_, fixedSettings_);
    row->addWidget(fixedSettings_);

    adaptiveSettings_ = new QWidget(box);
    auto* adaptive = new QHBoxLayout(adaptiveSettings_);
    adaptive->setContentsMargins(0, 0, 0, 0);
    outRows_ = toolSpin(1, 12, 2, adaptiveSettings_);
    outRows_->setObjectName("poolOutRowsSpin");
    outCols_ = toolSpin(1, 12, 2, adaptiveSettings_);
    outCols_->setObjectName("poolOutColsSpin");
    labelled(adaptive, tr("Output size"), outRows_, adaptiveSettings_);
    adaptive->addWidget(new QLabel("×", adaptiveSettings_));
    adaptive->addWidget(outCols_);
    row->addWidget(adaptiveSettings_);
}

QWidget* PoolingTool::buildOutputs() {
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    output_ = new MatrixEditor(false, box);
    output_->setObjectName("poolOutputP");
    gradInput_ = new MatrixEditor(false, box);
    gradInput_->setObjectName("poolGradInput");
    row->addWidget(captioned(tr("Output P"), output_, box));
    row->addWidget(captioned(tr("∂E/∂X"), gradInput_, box));
    details_ = new QTextBrowser(box);
    details_->setObjectName("poolingDetails");
    details_->setFocusPolicy(Qt::NoFocus);
    row->addWidget(details_, 1);
    return box;
}

void PoolingTool::updateSettingsShown() {
    const bool adaptive = isAdaptive(static_cast<PoolingKind>(kind_->currentData().toInt()));
    fixedSettings_->setVisible(!adaptive);
    adaptiveSettings_->setVisible(adaptive);
}

void PoolingTool::setChainSource(ChainSource source) {
    chainSource_ = std::move(source);
    chain_->setEnabled(bool(chainSource_));
    chainSourceChanged();
}

void PoolingTool::setChained(bool on) {
    for (QWidget* w : std::initializer_list<QWidget*>{input_, inputRows_, inputCols_})
        w->setEnabled(!on);
    chainSourceChanged();
}

void PoolingTool::chainSourceChanged() {
    if (!chain_->isChecked() || !chainSource_) {
        const bool was = chained_.has_value() || !chainError_.isEmpty();
        chained_.reset();
        chainError_.clear();
        if (was)
            recompute();
        return;
    }
    chainError_.clear();
    chained_ = chainSource_(chainError_);
    if (chained_) {
        // Shown to 4 figures; the pooling uses F exactly as computed.
        const QSignalBlocker block(input_);
        input_->setMatrix(*chained_, 4);
        const QSignalBlocker blockRows(inputRows_), blockCols(inputCols_);
        inputRows_->setValue(int(chained_->rows()));
        inputCols_->setValue(int(chained_->cols()));
    }
    recompute();
}

std::optional<PoolingProblem> PoolingTool::readProblem() {
    PoolingProblem p;
    if (chain_->isChecked()) {
        if (!chained_) {
            errorMessage_ = tr("The convolution has an error: %1").arg(chainError_);
            return std::nullopt;
        }
        p.input = *chained_;
    } else {
        QString error;
        const std::optional<Eigen::MatrixXd> x = input_->values(&error);
        if (!x) {
            errorMessage_ = tr("X") + ": " + error;
            return std::nullopt;
        }
        p.input = *x;
    }
    p.kind = static_cast<PoolingKind>(kind_->currentData().toInt());
    if (isAdaptive(p.kind)) {
        p.outRows = outRows_->value();
        p.outCols = outCols_->value();
    } else {
        p.window = window_->value();
        p.stride = stride_->value();
        p.padding = padding_->value();
    }
    return p;
}

void PoolingTool::recompute() {
    if (updating_)
        return;
    pool_.reset();
    errorMessage_.clear();
    if (std::optional<PoolingProblem> problem = readProblem()) {
        // P's size first (∂E/∂P all ones), then ∂E/∂P as typed when it has that size.
        Result<Pooling> sized = computePooling(*problem);
        if (!sized.ok()) {
            errorMessage_ = q(sized.error().message());
        } else if (gradOutput_->rowCount() != sized.value().output.rows() ||
                   gradOutput_->columnCount() != sized.value().output.cols()) {
            updating_ = true;
            gradOutput_->setMatrix(sized.value().gradOutput);
            updating_ = false;
            pool_ = std::move(sized).value();
        } else {
            QString error;
            if (const auto g = gradOutput_->values(&error)) {
                problem->gradOutput = *g;
                Result<Pooling> result = computePooling(*problem);
                if (result.ok())
                    pool_ = std::move(result).value();
                else
                    errorMessage_ = q(result.error().message());
            } else {
                errorMessage_ = tr("∂E/∂P") + ": " + error;
            }
        }
    }
    error_->setText(errorMessage_);
    error_->setVisible(!errorMessage_.isEmpty());
    step_ = std::clamp(step_, 0, stepCount() - 1);
    if (pool_) {
        showPadded(padded_, paddedBox_, pool_->problem.input, pool_->problem.padding,
                   pool_->problem.precision);
    } else {
        paddedBox_->hide();
    }
    updateCheckSections();
    updateView();
}

bool PoolingTool::isShowingError() const {
    return !error_->isHidden();
}

int PoolingTool::stepCount() const {
    return pool_ ? int(pool_->forward.size() + pool_->backward.size()) : 1;
}

bool PoolingTool::isForward(int step) const {
    return step < int(pool_->forward.size());
}

const PoolElementStep* PoolingTool::currentElement() const {
    if (!pool_)
        return nullptr;
    const int nf = int(pool_->forward.size());
    return isForward(step_) ? &pool_->forward[std::size_t(step_)]
                            : &pool_->backward[std::size_t(step_ - nf)];
}

QString PoolingTool::stepTitle() const {
    const PoolElementStep* e = currentElement();
    if (!e)
        return tr("Nothing to compute");
    return tr("Step %1 of %2 — %3: %4")
        .arg(step_ + 1)
        .arg(stepCount())
        .arg(isForward(step_) ? tr("Forward") : tr("Backward, ∂E/∂X"), q(e->lhs.text));
}

void PoolingTool::highlight(const PoolElementStep& e) {
    for (MatrixEditor* m : {input_, padded_, gradOutput_, output_, gradInput_})
        m->clearHighlights();
    const PoolingProblem& p = pool_->problem;
    const int pad = p.padding;
    for (int r = 0; r < input_->rowCount(); ++r) {
        for (int c = 0; c < input_->columnCount(); ++c) {
            markChosen(input_, r, c, false);
            if (pad > 0)
                markChosen(padded_, r + pad, c + pad, false);
        }
    }
    const long cols = pool_->output.cols();
    // A window: strong or light, on X and (all of it, padding too) on the padded X.
    auto window = [&](const PoolWindow& w, bool strong) {
        for (int a = w.rowBegin; a < w.rowEnd; ++a) {
            for (int b = w.colBegin; b < w.colEnd; ++b) {
                if (a >= 0 && b >= 0 && a < p.input.rows() && b < p.input.cols())
                    input_->highlight(a, b, strong);
                if (pad > 0)
                    padded_->highlight(a + pad, b + pad, strong);
            }
        }
    };
    auto chosen = [&](std::size_t k) {
        if (!isMaxPooling(p.kind))
            return;
        const auto [a, b] = pool_->argMax[k];
        markChosen(input_, a, b, true);
        if (pad > 0)
            markChosen(padded_, a + pad, b + pad, true);
    };
    if (isForward(step_)) {
        const std::size_t k = std::size_t(e.row * cols + e.col);
        window(pool_->windows[k], true);
        chosen(k);
        output_->highlight(e.row, e.col, true);
        gradOutput_->highlight(e.row, e.col, false);
        return;
    }
    // Every window over X_pq, lightly, with its first maximum; the ∂E/∂P that
    // reach X_pq strongly, the others (max: sent elsewhere) lightly.
    for (std::size_t k = 0; k < pool_->windows.size(); ++k) {
        if (!pool_->windows[k].covers(e.row, e.col))
            continue;
        window(pool_->windows[k], false);
        chosen(k);
        const int i = int(long(k) / cols), j = int(long(k) % cols);
        const bool reaches =
            std::find(e.windows.begin(), e.windows.end(), std::make_pair(i, j)) != e.windows.end();
        gradOutput_->highlight(i, j, reaches);
    }
    input_->highlight(e.row, e.col, true);
    if (pad > 0)
        padded_->highlight(e.row + pad, e.col + pad, true);
    gradInput_->highlight(e.row, e.col, true);
}

int PoolingTool::divisorOf(std::size_t k) const {
    const PoolingProblem& p = pool_->problem;
    return p.kind == PoolingKind::Average ? p.window * p.window : pool_->windows[k].cells();
}

QString PoolingTool::explanation(const PoolElementStep& e) const {
    const QStringList lines = isForward(step_) ? forwardLines(e) : backwardLines(e);
    return "<p>" + lines.join("</p><p>") + "</p>";
}

// The window, and where its ∂E/∂P will go.
QStringList PoolingTool::forwardLines(const PoolElementStep& e) const {
    const PoolingProblem& p = pool_->problem;
    const long cols = pool_->output.cols();
    const bool isMax = isMaxPooling(p.kind);
    QStringList lines;
    const std::size_t k = std::size_t(e.row * cols + e.col);
    const PoolWindow& w = pool_->windows[k];
    lines << tr("Window (highlighted on X): rows %1 to %2, columns %3 to %4%5.")
                 .arg(w.rowBegin + 1)
                 .arg(w.rowEnd)
                 .arg(w.colBegin + 1)
                 .arg(w.colEnd)
                 .arg(w.rowBegin < 0 || w.colBegin < 0 || w.rowEnd > p.input.rows() ||
                              w.colEnd > p.input.cols()
                          ? tr(", reaching into the zero border")
                          : QString());
    if (isMax) {
        const auto [a, b] = pool_->argMax[k];
        int ties = 0;
        for (int r = std::max(w.rowBegin, 0); r < std::min<int>(w.rowEnd, int(p.input.rows())); ++r)
            for (int c = std::max(w.colBegin, 0); c < std::min<int>(w.colEnd, int(p.input.cols()));
                 ++c)
                ties += p.input(r, c) == e.value ? 1 : 0;
        lines << tr("The first maximum, row by row, is %1 (bold): in the backward pass %2 goes "
                    "to it whole%3.")
                     .arg(xName(a, b), gradPName(e.row, e.col),
                          ties == 2  ? tr("; the other cell that ties with it gets "
                                           "nothing, as in PyTorch")
                          : ties > 2 ? tr("; the %1 cells that tie with it get nothing, as "
                                          "in PyTorch")
                                           .arg(ties - 1)
                                     : QString());
        if (p.padding > 0)
            lines << tr("Padding never wins (it counts as −∞).");
    } else {
        lines << tr("Divided by %1 (%2): in the backward pass each cell of the window takes "
                    "%3/%1.")
                     .arg(divisorOf(k))
                     .arg(p.kind == PoolingKind::Average ? tr("k², the zero border counted")
                                                         : tr("the window's own cells"),
                          gradPName(e.row, e.col));
    }
    return lines;
}

// What reaches X_pq, and (max) where the other windows over it send theirs.
QStringList PoolingTool::backwardLines(const PoolElementStep& e) const {
    const PoolingProblem& p = pool_->problem;
    const long cols = pool_->output.cols();
    const bool isMax = isMaxPooling(p.kind);
    QStringList lines;
    if (e.windows.empty()) {
        lines << (isMax ? tr("%1 is not the first maximum of any window: nothing comes back, "
                             "the gradient is 0.")
                        : tr("No window covers %1: the gradient is 0."))
                     .arg(xName(e.row, e.col));
    }
    for (const auto& [i, j] : e.windows) {
        const std::size_t k = std::size_t(i * cols + j);
        const QString g = mathsNumber(pool_->gradOutput(i, j), p.precision);
        lines << (isMax
                      ? tr("From %1 = %2: %3 is its window's first maximum.")
                            .arg(gradPName(i, j), g, xName(e.row, e.col))
                      : tr("From %1 = %2: a share %2/%3 = %4.")
                            .arg(gradPName(i, j), g)
                            .arg(divisorOf(k))
                            .arg(mathsNumber(pool_->gradOutput(i, j) / divisorOf(k), p.precision)));
    }
    if (e.windows.size() > 1)
        lines << tr("The windows overlap here: the parts add.");
    if (isMax) {
        // The windows over X_pq that send their gradient elsewhere, and where.
        for (std::size_t k = 0; k < pool_->windows.size(); ++k) {
            const int i = int(long(k) / cols), j = int(long(k) % cols);
            const auto [a, b] = pool_->argMax[k];
            if (pool_->windows[k].covers(e.row, e.col) && (a != e.row || b != e.col))
                lines << tr("%1 goes to %2, the first maximum of its window (bold), not here.")
                             .arg(gradPName(i, j), xName(a, b));
        }
    }
    return lines;
}

void PoolingTool::updateView() {
    stepLabel_->setText(stepTitle());
    const PoolElementStep* e = currentElement();
    if (!e) {
        for (MatrixEditor* m : {output_, gradInput_})
            m->setEmpty(0, 0);
        for (MatrixEditor* m : {input_, gradOutput_})
            m->clearHighlights();
        details_->setPlainText(errorMessage_);
        operation_->clear();
        return;
    }
    operation_->setText(tr("Computing: %1").arg(q(pool_->operation.text)));
    const int precision = pool_->problem.precision;
    const int nf = int(pool_->forward.size());
    fillFirst(output_, pool_->output, isForward(step_) ? step_ + 1 : nf, precision);
    fillFirst(gradInput_, pool_->gradInput, isForward(step_) ? 0 : step_ - nf + 1, precision);
    highlight(*e);
    details_->setHtml("<h3>" + stepTitle().toHtmlEscaped() + "</h3><p style='font-size:large'><b>" +
                      q(e->line().text).toHtmlEscaped() + "</b></p>" + explanation(*e));
}

QString PoolingTool::detailsText() const {
    return details_->toPlainText();
}

void PoolingTool::updateCheckSections() {
    if (!pool_) {
        check_->setSections({}, {});
        return;
    }
    const Pooling* pool = &*pool_;
    auto symbol = [pool](const MathsRef& ref) { return pool->symbolOf(ref); };
    check_->setSections(
        {matrixSection(tr("Output P"), MathsQuantity::ConvOutput, pool->output, symbol),
         matrixSection(tr("∂E/∂X"), MathsQuantity::ConvGradInput, pool->gradInput, symbol)},
        [pool](const std::vector<MathsAnswer>& answers) {
            return checkPoolingAnswers(*pool, answers);
        });
}

} // namespace bpl::gui
