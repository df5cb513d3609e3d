// Worked-solution exports: the PDF (read back with poppler's pdftotext) has the
// loss and every step as text and never starts a page inside a formula or ends
// one on a heading; the HTML is self-contained; the LaTeX compiles where a TeX
// installation exists; LaTeX maths becomes typeset HTML; the network figure.
#include "io/latex_html.h"
#include "render/network_figure.h"
#include "io/network_file.h"
#include "render/solution_document.h"
#include "render/solution_export.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace bpl;

namespace {

Trace exampleTrace(const char* name, const char* notation = "standard") {
    const auto loaded = io::loadNetwork(QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + name);
    Q_ASSERT(loaded.ok());
    TraceOptions options;
    Notation::fromId(notation, options.notation);
    return traceNetwork(loaded.value().network, options);
}

// The text of a PDF (or of one page of it), by poppler's pdftotext.
QString pdfText(const QString& pdf, int page = 0) {
    const QString tool = QStandardPaths::findExecutable("pdftotext");
    QStringList args = {"-layout", pdf, "-"};
    if (page > 0) args = QStringList{"-f", QString::number(page), "-l", QString::number(page)} + args;
    QProcess p;
    p.start(tool, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString& pdf) {
    QProcess p;
    p.start(QStandardPaths::findExecutable("pdfinfo"), {pdf});
    p.waitForFinished(60000);
    const QString info = QString::fromUtf8(p.readAllStandardOutput());
    const auto match = QRegularExpression("Pages:\\s+(\\d+)").match(info);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TestSolutionExport : public QObject {
    Q_OBJECT
private slots:
    void pdfHasTheLossAndEveryStepAsText();
    void pdfPagesNeverCutAFormula_data();
    void pdfPagesNeverCutAFormula();
    void pdfFailuresNameTheFile();
    void markedSolutionShowsTheAnswers();
    void htmlIsSelfContained();
    void latexCompiles_data();
    void latexCompiles();
    void latexToHtml_data();
    void latexToHtml();
    void figureDrawsTheNetwork();
    void formatsByNameAndSuffix();
};

void TestSolutionExport::pdfHasTheLossAndEveryStepAsText() {
    if (QStandardPaths::findExecutable("pdftotext").isEmpty()) QSKIP("pdftotext (poppler-utils) is not installed");
    QTemporaryDir dir;
    const QString pdf = dir.filePath("sheet5.pdf");
    const Trace trace = exampleTrace("sheet5_321_sigmoid.json");
    const auto written = io::exportSolution(trace, io::SolutionFormat::Pdf, pdf);
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().message().c_str());
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains("0.707898"), qPrintable(text.left(2000))); // the loss, from teaching-content.md
    QVERIFY(text.contains("Worked solution: 3-2-1 sigmoid network, binary cross-entropy"));
    for (size_t s = 0; s < trace.steps.size(); ++s) {
        const QString heading = QString("Step %1. %2").arg(s + 1).arg(QString::fromStdString(trace.steps[s].title.text));
        QVERIFY2(text.contains(heading), qPrintable(heading));
    }
    for (const char* value : {"0.576885", "0.0247663", "0.300124", "−0.200124", "0.00124377"}) {
        QVERIFY2(text.contains(QString::fromUtf8(value)), value);
    }
    QVERIFY(text.contains("page 1 of"));
}

void TestSolutionExport::pdfPagesNeverCutAFormula_data() {
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("notation");
    QTest::newRow("3-2-1") << "sheet5_321_sigmoid.json" << "standard";
    QTest::newRow("deep, Bishop") << "deep_4layer_deltas.json" << "bishop";
    QTest::newRow("softmax, course") << "softmax_3class.json" << "course";
}

void TestSolutionExport::pdfPagesNeverCutAFormula() {
    QFETCH(QString, example);
    QFETCH(QString, notation);
    if (QStandardPaths::findExecutable("pdftotext").isEmpty() || QStandardPaths::findExecutable("pdfinfo").isEmpty()) {
        QSKIP("pdftotext/pdfinfo (poppler-utils) are not installed");
    }
    QTemporaryDir dir;
    const QString pdf = dir.filePath("out.pdf");
    const Trace trace = exampleTrace(qPrintable(example), qPrintable(notation));
    QVERIFY(io::writeSolutionPdf(trace, pdf).ok());
    const int pages = pdfPages(pdf);
    QVERIFY(pages >= 3);
    for (int page = 1; page <= pages; ++page) {
        QStringList lines;
        for (const QString& line : pdfText(pdf, page).split('\n')) {
            const QString l = line.trimmed();
            if (!l.isEmpty() && !l.contains(QString("page %1 of %2").arg(page).arg(pages))) lines << l;
        }
        QVERIFY(!lines.isEmpty());
        // A formula continues on lines starting with "=": none opens a page.
        if (page > 1) QVERIFY2(!lines.first().startsWith("="), qPrintable(QString("page %1: %2").arg(page).arg(lines.first())));
        // A heading stays with what follows it.
        QVERIFY2(!lines.last().startsWith("Step "), qPrintable(QString("page %1 ends with %2").arg(page).arg(lines.last())));
    }
}

void TestSolutionExport::pdfFailuresNameTheFile() {
    const Trace trace = exampleTrace("sheet5_321_sigmoid.json");
    const auto missing = io::exportSolution(trace, io::SolutionFormat::Pdf, "/nonexistent-folder/out.pdf");
    QVERIFY(!missing.ok());
    QCOMPARE(QString::fromStdString(missing.error().message()),
             QString("/nonexistent-folder/out.pdf: cannot write (the folder does not exist)"));
    QTemporaryDir dir;
    const auto folder = io::exportSolution(trace, io::SolutionFormat::Pdf, dir.path());
    QVERIFY(!folder.ok());
    QVERIFY(QString::fromStdString(folder.error().message()).endsWith("is a folder"));
    const auto text = io::exportSolution(trace, io::SolutionFormat::Markdown, "/nonexistent-folder/out.md");
    QVERIFY(!text.ok());
    QVERIFY(QString::fromStdString(text.error().message()).startsWith("/nonexistent-folder/out.md: cannot"));
}

void TestSolutionExport::markedSolutionShowsTheAnswers() {
    // The student's sheet (three slips) marked beside the formulas, for a teacher.
    const Trace trace = exampleTrace("sheet5_321_sigmoid.json");
    const std::vector<Answer> answers = {{{Quantity::Z, 1, 0, -1}, 0.5769},
                                         {{Quantity::Delta, 2, 0, -1}, 0.6},
                                         {{Quantity::GradWeights, 2, 0, 0}, 0.3461},
                                         {{Quantity::NewWeights, 1, 0, 2}, 0.30124}};
    io::ExportExtras extras;
    extras.marking = checkAnswers(trace, answers, Tolerance::sigFigs(3));
    extras.markingSource = "work.json";
    const QString html = io::traceToHtml(trace, extras);
    QVERIFY(html.contains("Marked answers (work.json): 1 of 4 right; 2 wrong; 1 carried from "));
    QVERIFY(html.contains("✓ you wrote 0.5769 — correct"));
    QVERIFY(html.contains("✗ you wrote 0.30124 — wrong. A digit seems to be missing"));
    QVERIFY(html.contains("↷ you wrote 0.3461 — carried from your <i>δ</i><sub>1</sub><sup>(2)</sup>"));
    if (QStandardPaths::findExecutable("pdftotext").isEmpty()) QSKIP("pdftotext (poppler-utils) is not installed");
    QTemporaryDir dir;
    const QString pdf = dir.filePath("marked.pdf");
    QVERIFY(io::exportSolution(trace, io::SolutionFormat::Pdf, pdf, extras).ok());
    const QString text = pdfText(pdf);
    QVERIFY(text.contains("1 of 4 right; 2 wrong; 1 carried"));
    QVERIFY(text.contains("you wrote 0.30124 — wrong"));
    QVERIFY(text.contains("you wrote 0.6 — wrong"));
}

void TestSolutionExport::htmlIsSelfContained() {
    const Trace trace = exampleTrace("sheet5_321_sigmoid.json");
    QTemporaryDir dir;
    const QString path = dir.filePath("sheet5.html");
    QVERIFY(io::exportSolution(trace, io::SolutionFormat::Html, path).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("<meta charset=\"utf-8\">"));
    QVERIFY(html.contains("<img src=\"data:image/png;base64,iVBOR")); // the figure, embedded
    QVERIFY(!html.contains("http://") && !html.contains("https://"));  // nothing fetched from elsewhere
    QCOMPARE(html.count("<table"), html.count("</table>"));
    // Typeset maths: the new weight of the slip, with a true minus sign and indices.
    QVERIFY(html.contains("<i>w</i><sub>13</sub><sup>(1)</sup>"));
    QVERIFY(html.contains("0.3 − 0.05 × (−0.00247663)"));
    QVERIFY(html.contains("<b>0.300124</b>"));
    QVERIFY(html.contains("<i>E</i> = 0.707898"));
}

void TestSolutionExport::latexCompiles_data() {
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("notation");
    for (const char* n : {"standard", "bishop", "course", "ng"}) QTest::newRow(n) << "sheet5_321_sigmoid.json" << n;
    QTest::newRow("deep") << "deep_4layer_deltas.json" << "bishop";
    QTest::newRow("softmax") << "softmax_3class.json" << "standard";
    QTest::newRow("xor") << "xor_step.json" << "course";
}

void TestSolutionExport::latexCompiles() {
    QFETCH(QString, example);
    QFETCH(QString, notation);
    const QString pdflatex = QStandardPaths::findExecutable("pdflatex");
    if (pdflatex.isEmpty()) QSKIP("pdflatex is not installed (the LaTeX export needs no TeX to be written)");
    QTemporaryDir dir;
    const QString tex = dir.filePath("solution.tex");
    QVERIFY(io::exportSolution(exampleTrace(qPrintable(example), qPrintable(notation)), io::SolutionFormat::Latex, tex).ok());
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start(pdflatex, {"-interaction=nonstopmode", "-halt-on-error", "solution.tex"});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput().right(1500).constData());
    QVERIFY(QFile::exists(dir.filePath("solution.pdf")));
}

void TestSolutionExport::latexToHtml_data() {
    QTest::addColumn<QString>("latex");
    QTest::addColumn<QString>("html");
    QTest::newRow("indices") << "w_{12}^{(1)}" << "<i>w</i><sub>12</sub><sup>(1)</sup>";
    QTest::newRow("partial") << "\\frac{\\partial E}{\\partial w_{1}}" << "∂<i>E</i>/∂<i>w</i><sub>1</sub>";
    QTest::newRow("sigmoid") << "\\frac{1}{1 + e^{-a}}" << "1/(1 + <i>e</i><sup>−<i>a</i></sup>)";
    QTest::newRow("numbers") << "0.3 - 0.05 \\times (-0.00247663)" << "0.3 − 0.05 × (−0.00247663)";
    QTest::newRow("half") << "\\tfrac{1}{2}\\left[y\\right]" << "½[<i>y</i>]";
    QTest::newRow("upright") << "\\mathrm{ReLU}'(a)" << "ReLU′(<i>a</i>)";
    QTest::newRow("greek keeps spaces") << "\\eta \\frac{\\partial E}{\\partial b}" << "<i>η</i> ∂<i>E</i>/∂<i>b</i>";
    QTest::newRow("escapes") << "a < b & c" << "<i>a</i> &lt; <i>b</i> &amp; <i>c</i>";
    QTest::newRow("unknown command") << "\\unknown x" << "unknown <i>x</i>";
    QTest::newRow("exponent") << "2.5 \\times 10^{-7}" << "2.5 × 10<sup>−7</sup>";
    QTest::newRow("new weight") << "{w_{13}^{(1)}}_{\\text{new}}" << "<i>w</i><sub>13</sub><sup>(1)</sup><sub>new</sub>";
    QTest::newRow("unbalanced") << "a}b{" << "<i>a</i><i>b</i>";
}

void TestSolutionExport::latexToHtml() {
    QFETCH(QString, latex);
    QFETCH(QString, html);
    QCOMPARE(io::latexToHtml(latex.toStdString()), html);
}

void TestSolutionExport::figureDrawsTheNetwork() {
    const Trace small = exampleTrace("sheet5_321_sigmoid.json");
    const QImage image = io::networkFigureImage(small, 480, 1.0);
    const QSizeF size = io::networkFigureSize(small, 480);
    QCOMPARE(image.size(), QSize(480, int(std::ceil(size.height()))));
    // Ink on the left (inputs), in the middle (hidden layer) and on the right (output).
    auto inkIn = [&](int x0, int x1) {
        int ink = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = x0; x < x1; ++x) ink += qGray(image.pixel(x, y)) < 160;
        }
        return ink;
    };
    QVERIFY(inkIn(0, 160) > 200);
    QVERIFY(inkIn(160, 320) > 200);
    QVERIFY(inkIn(320, 480) > 200);
    // A 153-layer chain is elided, not squeezed: no taller, and still drawn.
    const Trace chain = exampleTrace("vanishing_chain_153.json");
    QVERIFY(io::networkFigureSize(chain, 480).height() <= size.height());
    QVERIFY(!io::networkFigureImage(chain, 480, 1.0).isNull());
}

void TestSolutionExport::formatsByNameAndSuffix() {
    using F = io::SolutionFormat;
    QCOMPARE(io::solutionFormatFromPath("a/b/Solution.PDF"), std::optional<F>(F::Pdf));
    QCOMPARE(io::solutionFormatFromPath("x.htm"), std::optional<F>(F::Html));
    QCOMPARE(io::solutionFormatFromPath("x.tex"), std::optional<F>(F::Latex));
    QCOMPARE(io::solutionFormatFromPath("x.md"), std::optional<F>(F::Markdown));
    QVERIFY(!io::solutionFormatFromPath("x.docx").has_value());
    QCOMPARE(io::solutionFormatFromName("latex"), std::optional<F>(F::Latex));
    const QStringList filters = io::solutionFormatFilters();
    QCOMPARE(filters.size(), 6);
    QVERIFY(filters.first().startsWith("PDF"));
    for (const QString& filter : filters) QVERIFY(io::solutionFormatFromFilter(filter).has_value());
    // Text formats through exportSolution are the trace exporters' output.
    const Trace trace = exampleTrace("sheet5_321_sigmoid.json");
    QTemporaryDir dir;
    QVERIFY(io::exportSolution(trace, F::Json, dir.filePath("t.json")).ok());
    QFile json(dir.filePath("t.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(json.readAll().startsWith("{\n  \"loss\": 0.70789753"));
}

QTEST_MAIN(TestSolutionExport)
#include "tst_solution_export.moc"
