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
    // The height, in screen pixels, of the smallest text the canvas draws at the current zoom.
    double smallestTextPixels() const;
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
    // The zoom below which the smallest text would be under minimumTextPixels().
    double legibleZoom() const;
    // Applies `zoom`, at least legibleZoom(); centres on `centre`, or on the focus when the content does not fit.
    void applyFit(double zoom, const QPointF& centre);
    void drawCaption(QPainter* painter);

    NetworkScene* scene_ = nullptr;
    bool follow_ = true;
    bool fitted_ = true; // refit on resize until the user zooms
    double nudgeStep_ = 0.01;
    double minTextPixels_ = 0;
    QString caption_;
};

} // namespace bpl::gui
