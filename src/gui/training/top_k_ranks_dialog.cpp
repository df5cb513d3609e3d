#include "gui/training/top_k_ranks_dialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

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
    resize(640, 480);
}

void TopKRanksDialog::setWorked(const QString& heading, const QString& worked) {
    heading_->setText(heading);
    text_->setPlainText(worked);
}

QString TopKRanksDialog::heading() const {
    return heading_->text();
}

QString TopKRanksDialog::worked() const {
    return text_->toPlainText();
}

} // namespace bpl::gui
