// The canvas's right-click menu: what can be done to the neuron, weight or
// layer under the mouse (edit its value, add or remove neurons and layers,
// change the activation), or to the network when the click is on empty space.
#pragma once

#include <QPoint>

class QMenu;

namespace bpl::gui {

class NetworkEditor;

class NetworkWorkspace;

// Selects what is under `viewPos` (a canvas viewport position) and fills
// `menu` with the actions that apply to it.
// "Activation of every hidden layer" (a submenu) and "Make the hidden layers
// two units wide": for the Network menu and the canvas's right-click menu.
void addHiddenLayerActions(QMenu* menu, NetworkEditor* editor);

void fillCanvasMenu(QMenu* menu, NetworkWorkspace* workspace, const QPoint& viewPos);

} // namespace bpl::gui
