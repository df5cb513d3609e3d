#include "gui/training/training_curve_plot.h"

#include "gui/plot_style.h"
#include "gui/training/training_session.h"

#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

const Qt::PenStyle kLayerStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                     Qt::DashDotDotLine};

QString titleOf(TrainingCurvePlot::Kind kind) {
    switch (kind) {
    case TrainingCurvePlot::Loss:
        return QObject::tr("Loss J");
    case TrainingCurvePlot::Accuracy:
        return QObject::tr("Accuracy");
    case TrainingCurvePlot::Gradients:
        return QObject::tr("Gradient norm ‖∂J/∂W⁽ˡ⁾‖ per layer");
    }
    return {};
}

} // namespace

TrainingCurvePlot::TrainingCurvePlot(Kind kind, QWidget* parent)
    : TrainingPlot(titleOf(kind), parent), kind_(kind) {
    hasEpochAxis_ = true;
    styleAxisRect(axisRect());
    xAxis->setLabel(tr("epoch"));
    yAxis->setLabel(kind == Loss ? tr("J") : kind == Accuracy ? tr("accuracy") : tr("norm"));
    putLegendBelow(); // never over the curves
    addLayer("selected", layer("main"), QCustomPlot::limAbove);
    epochLine_ = new QCPItemStraightLine(this);
    epochLine_->setPen(QPen(QColor(128, 128, 128), 1, Qt::DotLine));
    epochLine_->point1->setCoords(0, 0);
    epochLine_->point2->setCoords(0, 1);
    if (kind == Gradients)
        setLogScale(true);
    if (kind == Accuracy)
        yAxis->setRange(0, 1.02);
}

void TrainingCurvePlot::setLogScale(bool on) {
    logScale_ = on;
    yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    yAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                        : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    fitView();
}

void TrainingCurvePlot::setSession(const TrainingSession* session) {
    session_ = session;
    clearGraphs();
    graphs_.clear();
    minimumMark_ = nullptr;
    if (session_) {
        for (int r = 0; r < session_->runCount(); ++r)
            addRunGraphs(r);
        addKeyGraphs();
        if (kind_ == Loss) {
            minimumMark_ = addGraph();
            minimumMark_->setLineStyle(QCPGraph::lsNone);
            minimumMark_->setLayer("selected");
            markMinimum();
        }
    }
    fitView();
    requestReplot();
}

// Grey legend entries for the line styles: training and validation, or the layers.
void TrainingCurvePlot::addKeyGraphs() {
    auto key = [this](Qt::PenStyle style, const QString& name) {
        QCPGraph* g = addGraph();
        QPen pen(QColor(128, 128, 128), 1.0);
        pen.setStyle(style);
        g->setPen(pen);
        g->setName(name);
    };
    if (kind_ == Gradients) {
        const int layers = session_->start.layerCount() - 1;
        for (int l = 0; l < layers; ++l)
            key(kLayerStyles[l % std::size(kLayerStyles)], tr("layer %1").arg(l + 1));
    } else {
        key(Qt::SolidLine, tr("training"));
        key(Qt::DashLine, tr("validation"));
    }
}

void TrainingCurvePlot::addRunGraphs(int run) {
    const TrainingRun& recorded = session_->runs[static_cast<std::size_t>(run)];
    std::vector<QCPGraph*> graphs;
    auto add = [&](Qt::PenStyle style, const QString& name) {
        QCPGraph* g = addGraph();
        QPen pen(runColour(run), 1.0);
        pen.setStyle(style);
        g->setPen(pen);
        g->setName(name);
        g->setAdaptiveSampling(true);
        if (name.isEmpty())
            g->removeFromLegend();
        graphs.push_back(g);
    };
    const QString label = QString::fromStdString(recorded.label);
    if (kind_ == Gradients) {
        // The run's colour and marker under its name, then one style per layer.
        const int layers = session_->start.layerCount() - 1;
        for (int l = 0; l < layers; ++l)
            add(kLayerStyles[l % std::size(kLayerStyles)], l == 0 ? label : QString());
    } else {
        add(Qt::SolidLine, kind_ == Loss ? label : QString());
        add(Qt::DashLine, QString());
    }
    graphs_.push_back(graphs);
    styleRun(run);
}

// The run's colour (faded unless selected), its marker, and its layer: the
// selected run is drawn above the others.
void TrainingCurvePlot::styleRun(int run) {
    const bool selected = run == selectedRun_;
    QColor colour = runColour(run);
    colour.setAlpha(selected ? 255 : 110);
    for (QCPGraph* g : graphs_[static_cast<std::size_t>(run)]) {
        QPen pen = g->pen();
        pen.setColor(colour);
        g->setPen(pen);
        g->setScatterStyle(seriesMarker(run, colour));
        g->setLayer(selected ? "selected" : "main");
    }
}

void TrainingCurvePlot::setSelectedRun(int run) {
    TrainingPlot::setSelectedRun(run);
    for (int r = 0; r < static_cast<int>(graphs_.size()); ++r)
        styleRun(r);
    markMinimum();
    requestReplot();
}

QString TrainingCurvePlot::minimumText() const {
    if (!session_ || selectedRun_ < 0 || selectedRun_ >= session_->runCount())
        return {};
    const TrainingRun& r = session_->runs[static_cast<std::size_t>(selectedRun_)];
    const int k = r.lowestValidationRecord();
    if (k < 0)
        return {};
    // Short enough for the legend under a plot a third of 1024 px wide (the value is on the axis).
    return tr("lowest validation J: epoch %1").arg(r.epochOf(k));
}

void TrainingCurvePlot::markMinimum() {
    if (!minimumMark_)
        return;
    minimumMark_->data()->clear();
    const QString text = minimumText();
    if (text.isEmpty()) {
        minimumMark_->removeFromLegend();
        return;
    }
    const TrainingRun& r = session_->runs[static_cast<std::size_t>(selectedRun_)];
    const int k = r.lowestValidationRecord();
    minimumMark_->addData(static_cast<double>(k), r.validationLoss[static_cast<std::size_t>(k)]);
    // A star in the run's colour with a dark outline, named in the legend below the plot.
    QPen outline(palette().color(QPalette::WindowText), 1.2);
    minimumMark_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, outline, QBrush(runColour(selectedRun_)), 13));
    minimumMark_->setPen(outline);
    minimumMark_->setName(text);
    minimumMark_->addToLegend();
}

void TrainingCurvePlot::setShowAll(bool on) {
    showAll_ = on;
    fitView();
    requestReplot();
}

void TrainingCurvePlot::appendSeries(QCPGraph* graph, const std::vector<double>& values,
                                     int first) {
    // Values before `first` are already in the graph: only the new ones go in.
    for (std::size_t k = static_cast<std::size_t>(std::max(0, first)); k < values.size(); ++k) {
        const double v = values[k];
        if (std::isfinite(v) && (!logScale_ || v > 0))
            graph->addData(static_cast<double>(k), v);
    }
}

void TrainingCurvePlot::appendValues(int run, int first) {
    if (!session_ || run < 0 || run >= static_cast<int>(graphs_.size()))
        return;
    const TrainingRun& r = session_->runs[static_cast<std::size_t>(run)];
    const auto& g = graphs_[static_cast<std::size_t>(run)];
    switch (kind_) {
    case Loss:
        appendSeries(g[0], r.trainLoss, first);
        appendSeries(g[1], r.validationLoss, first);
        break;
    case Accuracy:
        appendSeries(g[0], r.trainAccuracy, first);
        appendSeries(g[1], r.validationAccuracy, first);
        break;
    case Gradients:
        for (std::size_t l = 0; l < g.size(); ++l) {
            for (std::size_t k = static_cast<std::size_t>(std::max(0, first));
                 k < r.gradNorm.size(); ++k) {
                const double v = l < r.gradNorm[k].size() ? r.gradNorm[k][l] : NAN;
                if (std::isfinite(v) && v > 0)
                    g[l]->addData(static_cast<double>(k), v);
            }
        }
        break;
    }
    for (QCPGraph* graph : g)
        setSparseMarkers(graph);
    if (run == selectedRun_)
        markMinimum();
    fitView();
    requestReplot();
}

void TrainingCurvePlot::setEpoch(int k) {
    TrainingPlot::setEpoch(k);
    epochLine_->point1->setCoords(k, 0);
    epochLine_->point2->setCoords(k, 1);
    requestReplot();
}

bool TrainingCurvePlot::valueRange(bool bulk, QCPRange& range) const {
    std::vector<double> values;
    const int from = bulk ? std::min(5, session_ ? session_->longest() / 5 : 0) : 0;
    for (const auto& graphs : graphs_) {
        for (QCPGraph* g : graphs) {
            const int stride = std::max(1, g->dataCount() / 2000);
            for (auto it = g->data()->findBegin(from, false); it < g->data()->constEnd();
                 it += std::min<int>(stride, static_cast<int>(g->data()->constEnd() - it)))
                values.push_back(it->value);
        }
    }
    if (values.empty())
        return false;
    const std::size_t n = values.size();
    const std::size_t low = bulk ? n * 2 / 100 : 0, high = bulk ? n - 1 - n * 2 / 100 : n - 1;
    std::nth_element(values.begin(), values.begin() + static_cast<long>(low), values.end());
    const double lower = values[low];
    std::nth_element(values.begin(), values.begin() + static_cast<long>(high), values.end());
    range = QCPRange(lower, values[high]);
    return true;
}

void TrainingCurvePlot::fitView() {
    const int longest = session_ ? session_->longest() : 0;
    xAxis->setRange(0, std::max(1, longest - 1));
    if (kind_ == Accuracy) {
        yAxis->setRange(0, 1.02);
        return;
    }
    QCPRange range;
    if (!valueRange(kind_ == Loss && !showAll_, range)) {
        yAxis->setRange(logScale_ ? 0.01 : 0, 1);
        return;
    }
    if (logScale_) {
        yAxis->setRange(range.lower / 1.5, range.upper * 1.5);
    } else {
        const double pad = std::max(1e-9, 0.08 * (range.upper - range.lower));
        yAxis->setRange(range.lower >= 0 ? std::max(0.0, range.lower - pad) : range.lower - pad,
                        range.upper + pad);
    }
}

std::vector<QCPGraph*> TrainingCurvePlot::runGraphs(int run) const {
    if (run < 0 || run >= static_cast<int>(graphs_.size()))
        return {};
    return graphs_[static_cast<std::size_t>(run)];
}

} // namespace bpl::gui
