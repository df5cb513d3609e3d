// Issue 18, the plots: in the real main window at 1024×768 and 1280×720,
// normal and in presentation mode, after a run of the Logistic regression and
// the Training tabs, measured from the widgets: no two tick labels of an axis
// overlap, no legend overlaps an axis rect, every title starts as the real
// title starts (shortened at the end only), every axis rect keeps at least
// 220×150 px (the plots reflow and scroll instead), presentation plot text is
// at least 14 px, and neither tab scrolls sideways. Also the tick fitting, the
// loss axis that follows the bulk of the curves and the one palette.
#include "gui/lab_plot.h"
#include "gui/logreg/logreg_lab.h"
#include "gui/main_window.h"
#include "gui/plot_style.h"
#include "gui/tab_fit.h"
#include "gui/training/training_curve_plot.h"
#include "gui/training/training_lab.h"
#include "gui_test_support.h"

#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QWheelEvent>
#include <QtTest>

using namespace bpl;
using namespace bpl::gui;

namespace {

QString where(const LabPlot* plot, const QString& what) {
    return QString("%1 (%2×%3): %4")
        .arg(plot->title())
        .arg(plot->width())
        .arg(plot->height())
        .arg(what);
}

// The first pair of tick labels of `axis` that overlap, as text; empty if none.
QString overlappingTicks(QCPAxis* axis) {
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    const QFontMetricsF metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    std::vector<std::pair<double, QString>> spans;
    for (int i = 0; i < ticks.size(); ++i)
        spans.emplace_back(axis->coordToPixel(ticks[i]), labels.value(i));
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i) {
        const auto extent = [&](const QString& s) {
            return horizontal ? metrics.horizontalAdvance(s) : metrics.height();
        };
        const double room = spans[i].first - spans[i - 1].first;
        if (room < (extent(spans[i].second) + extent(spans[i - 1].second)) / 2)
            return spans[i - 1].second + " | " + spans[i].second;
    }
    return {};
}

// Every rule of the issue for one plot, as a list of what is wrong.
QStringList problems(LabPlot* plot, bool presenting) {
    QStringList wrong;
    for (QCPAxisRect* rect : plot->axisRects()) {
        if (rect->width() < kMinAxisRectWidth || rect->height() < kMinAxisRectHeight)
            wrong << QString("axis rect %1×%2").arg(rect->width()).arg(rect->height());
        if (plot->legend->visible() && plot->legend->itemCount() > 0 &&
            plot->legend->outerRect().intersects(rect->rect()))
            wrong << "legend over the data";
        for (QCPAxis* axis : rect->axes()) {
            if (!axis->visible() || !axis->tickLabels())
                continue;
            if (const QString pair = overlappingTicks(axis); !pair.isEmpty())
                wrong << "tick labels overlap: " + pair;
            if (presenting && QFontInfo(axis->tickLabelFont()).pixelSize() < 14)
                wrong << QString("tick labels %1 px")
                             .arg(QFontInfo(axis->tickLabelFont()).pixelSize());
        }
    }
    QString shown = plot->shownTitle();
    if (shown.endsWith(QChar(0x2026)))
        shown.chop(1);
    if (shown.isEmpty() || !plot->title().startsWith(shown))
        wrong << "title shown as " + plot->shownTitle();
    if (shown != plot->title() && plot->titleToolTip() != plot->title())
        wrong << "a shortened title without the whole title as tool tip";
    if (presenting && QFontInfo(plot->legend->font()).pixelSize() < 14)
        wrong << QString("legend %1 px").arg(QFontInfo(plot->legend->font()).pixelSize());
    return wrong;
}

} // namespace

class TestPlotReadability : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void labsAfterRun_data();
    void labsAfterRun();
    void ticksNeverOverlapOnANarrowAxis();
    void lossAxisFollowsTheBulk();
    void onePaletteInOkabeItoOrder();
    void wheelScrollsThePageCtrlWheelZooms();

  private:
    void checkTab(MainWindow& window, const QString& id, bool presenting);
    QTemporaryDir settings_;
};

void TestPlotReadability::initTestCase() {
    test::isolateSettings(settings_);
}

void TestPlotReadability::labsAfterRun_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presenting");
    for (const QSize size : {QSize(1024, 768), QSize(1280, 720)}) {
        for (const bool presenting : {false, true}) {
            const QString name = QString("%1x%2%3")
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(presenting ? " presenting" : "");
            QTest::newRow(qPrintable(name)) << size << presenting;
        }
    }
}

void TestPlotReadability::checkTab(MainWindow& window, const QString& id, bool presenting) {
    QTabWidget* tabs = window.tabs();
    tabs->setCurrentIndex(findTab(tabs, id));
    // Let the grid place the plots and every queued replot and relayout run.
    for (int round = 0; round < 4; ++round) {
        QApplication::processEvents();
        for (LabPlot* plot : tabs->currentWidget()->findChildren<LabPlot*>())
            plot->replot();
    }
    QApplication::processEvents();
    const auto* scroll = qobject_cast<QScrollArea*>(tabs->currentWidget());
    QVERIFY(scroll);
    QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(id + " scrolls sideways"));
    const QList<LabPlot*> plots = tabs->currentWidget()->findChildren<LabPlot*>();
    QVERIFY(plots.size() >= 4);
    for (LabPlot* plot : plots) {
        const QStringList wrong = problems(plot, presenting);
        QVERIFY2(wrong.isEmpty(), qPrintable(where(plot, wrong.join("; "))));
    }
}

void TestPlotReadability::labsAfterRun() {
    QFETCH(QSize, size);
    QFETCH(bool, presenting);
    MainWindow window;
    window.setFitsScreen(false);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setPresenting(presenting);
    // Logistic regression: the sample, every method and η.
    auto* logreg = window.tabs()->findChild<LogRegLab*>();
    QVERIFY(logreg);
    window.tabs()->setCurrentIndex(findTab(window.tabs(), "logreg"));
    QSignalSpy swept(logreg, &LogRegLab::sweepFinished);
    QVERIFY(logreg->run());
    QVERIFY(swept.wait(120000));
    checkTab(window, "logreg", presenting);
    if (QTest::currentTestFailed())
        return;
    // Training: the spiral example's three optimizers.
    QVERIFY(window.openExample("spiral_2881_tanh"));
    auto* training = window.tabs()->findChild<TrainingLab*>();
    QVERIFY(training);
    window.tabs()->setCurrentIndex(findTab(window.tabs(), "training"));
    training->findChild<QSpinBox*>("epochsSpin")->setValue(150);
    QSignalSpy trained(training, &TrainingLab::comparisonFinished);
    QVERIFY(training->run());
    QVERIFY(trained.wait(120000));
    QCOMPARE(training->session().runCount(), 3);
    checkTab(window, "training", presenting);
    window.setPresenting(false);
}

void TestPlotReadability::ticksNeverOverlapOnANarrowAxis() {
    // Epochs 0 to 1750 on a 220 px axis: QCustomPlot's default five ticks
    // printed "0 250500750100012501500 1750".
    LabPlot plot("narrow");
    plot.resize(300, 260);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.xAxis->setRange(0, 1750);
    plot.yAxis->setRange(0, 1.5);
    plot.replot();
    plot.replot();
    QCOMPARE(overlappingTicks(plot.xAxis), QString());
    QCOMPARE(overlappingTicks(plot.yAxis), QString());
    QVERIFY(plot.xAxis->tickVector().size() >= 2);
    // Wide again: more ticks come back.
    const int narrowTicks = plot.xAxis->tickVector().size();
    plot.resize(1200, 260);
    QApplication::processEvents();
    plot.replot();
    QVERIFY(plot.xAxis->tickVector().size() > narrowTicks);
    QCOMPARE(overlappingTicks(plot.xAxis), QString());
}

void TestPlotReadability::lossAxisFollowsTheBulk() {
    MainWindow window;
    window.setFitsScreen(false);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample("spiral_2881_tanh"));
    auto* training = window.tabs()->findChild<TrainingLab*>();
    training->findChild<QSpinBox*>("epochsSpin")->setValue(200);
    QSignalSpy trained(training, &TrainingLab::comparisonFinished);
    QVERIFY(training->run());
    QVERIFY(trained.wait(120000));
    TrainingCurvePlot* loss = training->lossPlot();
    // Independently: the largest loss any run recorded, and the 98th percentile.
    std::vector<double> all;
    for (const TrainingRun& run : training->session().runs) {
        all.insert(all.end(), run.trainLoss.begin(), run.trainLoss.end());
        all.insert(all.end(), run.validationLoss.begin(), run.validationLoss.end());
    }
    std::sort(all.begin(), all.end());
    const double largest = all.back();
    const double bulk = all[all.size() * 98 / 100];
    QVERIFY(largest > bulk * 1.05); // the run has a spike to hide
    QVERIFY2(loss->yAxis->range().upper < largest,
             qPrintable(QString("%1 ≥ %2").arg(loss->yAxis->range().upper).arg(largest)));
    QVERIFY(loss->yAxis->range().upper >= bulk);
    auto* showAll = training->findChild<QPushButton*>("showAllButton");
    QVERIFY(showAll && showAll->isCheckable());
    showAll->click();
    QVERIFY(loss->yAxis->range().upper >= largest);
    showAll->click();
    QVERIFY(loss->yAxis->range().upper < largest);
}

void TestPlotReadability::onePaletteInOkabeItoOrder() {
    const QStringList okabeIto = {"#e69f00", "#56b4e9", "#009e73", "#f0e442",
                                  "#0072b2", "#d55e00", "#cc79a7", "#000000"};
    for (int i = 0; i < okabeIto.size(); ++i) {
        QCOMPARE(seriesColour(i).name(), okabeIto[i]);
        QCOMPARE(etaColour(i), seriesColour(i));
        QCOMPARE(runColour(i), seriesColour(i));
        QCOMPARE(classColour(i), seriesColour(i));
    }
    // The second cue: no two of the first eight series share a marker.
    QSet<int> shapes;
    for (int i = 0; i < 8; ++i)
        shapes.insert(int(seriesShape(i)));
    QCOMPARE(shapes.size(), 8);
}

void TestPlotReadability::wheelScrollsThePageCtrlWheelZooms() {
    // Scrolling down the Training tab with the wheel over the loss plot zoomed
    // the plot out to epoch −200 instead of scrolling the page.
    MainWindow window;
    window.setFitsScreen(false);
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample("spiral_2881_tanh"));
    window.tabs()->setCurrentIndex(findTab(window.tabs(), "training"));
    auto* training = window.tabs()->findChild<TrainingLab*>();
    QApplication::processEvents();
    TrainingCurvePlot* loss = training->lossPlot();
    QScrollArea* page = nullptr; // the nearest page around the plot
    for (QWidget* up = loss->parentWidget(); up && !page; up = up->parentWidget())
        page = qobject_cast<QScrollArea*>(up);
    QVERIFY(page);
    QScrollBar* bar = page->verticalScrollBar();
    QVERIFY2(bar->maximum() > 0, "the plots do not scroll at 1024×768");
    bar->setValue(0);
    const QCPRange before = loss->xAxis->range();
    const QPointF at(loss->width() / 2.0, loss->height() / 2.0);
    const auto wheel = [&](Qt::KeyboardModifiers modifiers) {
        QWheelEvent event(at, loss->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(loss, &event);
    };
    wheel(Qt::NoModifier);
    QVERIFY2(bar->value() > 0, "a plain wheel did not scroll the page");
    QCOMPARE(loss->xAxis->range().lower, before.lower);
    QCOMPARE(loss->xAxis->range().upper, before.upper);
    const int scrolled = bar->value();
    wheel(Qt::ControlModifier);
    QCOMPARE(bar->value(), scrolled);
    QVERIFY2(loss->xAxis->range().size() > before.size(), "Ctrl+wheel down did not zoom out");
}

int main(int argc, char** argv) {
    QTemporaryDir dir; // a screen both window sizes fit
    if (!test::useOffscreenScreen(dir, 1280, 768))
        return 1;
    QApplication app(argc, argv);
    TestPlotReadability test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_plot_readability.moc"
