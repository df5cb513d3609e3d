#include "gui/check/check_panel.h"

#include "core/answer_check.h"
#include "core/symbol_parse.h"
#include "gui/check/check_session.h"
#include "gui/details/formula_html.h"
#include "gui/network_document.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace bpl::gui {

namespace {

constexpr int kMaxEntries = 400; // a field per number stops being useful long before

QString symbolHtml(const Trace& trace, const QuantityRef& ref) {
    // The Unicode form ("new w₁₃⁽¹⁾"), as in the summary and the explanations.
    const QString html = escapeHtml(QString::fromStdString(quantitySymbol(trace, ref).text));
    return "<span style='font-family:\"DejaVu Serif\", serif; font-size:large'>" + html + "</span>";
}

QString paragraphs(const QString& text) { return escapeHtml(text).replace('\n', "<br>"); }

} // namespace

AnswerEntry::AnswerEntry(const QuantityRef& ref, QWidget* parent) : QLineEdit(parent), ref_(ref) {
    setObjectName("answer:" + QString::fromStdString(ref.describe()));
    setProperty("checkStatus", QStringLiteral("empty"));
    setPlaceholderText(tr("your value"));
    setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("−0.000248753  ")) + 24);
}

void AnswerEntry::focusInEvent(QFocusEvent* event) {
    QLineEdit::focusInEvent(event);
    emit focused(ref_);
}

CheckPanel::CheckPanel(NetworkDocument* document, CheckSession* session, QWidget* parent)
    : QWidget(parent), document_(document), session_(session) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(4);

    auto* header = new QHBoxLayout;
    summary_ = new QLabel(this);
    summary_->setObjectName("checkSummary");
    summary_->setTextFormat(Qt::RichText);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setWordWrap(true); // a long count wraps instead of widening the window past 1024 pixels
    tolerance_ = new QLabel(this);
    tolerance_->setObjectName("checkTolerance");
    allSteps_ = new QCheckBox(tr("All steps"), this);
    allSteps_->setObjectName("checkAllSteps");
    allSteps_->setToolTip(tr("Show a field for every value of the exercise, not only the current step's"));
    buttons_ = new QHBoxLayout;
    buttons_->setSpacing(2);
    quick_ = new QLineEdit(this);
    quick_->setObjectName("checkQuickEntry");
    quick_->setPlaceholderText(tr("By name: new w₁₃⁽¹⁾ = 0.30124 ↵"));
    quick_->setToolTip(tr("Type a value by its name in the notation shown (w13(1), δ₁⁽²⁾, dE/dw12(1), E …), "
                          "an equals sign and your number, then Enter"));
    quick_->setMinimumWidth(quick_->fontMetrics().horizontalAdvance(quick_->placeholderText()) + 24);
    header->addWidget(summary_, 1);
    header->addWidget(quick_);
    header->addWidget(tolerance_);
    header->addWidget(allSteps_);
    header->addLayout(buttons_);
    outer->addLayout(header);

    auto* body = new QHBoxLayout;
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    explanation_ = new QTextBrowser(this);
    explanation_->setObjectName("checkExplanation");
    explanation_->setOpenLinks(false);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    body->addWidget(scroll_, 3);
    body->addWidget(explanation_, 2);
    outer->addLayout(body, 1);

    connect(allSteps_, &QCheckBox::toggled, this, &CheckPanel::rebuild);
    // Every field shown: the canvas must not show any of their values.
    connect(allSteps_, &QCheckBox::toggled, this, [this](bool all) { document_->setHideAllResults(all); });
    connect(quick_, &QLineEdit::returnPressed, this, [this] {
        if (enterByName(quick_->text())) quick_->clear();
    });
    connect(quick_, &QLineEdit::textEdited, this, [this] { quick_->setStyleSheet({}); });
    connect(session_, &CheckSession::changed, this, &CheckPanel::refreshMarks);
    connect(document_, &NetworkDocument::positionChanged, this, [this] {
        if (!allSteps_->isChecked()) rebuild();
    });
    connect(document_, &NetworkDocument::traceChanged, this, &CheckPanel::rebuild);
    rebuild();
}

void CheckPanel::addHeaderActions(const QList<QAction*>& actions) {
    for (QAction* a : actions) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons_->addWidget(b);
    }
}

void CheckPanel::addTopRow(QWidget* row) {
    if (auto* outer = qobject_cast<QVBoxLayout*>(layout())) outer->insertWidget(0, row);
}

bool CheckPanel::showsAllSteps() const { return allSteps_->isChecked(); }
void CheckPanel::setShowAllSteps(bool all) { allSteps_->setChecked(all); }
QString CheckPanel::summaryText() const { return summary_->text(); }
QString CheckPanel::explanationText() const { return explanation_->toPlainText(); }

AnswerEntry* CheckPanel::entry(const QuantityRef& ref) const {
    const QuantityRef key = session_->canonical(ref);
    for (AnswerEntry* e : entries_) {
        if (e->ref() == key) return e;
    }
    return nullptr;
}

bool CheckPanel::focusEntry(const QuantityRef& ref) {
    AnswerEntry* e = entry(ref);
    if (!e) return false;
    scroll_->ensureWidgetVisible(e);
    e->setFocus(Qt::OtherFocusReason);
    e->selectAll();
    showExplanation(e->ref());
    return true;
}

bool CheckPanel::enterByName(const QString& line) {
    const Trace& trace = document_->trace();
    const qsizetype eq = line.lastIndexOf('=');
    auto refuse = [this](const QString& why) {
        quick_->setStyleSheet(entryStyleSheet(EntryState::Wrong, palette()));
        explanation_->setHtml("<p>" + escapeHtml(why) + "</p>");
        hasCurrent_ = false;
        return false;
    };
    if (eq < 0) return refuse(tr("Write the name, an equals sign and your number, e.g. new w₁₃⁽¹⁾ = 0.30124."));
    const SymbolParse parsed = parseQuantitySymbol(line.left(eq).trimmed().toStdString(), trace.options.notation,
                                                   document_->network());
    if (!parsed.ref) return refuse(QString::fromStdString(parsed.error));
    const QString number = line.mid(eq + 1).trimmed();
    if (!parseTypedNumber(number.toStdString())) {
        return refuse(tr("“%1” is not a number. Type it as 0.5769, 0,5769, −0.8 or 2.49e-7.").arg(number));
    }
    const QuantityRef ref = session_->canonical(*parsed.ref);
    quick_->setStyleSheet({});
    session_->setText(ref, number);
    if (!entry(ref) && !allSteps_->isChecked()) {
        // Go to the step that computes it, so its field is shown.
        for (std::size_t k = 0; k < trace.steps.size(); ++k) {
            for (const ScalarFormula& f : trace.steps[k].scalars) {
                if (f.ref == ref) document_->setPosition(int(k) + 1);
            }
        }
    }
    if (AnswerEntry* e = entry(ref)) scroll_->ensureWidgetVisible(e);
    showExplanation(ref);
    return true;
}

void CheckPanel::rebuild() {
    // Outside Check mode the panel is hidden and its fields wait: the
    // controller rebuilds it when Check mode comes on, instead of every step
    // making (up to kMaxEntries) fields nobody sees.
    if (!document_->hidesCurrentResults()) {
        if (!entries_.empty()) { // the old step's fields would go stale
            entries_.clear();
            marks_.clear();
            grid_ = new QWidget;
            scroll_->setWidget(grid_); // deletes the previous grid and its fields
        }
        return;
    }
    const Trace& trace = document_->trace();
    QWidget* focusedEntry = focusWidget();
    const bool hadFocus = focusedEntry && std::find(entries_.begin(), entries_.end(), focusedEntry) != entries_.end();
    const QuantityRef focusedRef = hadFocus ? static_cast<AnswerEntry*>(focusedEntry)->ref() : QuantityRef{};

    entries_.clear();
    marks_.clear();
    grid_ = new QWidget;
    auto* grid = new QGridLayout(grid_);
    grid->setContentsMargins(2, 2, 2, 2);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(3);

    std::vector<const Step*> steps;
    if (allSteps_->isChecked()) {
        for (const Step& s : trace.steps) steps.push_back(&s);
    } else if (const Step* s = document_->currentStep()) {
        steps.push_back(s);
    }
    int row = 0;
    int shown = 0;
    for (const Step* step : steps) {
        if (allSteps_->isChecked()) {
            auto* title = new QLabel("<b>" + escapeHtml(QString::fromStdString(step->title.text)) + "</b>", grid_);
            grid->addWidget(title, row++, 0, 1, 3);
        }
        int column = 0;
        for (const ScalarFormula& f : step->scalars) {
            if (shown >= kMaxEntries) break;
            // Two fields side by side per row keeps a layer's values compact.
            const int c = column * 3;
            auto* symbol = new QLabel(symbolHtml(trace, f.ref), grid_);
            symbol->setTextFormat(Qt::RichText);
            symbol->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto* e = new AnswerEntry(f.ref, grid_);
            e->setText(session_->text(f.ref));
            auto* mark = new QLabel(grid_);
            mark->setMinimumWidth(mark->fontMetrics().horizontalAdvance(QStringLiteral("✗ carried forward")));
            symbol->setBuddy(e);
            grid->addWidget(symbol, row, c);
            grid->addWidget(e, row, c + 1);
            grid->addWidget(mark, row, c + 2);
            connect(e, &QLineEdit::textEdited, this, [this, ref = f.ref](const QString& text) {
                current_ = ref;
                hasCurrent_ = true;
                session_->setText(ref, text);
            });
            connect(e, &QLineEdit::returnPressed, this, [this, e] {
                auto it = std::find(entries_.begin(), entries_.end(), e);
                if (it != entries_.end() && ++it != entries_.end()) focusEntry((*it)->ref());
            });
            connect(e, &AnswerEntry::focused, this, &CheckPanel::showExplanation);
            entries_.push_back(e);
            marks_.push_back(mark);
            ++shown;
            if (++column == 2) {
                column = 0;
                ++row;
            }
        }
        if (column != 0) ++row;
    }
    if (entries_.empty()) {
        auto* hint = new QLabel(tr("At the start there is nothing to compute yet. Step forward (Space) to enter the values "
                                   "of each step, tick “All steps” to enter the whole exercise, or click a neuron or a "
                                   "weight on the canvas."),
                                grid_);
        hint->setWordWrap(true);
        grid->addWidget(hint, row++, 0, 1, 3);
    } else if (shown >= kMaxEntries) {
        grid->addWidget(new QLabel(tr("… the first %1 values only").arg(kMaxEntries), grid_), row++, 0, 1, 3);
    }
    grid->setColumnStretch(6, 1);
    grid->setRowStretch(row, 1);
    scroll_->setWidget(grid_); // deletes the previous grid and its fields
    // The fields and their marks are never cut (“✓ righ”): the explanation gives way.
    scroll_->setMinimumWidth(grid_->minimumSizeHint().width() +
                             scroll_->verticalScrollBar()->sizeHint().width());
    // The explanation follows the fields shown: keep it only for one of them.
    if (hasCurrent_ && !entry(current_)) hasCurrent_ = false;
    refreshMarks();
    if (hadFocus && entry(focusedRef)) {
        entry(focusedRef)->setFocus(Qt::OtherFocusReason);
    }
}

void CheckPanel::refreshMarks() {
    const QPalette& pal = palette();
    for (std::size_t k = 0; k < entries_.size(); ++k) {
        AnswerEntry* e = entries_[k];
        const QString typed = session_->text(e->ref());
        if (e->text() != typed) e->setText(typed); // opened, cleared or emptied
        const EntryState state = session_->state(e->ref());
        e->setProperty("checkStatus", statusKey(state));
        e->setStyleSheet(entryStyleSheet(state, pal));
        const QString why = session_->explanation(e->ref());
        e->setToolTip(why.isEmpty() ? tr("Type your value; 0,5769 and −0.8 are fine") : why);
        const StatusColours c = statusColours(state, pal);
        marks_[k]->setText(state == EntryState::Empty
                               ? QString()
                               : QStringLiteral("<span style='color:%1'><b>%2</b> %3</span>")
                                     .arg(c.accent.name(), statusGlyph(state), statusWord(state)));
        marks_[k]->setToolTip(why);
    }
    const CheckReport& report = session_->report();
    // The whole sheet's count, also when only one step's fields are shown.
    QString summary = session_->isEmpty() ? "<b>" + escapeHtml(session_->summary()) + "</b>"
                                          : tr("All answers: <b>%1</b>").arg(escapeHtml(session_->summary()));
    if (!session_->isEmpty()) {
        auto count = [&](EntryState s, int n) {
            return n == 0 ? QString()
                          : QStringLiteral(" <span style='color:%1'>%2 %3</span>")
                                .arg(statusColours(s, pal).accent.name(), statusGlyph(s))
                                .arg(n);
        };
        summary += "&nbsp;&nbsp;" + count(EntryState::Correct, report.correct) + count(EntryState::Wrong, report.wrong) +
                   count(EntryState::Carried, report.carried);
    }
    summary_->setText(summary);
    tolerance_->setText(tr("checked to %1").arg(QString::fromStdString(session_->tolerance().shortName())));
    tolerance_->setToolTip(QString::fromStdString(session_->tolerance().describe()));
    if (hasCurrent_) {
        showExplanation(current_);
        return;
    }
    // Nothing focused yet: the first field of this step that is not right, or how it works.
    for (const AnswerEntry* e : entries_) {
        const EntryState s = session_->state(e->ref());
        if (s == EntryState::Wrong || s == EntryState::Carried || s == EntryState::Unreadable) {
            showExplanation(e->ref());
            return;
        }
    }
    auto coloured = [&](EntryState s, const QString& words) {
        return QStringLiteral("<b style='color:%1'>%2 %3</b>").arg(statusColours(s, pal).accent.name(), words, statusGlyph(s));
    };
    explanation_->setHtml(tr("<p>Type the values you worked out by hand. Each field turns %1 when it is right, "
                             "%2 when it is wrong and %3 when it is wrong only because an earlier value of yours "
                             "was: an error carried forward, not a new one. Hover over a field, or click into it, "
                             "for the explanation.</p>"
                             "<p>Write numbers as you like: 0.5769, 0,5769, −0.8, 2.49e-7. Click a neuron or a "
                             "weight on the canvas to jump to its values.</p>")
                              .arg(coloured(EntryState::Correct, tr("green")), coloured(EntryState::Wrong, tr("red")),
                                   coloured(EntryState::Carried, tr("amber"))));
}

void CheckPanel::showExplanation(const QuantityRef& ref) {
    current_ = ref;
    hasCurrent_ = true;
    const Trace& trace = document_->trace();
    const EntryState state = session_->state(ref);
    const StatusColours c = statusColours(state, palette());
    QString html = "<p>" + symbolHtml(trace, ref);
    if (state != EntryState::Empty) {
        html += QStringLiteral(" &nbsp;<span style='color:%1'><b>%2 %3</b></span>")
                    .arg(c.accent.name(), statusGlyph(state), statusWord(state));
    }
    html += "</p>";
    const QString why = session_->explanation(ref);
    if (why.isEmpty()) {
        const ScalarFormula* f = trace.formulaFor(ref);
        html += "<p>" + tr("Not answered yet.") + "</p>";
        if (f && !f->symbolic.latex.empty()) {
            html += "<p>" + tr("Formula: ") + latexToHtml(f->lhs.latex) + " = " + latexToHtml(f->symbolic.latex) + "</p>";
        }
    } else {
        html += "<p>" + paragraphs(why) + "</p>";
    }
    explanation_->setHtml(html);
}

void CheckPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) refreshMarks();
}

} // namespace bpl::gui
