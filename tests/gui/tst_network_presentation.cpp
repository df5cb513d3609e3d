// For the classroom: F5 presents (high-contrast palette, larger text, the
// canvas gets the side panels' room), Ctrl+= / Ctrl+- scale every font and
// are remembered, and the dark theme darkens the canvas as well as the window.
#include "gui/app_settings.h"
#include "gui/appearance.h"
#include "gui/canvas/network_scene.h"
#include "gui/canvas/network_view.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/step_list_panel.h"
#include "gui_test_support.h"

using namespace bpl;
using namespace bpl::gui;

class TestNetworkPresentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void f5Presents();
    void fontKeysScaleAndAreRemembered();
    void darkThemeDarkensTheCanvas();

private:
    QTemporaryDir settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestNetworkPresentation::initTestCase() { test::isolateSettings(settings_); }

void TestNetworkPresentation::init() {
    window_ = test::openSheet5();
    QVERIFY(window_);
}

void TestNetworkPresentation::cleanup() {
    window_->appearance()->setPresenting(false);
    window_->appearance()->setTheme(Theme::System);
    window_->appearance()->setFontScale(1.0);
    window_.reset();
}

void TestNetworkPresentation::f5Presents() {
    NetworkScene* scene = window_->workspace()->scene();
    const int normalPixels = scene->canvasStyle().font.pixelSize();
    QVERIFY(window_->workspace()->stepList()->isVisible());
    QTest::keyClick(window_->workspace()->view(), Qt::Key_F5);
    QVERIFY(window_->appearance()->presenting());
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
    QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
    QVERIFY(scene->canvasStyle().highContrast);
    QVERIFY(scene->canvasStyle().font.pixelSize() > normalPixels);
    QVERIFY(!window_->workspace()->stepList()->isVisible());
    QVERIFY(!window_->workspace()->inspector()->isVisible());
    // Stepping still works, and F5 again brings the panels back as they were.
    QTest::keyClick(window_->workspace()->view(), Qt::Key_Space);
    QCOMPARE(window_->document()->position(), 1);
    QTest::keyClick(window_->workspace()->view(), Qt::Key_F5);
    QVERIFY(!window_->appearance()->presenting());
    QVERIFY(window_->workspace()->stepList()->isVisible());
    QCOMPARE(scene->canvasStyle().font.pixelSize(), normalPixels);
}

void TestNetworkPresentation::fontKeysScaleAndAreRemembered() {
    NetworkScene* scene = window_->workspace()->scene();
    const int canvasPixels = scene->canvasStyle().font.pixelSize();
    const QFont appFont = QApplication::font();
    QTest::keyClick(window_->workspace()->view(), Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(window_->workspace()->view(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window_->appearance()->fontScale(), 1.1 * 1.1);
    QVERIFY(scene->canvasStyle().font.pixelSize() > canvasPixels);
    QVERIFY(QApplication::font().pointSizeF() > appFont.pointSizeF() || QApplication::font().pixelSize() > appFont.pixelSize());
    QCOMPARE(openSettings()->value(settings::kFontScale).toDouble(), 1.1 * 1.1);
    QTest::keyClick(window_->workspace()->view(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(qAbs(window_->appearance()->fontScale() - 1.1) < 1e-12);
}

void TestNetworkPresentation::darkThemeDarkensTheCanvas() {
    NetworkScene* scene = window_->workspace()->scene();
    QVERIFY(scene->canvasStyle().background.lightness() > 128 || window_->appearance()->isDark());
    window_->appearance()->setTheme(Theme::Dark);
    QVERIFY(window_->appearance()->isDark());
    QVERIFY(scene->canvasStyle().background.lightness() < 64);
    QVERIFY(scene->canvasStyle().text.lightness() > 192);
    window_->appearance()->setTheme(Theme::Light);
    QVERIFY(scene->canvasStyle().background.lightness() > 240);
}

QTEST_MAIN(TestNetworkPresentation)
#include "tst_network_presentation.moc"
