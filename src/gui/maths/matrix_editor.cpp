#include "gui/maths/matrix_editor.h"

#include "core/symbol_parse.h"
#include "gui/maths/maths_text.h"

#include <QEvent>
#include <QHeaderView>
#include <algorithm>

namespace bpl::gui {

namespace {

constexpr int kHighlightRole = Qt::UserRole; // 0 none, 1 light, 2 strong
constexpr int kStateRole = Qt::UserRole + 1; // EntryState
constexpr int kCellWidth = 46;
constexpr int kCellHeight = 24;

} // namespace

MatrixEditor::MatrixEditor(bool editable, QWidget* parent)
    : QTableWidget(parent), editable_(editable) {
    horizontalHeader()->setDefaultSectionSize(kCellWidth);
    verticalHeader()->setDefaultSectionSize(kCellHeight);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setMinimumSectionSize(20);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(editable ? QAbstractItemView::AllEditTriggers
                             : QAbstractItemView::NoEditTriggers);
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!settingValues_ && editable_ && item->column() >= 0)
            emit matrixEdited();
    });
}

QTableWidgetItem* MatrixEditor::itemAt(int row, int col) {
    QTableWidgetItem* it = item(row, col);
    if (!it) {
        const bool was = settingValues_;
        settingValues_ = true;
        it = new QTableWidgetItem;
        it->setTextAlignment(Qt::AlignCenter);
        setItem(row, col, it);
        settingValues_ = was;
    }
    return it;
}

void MatrixEditor::setMatrix(const Eigen::MatrixXd& values, int precision) {
    settingValues_ = true;
    setRowCount(int(values.rows()));
    setColumnCount(int(values.cols()));
    for (int r = 0; r < values.rows(); ++r) {
        for (int c = 0; c < values.cols(); ++c)
            itemAt(r, c)->setText(mathsNumber(values(r, c), precision));
    }
    settingValues_ = false;
    fitToContents();
}

void MatrixEditor::setEmpty(int rows, int cols) {
    settingValues_ = true;
    setRowCount(rows);
    setColumnCount(cols);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c)
            itemAt(r, c)->setText(QString());
    }
    settingValues_ = false;
    fitToContents();
}

void MatrixEditor::setCellText(int row, int col, const QString& text) {
    settingValues_ = true;
    itemAt(row, col)->setText(text);
    settingValues_ = false;
}

QString MatrixEditor::cellText(int row, int col) const {
    const QTableWidgetItem* it = item(row, col);
    return it ? it->text().trimmed() : QString();
}

std::optional<double> MatrixEditor::cellValue(int row, int col) const {
    const QString text = cellText(row, col);
    if (text.isEmpty())
        return std::nullopt;
    return parseTypedNumber(text.toStdString());
}

std::optional<Eigen::MatrixXd> MatrixEditor::values(QString* error) const {
    Eigen::MatrixXd m(rowCount(), columnCount());
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c) {
            const auto v = cellValue(r, c);
            if (!v) {
                if (error) {
                    *error = tr("row %1, column %2: '%3' is not a number")
                                 .arg(r + 1)
                                 .arg(c + 1)
                                 .arg(cellText(r, c));
                }
                return std::nullopt;
            }
            m(r, c) = *v;
        }
    }
    return m;
}

void MatrixEditor::resizeMatrix(int rows, int cols) {
    const int oldRows = rowCount();
    const int oldCols = columnCount();
    settingValues_ = true;
    setRowCount(rows);
    setColumnCount(cols);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            if (r >= oldRows || c >= oldCols || cellText(r, c).isEmpty())
                itemAt(r, c)->setText("0");
        }
    }
    settingValues_ = false;
    fitToContents();
    emit matrixEdited();
}

void MatrixEditor::clearHighlights() {
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c) {
            if (QTableWidgetItem* it = item(r, c); it && it->data(kHighlightRole).toInt() != 0) {
                const bool was = settingValues_;
                settingValues_ = true;
                it->setData(kHighlightRole, 0);
                settingValues_ = was;
                restyle(r, c);
            }
        }
    }
}

void MatrixEditor::highlight(int row, int col, bool strong) {
    if (row < 0 || col < 0 || row >= rowCount() || col >= columnCount())
        return;
    QTableWidgetItem* it = itemAt(row, col);
    const bool was = settingValues_;
    settingValues_ = true;
    it->setData(kHighlightRole, std::max(it->data(kHighlightRole).toInt(), strong ? 2 : 1));
    settingValues_ = was;
    restyle(row, col);
}

bool MatrixEditor::isHighlighted(int row, int col) const {
    const QTableWidgetItem* it = item(row, col);
    return it && it->data(kHighlightRole).toInt() != 0;
}

void MatrixEditor::setCellState(int row, int col, EntryState state, const QString& explanation) {
    QTableWidgetItem* it = itemAt(row, col);
    const bool was = settingValues_;
    settingValues_ = true;
    it->setData(kStateRole, int(state));
    it->setToolTip(explanation);
    settingValues_ = was;
    restyle(row, col);
}

EntryState MatrixEditor::cellState(int row, int col) const {
    const QTableWidgetItem* it = item(row, col);
    return it ? static_cast<EntryState>(it->data(kStateRole).toInt()) : EntryState::Empty;
}

void MatrixEditor::restyle(int row, int col) {
    QTableWidgetItem* it = item(row, col);
    if (!it)
        return;
    const bool was = settingValues_;
    settingValues_ = true;
    const auto state = static_cast<EntryState>(it->data(kStateRole).toInt());
    const int highlight = it->data(kHighlightRole).toInt();
    if (state != EntryState::Empty) {
        const StatusColours c = statusColours(state, palette());
        it->setBackground(c.background);
        it->setForeground(c.accent);
    } else if (highlight == 2) {
        it->setBackground(QColor(0xff, 0xc8, 0x57));
        it->setForeground(QColor(Qt::black));
    } else if (highlight == 1) {
        it->setBackground(QColor(0xff, 0xe9, 0xb8));
        it->setForeground(QColor(Qt::black));
    } else {
        it->setData(Qt::BackgroundRole, QVariant());
        it->setData(Qt::ForegroundRole, QVariant());
    }
    settingValues_ = was;
}

void MatrixEditor::fitToContents() {
    // Cells grow with the text (presentation mode's larger font): never a
    // scroll bar or a cut number for a matrix that fits.
    const QFontMetrics fm(font());
    const int cellHeight = std::max(kCellHeight, fm.height() + 8);
    const int cellWidth = std::max(kCellWidth, cellHeight * kCellWidth / kCellHeight);
    horizontalHeader()->setDefaultSectionSize(cellWidth);
    verticalHeader()->setDefaultSectionSize(cellHeight);
    const int w =
        verticalHeader()->sizeHint().width() + cellWidth * columnCount() + 2 * frameWidth() + 2;
    const int h =
        horizontalHeader()->sizeHint().height() + cellHeight * rowCount() + 2 * frameWidth() + 2;
    setFixedSize(std::min(w, 9 * cellWidth), std::min(h, 8 * cellHeight + fm.height() + 8));
}

void MatrixEditor::changeEvent(QEvent* event) {
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitToContents();
}

} // namespace bpl::gui
