#include "gui/step_list_panel.h"

#include "gui/network_document.h"

#include <QPainter>
#include <QPixmap>

namespace bpl::gui {

namespace {

QString sectionOf(StepKind kind) {
    switch (kind) {
    case StepKind::Forward:
    case StepKind::Loss: return QObject::tr("Forward pass");
    case StepKind::OutputDelta:
    case StepKind::HiddenDelta:
    case StepKind::Gradient: return QObject::tr("Backward pass");
    case StepKind::Update: return QObject::tr("Update");
    case StepKind::InputGradient:
        return QObject::tr("Input gradient");
    }
    return {};
}

QColor colourOf(StepKind kind) {
    switch (kind) {
    case StepKind::Forward: return QColor(0x1f, 0x5f, 0xc4);
    case StepKind::Loss: return QColor(0xe0, 0x9b, 0x00);
    case StepKind::OutputDelta:
    case StepKind::HiddenDelta:
    case StepKind::InputGradient:
        return QColor(0x8e, 0x24, 0xaa);
    case StepKind::Gradient: return QColor(0x00, 0x89, 0x6b);
    case StepKind::Update: return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

QIcon dot(const QColor& colour) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(QRectF(2, 2, 10, 10));
    return QIcon(pixmap);
}

} // namespace

StepListPanel::StepListPanel(QWidget* parent) : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(false);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (updating_ || !document_ || row < 0 || row >= static_cast<int>(rowPosition_.size())) return;
        if (rowPosition_[row] >= 0) document_->setPosition(rowPosition_[row]);
    });
}

void StepListPanel::setDocument(NetworkDocument* document) {
    document_ = document;
    connect(document_, &NetworkDocument::traceChanged, this, &StepListPanel::rebuild);
    connect(document_, &NetworkDocument::positionChanged, this, &StepListPanel::showPosition);
    rebuild();
}

int StepListPanel::rowOfPosition(int position) const {
    for (size_t r = 0; r < rowPosition_.size(); ++r) {
        if (rowPosition_[r] == position) return static_cast<int>(r);
    }
    return -1;
}

void StepListPanel::rebuild() {
    if (!document_) return;
    updating_ = true;
    clear();
    rowPosition_.clear();
    auto* start = new QListWidgetItem(dot(Qt::gray), tr("Start: network and input"), this);
    start->setToolTip(tr("The network with its input; nothing computed yet"));
    rowPosition_.push_back(0);
    QString section;
    const std::vector<Step>& steps = document_->trace().steps;
    for (size_t k = 0; k < steps.size(); ++k) {
        const Step& s = steps[k];
        if (sectionOf(s.kind) != section) {
            section = sectionOf(s.kind);
            auto* heading = new QListWidgetItem(section, this);
            QFont f = font();
            f.setBold(true);
            heading->setFont(f);
            heading->setFlags(Qt::NoItemFlags);
            rowPosition_.push_back(-1);
        }
        auto* item = new QListWidgetItem(dot(colourOf(s.kind)),
                                         QStringLiteral("%1. %2").arg(k + 1).arg(QString::fromStdString(s.title.text)), this);
        item->setToolTip(QString::fromStdString(s.vectorFormula.text));
        rowPosition_.push_back(static_cast<int>(k) + 1);
    }
    updating_ = false;
    showPosition(document_->position());
}

void StepListPanel::showPosition(int position) {
    const int row = rowOfPosition(position);
    if (row < 0) return;
    updating_ = true;
    setCurrentRow(row);
    scrollToItem(item(row));
    updating_ = false;
}

} // namespace bpl::gui
