#include "render/exercise_sheet.h"

#include "core/answer_check.h"
#include "core/common/number_text.h"
#include "core/number_format.h"
#include "core/tolerance.h"
#include "io/answers_file.h"
#include "io/latex_html.h"
#include "render/network_figure.h"
#include "render/solution_document.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace bpl::io {

namespace {

constexpr double kFigureWidthPt = 480;
constexpr int kKeyColumns = 3;     // answers per row of the key's table
constexpr int kSummaryColumns = 3; // answers per row of the class summary

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
QString esc(const QString& s) {
    return htmlEscape(s);
}

QString sheetCss() {
    return solutionCss() +
           "h3 { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; font-weight: bold; "
           "margin: 0; "
           "color: #1d3557; }"
           "td.who { font-family: 'DejaVu Sans', sans-serif; font-size: 12pt; }"
           "td.code { font-family: 'DejaVu Sans Mono', monospace; font-size: 20pt; font-weight: "
           "bold; }"
           "td.codelabel { font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; color: "
           "#555555; }"
           "td.q { padding: 5px 14px 5px 0; font-size: 11pt; }"
           "table.key td.ks { padding: 1px 0 1px 10px; }"
           "table.key td.kv { padding: 1px 8px 1px 0; }"
           "table.summary td.ks { padding: 0 0 0 8px; font-size: 8.5pt; }"
           "table.summary td.kv { padding: 0 4px 0 0; font-size: 8.5pt; }"
           "td.blank { color: #9a9a9a; }"
           "span.n { font-family: 'DejaVu Sans', sans-serif; font-weight: bold; color: #444444; }";
}

// The notation-free id of an answers-file quantity: "a[1][2]", "grad_weights[2][1][3]" (layer, i,
// j), "loss".
QString questionId(const QuantityRef& ref) {
    if (ref.quantity == Quantity::Loss)
        return "loss";
    QString id = q(quantityKey(ref.quantity)) + QString("[%1][%2").arg(ref.layer).arg(ref.i + 1);
    if (ref.j >= 0)
        id += QString("][%1").arg(ref.j + 1);
    return id + "]";
}

QString vectorHtml(const Eigen::VectorXd& v, int precision) {
    QStringList parts;
    for (Eigen::Index k = 0; k < v.size(); ++k)
        parts << numberHtml(v[k], precision);
    return "(" + parts.join(", ") + ")";
}

// What the student is given besides the figure: the sample, loss, η, activations.
QString networkGivenHtml(const Trace& t) {
    const Notation& n = t.options.notation;
    const int p = std::min(t.options.precision, 4);
    QString out =
        "<p>Input " + latexToHtml(n.actLatex + "^{(" + std::to_string(n.displayLayer(0)) + ")}") +
        " = " + vectorHtml(t.sample.input, p) +
        ", target <i>t</i> = " + vectorHtml(t.sample.target, p) +
        ". Loss: " + esc(q(lossName(t.network.loss))) +
        "; learning rate <i>η</i> = " + numberHtml(t.learningRate, p) + ".</p><p>Activations: ";
    QStringList kinds;
    for (int l = 1; l < t.network.layerCount(); ++l) {
        kinds << QString("layer %1 %2")
                     .arg(n.displayLayer(l))
                     .arg(esc(q(activationName(t.network.layers[l].activation.kind))));
    }
    return out + kinds.join(", ") +
           ". The weights are written on the edges, each bias under its neuron.</p>";
}

// A space to work: a light box with a 5 mm grid.
PageBlock workingSpace(int questions) {
    PageBlock block;
    const double height = std::clamp(36.0 + 24.0 * questions, 72.0, 230.0);
    block.gapBeforePt = 6;
    block.size = [height](double width) { return QSizeF(width, height); };
    block.paint = [](QPainter& p, const QRectF& r) {
        p.save();
        const double step = 72.0 / 25.4 * 5; // 5 mm in points
        p.setPen(QPen(QColor(222, 226, 232), 0.4));
        for (double x = r.left() + step; x < r.right(); x += step)
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        for (double y = r.top() + step; y < r.bottom(); y += step)
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        p.setPen(QPen(QColor(170, 176, 186), 0.7));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        p.restore();
    };
    return block;
}

// The sheet's and the key's head: title, the student's name, the code in a box.
QString headHtml(const ExerciseSheet& s, const QString& heading, const QString& codeLabel) {
    return "<h1>" + esc(heading) +
           "</h1><table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
           "<td class=\"who\" valign=\"middle\">Name: <b>" +
           esc(s.student) +
           "</b></td>"
           "<td align=\"right\" valign=\"middle\"><table cellspacing=\"0\" cellpadding=\"6\" "
           "border=\"1\" "
           "style=\"border-color: #1d3557; border-style: solid;\"><tr><td class=\"codelabel\" "
           "valign=\"middle\">" +
           codeLabel + "</td><td class=\"code\" valign=\"middle\">" + esc(s.code) +
           "</td></tr></table></td></tr></table>";
}

// Questions grouped by step, in order: [first, last) index ranges.
std::vector<std::pair<int, int>> groups(const ExerciseSheet& s) {
    std::vector<std::pair<int, int>> out;
    for (int k = 0; k < static_cast<int>(s.questions.size()); ++k) {
        if (out.empty() || s.questions[k].group != s.questions[out.back().first].group)
            out.push_back({k, k});
        out.back().second = k + 1;
    }
    return out;
}

// Numbered answers in a table of `columns` columns: "n. symbol =" and the value
// in cells of their own, so neither wraps.
QString answersTableHtml(const ExerciseSheet& s, int first, int last, int columns,
                         const QString& tableClass) {
    QString out = "<table class=\"" + tableClass + "\" cellspacing=\"0\" cellpadding=\"0\">";
    for (int k = first; k < last; k += columns) {
        out += "<tr>";
        for (int c = 0; c < columns && k + c < last; ++c) {
            const SheetQuestion& x = s.questions[k + c];
            const QString value =
                keyValueText(x.exact, s.answerDecimals).replace('-', QChar(0x2212));
            out += QString("<td class=\"ks\" align=\"right\" style=\"white-space: nowrap\"><span "
                           "class=\"n\">%1."
                           "</span>\u00a0%2\u00a0=\u00a0</td><td class=\"kv\" style=\"white-space: "
                           "nowrap\"><b>%3</b></td>")
                       .arg(k + c + 1)
                       .arg(x.symbolHtml, esc(value));
        }
        out += "</tr>";
    }
    return out + "</table>";
}

PageSetup setup(const QString& title) {
    PageSetup page;
    page.title = title;
    page.css = sheetCss();
    return page;
}

} // namespace

ExerciseSheet networkExerciseSheet(const Trace& trace, const std::vector<QuantityRef>& asked,
                                   int answerDecimals, const QString& title, const QString& student,
                                   const QString& code) {
    auto shared = std::make_shared<const Trace>(trace);
    ExerciseSheet s;
    s.title = title;
    s.student = student;
    s.code = code;
    s.answerDecimals = answerDecimals;
    s.givenHtml = networkGivenHtml(trace);
    s.figure.gapBeforePt = 6;
    s.figure.size = [shared](double maxWidth) {
        return networkFigureSize(*shared, std::min(kFigureWidthPt, maxWidth));
    };
    s.figure.paint = [shared](QPainter& p, const QRectF& r) {
        NetworkFigureOptions options;
        options.showOutput = false;
        paintNetworkFigure(p, r, *shared, options);
    };
    const std::set<QuantityRef> wanted(asked.begin(), asked.end());
    for (const Step& step : trace.steps) {
        for (const ScalarFormula& f : step.scalars) {
            const QuantityRef& ref = f.ref;
            if (wanted.count(ref) == 0)
                continue;
            const Dual symbol = quantitySymbol(trace, ref);
            s.questions.push_back({q(step.title.text),
                                   latexToHtml(symbol.latex),
                                   q(symbol.text),
                                   questionId(ref),
                                   f.value,
                                   answerRefToJson(ref),
                                   ref,
                                   {}});
        }
    }
    // The key's worked solution: the solution document's blocks after its title.
    SolutionFigure figure;
    figure.size = [shared](double maxWidth) {
        return networkFigureSize(*shared, std::min(kFigureWidthPt, maxWidth));
    };
    figure.paint = [shared](QPainter& p, const QRectF& r) { paintNetworkFigure(p, r, *shared); };
    std::vector<SolutionBlock> blocks = solutionBlocks(trace);
    if (!blocks.empty() && blocks.front().kind == SolutionBlock::Kind::Title)
        blocks.erase(blocks.begin());
    s.worked = solutionPageBlocks(blocks, figure);
    return s;
}

QString keyValueText(double exact, int answerDecimals) {
    if (!std::isfinite(exact))
        return q(numberText(exact, 6));
    if (exact == 0)
        return "0";
    const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(exact))));
    const int figures = std::clamp(exponent + 1 + answerDecimals, 3, 15);
    return q(roundedText(exact, figures));
}

double keyValue(double exact, int answerDecimals) {
    return parseNumber(keyValueText(exact, answerDecimals).toStdString()).value_or(exact);
}

PagedDocument studentSheetDocument(const ExerciseSheet& s) {
    std::vector<PageBlock> blocks;
    PageBlock head;
    head.html =
        headHtml(s, s.title, "Your code") +
        QString(
            "<p class=\"meta\">Work one forward and backward pass by hand. Give each answer to %1 "
            "decimal places (values below %3 to 3 significant figures) and keep every figure in "
            "your working. "
            "To check your answers, open the exercise in Backprop Lab, choose Check mode and type "
            "your code %2.</p>")
            .arg(s.answerDecimals)
            .arg(esc(s.code), q(numberText(std::pow(10.0, 2 - s.answerDecimals), 3)));
    blocks.push_back(head);
    blocks.push_back(
        {s.figure.paint ? "<h2>Your network</h2>" : "<h2>Your exercise</h2>", {}, {}, 14, true});
    if (s.figure.paint)
        blocks.push_back(s.figure);
    blocks.push_back({s.givenHtml, {}, {}, 4, false});
    int number = 1;
    for (const auto& [first, last] : groups(s)) {
        blocks.push_back({"<h3>" + esc(s.questions[first].group) + "</h3>", {}, {}, 14, true});
        QString table = "<table cellspacing=\"0\" cellpadding=\"0\">";
        for (int k = first; k < last; k += 2) {
            table += "<tr>";
            for (int c = 0; c < 2 && k + c < last; ++c) {
                table +=
                    QString(
                        "<td class=\"q\"><span class=\"n\">%1.</span> %2 = <span class=\"blank\">"
                        "________________</span></td>")
                        .arg(number++)
                        .arg(s.questions[k + c].symbolHtml);
            }
            table += "</tr>";
        }
        blocks.push_back({table + "</table>", {}, {}, 4, true});
        blocks.push_back(workingSpace(last - first));
    }
    return PagedDocument(std::move(blocks), setup(s.title + " — " + s.student + " — " + s.code));
}

PagedDocument answerKeyDocument(const ExerciseSheet& s) {
    std::vector<PageBlock> blocks;
    PageBlock head;
    head.html = headHtml(s, "Answer key: " + s.title, "Code") +
                QString("<p class=\"meta\">Each value rounded to %1 decimal places (at least 3 "
                        "significant figures), "
                        "as the sheet asks; the worked solution below keeps more figures.</p>")
                    .arg(s.answerDecimals);
    blocks.push_back(head);
    for (const auto& [first, last] : groups(s)) {
        blocks.push_back({"<h3>" + esc(s.questions[first].group) + "</h3>", {}, {}, 10, true});
        blocks.push_back({answersTableHtml(s, first, last, kKeyColumns, "key"), {}, {}, 3, false});
    }
    blocks.push_back({"<h1>Worked solution</h1>", {}, {}, 20, true});
    blocks.insert(blocks.end(), s.worked.begin(), s.worked.end());
    return PagedDocument(std::move(blocks),
                         setup("Key: " + s.title + " — " + s.student + " — " + s.code));
}

PagedDocument classSummaryDocument(const QString& title, const QString& subtitle,
                                   const std::vector<ExerciseSheet>& sheets) {
    std::vector<PageBlock> blocks;
    QString head =
        "<h1>Class summary: " + esc(title) + "</h1><p class=\"meta\">" + esc(subtitle) + "</p>";
    head +=
        "<table class=\"layers\" cellspacing=\"0\" cellpadding=\"3\"><tr><th align=\"left\">#</th>"
        "<th align=\"left\">Student</th><th align=\"left\">Code</th></tr>";
    for (size_t k = 0; k < sheets.size(); ++k) {
        head += QString("<tr><td>%1</td><td>%2</td><td><tt>%3</tt></td></tr>")
                    .arg(k + 1)
                    .arg(esc(sheets[k].student), esc(sheets[k].code));
    }
    blocks.push_back({head + "</table>", {}, {}, 4, false});
    for (size_t k = 0; k < sheets.size(); ++k) {
        const ExerciseSheet& s = sheets[k];
        blocks.push_back(
            {QString("<h3>%1. %2 — <tt>%3</tt></h3>").arg(k + 1).arg(esc(s.student), esc(s.code)),
             {},
             {},
             12,
             true});
        blocks.push_back({answersTableHtml(s, 0, static_cast<int>(s.questions.size()),
                                           kSummaryColumns, "summary"),
                          {},
                          {},
                          2,
                          false});
    }
    return PagedDocument(std::move(blocks), setup("Class summary: " + title));
}

} // namespace bpl::io
