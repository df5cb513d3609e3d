#include "gui/plot_style.h"

#include <qcustomplot.h>

#include <array>

namespace bpl::gui {

QColor etaColour(int etaIndex) {
    // Warm to cool for the classic list 0.5, 0.3, 0.1, 0.05, 0.01 (largest η
    // red), then more distinct colours; readable on white and in greyscale-ish print.
    static const std::array<QColor, 10> colours = {
        QColor(0xD6, 0x27, 0x28), QColor(0xF2, 0x8E, 0x2B), QColor(0x2C, 0xA0, 0x2C),
        QColor(0x1F, 0x77, 0xB4), QColor(0x94, 0x67, 0xBD), QColor(0x17, 0xBE, 0xCF),
        QColor(0x8C, 0x56, 0x4B), QColor(0xE3, 0x77, 0xC2), QColor(0xBC, 0xBD, 0x22),
        QColor(0x7F, 0x7F, 0x7F)};
    return colours[static_cast<std::size_t>(etaIndex) % colours.size()];
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
    if (label == 0) {
        return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(70, 70, 70), 1.0),
                               Qt::NoBrush, 6);
    }
    return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(QColor(20, 20, 20), 1.0), Qt::NoBrush, 6);
}

void styleAxisRect(QCPAxisRect* rect) {
    for (QCPAxis* axis : rect->axes()) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 1));
        axis->grid()->setZeroLinePen(QPen(QColor(190, 190, 190), 1));
        axis->setLabelFont(QFont(QFont().family(), 10));
        axis->setTickLabelFont(QFont(QFont().family(), 9));
    }
    rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
}

void stylePlot(QCustomPlot* plot) {
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setNoAntialiasingOnDrag(true);
    plot->setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    // Small enough that the lab (controls and a 2 × 2 grid of plots) fits a 1024×768 screen.
    plot->setMinimumSize(260, 190);
    plot->legend->setFont(QFont(QFont().family(), 9));
    plot->legend->setBrush(QColor(255, 255, 255, 230));
    plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
    plot->legend->setIconSize(24, 10);
}

} // namespace bpl::gui
