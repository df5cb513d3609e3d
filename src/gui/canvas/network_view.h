// The view on the network canvas: zoom (Ctrl+wheel, +/-), pan (drag the
// background), fit to window, and following the current layer so a deep chain
// stays usable. With a weight, bias or input selected, ↑/↓ nudge it (Shift:
// ×10, Alt: ÷10) and typing a number starts editing it in the inspector.
#pragma once

#include <QGraphicsView>

namespace bpl::gui {

class NetworkScene;

class NetworkView : public QGraphicsView {
    Q_OBJECT
public:
    explicit NetworkView(QWidget* parent = nullptr);

    void setNetworkScene(NetworkScene* scene);
    NetworkScene* networkScene() const { return scene_; }

    double zoom() const;
    // Small: on a short screen (1280×720 at QT_SCALE_FACTOR=2 is 360 px tall)
    // the canvas gives way before the window grows past the screen.
    QSize minimumSizeHint() const override { return {80, 40}; }
    // When on, the view scrolls to keep the current layer visible.
    void setFollowStep(bool follow) { follow_ = follow; }
    bool followStep() const { return follow_; }
    void setNudgeStep(double step) { nudgeStep_ = step; }
    // Fitting never zooms out so far that the smallest canvas text is drawn
    // under `pixels` tall (presentation mode: 14, readable from the back of a
    // room); when the network does not fit at that size, the view shows and
    // follows the current layer. 0 turns the limit off.
    void setMinimumTextPixels(double pixels);
    double minimumTextPixels() const { return minTextPixels_; }
    // Likewise for indices (the ₁₂ and ⁽¹⁾ of w₁₂⁽¹⁾), measured by CanvasStyle::indexPixels.
    void setMinimumIndexPixels(double pixels);
    // The height, in screen pixels, of the smallest text the canvas draws at the current zoom.
    double smallestTextPixels() const;
    double smallestIndexPixels() const;
    // The zoom below which the smallest text (or index) would be under its minimum.
    double legibleZoom() const;
    // The text scale chosen with Ctrl+= / Ctrl+- (1 = as fitted): fitting
    // zooms this much further in, so the canvas text grows with the panels'.
    void setTextScale(double scale);
    // The legend of edge colours in the bottom-right corner.
    void setLegendVisible(bool visible);
    bool legendVisible() const { return legendVisible_; }
    // True when edge labels are too small to read at this zoom and are not drawn.
    bool edgeLabelsHidden() const;
    // Where the view repeats the loss box at a readable size (bottom-left of the
    // viewport) because the scene's is drawn under 7 px; empty when it is readable.
    QRectF lossOverlayRect() const;
    // The part of the viewport the canvas items may use: the caption strip at the bottom is left out.
    QRect usableViewportRect() const;
    // A caption over the top-left corner (presentation mode: the step's title).
    void setCaption(const QString& caption);

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Whole network in view; networks too wide to read that way show their
    // first layers at a readable size instead (fitAll forces the whole one).
    void fitToWindow();
    void fitAll();
    // Brings every item the current step computes into view (NetworkScene::focusRect),
    // zooming out if needed but never below the legible zoom: the one place every
    // route to a step (keys, the step list, Check mode, screenshot) ends in.
    void showFocus();

signals:
    void nudgeRequested(double delta);
    void typingStarted(const QString& text);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void scaleBy(double factor);
    // Applies `zoom`, at least legibleZoom(); centres on `centre`, or on the focus when the content does not fit.
    void applyFit(double zoom, const QPointF& centre);
    void drawCaption(QPainter* painter);
    void drawLegend(QPainter* painter);
    void drawLossOverlay(QPainter* painter);
    QFont overlayFont(const QFont& base) const;
    QFont captionFont() const;
    void centreInUsable(const QPointF& scenePoint);
    void frameStep(bool force);
    void keepTitleWhole(const QRectF& focus);
    // The bottom strip the caption covers (0 without a caption).
    double captionHeight() const;

    NetworkScene* scene_ = nullptr;
    bool follow_ = true;
    bool fitted_ = true; // refit on resize until the user zooms
    double nudgeStep_ = 0.01;
    double minTextPixels_ = 0;
    double minIndexPixels_ = 0;
    double textScale_ = 1;
    bool legendVisible_ = true;
    QString caption_;
};

} // namespace bpl::gui
