#include "gui/details/gradient_norm_plot.h"
#include "gui/plot_style.h"

#include <cmath>

namespace bpl::gui {

namespace {

const QColor kDeltaColour(31, 119, 180);   // blue
const QColor kGradientColour(214, 96, 24); // orange

void styleAxes(QCustomPlot* plot) {
    const QPalette pal = plot->palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = pal.color(QPalette::Mid);
    plot->setBackground(pal.color(QPalette::Base));
    plot->legend->setBrush(pal.color(QPalette::Base));
    plot->legend->setTextColor(text);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
}

} // namespace

GradientNormPlot::GradientNormPlot(QWidget* parent) : QCustomPlot(parent) {
    setObjectName("gradientNormPlot");
    setMinimumSize(240, 160);
    useLocaleFreeNumbers(this);
    setToolTip(
        tr("How large the backpropagated error and the weight gradients are in each layer "
           "(log scale): in a deep sigmoid chain they shrink layer by layer towards the input "
           "(vanishing gradients)."));
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));

    yAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    ticker->setLogBase(10);
    ticker->setSubTickCount(0);
    yAxis->setTicker(ticker);
    yAxis->setNumberFormat("eb");
    yAxis->setNumberPrecision(0);
    xAxis->setLabel(tr("layer"));
    // Whole layer numbers: steps of 1, or whole multiples of it on long chains.
    auto xTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    xTicker->setTickStep(1);
    xTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    xTicker->setTickCount(6);
    xAxis->setTicker(xTicker);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
    }

    deltaGraph_ = addGraph();
    deltaGraph_->setName(tr("|δ⁽ˡ⁾|"));
    deltaGraph_->setPen(QPen(kDeltaColour, 2.5));
    gradientGraph_ = addGraph();
    gradientGraph_->setName(tr("‖∂E/∂W⁽ˡ⁾‖"));
    gradientGraph_->setPen(QPen(kGradientColour, 1.5, Qt::DashLine));

    currentLayer_ = new QCPItemStraightLine(this);
    currentLayer_->setPen(QPen(QColor(128, 128, 128, 140), 6));
    currentLayer_->setSelectable(false);

    // The legend in one row above the axes, where it never hides a point.
    legend->setVisible(true);
    legend->setFont(small);
    legend->setIconSize(22, 8);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);
    legend->setMargins(QMargins(2, 2, 2, 0));
    styleAxes(this);
}

bool GradientNormPlot::showsStep(const Step* step) {
    return step && (step->kind == StepKind::OutputDelta || step->kind == StepKind::HiddenDelta ||
                    step->kind == StepKind::Gradient);
}

void GradientNormPlot::showStep(const Trace& trace, const Step* step) {
    if (!showsStep(step))
        return;
    const Notation& n = trace.options.notation;
    const int L = trace.network.lastLayer();
    // δ is known from the output down to the current delta step; in the
    // gradient steps every δ is, and ∂E/∂W down to the current layer.
    const bool gradients = step->kind == StepKind::Gradient;
    const int deltaFrom = gradients ? 1 : step->layer;
    const int gradientFrom = gradients ? step->layer : L + 1;
    QVector<double> x, delta, gx, grad;
    undrawn_ = 0;
    double lowest = HUGE_VAL, highest = 0;
    auto take = [&](double value, int l, QVector<double>& xs, QVector<double>& ys) {
        if (!(value > 0) || !std::isfinite(value)) {
            ++undrawn_;
            return;
        }
        xs << n.displayLayer(l);
        ys << value;
        lowest = std::min(lowest, value);
        highest = std::max(highest, value);
    };
    for (int l = deltaFrom; l <= L; ++l)
        take(trace.deltaNorms[l], l, x, delta);
    for (int l = gradientFrom; l <= L; ++l)
        take(trace.gradWeightNorms[l], l, gx, grad);
    deltaGraph_->setData(x, delta, true);
    gradientGraph_->setData(gx, grad, true);
    // Markers while each one can be told apart; a long chain reads better as lines.
    const bool markers = L <= 40;
    deltaGraph_->setScatterStyle(
        markers ? QCPScatterStyle(QCPScatterStyle::ssDisc, kDeltaColour, kDeltaColour, 6)
                : QCPScatterStyle());
    gradientGraph_->setScatterStyle(
        markers ? QCPScatterStyle(QCPScatterStyle::ssCircle, kGradientColour, 8)
                : QCPScatterStyle());

    xAxis->setRange(n.displayLayer(1) - 0.5, n.displayLayer(L) + 0.5);
    if (highest > 0) {
        // Ticks every k decades (about five of them), the range on whole ticks,
        // so the collapse reads as 10⁻¹⁶, 10⁻³², …
        const double low = std::floor(std::log10(lowest)), high = std::ceil(std::log10(highest));
        const double k = std::max(1.0, std::ceil((high - low) / 5));
        const double from = k * std::floor(low / k),
                     to = std::max(k * std::ceil(high / k), from + k);
        yAxis->setRange(std::pow(10.0, from), std::pow(10.0, to));
        if (auto ticker = yAxis->ticker().dynamicCast<QCPAxisTickerLog>())
            ticker->setLogBase(std::pow(10.0, k));
    }

    const double at = n.displayLayer(step->layer);
    currentLayer_->point1->setCoords(at, 1);
    currentLayer_->point2->setCoords(at, 10);
    QString label = tr("norm (log scale)");
    if (undrawn_ > 0)
        label += tr("; %n zero(s) not drawn", nullptr, undrawn_);
    yAxis->setLabel(label);
    styleAxes(this);
    replot(QCustomPlot::rpQueuedReplot);
}

} // namespace bpl::gui
