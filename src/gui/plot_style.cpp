#include "gui/plot_style.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QLocale>
#include <QPalette>
#include <QWheelEvent>

#include <array>

namespace bpl::gui {

QColor seriesColour(int index) {
    static const std::array<QRgb, 8> okabeIto = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                                 0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
    const QRgb rgb = okabeIto[static_cast<std::size_t>(std::max(0, index)) % okabeIto.size()];
    if (rgb == 0x000000 && darkPlots())
        return QColor(0xDD, 0xDD, 0xDD);
    return QColor::fromRgb(rgb);
}

QCPScatterStyle::ScatterShape seriesShape(int index) {
    static const std::array<QCPScatterStyle::ScatterShape, 8> shapes = {
        QCPScatterStyle::ssCircle,  QCPScatterStyle::ssSquare,          QCPScatterStyle::ssTriangle,
        QCPScatterStyle::ssDiamond, QCPScatterStyle::ssCross,           QCPScatterStyle::ssPlus,
        QCPScatterStyle::ssStar,    QCPScatterStyle::ssTriangleInverted};
    return shapes[static_cast<std::size_t>(std::max(0, index)) % shapes.size()];
}

QCPScatterStyle seriesMarker(int index, const QColor& colour) {
    return QCPScatterStyle(seriesShape(index), QPen(colour, 1.2), Qt::NoBrush, 7);
}

void setSparseMarkers(QCPGraph* graph) {
    graph->setScatterSkip(std::max(0, graph->dataCount() / 8 - 1));
}

QColor etaColour(int etaIndex) {
    return seriesColour(etaIndex);
}

QColor runColour(int run) {
    return seriesColour(run);
}

QColor classColour(int cls) {
    return seriesColour(cls);
}

Qt::PenStyle methodPenStyle(LogRegMethod method) {
    switch (method) {
    case LogRegMethod::GradientDescent:
        return Qt::SolidLine;
    case LogRegMethod::Stochastic:
        return Qt::DashLine;
    case LogRegMethod::MiniBatch:
        return Qt::DashDotLine;
    }
    return Qt::SolidLine;
}

QPen runPen(int etaIndex, LogRegMethod method) {
    // Width 1: Qt draws such lines on its fast path. Wider pens go through the
    // stroker, and a zig-zag of long lines across the slope–intercept plot
    // then takes ~40 ms per replot instead of ~1 ms (the GUI would stutter).
    QPen pen(etaColour(etaIndex), 1.0);
    pen.setStyle(methodPenStyle(method));
    return pen;
}

QCPScatterStyle classScatter(int label) {
    const QColor ink = darkPlots() ? QColor(220, 220, 220) : QColor(40, 40, 40);
    return QCPScatterStyle(label == 0 ? QCPScatterStyle::ssCircle : QCPScatterStyle::ssCross,
                           QPen(ink, 1.0), Qt::NoBrush, 6);
}

bool presentingPlots() {
    return qApp && qApp->property(kPresentingProperty).toBool();
}

bool darkPlots() {
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

PlotFonts plotFonts() {
    const QFont app = QApplication::font();
    const int base = QFontInfo(app).pixelSize();
    const int tick =
        presentingPlots() ? std::max(kPresentationPlotPixels, base) : std::max(10, base);
    auto sized = [&](int pixels, QFont::Weight weight) {
        QFont f(app.family());
        f.setPixelSize(pixels);
        f.setWeight(weight);
        return f;
    };
    return {sized(tick + 2, QFont::Bold), sized(tick + 1, QFont::DemiBold),
            sized(tick + 1, QFont::Normal), sized(tick, QFont::Normal)};
}

QColor plotTextColour() {
    return QApplication::palette().color(QPalette::Text);
}

QColor plotBaseColour() {
    return QApplication::palette().color(QPalette::Base);
}

QColor plotGridColour() {
    return darkPlots() ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 30);
}

QColor errorTextColour() {
    return darkPlots() ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QString errorStyleSheet() {
    return QString("color: %1;").arg(errorTextColour().name());
}

void styleAxisRect(QCPAxisRect* rect) {
    const PlotFonts fonts = plotFonts();
    const QColor text = plotTextColour();
    for (QCPAxis* axis : rect->axes()) {
        axis->grid()->setPen(QPen(plotGridColour(), 1));
        axis->grid()->setZeroLinePen(QPen(plotGridColour().darker(140), 1));
        axis->setLabelFont(fonts.axisLabel);
        axis->setTickLabelFont(fonts.tickLabel);
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        for (auto setPen : {&QCPAxis::setBasePen, &QCPAxis::setTickPen, &QCPAxis::setSubTickPen})
            (axis->*setPen)(QPen(text, 1));
    }
}

void styleLegend(QCPLegend* legend) {
    legend->setFont(plotFonts().tickLabel);
    legend->setTextColor(plotTextColour());
    QColor base = plotBaseColour();
    base.setAlpha(230);
    legend->setBrush(base);
    legend->setBorderPen(QPen(plotGridColour(), 1));
    const int icon = QFontMetrics(plotFonts().tickLabel).height();
    legend->setIconSize(2 * icon, icon);
}

void useLocaleFreeNumbers(QCustomPlot* plot) {
    plot->setLocale(QLocale::c());
}

namespace {

// A plain wheel over a plot scrolls the page the plot sits in; Ctrl+wheel
// zooms the plot. The labs' plots fill a scroll area, and a class scrolling
// down the Training tab zoomed the loss plot out to epoch −200 instead.
class WheelScrollsPage : public QObject {
  public:
    using QObject::QObject;

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Wheel ||
            (static_cast<QWheelEvent*>(event)->modifiers() & Qt::ControlModifier))
            return false;
        auto* widget = qobject_cast<QWidget*>(watched);
        for (QWidget* up = widget ? widget->parentWidget() : nullptr; up; up = up->parentWidget()) {
            if (auto* area = qobject_cast<QAbstractScrollArea*>(up)) {
                QCoreApplication::sendEvent(area->viewport(), event);
                return true;
            }
        }
        return true; // no page to scroll: only Ctrl+wheel does something here
    }
};

} // namespace

void stylePlot(QCustomPlot* plot) {
    useLocaleFreeNumbers(plot);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    if (!plot->findChild<QObject*>("wheelScrollsPage", Qt::FindDirectChildrenOnly)) {
        auto* filter = new WheelScrollsPage(plot);
        filter->setObjectName("wheelScrollsPage");
        plot->installEventFilter(filter);
    }
    plot->setNoAntialiasingOnDrag(true);
    plot->setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    // Small enough that the maths tab's plot fits a 1024×768 screen (the labs' plots: PlotGrid).
    plot->setMinimumSize(260, 190);
    plot->setBackground(plotBaseColour());
    styleLegend(plot->legend);
}

} // namespace bpl::gui
