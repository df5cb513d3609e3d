#include "gui/maths/matrix_tool_parts.h"

#include "gui/maths/maths_text.h"
#include "gui/maths/matrix_editor.h"
#include "io/qt_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bpl::gui {

QSpinBox* toolSpin(int min, int max, int value, QWidget* parent) {
    auto* s = new QSpinBox(parent);
    s->setRange(min, max);
    s->setValue(value);
    return s;
}

QWidget* captioned(const QString& caption, QWidget* matrix, QWidget* parent, QLayout* controls) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* head = new QHBoxLayout;
    head->addWidget(new QLabel("<b>" + caption + "</b>", box));
    if (controls)
        head->addLayout(controls);
    head->addStretch(1);
    layout->addLayout(head);
    layout->addWidget(matrix);
    layout->addStretch(1);
    return box;
}

QWidget* stepBar(QWidget* owner, const StepActions& a, QLabel*& label) {
    auto* bar = new QWidget(owner);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const std::pair<QString, std::function<void()>> buttons[] = {
        {QObject::tr("Start"), a.home},
        {QObject::tr("◀ Back"), a.previous},
        {QObject::tr("Next ▶"), a.next},
        {QObject::tr("End"), a.end}};
    for (const auto& [text, slot] : buttons) {
        auto* b = new QPushButton(text, bar);
        b->setFocusPolicy(Qt::NoFocus);
        QObject::connect(b, &QPushButton::clicked, owner, slot);
        row->addWidget(b);
    }
    label = new QLabel(bar);
    label->setObjectName("stepLabel");
    row->addWidget(label, 1);
    const std::pair<QKeySequence, std::function<void()>> keys[] = {
        {QKeySequence(Qt::Key_Space), a.next},
        {QKeySequence(Qt::Key_Right), a.next},
        {QKeySequence(Qt::Key_Left), a.previous},
        {QKeySequence(Qt::Key_Home), a.home},
        {QKeySequence(Qt::Key_End), a.end}};
    for (const auto& [key, slot] : keys) {
        auto* shortcut =
            new QShortcut(key, owner, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
        QObject::connect(shortcut, &QShortcut::activated, owner, slot);
    }
    return bar;
}

QLabel* errorLine(QWidget* parent, const QString& objectName) {
    auto* error = new QLabel(parent);
    error->setObjectName(objectName);
    error->setStyleSheet("color: #c01c28;");
    error->setWordWrap(true);
    error->hide();
    return error;
}

void showPadded(MatrixEditor* view, QWidget* box, const Eigen::MatrixXd& x, int pad,
                int precision) {
    box->setVisible(pad > 0);
    if (pad <= 0)
        return;
    Eigen::MatrixXd padded = Eigen::MatrixXd::Zero(x.rows() + 2 * pad, x.cols() + 2 * pad);
    padded.block(pad, pad, x.rows(), x.cols()) = x;
    view->setMatrix(padded, precision);
    QStringList rows, cols;
    for (int r = 0; r < padded.rows(); ++r)
        rows << QString::number(r + 1 - pad);
    for (int c = 0; c < padded.cols(); ++c)
        cols << QString::number(c + 1 - pad);
    view->setVerticalHeaderLabels(rows);
    view->setHorizontalHeaderLabels(cols);
    for (int r = 0; r < padded.rows(); ++r) {
        for (int c = 0; c < padded.cols(); ++c) {
            const bool border = r < pad || c < pad || r >= x.rows() + pad || c >= x.cols() + pad;
            QTableWidgetItem* cell = view->item(r, c);
            QFont f = cell->font();
            f.setItalic(border);
            cell->setFont(f);
            cell->setToolTip(border ? QObject::tr("zero padding") : QString());
        }
    }
}

void fillFirst(MatrixEditor* view, const Eigen::MatrixXd& values, int shown, int precision) {
    view->setEmpty(int(values.rows()), int(values.cols()));
    for (int k = 0; k < shown && k < values.size(); ++k) {
        const int r = k / int(values.cols());
        const int c = k % int(values.cols());
        view->setCellText(r, c, mathsNumber(values(r, c), precision));
    }
}

MathsCheckPanel::Section matrixSection(const QString& title, MathsQuantity quantity,
                                       const Eigen::MatrixXd& m,
                                       const std::function<Dual(const MathsRef&)>& symbol) {
    MathsCheckPanel::Section s{title, {}, int(m.cols())};
    for (int r = 0; r < m.rows(); ++r) {
        for (int c = 0; c < m.cols(); ++c) {
            const MathsRef ref = MathsRef::entry(quantity, r, c);
            s.rows.push_back({ref, q(symbol(ref).text), QString()});
        }
    }
    return s;
}

} // namespace bpl::gui
