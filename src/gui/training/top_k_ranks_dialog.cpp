#include "gui/training/top_k_ranks_dialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

namespace bpl::gui {

TopKRanksDialog::TopKRanksDialog(QWidget* parent) : QDialog(parent) {
    setObjectName("topKRanksDialog");
    setWindowTitle(tr("Top-k ranks"));
    heading_ = new QLabel;
    heading_->setWordWrap(true);
    text_ = new QPlainTextEdit;
    text_->setReadOnly(true);
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    layout->addWidget(text_, 1);
    layout->addWidget(buttons);
    resize(640, 520);
}

void TopKRanksDialog::setWorked(const QString& heading, const QString& worked) {
    heading_->setText(heading);
    text_->setPlainText(worked);
    // As wide as the table's longest line, within the screen (ten classes' scores
    // need about 900 pixels; the text scrolls beyond).
    int longest = 0;
    const QFontMetrics metrics(text_->font());
    for (const QString& line : worked.split('\n'))
        longest = std::max(longest, metrics.horizontalAdvance(line));
    const int wanted = longest + 60;
    const QScreen* screen = this->screen();
    if (!screen || width() >= wanted)
        return;
    const QRect room = screen->availableGeometry().adjusted(8, 0, -8, 0);
    resize(std::min(wanted, room.width()), height());
    if (isVisible() && frameGeometry().right() > room.right()) // keep it whole on the screen
        move(std::max(room.left(), room.right() - frameGeometry().width()), y());
}

QString TopKRanksDialog::heading() const {
    return heading_->text();
}

QString TopKRanksDialog::worked() const {
    return text_->toPlainText();
}

} // namespace bpl::gui
