#include "gui/details/matrix_table.h"

#include "core/number_format.h"
#include "gui/details/formula_html.h"
#include "io/trace_export.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>

namespace bpl::gui {

class MatrixModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setValues(const Eigen::MatrixXd& values, int precision) {
        beginResetModel();
        values_ = values;
        precision_ = precision;
        endResetModel();
    }
    int rowCount(const QModelIndex& parent) const override { return parent.isValid() ? 0 : int(values_.rows()); }
    int columnCount(const QModelIndex& parent) const override { return parent.isValid() ? 0 : int(values_.cols()); }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!index.isValid()) return {};
        const double v = values_(index.row(), index.column());
        if (role == Qt::DisplayRole) return QString::fromStdString(formatNumber(v, precision_));
        if (role == Qt::ToolTipRole) return QString::fromStdString(formatNumber(v, 17));
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    QVariant headerData(int section, Qt::Orientation, int role) const override {
        if (role == Qt::DisplayRole) return section + 1; // 1-based, as in w₁₂
        return {};
    }

private:
    Eigen::MatrixXd values_;
    int precision_ = 6;
};

MatrixTable::MatrixTable(QWidget* parent) : QWidget(parent), model_(new MatrixModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* header = new QHBoxLayout;
    caption_ = new QLabel(this);
    caption_->setTextFormat(Qt::RichText);
    copyButton_ = new QToolButton(this);
    copyButton_->setText(tr("Copy"));
    copyButton_->setToolTip(tr("Copy as LaTeX, CSV or plain text"));
    copyButton_->setAutoRaise(true);
    header->addWidget(caption_);
    header->addStretch();
    header->addWidget(copyButton_);
    layout->addLayout(header);
    view_ = new QTableView(this);
    view_->setModel(model_);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->horizontalHeader()->setMinimumSectionSize(8);
    view_->verticalHeader()->setMinimumSectionSize(8);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->setFocusPolicy(Qt::ClickFocus);
    layout->addWidget(view_);
    connect(copyButton_, &QToolButton::clicked, this,
            [this] { showCopyMenu(copyButton_->mapToGlobal(QPoint(0, copyButton_->height()))); });
    connect(view_, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& pos) { showCopyMenu(view_->viewport()->mapToGlobal(pos)); });
}

MatrixTable::~MatrixTable() = default;

void MatrixTable::setMatrix(const Dual& name, const Eigen::MatrixXd& values, int precision) {
    name_ = name;
    values_ = values;
    precision_ = precision;
    QString shape = values.cols() == 1 ? QString::number(values.rows())
                                       : QStringLiteral("%1 × %2").arg(values.rows()).arg(values.cols());
    caption_->setText(QStringLiteral("<b>%1</b> <span style='color:gray'>(%2)</span>").arg(latexToHtml(name.latex), shape));
    model_->setValues(values, precision);
    fitToContents();
}

void MatrixTable::fitToContents() {
    // Size the view to its numbers (no inner scroll bars for a layer's matrix);
    // the details panel scrolls when the tables do not fit side by side.
    // Widths come from the font, so they are right before the view is shown.
    const QFontMetrics fm(view_->font());
    const int padding = fm.horizontalAdvance(QStringLiteral("00"));
    const int rowHeight = fm.height() + 6;
    int width = fm.horizontalAdvance(QString::number(values_.rows())) + padding + 2 * view_->frameWidth();
    view_->verticalHeader()->setFixedWidth(fm.horizontalAdvance(QString::number(values_.rows())) + padding);
    // A number's width is the sum of its characters' (digits, sign, point and
    // exponent do not kern): measuring each of a 200 × 200 matrix's 40,000
    // strings with the font took a third of a second per step.
    std::map<char32_t, int> advance;
    const auto textWidth = [&](const std::string& text) {
        int w = 0;
        for (const char32_t ch : QString::fromStdString(text).toUcs4()) {
            auto it = advance.find(ch);
            if (it == advance.end()) it = advance.emplace(ch, fm.horizontalAdvance(QString::fromUcs4(&ch, 1))).first;
            w += it->second;
        }
        return w;
    };
    for (int c = 0; c < int(values_.cols()); ++c) {
        int column = fm.horizontalAdvance(QString::number(c + 1));
        for (int r = 0; r < int(values_.rows()); ++r) {
            column = std::max(column, textWidth(formatNumber(values_(r, c), precision_)));
        }
        view_->setColumnWidth(c, column + padding);
        width += column + padding;
    }
    view_->verticalHeader()->setDefaultSectionSize(rowHeight);
    view_->horizontalHeader()->setFixedHeight(rowHeight);
    const int shownRows = std::min(int(values_.rows()), 12);
    const int height = rowHeight * (shownRows + 1) + 2 * view_->frameWidth();
    const bool clipped = values_.rows() > shownRows || width > 900;
    const int bar = clipped ? view_->style()->pixelMetric(QStyle::PM_ScrollBarExtent) : 0;
    view_->setFixedWidth(std::min(width, 900) + bar);
    view_->setFixedHeight(height + bar);
}

void MatrixTable::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) fitToContents();
}

QString MatrixTable::latex() const {
    return QString::fromStdString(name_.latex) + " = " + io::matrixLatex(values_, precision_);
}

QString MatrixTable::csv() const { return io::matrixCsv(values_); }

QString MatrixTable::plainText() const {
    const QString body = values_.cols() == 1 ? io::vectorText(values_.col(0), precision_) : io::matrixText(values_, precision_);
    return QString::fromStdString(name_.text) + " = " + body;
}

void MatrixTable::showCopyMenu(const QPoint& globalPos) {
    QMenu menu(this);
    menu.addAction(tr("Copy as LaTeX"), this, [this] { copy(latex(), tr("LaTeX")); });
    menu.addAction(tr("Copy as CSV"), this, [this] { copy(csv(), tr("CSV")); });
    menu.addAction(tr("Copy as plain text"), this, [this] { copy(plainText(), tr("plain text")); });
    menu.exec(globalPos);
}

void MatrixTable::copy(const QString& text, const QString& what) {
    QApplication::clipboard()->setText(text);
    emit copied(tr("Copied %1 as %2").arg(QString::fromStdString(name_.text), what));
}

} // namespace bpl::gui
