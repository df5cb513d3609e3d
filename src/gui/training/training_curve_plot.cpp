#include "gui/training/training_curve_plot.h"

#include "gui/plot_style.h"
#include "gui/training/training_session.h"

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
    legend->setVisible(true);
    legend->setFont(QFont(QFont().family(), 8));
    legend->setRowSpacing(-2);
    // Where the curves usually are not: losses fall, accuracies rise.
    axisRect()->insetLayout()->setInsetAlignment(
        0, Qt::AlignBottom | (kind == Accuracy ? Qt::AlignRight : Qt::AlignLeft));
    epochLine_ = new QCPItemStraightLine(this);
    epochLine_->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
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
    if (session_) {
        for (int r = 0; r < session_->runCount(); ++r)
            addRunGraphs(r);
        addKeyGraphs();
    }
    fitView();
    requestReplot();
}

// Grey legend entries for the line styles: training and validation, or the layers.
void TrainingCurvePlot::addKeyGraphs() {
    auto key = [this](Qt::PenStyle style, const QString& name) {
        QCPGraph* g = addGraph();
        QPen pen(QColor(90, 90, 90), 1.0);
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
        const int layers = session_->start.layerCount() - 1;
        for (int l = 0; l < layers; ++l)
            add(kLayerStyles[l % std::size(kLayerStyles)], QString());
    } else {
        add(Qt::SolidLine, kind_ == Loss ? label : QString());
        add(Qt::DashLine, QString());
    }
    graphs_.push_back(graphs);
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
    fitView();
    requestReplot();
}

void TrainingCurvePlot::setEpoch(int k) {
    TrainingPlot::setEpoch(k);
    epochLine_->point1->setCoords(k, 0);
    epochLine_->point2->setCoords(k, 1);
    requestReplot();
}

void TrainingCurvePlot::fitView() {
    const int longest = session_ ? session_->longest() : 0;
    xAxis->setRange(0, std::max(1, longest - 1));
    if (kind_ == Accuracy) {
        yAxis->setRange(0, 1.02);
        return;
    }
    bool found = false;
    QCPRange range;
    for (const auto& graphs : graphs_) {
        for (QCPGraph* g : graphs) {
            bool ok = false;
            const QCPRange r = g->getValueRange(ok, QCP::sdBoth);
            if (!ok)
                continue;
            range = found ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper))
                          : r;
            found = true;
        }
    }
    if (!found) {
        yAxis->setRange(logScale_ ? 0.01 : 0, 1);
        return;
    }
    if (logScale_) {
        yAxis->setRange(range.lower / 1.5, range.upper * 1.5);
    } else {
        const double pad = std::max(1e-9, 0.05 * (range.upper - range.lower));
        yAxis->setRange(std::min(0.0, range.lower - pad), range.upper + pad);
    }
}

std::vector<QCPGraph*> TrainingCurvePlot::runGraphs(int run) const {
    if (run < 0 || run >= static_cast<int>(graphs_.size()))
        return {};
    return graphs_[static_cast<std::size_t>(run)];
}

} // namespace bpl::gui
