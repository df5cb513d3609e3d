#include "gui/logreg/logreg_data_plot.h"

#include "gui/logreg/logreg_sweep.h"
#include "gui/plot_style.h"

#include <QLocale>
#include <cmath>

namespace bpl::gui {

LogRegDataPlot::LogRegDataPlot(QWidget* parent) : LogRegPlot(tr("Data and separators"), parent) {
    styleAxisRect(axisRect());
    xAxis->setLabel("x₁");
    yAxis->setLabel("x₂");
    putLegendBelow(); // never over the points
    class0_ = addGraph();
    class1_ = addGraph();
    for (QCPGraph* g : {class0_, class1_})
        g->setLineStyle(QCPGraph::lsNone);
    class0_->setScatterStyle(classScatter(0));
    class1_->setScatterStyle(classScatter(1));
    class0_->setName("t = 0");
    class1_->setName("t = 1");
    // Separators and title on their own buffered layer above the points.
    addLayer("separators", layer("main"), QCustomPlot::limAbove);
    separatorLayer_ = layer("separators");
    separatorLayer_->setMode(QCPLayer::lmBuffered);
    titleElement_->setLayer(separatorLayer_);
    connect(this, &QCustomPlot::afterReplot, this, [this] { fullReplot_ = false; });
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] { updateSeparators(); });
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] { updateSeparators(); });
}

void LogRegDataPlot::setData(std::shared_ptr<const LogRegData> data) {
    data_ = std::move(data);
    QVector<double> k0, v0, k1, v1;
    shownPoints_ = 0;
    if (data_ && data_->size() > 0) {
        const Eigen::Index stride = (data_->size() + kMaxShownPoints - 1) / kMaxShownPoints;
        for (Eigen::Index n = 0; n < data_->size(); n += stride) {
            (data_->t(n) == 1.0 ? k1 : k0).push_back(data_->x1(n));
            (data_->t(n) == 1.0 ? v1 : v0).push_back(data_->x2(n));
            ++shownPoints_;
        }
    }
    class0_->setData(k0, v0);
    class1_->setData(k1, v1);
    needFullReplot();
    clearUserMovedView();
    fitView();
    updateTitle();
}

void LogRegDataPlot::setSweep(const LogRegSweep* sweep) {
    for (QCPCurve* c : separators_)
        removePlottable(c);
    separators_.clear();
    sweep_ = sweep;
    if (sweep_) {
        for (int r = 0; r < sweep_->runCount(); ++r) {
            auto* line = new QCPCurve(xAxis, yAxis);
            line->setLayer(separatorLayer_);
            QPen pen = runPen(sweep_->etaIndex(r), sweep_->methodOf(r));
            pen.setWidthF(2.2);
            line->setPen(pen);
            // η's marker on the line (the legend shows it too): η differs by
            // shape as well as colour.
            line->setScatterStyle(QCPScatterStyle(seriesShape(sweep_->etaIndex(r)),
                                                  QPen(pen.color(), 2), plotBaseColour(), 11));
            line->setName(sweep_->etaLabel(sweep_->etaIndex(r)));
            separators_.push_back(line);
        }
    }
    setShownMethod(shownMethod_);
}

QCPCurve* LogRegDataPlot::separator(int run) const {
    return run >= 0 && run < static_cast<int>(separators_.size())
               ? separators_[static_cast<std::size_t>(run)]
               : nullptr;
}

void LogRegDataPlot::appendValues(int run, int first) {
    Q_UNUSED(run);
    Q_UNUSED(first);
    // The lines follow the playback's iteration (setIteration), not the newest values.
}

void LogRegDataPlot::setIteration(int k) {
    iteration_ = k;
    updateSeparators();
    updateTitle();
}

void LogRegDataPlot::setShownMethod(LogRegMethod method) {
    LogRegPlot::setShownMethod(method);
    needFullReplot(); // the legend changes
    legend->clearItems();
    class0_->addToLegend(legend);
    class1_->addToLegend(legend);
    if (sweep_) {
        for (int r = 0; r < static_cast<int>(separators_.size()); ++r) {
            const bool visible = sweep_->methodOf(r) == method;
            separators_[static_cast<std::size_t>(r)]->setVisible(visible);
            if (visible)
                separators_[static_cast<std::size_t>(r)]->addToLegend(legend);
        }
    }
    updateSeparators();
    updateTitle();
}

void LogRegDataPlot::updateSeparators() {
    if (!sweep_)
        return;
    const QCPRange x = xAxis->range(), y = yAxis->range();
    for (int r = 0; r < static_cast<int>(separators_.size()); ++r) {
        QCPCurve* line = separators_[static_cast<std::size_t>(r)];
        const Eigen::Vector3d* w = sweep_->weightsAt(r, iteration_);
        const auto segment =
            w ? separatorSegment(*w, x.lower, x.upper, y.lower, y.upper) : std::nullopt;
        if (segment) {
            // The segment runs on past both ends of the axis rect, so only the
            // middle point's marker shows, at a place along the line that
            // differs for each η (markers of near lines do not sit together).
            const Eigen::Vector2d a(segment->first.x(), segment->first.y());
            const Eigen::Vector2d b(segment->second.x(), segment->second.y());
            const int etas = std::max<int>(1, static_cast<int>(sweep_->etas.size()));
            const double along = 0.2 + 0.6 * sweep_->etaIndex(r) / std::max(1, etas - 1);
            const Eigen::Vector2d from = a - (b - a), to = b + (b - a);
            const Eigen::Vector2d mark = a + along * (b - a);
            line->setData({0, 1, 2}, {from.x(), mark.x(), to.x()}, {from.y(), mark.y(), to.y()},
                          true);
        } else {
            line->data()->clear();
        }
    }
}

void LogRegDataPlot::updateTitle() {
    QString title = tr("Data and separators");
    if (sweep_ && sweep_->methodIndexOf(shownMethod_) >= 0) {
        title += QString(" (%1, %2 %3)")
                     .arg(sweep_->methodTitle(shownMethod_), LogRegSweep::stepName(shownMethod_))
                     .arg(iteration_);
    }
    if (data_ && shownPoints_ < data_->size()) {
        title += tr(" — showing %1 of %2 points")
                     .arg(QLocale().toString(shownPoints_),
                          QLocale().toString(static_cast<qlonglong>(data_->size())));
    }
    setTitle(title);
}

void LogRegDataPlot::refresh() {
    if (fullReplot_) {
        requestReplot();
    } else {
        separatorLayer_->replot();
    }
}

void LogRegDataPlot::fitView() {
    needFullReplot();
    if (!data_ || data_->size() == 0) {
        xAxis->setRange(-1, 1);
        yAxis->setRange(-1, 1);
        return;
    }
    auto padded = [](double lo, double hi) {
        const double pad = std::max(0.08 * (hi - lo), 0.5);
        return QCPRange(lo - pad, hi + pad);
    };
    xAxis->setRange(padded(data_->x1.minCoeff(), data_->x1.maxCoeff()));
    yAxis->setRange(padded(data_->x2.minCoeff(), data_->x2.maxCoeff()));
}

QString LogRegDataPlot::hoverText(const QPointF& pixel) const {
    if (!axisRect()->rect().contains(pixel.toPoint()))
        return {};
    const double x1 = xAxis->pixelToCoord(pixel.x()), x2 = yAxis->pixelToCoord(pixel.y());
    QString text = QString("x₁ = %1, x₂ = %2").arg(x1, 0, 'g', 4).arg(x2, 0, 'g', 4);
    if (sweep_) {
        bool header = false;
        for (int r = 0; r < sweep_->runCount(); ++r) {
            if (sweep_->methodOf(r) != shownMethod_)
                continue;
            const Eigen::Vector3d* w = sweep_->weightsAt(r, iteration_);
            if (!w)
                continue;
            if (!header) {
                text += QString("\nP(t = 1 | x) at %1 %2:")
                            .arg(LogRegSweep::stepName(shownMethod_))
                            .arg(iteration_);
                header = true;
            }
            text += QString("\n<font color='%1'>■</font> %2: y = %3")
                        .arg(etaColour(sweep_->etaIndex(r)).name(),
                             sweep_->etaLabel(sweep_->etaIndex(r)))
                        .arg(logRegProbability(*w, x1, x2), 0, 'f', 4);
        }
    }
    return "<p style='white-space:pre'>" + text + "</p>";
}

} // namespace bpl::gui
