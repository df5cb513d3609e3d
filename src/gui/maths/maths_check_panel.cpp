#include "gui/maths/maths_check_panel.h"

#include "core/symbol_parse.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bpl::gui {

MathsAnswerField::MathsAnswerField(const MathsRef& ref, QWidget* parent)
    : QLineEdit(parent), ref_(ref) {
    setObjectName("answer:" + QString::fromStdString(ref.describe()));
    setProperty("checkStatus", statusKey(EntryState::Empty));
    setMinimumWidth(70);
    setStyleSheet(entryStyleSheet(EntryState::Empty, palette()));
}

void MathsAnswerField::setState(EntryState state, const QString& explanation) {
    explanation_ = explanation;
    setToolTip(explanation.isEmpty() ? placeholderText() : explanation);
    if (mark_) {
        mark_->setText(statusGlyph(state));
        mark_->setStyleSheet(QString("color: %1; font-weight: bold;")
                                 .arg(statusColours(state, palette()).accent.name()));
        mark_->setToolTip(toolTip());
    }
    if (state == state_)
        return;
    state_ = state;
    setProperty("checkStatus", statusKey(state));
    setStyleSheet(entryStyleSheet(state, palette()));
}

void MathsAnswerField::focusInEvent(QFocusEvent* event) {
    QLineEdit::focusInEvent(event);
    emit focused(this);
}

MathsCheckPanel::MathsCheckPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(this);
    summary_->setObjectName("checkSummary");
    summary_->setWordWrap(true);
    QFont bold = summary_->font();
    bold.setBold(true);
    summary_->setFont(bold);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    grid_ = new QWidget(scroll);
    gridLayout_ = new QGridLayout(grid_);
    gridLayout_->setContentsMargins(4, 4, 4, 4);
    scroll->setWidget(grid_);
    explanation_ = new QTextBrowser(this);
    explanation_->setObjectName("checkExplanation");
    explanation_->setMaximumHeight(130);
    explanation_->setPlaceholderText(
        tr("Type your values; hover over a field, or click into it, for the explanation."));
    layout->addWidget(summary_);
    layout->addWidget(scroll, 1);
    layout->addWidget(explanation_);
}

void MathsCheckPanel::setSections(const std::vector<Section>& sections, Checker checker) {
    checker_ = std::move(checker);
    current_ = nullptr;
    for (MathsAnswerField* f : fields_)
        f->deleteLater();
    fields_.clear();
    while (QLayoutItem* item = gridLayout_->takeAt(0)) {
        if (QWidget* w = item->widget())
            w->deleteLater();
        delete item;
    }
    int row = 0;
    for (const Section& section : sections) {
        auto* title = new QLabel("<b>" + section.title.toHtmlEscaped() + "</b>", grid_);
        gridLayout_->addWidget(title, row++, 0, 1, std::max(3, section.columns));
        int k = 0;
        for (const Row& r : section.rows) {
            auto* field = new MathsAnswerField(r.ref, grid_);
            field->setPlaceholderText(r.symbol);
            field->setToolTip(r.symbol + (r.caption.isEmpty() ? QString() : " = " + r.caption));
            connect(field, &QLineEdit::textChanged, this, [this, field] {
                current_ = field; // the explanation follows the field being typed in
                recheck();
            });
            connect(field, &MathsAnswerField::focused, this, &MathsCheckPanel::showExplanation);
            fields_.push_back(field);
            if (section.columns <= 1) {
                gridLayout_->addWidget(new QLabel(r.symbol, grid_), row, 0);
                auto* caption = new QLabel(r.caption, grid_);
                caption->setStyleSheet("color: palette(mid);");
                gridLayout_->addWidget(caption, row, 1);
                gridLayout_->addWidget(field, row, 2);
                auto* mark = new QLabel(grid_);
                mark->setMinimumWidth(14);
                field->setMarkLabel(mark);
                gridLayout_->addWidget(mark, row, 3);
                ++row;
            } else {
                field->setMinimumWidth(56);
                gridLayout_->addWidget(field, row + k / section.columns, k % section.columns);
                ++k;
            }
        }
        if (section.columns > 1)
            row += (k + section.columns - 1) / section.columns;
    }
    gridLayout_->setRowStretch(row, 1);
    recheck();
}

MathsAnswerField* MathsCheckPanel::field(const MathsRef& ref) const {
    for (MathsAnswerField* f : fields_) {
        if (f->ref() == ref)
            return f;
    }
    return nullptr;
}

void MathsCheckPanel::clearAnswers() {
    for (MathsAnswerField* f : fields_) {
        const QSignalBlocker block(f);
        f->clear();
    }
    recheck();
}

void MathsCheckPanel::recheck() {
    std::vector<MathsAnswer> answers;
    for (MathsAnswerField* f : fields_) {
        const QString text = f->text().trimmed();
        if (text.isEmpty()) {
            f->setState(EntryState::Empty, QString());
            continue;
        }
        const auto value = parseTypedNumber(text.toStdString());
        if (!value) {
            f->setState(EntryState::Unreadable, tr("“%1” is not a number.").arg(text));
            continue;
        }
        answers.push_back({f->ref(), *value});
    }
    if (!checker_ || answers.empty()) {
        summary_->setText(tr("Type your values into the fields."));
        showExplanation(current_);
        return;
    }
    const MathsCheckReport report = checker_(answers);
    for (MathsAnswerField* f : fields_) {
        if (const MathsAnswerResult* r = report.find(f->ref())) {
            const EntryState state = entryState(r->status);
            f->setState(state, statusGlyph(state) + " " + statusWord(state) + "\n" +
                                   QString::fromStdString(r->explanation));
        }
    }
    summary_->setText(QString::fromStdString(report.summary()));
    showExplanation(current_);
}

void MathsCheckPanel::showExplanation(MathsAnswerField* field) {
    current_ = field;
    explanation_->setPlainText(field ? field->explanation() : QString());
}

QString MathsCheckPanel::summaryText() const {
    return summary_->text();
}

QString MathsCheckPanel::explanationText() const {
    return explanation_->toPlainText();
}

} // namespace bpl::gui
