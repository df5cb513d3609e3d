// The vanishing-gradient plot of the details panel: |δ⁽ˡ⁾| (Euclidean norm)
// and ‖∂E/∂W⁽ˡ⁾‖ (Frobenius norm) by layer on a log scale, during the backward
// pass, so a deep chain shows the collapse at a glance. The norms come from
// the trace; the plot draws the layers the current step has reached.
#pragma once

#include "core/trace.h"

#include <qcustomplot.h>

namespace bpl::gui {

class GradientNormPlot : public QCustomPlot {
    Q_OBJECT
  public:
    explicit GradientNormPlot(QWidget* parent = nullptr);

    // True for the steps the plot is shown with (output delta, hidden deltas, gradients).
    static bool showsStep(const Step* step);
    // Draws what `step` knows: δ of the layers from the output down to the
    // step's, and ∂E/∂W of those whose gradient step has been reached.
    void showStep(const Trace& trace, const Step* step);

    QCPGraph* deltaGraph() const { return deltaGraph_; }
    QCPGraph* gradientGraph() const { return gradientGraph_; }
    // Layers whose norm is 0 (or not finite): a log scale cannot draw them.
    int undrawnCount() const { return undrawn_; }

  private:
    QCPGraph* deltaGraph_;
    QCPGraph* gradientGraph_;
    QCPItemStraightLine* currentLayer_;
    int undrawn_ = 0;
};

} // namespace bpl::gui
