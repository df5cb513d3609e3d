#include "gui/details/details_panel.h"
#include "gui/shown_text.h"

#include "core/linear_collapse.h"
#include "gui/details/formula_html.h"
#include "gui/details/formula_view.h"
#include "gui/details/gradient_norm_plot.h"
#include "gui/details/step_tables.h"
#include "gui/network_document.h"
#include "ui_details_panel.h"

namespace bpl::gui {

DetailsPanel::DetailsPanel(QWidget* parent) : QWidget(parent), ui_(std::make_unique<Ui::DetailsPanel>()) {
    ui_->setupUi(this);
    normPlot_ = new GradientNormPlot(ui_->splitter);
    ui_->splitter->addWidget(normPlot_);
    ui_->splitter->setStretchFactor(0, 3);
    ui_->splitter->setStretchFactor(1, 2);
    ui_->splitter->setStretchFactor(2, 2);
    ui_->splitter->setSizes({620, 520, 360});
    normPlot_->hide();
    connect(ui_->formulaView, &FormulaView::copied, this, &DetailsPanel::copied);
    connect(ui_->stepTables, &StepTables::copied, this, &DetailsPanel::copied);
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::setDocument(NetworkDocument* document) {
    document_ = document;
    connect(document_, &NetworkDocument::traceChanged, this, &DetailsPanel::refresh);
    connect(document_, &NetworkDocument::positionChanged, this, &DetailsPanel::refresh);
    refresh();
}

FormulaView* DetailsPanel::formulaView() const { return ui_->formulaView; }
StepTables* DetailsPanel::stepTables() const { return ui_->stepTables; }
GradientNormPlot* DetailsPanel::gradientNormPlot() const { return normPlot_; }
QString DetailsPanel::titleText() const { return ui_->titleLabel->text(); }

void DetailsPanel::refresh() {
    if (!document_) return;
    const Trace& trace = document_->trace();
    const Step* step = document_->currentStep();
    const int count = static_cast<int>(trace.steps.size());
    QString title;
    if (step) {
        title = tr("Step %1 of %2 · %3").arg(document_->position()).arg(count).arg(escapeHtml(QString::fromStdString(step->title.text)));
    } else {
        title = tr("Start · %1").arg(escapeHtml(shownName(trace.network.name)));
    }
    ui_->titleLabel->setText("<span style='font-size:large'><b>" + title + "</b></span>");
    if (step && !step->vectorFormula.latex.empty()) {
        ui_->vectorFormulaLabel->setText("<span style='font-size:large; font-family:\"DejaVu Serif\", serif'>" +
                                         latexToHtml(step->vectorFormula.latex) + "</span>");
        ui_->vectorFormulaLabel->show();
    } else {
        ui_->vectorFormulaLabel->hide();
    }
    QStringList notes;
    if (step && !step->note.empty()) notes << escapeHtml(QString::fromStdString(step->note));
    if (step && step->kind == StepKind::Forward) {
        if (const auto c = linearCollapseAt(trace.network, trace.forward, step->layer,
                                            trace.options.notation)) {
            for (const std::string& line :
                 linearCollapseLines(*c, trace.options.notation, trace.options.precision))
                notes << escapeHtml(QString::fromStdString(line));
        }
    }
    if (!step) {
        for (const std::string& w : trace.warnings) notes << "⚠ " + escapeHtml(QString::fromStdString(w));
    }
    ui_->noteLabel->setText(notes.isEmpty() ? QString() : "<i>" + notes.join("<br>") + "</i>");
    ui_->noteLabel->setVisible(!notes.isEmpty());
    ui_->formulaView->showStep(trace, step);
    ui_->stepTables->showStep(trace, step);
    const bool plot = GradientNormPlot::showsStep(step);
    if (plot) normPlot_->showStep(trace, step);
    normPlot_->setVisible(plot);
}

void DetailsPanel::setCheckPanel(QWidget* panel) {
    checkPanel_ = panel;
    ui_->detailsLayout->addWidget(panel, 1);
    panel->setVisible(checkMode_);
}

void DetailsPanel::setCheckMode(bool on) {
    checkMode_ = on;
    ui_->splitter->setVisible(!on);
    if (checkPanel_) checkPanel_->setVisible(on);
}

} // namespace bpl::gui
