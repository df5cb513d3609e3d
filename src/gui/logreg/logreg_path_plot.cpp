#include "gui/logreg/logreg_path_plot.h"

#include "gui/logreg/logreg_sweep.h"
#include "gui/plot_style.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bpl::gui {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kHoverPixels = 10.0;

QCPGraph* markerGraph(QCustomPlot* plot, const QCPScatterStyle& style) {
    QCPGraph* g = plot->addGraph();
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(style);
    g->removeFromLegend();
    return g;
}

} // namespace

LogRegPathPlot::LogRegPathPlot(QWidget* parent)
    : LogRegPlot(tr("Separator in slope–intercept space"), parent) {
    styleAxisRect(axisRect());
    xAxis->setLabel("slope m = −w₁/w₂");
    yAxis->setLabel("intercept b = −w₀/w₂");
    putLegendBelow();
    const QPen black(plotTextColour(), 1.5);
    startKey_ =
        markerGraph(this, QCPScatterStyle(QCPScatterStyle::ssCircle, black, plotBaseColour(), 9));
    startKey_->setName(tr("start"));
    endKey_ =
        markerGraph(this, QCPScatterStyle(QCPScatterStyle::ssSquare, black, plotTextColour(), 8));
    endKey_->setName(tr("end"));
    classicView();
}

void LogRegPathPlot::setSweep(const LogRegSweep* sweep) {
    for (const RunItems& items : runs_) {
        removePlottable(items.path);
        removeGraph(items.start);
        removeGraph(items.end);
        removeGraph(items.current);
    }
    runs_.clear();
    sweep_ = sweep;
    if (sweep_) {
        runs_.resize(static_cast<std::size_t>(sweep_->runCount()));
        for (int r = 0; r < sweep_->runCount(); ++r) {
            RunItems& items = runs_[static_cast<std::size_t>(r)];
            const QColor colour = etaColour(sweep_->etaIndex(r));
            items.path = new QCPCurve(xAxis, yAxis);
            items.path->setPen(runPen(sweep_->etaIndex(r), sweep_->methodOf(r)));
            // η's marker along the path: η differs by shape too, not by colour alone.
            items.path->setScatterStyle(seriesMarker(sweep_->etaIndex(r), colour));
            items.path->setScatterSkip(0);
            items.path->setName(sweep_->etaLabel(sweep_->etaIndex(r)));
            items.start = markerGraph(
                this, QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 2), Qt::white, 10));
            items.end =
                markerGraph(this, QCPScatterStyle(QCPScatterStyle::ssSquare,
                                                  QPen(colour.darker(130), 1.5), colour, 9));
            items.current = markerGraph(this, QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 8));
        }
    }
    setShownMethod(shownMethod_);
}

QCPCurve* LogRegPathPlot::path(int run) const {
    return run >= 0 && run < static_cast<int>(runs_.size())
               ? runs_[static_cast<std::size_t>(run)].path
               : nullptr;
}

QCPGraph* LogRegPathPlot::currentMarker(int run) const {
    return run >= 0 && run < static_cast<int>(runs_.size())
               ? runs_[static_cast<std::size_t>(run)].current
               : nullptr;
}

void LogRegPathPlot::appendValues(int run, int first) {
    if (!sweep_ || run < 0 || run >= static_cast<int>(runs_.size()))
        return;
    RunItems& items = runs_[static_cast<std::size_t>(run)];
    const LogRegRun& r = sweep_->runs[static_cast<std::size_t>(run)];
    QVector<double> t, m, b;
    for (int k = first; k < r.recorded(); ++k) {
        const Eigen::Vector3d& w = r.weights[static_cast<std::size_t>(k)];
        // A NaN point between two iterations makes QCustomPlot break the line.
        if (k > 0 && separatorPathBreaks(r.weights[static_cast<std::size_t>(k - 1)], w)) {
            t << k - 0.5;
            m << kNan;
            b << kNan;
        }
        if (const auto line = separatorSlopeIntercept(w)) {
            t << k;
            m << line->slope;
            b << line->intercept;
            if (items.start->data()->isEmpty())
                items.start->setData({line->slope}, {line->intercept}, true);
        }
    }
    items.path->addData(t, m, b, true);
    items.path->setScatterSkip(std::max(0, items.path->dataCount() / 6 - 1));
    if (r.stopped != LogRegStop::Running)
        markEnd(run);
    if (!classic_ && !userMovedView())
        fitView();
}

void LogRegPathPlot::markEnd(int run) {
    RunItems& items = runs_[static_cast<std::size_t>(run)];
    const LogRegRun& r = sweep_->runs[static_cast<std::size_t>(run)];
    if (r.recorded() == 0)
        return;
    if (const auto line = separatorSlopeIntercept(r.weights.back())) {
        items.end->setData({line->slope}, {line->intercept}, true);
    }
    if (r.stopped == LogRegStop::Diverged)
        items.path->setName(sweep_->etaLabel(sweep_->etaIndex(run)) + " (diverged)");
}

void LogRegPathPlot::setIteration(int k) {
    iteration_ = k;
    if (!sweep_)
        return;
    for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
        QCPGraph* current = runs_[static_cast<std::size_t>(r)].current;
        const Eigen::Vector3d* w = sweep_->weightsAt(r, k);
        const auto line = w ? separatorSlopeIntercept(*w) : std::nullopt;
        if (line) {
            current->setData({line->slope}, {line->intercept}, true);
        } else {
            current->data()->clear();
        }
    }
}

void LogRegPathPlot::setShownMethod(LogRegMethod method) {
    LogRegPlot::setShownMethod(method);
    if (sweep_) {
        for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
            const bool visible = sweep_->methodOf(r) == method;
            const RunItems& items = runs_[static_cast<std::size_t>(r)];
            for (QCPAbstractPlottable* p : std::initializer_list<QCPAbstractPlottable*>{
                     items.path, items.start, items.end, items.current}) {
                p->setVisible(visible);
            }
        }
        const QString name =
            sweep_->methodIndexOf(method) >= 0 ? sweep_->methodTitle(method) : methodLabel(method);
        setTitle(tr("Separator in slope–intercept space (%1)").arg(name));
    }
    updateLegend();
    if (!classic_)
        fitView();
}

void LogRegPathPlot::updateLegend() {
    legend->clearItems();
    for (const RunItems& items : runs_) {
        if (items.path->visible())
            items.path->addToLegend(legend);
    }
    startKey_->addToLegend(legend);
    endKey_->addToLegend(legend);
}

void LogRegPathPlot::classicView() {
    classic_ = true;
    clearUserMovedView();
    xAxis->setRange(-5, 5);
    yAxis->setRange(-10, 0);
}

void LogRegPathPlot::fitView() {
    classic_ = false;
    std::vector<double> ms, bs;
    auto add = [&](const QCPGraph* g) {
        if (!g->data()->isEmpty()) {
            ms.push_back(g->data()->begin()->key);
            bs.push_back(g->data()->begin()->value);
        }
    };
    std::vector<double> pathM, pathB;
    for (const RunItems& items : runs_) {
        if (!items.path->visible())
            continue;
        for (const QCPCurveData& d : *items.path->data()) {
            if (std::isnan(d.key))
                continue;
            pathM.push_back(d.key);
            pathB.push_back(d.value);
        }
        add(items.start);
        add(items.end);
    }
    if (pathM.empty()) {
        xAxis->setRange(-5, 5);
        yAxis->setRange(-10, 0);
        return;
    }
    // The 1st to 99th percentile of the paths, plus every start and end.
    auto span = [](std::vector<double>& values, std::vector<double>& always) {
        std::sort(values.begin(), values.end());
        const std::size_t n = values.size();
        double lo = values[n / 100], hi = values[n - 1 - n / 100];
        for (double v : always) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        const double pad = std::max(0.08 * (hi - lo), 1e-3 * std::max(1.0, std::abs(hi)));
        return QCPRange(lo - pad, hi + pad);
    };
    xAxis->setRange(span(pathM, ms));
    yAxis->setRange(span(pathB, bs));
}

LogRegPathPlot::Nearest LogRegPathPlot::nearestPoint(const QPointF& pixel) const {
    Nearest best;
    if (!sweep_ || !axisRect()->rect().contains(pixel.toPoint()))
        return best;
    double bestDistance = kHoverPixels;
    for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
        if (!runs_[static_cast<std::size_t>(r)].path->visible())
            continue;
        const LogRegRun& run = sweep_->runs[static_cast<std::size_t>(r)];
        for (int k = 0; k < run.recorded(); ++k) {
            const auto line = separatorSlopeIntercept(run.weights[static_cast<std::size_t>(k)]);
            if (!line)
                continue;
            const QPointF p(xAxis->coordToPixel(line->slope), yAxis->coordToPixel(line->intercept));
            const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = {r, k};
            }
        }
    }
    return best;
}

int LogRegPathPlot::iterationAt(const QPointF& pixel) const {
    return nearestPoint(pixel).k;
}

QString LogRegPathPlot::hoverText(const QPointF& pixel) const {
    const Nearest near = nearestPoint(pixel);
    if (near.run < 0) {
        if (!axisRect()->rect().contains(pixel.toPoint()))
            return {};
        return QString("m = %1, b = %2")
            .arg(xAxis->pixelToCoord(pixel.x()), 0, 'g', 4)
            .arg(yAxis->pixelToCoord(pixel.y()), 0, 'g', 4);
    }
    const LogRegRun& run = sweep_->runs[static_cast<std::size_t>(near.run)];
    const Eigen::Vector3d& w = run.weights[static_cast<std::size_t>(near.k)];
    const auto line = separatorSlopeIntercept(w);
    return QString("<p style='white-space:pre'><font color='%1'>■</font> %2, %3 %4\n"
                   "m = %5, b = %6\nw = (%7, %8, %9)\nNLL = %10</p>")
        .arg(etaColour(sweep_->etaIndex(near.run)).name(), sweep_->runLabel(near.run),
             LogRegSweep::stepName(run.options.method))
        .arg(near.k)
        .arg(line->slope, 0, 'g', 5)
        .arg(line->intercept, 0, 'g', 5)
        .arg(w(0), 0, 'g', 5)
        .arg(w(1), 0, 'g', 5)
        .arg(w(2), 0, 'g', 5)
        .arg(run.nll[static_cast<std::size_t>(near.k)], 0, 'g', 6);
}

} // namespace bpl::gui
