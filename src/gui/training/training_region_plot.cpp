#include "gui/training/training_region_plot.h"

#include "core/decision.h"
#include "core/number_format.h"
#include "core/training/batch_passes.h"
#include "core/training/trainer.h"
#include "gui/plot_style.h"
#include "gui/training/training_session.h"

#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

constexpr int kGridSize = 100;
constexpr int kNoteFigures = 3;  // significant figures of the notes under the axes
constexpr int kMaxTieNotes = 6;  // tie lines listed under the axes (4 classes); the export has all
constexpr double kLighten = 0.5; // share of white in the region colours, so points stay visible
const QRgb kBoundary = qRgb(40, 40, 40);

} // namespace

TrainingRegionPlot::TrainingRegionPlot(QWidget* parent)
    : TrainingPlot(tr("Decision regions"), parent) {
    styleAxisRect(axisRect());
    xAxis->setLabel("x₁");
    yAxis->setLabel("x₂");
    pixmap_ = new QCPItemPixmap(this);
    pixmap_->setScaled(true, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    pixmap_->setVisible(false);
    legend->setVisible(false);
}

void TrainingRegionPlot::setSession(const TrainingSession* session) {
    session_ = session;
    clearGraphs();
    thirdGraph_ = nullptr;
    curveGraph_ = nullptr;
    thirdPoint_.reset();
    shownNetwork_.reset();
    setNotes({});
    image_ = QImage();
    shownClass_.clear();
    frameId_ = 0;
    frameRun_ = frameEpoch_ = -1;
    pixmap_->setVisible(false);
    setGridToData();
    placeData();
    fitView();
    requestReplot();
}

void TrainingRegionPlot::setGridToData() {
    grid_ = compute::PlaneGrid{};
    grid_.nx = grid_.ny = kGridSize;
    if (!session_ || !session_->data || session_->data->inputCount() != 2 ||
        session_->data->sampleCount() == 0)
        return;
    const Eigen::MatrixXd& x = session_->data->inputs;
    const double x0 = x.row(0).minCoeff(), x1 = x.row(0).maxCoeff();
    const double y0 = x.row(1).minCoeff(), y1 = x.row(1).maxCoeff();
    const double pad = 0.08 * std::max({x1 - x0, y1 - y0, 1e-6});
    grid_.xMin = x0 - pad;
    grid_.xMax = x1 + pad;
    grid_.yMin = y0 - pad;
    grid_.yMax = y1 + pad;
}

void TrainingRegionPlot::placeData() {
    if (!session_ || !session_->split)
        return;
    const DataSplit& split = *session_->split;
    if (session_->isCurve()) {
        setTitle(tr("Fitted curve"));
        xAxis->setLabel("x");
        yAxis->setLabel("y");
        QCPGraph* points = addGraph();
        points->setLineStyle(QCPGraph::lsNone);
        points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(90, 90, 90), 4));
        for (const Dataset* part : {&split.train, &split.validation, &split.test}) {
            for (int i = 0; i < part->sampleCount(); ++i)
                points->addData(part->inputs(0, i), part->targets(0, i));
        }
        curveGraph_ = addGraph();
        curveGraph_->setPen(QPen(runColour(selectedRun_), 2));
        return;
    }
    setTitle(tr("Decision regions"));
    xAxis->setLabel("x₁");
    yAxis->setLabel("x₂");
    if (!session_->isTwoD() || !session_->data->isClassification()) {
        setTitle(tr("Decision regions (for 2-D inputs)"));
        return;
    }
    // One colour and one marker shape per class.
    auto addPoints = [&](const Dataset& part, bool test) {
        for (int k = 0; k < session_->classes(); ++k) {
            QCPGraph* g = addGraph();
            g->setLineStyle(QCPGraph::lsNone);
            const QColor c = classColour(k);
            // Each class its shape as well as its colour: training points
            // filled, test points hollow.
            g->setScatterStyle(
                test ? QCPScatterStyle(seriesShape(k), QPen(c.darker(170), 1.5), Qt::white, 8)
                     : QCPScatterStyle(seriesShape(k), QPen(QColor(30, 30, 30), 0.8), c, 7));
            for (int i = 0; i < part.sampleCount(); ++i) {
                if (part.labels[static_cast<std::size_t>(i)] == k)
                    g->addData(part.inputs(0, i), part.inputs(1, i));
            }
        }
    };
    addPoints(split.train, false);
    addPoints(split.test, true);
    thirdGraph_ = addGraph();
    thirdGraph_->setLineStyle(QCPGraph::lsNone);
    thirdGraph_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssStar, QPen(Qt::black, 2.5), QBrush(Qt::NoBrush), 16));
}

void TrainingRegionPlot::appendValues(int, int) {}

void TrainingRegionPlot::fitView() {
    if (session_ && session_->isCurve()) {
        rescaleAxes();
        return;
    }
    xAxis->setRange(grid_.xMin, grid_.xMax);
    yAxis->setRange(grid_.yMin, grid_.yMax);
}

QRgb TrainingRegionPlot::regionColour(const Eigen::MatrixXd& outputs, int c) {
    double r = 0, g = 0, b = 0;
    auto add = [&](const QColor& colour, double w) {
        r += w * colour.redF();
        g += w * colour.greenF();
        b += w * colour.blueF();
    };
    if (outputs.rows() == 1) {
        const double p = std::clamp(outputs(0, c), 0.0, 1.0);
        add(classColour(0), 1 - p);
        add(classColour(1), p);
    } else {
        for (Eigen::Index k = 0; k < outputs.rows(); ++k)
            add(classColour(static_cast<int>(k)), std::clamp(outputs(k, c), 0.0, 1.0));
    }
    auto channel = [](double v) {
        return static_cast<int>(
            std::lround(255 * std::clamp(kLighten + (1 - kLighten) * v, 0.0, 1.0)));
    };
    return qRgb(channel(r), channel(g), channel(b));
}

void TrainingRegionPlot::setFrame(const compute::HeatMapFrame& frame) {
    const compute::PlaneGrid& g = frame.grid;
    if (frame.outputs.cols() != g.size() || g.size() == 0)
        return;
    shownGrid_ = g;
    frameId_ = frame.id;
    frameRun_ = frame.run;
    frameEpoch_ = frame.epoch;
    image_ = QImage(g.nx, g.ny, QImage::Format_RGB32);
    shownClass_.assign(static_cast<std::size_t>(g.size()), 0);
    for (int c = 0; c < g.size(); ++c)
        shownClass_[static_cast<std::size_t>(c)] = training::predictedClass(frame.outputs, c);
    for (int iy = 0; iy < g.ny; ++iy) {
        auto* line = reinterpret_cast<QRgb*>(image_.scanLine(g.ny - 1 - iy)); // row 0 is the top
        for (int ix = 0; ix < g.nx; ++ix) {
            const int c = iy * g.nx + ix;
            const int k = shownClass_[static_cast<std::size_t>(c)];
            // A tie boundary passes between this point and its right or upper neighbour.
            const bool edge =
                (ix + 1 < g.nx && shownClass_[static_cast<std::size_t>(c + 1)] != k) ||
                (iy + 1 < g.ny && shownClass_[static_cast<std::size_t>(c + g.nx)] != k);
            line[ix] = edge ? kBoundary : regionColour(frame.outputs, c);
        }
    }
    pixmap_->setPixmap(QPixmap::fromImage(image_));
    pixmap_->topLeft->setCoords(g.xMin, g.yMax);
    pixmap_->bottomRight->setCoords(g.xMax, g.yMin);
    pixmap_->setVisible(true);
    thirdPoint_ = frame.outputs.rows() == 3 ? findThirdPoint(frame) : std::nullopt;
    if (thirdGraph_) {
        thirdGraph_->data()->clear();
        if (thirdPoint_)
            thirdGraph_->addData(thirdPoint_->x(), thirdPoint_->y());
    }
    shownNetwork_ = frame.network;
    QStringList lines;
    for (const std::string& line : softmaxRegionLines(frame.network, kNoteFigures))
        lines << QString::fromStdString(line);
    if (lines.isEmpty() && thirdPoint_) // a hidden layer: the grid point nearest to ⅓, ⅓, ⅓
        lines << tr("⅓ point ≈ %1 (nearest grid point)")
                     .arg(QString::fromStdString(planePointText(
                         Eigen::Vector2d(thirdPoint_->x(), thirdPoint_->y()), kNoteFigures)));
    if (lines.size() > kMaxTieNotes + 1) {
        const qsizetype more = lines.size() - (kMaxTieNotes + 1);
        lines = lines.mid(0, kMaxTieNotes + 1);
        lines << tr("… %n more tie line(s) in the export", nullptr, static_cast<int>(more));
    }
    setNotes(lines);
    ++framesShown_;
    requestReplot();
}

void TrainingRegionPlot::setNotes(const QStringList& lines) {
    if (static_cast<qsizetype>(notes_.size()) != lines.size()) {
        for (PlotTitle* note : notes_)
            plotLayout()->remove(note);
        notes_.clear();
        plotLayout()->simplify();
        for (const QString& line : lines) {
            auto* note = new PlotTitle(this, line, PlotTitle::Note);
            plotLayout()->addElement(plotLayout()->rowCount(), 0, note);
            notes_.push_back(note);
        }
        emit usefulSizeChanged(); // each note is a line more of height
        return;
    }
    for (std::size_t i = 0; i < notes_.size(); ++i)
        notes_[i]->setText(lines[static_cast<qsizetype>(i)]);
}

QStringList TrainingRegionPlot::notes() const {
    QStringList lines;
    for (const PlotTitle* note : notes_)
        lines << note->text();
    return lines;
}

QString TrainingRegionPlot::hoverText(const QPointF& pixel) const {
    if (!axisRect()->rect().contains(pixel.toPoint()))
        return {};
    return readoutAt(xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y()));
}

QString TrainingRegionPlot::readoutAt(double x1, double x2) const {
    if (!shownNetwork_ || shownNetwork_->inputSize() != 2 || !session_ || !session_->data ||
        !session_->data->isClassification())
        return {};
    const Eigen::MatrixXd p = predictBatch(*shownNetwork_, Eigen::Vector2d(x1, x2));
    const std::string where = planePointText(Eigen::Vector2d(x1, x2), kNoteFigures);
    QStringList lines{tr("x = %1").arg(QString::fromStdString(where))};
    // One sigmoid output: p(1 | x) = y, p(0 | x) = 1 − y.
    const bool binary = p.rows() == 1;
    const Eigen::Index classes = binary ? 2 : p.rows();
    for (Eigen::Index c = 0; c < classes; ++c) {
        const double pc = binary ? (c == 1 ? p(0, 0) : 1 - p(0, 0)) : p(c, 0);
        lines << tr("p(%1 | x) = %2").arg(c).arg(QString::fromStdString(formatNumber(pc, 4)));
    }
    lines << tr("predicted class %1").arg(training::predictedClass(p, 0));
    return lines.join('\n');
}

std::optional<QPointF> TrainingRegionPlot::findThirdPoint(const compute::HeatMapFrame& frame) {
    const Network& network = frame.network;
    if (network.layerCount() == 2) {
        const auto exact = softmaxThirdPoint(network);
        if (!exact)
            return std::nullopt;
        return QPointF((*exact)[0], (*exact)[1]);
    }
    double best = 1;
    int bestColumn = -1;
    for (Eigen::Index c = 0; c < frame.outputs.cols(); ++c) {
        const double off = (frame.outputs.col(c).array() - 1.0 / 3.0).abs().maxCoeff();
        if (off < best) {
            best = off;
            bestColumn = static_cast<int>(c);
        }
    }
    if (bestColumn < 0 || best > 0.05)
        return std::nullopt;
    const int nx = frame.grid.nx;
    return QPointF(frame.grid.x(bestColumn % nx), frame.grid.y(bestColumn / nx));
}

int TrainingRegionPlot::shownClassAt(double x, double y) const {
    if (shownClass_.empty())
        return -1;
    const int ix = static_cast<int>(
        std::floor((x - shownGrid_.xMin) / (shownGrid_.xMax - shownGrid_.xMin) * shownGrid_.nx));
    const int iy = static_cast<int>(
        std::floor((y - shownGrid_.yMin) / (shownGrid_.yMax - shownGrid_.yMin) * shownGrid_.ny));
    if (ix < 0 || iy < 0 || ix >= shownGrid_.nx || iy >= shownGrid_.ny)
        return -1;
    return shownClass_[static_cast<std::size_t>(iy * shownGrid_.nx + ix)];
}

void TrainingRegionPlot::setCurve(const Network& network) {
    if (!curveGraph_ || !session_ || !session_->data)
        return;
    const Eigen::MatrixXd& x = session_->data->inputs;
    const double x0 = x.row(0).minCoeff(), x1 = x.row(0).maxCoeff();
    constexpr int n = 200;
    Eigen::MatrixXd xs(1, n);
    for (int i = 0; i < n; ++i)
        xs(0, i) = x0 + (x1 - x0) * i / (n - 1);
    const Eigen::MatrixXd ys = predictBatch(network, xs);
    QVector<double> keys(n), values(n);
    for (int i = 0; i < n; ++i) {
        keys[i] = xs(0, i);
        values[i] = ys(0, i);
    }
    curveGraph_->setPen(QPen(runColour(selectedRun_), 2));
    curveGraph_->setData(keys, values, true);
    ++framesShown_;
    requestReplot();
}

} // namespace bpl::gui
