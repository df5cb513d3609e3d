#include "gui/canvas/network_scene.h"
#include "gui/shown_text.h"

#include "core/truth_table.h"
#include "gui/canvas/canvas_content.h"
#include "gui/canvas/edge_bundle_item.h"
#include "gui/canvas/edge_item.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/layer_label_item.h"
#include "gui/canvas/neuron_item.h"
#include "gui/network_document.h"
#include "gui/step_display.h"

#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>

namespace bpl::gui {

NetworkScene::NetworkScene(NetworkDocument* document, QObject* parent)
    : QGraphicsScene(parent), document_(document), style_(CanvasStyle::make(Theme::Light, false, 1.0)) {
    connect(document_, &NetworkDocument::structureChanged, this, &NetworkScene::rebuild);
    connect(document_, &NetworkDocument::traceChanged, this, &NetworkScene::refresh);
    connect(document_, &NetworkDocument::positionChanged, this, &NetworkScene::refresh);
    connect(document_, &NetworkDocument::selectionChanged, this, &NetworkScene::syncSelectionFromDocument);
    connect(this, &QGraphicsScene::selectionChanged, this, &NetworkScene::syncSelectionFromScene);
    // Items move in bulk (every relayout and restyle moves all of them); a BSP
    // index would be rebuilt each time, which costs more than it saves here.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    rebuild();
}

NetworkScene::~NetworkScene() {
    // QGraphicsScene's destructor clears the selection; by then this object is
    // no longer a NetworkScene, so nothing may reach the document from here on.
    disconnect(this, nullptr, nullptr, nullptr);
    syncing_ = true;
    clear();
}

void NetworkScene::setCanvasStyle(const CanvasStyle& style) {
    style_ = style; // the items read it through a pointer: restyled, not rebuilt
    const Network& net = document_->network();
    bool same = static_cast<int>(neurons_.size()) == net.layerCount();
    for (int l = 0; same && l < net.layerCount(); ++l) same = static_cast<int>(neurons_[l].size()) == net.layers[l].size;
    if (!same) {
        rebuild();
        return;
    }
    placeItems();
    refresh();
}

NeuronItem* NetworkScene::neuronItem(int layer, int i) const {
    if (layer < 0 || layer >= static_cast<int>(neurons_.size())) return nullptr;
    if (i < 0 || i >= static_cast<int>(neurons_[layer].size())) return nullptr;
    return neurons_[layer][i];
}

EdgeItem* NetworkScene::edgeItem(int layer, int i, int j) const {
    if (layer < 1 || layer >= static_cast<int>(edges_.size())) return nullptr;
    const int fanIn = static_cast<int>(neurons_[layer - 1].size());
    if (i < 0 || j < 0 || j >= fanIn || i * fanIn + j >= static_cast<int>(edges_[layer].size())) return nullptr;
    return edges_[layer][i * fanIn + j];
}

EdgeLabelItem* NetworkScene::edgeLabelItem(int layer, int i, int j) const {
    if (layer < 1 || layer >= static_cast<int>(edgeLabels_.size()) || edgeLabels_[layer].empty()) return nullptr;
    const int fanIn = static_cast<int>(neurons_[layer - 1].size());
    if (i < 0 || j < 0 || j >= fanIn || i * fanIn + j >= static_cast<int>(edgeLabels_[layer].size())) return nullptr;
    return edgeLabels_[layer][i * fanIn + j];
}

bool NetworkScene::hasEdgeLabels() const {
    for (const auto& labels : edgeLabels_) {
        if (!labels.empty()) return true;
    }
    return false;
}

LayerLabelItem* NetworkScene::layerLabelItem(int layer) const {
    if (layer < 0 || layer >= static_cast<int>(layerLabels_.size())) return nullptr;
    return layerLabels_[layer];
}

QRectF NetworkScene::titleRect() const { return title_ ? title_->sceneBoundingRect() : QRectF(); }

QRectF NetworkScene::focusRect() const {
    if (highlighted_ < 0 || highlighted_ >= static_cast<int>(layout_.columnX.size())) return {};
    const int h = highlighted_;
    // What the step computes: the layer's values (a, z, δ and the bias
    // captions), its heading and band, the labels on the edges into it
    // (∂E/∂w, old → new), and the loss box on the loss step.
    QRectF r = band_ ? band_->sceneBoundingRect() : layout_.columnRect(h, style_.radius);
    if (layerLabels_[h]) r = r.united(layerLabels_[h]->sceneBoundingRect());
    for (const NeuronItem* n : neurons_[h]) r = r.united(n->sceneBoundingRect());
    const Step* step = document_->currentStep();
    const bool edgesComputed = step && (step->kind == StepKind::Gradient || step->kind == StepKind::Update);
    if (edgesComputed) {
        for (const EdgeLabelItem* label : edgeLabels_[h]) r = r.united(label->sceneBoundingRect());
    }
    if (step && step->kind == StepKind::Loss && loss_) r = r.united(loss_->sceneBoundingRect());
    return r;
}

QRectF NetworkScene::contextRect() const {
    if (highlighted_ < 0 || highlighted_ >= static_cast<int>(layout_.columnX.size())) return {};
    // The layer the signal comes from: the previous one going forward, the
    // next one going backward (δ⁽ˡ⁾ needs δ⁽ˡ⁺¹⁾).
    const Step* step = document_->currentStep();
    const bool backward = step && step->kind == StepKind::HiddenDelta;
    const int from = backward ? highlighted_ + 1 : highlighted_ - 1;
    QRectF r = focusRect();
    if (from < 0 || from >= static_cast<int>(neurons_.size())) return r;
    for (const NeuronItem* n : neurons_[from]) r = r.united(n->sceneBoundingRect());
    return r;
}

QString NetworkScene::warningText() const { return warnings_ ? warnings_->text() : QString(); }

QString NetworkScene::truthTableText() const {
    return truthTable_ && truthTable_->isVisible() ? truthTable_->toPlainText() : QString();
}

QRectF NetworkScene::contentRect() const {
    const double margin = style_.compact ? 10 : 30;
    return itemsBoundingRect().adjusted(-margin, -margin, margin, margin);
}

void NetworkScene::rebuild() {
    const Network& net = document_->network();
    // The items go, not the document's selection: a layer edited in the
    // Inspector stays selected (its page went back to the network's).
    syncing_ = true;
    clearSelection();
    clear();
    syncing_ = false;
    neurons_.clear();
    edges_.clear();
    edgeLabels_.clear();
    bundles_.clear();
    layerLabels_.clear();

    band_ = addPath(QPainterPath());
    band_->setZValue(-5);
    title_ = addSimpleText(shownName(net.name), style_.title);
    warnings_ = addSimpleText(QString(), style_.bold);
    truthTable_ = addText(QString(), style_.font);

    neurons_.resize(net.layerCount());
    edges_.resize(net.layerCount());
    edgeLabels_.resize(net.layerCount());
    bundles_.resize(net.layerCount(), nullptr);
    for (int l = 0; l < net.layerCount(); ++l) {
        auto* label = new LayerLabelItem(l, &style_);
        addItem(label);
        layerLabels_.push_back(label);
        for (int i = 0; i < net.layers[l].size; ++i) {
            auto* neuron = new NeuronItem(l, i, &style_);
            addItem(neuron);
            neurons_[l].push_back(neuron);
        }
        if (l == 0) continue;
        const int fanIn = net.layers[l - 1].size;
        const long long weights = static_cast<long long>(net.layers[l].size) * fanIn;
        if (weights > kMaxEdgeItemsPerLayer) {
            bundles_[l] = new EdgeBundleItem(l);
            addItem(bundles_[l]);
            continue;
        }
        const bool labelled = weights <= kMaxLabelledEdges;
        for (int i = 0; i < net.layers[l].size; ++i) {
            for (int j = 0; j < fanIn; ++j) {
                auto* edge = new EdgeItem(l, i, j, &style_);
                addItem(edge);
                edges_[l].push_back(edge);
                if (labelled) {
                    auto* edgeLabel = new EdgeLabelItem(l, i, j, &style_);
                    addItem(edgeLabel);
                    edgeLabels_[l].push_back(edgeLabel);
                }
            }
        }
    }
    loss_ = new LossItem(&style_);
    addItem(loss_);
    placeItems();
    refresh();
    syncSelectionFromDocument();
}

void NetworkScene::placeItems() {
    const Network& net = document_->network();
    setBackgroundBrush(style_.background);
    layout_ = layoutNetwork(net, style_);
    const double r = style_.radius;
    const double line = QFontMetricsF(style_.bold).height() + 2;
    title_->setFont(style_.title);
    title_->setBrush(style_.text);
    warnings_->setFont(style_.bold);
    warnings_->setBrush(style_.negative);
    truthTable_->setFont(style_.font);
    truthTable_->setDefaultTextColor(style_.text);
    for (int l = 0; l < net.layerCount(); ++l) {
        layerLabels_[l]->setPos(layout_.columnX[l], layout_.top - r - (layout_.detailed(l) && !layout_.beside(l) ? layout_.captionLines * line + 8 : 8));
        for (int i = 0; i < net.layers[l].size; ++i) neurons_[l][i]->setPos(layout_.neurons[l][i]);
        if (l == 0) continue;
        const int fanIn = net.layers[l - 1].size;
        if (bundles_[l]) {
            std::vector<QLineF> lines;
            lines.reserve(static_cast<std::size_t>(net.layers[l].size) * fanIn);
            for (int i = 0; i < net.layers[l].size; ++i) {
                for (int j = 0; j < fanIn; ++j) lines.emplace_back(layout_.neurons[l - 1][j], layout_.neurons[l][i]);
            }
            bundles_[l]->setLines(std::move(lines));
            continue;
        }
        for (int i = 0; i < net.layers[l].size; ++i) {
            for (int j = 0; j < fanIn; ++j) {
                edges_[l][i * fanIn + j]->setEnds(layout_.neurons[l - 1][j], layout_.neurons[l][i], r);
            }
        }
    }
}

void NetworkScene::refresh() {
    const Trace& trace = document_->trace();
    const Network& net = trace.network;
    if (static_cast<int>(neurons_.size()) != net.layerCount()) return; // a rebuild follows
    const int position = document_->position();
    const StepDisplay display = document_->hidesAllResults()       ? uncheckedDisplay(trace, position)
                                : document_->hidesCurrentResults() ? checkingDisplay(trace, position)
                                                                   : stepDisplay(trace, position);
    const double largest = largestEdgeValue(trace, display);

    title_->setText(shownName(net.name));
    for (int l = 0; l < net.layerCount(); ++l) {
        layerLabels_[l]->setText(layerTitle(trace, l), layerSubtitle(trace, l), display.activeLayer == l);
        for (int i = 0; i < net.layers[l].size; ++i) {
            NeuronItem* n = neurons_[l][i];
            n->setContent(neuronContent(trace, display, style_, l, i, layout_.detailed(l), layout_.beside(l)));
            n->setToolTip(neuronToolTip(trace, display, l, i));
        }
        if (l == 0) continue;
        const int fanIn = net.layers[l - 1].size;
        if (bundles_[l]) {
            refreshBundle(l, trace, display, largest);
            continue;
        }
        for (int i = 0; i < net.layers[l].size; ++i) {
            for (int j = 0; j < fanIn; ++j) {
                EdgeItem* e = edges_[l][i * fanIn + j];
                e->setLook(edgeLook(trace, display, style_, l, i, j, largest));
                e->setToolTip(edgeToolTip(trace, display, l, i, j));
                if (EdgeLabelItem* label = edgeLabelItem(l, i, j)) {
                    const bool fresh = display.freshGradient(l) || display.freshUpdate(l);
                    label->setText(edgeLabelLines(trace, display, l, i, j), e->look().colour, fresh, e->look().dimmed);
                    label->setToolTip(e->toolTip());
                }
            }
        }
    }
    int freshLine = -1;
    QStringList lines;
    int freshShown = -1;
    const QStringList full = lossLines(trace, display, &freshLine);
    for (int k = 0; k < full.size(); ++k) {
        if (k == freshLine) freshShown = static_cast<int>(lines.size());
        lines << compactLines(full[k], style_.compact);
    }
    const bool lossActive = display.step && display.step->kind == StepKind::Loss;
    loss_->setText(lines, freshShown, lossActive);
    const double lastX = layout_.columnX.back();
    if (style_.compact && net.layers.back().size <= 2) {
        // Under the output neurons' values: the width goes to the columns.
        const QSizeF box = loss_->boxSize();
        const double valuesBottom = layout_.neurons.back().back().y() + style_.radius + 3 * layout_.lineHeight + 16;
        loss_->setPos(lastX - box.width() / 2, valuesBottom + box.height() / 2);
    } else {
        // Right of the output column (and of the values beside it), level with its middle.
        const int last = net.layerCount() - 1;
        const double besideValues = layout_.beside(last) ? layout_.besideWidth : 0.0;
        const std::vector<QPointF>& outputsAt = layout_.neurons.back();
        const double middle = layout_.topAligned ? (outputsAt.front().y() + outputsAt.back().y()) / 2 : 0.0;
        loss_->setPos(lastX + style_.radius + besideValues + layout_.columnGap * 0.3, middle);
    }
    std::vector<QPointF> outputs;
    for (NeuronItem* n : neurons_.back()) {
        // Values beside the output neurons: the leaders start after them.
        const QRectF text = n->textSceneRect();
        const bool beside = n->content().beside && !text.isNull();
        outputs.push_back(beside ? QPointF(text.right() - style_.radius, n->pos().y()) : n->pos());
    }
    loss_->setOutputs(outputs, style_.radius);

    const int previous = highlighted_;
    const int previousPosition = shownPosition_;
    highlighted_ = display.activeLayer;
    shownPosition_ = position;
    QPainterPath bandPath;
    if (highlighted_ >= 0) bandPath.addRoundedRect(layout_.columnRect(highlighted_, style_.radius), 14, 14);
    band_->setPath(bandPath);
    band_->setBrush(style_.band);
    band_->setPen(QPen(style_.bandBorder, style_.lineWidth, Qt::DashLine));

    placeEdgeLabels();
    // The title sits above the tallest layer heading, left-aligned with the input column.
    double headingTop = 0;
    for (LayerLabelItem* label : layerLabels_) headingTop = std::min(headingTop, label->pos().y() - label->size().height());
    title_->setPos(layout_.columnX.front() - style_.radius * 1.5,
                   headingTop - title_->boundingRect().height() - style_.radius * (style_.compact ? 0.3 : 0.6));
    // Step units and the like: said on the canvas, not left as silent zeros.
    QStringList warnings;
    for (const std::string& w : trace.warnings) warnings << QStringLiteral("⚠ ") + QString::fromStdString(w);
    for (const std::string& w : truthTableDisagreements(net)) warnings << QStringLiteral("⚠ ") + QString::fromStdString(w);
    warnings_->setText(warnings.join('\n'));
    const double left = layout_.columnX.front() - style_.radius * 1.5;
    warnings_->setPos(left, layout_.bottom + style_.radius + 4 * layout_.lineHeight + 24);
    // Check mode keeps the table back: its outputs are what the student computes.
    const QString table = document_->hidesCurrentResults() ? QString() : truthTableHtml(trace, style_);
    truthTable_->setHtml(table);
    truthTable_->setVisible(!table.isEmpty());
    truthTable_->setPos(left, warnings_->pos().y() + (warnings.isEmpty() ? 0 : warnings_->boundingRect().height() + 12));
    setSceneRect(contentRect());
    if (previous != highlighted_ || previousPosition != position) emit focusChanged();
}

void NetworkScene::refreshBundle(int l, const Trace& trace, const StepDisplay& display, double largest) {
    const Network& net = trace.network;
    const int fanIn = net.layers[l - 1].size;
    std::vector<QColor> colours;
    colours.reserve(static_cast<std::size_t>(net.layers[l].size) * fanIn);
    bool dimmed = false;
    for (int i = 0; i < net.layers[l].size; ++i) {
        for (int j = 0; j < fanIn; ++j) {
            const EdgeLook look = edgeLook(trace, display, style_, l, i, j, largest);
            colours.push_back(look.colour);
            dimmed = look.dimmed;
        }
    }
    bundles_[l]->setColours(colours, dimmed);
}

void NetworkScene::placeEdgeLabels() {
    const Network& net = document_->network();
    for (int l = 1; l < net.layerCount(); ++l) {
        if (edgeLabels_[l].empty()) continue;
        std::vector<QLineF> lines;
        std::vector<QSizeF> sizes;
        for (size_t k = 0; k < edgeLabels_[l].size(); ++k) {
            lines.push_back(edges_[l][k]->line());
            sizes.push_back(edgeLabels_[l][k]->size());
        }
        std::vector<QRectF> obstacles;
        for (int side : {l - 1, l}) {
            for (NeuronItem* n : neurons_[side]) {
                obstacles.push_back(n->textSceneRect());
                const double r = n->radius() + 4;
                obstacles.emplace_back(n->pos().x() - r, n->pos().y() - r, 2 * r, 2 * r);
            }
        }
        std::vector<QPointF> centres = gui::placeEdgeLabels(lines, sizes, obstacles);
        std::vector<std::optional<QPointF>> leaders(centres.size());
        // Cards still covering each other: stack them between the two layers'
        // texts instead, each with a leader line to its edge.
        if (gui::labelOverlap(centres, sizes) >= 1.0) {
            double left = -INFINITY, right = INFINITY, top = INFINITY, bottom = -INFINITY;
            for (NeuronItem* n : neurons_[l - 1]) {
                left = std::max({left, n->textSceneRect().right(), n->pos().x() + n->radius()});
            }
            for (NeuronItem* n : neurons_[l]) {
                right = std::min({right, n->textSceneRect().left(), n->pos().x() - n->radius()});
            }
            for (const QRectF& o : obstacles) {
                top = std::min(top, o.top());
                bottom = std::max(bottom, o.bottom());
            }
            // Between the columns the band reaches up to the layer headings:
            // nothing else is drawn there.
            for (int side : {l - 1, l}) {
                const QRectF heading = layerLabels_[side]->sceneBoundingRect();
                top = std::min(top, heading.bottom() + 4);
            }
            const QRectF band(QPointF(left + 8, top), QPointF(right - 8, bottom));
            gui::StackedLabels stacked = gui::stackEdgeLabels(lines, sizes, band);
            if (stacked.centres.empty()) {
                // Old → new cards one line lower each ("w₁₁⁽²⁾: 0.3" over "→ 0.302541"), and try again,
                for (size_t k = 0; k < sizes.size(); ++k) {
                    edgeLabels_[l][k]->joinNumberLines();
                    sizes[k] = edgeLabels_[l][k]->size();
                }
                // and closer to the two layers' texts.
                const QRectF wider(QPointF(left + 3, top), QPointF(right - 3, bottom));
                stacked = gui::stackEdgeLabels(lines, sizes, wider);
                if (stacked.centres.empty()) {
                    // No room for a stack either (the 4-layer example's update of layer 2):
                    // the cards stay on their edges as first placed.
                    for (size_t k = 0; k < sizes.size(); ++k) edgeLabels_[l][k]->restoreNumberLines();
                }
            }
            if (!stacked.centres.empty()) {
                centres = stacked.centres;
                for (size_t k = 0; k < centres.size(); ++k) leaders[k] = stacked.anchors[k];
            }
        }
        for (size_t k = 0; k < centres.size(); ++k) {
            edgeLabels_[l][k]->setPos(centres[k]);
            edgeLabels_[l][k]->setLeader(leaders[k]);
        }
    }
}

void NetworkScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem* item : items(event->scenePos())) {
            if (auto* label = qgraphicsitem_cast<EdgeLabelItem*>(item)) {
                if (EdgeItem* edge = edgeItem(label->layer(), label->target(), label->source())) {
                    clearSelection();
                    edge->setSelected(true);
                    event->accept();
                    return;
                }
            }
            if (item->flags() & QGraphicsItem::ItemIsSelectable) break;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void NetworkScene::syncSelectionFromScene() {
    if (syncing_) return;
    Selection s;
    const QList<QGraphicsItem*> selected = selectedItems();
    if (!selected.isEmpty()) {
        QGraphicsItem* item = selected.first();
        if (auto* n = qgraphicsitem_cast<NeuronItem*>(item)) s = Selection::ofNeuron(n->layer(), n->index());
        else if (auto* e = qgraphicsitem_cast<EdgeItem*>(item)) s = Selection::ofEdge(e->layer(), e->target(), e->source());
        else if (auto* l = qgraphicsitem_cast<LayerLabelItem*>(item)) s = Selection::ofLayer(l->layer());
    }
    syncing_ = true;
    document_->setSelection(s);
    syncing_ = false;
}

void NetworkScene::syncSelectionFromDocument() {
    if (syncing_) return;
    syncing_ = true;
    clearSelection();
    const Selection& s = document_->selection();
    QGraphicsItem* item = nullptr;
    if (s.kind == Selection::Neuron) item = neuronItem(s.layer, s.neuron);
    else if (s.kind == Selection::Edge) item = edgeItem(s.layer, s.neuron, s.source);
    else if (s.kind == Selection::Layer) item = layerLabelItem(s.layer);
    if (item) item->setSelected(true);
    syncing_ = false;
}

} // namespace bpl::gui
