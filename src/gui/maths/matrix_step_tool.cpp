#include "gui/maths/matrix_step_tool.h"

#include "gui/maths/maths_check_panel.h"
#include "gui/maths/matrix_tool_parts.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace bpl::gui {

void MatrixStepTool::buildFrame(const QString& name, QWidget* inputs, QWidget* outputs) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    outer->setSpacing(4);
    // The matrices scroll; the stepping buttons stay in view below them.
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(name + "Content");
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    layout->addWidget(inputs);
    error_ = errorLine(this, name + "Error");
    operation_ = new QLabel(this);
    operation_->setObjectName(name + "Operation");
    operation_->setWordWrap(true);
    layout->addWidget(error_);
    layout->addWidget(operation_);
    pages_ = new QStackedWidget(this);
    pages_->addWidget(outputs);
    check_ = new MathsCheckPanel(pages_);
    pages_->addWidget(check_);
    layout->addWidget(pages_, 1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    outer->addWidget(stepBar(
        this, {[this] { home(); }, [this] { previous(); }, [this] { next(); }, [this] { end(); }},
        stepLabel_));
}

void MatrixStepTool::setStep(int step) {
    step_ = std::clamp(step, 0, stepCount() - 1);
    updateView();
}

void MatrixStepTool::setCheckMode(bool on) {
    checkMode_ = on;
    if (checkButton_ != nullptr && checkButton_->isChecked() != on)
        checkButton_->setChecked(on);
    pages_->setCurrentIndex(on ? 1 : 0);
}

} // namespace bpl::gui
