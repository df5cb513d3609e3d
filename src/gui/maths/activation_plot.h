// The plot of the activation tool: h and h′ of one activation over a range
// (from core/maths/activation_analysis), a marker at the chosen point with its
// values, the maximum of h′ marked and labelled, and optionally a second
// function to compare (another activation, or 2σ(2x) − 1 against tanh),
// drawn dashed. It only draws what the core sampled.
#pragma once

#include "core/maths/activation_analysis.h"

#include <qcustomplot.h>

namespace bpl::gui {

class ActivationPlot : public QCustomPlot {
    Q_OBJECT
  public:
    // What the dashed curves show.
    enum class Compare { None, Activation, TanhFromSigmoid };

    explicit ActivationPlot(QWidget* parent = nullptr);

    void setActivation(const ActivationFunction& function);
    void setRange(double from, double to);
    void setPoint(double x);
    void setCompare(Compare compare, const ActivationFunction& other = {});
    void setPrecision(int significantFigures);

    const DerivativeMaximum& maximum() const { return maximum_; }
    // Where the maximum marker is drawn (plot coordinates) and what it says.
    QPointF maximumMarkerPosition() const;
    QString maximumLabel() const;
    QString pointLabel() const;

  private:
    void rebuild();
    void placeMarkers();
    QString name(const ActivationFunction& f) const;

    ActivationFunction function_;
    ActivationFunction other_;
    Compare compare_ = Compare::None;
    double from_ = -6;
    double to_ = 6;
    double x_ = 0;
    int precision_ = 4;
    DerivativeMaximum maximum_;
    QCPGraph* value_ = nullptr;
    QCPGraph* derivative_ = nullptr;
    QCPGraph* otherValue_ = nullptr;
    QCPGraph* otherDerivative_ = nullptr;
    QCPGraph* pointMarks_ = nullptr;
    QCPGraph* maximumMark_ = nullptr;
    QCPItemText* maximumText_ = nullptr;
    QCPItemText* pointText_ = nullptr;
    QCPItemStraightLine* pointLine_ = nullptr;
};

} // namespace bpl::gui
