// What keeps the window quick on a large network without changing what it
// shows: the edge bundle's hairlines (gui/canvas/line_raster.h) land on the
// right pixels with the right ink and colour mix, at any zoom and pixel
// ratio; the step details' matrix columns still fit every number; the hidden
// Check mode panel makes no fields until Check mode comes on; choosing the
// notation and precision already in use does not re-trace.
#include "gui/canvas/edge_bundle_item.h"
#include "gui/canvas/line_raster.h"
#include "gui/check/check_controller.h"
#include "gui/check/check_panel.h"
#include "gui/details/details_panel.h"
#include "gui/details/matrix_table.h"
#include "gui/details/step_tables.h"
#include "gui_test_support.h"

#include <QGraphicsScene>
#include <QHeaderView>
#include <QPainter>
#include <QSignalSpy>
#include <QTableView>

#include <cmath>

using namespace bpl;
using namespace bpl::gui;

namespace {

// Straight (not premultiplied) colours, to read back.
QImage plain(const QImage& image) {
    return image.convertToFormat(QImage::Format_ARGB32);
}

QImage blank(int w, int h, double ratio = 1.0) {
    QImage image(int(w * ratio), int(h * ratio), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    return image;
}

} // namespace

class TestLargeNetworks : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void horizontalHairlineCoversItsRow();
    void diagonalHairlineSplitsItsInk();
    void overlappingLinesBuildUpInk();
    void crossingColoursMix();
    void linesOutsideAreClipped();
    void bundleDrawsWhereItsLinesAre_data();
    void bundleDrawsWhereItsLinesAre();
    void bundleRedrawsWhenItsColoursChange();
    void posterSizedBundleDrawsVectorLines();
    void matrixColumnsFitEveryNumber();
    void checkFieldsWaitForCheckMode();
    void sameTraceOptionsDoNotRetrace();

  private:
    QTemporaryDir settings_;
};

void TestLargeNetworks::initTestCase() {
    test::isolateSettings(settings_);
}

void TestLargeNetworks::horizontalHairlineCoversItsRow() {
    // Through the centres of row 2's pixels, from the centre of pixel 1 to that of pixel 6.
    HairlineImage lines(QSize(8, 5));
    lines.add(QLineF(1.5, 2.5, 6.5, 2.5), qRgb(200, 100, 0));
    const QImage image = plain(lines.image(0.5));
    for (int x = 0; x < 8; ++x) {
        for (int y = 0; y < 5; ++y) {
            const QRgb p = image.pixel(x, y);
            if (y == 2 && x >= 1 && x <= 6) {
                QCOMPARE(qAlpha(p), 128); // one line of opacity 0.5: half the ink
                QVERIFY(std::abs(qRed(p) - 200) <= 2 && std::abs(qGreen(p) - 100) <= 2 &&
                        qBlue(p) == 0);
            } else {
                QCOMPARE(qAlpha(p), 0);
            }
        }
    }
}

void TestLargeNetworks::diagonalHairlineSplitsItsInk() {
    // Slope 1/2 from the centre of (0, 0): at x = 1 the line is half-way
    // between rows 0 and 1, so each gets half the coverage.
    HairlineImage lines(QSize(5, 4));
    lines.add(QLineF(0.5, 0.5, 4.5, 2.5), qRgb(0, 0, 255));
    const QImage image = lines.image(0.999);
    const auto alpha = [&](int x, int y) { return qAlpha(image.pixel(x, y)) / 255.0; };
    // Coverage c at opacity α leaves (1 − α)^c: 1 − 0.001^0.5 ≈ 0.968 for half.
    const double half = 1 - std::pow(0.001, 0.5);
    QVERIFY(alpha(0, 0) > 0.99 && alpha(0, 1) == 0);
    QVERIFY(std::abs(alpha(1, 0) - half) < 0.01 && std::abs(alpha(1, 1) - half) < 0.01);
    QVERIFY(alpha(2, 1) > 0.99 && alpha(2, 0) == 0 && alpha(2, 2) == 0);
    QVERIFY(alpha(4, 2) > 0.99);
}

void TestLargeNetworks::overlappingLinesBuildUpInk() {
    // n lines of opacity α over one another let (1 − α)ⁿ of the background through.
    HairlineImage lines(QSize(4, 3));
    for (int k = 0; k < 3; ++k)
        lines.add(QLineF(0.5, 1.5, 3.5, 1.5), qRgb(0, 0, 0));
    const QImage image = lines.image(0.3);
    QCOMPARE(qAlpha(image.pixel(2, 1)), int(std::lround((1 - std::pow(0.7, 3)) * 255)));
}

void TestLargeNetworks::crossingColoursMix() {
    // As many red lines as blue ones over a pixel: purple, whichever came last.
    HairlineImage lines(QSize(4, 3));
    lines.add(QLineF(0.5, 1.5, 3.5, 1.5), qRgb(255, 0, 0));
    lines.add(QLineF(0.5, 1.5, 3.5, 1.5), qRgb(0, 0, 255));
    const QRgb p = plain(lines.image(0.5)).pixel(1, 1);
    QVERIFY2(std::abs(qRed(p) - 128) <= 2 && std::abs(qBlue(p) - 128) <= 2 && qGreen(p) == 0,
             qPrintable(QString::number(p, 16)));
    // A translucent colour passes less ink: alpha 0 none at all.
    HairlineImage faint(QSize(4, 3));
    faint.add(QLineF(0.5, 1.5, 3.5, 1.5), qRgba(255, 0, 0, 0));
    QCOMPARE(qAlpha(faint.image(0.5).pixel(1, 1)), 0);
}

void TestLargeNetworks::linesOutsideAreClipped() {
    HairlineImage lines(QSize(6, 6));
    lines.add(QLineF(-100, -50, -10, 300), qRgb(0, 0, 0));   // wholly left of the image
    lines.add(QLineF(-1000, 3.5, 1000, 3.5), qRgb(0, 0, 0)); // through it, ends far outside
    const QImage image = lines.image(0.5);
    for (int x = 0; x < 6; ++x) {
        QCOMPARE(qAlpha(image.pixel(x, 3)), 128);
        QCOMPARE(qAlpha(image.pixel(x, 0)), 0);
    }
}

void TestLargeNetworks::bundleDrawsWhereItsLinesAre_data() {
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("ratio");
    QTest::newRow("1:1") << 1.0 << 1.0;
    QTest::newRow("zoomed out") << 0.5 << 1.0;
    QTest::newRow("zoomed in") << 2.5 << 1.0;
    QTest::newRow("pixel ratio 2") << 1.0 << 2.0;
}

void TestLargeNetworks::bundleDrawsWhereItsLinesAre() {
    QFETCH(double, zoom);
    QFETCH(double, ratio);
    // Two horizontal lines (scene y = 20 and 60) from x = 10 to 90, offset in the image.
    QGraphicsScene scene;
    auto* bundle = new EdgeBundleItem(1);
    bundle->setLines({QLineF(10, 20, 90, 20), QLineF(10, 60, 90, 60)});
    bundle->setColours({QColor(Qt::red), QColor(Qt::blue)}, false);
    scene.addItem(bundle);
    const QPointF offset(7, 11);
    QImage image = blank(int(120 * zoom) + 20, int(90 * zoom) + 20, ratio);
    {
        QPainter painter(&image);
        painter.translate(offset);
        painter.scale(zoom, zoom);
        bundle->paint(&painter, nullptr, nullptr);
    }
    image = plain(image);
    // Device pixel of a scene point.
    const auto at = [&](double x, double y) {
        const QPointF p = (offset + QPointF(x, y) * zoom) * ratio;
        return image.pixel(int(std::floor(p.x())), int(std::floor(p.y())));
    };
    const QRgb red = at(50, 20), blue = at(50, 60);
    QVERIFY2(qAlpha(red) > 0 && qRed(red) > 200 && qBlue(red) < 50,
             qPrintable(QString::number(red, 16)));
    QVERIFY2(qAlpha(blue) > 0 && qBlue(blue) > 200 && qRed(blue) < 50,
             qPrintable(QString::number(blue, 16)));
    QCOMPARE(qAlpha(at(50, 40)), 0);  // between the lines
    QCOMPARE(qAlpha(at(5, 20)), 0);   // before they start
    QCOMPARE(qAlpha(at(100, 60)), 0); // after they end
}

void TestLargeNetworks::bundleRedrawsWhenItsColoursChange() {
    QGraphicsScene scene;
    auto* bundle = new EdgeBundleItem(1);
    bundle->setLines({QLineF(10, 20, 90, 20)});
    bundle->setColours({QColor(Qt::red)}, false);
    scene.addItem(bundle);
    const auto paint = [&] {
        QImage image = blank(100, 40);
        QPainter painter(&image);
        bundle->paint(&painter, nullptr, nullptr);
        painter.end();
        return plain(image).pixel(50, 20);
    };
    QVERIFY(qRed(paint()) > 200);
    bundle->setColours({QColor(Qt::blue)}, false); // the same zoom: the drawing must not be reused
    const QRgb after = paint();
    QVERIFY2(qBlue(after) > 200 && qRed(after) < 50, qPrintable(QString::number(after, 16)));
    const int full = qAlpha(after);
    bundle->setColours({QColor(Qt::blue)}, true); // dimmed: fainter
    QVERIFY(qAlpha(paint()) < full);
}

void TestLargeNetworks::posterSizedBundleDrawsVectorLines() {
    // 3,004 × 3,004 pixels of bundle (past the raster path's 8,000,000): still drawn.
    QGraphicsScene scene;
    auto* bundle = new EdgeBundleItem(1);
    bundle->setLines({QLineF(0, 2.5, 3000, 2.5), QLineF(0, 3002.5, 3000, 3002.5)});
    bundle->setColours({QColor(Qt::red), QColor(Qt::blue)}, false);
    scene.addItem(bundle);
    QImage image = blank(3010, 3010);
    {
        QPainter painter(&image);
        bundle->paint(&painter, nullptr, nullptr);
    }
    image = plain(image);
    QVERIFY(qAlpha(image.pixel(1500, 2)) > 0 && qRed(image.pixel(1500, 2)) > 200);
    QVERIFY(qAlpha(image.pixel(1500, 3002)) > 0 && qBlue(image.pixel(1500, 3002)) > 200);
    QCOMPARE(qAlpha(image.pixel(1500, 1500)), 0);
}

void TestLargeNetworks::matrixColumnsFitEveryNumber() {
    // Widths summed from characters must still hold each number as the font lays it out.
    MatrixTable table;
    Eigen::MatrixXd values(3, 4);
    values << -0.000123456789, 1, 12345.6789, -1.5e-300, //
        0.5, -7.25e12, 3, 0,                             //
        -99999.9, 2.5, -0.0625, 1e-9;
    table.setMatrix(Dual("W"), values, 6);
    const QFontMetrics fm(table.view()->font());
    for (int c = 0; c < values.cols(); ++c) {
        for (int r = 0; r < values.rows(); ++r) {
            const QString text = table.view()->model()->index(r, c).data().toString();
            QVERIFY2(table.view()->columnWidth(c) > fm.horizontalAdvance(text),
                     qPrintable(QString("column %1: %2").arg(c).arg(text)));
        }
    }
    QCOMPARE(table.view()->verticalHeader()->defaultSectionSize(), fm.height() + 6);
}

void TestLargeNetworks::checkFieldsWaitForCheckMode() {
    auto window = test::openSheet5();
    QVERIFY(window);
    auto* check = window->findChild<CheckController*>();
    QVERIFY(check);
    NetworkDocument* doc = window->document();
    doc->setPosition(1); // forward pass, layer 1: a₁, z₁, a₂, z₂
    QVERIFY(check->panel()->entries().empty());
    check->setCheckMode(true);
    QCOMPARE(int(check->panel()->entries().size()), 4);
    doc->setPosition(2); // forward pass, layer 2: a₁, z₁ of the output
    QCOMPARE(int(check->panel()->entries().size()), 2);
    check->setCheckMode(false);
    doc->setPosition(1);
    QVERIFY(check->panel()->entries().empty()); // no stale fields of another step
    check->setCheckMode(true);
    QCOMPARE(int(check->panel()->entries().size()), 4);
}

void TestLargeNetworks::sameTraceOptionsDoNotRetrace() {
    auto window = test::openSheet5();
    QVERIFY(window);
    QSignalSpy traced(window->document(), &NetworkDocument::traceChanged);
    window->setNotation("standard");
    window->setPrecision(6);
    QCOMPARE(traced.count(), 0);
    window->setPrecision(4);
    QCOMPARE(traced.count(), 1);
    QCOMPARE(window->document()->traceOptions().precision, 4);
    window->setNotation("bishop");
    QCOMPARE(traced.count(), 2);
    QCOMPARE(QString::fromStdString(window->document()->traceOptions().notation.id),
             QString("bishop"));
}

QTEST_MAIN(TestLargeNetworks)
#include "tst_large_networks.moc"
