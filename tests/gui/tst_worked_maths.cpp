// The Worked maths tab (issue 10; teaching-content.md sections 7–9): typing
// the course's f and stepping with Space shows the values of section 8 on the
// canvas and in the details (σ(1) = 0.7311, a = 1.5, b = 2.269, ∂f/∂a = 1/b =
// 0.4407, ∂f/∂x = 0.0646, ∂f/∂y = −0.181); a bad expression shows its column;
// in Check mode a slipped gradient turns red and a later one computed from it
// amber; the convolution tool shows F₁₁ = 109 (113 with the flipped kernel)
// and the course's ∂E/∂X; the activation plot marks σ′'s maximum 0.25 at 0.
// With BPL_SCREENSHOT_DIR set, screenshots of each tool in the main window at
// 1024×768 and 1440×900 are saved there.
#include "core/maths/expression_graph.h"
#include "gui/main_window.h"
#include "gui/tab_fit.h"
#include "gui/maths/activation_plot.h"
#include "gui/maths/activation_tool.h"
#include "gui/maths/convolution_tool.h"
#include "gui/maths/expression_graph_view.h"
#include "gui/maths/expression_node_item.h"
#include "gui/maths/expression_tool.h"
#include "gui/maths/maths_check_panel.h"
#include "gui/maths/matrix_editor.h"
#include "gui/maths/worked_maths_tab.h"
#include "gui/network_document.h"
#include "gui_test_support.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace bpl;
using namespace bpl::gui;

class TestWorkedMaths : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { test::isolateSettings(settingsDir_); }
    void init();
    void cleanup();
    void tabIsRegisteredWithItsId();
    void typingTheCourseFAndSteppingShowsSection8();
    void badExpressionShowsTheColumn();
    void checkModeMarksSlipsAndCarriedErrors();
    void convolutionShowsF11();
    void activationPlotMarksSigmoidMaximum();
    void exportWritesTheCurrentTool();
    void screenshots();

  private:
    QTemporaryDir settingsDir_;
    std::unique_ptr<WorkedMathsTab> tab_;
};

void TestWorkedMaths::init() {
    tab_ = std::make_unique<WorkedMathsTab>();
    tab_->resize(1200, 800);
    tab_->show();
    QVERIFY(QTest::qWaitForWindowExposed(tab_.get()));
}

void TestWorkedMaths::cleanup() {
    tab_.reset();
}

void TestWorkedMaths::tabIsRegisteredWithItsId() {
    MainWindow window;
    // The tab carries its id (gui/tab_fit.h); its page may wrap it in a scroll area.
    const int index = findTab(window.tabs(), "maths");
    QVERIFY(index >= 0);
    QWidget* page = window.tabs()->widget(index);
    WorkedMathsTab* maths = qobject_cast<WorkedMathsTab*>(page);
    if (!maths) maths = page->findChild<WorkedMathsTab*>();
    QVERIFY(maths);
    QCOMPARE(window.tabs()->tabText(index), QString("Worked maths"));

    // In the window, Space steps the chain rule, not the network's stepper.
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.tabs()->setCurrentIndex(index);
    ExpressionTool* tool = maths->expressionTool();
    tool->graphView()->setFocus();
    QApplication::processEvents();
    const int networkPosition = window.document()->position();
    QTest::keyClick(tool->graphView(), Qt::Key_Space);
    QCOMPARE(tool->step(), 1);
    QCOMPARE(window.document()->position(), networkPosition);
}

void TestWorkedMaths::typingTheCourseFAndSteppingShowsSection8() {
    ExpressionTool* tool = tab_->expressionTool();
    QLineEdit* edit = tool->expressionEdit();
    edit->clear();
    edit->setFocus();
    QTest::keyClicks(edit, "(x^2 + sigmoid(y)) / (3*x + y - sigmoid(x))");
    tool->variableEdit("x")->setText("1");
    tool->variableEdit("y")->setText("0");
    QTest::keyClick(edit, Qt::Key_Return);
    const ExpressionGraph* graph = tool->graph();
    QVERIFY2(graph, qPrintable(tool->errorText()));
    QVERIFY(tool->graphView()->hasFocus());

    // Forward: the canvas shows σ(1) = 0.7311, σ(0) = 0.5, a = 1.5, b = 2.269.
    QCOMPARE(tool->step(), 0);
    QStringList values;
    for (const GraphNode& n : graph->nodes)
        values << tool->graphView()->nodeItem(n.id)->valueText();
    for (const char* v : {"= 0.7311", "= 0.5", "= 1.5", "= 2.269"})
        QVERIFY2(values.contains(v), v);
    const int a = graph->findNode("x^2 + sigmoid(y)");
    const int b = graph->findNode("3*x + y - sigmoid(x)");
    QVERIFY(a >= 0 && b >= 0);

    // Space through the backward pass; the step of a shows 1/b = 1/2.269 = 0.4407.
    bool sawA = false;
    int presses = 0;
    while (tool->step() < tool->stepCount() - 1) {
        QTest::keyClick(tool->graphView(), Qt::Key_Space);
        ++presses;
        const BackwardStep& s = graph->backward[tool->step() - 1];
        QCOMPARE(tool->graphView()->nodeItem(s.node)->role(), ExpressionNodeItem::Role::Current);
        if (s.node == a) {
            sawA = true;
            const QString details = tool->detailsText();
            QVERIFY2(details.contains("2.269") && details.contains("0.4407"), qPrintable(details));
            QVERIFY(tool->graphView()->nodeItem(a)->gradText().contains("0.4407"));
        }
        QVERIFY(presses < 50);
    }
    QVERIFY(sawA);
    QCOMPARE(presses, int(graph->backward.size()));

    // x is used three times: the details show three contributions that add.
    const int x = graph->variableNode("x");
    tool->setStep(graph->backwardStepOf(x) + 1);
    QVERIFY(tool->detailsText().contains("used 3 times"));
    QCOMPARE(tool->graphView()->edgeLabels().size(), 3);
    QVERIFY(tool->graphView()->nodeItem(x)->gradText().contains("0.06465"));
    QVERIFY(tool->graphView()->nodeItem(x)->gradText().contains("3 uses"));

    // The result (hand-worked: 0.0646 and −0.181 at 3 figures) and the check.
    QTest::keyClick(tool->graphView(), Qt::Key_End);
    const QString results = tool->resultsText();
    QVERIFY2(results.contains("∂f/∂x = 0.06465"), qPrintable(results));
    QVERIFY2(results.contains("∂f/∂y = -0.1812"), qPrintable(results));
    QVERIFY(results.contains("agree"));
    QTest::keyClick(tool->graphView(), Qt::Key_Home);
    QCOMPARE(tool->step(), 0);
    QTest::keyClick(tool->graphView(), Qt::Key_Right);
    QCOMPARE(tool->step(), 1);
    QTest::keyClick(tool->graphView(), Qt::Key_Left);
    QCOMPARE(tool->step(), 0);
}

void TestWorkedMaths::badExpressionShowsTheColumn() {
    ExpressionTool* tool = tab_->expressionTool();
    tool->expressionEdit()->setText("(x + y");
    QVERIFY(!tool->graph());
    QVERIFY2(tool->errorText().startsWith("col 7: "), qPrintable(tool->errorText()));
    QVERIFY(tool->errorText().contains(")"));
    auto* label = tool->findChild<QLabel*>("expressionError");
    QVERIFY(label->isVisible());
    // The caret sits under column 7.
    QVERIFY2(label->text().contains("\n      ^ col 7"), qPrintable(label->text()));
    tool->expressionEdit()->setText("x*y");
    QVERIFY(tool->graph());
    QVERIFY(!label->isVisible());
}

void TestWorkedMaths::checkModeMarksSlipsAndCarriedErrors() {
    ExpressionTool* tool = tab_->expressionTool();
    const ExpressionGraph* graph = tool->graph();
    QVERIFY(graph);
    tool->setCheckMode(true);
    MathsCheckPanel* panel = tool->checkPanel();
    QVERIFY(panel->isVisible());
    // The canvas keeps only the given values in Check mode.
    const int a = graph->findNode("x^2 + sigmoid(y)");
    QVERIFY(tool->graphView()->nodeItem(a)->valueText().isEmpty());

    // A slipped ∂f/∂x (exact 0.06465) is wrong.
    const int x = graph->variableNode("x");
    MathsAnswerField* gx = panel->field(MathsRef::grad(x));
    QVERIFY(gx);
    gx->setText("0.0745");
    QCOMPARE(gx->property("checkStatus").toString(), QString("wrong"));
    QVERIFY(!gx->toolTip().isEmpty());
    gx->setText("0.06465");
    QCOMPARE(gx->property("checkStatus").toString(), QString("correct"));
    gx->clear();

    // ∂f/∂a = 1/b = 0.4407 slipped to 0.4470: wrong; ∂f/∂(x²) = ∂f/∂a · 1,
    // worked from the student's 0.4470, is carried; so is ∂f/∂x from it:
    // 0.06465 + 2·(0.4470 − 0.44073) = 0.07718.
    const int square = graph->findNode("x^2");
    panel->field(MathsRef::grad(a))->setText("0.4470");
    MathsAnswerField* gs = panel->field(MathsRef::grad(square));
    gs->setText("0.4470");
    QCOMPARE(panel->field(MathsRef::grad(a))->property("checkStatus").toString(), QString("wrong"));
    QCOMPARE(gs->property("checkStatus").toString(), QString("carried"));
    gx->setText("0.07718");
    QCOMPARE(gx->property("checkStatus").toString(), QString("carried"));
    QVERIFY2(panel->summaryText().contains("1 wrong"), qPrintable(panel->summaryText()));
    tool->setCheckMode(false);
    QVERIFY(!tool->graphView()->nodeItem(a)->valueText().isEmpty());
}

void TestWorkedMaths::convolutionShowsF11() {
    tab_->showTool("convolution");
    ConvolutionTool* tool = tab_->convolutionTool();
    QVERIFY(tool->isVisible());
    QVERIFY2(tool->convolution(), qPrintable(tool->errorText()));
    QCOMPARE(tool->step(), 0);
    QCOMPARE(tool->outputView()->cellText(0, 0), QString("109"));
    QVERIFY(tool->outputView()->cellText(0, 1).isEmpty());
    QVERIFY2(tool->detailsText().contains("= 109"), qPrintable(tool->detailsText()));
    QVERIFY(tool->detailsText().contains("4·4"));
    QVERIFY(tool->inputEditor()->isHighlighted(2, 2));
    QVERIFY(!tool->inputEditor()->isHighlighted(0, 3));
    tool->outputView()->setFocus();
    QTest::keyClick(tool->outputView(), Qt::Key_Space);
    QCOMPARE(tool->outputView()->cellText(0, 1), QString("92"));
    QVERIFY(tool->inputEditor()->isHighlighted(0, 3));

    // The course's F (its X completed to 5×5) and ∂E/∂X for ∂E/∂F = 1.
    QTest::keyClick(tool->outputView(), Qt::Key_End);
    const int f[3][3] = {{109, 92, 72}, {108, 85, 74}, {110, 74, 79}};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            QCOMPARE(tool->outputView()->cellText(i, j), QString::number(f[i][j]));
    const int dx[5][5] = {{4, 7, 10, 6, 3},
                          {9, 17, 25, 16, 8},
                          {11, 23, 34, 23, 11},
                          {7, 16, 24, 17, 8},
                          {2, 6, 9, 7, 3}};
    for (int p = 0; p < 5; ++p)
        for (int q = 0; q < 5; ++q)
            QCOMPARE(tool->gradInputView()->cellText(p, q), QString::number(dx[p][q]));
    // The centre cell is covered by all nine windows.
    tool->setStep(tool->stepCount() - 25 + 12);
    QVERIFY(tool->detailsText().contains("F₁₁") && tool->detailsText().contains("F₃₃"));

    // The flipped kernel: W becomes [[3, 4, 2], [5, 5, 5], [3, 3, 4]], so
    // F₁₁ = 3·4 + 4·5 + 2·2 + 5·3 + 5·3 + 5·2 + 3·4 + 3·3 + 4·4 = 113.
    tool->modeCombo()->setCurrentIndex(1);
    tool->home();
    QCOMPARE(tool->outputView()->cellText(0, 0), QString("113"));

    // Check mode: a wrong F₁₁ is red.
    tool->modeCombo()->setCurrentIndex(0);
    tool->setCheckMode(true);
    MathsAnswerField* f11 =
        tool->checkPanel()->field(MathsRef::entry(MathsQuantity::ConvOutput, 0, 0));
    QVERIFY(f11);
    f11->setText("109");
    QCOMPARE(f11->property("checkStatus").toString(), QString("correct"));
    f11->setText("106");
    QCOMPARE(f11->property("checkStatus").toString(), QString("wrong"));
}

void TestWorkedMaths::activationPlotMarksSigmoidMaximum() {
    tab_->showTool("activation");
    ActivationTool* tool = tab_->activationTool();
    QVERIFY(tool->selectActivation("sigmoid"));
    QPointF m = tool->plot()->maximumMarkerPosition();
    QVERIFY(std::abs(m.y() - 0.25) < 1e-12);
    QVERIFY(std::abs(m.x()) < 1e-6);
    QVERIFY2(tool->plot()->maximumLabel().contains("0.25"),
             qPrintable(tool->plot()->maximumLabel()));
    QVERIFY(tool->infoText().contains("σ′(x) = 0.25"));
    QVERIFY(tool->selectActivation("tanh"));
    m = tool->plot()->maximumMarkerPosition();
    QVERIFY(std::abs(m.y() - 1.0) < 1e-12);
    // The identity overlay reports only rounding between tanh and 2σ(2x) − 1.
    tool->compareCombo()->setCurrentIndex(tool->compareCombo()->count() - 1);
    QVERIFY(tool->infoText().contains("2σ(2x) − 1"));
    // Softmax of (1, 2, 3) + 100 is softmax of (1, 2, 3): 0.09003, 0.2447, 0.6652.
    QVERIFY(tool->softmaxLabel()->text().contains("(0.09003, 0.2447, 0.6652)"));
    QCOMPARE(tool->softmaxLabel()->text().count("(0.09003, 0.2447, 0.6652)"), 2);
}

void TestWorkedMaths::exportWritesTheCurrentTool() {
    QTemporaryDir dir;
    QString error;
    // The chain rule through maths-core's exporter: Markdown with ∂f/∂x.
    tab_->showTool("chain");
    QVERIFY2(tab_->exportSolution(dir.filePath("f.md"), error), qPrintable(error));
    QFile md(dir.filePath("f.md"));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QVERIFY(md.readAll().contains("0.0646"));
    // The convolution as text, with F₁₁ = 109.
    tab_->showTool("convolution");
    QVERIFY2(tab_->exportSolution(dir.filePath("c.txt"), error), qPrintable(error));
    QFile txt(dir.filePath("c.txt"));
    QVERIFY(txt.open(QIODevice::ReadOnly));
    QVERIFY(txt.readAll().contains("109"));
    // The activation tool writes what it shows.
    tab_->showTool("activation");
    QVERIFY2(tab_->exportSolution(dir.filePath("a.md"), error), qPrintable(error));
    QFile act(dir.filePath("a.md"));
    QVERIFY(act.open(QIODevice::ReadOnly));
    QVERIFY(act.readAll().contains("max 0.25 at x = 0"));
    QVERIFY(!tab_->exportSolution(dir.filePath("c.xyz"), error));
    QVERIFY(error.contains("c.xyz"));
}

void TestWorkedMaths::screenshots() {
    if (!qEnvironmentVariableIsSet("BPL_SCREENSHOT_DIR"))
        QSKIP("BPL_SCREENSHOT_DIR not set");
    const QString dir = qEnvironmentVariable("BPL_SCREENSHOT_DIR");
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkedMathsTab* tab = nullptr;
    for (int i = 0; i < window.tabs()->count(); ++i) {
        if (window.tabs()->widget(i)->property("tabId").toString() == "maths")
            tab = qobject_cast<WorkedMathsTab*>(window.tabs()->widget(i));
    }
    QVERIFY(tab);
    window.tabs()->setCurrentWidget(tab);
    for (int i = 0; i < tab->tools()->count(); ++i)
        qInfo() << tab->tools()->tabText(i) << tab->tools()->widget(i)->minimumSizeHint();
    qInfo() << "window" << window.minimumSizeHint() << "tabs" << window.tabs()->minimumSizeHint();
    for (int i = 0; i < window.tabs()->count(); ++i)
        qInfo() << window.tabs()->tabText(i) << window.tabs()->widget(i)->minimumSizeHint();
    for (const QSize size : {QSize(1024, 768), QSize(1440, 900)}) {
        window.resize(size);
        const QString suffix = size.width() == 1024 ? "" : "-large";
        tab->showTool("chain");
        ExpressionTool* e = tab->expressionTool();
        e->setStep(e->graph()->backwardStepOf(e->graph()->variableNode("x")) + 1);
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + "/maths-chain-rule" + suffix + ".png"));
        e->setCheckMode(true);
        const int a = e->graph()->findNode("x^2 + sigmoid(y)");
        e->checkPanel()->field(MathsRef::grad(a))->setText("0.4470");
        e->checkPanel()->field(MathsRef::grad(e->graph()->findNode("x^2")))->setText("0.4470");
        e->checkPanel()->field(MathsRef::grad(e->graph()->variableNode("y")))->setText("-0.181");
        e->checkPanel()->field(MathsRef::grad(e->graph()->findNode("x^2")))->setText("0.447");
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + "/maths-check" + suffix + ".png"));
        e->checkPanel()->clearAnswers();
        e->setCheckMode(false);
        tab->showTool("activation");
        tab->activationTool()->selectActivation("sigmoid");
        tab->activationTool()->compareCombo()->setCurrentIndex(
            tab->activationTool()->compareCombo()->findText("tanh", Qt::MatchStartsWith));
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + "/maths-activation" + suffix + ".png"));
        tab->showTool("convolution");
        tab->convolutionTool()->setStep(tab->convolutionTool()->stepCount() - 25 + 6);
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + "/maths-convolution" + suffix + ".png"));
        tab->convolutionTool()->home();
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + "/maths-convolution-forward" + suffix + ".png"));
        tab->convolutionTool()->setCheckMode(true);
        tab->convolutionTool()
            ->checkPanel()
            ->field(MathsRef::entry(MathsQuantity::ConvOutput, 0, 0))
            ->setText("109");
        tab->convolutionTool()
            ->checkPanel()
            ->field(MathsRef::entry(MathsQuantity::ConvOutput, 0, 1))
            ->setText("96");
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + "/maths-convolution-check" + suffix + ".png"));
        tab->convolutionTool()->checkPanel()->clearAnswers();
        tab->convolutionTool()->setCheckMode(false);
    }
}

QTEST_MAIN(TestWorkedMaths)
#include "tst_worked_maths.moc"
