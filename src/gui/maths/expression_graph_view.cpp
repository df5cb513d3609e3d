#include "gui/maths/expression_graph_view.h"

#include "gui/maths/expression_node_item.h"
#include "gui/maths/maths_text.h"

#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

constexpr double kColumnGap = 165;
constexpr double kRowGap = 132;
const QColor kEdge(130, 130, 130);
const QColor kActiveEdge(0x1f, 0x8a, 0x8a);

bool isGiven(const GraphNode& n) {
    return n.op == ExprOp::Variable || n.op == ExprOp::Constant;
}

} // namespace

ExpressionGraphView::ExpressionGraphView(QWidget* parent)
    : QGraphicsView(parent), scene_(new QGraphicsScene(this)) {
    setScene(scene_);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setBackgroundBrush(Qt::white);
    setMinimumSize(320, 220);
    setFocusPolicy(Qt::StrongFocus);
}

void ExpressionGraphView::layoutNodes(std::vector<QPointF>& positions) const {
    const auto& nodes = graph_->nodes;
    std::vector<int> level(nodes.size(), 0);
    int maxLevel = 0;
    for (const GraphNode& n : nodes) {
        for (int in : n.inputs)
            level[n.id] = std::max(level[n.id], level[in] + 1);
        maxLevel = std::max(maxLevel, level[n.id]);
    }
    positions.assign(nodes.size(), QPointF());
    // Order each column by the mean height of the inputs (fewer crossings).
    std::vector<double> key(nodes.size(), 0);
    for (int l = 0; l <= maxLevel; ++l) {
        std::vector<int> column;
        for (const GraphNode& n : nodes) {
            if (level[n.id] != l)
                continue;
            column.push_back(n.id);
            if (!n.inputs.empty()) {
                double sum = 0;
                for (int in : n.inputs)
                    sum += positions[in].y();
                key[n.id] = sum / double(n.inputs.size());
            } else {
                key[n.id] = double(n.id);
            }
        }
        std::stable_sort(column.begin(), column.end(),
                         [&key](int a, int b) { return key[a] < key[b]; });
        for (size_t i = 0; i < column.size(); ++i) {
            positions[column[i]] =
                QPointF(l * kColumnGap, (double(i) - (double(column.size()) - 1) / 2) * kRowGap);
        }
    }
}

void ExpressionGraphView::setGraph(const ExpressionGraph* graph) {
    scene_->clear();
    items_.clear();
    edges_.clear();
    graph_ = graph;
    if (!graph_)
        return;
    std::vector<QPointF> positions;
    layoutNodes(positions);
    for (const GraphNode& n : graph_->nodes) {
        auto* item =
            new ExpressionNodeItem(n.id, QString::fromStdString(n.opLabel.text),
                                   QString::fromStdString(n.symbol.text), n.op == ExprOp::Constant);
        item->setPos(positions[n.id]);
        item->setToolTip(QString::fromStdString(n.symbol.text + " = " + n.expression.text));
        scene_->addItem(item);
        items_.push_back(item);
    }
    for (const GraphNode& n : graph_->nodes) {
        for (size_t slot = 0; slot < n.inputs.size(); ++slot) {
            Edge e;
            e.from = n.inputs[slot];
            e.to = n.id;
            e.slot = int(slot);
            const QPointF a = positions[e.from];
            const QPointF b = positions[e.to];
            const QPointF d = b - a;
            const double len = std::hypot(d.x(), d.y());
            const QPointF u = len > 0 ? d / len : QPointF(1, 0);
            const QPointF normal(-u.y(), u.x());
            // Two uses by one node (x·x) bend apart.
            const double bend = (n.inputs.size() == 2 && n.inputs[0] == n.inputs[1])
                                    ? (slot == 0 ? 18.0 : -18.0)
                                    : 0.0;
            const QPointF start = a + u * ExpressionNodeItem::kRadius;
            const QPointF end = b - u * (ExpressionNodeItem::kRadius + 2);
            QPainterPath path(start);
            const QPointF control = (start + end) / 2 + normal * bend * 2;
            path.quadTo(control, end);
            e.curve = path;
            e.normal = normal;
            e.bend = bend;
            // Arrow head.
            const QPointF tip = end;
            const QPointF back = tip - u * 9;
            path.moveTo(tip);
            path.lineTo(back + normal * 4.5);
            path.moveTo(tip);
            path.lineTo(back - normal * 4.5);
            e.line = scene_->addPath(path, QPen(kEdge, 1.4));
            e.line->setZValue(0);
            e.back = scene_->addRect(QRectF(), Qt::NoPen, QColor(255, 255, 255, 225));
            e.back->setZValue(2);
            e.label = scene_->addSimpleText(QString());
            e.label->setZValue(3);
            QFont f = e.label->font();
            f.setPointSizeF(10);
            e.label->setFont(f);
            e.label->setBrush(kActiveEdge.darker(140));
            edges_.push_back(e);
        }
    }
    refresh();
    fitGraph();
}

void ExpressionGraphView::setStep(int step) {
    step_ = step;
    refresh();
}

void ExpressionGraphView::setCheckMode(bool on) {
    checkMode_ = on;
    refresh();
}

ExpressionNodeItem* ExpressionGraphView::nodeItem(int node) const {
    return node >= 0 && node < int(items_.size()) ? items_[node] : nullptr;
}

QStringList ExpressionGraphView::edgeLabels() const {
    QStringList labels;
    for (const Edge& e : edges_) {
        if (!e.label->text().isEmpty())
            labels << QString(e.label->text()).replace('\n', ' '); // as one line
    }
    return labels;
}

QList<ExpressionGraphView::LabelRect> ExpressionGraphView::labelRects() const {
    QList<LabelRect> out;
    for (const ExpressionNodeItem* item : items_) {
        for (const auto& l : item->labels())
            out.push_back({l.text, item->mapRectToScene(l.rect)});
    }
    for (const Edge& e : edges_) {
        if (e.back->isVisible())
            out.push_back({QString(e.label->text()).replace('\n', ' '), e.back->rect()});
    }
    return out;
}

void ExpressionGraphView::refresh() {
    if (!graph_)
        return;
    const int precision = graph_->options.precision;
    const int current = step_ >= 1 ? step_ - 1 : -1;
    const BackwardStep* step = current >= 0 && current < int(graph_->backward.size())
                                   ? &graph_->backward[current]
                                   : nullptr;
    for (const GraphNode& n : graph_->nodes) {
        ExpressionNodeItem* item = items_[n.id];
        const bool showValue = !checkMode_ || isGiven(n);
        item->setValueText(showValue ? "= " + mathsNumber(n.value, precision) : QString());
        const int own = graph_->backwardStepOf(n.id);
        const bool reached = !checkMode_ && own >= 0 && step && own <= current;
        QString grad;
        if (reached) {
            grad = "∂f/∂" + QString::fromStdString(n.symbol.text) + " = " +
                   mathsNumber(n.grad, precision);
            if (n.users.size() > 1)
                grad += QString("\n(sum of %1 uses)").arg(n.users.size());
        }
        item->setGradText(grad);
        item->setRole(ExpressionNodeItem::Role::Normal);
    }
    for (Edge& e : edges_) {
        e.line->setPen(QPen(kEdge, 1.4));
        e.label->setText(QString());
        e.back->setVisible(false);
    }
    if (!step || checkMode_)
        return;
    // What a label must not cover: every node's texts (placeLabel keeps off
    // the circles too).
    QList<QRectF> taken;
    for (const ExpressionNodeItem* item : items_) {
        for (const auto& l : item->labels())
            taken << item->mapRectToScene(l.rect);
    }
    items_[step->node]->setRole(ExpressionNodeItem::Role::Current);
    for (const GradContribution& c : step->contributions) {
        items_[c.use.user]->setRole(ExpressionNodeItem::Role::Contributor);
        for (Edge& e : edges_) {
            if (e.from == step->node && e.to == c.use.user && e.slot == c.use.slot) {
                e.line->setPen(QPen(kActiveEdge, 3));
                e.label->setText(mathsNumber(c.local, precision) + " × " +
                                 mathsNumber(c.upstream, precision) + " = " +
                                 mathsNumber(c.value, precision));
                placeLabel(e, taken);
            }
        }
    }
}

void ExpressionGraphView::placeLabel(Edge& e, QList<QRectF>& taken) const {
    auto overlap = [&](const QRectF& r) {
        double area = 0;
        for (const QRectF& t : taken) {
            const QRectF i = r.intersected(t);
            area += i.width() * i.height();
        }
        // A circle covered counts as much as a text covered.
        for (const ExpressionNodeItem* item : items_) {
            const QPointF c = item->scenePos();
            const QPointF nearest(std::clamp(c.x(), r.left(), r.right()),
                                  std::clamp(c.y(), r.top(), r.bottom()));
            const QPointF d = nearest - c;
            if (std::hypot(d.x(), d.y()) < ExpressionNodeItem::kRadius + 2)
                area += r.width() * r.height();
        }
        return area;
    };
    // Along the edge from its middle outwards, just beside the line, then
    // further off it; on one line, else on two ("local × upstream" over
    // "= value"): the first place that covers nothing.
    const QString oneLine = e.label->text();
    const QString twoLines = QString(oneLine).replace(" = ", "\n= ");
    QRectF best;
    QString bestText = oneLine;
    double bestOverlap = -1;
    const double along[] = {0.5, 0.55, 0.45, 0.65, 0.35, 0.75, 0.25, 0.85, 0.15};
    const double off[] = {-11, 11, -24, 24, -38, 38};
    for (const QString& text : {oneLine, twoLines}) {
        e.label->setText(text);
        const QRectF box = e.label->boundingRect();
        for (double d : off) {
            for (double t : along) {
                const QPointF centre = e.curve.pointAtPercent(t) + e.normal * (d + e.bend * 0.5);
                const QRectF r = box.translated(centre - box.center()).adjusted(-2, 0, 2, 0);
                const double o = overlap(r);
                if (bestOverlap < 0 || o < bestOverlap) {
                    best = r;
                    bestText = text;
                    bestOverlap = o;
                }
                if (o == 0)
                    break;
            }
            if (bestOverlap == 0)
                break;
        }
        if (bestOverlap == 0)
            break;
    }
    // On a light background, so the line under it does not strike it through.
    e.label->setText(bestText);
    e.label->setPos(best.topLeft() + QPointF(2, 0));
    e.back->setRect(best);
    e.back->setVisible(true);
    taken << best;
}

void ExpressionGraphView::fitGraph() {
    if (!graph_ || items_.empty())
        return;
    const QRectF bounds = scene_->itemsBoundingRect().adjusted(-10, -10, 10, 10);
    scene_->setSceneRect(bounds);
    fitInView(bounds, Qt::KeepAspectRatio);
    // Never larger than 1.3× (a two-node graph should not fill the screen).
    if (transform().m11() > 1.3) {
        resetTransform();
        scale(1.3, 1.3);
        centerOn(bounds.center());
    }
}

void ExpressionGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitGraph();
}

void ExpressionGraphView::mousePressEvent(QMouseEvent* event) {
    for (QGraphicsItem* item : items(event->position().toPoint())) {
        if (auto* node = dynamic_cast<ExpressionNodeItem*>(item)) {
            emit nodeClicked(node->node());
            break;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

} // namespace bpl::gui
