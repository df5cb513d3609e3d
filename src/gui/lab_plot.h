// The base of every plot of the two labs (a QCustomPlot): a title that is
// shortened with "…" when it does not fit (never cut at both ends) with the
// whole title as tool tip; on every layout, tick spacing from each axis's pixel
// length and its widest label (no two tick labels overlap) and a legend in a
// strip below the axes whose entries wrap to the width (it never covers data);
// the fonts and colours of plot_style, again after a theme or font change.
#pragma once

#include <qcustomplot.h>

namespace bpl::gui {

// A plot's title, drawn elided to the room the layout gives it; its minimum
// width is small, so a long title never widens the plot past its widget.
class PlotTitle : public QCPTextElement {
  public:
    // A plot's title, a panel's title, or a note in small print.
    enum Role { Title, Heading, Note };
    PlotTitle(QCustomPlot* plot, const QString& text, Role role);
    Role role() const { return role_; }
    // Fonts and colour of the role (plot_style).
    void restyle();
    // The text as drawn in the current rect (ends with "…" when shortened).
    QString shownText() const;
    QSize minimumOuterSizeHint() const override;

  protected:
    void draw(QCPPainter* painter) override;

  private:
    Role role_;
};

// Fits the tick count of `axis` to its pixel length; true when it changed.
bool fitTickCount(QCPAxis* axis);

class LabPlot : public QCustomPlot {
    Q_OBJECT
  public:
    explicit LabPlot(const QString& title, QWidget* parent = nullptr);

    QString title() const;
    void setTitle(const QString& title);
    // The title as drawn (tests: it starts as the title starts).
    QString shownTitle() const { return titleElement_->shownText(); }
    // The whole title when it is shortened on screen, else empty.
    QString titleToolTip() const;
    // Replots at the next return to the event loop (coalesces many requests).
    void requestReplot() { replot(QCustomPlot::rpQueuedReplot); }
    // The widget size that gives every axis rect at least
    // kMinAxisRectWidth × kMinAxisRectHeight (at that width, for the height).
    virtual int usefulWidth() const;
    virtual int usefulHeight(int width) const;
    // The tool tip for the mouse at `pixel` (empty: none).
    virtual QString hoverText(const QPointF& pixel) const {
        Q_UNUSED(pixel);
        return {};
    }

  signals:
    // The room around the axis rect changed (fonts, tick labels): the grid
    // that placed the plot by its useful size places it again.
    void usefulSizeChanged();

  protected:
    // Moves the legend out of the axis rect into a strip below everything.
    void putLegendBelow();
    // The width of a y axis (tick labels and label) and the margins, from the fonts.
    int estimatedOverhead() const;
    // Legend columns that fit `width` pixels.
    int legendColumns(int width) const;
    int legendRows(int width) const;
    void updateLayout() override;
    void changeEvent(QEvent* event) override;
    // Fonts and colours from plot_style (after a theme or font change too).
    virtual void restyle();

    PlotTitle* titleElement_ = nullptr;

  private:
    int overhead_ = -1; // the room left and right of the axis rect, at the last layout
};

} // namespace bpl::gui
