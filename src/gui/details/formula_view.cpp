#include "gui/details/formula_view.h"
#include "gui/shown_text.h"

#include "io/qt_text.h"
#include "gui/details/formula_html.h"
#include "io/json_writer.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QTextCursor>
#include <QTextTable>

namespace bpl::gui {

namespace {

bool showSubstituted(const ScalarFormula& f) {
    return !f.substituted.text.empty() && f.substituted.text != f.result.text;
}

} // namespace

FormulaView::FormulaView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    // Long formulas and descriptions wrap to the panel instead of hiding behind a scroll bar.
    setLineWrapMode(QTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
}

void FormulaView::showStep(const Trace& trace, const Step* step) {
    formulas_.clear();
    rowFormula_.clear();
    if (!step) {
        title_ = Dual();
        vectorFormula_ = Dual();
        const Network& net = trace.network;
        QString html = "<p style='margin-top:4px'>" +
                       escapeHtml(shownDescription(net.description)).replace("\n", "<br>") + "</p>";
        html += "<p>" + tr("Press <b>Space</b> or <b>→</b> to go forward one step, <b>←</b> to go back. "
                           "Forward steps fill in a and z layer by layer, then the loss; backward steps "
                           "compute δ from the output back to the first layer, then the gradients "
                           "and the update.") +
                "</p>";
        setHtml(html);
        return;
    }
    title_ = step->title;
    vectorFormula_ = step->vectorFormula;
    formulas_ = step->scalars;
    const QColor resultColour = palette().color(QPalette::Link);
    QString html = "<table cellspacing='0' cellpadding='2' style='font-size:large; font-family:\"DejaVu Serif\", serif'>";
    // At most kMaxShown formulas, and fewer when they are long (a neuron of a
    // 200-wide layer sums 200 terms): laying out more text than a person reads
    // made each step of a large network take seconds.
    constexpr std::size_t kMaxLatexChars = 16000;
    std::size_t latexChars = 0;
    int shown = 0;
    while (shown < std::min<int>(kMaxShown, static_cast<int>(formulas_.size()))) {
        const ScalarFormula& f = formulas_[shown];
        latexChars += f.symbolic.latex.size() + f.substituted.latex.size() + f.result.latex.size();
        if (shown > 0 && latexChars > kMaxLatexChars) break;
        ++shown;
    }
    for (int k = 0; k < shown; ++k) {
        // An optimizer's m, v, m̂, v̂ come before the new value, each with its own symbol.
        auto rows = [&](const ScalarFormula& f, bool emphasise) {
            bool first = true;
            auto row = [&](const QString& rhs) {
                html += "<tr><td align='right' style='padding-right:4px'>" +
                        (first ? latexToHtml(f.lhs.latex) : QString()) + "</td><td>= " + rhs + "</td></tr>";
                rowFormula_.push_back(k);
                first = false;
            };
            if (!f.symbolic.latex.empty()) row(latexToHtml(f.symbolic.latex));
            if (showSubstituted(f)) row(latexToHtml(f.substituted.latex));
            const QString result = latexToHtml(f.result.latex);
            row(emphasise ? QStringLiteral("<b><span style='color:%1'>%2</span></b>").arg(resultColour.name(), result)
                          : "<b>" + result + "</b>");
        };
        for (const ScalarFormula& w : formulas_[k].working) rows(w, false);
        rows(formulas_[k], true);
        html += "<tr><td colspan='2' style='font-size:4pt'>&nbsp;</td></tr>";
        rowFormula_.push_back(-1);
    }
    html += "</table>";
    if (shown < static_cast<int>(formulas_.size())) {
        html += "<p><i>" + tr("… and %1 more formulas (right-click → Copy step to get all of them)")
                               .arg(formulas_.size() - shown) +
                "</i></p>";
    }
    setHtml(html);
}

const ScalarFormula* FormulaView::formulaAt(const QPoint& viewportPos) const {
    const QTextCursor cursor = cursorForPosition(viewportPos);
    QTextTable* table = cursor.currentTable();
    if (!table) return nullptr;
    const int row = table->cellAt(cursor).row();
    if (row < 0 || row >= static_cast<int>(rowFormula_.size()) || rowFormula_[row] < 0) return nullptr;
    return &formulas_[rowFormula_[row]];
}

QString FormulaView::stepLatex() const {
    QString out = "% " + q(title_.text) + "\n";
    if (!vectorFormula_.latex.empty()) out += "\\[ " + q(vectorFormula_.latex) + " \\]\n";
    out += "\\begin{align*}\n";
    auto lines = [&out](const ScalarFormula& f) {
        out += "  " + q(f.lhs.latex);
        bool first = true;
        auto line = [&](const std::string& rhs) {
            out += (first ? QString() : QStringLiteral("  ")) + " &= " + q(rhs) + " \\\\\n";
            first = false;
        };
        if (!f.symbolic.latex.empty()) line(f.symbolic.latex);
        if (showSubstituted(f)) line(f.substituted.latex);
        line(f.result.latex);
    };
    for (const ScalarFormula& f : formulas_) {
        for (const ScalarFormula& w : f.working) lines(w);
        lines(f);
    }
    out += "\\end{align*}\n";
    return out;
}

QString FormulaView::stepPlainText() const {
    QString out = q(title_.text) + "\n";
    if (!vectorFormula_.text.empty()) out += "  " + q(vectorFormula_.text) + "\n";
    for (const ScalarFormula& f : formulas_) {
        for (const ScalarFormula& w : f.working) out += "  " + q(w.line().text) + "\n";
        out += "  " + q(f.line().text) + "\n";
    }
    return out;
}

QString FormulaView::stepCsv() const {
    QString out = "quantity,symbol,value\n";
    for (const ScalarFormula& f : formulas_) {
        for (const ScalarFormula& w : f.working) {
            out += q(f.ref.describe()).replace(',', ';') + "," + q(w.lhs.text) + "," +
                   QString::fromLatin1(io::jsonNumber(w.value)) + "\n";
        }
        out += q(f.ref.describe()).replace(',', ';') + "," + q(f.lhs.text) + "," +
               QString::fromLatin1(io::jsonNumber(f.value)) + "\n";
    }
    return out;
}

void FormulaView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    if (const ScalarFormula* f = formulaAt(event->pos())) {
        const QString symbol = q(f->lhs.text);
        menu.addSection(symbol);
        // With an optimizer, the parameter's m, v, m̂, v̂ lines come along, one per line.
        auto lines = [f](bool latex) {
            QStringList out;
            for (const ScalarFormula& w : f->working) out << q(latex ? w.line().latex : w.line().text);
            out << q(latex ? f->line().latex : f->line().text);
            return out.join(latex ? QStringLiteral(" \\\\\n") : QStringLiteral("\n"));
        };
        menu.addAction(tr("Copy %1 as LaTeX").arg(symbol), this, [this, lines] { copy(lines(true), tr("LaTeX")); });
        menu.addAction(tr("Copy %1 as plain text").arg(symbol), this,
                       [this, lines] { copy(lines(false), tr("plain text")); });
        menu.addAction(tr("Copy %1 as CSV").arg(symbol), this, [this, f] {
            copy(q(f->lhs.text) + "," + QString::fromLatin1(io::jsonNumber(f->value)) + "\n", tr("CSV"));
        });
    }
    if (!formulas_.empty()) {
        menu.addSection(tr("Whole step"));
        menu.addAction(tr("Copy step as LaTeX"), this, [this] { copy(stepLatex(), tr("LaTeX")); });
        menu.addAction(tr("Copy step as plain text"), this, [this] { copy(stepPlainText(), tr("plain text")); });
        menu.addAction(tr("Copy step as CSV"), this, [this] { copy(stepCsv(), tr("CSV")); });
    }
    menu.addSeparator();
    QAction* selectAll = menu.addAction(tr("Select all"), this, &QTextEdit::selectAll);
    Q_UNUSED(selectAll);
    if (textCursor().hasSelection()) menu.addAction(tr("Copy selection"), this, &QTextEdit::copy);
    menu.exec(event->globalPos());
}

void FormulaView::copy(const QString& text, const QString& what) {
    QApplication::clipboard()->setText(text);
    emit copied(tr("Copied as %1").arg(what));
}

} // namespace bpl::gui
