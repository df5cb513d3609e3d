// The inspector beside the canvas: edits what is selected. Nothing selected:
// the loss, the learning rate, the input and the target; a layer heading: its
// activation, its neurons, inserting or removing layers; a neuron: its bias
// (or, on the input layer, its input value); an edge: its weight. Each field
// shows the document and sends changes through the NetworkEditor.
#pragma once

#include "core/training/optimizer.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;

namespace Ui {
class InspectorPanel;
}

namespace bpl::gui {

class NetworkEditor;
class ValueSpinBox;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);
    ~InspectorPanel() override;

    void setEditor(NetworkEditor* editor);

    // The field that edits the current selection (weight, bias or input), or nullptr.
    ValueSpinBox* selectionField() const;
    // Focuses the selection's field and types `text` into it (typing on the canvas).
    void startTyping(const QString& text);

    ValueSpinBox* weightField() const;
    ValueSpinBox* neuronField() const;
    ValueSpinBox* learningRateField() const;
    QComboBox* optimizerField() const;

signals:
    void initializeRequested();

public slots:
    void refresh();

private:
    void connectFields();
    void showNetwork();
    void showOptimizer(const OptimizerSettings& settings);
    void showLayer(int layer);
    void showNeuron(int layer, int i);
    void showEdge(int layer, int i, int j);

    std::unique_ptr<Ui::InspectorPanel> ui_;
    NetworkEditor* editor_ = nullptr;
    QCheckBox* stepAtZero_ = nullptr; // U(0) = 1 for a step layer
};

} // namespace bpl::gui
