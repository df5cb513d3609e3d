// A small picture of the data set in the Training tab's data panel: 2-D points
// coloured by class, a strip of sample images for 8×8 inputs, the points of a
// 1-D regression set (y over x). It draws what it is given; no maths.
#pragma once

#include "core/training/dataset.h"

#include <QWidget>
#include <memory>

namespace bpl::gui {

class DataPreview : public QWidget {
    Q_OBJECT
  public:
    explicit DataPreview(QWidget* parent = nullptr);
    void setData(std::shared_ptr<const Dataset> data);
    QSize sizeHint() const override { return {240, 150}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    void paintPoints(QPainter& painter, const QRectF& area) const;
    void paintImages(QPainter& painter, const QRectF& area) const;

    std::shared_ptr<const Dataset> data_;
};

} // namespace bpl::gui
