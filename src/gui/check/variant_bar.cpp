#include "gui/check/variant_bar.h"

#include "gui/check/check_session.h"
#include "gui/check/show_variant_command.h"
#include "gui/exercise/exercise_variants.h"
#include "gui/network_document.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>

namespace bpl::gui {

namespace {

// The same weights, biases and sample (what a variant changes).
bool sameNumbers(const Network& a, const Network& b) {
    if (!NetworkDocument::sameShape(a, b))
        return false;
    for (std::size_t l = 1; l < a.layers.size(); ++l) {
        if (a.layers[l].weights != b.layers[l].weights || a.layers[l].bias != b.layers[l].bias)
            return false;
    }
    return a.sample.input == b.sample.input && a.sample.target == b.sample.target;
}

} // namespace

VariantBar::VariantBar(NetworkDocument* document, CheckSession* session, QWidget* parent)
    : QWidget(parent), document_(document), session_(session) {
    setObjectName("checkVariantBar");
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    auto* codeLabel = new QLabel(tr("&Variant:"), this);
    code_ = new QLineEdit(this);
    code_->setObjectName("checkVariantCode");
    code_->setToolTip(tr("The variant code printed on your exercise sheet, e.g. 3-2-1/7F3K; Enter "
                         "shows your numbers. "
                         "Empty: the exercise as opened"));
    code_->setClearButtonEnabled(true);
    codeLabel->setBuddy(code_);
    auto* studentLabel = new QLabel(tr("S&tudent:"), this);
    student_ = new QLineEdit(this);
    student_->setObjectName("checkStudentName");
    student_->setPlaceholderText(tr("your name"));
    student_->setToolTip(tr("Saved with the answers (the answers file's \"student\")"));
    studentLabel->setBuddy(student_);
    message_ = new QLabel(this);
    message_->setObjectName("checkVariantMessage");
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    back_ = new QPushButton(tr("Back to the exercise"), this);
    back_->setObjectName("checkVariantBack");
    back_->setToolTip(tr("Put the exercise's own numbers back on the canvas (one undo step)"));
    row->addWidget(codeLabel);
    row->addWidget(code_);
    row->addWidget(studentLabel);
    row->addWidget(student_);
    row->addWidget(message_, 1);
    row->addWidget(back_);
    const int codeWidth =
        code_->fontMetrics().horizontalAdvance(QStringLiteral("conv4x4-2x2/WWWW")) + 40;
    code_->setMinimumWidth(codeWidth);
    student_->setMinimumWidth(codeWidth);

    connect(code_, &QLineEdit::returnPressed, this, [this] { applyCode(code_->text()); });
    connect(code_, &QLineEdit::textEdited, this, [this] { code_->setStyleSheet({}); });
    connect(student_, &QLineEdit::textEdited, session_, &CheckSession::setStudent);
    connect(session_, &CheckSession::loaded, this, [this] {
        student_->setText(session_->student());
        if (!session_->variant().isEmpty())
            applyCode(session_->variant());
    });
    connect(back_, &QPushButton::clicked, this, &VariantBar::backToExercise);
    connect(document_, &NetworkDocument::traceChanged, this, &VariantBar::refresh);
    connect(document_->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (document_->undoStack()->count() == 0)
            forget(); // another file opened
    });
    refresh();
}

bool VariantBar::showsVariant() const {
    return !shownCode_.isEmpty() && hasExercise_ && sameNumbers(document_->network(), shown_);
}

QString VariantBar::message() const {
    return message_->text();
}

bool VariantBar::applyCode(const QString& typed) {
    if (typed.trimmed().isEmpty()) {
        backToExercise();
        return true;
    }
    // The exercise is what the canvas shows unless it shows a variant (or a variant edited since).
    const bool onVariant = !shownCode_.isEmpty() && !sameNumbers(document_->network(), exercise_) &&
                           NetworkDocument::sameShape(document_->network(), exercise_);
    if (!hasExercise_ || !onVariant) {
        exercise_ = document_->network();
        exerciseJson_ = document_->state().original;
        hasExercise_ = true;
    }
    const auto variant = networkForCode(
        io::NetworkDocument{exercise_, exerciseJson_, std::nullopt, std::nullopt}, typed);
    if (!variant) {
        code_->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c62828; }"));
        showMessage(QString::fromStdString(variant.error().message()), true);
        return false;
    }
    code_->setStyleSheet({});
    code_->setText(variant.value().code);
    shownCode_ = variant.value().code;
    shown_ = variant.value().network;
    // The exercise's description names its own numbers, not the variant's.
    shown_.description =
        tr("Variant %1 of this exercise: the numbers of your sheet.").arg(shownCode_).toStdString();
    session_->setVariant(shownCode_);
    if (!sameNumbers(document_->network(), shown_)) {
        document_->undoStack()->push(
            ShowVariantCommand::make(document_, shown_, tr("Show variant %1").arg(shownCode_))
                .release());
    }
    refresh();
    return true;
}

void VariantBar::backToExercise() {
    if (hasExercise_ && !sameNumbers(document_->network(), exercise_) &&
        NetworkDocument::sameShape(document_->network(), exercise_)) {
        document_->undoStack()->push(
            ShowVariantCommand::make(document_, exercise_, tr("Back to the exercise")).release());
    }
    code_->clear();
    code_->setStyleSheet({});
    shownCode_.clear();
    session_->setVariant({});
    refresh();
}

void VariantBar::forget() {
    hasExercise_ = false;
    shownCode_.clear();
    code_->clear();
    session_->setVariant({});
    refresh();
}

void VariantBar::showMessage(const QString& text, bool error) {
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #c62828; font-weight: bold")
                                  : QString());
}

void VariantBar::refresh() {
    // The answers are for the variant while its numbers (perhaps edited) are on the canvas.
    const bool onExercise = hasExercise_ && sameNumbers(document_->network(), exercise_);
    session_->setVariant(shownCode_.isEmpty() || onExercise ? QString() : shownCode_);
    const QString shape = exerciseShape(hasExercise_ ? exercise_ : document_->network());
    code_->setPlaceholderText(shape + QStringLiteral("/····"));
    if (showsVariant()) {
        showMessage(
            tr("Showing variant %1: the canvas and the marks use its numbers.").arg(shownCode_),
            false);
        back_->setVisible(true);
    } else if (!shownCode_.isEmpty() && onExercise) {
        showMessage(tr("The exercise as opened (variant %1 undone): press Enter in the code to "
                       "show it again.")
                        .arg(shownCode_),
                    false);
        back_->setVisible(false);
    } else if (!shownCode_.isEmpty()) {
        showMessage(tr("Variant %1, edited since: the marks use the numbers on the canvas.")
                        .arg(shownCode_),
                    false);
        back_->setVisible(true);
    } else if (!message_->styleSheet().isEmpty() && !code_->text().isEmpty()) {
        // Keep the reason a typed code was refused until the code changes.
    } else {
        showMessage(tr("The exercise as opened. Type the code from your sheet (%1/…) to check your "
                       "variant.")
                        .arg(shape),
                    false);
        back_->setVisible(false);
    }
}

} // namespace bpl::gui
