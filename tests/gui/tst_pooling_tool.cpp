// The Pooling sub-tab of Worked maths (issue 19, teaching-content.md §12),
// driven by its buttons and fields, with numbers worked by hand on
// X = [[1, 3, 2, 1], [2, 4, 1, 0], [5, 1, 0, 2], [1, 2, 3, 3]]:
// 2×2 max pooling with stride 2 gives P = [[4, 2], [5, 3]]; the last window
// (0, 2, 3, 3) ties, so ∂E/∂P₂₂ goes to X₄₃ (the first 3) and X₄₄ gets 0;
// with stride 1 the windows overlap and X₂₂ = 4, the maximum of three of
// them, collects 3; average pooling shares ∂E/∂P over the window's 4 cells.
// Check mode marks a right and a wrong P₁₁ and names the tie slip; the
// export writes pool-output.md's JSON; chained, the tool pools the
// convolution's F (the course's [[109, 92, 72], [108, 85, 74], [110, 74, 79]])
// and follows it.
#include "gui/maths/convolution_tool.h"
#include "gui/maths/maths_check_panel.h"
#include "gui/maths/matrix_editor.h"
#include "gui/maths/pooling_tool.h"
#include "gui/maths/worked_maths_tab.h"
#include "gui_test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace bpl;
using namespace bpl::gui;

class TestPoolingTool : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { test::isolateSettings(settingsDir_); }
    void init();
    void cleanup();
    void nextShowsEachOutputWithItsWindow();
    void backwardSendsATieToTheFirstMaximum();
    void overlappingWindowsAdd();
    void averageSharesTheGivenGradient();
    void adaptiveAverageUsesTheCourseWindows();
    void invalidSettingsShowTheCoresMessage();
    void checkModeMarksRightAndWrong();
    void exportWritesThePoolJson();
    void chainedInputFollowsTheConvolution();
    void matricesGrowWithTheFont();

  private:
    QPushButton* button(const QString& text) const;
    void click(const QString& text, int times = 1) const;
    QString cell(MatrixEditor* m, int r, int c) const { return m->cellText(r, c); }

    QTemporaryDir settingsDir_;
    std::unique_ptr<WorkedMathsTab> tab_;
    PoolingTool* tool_ = nullptr;
};

void TestPoolingTool::init() {
    tab_ = std::make_unique<WorkedMathsTab>();
    tab_->resize(1024, 700);
    tab_->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab_.get()));
    QVERIFY(tab_->showTool("pooling"));
    tool_ = tab_->poolingTool();
    QVERIFY(tool_->isVisible());
}

void TestPoolingTool::cleanup() {
    tab_.reset();
}

QPushButton* TestPoolingTool::button(const QString& text) const {
    for (QPushButton* b : tool_->findChildren<QPushButton*>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

void TestPoolingTool::click(const QString& text, int times) const {
    QPushButton* b = button(text);
    QVERIFY2(b, qPrintable(text));
    for (int k = 0; k < times; ++k)
        QTest::mouseClick(b, Qt::LeftButton);
}

void TestPoolingTool::nextShowsEachOutputWithItsWindow() {
    QVERIFY2(tool_->pooling(), qPrintable(tool_->errorText()));
    QCOMPARE(tool_->stepCount(), 4 + 16);
    QCOMPARE(cell(tool_->outputView(), 0, 0), QString("4"));
    QVERIFY(cell(tool_->outputView(), 0, 1).isEmpty());
    QVERIFY2(tool_->detailsText().contains("P₁₁ = max(X₁₁, X₁₂, X₂₁, X₂₂) = max(1, 3, 2, 4) = 4"),
             qPrintable(tool_->detailsText()));
    QVERIFY(tool_->inputEditor()->isHighlighted(1, 1));
    QVERIFY(!tool_->inputEditor()->isHighlighted(0, 2));
    QVERIFY(tool_->inputEditor()->item(1, 1)->font().bold()); // the first maximum
    click("Next ▶");
    QCOMPARE(cell(tool_->outputView(), 0, 1), QString("2"));
    QVERIFY(tool_->inputEditor()->isHighlighted(0, 2));
    QVERIFY(!tool_->inputEditor()->isHighlighted(1, 1));
    QVERIFY(!tool_->inputEditor()->item(1, 1)->font().bold());
    click("Next ▶", 2);
    QCOMPARE(cell(tool_->outputView(), 1, 0), QString("5"));
    QCOMPARE(cell(tool_->outputView(), 1, 1), QString("3"));
    QVERIFY2(tool_->detailsText().contains("max(0, 2, 3, 3) = 3"),
             qPrintable(tool_->detailsText()));
    QVERIFY(tool_->detailsText().contains("X₄₃"));
    QVERIFY(tool_->detailsText().contains("the other cell that ties with it gets nothing"));
    QVERIFY(tool_->gradInputView()->cellText(0, 0).isEmpty());
    click("◀ Back");
    QVERIFY(cell(tool_->outputView(), 1, 1).isEmpty());
    // The keys step too.
    tool_->outputView()->setFocus();
    QTest::keyClick(tool_->outputView(), Qt::Key_Space);
    QCOMPARE(cell(tool_->outputView(), 1, 1), QString("3"));
    QTest::keyClick(tool_->outputView(), Qt::Key_Home);
    QCOMPARE(tool_->step(), 0);
}

void TestPoolingTool::backwardSendsATieToTheFirstMaximum() {
    click("End");
    const int dx[4][4] = {{0, 0, 1, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}};
    for (int p = 0; p < 4; ++p)
        for (int q = 0; q < 4; ++q)
            QCOMPARE(cell(tool_->gradInputView(), p, q), QString::number(dx[p][q]));
    // ∂E/∂X₄₄: X₄₄ = 3 ties with X₄₃ but is not the first maximum.
    QVERIFY2(tool_->detailsText().contains("not the first maximum of any window"),
             qPrintable(tool_->detailsText()));
    QVERIFY2(tool_->detailsText().contains("∂E/∂P₂₂ goes to X₄₃, the first maximum"),
             qPrintable(tool_->detailsText()));
    QVERIFY(tool_->inputEditor()->item(3, 2)->font().bold());
    QVERIFY(!tool_->inputEditor()->item(3, 3)->font().bold());
    click("◀ Back");
    QVERIFY2(tool_->detailsText().contains("∂E/∂X₄₃ = ∂E/∂P₂₂ = 1"),
             qPrintable(tool_->detailsText()));
    QVERIFY(tool_->gradOutputEditor()->isHighlighted(1, 1));
    QVERIFY(tool_->gradInputView()->cellText(3, 3).isEmpty());
}

void TestPoolingTool::overlappingWindowsAdd() {
    tool_->strideSpin()->setValue(1);
    QVERIFY2(tool_->pooling(), qPrintable(tool_->errorText()));
    QCOMPARE(tool_->gradOutputEditor()->rowCount(), 3);
    click("End");
    const int dx[4][4] = {{0, 0, 1, 0}, {0, 3, 0, 0}, {2, 0, 0, 1}, {0, 0, 2, 0}};
    for (int p = 0; p < 4; ++p)
        for (int q = 0; q < 4; ++q)
            QCOMPARE(cell(tool_->gradInputView(), p, q), QString::number(dx[p][q]));
    tool_->setStep(9 + 5); // ∂E/∂X₂₂
    QVERIFY2(tool_->detailsText().contains("∂E/∂X₂₂ = ∂E/∂P₁₁ + ∂E/∂P₁₂ + ∂E/∂P₂₂ = 1 + 1 + 1 = 3"),
             qPrintable(tool_->detailsText()));
    QVERIFY(tool_->detailsText().contains("the parts add"));
}

void TestPoolingTool::averageSharesTheGivenGradient() {
    tool_->kindCombo()->setCurrentIndex(tool_->kindCombo()->findText("average"));
    QVERIFY2(tool_->pooling(), qPrintable(tool_->errorText()));
    // ∂E/∂P = [[1, 2], [3, 4]], typed.
    const double g[2][2] = {{1, 2}, {3, 4}};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            tool_->gradOutputEditor()->item(i, j)->setText(QString::number(g[i][j]));
    click("End");
    const char* p[2][2] = {{"2.5", "1"}, {"2.25", "2"}};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            QCOMPARE(cell(tool_->outputView(), i, j), QString(p[i][j]));
    // Each cell takes a quarter of its window's ∂E/∂P.
    QCOMPARE(cell(tool_->gradInputView(), 0, 0), QString("0.25"));
    QCOMPARE(cell(tool_->gradInputView(), 1, 3), QString("0.5"));
    QCOMPARE(cell(tool_->gradInputView(), 2, 1), QString("0.75"));
    QCOMPARE(cell(tool_->gradInputView(), 3, 3), QString("1"));
    QVERIFY2(tool_->detailsText().contains("∂E/∂X₄₄ = ∂E/∂P₂₂/4 = 4/4 = 1"),
             qPrintable(tool_->detailsText()));
}

void TestPoolingTool::adaptiveAverageUsesTheCourseWindows() {
    tool_->kindCombo()->setCurrentIndex(tool_->kindCombo()->findText("adaptive average"));
    QVERIFY(tool_->outRowsSpin()->isVisible());
    QVERIFY(!tool_->windowSpin()->isVisible());
    tool_->outRowsSpin()->setValue(3);
    tool_->outColsSpin()->setValue(3);
    QVERIFY2(tool_->pooling(), qPrintable(tool_->errorText()));
    // n = 4, m = 3: rows ⌊4i/3⌋ to ⌈4(i+1)/3⌉ − 1 = 0–1, 1–2, 2–3 (they overlap).
    tool_->setStep(4); // P₂₂: rows and columns 2–3 (1-based)
    QCOMPARE(cell(tool_->outputView(), 1, 1), QString("1.5"));
    QVERIFY(tool_->inputEditor()->isHighlighted(2, 2));
    QVERIFY(!tool_->inputEditor()->isHighlighted(0, 0));
    QVERIFY2(tool_->detailsText().contains("rows 2 to 3, columns 2 to 3"),
             qPrintable(tool_->detailsText()));
}

void TestPoolingTool::invalidSettingsShowTheCoresMessage() {
    tool_->paddingSpin()->setValue(2);
    QVERIFY(!tool_->pooling());
    QCOMPARE(tool_->errorText(),
             QString("padding: must be from 0 to half the window, 1 (found 2)"));
    auto* error = tool_->findChild<QLabel*>("poolingError");
    QVERIFY(error && error->isVisible());
    QCOMPARE(error->text(), tool_->errorText());
    QCOMPARE(tool_->stepCount(), 1);
    QString exportError;
    QTemporaryDir dir;
    QVERIFY(!tab_->exportSolution(dir.filePath("p.txt"), exportError));
    QVERIFY2(exportError.contains("found 2"), qPrintable(exportError));
    // A cell that is not a number is named as the convolution names it.
    tool_->paddingSpin()->setValue(1);
    QVERIFY(tool_->pooling());
    QVERIFY(!error->isVisible());
    tool_->inputEditor()->item(1, 2)->setText("x");
    QVERIFY(!tool_->pooling());
    QVERIFY2(tool_->errorText().startsWith("X: row 2, column 3"), qPrintable(tool_->errorText()));
}

void TestPoolingTool::checkModeMarksRightAndWrong() {
    auto* toggle = tool_->findChild<QPushButton*>("poolCheckModeButton");
    QVERIFY(toggle);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(tool_->checkMode());
    QVERIFY(tool_->checkPanel()->isVisible());
    MathsAnswerField* p11 =
        tool_->checkPanel()->field(MathsRef::entry(MathsQuantity::ConvOutput, 0, 0));
    QVERIFY(p11);
    QTest::keyClicks(p11, "4");
    QCOMPARE(p11->property("checkStatus").toString(), QString("correct"));
    p11->clear();
    QTest::keyClicks(p11, "3");
    QCOMPARE(p11->property("checkStatus").toString(), QString("wrong"));
    QVERIFY2(p11->explanation().contains("exact value is 4"), qPrintable(p11->explanation()));
    // ∂E/∂X₄₄ = 1: the tie given the gradient too.
    MathsAnswerField* x44 =
        tool_->checkPanel()->field(MathsRef::entry(MathsQuantity::ConvGradInput, 3, 3));
    QVERIFY(x44);
    QTest::keyClicks(x44, "1");
    QCOMPARE(x44->property("checkStatus").toString(), QString("wrong"));
    QVERIFY2(x44->explanation().contains("not the first one"), qPrintable(x44->explanation()));
    x44->clear();
    QTest::keyClicks(x44, "0");
    QCOMPARE(x44->property("checkStatus").toString(), QString("correct"));
    QVERIFY2(tool_->checkPanel()->summaryText().contains("1 of 2 right"),
             qPrintable(tool_->checkPanel()->summaryText()));
}

void TestPoolingTool::exportWritesThePoolJson() {
    QTemporaryDir dir;
    QString error;
    QVERIFY2(tab_->exportSolution(dir.filePath("p.json"), error), qPrintable(error));
    QFile json(dir.filePath("p.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(o.value("format").toString(), QString("backprop-lab.pool/1"));
    QCOMPARE(o.value("kind").toString(), QString("max"));
    QCOMPARE(o.value("stride").toInt(), 2);
    QCOMPARE(o.value("output").toArray(), QJsonArray({QJsonArray({4, 2}), QJsonArray({5, 3})}));
    QCOMPARE(o.value("argmax").toArray(), QJsonArray({QJsonArray({2, 2}), QJsonArray({1, 3}),
                                                      QJsonArray({3, 1}), QJsonArray({4, 3})}));
    QCOMPARE(o.value("grad_input").toArray().at(3).toArray(), QJsonArray({0, 0, 1, 0}));
    // The text export: every formula, then the result.
    QVERIFY2(tab_->exportSolution(dir.filePath("p.txt"), error), qPrintable(error));
    QFile txt(dir.filePath("p.txt"));
    QVERIFY(txt.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(txt.readAll());
    QVERIFY2(text.startsWith("Pooling: max\n"), qPrintable(text));
    QVERIFY(text.contains("P₂₂ = max(X₃₃, X₃₄, X₄₃, X₄₄) = max(0, 2, 3, 3) = 3"));
    QVERIFY(text.contains("∂E/∂X₄₃ = ∂E/∂P₂₂ = 1"));
    // HTML and LaTeX too, as the convolution's.
    for (const char* name : {"p.html", "p.tex", "p.md"}) {
        QVERIFY2(tab_->exportSolution(dir.filePath(name), error), qPrintable(error));
        QVERIFY(QFileInfo(dir.filePath(name)).size() > 500);
    }
}

void TestPoolingTool::chainedInputFollowsTheConvolution() {
    QCheckBox* chain = tool_->chainBox();
    QVERIFY(chain->isEnabled());
    QTest::mouseClick(chain, Qt::LeftButton, {}, QPoint(6, chain->height() / 2));
    QVERIFY(chain->isChecked());
    QVERIFY(!tool_->inputEditor()->isEnabled());
    QCOMPARE(tool_->inputEditor()->rowCount(), 3);
    QCOMPARE(cell(tool_->inputEditor(), 2, 0), QString("110"));
    // 2×2 max, stride 2, on the 3×3 F: one output, max(109, 92, 108, 85).
    QVERIFY2(tool_->pooling(), qPrintable(tool_->errorText()));
    QCOMPARE(tool_->pooling()->output.rows(), 1);
    QCOMPARE(cell(tool_->outputView(), 0, 0), QString("109"));
    // Adaptive max to 2×2: windows rows 1–2 and 2–3 (overlapping).
    tool_->kindCombo()->setCurrentIndex(tool_->kindCombo()->findText("adaptive max"));
    click("End");
    const int p[2][2] = {{109, 92}, {110, 85}};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            QCOMPARE(cell(tool_->outputView(), i, j), QString::number(p[i][j]));
    // The convolution changes (the flipped kernel: F₁₁ = 113): the pooling follows.
    tab_->convolutionTool()->modeCombo()->setCurrentIndex(1);
    QCOMPARE(tool_->pooling()->problem.input(0, 0), 113.0);
    // A convolution with an error leaves nothing to pool, and says why.
    tab_->convolutionTool()->filterEditor()->item(0, 0)->setText("w");
    QVERIFY(!tool_->pooling());
    QVERIFY2(tool_->errorText().startsWith("The convolution has an error: W"),
             qPrintable(tool_->errorText()));
    // Unchained, X is the student's own again.
    QTest::mouseClick(chain, Qt::LeftButton, {}, QPoint(6, chain->height() / 2));
    QVERIFY(tool_->inputEditor()->isEnabled());
    QVERIFY2(tool_->pooling(), qPrintable(tool_->errorText()));
}

// Presentation mode's larger text: every cell whole, no scroll bar (the cells
// were 24 px high whatever the font, and a 4×4 X scrolled at 20 px text).
void TestPoolingTool::matricesGrowWithTheFont() {
    tool_->paddingSpin()->setValue(1);
    QFont big = tab_->font();
    big.setPixelSize(20);
    tab_->setFont(big);
    QCoreApplication::processEvents();
    const int textHeight = QFontMetrics(big).height();
    for (MatrixEditor* m :
         {tool_->inputEditor(), tool_->paddedInputView(), tool_->gradOutputEditor(),
          tool_->outputView(), tool_->gradInputView(), tab_->convolutionTool()->inputEditor()}) {
        QVERIFY2(m->rowHeight(0) >= textHeight + 4, qPrintable(m->objectName()));
        QVERIFY2(!m->verticalScrollBar()->isVisible(), qPrintable(m->objectName()));
        QVERIFY2(m->viewport()->height() >= m->rowCount() * m->rowHeight(0),
                 qPrintable(m->objectName()));
    }
}

QTEST_MAIN(TestPoolingTool)
#include "tst_pooling_tool.moc"
