#include "gui/logreg/logreg_nll_panel.h"

#include "gui/plot_style.h"
#include "gui/logreg/logreg_sweep.h"

#include <qcustomplot.h>

#include <cmath>
#include <vector>

namespace bpl::gui {

LogRegNllPanel::LogRegNllPanel(QCustomPlot* plot, QCPAxisRect* rect) : plot_(plot), rect_(rect) {
    rect_->axis(QCPAxis::atLeft)->setLabel("NLL");
    cursor_ = new QCPItemStraightLine(plot_);
    cursor_->setClipAxisRect(rect_);
    for (QCPItemPosition* p : {cursor_->point1, cursor_->point2}) {
        p->setAxes(rect_->axis(QCPAxis::atBottom), rect_->axis(QCPAxis::atLeft));
        p->setAxisRect(rect_);
    }
    cursor_->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
    cursor_->setVisible(false);
}

LogRegNllPanel::~LogRegNllPanel() {
    // The plot owns the graphs and the cursor; remove them while the axes exist.
    reset(nullptr, {});
    plot_->removeItem(cursor_);
}

void LogRegNllPanel::reset(const LogRegSweep* sweep, const std::vector<bool>& include) {
    for (const RunGraphs& g : runs_) {
        if (g.curve)
            plot_->removeGraph(g.curve);
        if (g.marker)
            plot_->removeGraph(g.marker);
    }
    runs_.clear();
    sweep_ = sweep;
    cursor_->setVisible(false);
    if (!sweep_)
        return;
    runs_.resize(static_cast<std::size_t>(sweep_->runCount()));
    QCPAxis* x = rect_->axis(QCPAxis::atBottom);
    QCPAxis* y = rect_->axis(QCPAxis::atLeft);
    for (int r = 0; r < sweep_->runCount(); ++r) {
        if (!include[static_cast<std::size_t>(r)])
            continue;
        RunGraphs& g = runs_[static_cast<std::size_t>(r)];
        g.curve = plot_->addGraph(x, y);
        g.curve->setPen(runPen(sweep_->etaIndex(r), sweep_->methodOf(r)));
        g.curve->setName(sweep_->etaLabel(sweep_->etaIndex(r)));
        g.curve->setAdaptiveSampling(true);
        // The η's marker too: curves never differ by colour alone.
        g.curve->setScatterStyle(seriesMarker(sweep_->etaIndex(r), etaColour(sweep_->etaIndex(r))));
        g.marker = plot_->addGraph(x, y);
        g.marker->setLineStyle(QCPGraph::lsNone);
        g.marker->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, etaColour(sweep_->etaIndex(r)), 7));
        g.marker->removeFromLegend();
    }
}

QCPGraph* LogRegNllPanel::graph(int run) const {
    if (run < 0 || run >= static_cast<int>(runs_.size()))
        return nullptr;
    return runs_[static_cast<std::size_t>(run)].curve;
}

void LogRegNllPanel::append(int run, int first) {
    QCPGraph* curve = graph(run);
    if (!curve)
        return;
    const LogRegRun& r = sweep_->runs[static_cast<std::size_t>(run)];
    QVector<double> keys, values;
    keys.reserve(r.recorded() - first);
    values.reserve(r.recorded() - first);
    for (int k = first; k < r.recorded(); ++k) {
        keys.push_back(k);
        values.push_back(r.nll[static_cast<std::size_t>(k)]);
    }
    curve->addData(keys, values, true);
    setSparseMarkers(curve);
    if (r.stopped == LogRegStop::Diverged) {
        curve->setName(sweep_->etaLabel(sweep_->etaIndex(run)) + " (diverged)");
    }
}

void LogRegNllPanel::setIteration(int k) {
    iteration_ = k;
    if (!sweep_)
        return;
    cursor_->point1->setCoords(k, 0);
    cursor_->point2->setCoords(k, 1);
    cursor_->setVisible(longestVisible() > 0);
    for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
        const RunGraphs& g = runs_[static_cast<std::size_t>(r)];
        if (!g.marker)
            continue;
        const int j = sweep_->clampedIndex(r, k);
        if (j < 0) {
            g.marker->data()->clear();
        } else {
            g.marker->setData(
                QVector<double>{double(j)},
                QVector<double>{
                    sweep_->runs[static_cast<std::size_t>(r)].nll[static_cast<std::size_t>(j)]},
                true);
        }
    }
}

void LogRegNllPanel::setRunVisible(int run, bool visible) {
    if (run < 0 || run >= static_cast<int>(runs_.size()))
        return;
    const RunGraphs& g = runs_[static_cast<std::size_t>(run)];
    if (!g.curve)
        return;
    g.curve->setVisible(visible);
    g.marker->setVisible(visible);
}

bool LogRegNllPanel::runVisible(int run) const {
    const QCPGraph* curve = graph(run);
    return curve && curve->visible();
}

namespace {

// Ticks of a log axis at 1, 2, 5 (or 1 … 9) times a power of ten, so a range
// within one decade (an NLL from 0.7 down to 0.2) still has labelled ticks;
// QCPAxisTickerLog labels powers of ten only.
class DecadeTicker : public QCPAxisTicker {
protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override {
        const double lo = std::max(range.lower, 1e-300);
        const double hi = range.upper;
        QVector<double> ticks;
        if (!(hi > lo)) return ticks;
        const std::vector<std::vector<double>> choices = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
        for (const std::vector<double>& mantissas : choices) {
            ticks.clear();
            for (int e = int(std::floor(std::log10(lo))); e <= int(std::ceil(std::log10(hi))); ++e) {
                for (double m : mantissas) {
                    const double v = m * std::pow(10.0, e);
                    if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) ticks << v;
                }
            }
            if (ticks.size() >= 3) return thinned(ticks);
        }
        // Less than a step of 1 … 9 in view: plain linear ticks.
        return QCPAxisTicker::createTickVector(tickStep, range);
    }
    QVector<double> createSubTickVector(int, const QVector<double>&) override { return {}; }

private:
    // Every other tick until no more than the tick count (set to fit the axis) remain.
    QVector<double> thinned(QVector<double> ticks) const {
        while (ticks.size() > std::max(2, tickCount() + 1)) {
            QVector<double> kept;
            for (int i = 0; i < ticks.size(); i += 2) kept << ticks[i];
            ticks = kept;
        }
        return ticks;
    }
};

} // namespace

void LogRegNllPanel::setLogScale(bool logarithmic) {
    QCPAxis* y = rect_->axis(QCPAxis::atLeft);
    if (logarithmic) {
        y->setScaleType(QCPAxis::stLogarithmic);
        y->setTicker(QSharedPointer<DecadeTicker>::create());
        y->setNumberFormat("gb");
        y->setNumberPrecision(3);
    } else {
        y->setScaleType(QCPAxis::stLinear);
        y->setTicker(QSharedPointer<QCPAxisTicker>::create());
        y->setNumberFormat("gb");
        y->setNumberPrecision(6);
    }
}

int LogRegNllPanel::longestVisible() const {
    int n = 0;
    for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
        if (runVisible(r))
            n = std::max(n, sweep_->runs[static_cast<std::size_t>(r)].recorded());
    }
    return n;
}

void LogRegNllPanel::fit() {
    QCPAxis* x = rect_->axis(QCPAxis::atBottom);
    QCPAxis* y = rect_->axis(QCPAxis::atLeft);
    x->setRange(0, std::max(1, longestVisible() - 1));
    const bool logarithmic = y->scaleType() == QCPAxis::stLogarithmic;
    QCPRange range;
    bool found = false;
    for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
        if (!runVisible(r))
            continue;
        bool ok = false;
        const QCPRange part =
            graph(r)->getValueRange(ok, logarithmic ? QCP::sdPositive : QCP::sdBoth);
        if (!ok)
            continue;
        range = found
                    ? QCPRange(std::min(range.lower, part.lower), std::max(range.upper, part.upper))
                    : part;
        found = true;
    }
    if (!found) {
        y->setRange(logarithmic ? QCPRange(0.01, 1) : QCPRange(0, 1));
        return;
    }
    if (logarithmic) {
        y->setRange(range.lower / 1.3, range.upper * 1.3);
    } else {
        const double pad = std::max(0.05 * range.size(), 1e-3);
        y->setRange(std::max(0.0, range.lower - pad), range.upper + pad);
    }
}

int LogRegNllPanel::iterationAt(double x) const {
    if (!sweep_)
        return -1;
    const int longest = longestVisible();
    if (longest == 0 || !std::isfinite(x))
        return -1;
    const int k = static_cast<int>(std::lround(x));
    if (k < 0 || k >= longest)
        return -1;
    return k;
}

QString LogRegNllPanel::hoverText(double x) const {
    const int k = iterationAt(x);
    if (k < 0)
        return {};
    QString text;
    for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
        if (!runVisible(r))
            continue;
        const LogRegRun& run = sweep_->runs[static_cast<std::size_t>(r)];
        if (text.isEmpty())
            text = QString("%1 %2").arg(LogRegSweep::stepName(run.options.method)).arg(k);
        QString value;
        if (k < run.recorded()) {
            value = QString("NLL = %1").arg(run.nll[static_cast<std::size_t>(k)], 0, 'g', 6);
        } else if (run.recorded() == 0) {
            value = QString("%1 at the start").arg(stopId(run.stopped));
        } else {
            value = QString("stopped (%1) at %2").arg(stopId(run.stopped)).arg(run.recorded() - 1);
        }
        text += QString("\n<font color='%1'>■</font> %2: %3")
                    .arg(etaColour(sweep_->etaIndex(r)).name(),
                         sweep_->etaLabel(sweep_->etaIndex(r)), value);
    }
    return text.isEmpty() ? QString() : "<p style='white-space:pre'>" + text + "</p>";
}

} // namespace bpl::gui
