#include "gui/message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace bpl::gui {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    icon_ = new QLabel(this);
    label_ = new QLabel(this);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    close_ = new QToolButton(this);
    close_->setText(QStringLiteral("✕"));
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Close this message"));
    layout->addWidget(icon_);
    layout->addWidget(label_, 1);
    layout->addWidget(close_);
    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showError(const QString& text) { showMessage(text, true); }
void MessageBar::showInfo(const QString& text) { showMessage(text, false); }
QString MessageBar::text() const { return label_->text(); }

void MessageBar::showMessage(const QString& text, bool error) {
    error_ = error;
    icon_->setText(error ? QStringLiteral("⚠") : QStringLiteral("ℹ"));
    label_->setText(text);
    QPalette p = palette();
    p.setColor(QPalette::Window, error ? QColor(0xfd, 0xe2, 0xe1) : QColor(0xe1, 0xee, 0xfd));
    p.setColor(QPalette::WindowText, error ? QColor(0x7a, 0x10, 0x10) : QColor(0x10, 0x3a, 0x7a));
    setPalette(p);
    show();
}

} // namespace bpl::gui
