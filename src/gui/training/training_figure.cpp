#include "gui/training/training_figure.h"

#include "gui/training/training_session.h"

#include "core/decision.h"

#include "gui/logreg/logreg_plot_export.h"
#include "gui/plot_style.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace bpl::gui {

namespace {

constexpr int kRegionPixels = 240; // the decision-region image is this many cells square

QColor blend(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

void setUpLossPlot(QCustomPlot& plot, const std::vector<TrainingRun>& runs) {
    stylePlot(&plot);
    styleAxisRect(plot.axisRect());
    plot.xAxis->setLabel("epoch k");
    plot.yAxis->setLabel("mean loss J (training solid, validation dashed)");
    double lo = INFINITY, hi = 0;
    int epochs = 1;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const TrainingRun& run = runs[r];
        epochs = std::max(epochs, run.epochOf(run.recordedEpochs() - 1));
        for (int part = 0; part < 2; ++part) {
            const std::vector<double>& values = part == 0 ? run.trainLoss : run.validationLoss;
            if (values.empty())
                continue;
            QCPGraph* graph = plot.addGraph();
            QPen pen(etaColour(static_cast<int>(r)), 1.0);
            pen.setStyle(part == 0 ? Qt::SolidLine : Qt::DashLine);
            graph->setPen(pen);
            graph->setName(QString::fromStdString(run.label) +
                           (part == 0 ? " (training)" : " (validation)"));
            for (std::size_t k = 0; k < values.size(); ++k) {
                graph->addData(run.epochOf(static_cast<int>(k)), values[k]);
                if (values[k] > 0)
                    lo = std::min(lo, values[k]);
                hi = std::max(hi, values[k]);
            }
        }
    }
    plot.xAxis->setRange(0, epochs);
    if (std::isfinite(lo) && hi > 0 && hi / lo > 30) {
        plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        plot.yAxis->setRange(lo / 1.5, hi * 1.5);
    } else {
        plot.yAxis->setRange(0, hi > 0 ? hi * 1.05 : 1);
    }
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(
        0, 0, new QCPTextElement(&plot, "Loss per epoch", QFont(QFont().family(), 11)));
}

// The region's colour at each grid cell: the class colour of the prediction,
// paler where the network is unsure (one sigmoid: |y − 0.5|; softmax: max y).
QImage regionImage(const Network& network, int classes, QCPRange xr, QCPRange yr) {
    const int n = kRegionPixels;
    Eigen::MatrixXd grid(2, n * n);
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n; ++col) {
            grid(0, row * n + col) = xr.lower + (col + 0.5) * xr.size() / n;
            grid(1, row * n + col) = yr.upper - (row + 0.5) * yr.size() / n;
        }
    }
    const Eigen::MatrixXd out = predictBatch(network, grid);
    const std::vector<int> predicted =
        classes > 0 ? predictedClasses(network, out) : std::vector<int>{};
    const double outLo = out.row(0).minCoeff(), outHi = out.row(0).maxCoeff();
    QImage image(n, n, QImage::Format_RGB32);
    for (int p = 0; p < n * n; ++p) {
        QColor colour;
        if (classes > 0) {
            double sure = 1.0;
            if (out.rows() == 1)
                sure = std::abs(out(0, p) - 0.5) * 2;
            else
                sure = (out.col(p).maxCoeff() - 1.0 / out.rows()) / (1.0 - 1.0 / out.rows());
            colour = blend(Qt::white, classColour(predicted[p]),
                           0.15 + 0.35 * std::clamp(sure, 0.0, 1.0));
        } else {
            const double t = outHi > outLo ? (out(0, p) - outLo) / (outHi - outLo) : 0.5;
            colour = blend(QColor(240, 240, 250), QColor(60, 60, 140), t);
        }
        image.setPixel(p % n, p / n, colour.rgb());
    }
    return image;
}

void setUpRegionPlot(QCustomPlot& plot, const DataSplit& data, const TrainingRun& run) {
    stylePlot(&plot);
    styleAxisRect(plot.axisRect());
    plot.xAxis->setLabel("x₁");
    plot.yAxis->setLabel("x₂");
    const Dataset& train = data.train;
    Eigen::MatrixXd all(2, train.sampleCount() + data.validation.sampleCount() +
                               data.test.sampleCount());
    all << train.inputs, data.validation.inputs, data.test.inputs;
    const double pad = 0.05;
    const Eigen::Vector2d lo = all.rowwise().minCoeff(), hi = all.rowwise().maxCoeff();
    const Eigen::Vector2d span = (hi - lo).cwiseMax(1e-9);
    const QCPRange xr(lo(0) - pad * span(0), hi(0) + pad * span(0));
    const QCPRange yr(lo(1) - pad * span(1), hi(1) + pad * span(1));
    plot.xAxis->setRange(xr);
    plot.yAxis->setRange(yr);

    auto* pixmap = new QCPItemPixmap(&plot);
    pixmap->setPixmap(QPixmap::fromImage(regionImage(run.finalNetwork, train.classes, xr, yr)));
    pixmap->setScaled(true, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    pixmap->topLeft->setCoords(xr.lower, yr.upper);
    pixmap->bottomRight->setCoords(xr.upper, yr.lower);
    pixmap->setLayer("background");
    plot.xAxis->grid()->setVisible(false);
    plot.yAxis->grid()->setVisible(false);

    // The training rows, coloured by their true class (regression: one colour).
    const int classes = std::max(1, train.classes);
    for (int c = 0; c < classes; ++c) {
        QCPGraph* graph = plot.addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        const QColor colour = train.classes > 0 ? classColour(c).darker(130) : QColor(40, 40, 40);
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 0.8), colour, 6));
        graph->setName(train.classes > 0 ? QString("class %1").arg(c) : QString("training rows"));
        for (int s = 0; s < train.sampleCount(); ++s) {
            if (train.classes == 0 || train.labels[static_cast<std::size_t>(s)] == c) {
                graph->addData(train.inputs(0, s), train.inputs(1, s));
            }
        }
    }
    // A softmax regression: the ⅓ point marked, its coordinates and the tie
    // lines' equations under the axes (core softmaxRegionLines).
    if (const auto third = softmaxThirdPoint(run.finalNetwork)) {
        QCPGraph* star = plot.addGraph();
        star->setLineStyle(QCPGraph::lsNone);
        star->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::black, 2.5),
                                              QBrush(Qt::NoBrush), 16));
        star->setName("⅓ point");
        star->addData((*third)[0], (*third)[1]);
    }
    for (const std::string& line : softmaxRegionLines(run.finalNetwork, 4))
        plot.plotLayout()->addElement(
            plot.plotLayout()->rowCount(), 0,
            new QCPTextElement(&plot, QString::fromStdString(line), QFont(QFont().family(), 10)));
    plot.legend->setVisible(true);
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(
        0, 0,
        new QCPTextElement(&plot,
                           "Decision regions after training — " + QString::fromStdString(run.label),
                           QFont(QFont().family(), 11)));
}

} // namespace

bool saveTrainingFigure(const DataSplit& data, const std::vector<TrainingRun>& runs,
                        const QString& dataName, const QString& path, QString& error) {
    if (runs.empty()) {
        error = "no runs to plot";
        return false;
    }
    if (!isPlotImageFormat(path)) {
        error = path + ": expected a name ending in .png, .pdf or .svg";
        return false;
    }
    const QSize cell(760, 560);
    QCustomPlot lossPlot, regionPlot;
    lossPlot.resize(cell);
    regionPlot.resize(cell);
    setUpLossPlot(lossPlot, runs);
    std::vector<QCustomPlot*> plots = {&lossPlot};
    if (data.train.inputCount() == 2 && runs.front().finalNetwork.layerCount() >= 2) {
        setUpRegionPlot(regionPlot, data, runs.front());
        plots.push_back(&regionPlot);
    }
    // savePlots writes through the one safe-write path (io/safe_file.h): all or
    // nothing, and never onto a device or pipe.
    return savePlots(plots, static_cast<int>(plots.size()), cell, path, error,
                     "Training — " + dataName);
}

} // namespace bpl::gui
