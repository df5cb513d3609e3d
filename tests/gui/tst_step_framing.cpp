// Issue 18 on the canvas, on an offscreen screen of 1280×768 with the window at
// 1024×768 and 1280×720: presentation mode shows the 3-2-1 exercise and the
// 4-layer example whole on every step, text ≥ 14 px and indices ≥ 10 px; in
// larger networks every step's items (NetworkScene::focusRect) are inside the
// viewport however the step is reached (Space, ←, Home, End, Ctrl+F, Ctrl+B, the
// step list, Check mode); Ctrl+= / Ctrl+- scale the canvas text on screen;
// weight labels are ≥ 9 px or not drawn; the loss box always has its values;
// panels come back after F5 twice on every tab; the window stays on the screen.
#include "gui/appearance.h"
#include "gui/canvas/canvas_style.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/layer_label_item.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas/neuron_item.h"
#include "gui/check/check_controller.h"
#include "gui/details/details_panel.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/step_list_panel.h"
#include "gui_test_support.h"

#include <QScreen>
#include <QScrollArea>
#include <QTabWidget>

using namespace bpl;
using namespace bpl::gui;

namespace {

// Every route to a step a person takes, as keys on the canvas or clicks.
enum class Route { Space, Left, Home, End, CtrlF, CtrlB, StepList, CheckJump };

QString routeName(Route r) {
    static const char* names[] = {"Space",  "Left",   "Home",      "End",
                                  "Ctrl+F", "Ctrl+B", "step list", "Check jump"};
    return names[int(r)];
}

QString rectText(const QRectF& r) {
    return QString("(%1, %2) %3×%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

} // namespace

class TestStepFraming : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void cleanup();
    void presentationShowsSmallNetworksWhole_data();
    void presentationShowsSmallNetworksWhole();
    void everyRouteFramesTheStep_data();
    void everyRouteFramesTheStep();
    void fontKeysScaleTheCanvasText();
    void weightLabelsReadableOrHidden();
    void lossBoxShowsItsValues();
    void lossOverlayCoversNoNeuron();
    void legendScalesAndHides();
    void panelsComeBackAfterF5TwiceOnEveryTab();
    void presentationLayoutIsNeverSaved();
    void windowStaysOnTheScreen();
    void stepTitleNamesTheStep();

  private:
    std::unique_ptr<MainWindow> open(const QString& example, const QSize& size);
    // Goes to a step by `route`, aiming at `position` where the route can choose.
    void reach(MainWindow* w, Route route, int position);
    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestStepFraming::initTestCase() {
    test::isolateSettings(settings_);
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1280, 768));
}

void TestStepFraming::cleanup() {
    if (window_) {
        window_->appearance()->setPresenting(false);
        window_->appearance()->setFontScale(1.0);
        window_->setPresenting(false);
    }
    window_.reset();
}

std::unique_ptr<MainWindow> TestStepFraming::open(const QString& example, const QSize& size) {
    auto w = std::make_unique<MainWindow>();
    w->setFitsScreen(false);
    w->resize(size);
    w->show();
    w->activateWindow();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    if (!w->openExample(example))
        return nullptr;
    w->setNotation("standard");
    w->setPrecision(6);
    QApplication::processEvents();
    return w;
}

void TestStepFraming::reach(MainWindow* w, Route route, int position) {
    NetworkView* view = w->workspace()->view();
    NetworkDocument* doc = w->document();
    view->setFocus();
    switch (route) {
    case Route::Space:
        doc->setPosition(std::max(0, position - 1));
        QTest::keyClick(view, Qt::Key_Space);
        break;
    case Route::Left:
        doc->setPosition(std::min(doc->lastPosition(), position + 1));
        QTest::keyClick(view, Qt::Key_Left);
        break;
    case Route::Home:
        QTest::keyClick(view, Qt::Key_Home);
        break;
    case Route::End:
        QTest::keyClick(view, Qt::Key_End);
        break;
    case Route::CtrlF:
        QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
        break;
    case Route::CtrlB:
        QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
        break;
    case Route::StepList: {
        StepListPanel* list = w->workspace()->stepList();
        const int row = list->rowOfPosition(position);
        QVERIFY(row >= 0);
        list->setCurrentRow(-1);
        list->setCurrentRow(row);
        QCOMPARE(doc->position(), position);
        break;
    }
    case Route::CheckJump: {
        // In Check mode a click on a weight or a neuron goes to the step that computes its values.
        auto* check = w->findChild<CheckController*>();
        QVERIFY(check);
        if (!check->isCheckMode())
            check->setCheckMode(true);
        const int layers = doc->network().layerCount() - 1;
        const int l = 1 + position % layers;
        doc->setSelection(Selection());
        doc->setSelection(position % 2 == 0 ? Selection::ofEdge(l, 0, 0)
                                            : Selection::ofNeuron(l, 0));
        break;
    }
    }
    QApplication::processEvents();
}

void TestStepFraming::presentationShowsSmallNetworksWhole_data() {
    QTest::addColumn<QString>("example");
    QTest::addColumn<QSize>("size");
    for (const char* e : {"sheet5_321_sigmoid", "deep_4layer_deltas", "sheet5_321_exercise"}) {
        for (const QSize s : {QSize(1024, 768), QSize(1280, 720)}) {
            QTest::addRow("%s %d×%d", e, s.width(), s.height()) << QString(e) << s;
        }
    }
}

void TestStepFraming::presentationShowsSmallNetworksWhole() {
    QFETCH(QString, example);
    QFETCH(QSize, size);
    window_ = open(example, size);
    QVERIFY(window_);
    QTest::keyClick(window_->workspace()->view(), Qt::Key_F5);
    QVERIFY(window_->appearance()->presenting());
    NetworkView* view = window_->workspace()->view();
    NetworkScene* scene = window_->workspace()->scene();
    NetworkDocument* doc = window_->document();
    QStringList covered; // weight cards drawn on one another
    for (int p = 0; p <= doc->lastPosition(); ++p) {
        reach(window_.get(), p == 0 ? Route::Home : Route::Space, p);
        QCOMPARE(doc->position(), p);
        const QString where = QString("step %1").arg(p);
        QVERIFY2(view->smallestTextPixels() >= 14.0,
                 qPrintable(where + QString(": text %1 px").arg(view->smallestTextPixels())));
        QVERIFY2(view->smallestIndexPixels() >= 10.0,
                 qPrintable(where + QString(": indices %1 px").arg(view->smallestIndexPixels())));
        // Whole: every item, the title and the loss box included, inside the part of the viewport
        // the caption leaves.
        const QRectF shown = view->mapFromScene(scene->itemsBoundingRect()).boundingRect();
        QVERIFY2(QRectF(view->usableViewportRect()).contains(shown),
                 qPrintable(where + ": items " + rectText(shown) + " in " +
                            rectText(view->usableViewportRect())));
        const QRectF loss =
            view->mapFromScene(scene->lossItem()->sceneBoundingRect()).boundingRect();
        QVERIFY2(QRectF(view->viewport()->rect()).contains(loss),
                 qPrintable(where + ": loss box " + rectText(loss)));
        // No weight card drawn on another (the 9 ∂E/∂w and old → new cards
        // between two 3-unit layers covered each other).
        std::vector<EdgeLabelItem*> cards;
        for (QGraphicsItem* item : scene->items()) {
            auto* card = qgraphicsitem_cast<EdgeLabelItem*>(item);
            if (card && card->isVisible() && !card->lines().isEmpty() && !card->dimmed())
                cards.push_back(card);
        }
        for (std::size_t a = 0; a < cards.size(); ++a) {
            for (std::size_t b = a + 1; b < cards.size(); ++b) {
                const QRectF both = cards[a]->cardSceneRect().intersected(cards[b]->cardSceneRect());
                if (both.width() * both.height() >= 1.0)
                    covered << where + ": " + cards[a]->lines().front() + " on " +
                                   cards[b]->lines().front();
            }
        }
    }
    QVERIFY2(covered.isEmpty(), qPrintable(covered.join("; ")));
}

void TestStepFraming::everyRouteFramesTheStep_data() {
    QTest::addColumn<QString>("example");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presenting");
    for (const char* e :
         {"sheet5_321_sigmoid", "deep_4layer_deltas", "xor_2881_tanh", "spiral_2881_tanh"}) {
        for (const QSize s : {QSize(1024, 768), QSize(1280, 720)}) {
            for (bool presenting : {false, true}) {
                QTest::addRow("%s %d×%d%s", e, s.width(), s.height(),
                              presenting ? " presenting" : "")
                    << QString(e) << s << presenting;
            }
        }
    }
}

void TestStepFraming::everyRouteFramesTheStep() {
    QFETCH(QString, example);
    QFETCH(QSize, size);
    QFETCH(bool, presenting);
    window_ = open(example, size);
    QVERIFY(window_);
    window_->setPresenting(presenting);
    QApplication::processEvents();
    NetworkView* view = window_->workspace()->view();
    NetworkScene* scene = window_->workspace()->scene();
    NetworkDocument* doc = window_->document();
    const QList<Route> routes = {Route::Space, Route::Left,  Route::Home,     Route::End,
                                 Route::CtrlF, Route::CtrlB, Route::StepList, Route::CheckJump};
    for (Route route : routes) {
        for (int p = 0; p <= doc->lastPosition(); ++p) {
            reach(window_.get(), route, p);
            const QRectF focus = scene->focusRect();
            if (focus.isNull())
                continue; // the start: nothing computed yet
            const QRectF shown = view->mapFromScene(focus).boundingRect();
            const QString where =
                QString("%1 to step %2").arg(routeName(route)).arg(doc->position());
            const QRectF usable = view->usableViewportRect();
            if (shown.width() <= usable.width() && shown.height() <= usable.height()) {
                QVERIFY2(usable.contains(shown),
                         qPrintable(where + ": step items " + rectText(shown) + " outside " +
                                    rectText(usable)));
            } else {
                // Taller than the view even at the smallest legible zoom (the Check
                // panel's share of the height; an 8-unit column in presentation has
                // its values beside its neurons and fits): the view is at that zoom
                // and shows the items' top-left part.
                QVERIFY2(route == Route::CheckJump,
                         qPrintable(where + ": " + rectText(shown)));
                QVERIFY2(qAbs(view->zoom() - view->legibleZoom()) < 1e-9,
                         qPrintable(where + ": not at the legible zoom"));
                QVERIFY2(shown.left() >= usable.left() - 1 && shown.right() <= usable.right() + 1,
                         qPrintable(where + ": step items " + rectText(shown) + " in " +
                                    rectText(usable)));
                QVERIFY2(shown.top() >= usable.top() - 1 && shown.top() < usable.bottom(),
                         qPrintable(where + ": top"));
            }
            if (presenting)
                QVERIFY2(view->smallestTextPixels() >= 14.0, qPrintable(where));
            // The network's title whole or scrolled out, never cut by the top edge
            // (it read as if under the toolbar at 1280×720).
            const QRectF title = view->mapFromScene(scene->titleRect()).boundingRect();
            QVERIFY2(title.bottom() <= usable.top() + 1 || title.top() >= usable.top() - 1,
                     qPrintable(where + ": title " + rectText(title) + " in " + rectText(usable)));
            if (route == Route::Home || route == Route::End || route == Route::CtrlF ||
                route == Route::CtrlB)
                break;
        }
    }
}

void TestStepFraming::fontKeysScaleTheCanvasText() {
    // Ctrl+= used to enlarge the menus only: the canvas refitted to the same size on screen.
    window_ = open("sheet5_321_sigmoid", QSize(1024, 768));
    QVERIFY(window_);
    NetworkView* view = window_->workspace()->view();
    const double before = view->smallestTextPixels();
    QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
    QApplication::processEvents();
    QVERIFY2(view->smallestTextPixels() > before * 1.15,
             qPrintable(QString("%1 px → %2 px").arg(before).arg(view->smallestTextPixels())));
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QApplication::processEvents();
    QVERIFY2(view->smallestTextPixels() < before * 0.95,
             qPrintable(QString("%1 px → %2 px").arg(before).arg(view->smallestTextPixels())));
}

void TestStepFraming::weightLabelsReadableOrHidden() {
    for (const char* example : {"sheet5_321_sigmoid", "deep_4layer_deltas", "xor_2881_tanh"}) {
        window_ = open(example, QSize(1024, 768));
        QVERIFY(window_);
        NetworkView* view = window_->workspace()->view();
        const double labelPixels =
            window_->workspace()->scene()->canvasStyle().small.pixelSize() * view->zoom();
        // Either readable, or not drawn with the hint shown: never 4–5 px.
        QVERIFY2(labelPixels >= kMinEdgeLabelPixels || view->edgeLabelsHidden(),
                 qPrintable(QString("%1: %2 px").arg(example).arg(labelPixels)));
        QCOMPARE(view->edgeLabelsHidden(), labelPixels < kMinEdgeLabelPixels);
        window_.reset();
    }
}

void TestStepFraming::lossBoxShowsItsValues() {
    for (const char* example : {"spiral_2881_tanh", "digits_64_32_10_relu", "sheet5_321_sigmoid"}) {
        window_ = open(example, QSize(1024, 768));
        QVERIFY(window_);
        NetworkView* view = window_->workspace()->view();
        LossItem* loss = window_->workspace()->scene()->lossItem();
        // Drawn where it is readable: in the scene, or repeated over the view's top-right corner.
        const QRectF overlay = view->lossOverlayRect();
        if (overlay.isNull())
            view->centerOn(loss);
        QApplication::processEvents();
        const QImage image = view->viewport()->grab().toImage();
        const QRectF sceneBox = loss->mapRectToScene(
            QRectF(QPointF(0, -loss->boxSize().height() / 2), loss->boxSize()));
        const QRect inView = (overlay.isNull() ? view->mapFromScene(sceneBox).boundingRect()
                                               : overlay.toAlignedRect())
                                 .intersected(view->viewport()->rect())
                                 .adjusted(4, 4, -4, -4);
        QVERIFY2(!inView.isEmpty(), example);
        // Its text at least 7 px on screen (the overlay: 11 px or more).
        const double pixels =
            overlay.isNull()
                ? window_->workspace()->scene()->canvasStyle().bold.pixelSize() * view->zoom()
                : overlay.height() / loss->lines().size();
        QVERIFY2(pixels >= 7, qPrintable(QString("%1: %2 px").arg(example).arg(pixels)));
        int dark = 0;
        for (int y = inView.top(); y <= inView.bottom(); ++y) {
            for (int x = inView.left(); x <= inView.right(); ++x)
                dark += qGray(image.pixel(x, y)) < 110;
        }
        QVERIFY2(dark > 200,
                 qPrintable(QString("%1: %2 text pixels in the loss box").arg(example).arg(dark)));
        QVERIFY(loss->lines().first().startsWith("Loss:"));
        window_.reset();
    }
}

void TestStepFraming::lossOverlayCoversNoNeuron() {
    // Check mode at 1024×768 gives the canvas about 280 px: the 3-2-1 is drawn
    // small and its loss box repeated, which sat on the neuron u3.
    window_ = open("sheet5_321_sigmoid", QSize(1024, 768));
    QVERIFY(window_);
    auto* check = window_->findChild<CheckController*>();
    QVERIFY(check);
    check->setCheckMode(true);
    QApplication::processEvents();
    NetworkView* view = window_->workspace()->view();
    const QRectF overlay = view->lossOverlayRect();
    QVERIFY2(!overlay.isNull(), "the loss box is not repeated at this size: nothing to check");
    for (QGraphicsItem* item : window_->workspace()->scene()->items()) {
        if (const auto* n = qgraphicsitem_cast<const NeuronItem*>(item)) {
            const QRectF circle = view->mapFromScene(n->sceneBoundingRect()).boundingRect();
            QVERIFY2(!overlay.intersects(circle),
                     qPrintable("the loss box " + rectText(overlay) + " covers " + rectText(circle)));
        }
    }
    check->setCheckMode(false);
}

void TestStepFraming::legendScalesAndHides() {
    window_ = open("sheet5_321_sigmoid", QSize(1024, 768));
    QVERIFY(window_);
    NetworkView* view = window_->workspace()->view();
    QVERIFY(view->legendVisible());
    auto* toggle = window_->findChild<QAction*>("actionShowLegend");
    QVERIFY(toggle);
    QVERIFY(toggle->isChecked());
    toggle->trigger();
    QVERIFY(!view->legendVisible());
    toggle->trigger();
    QVERIFY(view->legendVisible());
}

void TestStepFraming::panelsComeBackAfterF5TwiceOnEveryTab() {
    window_ = open("sheet5_321_sigmoid", QSize(1280, 720));
    QVERIFY(window_);
    QTabWidget* tabs = window_->tabs();
    NetworkWorkspace* ws = window_->workspace();
    for (int k = 0; k < tabs->count(); ++k) {
        tabs->setCurrentIndex(k);
        QApplication::processEvents();
        QTest::keyClick(tabs->currentWidget(), Qt::Key_F5);
        QTest::keyClick(tabs->currentWidget(), Qt::Key_F5);
        QVERIFY(!window_->appearance()->presenting());
        tabs->setCurrentWidget(ws);
        QApplication::processEvents();
        const QString tab = tabs->tabText(k);
        QVERIFY2(ws->inspector()->isVisible(), qPrintable(tab));
        QVERIFY2(ws->details()->isVisible(), qPrintable(tab));
        QVERIFY2(!ws->stepList()->parentWidget()->isHidden() &&
                     !ws->stepList()->window()->isHidden(),
                 qPrintable(tab));
        bool stepsShown = false;
        for (QAction* a : ws->panelActions())
            stepsShown |= a->text().contains("Step", Qt::CaseInsensitive) && a->isChecked();
        QVERIFY2(stepsShown, qPrintable(tab));
    }
}

void TestStepFraming::presentationLayoutIsNeverSaved() {
    // F5 twice on the Training tab, then a restart: the panels are there.
    {
        auto w = open("sheet5_321_sigmoid", QSize(1280, 720));
        QVERIFY(w);
        w->tabs()->setCurrentIndex(2);
        QTest::keyClick(w->tabs()->currentWidget(), Qt::Key_F5);
        QTest::keyClick(w->tabs()->currentWidget(), Qt::Key_F5);
        QTest::keyClick(w->tabs()->currentWidget(), Qt::Key_F5); // closed while presenting
        QVERIFY(w->close());
    }
    window_ = open("sheet5_321_sigmoid", QSize(1280, 720));
    QVERIFY(window_);
    QVERIFY(!window_->appearance()->presenting());
    QVERIFY(window_->workspace()->inspector()->isVisible());
    QVERIFY(window_->workspace()->details()->isVisible());
}

void TestStepFraming::windowStaysOnTheScreen() {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    const QRect available = window_->screen()->availableGeometry();
    for (bool presenting : {true, false, true}) {
        window_->setPresenting(presenting);
        QApplication::processEvents();
        QVERIFY2(available.contains(window_->frameGeometry()),
                 qPrintable(rectText(window_->frameGeometry()) + " on " + rectText(available)));
    }
    // 1280×720 at QT_SCALE_FACTOR=2 is 640×360 logical pixels: the window's
    // smallest size fits it, normal and presenting (it was 366 px tall).
    for (bool presenting : {false, true}) {
        window_->setPresenting(presenting);
        QApplication::processEvents();
        QVERIFY2(window_->minimumSizeHint().height() <= 360 &&
                     window_->minimumSizeHint().width() <= 640,
                 qPrintable(QString("%1×%2")
                                .arg(window_->minimumSizeHint().width())
                                .arg(window_->minimumSizeHint().height())));
    }
    // The step details scroll rather than set the window's smallest height
    // (under Xvfb at QT_SCALE_FACTOR=2 it was 366 px with them, 337 px without).
    QWidget* details = window_->workspace()->details();
    QVERIFY(details->parentWidget() &&
            qobject_cast<QScrollArea*>(details->parentWidget()->parentWidget()));
    // A size remembered from a taller screen is clamped on the way in.
    window_->setPresenting(false);
    window_->resize(1280, 1000);
    QVERIFY(window_->close());
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY2(available.contains(window_->frameGeometry()),
             qPrintable(rectText(window_->frameGeometry())));
}

void TestStepFraming::stepTitleNamesTheStep() {
    window_ = open("sheet5_321_sigmoid", QSize(1024, 768));
    QVERIFY(window_);
    window_->setPresenting(true);
    NetworkDocument* doc = window_->document();
    for (int p = 1; p <= doc->lastPosition(); ++p) {
        doc->setPosition(p);
        const QString title = QString::fromStdString(doc->currentStep()->title.text);
        // Every step's title says what it computes and where: a kind word and a layer or the loss.
        QVERIFY2(title.contains("layer", Qt::CaseInsensitive) ||
                     title.contains("Loss", Qt::CaseInsensitive) ||
                     title.contains("Error", Qt::CaseInsensitive),
                 qPrintable(title));
    }
}

int main(int argc, char** argv) {
    QTemporaryDir dir; // a 1280×768 screen: 1024×768 and 1280×720 windows both fit
    if (!test::useOffscreenScreen(dir, 1280, 768))
        return 1;
    QApplication app(argc, argv);
    TestStepFraming test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_step_framing.moc"
