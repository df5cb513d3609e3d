#include "gui/canvas/neuron_item.h"

#include "gui/canvas/canvas_style.h"
#include "gui/canvas/indexed_text.h"

#include <QFontMetricsF>
#include <QCursor>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace bpl::gui {

namespace {

constexpr double kGap = 5;        // between circle and text
constexpr double kPad = 4;        // inside text backgrounds
constexpr double kMinDetail = 0.3; // below this zoom, text is not drawn

} // namespace

NeuronItem::NeuronItem(int layer, int index, const CanvasStyle* style)
    : layer_(layer), index_(index), style_(style) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setZValue(2);
    updateGeometry();
}

double NeuronItem::radius() const { return style_->radius; }

void NeuronItem::setContent(const NeuronContent& content) {
    prepareGeometryChange();
    content_ = content;
    updateGeometry();
    update();
}

void NeuronItem::updateGeometry() {
    const double r = radius();
    const QFontMetricsF fm(style_->bold);
    lineHeight_ = fm.height() + 2;
    captionRect_ = QRectF();
    captionLines_ = compactLines(content_.caption, style_->compact);
    if (!captionLines_.isEmpty()) {
        double w = 0;
        for (const QString& line : captionLines_) w = std::max(w, indexedTextWidth(style_->bold, line));
        w += 2 * kPad;
        const double h = lineHeight_ * captionLines_.size();
        captionRect_ = QRectF(-w / 2, -r - kGap - h, w, h);
    }
    double width = 0;
    for (const ValueLine& line : content_.lines) width = std::max(width, indexedTextWidth(style_->bold, line.text));
    linesRect_ = QRectF();
    if (!content_.lines.empty()) {
        width += 2 * kPad;
        const double height = lineHeight_ * content_.lines.size();
        linesRect_ = content_.beside ? QRectF(r + kGap, -height / 2, width, height)
                                     : QRectF(-width / 2, r + kGap, width, height);
    }
}

QRectF NeuronItem::textSceneRect() const {
    QRectF r = captionRect_.united(linesRect_);
    if (r.isNull()) return {};
    return mapRectToScene(r);
}

QRectF NeuronItem::boundingRect() const {
    const double r = radius() + 6;
    return QRectF(-r, -r, 2 * r, 2 * r).united(captionRect_).united(linesRect_).adjusted(-2, -2, 2, 2);
}

QPainterPath NeuronItem::shape() const {
    QPainterPath path;
    const double r = radius();
    path.addEllipse(QPointF(0, 0), r, r);
    if (!captionRect_.isNull()) path.addRect(captionRect_);
    if (!linesRect_.isNull()) path.addRect(linesRect_);
    return path;
}

void NeuronItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const CanvasStyle& s = *style_;
    const double r = radius();
    const double detail = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setOpacity(content_.dimmed ? 0.45 : 1.0);

    if (isSelected()) {
        painter->setPen(QPen(s.selection, s.lineWidth * 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(0, 0), r + 4, r + 4);
    }
    painter->setPen(QPen(content_.active ? s.bandBorder : s.neuronBorder, content_.active ? s.lineWidth * 2 : s.lineWidth));
    painter->setBrush(content_.input ? s.inputFill : s.neuronFill);
    painter->drawEllipse(QPointF(0, 0), r, r);
    if (detail < kMinDetail) return;

    painter->setPen(s.text);
    painter->setFont(s.font);
    drawIndexedText(painter, QRectF(-r, -r, 2 * r, 2 * r), Qt::AlignCenter, content_.symbol);

    auto drawBox = [&](const QRectF& rect) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(s.labelBackground);
        painter->drawRoundedRect(rect, 3, 3);
    };
    if (!captionRect_.isNull()) {
        drawBox(captionRect_);
        painter->setFont(content_.captionFresh ? s.bold : s.font);
        painter->setPen(content_.captionColour.isValid() ? content_.captionColour : s.mutedText);
        for (int k = 0; k < captionLines_.size(); ++k) {
            const QRectF rect(captionRect_.left(), captionRect_.top() + k * lineHeight_, captionRect_.width(), lineHeight_);
            drawIndexedText(painter, rect, Qt::AlignCenter, captionLines_[k]);
        }
    }
    if (!linesRect_.isNull()) {
        drawBox(linesRect_);
        for (size_t k = 0; k < content_.lines.size(); ++k) {
            const ValueLine& line = content_.lines[k];
            const QRectF rect(linesRect_.left(), linesRect_.top() + k * lineHeight_, linesRect_.width(), lineHeight_);
            painter->setFont(line.fresh ? s.bold : s.font);
            painter->setPen(line.fresh ? s.fresh : (line.colour.isValid() ? line.colour : s.text));
            drawIndexedText(painter, content_.beside ? rect.adjusted(kPad, 0, 0, 0) : rect,
                            content_.beside ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter, line.text);
        }
    }
}

} // namespace bpl::gui
