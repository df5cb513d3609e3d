#include "gui/maths/expression_tool.h"

#include "io/qt_text.h"
#include "core/maths/maths_check.h"
#include "core/symbol_parse.h"
#include "gui/maths/expression_graph_view.h"
#include "gui/maths/maths_check_panel.h"
#include "gui/maths/maths_text.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace bpl::gui {

namespace {

QString h(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

} // namespace

QString ExpressionTool::defaultExpression() {
    return QStringLiteral("(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))");
}

ExpressionTool::ExpressionTool(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("f ="), this));
    expression_ = new QLineEdit(defaultExpression(), this);
    expression_->setObjectName("expressionEdit");
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    expression_->setFont(mono);
    top->addWidget(expression_, 1);
    top->addWidget(new QLabel(tr("at"), this));
    variablesLayout_ = new QHBoxLayout;
    top->addLayout(variablesLayout_);
    checkButton_ = new QPushButton(tr("Check mode"), this);
    checkButton_->setObjectName("checkModeButton");
    checkButton_->setCheckable(true);
    top->addWidget(checkButton_);
    layout->addLayout(top);

    error_ = new QLabel(this);
    error_->setObjectName("expressionError");
    error_->setFont(mono);
    error_->setStyleSheet("color: #c01c28;");
    error_->setTextFormat(Qt::PlainText);
    error_->hide();
    layout->addWidget(error_);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    view_ = new ExpressionGraphView(splitter);
    pages_ = new QStackedWidget(splitter);
    auto* detailsPage = new QWidget(pages_);
    auto* detailsLayout = new QVBoxLayout(detailsPage);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    details_ = new QTextBrowser(detailsPage);
    details_->setObjectName("expressionDetails");
    details_->setFocusPolicy(Qt::NoFocus);
    results_ = new QLabel(detailsPage);
    results_->setObjectName("expressionResults");
    results_->setWordWrap(true);
    results_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    results_->setFrameShape(QFrame::StyledPanel);
    results_->setMargin(4);
    detailsLayout->addWidget(details_, 1);
    detailsLayout->addWidget(results_);
    check_ = new MathsCheckPanel(pages_);
    pages_->addWidget(detailsPage);
    pages_->addWidget(check_);
    splitter->addWidget(view_);
    splitter->addWidget(pages_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 400});
    layout->addWidget(splitter, 1);
    layout->addWidget(buildStepBar());

    connect(expression_, &QLineEdit::textChanged, this, &ExpressionTool::recompute);
    connect(expression_, &QLineEdit::returnPressed, this, [this] {
        if (graph_)
            view_->setFocus();
    });
    connect(checkButton_, &QPushButton::toggled, this, &ExpressionTool::setCheckMode);
    const std::pair<QKeySequence, void (ExpressionTool::*)()> keys[] = {
        {QKeySequence(Qt::Key_Space), &ExpressionTool::next},
        {QKeySequence(Qt::Key_Right), &ExpressionTool::next},
        {QKeySequence(Qt::Key_Left), &ExpressionTool::previous},
        {QKeySequence(Qt::Key_Home), &ExpressionTool::home},
        {QKeySequence(Qt::Key_End), &ExpressionTool::end}};
    for (const auto& [key, slot] : keys) {
        auto* shortcut = new QShortcut(key, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    }
    rebuildVariableFields({"x", "y"});
    variables_["x"]->setText("1");
    variables_["y"]->setText("0");
    recompute();
}

QWidget* ExpressionTool::buildStepBar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const std::pair<QString, void (ExpressionTool::*)()> buttons[] = {
        {tr("Start"), &ExpressionTool::home},
        {tr("◀ Back"), &ExpressionTool::previous},
        {tr("Next ▶"), &ExpressionTool::next},
        {tr("End"), &ExpressionTool::end}};
    for (const auto& [text, slot] : buttons) {
        auto* b = new QPushButton(text, bar);
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
    }
    stepLabel_ = new QLabel(bar);
    stepLabel_->setObjectName("stepLabel");
    row->addWidget(stepLabel_, 1);
    row->addWidget(new QLabel(tr("Space / → next, ← back, Home / End"), bar));
    return bar;
}

QLineEdit* ExpressionTool::variableEdit(const QString& name) const {
    const auto it = variables_.find(name.toStdString());
    return it == variables_.end() ? nullptr : it->second;
}

void ExpressionTool::rebuildVariableFields(const std::vector<std::string>& names) {
    std::vector<std::string> current;
    for (const auto& [name, edit] : variables_)
        current.push_back(name);
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (sorted == current)
        return;
    for (auto& [name, edit] : variables_)
        typedValues_[name] = edit->text();
    while (QLayoutItem* item = variablesLayout_->takeAt(0)) {
        if (QWidget* w = item->widget())
            w->deleteLater();
        delete item;
    }
    variables_.clear();
    for (const std::string& name : names) {
        auto* label = new QLabel(q(name) + " =", this);
        auto* edit = new QLineEdit(this);
        edit->setObjectName("var:" + q(name));
        edit->setFixedWidth(64);
        const auto typed = typedValues_.find(name);
        edit->setText(typed != typedValues_.end() ? typed->second : QStringLiteral("1"));
        connect(edit, &QLineEdit::textChanged, this, &ExpressionTool::recompute);
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (graph_)
                view_->setFocus();
        });
        variablesLayout_->addWidget(label);
        variablesLayout_->addWidget(edit);
        variables_[name] = edit;
    }
}

void ExpressionTool::showError(int column, const QString& message) {
    // The check panel's checker reads the graph: drop it first.
    check_->setSections({}, {});
    graph_.reset();
    view_->setGraph(nullptr);
    errorMessage_ = column > 0 ? QString("col %1: %2").arg(column).arg(message) : message;
    if (column > 0) {
        // The expression, a caret under the column, the message.
        error_->setText(expression_->text() + "\n" + QString(column - 1, ' ') + "^ " +
                        errorMessage_);
    } else {
        error_->setText(errorMessage_);
    }
    error_->show();
    step_ = 0;
    updateDetails();
    emit graphChanged();
}

QString ExpressionTool::errorText() const {
    return errorMessage_;
}

void ExpressionTool::recompute() {
    const ParseResult parsed = parseExpression(expression_->text().toStdString());
    if (!parsed.ok()) {
        showError(parsed.error.column, q(parsed.error.message));
        return;
    }
    rebuildVariableFields(parsed.expression->variables);
    std::vector<VariableValue> at;
    for (const std::string& name : parsed.expression->variables) {
        const QString text = variables_[name]->text();
        const auto value = parseTypedNumber(text.toStdString());
        if (!value) {
            showError(0, tr("%1 = “%2”: not a number").arg(q(name), text));
            return;
        }
        at.push_back({name, *value});
    }
    GraphResult built = buildExpressionGraph(*parsed.expression, at);
    if (!built.ok()) {
        showError(0, q(built.error.describe()));
        return;
    }
    graph_ = std::move(*built.graph);
    errorMessage_.clear();
    error_->hide();
    view_->setGraph(&*graph_);
    step_ = std::min(step_, stepCount() - 1);
    view_->setStep(step_);
    updateCheckSections();
    updateDetails();
    emit graphChanged();
}

int ExpressionTool::stepCount() const {
    return graph_ ? 1 + int(graph_->backward.size()) : 1;
}

void ExpressionTool::setStep(int step) {
    step_ = std::clamp(step, 0, stepCount() - 1);
    view_->setStep(step_);
    updateDetails();
}

QString ExpressionTool::stepTitle() const {
    if (!graph_)
        return tr("No graph: fix the expression");
    if (step_ == 0)
        return tr("Forward pass: the value of every node (step 1 of %1)").arg(stepCount());
    const BackwardStep& s = graph_->backward[step_ - 1];
    return tr("Backward step %1 of %2: %3")
        .arg(step_)
        .arg(stepCount() - 1)
        .arg(q(graph_->symbolOf(MathsRef::grad(s.node)).text));
}

QString ExpressionTool::forwardHtml() const {
    QString html = "<h3>" + tr("Forward pass") + "</h3><p>" +
                   tr("Every operation of f = %1, at %2:")
                       .arg(h(graph_->expression.text().text),
                            [this] {
                                QStringList parts;
                                for (const VariableValue& v : graph_->at)
                                    parts << q(v.name) + " = " +
                                                 mathsNumber(v.value, graph_->options.precision);
                                return parts.join(", ").toHtmlEscaped();
                            }()) +
                   "</p><table cellspacing='4'>";
    for (const WorkedFormula& f : graph_->forward)
        html += "<tr><td>" + h(f.line().text) + "</td></tr>";
    return html + "</table>";
}

QString ExpressionTool::backwardHtml(const BackwardStep& step) const {
    const GraphNode& node = graph_->nodes[step.node];
    QString html = "<h3>" + h(step.title.text) + "</h3>";
    const QString valueLine = node.symbol.text == node.expression.text
                                  ? h(node.symbol.text)
                                  : h(node.symbol.text) + " = " + h(node.expression.text);
    html += "<p>" + valueLine + " = " + mathsNumber(node.value, graph_->options.precision) + "</p>";
    if (!step.contributions.empty()) {
        html += "<p><b>" + tr("Local derivatives and contributions") + "</b></p><ol>";
        for (const GradContribution& c : step.contributions) {
            const GraphNode& user = graph_->nodes[c.use.user];
            html += "<li>" +
                    tr("through %1 = %2:").arg(h(user.symbol.text), h(user.expression.text)) +
                    "<br>∂" + h(user.symbol.text) + "/∂" + h(node.symbol.text) + " = " +
                    h(c.localSymbolic.text) + " = " + h(c.localSubstituted.text) + " = " +
                    mathsNumber(c.local, graph_->options.precision) + "<br>" + h(c.term.text) +
                    " = " + h(c.termSubstituted.text) + " = " +
                    mathsNumber(c.value, graph_->options.precision) + "</li>";
        }
        html += "</ol>";
        if (step.contributions.size() > 1)
            html += "<p>" +
                    tr("%1 is used %2 times: the contributions add.")
                        .arg(h(node.symbol.text))
                        .arg(step.contributions.size()) +
                    "</p>";
    }
    html += "<p style='font-size:large'><b>" + h(step.formula.line().text) + "</b></p>";
    return html;
}

void ExpressionTool::updateDetails() {
    stepLabel_->setText(stepTitle());
    if (!graph_) {
        details_->setPlainText(errorMessage_);
        results_->clear();
        return;
    }
    details_->setHtml(step_ == 0 ? forwardHtml() : backwardHtml(graph_->backward[step_ - 1]));
    updateResults();
}

void ExpressionTool::updateResults() {
    if (!graph_ || step_ < stepCount() - 1) {
        results_->setText(tr("The gradient appears when the backward pass is complete (End)."));
        return;
    }
    const int p = graph_->options.precision;
    QStringList lines;
    lines << "f = " + mathsNumber(graph_->value(), p);
    const CentralDifferenceCheck check = centralDifferenceCheck(*graph_);
    for (const CentralDifference& d : check.entries) {
        lines << tr("∂f/∂%1 = %2    central difference %3 (relative error %4)")
                     .arg(q(d.variable), mathsNumber(d.analytic, p), mathsNumber(d.numeric, p),
                          mathsNumber(d.relativeError, 2));
    }
    lines << (check.agrees ? tr("Backpropagation and central differences agree.")
                           : tr("Backpropagation and central differences DISAGREE."));
    results_->setText(lines.join("\n"));
}

QString ExpressionTool::detailsText() const {
    return details_->toPlainText();
}

QString ExpressionTool::resultsText() const {
    return results_->text();
}

void ExpressionTool::updateCheckSections() {
    if (!graph_)
        return;
    MathsCheckPanel::Section values{tr("Forward: the value of each operation"), {}, 1};
    for (const WorkedFormula& f : graph_->forward) {
        const GraphNode& n = graph_->nodes[f.ref.node];
        values.rows.push_back({f.ref, q(n.symbol.text), q(n.expression.text)});
    }
    MathsCheckPanel::Section grads{tr("Backward: ∂f/∂ each node"), {}, 1};
    for (const BackwardStep& s : graph_->backward) {
        if (s.node == graph_->output)
            continue; // ∂f/∂f = 1 is given
        const GraphNode& n = graph_->nodes[s.node];
        grads.rows.push_back({MathsRef::grad(s.node),
                              q(graph_->symbolOf(MathsRef::grad(s.node)).text),
                              q(n.expression.text)});
    }
    const ExpressionGraph* graph = &*graph_;
    check_->setSections({values, grads}, [graph](const std::vector<MathsAnswer>& answers) {
        return checkGraphAnswers(*graph, answers);
    });
}

void ExpressionTool::setCheckMode(bool on) {
    checkMode_ = on;
    if (checkButton_->isChecked() != on)
        checkButton_->setChecked(on);
    pages_->setCurrentIndex(on ? 1 : 0);
    view_->setCheckMode(on);
}

} // namespace bpl::gui
