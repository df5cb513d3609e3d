#include "gui/maths/activation_plot.h"

#include "core/number_format.h"
#include "gui/maths/maths_text.h"
#include "gui/plot_style.h"

namespace bpl::gui {

namespace {

constexpr int kSamples = 801;

QVector<double> toVector(const std::vector<double>& v) {
    return QVector<double>(v.begin(), v.end());
}

QPen curvePen(const QColor& colour, Qt::PenStyle style = Qt::SolidLine) {
    QPen pen(colour, 2.0);
    pen.setStyle(style);
    return pen;
}

const QColor kValueColour(0x1f, 0x5f, 0xbf);
const QColor kDerivativeColour(0xd0, 0x5a, 0x00);
const QColor kMaximumColour(0xb0, 0x10, 0x40);

} // namespace

ActivationPlot::ActivationPlot(QWidget* parent) : QCustomPlot(parent) {
    stylePlot(this);
    styleAxisRect(axisRect());
    setMinimumSize(360, 260);
    xAxis->setLabel("x");
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    value_ = addGraph();
    value_->setPen(curvePen(kValueColour));
    derivative_ = addGraph();
    derivative_->setPen(curvePen(kDerivativeColour));
    otherValue_ = addGraph();
    otherValue_->setPen(curvePen(kValueColour.lighter(150), Qt::DashLine));
    otherDerivative_ = addGraph();
    otherDerivative_->setPen(curvePen(kDerivativeColour.lighter(140), Qt::DashLine));

    pointMarks_ = addGraph();
    pointMarks_->setLineStyle(QCPGraph::lsNone);
    pointMarks_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), QBrush(Qt::white), 8));
    pointMarks_->removeFromLegend();
    maximumMark_ = addGraph();
    maximumMark_->setLineStyle(QCPGraph::lsNone);
    maximumMark_->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssDiamond, QPen(kMaximumColour, 2), QBrush(kMaximumColour), 11));
    maximumMark_->setName(tr("max of h′"));

    pointLine_ = new QCPItemStraightLine(this);
    pointLine_->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
    maximumText_ = new QCPItemText(this);
    maximumText_->setColor(kMaximumColour);
    maximumText_->setFont(QFont(font().family(), 10, QFont::Bold));
    maximumText_->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
    maximumText_->setPadding(QMargins(2, 2, 2, 6));
    pointText_ = new QCPItemText(this);
    pointText_->setFont(QFont(font().family(), 9));
    pointText_->setBrush(QColor(255, 255, 255, 220));
    pointText_->setPen(QPen(QColor(180, 180, 180)));
    pointText_->setPadding(QMargins(4, 2, 4, 2));
    pointText_->setPositionAlignment(Qt::AlignBottom | Qt::AlignRight);
    pointText_->position->setType(QCPItemPosition::ptAxisRectRatio);
    pointText_->position->setAxisRect(axisRect());
    pointText_->position->setCoords(0.99, 0.99);
    rebuild();
}

void ActivationPlot::setActivation(const ActivationFunction& function) {
    function_ = function;
    rebuild();
}

void ActivationPlot::setRange(double from, double to) {
    if (!(to > from))
        return;
    from_ = from;
    to_ = to;
    rebuild();
}

void ActivationPlot::setPoint(double x) {
    x_ = x;
    placeMarkers();
    replot(rpQueuedReplot);
}

void ActivationPlot::setCompare(Compare compare, const ActivationFunction& other) {
    compare_ = compare;
    other_ = other;
    rebuild();
}

void ActivationPlot::setPrecision(int significantFigures) {
    precision_ = significantFigures;
    placeMarkers();
    replot(rpQueuedReplot);
}

QString ActivationPlot::name(const ActivationFunction& f) const {
    return activationDisplayName(f.kind);
}

void ActivationPlot::rebuild() {
    const ActivationSamples s = sampleActivation(function_, from_, to_, kSamples);
    const QVector<double> x = toVector(s.x);
    value_->setData(x, toVector(s.value), true);
    derivative_->setData(x, toVector(s.derivative), true);
    value_->setName(name(function_) + "(x)");
    derivative_->setName(name(function_) + "′(x)");

    otherValue_->data()->clear();
    otherDerivative_->data()->clear();
    otherValue_->setVisible(compare_ != Compare::None);
    otherDerivative_->setVisible(compare_ == Compare::Activation);
    if (compare_ == Compare::Activation) {
        const ActivationSamples o = sampleActivation(other_, from_, to_, kSamples);
        otherValue_->setData(x, toVector(o.value), true);
        otherDerivative_->setData(x, toVector(o.derivative), true);
        otherValue_->setName(name(other_) + "(x)");
        otherDerivative_->setName(name(other_) + "′(x)");
    } else if (compare_ == Compare::TanhFromSigmoid) {
        QVector<double> y;
        y.reserve(x.size());
        for (double xi : s.x)
            y.push_back(tanhFromSigmoid(xi));
        otherValue_->setData(x, y, true);
        otherValue_->setName("2σ(2x) − 1");
    }
    for (QCPGraph* g : {otherValue_, otherDerivative_}) {
        if (g->visible())
            g->addToLegend();
        else
            g->removeFromLegend();
    }
    maximum_ = derivativeMaximum(function_, from_, to_);
    placeMarkers();

    xAxis->setRange(from_, to_);
    bool found = false;
    QCPRange y = value_->getValueRange(found);
    for (QCPGraph* g : {derivative_, otherValue_, otherDerivative_}) {
        if (!g->visible())
            continue;
        const QCPRange r = g->getValueRange(found);
        if (found)
            y.expand(r);
    }
    const double margin = std::max(0.1, 0.12 * y.size());
    yAxis->setRange(y.lower - margin, y.upper + 2 * margin);
    replot(rpQueuedReplot);
}

void ActivationPlot::placeMarkers() {
    const ActivationPoint p = activationAt(function_, x_);
    pointMarks_->setData({p.x, p.x}, {p.value, p.derivative}, true);
    pointLine_->point1->setCoords(p.x, 0);
    pointLine_->point2->setCoords(p.x, 1);
    pointText_->setText(pointLabel());

    maximumMark_->setData({maximum_.x}, {maximum_.value}, true);
    maximumText_->position->setCoords(maximum_.x, maximum_.value);
    maximumText_->setText(maximumLabel());
}

QPointF ActivationPlot::maximumMarkerPosition() const {
    return {maximum_.x, maximum_.value};
}

QString ActivationPlot::maximumLabel() const {
    return QString::fromStdString(maximum_.describe(precision_))
        .replace("h′", name(function_) + "′");
}

QString ActivationPlot::pointLabel() const {
    const ActivationPoint p = activationAt(function_, x_);
    const QString n = name(function_);
    return QStringLiteral("x = %1   %2(x) = %3   %2′(x) = %4")
        .arg(QString::fromStdString(formatNumber(p.x, precision_)), n,
             QString::fromStdString(formatNumber(p.value, precision_)),
             QString::fromStdString(formatNumber(p.derivative, precision_)));
}

} // namespace bpl::gui
