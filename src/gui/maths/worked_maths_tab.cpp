#include "gui/maths/worked_maths_tab.h"

#include "gui/maths/activation_tool.h"
#include "gui/maths/convolution_tool.h"
#include "gui/maths/expression_tool.h"
#include "gui/maths/pooling_tool.h"
#include "io/safe_file.h"
#include "render/maths_document.h"
#include "render/solution_export.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bpl::gui {

namespace {

// A tool on its page: only the tool scrolls (when the window is smaller than
// it), never the sub-tab bar and Export above it.
QScrollArea* scrolled(QWidget* tool, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(tool);
    scroll->setProperty("toolId", tool->property("toolId"));
    return scroll;
}

} // namespace

WorkedMathsTab::WorkedMathsTab(QWidget* parent) : QWidget(parent) {
    setProperty("tabId", "maths");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    tools_ = new QTabWidget(this);
    tools_->setObjectName("mathsTools");
    tools_->setDocumentMode(true);
    expression_ = new ExpressionTool(tools_);
    expression_->setProperty("toolId", "chain");
    activation_ = new ActivationTool(tools_);
    activation_->setProperty("toolId", "activation");
    convolution_ = new ConvolutionTool(tools_);
    convolution_->setProperty("toolId", "convolution");
    tools_->addTab(scrolled(expression_, tools_), tr("Chain rule"));
    tools_->addTab(scrolled(activation_, tools_), tr("Activation functions"));
    pooling_ = new PoolingTool(tools_);
    pooling_->setProperty("toolId", "pooling");
    tools_->addTab(scrolled(convolution_, tools_), tr("Convolution"));
    tools_->addTab(scrolled(pooling_, tools_), tr("Pooling"));
    // Chained: the pooling tool can pool F, and follows it.
    pooling_->setChainSource([this](QString& error) -> std::optional<Eigen::MatrixXd> {
        if (const Convolution* conv = convolution_->convolution())
            return conv->output;
        error = convolution_->errorText();
        return std::nullopt;
    });
    connect(convolution_, &ConvolutionTool::computed, pooling_, &PoolingTool::chainSourceChanged);
    exportButton_ = new QPushButton(tr("Export solution…"), this);
    exportButton_->setObjectName("exportSolutionButton");
    tools_->setCornerWidget(exportButton_, Qt::TopRightCorner);
    connect(exportButton_, &QPushButton::clicked, this, &WorkedMathsTab::askExport);
    layout->addWidget(tools_);
}

bool WorkedMathsTab::showTool(const QString& id) {
    for (int i = 0; i < tools_->count(); ++i) {
        if (tools_->widget(i)->property("toolId").toString() == id) {
            tools_->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool WorkedMathsTab::exportSolution(const QString& path, QString& error) const {
    const auto format = io::solutionFormatFromPath(path);
    if (!format) {
        error = tr("%1: unknown format (use .pdf, .html, .tex, .md, .txt or .json)").arg(path);
        return false;
    }
    auto* page = qobject_cast<QScrollArea*>(tools_->currentWidget());
    QWidget* current = page ? page->widget() : nullptr;
    if (current == activation_) {
        if (*format != io::SolutionFormat::Markdown && *format != io::SolutionFormat::Text) {
            error = tr("The activation tool exports Markdown (.md) or text (.txt)");
            return false;
        }
        // The one safe-write path: all or nothing, never onto a device or pipe.
        const auto saved = io::writeFileAtomically(path, activation_->solutionMarkdown().toUtf8());
        if (!saved) {
            error = QString::fromStdString(saved.error().message());
            return false;
        }
        return true;
    }
    Result<bool> written = Error{"", "", "nothing to export"};
    if (current == expression_) {
        if (!expression_->graph()) {
            error = tr("The expression has an error: %1").arg(expression_->errorText());
            return false;
        }
        written = io::exportGradSolution(*expression_->graph(), *format, path);
    } else if (current == convolution_) {
        if (!convolution_->convolution()) {
            error = tr("The convolution has an error: %1").arg(convolution_->errorText());
            return false;
        }
        written = io::exportConvolutionSolution(*convolution_->convolution(), *format, path);
    } else if (current == pooling_) {
        if (!pooling_->pooling()) {
            error = tr("The pooling has an error: %1").arg(pooling_->errorText());
            return false;
        }
        written = io::exportPoolingSolution(*pooling_->pooling(), *format, path);
    }
    if (!written) {
        error = QString::fromStdString(written.error().message());
        return false;
    }
    return true;
}

void WorkedMathsTab::askExport() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export solution"), QString(),
                                                      io::solutionFormatFilters().join(";;"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportSolution(path, error))
        QMessageBox::warning(this, tr("Export solution"), error);
}

} // namespace bpl::gui
