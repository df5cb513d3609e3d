// The details panel under the canvas: the current step's title, its vector
// formula and why it takes that form, every scalar formula (symbolic, with
// numbers, result) and the step's vectors and matrices as tables. It follows
// the document; it shows the trace and computes nothing. During the backward
// pass a small plot shows the norms of δ and ∂E/∂W by layer (vanishing gradients).
#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class DetailsPanel;
}

namespace bpl::gui {

class FormulaView;
class GradientNormPlot;
class NetworkDocument;
class StepTables;

class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget* parent = nullptr);
    ~DetailsPanel() override;

    void setDocument(NetworkDocument* document);

    FormulaView* formulaView() const;
    StepTables* stepTables() const;
    // |δ⁽ˡ⁾| and ‖∂E/∂W⁽ˡ⁾‖ by layer, shown during the backward pass.
    GradientNormPlot* gradientNormPlot() const;
    // The heading as shown ("Step 4 of 9 · Output delta, layer 2").
    QString titleText() const;

    // Check mode (gui/check): `panel` takes the place of the formulas and
    // tables, which would give the answers away, while Check mode is on.
    void setCheckPanel(QWidget* panel);
    void setCheckMode(bool on);
    bool isCheckMode() const { return checkMode_; }

signals:
    void copied(const QString& what);

public slots:
    void refresh();

private:
    std::unique_ptr<Ui::DetailsPanel> ui_;
    NetworkDocument* document_ = nullptr;
    QWidget* checkPanel_ = nullptr;
    GradientNormPlot* normPlot_ = nullptr;
    bool checkMode_ = false;
};

} // namespace bpl::gui
