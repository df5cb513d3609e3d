#include "gui/canvas_menu.h"

#include "gui/canvas/edge_item.h"
#include "gui/canvas/edge_label_item.h"
#include "gui/canvas/layer_label_item.h"
#include "gui/canvas/network_view.h"
#include "gui/canvas/neuron_item.h"
#include "gui/inspector/inspector_panel.h"
#include "gui/inspector/value_spin_box.h"
#include "gui/network_document.h"
#include "gui/network_editor.h"
#include "gui/network_workspace.h"
#include "gui/widen_dialog.h"

#include <QApplication>
#include <QMenu>

namespace bpl::gui {

namespace {

Selection selectionAt(NetworkView* view, const QPoint& viewPos) {
    for (QGraphicsItem* item : view->items(viewPos)) {
        if (auto* n = qgraphicsitem_cast<NeuronItem*>(item)) return Selection::ofNeuron(n->layer(), n->index());
        if (auto* e = qgraphicsitem_cast<EdgeItem*>(item)) return Selection::ofEdge(e->layer(), e->target(), e->source());
        if (auto* e = qgraphicsitem_cast<EdgeLabelItem*>(item)) return Selection::ofEdge(e->layer(), e->target(), e->source());
        if (auto* l = qgraphicsitem_cast<LayerLabelItem*>(item)) return Selection::ofLayer(l->layer());
    }
    return {};
}

void addLayerActions(QMenu* menu, NetworkEditor* editor, int layer) {
    const Network& net = editor->document()->network();
    const Notation& n = editor->document()->traceOptions().notation;
    if (layer > 0) {
        QMenu* activation = menu->addMenu(QObject::tr("Activation of layer %1").arg(n.displayLayer(layer)));
        for (Activation a : allActivations()) {
            QAction* action = activation->addAction(QString::fromStdString(activationName(a)));
            action->setCheckable(true);
            action->setChecked(net.layers[layer].activation.kind == a);
            action->setEnabled(a != Activation::Softmax || layer == net.lastLayer());
            QObject::connect(action, &QAction::triggered, editor, [editor, layer, a] {
                ActivationFunction f = editor->document()->network().layers[layer].activation;
                f.kind = a;
                editor->setActivation(layer, f);
            });
        }
    }
    menu->addAction(QObject::tr("Add a neuron to layer %1").arg(n.displayLayer(layer)), editor,
                    [editor, layer] { editor->addNeuron(layer, editor->document()->network().layers[layer].size); });
    if (layer > 0) {
        menu->addAction(QObject::tr("Insert a layer before"), editor, [editor, layer] { editor->insertLayerAt(layer); });
    }
    menu->addAction(QObject::tr("Insert a layer after"), editor, [editor, layer] { editor->insertLayerAt(layer + 1); });
    QAction* remove = menu->addAction(QObject::tr("Remove layer %1").arg(n.displayLayer(layer)), editor,
                                      [editor, layer] { editor->removeLayer(layer); });
    remove->setEnabled(layer > 0 && net.layerCount() > 2);
}

} // namespace

void addHiddenLayerActions(QMenu* menu, NetworkEditor* editor) {
    const Network& net = editor->document()->network();
    const bool hidden = net.layerCount() > 2;
    QMenu* all = menu->addMenu(QObject::tr("Activation of every hidden layer"));
    all->setEnabled(hidden);
    for (Activation a : allActivations()) {
        if (a == Activation::Softmax) continue;
        QAction* action = all->addAction(QString::fromStdString(activationName(a)));
        action->setData(int(a));
        QObject::connect(action, &QAction::triggered, editor, [editor, a] {
            ActivationFunction f;
            f.kind = a;
            editor->setHiddenActivations(f);
        });
    }
    QAction* widen = menu->addAction(QObject::tr("Make the hidden layers two units wide"), editor,
                                     [editor] { editor->widenHiddenLayers(); });
    widen->setObjectName("actionWidenHidden");
    // The same with the copies varied (seeded), so they can part ways (section 3).
    QAction* varied = menu->addAction(
        QObject::tr("Make the hidden layers two units wide, copies varied…"), editor, [editor] {
            WidenDialog dialog(QApplication::activeWindow());
            if (dialog.exec() == QDialog::Accepted)
                editor->widenHiddenLayers(dialog.perturbation(), dialog.seed());
        });
    varied->setObjectName("actionWidenHiddenVaried");
    bool narrow = false;
    for (int l = 1; l < net.lastLayer(); ++l) narrow = narrow || net.layers[l].size < 2;
    widen->setEnabled(hidden && narrow);
    varied->setEnabled(hidden && narrow);
}

void fillCanvasMenu(QMenu* menu, NetworkWorkspace* workspace, const QPoint& viewPos) {
    NetworkEditor* editor = workspace->editor();
    NetworkDocument* doc = workspace->document();
    const Selection s = selectionAt(workspace->view(), viewPos);
    doc->setSelection(s);
    const Notation& n = doc->traceOptions().notation;
    InspectorPanel* inspector = workspace->inspector();
    switch (s.kind) {
    case Selection::Edge: {
        const QString w = QString::fromStdString(n.weight(s.layer, s.neuron, s.source).text);
        menu->addSection(w);
        menu->addAction(QObject::tr("Edit %1…").arg(w), inspector, [inspector] { inspector->weightField()->setFocus(); });
        menu->addAction(QObject::tr("Set %1 to 0").arg(w), editor, [editor, s] { editor->setWeight(s.layer, s.neuron, s.source, 0.0); });
        menu->addAction(QObject::tr("Flip the sign of %1").arg(w), editor, [editor, doc, s] {
            editor->setWeight(s.layer, s.neuron, s.source, -doc->network().layers[s.layer].weights(s.neuron, s.source));
        });
        break;
    }
    case Selection::Neuron: {
        const Network& net = doc->network();
        menu->addSection(QObject::tr("Neuron %1 of layer %2").arg(s.neuron + 1).arg(n.displayLayer(s.layer)));
        const QString what = s.layer == 0 ? QObject::tr("Edit the input %1…").arg(QString::fromStdString(n.activation(0, s.neuron).text))
                                          : QObject::tr("Edit the bias %1…").arg(QString::fromStdString(n.bias(s.layer, s.neuron).text));
        menu->addAction(what, inspector, [inspector] { inspector->neuronField()->setFocus(); });
        menu->addAction(QObject::tr("Add a neuron below"), editor, [editor, doc, s] {
            if (editor->addNeuron(s.layer, s.neuron + 1)) doc->setSelection(Selection::ofNeuron(s.layer, s.neuron + 1));
        });
        QAction* remove = menu->addAction(QObject::tr("Remove this neuron"), editor,
                                          [editor, s] { editor->removeNeuron(s.layer, s.neuron); });
        remove->setEnabled(net.layers[s.layer].size > 1);
        menu->addSeparator();
        addLayerActions(menu, editor, s.layer);
        break;
    }
    case Selection::Layer:
        menu->addSection(QObject::tr("Layer %1").arg(n.displayLayer(s.layer)));
        addLayerActions(menu, editor, s.layer);
        menu->addSeparator();
        addHiddenLayerActions(menu, editor);
        break;
    case Selection::None:
        menu->addAction(QObject::tr("Fit to window"), workspace->view(), &NetworkView::fitToWindow);
        menu->addAction(QObject::tr("Add a hidden layer before the output"), editor,
                        [editor, doc] { editor->insertLayerAt(doc->network().lastLayer()); });
        menu->addAction(QObject::tr("Initialise weights…"), workspace, &NetworkWorkspace::showInitDialog);
        menu->addSeparator();
        addHiddenLayerActions(menu, editor);
        break;
    }
}

} // namespace bpl::gui
