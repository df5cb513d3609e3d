// Issue 18, every tab at 1024×768 (measured from the widgets of the real main
// window): in Worked maths the sub-tab bar, the expression field and Export
// stay put while the content scrolls, and the activation plot (axis and
// readout) and the convolution's stepping buttons are whole without
// scrolling; the chain-rule graph's edge labels and "(sum of n uses)" lie
// clear of the node labels and of each other on every step; Check mode with
// All steps shows at least 6 rows of fields with their status text whole, and
// the side panels regain their widths after the window is made small and
// restored.
#include "core/maths/expression_graph.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/check/check_session.h"
#include "gui/details/details_panel.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/main_window.h"
#include "gui/maths/activation_plot.h"
#include "gui/maths/activation_tool.h"
#include "gui/maths/convolution_tool.h"
#include "gui/maths/expression_graph_view.h"
#include "gui/maths/expression_tool.h"
#include "gui/maths/pooling_tool.h"
#include "gui/maths/worked_maths_tab.h"
#include "gui/network_workspace.h"
#include "gui/tab_fit.h"
#include "gui_test_support.h"

#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QtTest>

using namespace bpl;
using namespace bpl::gui;

namespace {

// True when every pixel of `w` is on screen: shown, and not clipped by a
// scroll area's viewport or by the window.
bool whole(const QWidget* w) {
    return w && w->isVisible() && w->visibleRegion().boundingRect() == w->rect();
}

QString describe(const QWidget* w) {
    if (!w)
        return "(none)";
    return QString("%1 %2 at (%3, %4) %5×%6, visible %7")
        .arg(w->metaObject()->className(), w->objectName())
        .arg(w->mapTo(w->window(), QPoint()).x())
        .arg(w->mapTo(w->window(), QPoint()).y())
        .arg(w->width())
        .arg(w->height())
        .arg(QString("%1×%2")
                 .arg(w->visibleRegion().boundingRect().width())
                 .arg(w->visibleRegion().boundingRect().height()));
}

// Scrolls every scroll area on the page (and the page, if it is one) to its end.
void scrollAllToEnd(QWidget* page) {
    QList<QScrollArea*> areas = page->findChildren<QScrollArea*>();
    if (auto* self = qobject_cast<QScrollArea*>(page))
        areas << self;
    for (QScrollArea* a : areas) {
        a->verticalScrollBar()->setValue(a->verticalScrollBar()->maximum());
        a->horizontalScrollBar()->setValue(a->horizontalScrollBar()->maximum());
    }
    QApplication::processEvents();
}

} // namespace

class TestTabsAt1024 : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { test::isolateSettings(settingsDir_); }
    void init();
    void cleanup();
    void mathsBarsStayPutAndStepControlsShow();
    void chainRuleLabelsKeepClear_data();
    void chainRuleLabelsKeepClear();
    void checkModeShowsSixRowsWithWholeStatus();
    void panelsRegainTheirWidths();

  private:
    WorkedMathsTab* showMaths();
    QTemporaryDir settingsDir_;
    std::unique_ptr<MainWindow> window_;
};

void TestTabsAt1024::init() {
    window_ = test::openSheet5(false, QSize(1024, 768));
    QVERIFY(window_);
    QCOMPARE(window_->size(), QSize(1024, 768));
}

void TestTabsAt1024::cleanup() {
    if (auto* controller = window_->findChild<CheckController*>())
        controller->session()->clear(); // unsaved answers: close without asking
    window_.reset();
}

WorkedMathsTab* TestTabsAt1024::showMaths() {
    const int index = findTab(window_->tabs(), "maths");
    if (index < 0)
        return nullptr;
    window_->tabs()->setCurrentIndex(index);
    QWidget* page = window_->tabs()->widget(index);
    auto* maths = qobject_cast<WorkedMathsTab*>(page);
    if (!maths)
        maths = page->findChild<WorkedMathsTab*>();
    QApplication::processEvents();
    return maths;
}

void TestTabsAt1024::mathsBarsStayPutAndStepControlsShow() {
    WorkedMathsTab* maths = showMaths();
    QVERIFY(maths);
    QWidget* page = window_->tabs()->currentWidget();
    QWidget* exportButton = maths->findChild<QPushButton*>("exportSolutionButton");
    QVERIFY(exportButton);
    for (const QString tool : {"chain", "activation", "convolution", "pooling"}) {
        QVERIFY(maths->showTool(tool));
        QApplication::processEvents();
        const QPoint bar = maths->tools()->tabBar()->mapTo(window_.get(), QPoint());
        const QPoint button = exportButton->mapTo(window_.get(), QPoint());
        QLineEdit* expression = maths->expressionTool()->findChild<QLineEdit*>("expressionEdit");
        const QPoint field = expression->mapTo(window_.get(), QPoint());
        scrollAllToEnd(page);
        QVERIFY2(whole(maths->tools()->tabBar()),
                 qPrintable(tool + ": " + describe(maths->tools()->tabBar())));
        QCOMPARE(maths->tools()->tabBar()->mapTo(window_.get(), QPoint()), bar);
        QVERIFY2(whole(exportButton), qPrintable(tool + ": " + describe(exportButton)));
        QCOMPARE(exportButton->mapTo(window_.get(), QPoint()), button);
        if (tool == "chain") {
            QVERIFY2(whole(expression), qPrintable(describe(expression)));
            QCOMPARE(expression->mapTo(window_.get(), QPoint()), field);
        }
        // Back to the top: what a person sees first.
        for (QScrollArea* a : page->findChildren<QScrollArea*>())
            a->verticalScrollBar()->setValue(0);
        if (auto* self = qobject_cast<QScrollArea*>(page))
            self->verticalScrollBar()->setValue(0);
        QApplication::processEvents();
    }
    // The activation plot, its axes and the readout, without scrolling.
    maths->showTool("activation");
    QApplication::processEvents();
    ActivationPlot* plot = maths->activationTool()->findChild<ActivationPlot*>();
    QVERIFY2(whole(plot), qPrintable(describe(plot)));
    QVERIFY2(plot->axisRect()->height() >= 150, qPrintable(describe(plot)));
    QLabel* readout = maths->activationTool()->findChild<QLabel*>("activationInfo");
    QVERIFY2(whole(readout), qPrintable(describe(readout)));
    // The convolution's and the pooling's stepping buttons, without scrolling.
    for (const QString tool : {"convolution", "pooling"}) {
        maths->showTool(tool);
        QApplication::processEvents();
        QWidget* shown = tool == "pooling" ? static_cast<QWidget*>(maths->poolingTool())
                                           : maths->convolutionTool();
        for (const QString text : {"Start", "◀ Back", "Next ▶", "End"}) {
            QPushButton* found = nullptr;
            for (QPushButton* b : shown->findChildren<QPushButton*>()) {
                if (b->text() == text)
                    found = b;
            }
            QVERIFY2(whole(found), qPrintable(tool + ", " + text + ": " + describe(found)));
        }
    }
}

void TestTabsAt1024::chainRuleLabelsKeepClear_data() {
    QTest::addColumn<QString>("expression");
    QTest::newRow("course f") << ExpressionTool::defaultExpression();
    QTest::newRow("x·x + sin x (2 uses, 2 × …)") << QString("x*x + sin(x)");
    QTest::newRow("x^2 + x (sum of 2 uses)") << QString("x^2 + x*y + y");
}

void TestTabsAt1024::chainRuleLabelsKeepClear() {
    QFETCH(QString, expression);
    WorkedMathsTab* maths = showMaths();
    QVERIFY(maths);
    maths->showTool("chain");
    ExpressionTool* tool = maths->expressionTool();
    tool->findChild<QLineEdit*>("expressionEdit")->setText(expression);
    QApplication::processEvents();
    QVERIFY2(tool->graph(), qPrintable(tool->errorText()));
    ExpressionGraphView* view = tool->findChild<ExpressionGraphView*>();
    QVERIFY(view);
    int edgeLabelsSeen = 0;
    bool sumSeen = false;
    for (int step = 0; step <= int(tool->graph()->backward.size()) + 1; ++step) {
        tool->setStep(step);
        QApplication::processEvents();
        const auto labels = view->labelRects();
        for (const auto& l : labels) {
            edgeLabelsSeen += l.text.contains(" × ") ? 1 : 0;
            sumSeen = sumSeen || l.text.contains("uses)");
        }
        for (qsizetype i = 0; i < labels.size(); ++i) {
            for (qsizetype j = i + 1; j < labels.size(); ++j) {
                QVERIFY2(!labels[i].rect.intersects(labels[j].rect),
                         qPrintable(QString("step %1: “%2” %3 and “%4” %5 overlap")
                                        .arg(step)
                                        .arg(labels[i].text, QDebug::toString(labels[i].rect),
                                             labels[j].text, QDebug::toString(labels[j].rect))));
            }
        }
    }
    QVERIFY(edgeLabelsSeen > 0);
    QVERIFY(sumSeen);
}

void TestTabsAt1024::checkModeShowsSixRowsWithWholeStatus() {
    auto* controller = window_->findChild<CheckController*>();
    QVERIFY(controller);
    controller->setCheckMode(true);
    CheckPanel* panel = controller->panel();
    panel->setShowAllSteps(true);
    QApplication::processEvents();
    QVERIFY(panel->entries().size() >= 12);
    // Rows of fields wholly on screen, without scrolling.
    QSet<int> rows;
    for (AnswerEntry* e : panel->entries()) {
        if (whole(e))
            rows.insert(e->mapTo(window_.get(), QPoint()).y());
    }
    QVERIFY2(rows.size() >= 6, qPrintable(QString("%1 rows shown; first field %2")
                                              .arg(rows.size())
                                              .arg(describe(panel->entries().front()))));
    // Answers that are right: the status beside each reads whole.
    CheckSession* session = controller->session();
    const Trace& trace = window_->document()->trace();
    for (std::size_t k = 0; k < 4; ++k) {
        AnswerEntry* e = panel->entries()[k];
        const ScalarFormula* f = trace.formulaFor(e->ref());
        QVERIFY(f);
        session->setText(e->ref(), QString::fromStdString(shortestText(f->value)));
    }
    QApplication::processEvents();
    for (std::size_t k = 0; k < 4; ++k) {
        AnswerEntry* e = panel->entries()[k];
        QLabel* mark = nullptr;
        // The status label is the next label right of the field in its row.
        for (QLabel* l : panel->findChildren<QLabel*>()) {
            if (l->text().contains(QStringLiteral("right")) &&
                std::abs(l->mapTo(panel, QPoint()).y() + l->height() / 2 -
                         (e->mapTo(panel, QPoint()).y() + e->height() / 2)) < 4 &&
                l->mapTo(panel, QPoint()).x() > e->mapTo(panel, QPoint()).x() &&
                (!mark || l->mapTo(panel, QPoint()).x() < mark->mapTo(panel, QPoint()).x()))
                mark = l;
        }
        QVERIFY2(mark, qPrintable(describe(e)));
        QVERIFY2(whole(mark), qPrintable(describe(mark)));
        QVERIFY2(mark->width() >= mark->sizeHint().width(),
                 qPrintable(QString("%1 < %2").arg(mark->width()).arg(mark->sizeHint().width())));
    }
}

void TestTabsAt1024::panelsRegainTheirWidths() {
    NetworkWorkspace* workspace = window_->workspace();
    QDockWidget* inspector = nullptr;
    for (QDockWidget* d : workspace->findChildren<QDockWidget*>()) {
        if (d->isAncestorOf(workspace->inspector()))
            inspector = d;
    }
    QVERIFY(inspector);
    QDockWidget* details = nullptr;
    for (QDockWidget* d : workspace->findChildren<QDockWidget*>()) {
        if (d->isAncestorOf(workspace->details()))
            details = d;
    }
    QVERIFY(details);
    const int width = inspector->width();
    const int height = details->height();
    QVERIFY2(width >= 200 && height >= 200, qPrintable(QString("%1, %2").arg(width).arg(height)));
    for (const QSize small : {QSize(640, 480), QSize(400, 300)}) {
        window_->resize(small);
        QApplication::processEvents();
        window_->resize(1024, 768);
        QApplication::processEvents();
        QVERIFY2(std::abs(inspector->width() - width) <= 2,
                 qPrintable(QString("inspector %1 px, was %2").arg(inspector->width()).arg(width)));
        QVERIFY2(
            std::abs(details->height() - height) <= 2,
            qPrintable(QString("step details %1 px, was %2").arg(details->height()).arg(height)));
    }
}

int main(int argc, char** argv) {
    QTemporaryDir dir;
    if (!test::useOffscreenScreen(dir, 1024, 768))
        return 1;
    QApplication app(argc, argv);
    TestTabsAt1024 test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tabs_at_1024.moc"
