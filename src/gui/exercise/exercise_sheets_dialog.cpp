#include "gui/exercise/exercise_sheets_dialog.h"

#include "gui/exercise/class_sheets_job.h"
#include "io/class_folder.h"
#include "io/class_roster.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <utility>

namespace bpl::gui {

namespace {

constexpr int kMinPreviewWidth = 360; // pixels: each preview fits half of a 1024-wide screen

std::optional<quint64> parseSeed(const QString& text) {
    const std::string s = text.trimmed().toStdString();
    quint64 v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return v;
}

// How many of the foreign files the question names.
constexpr int kNamedFiles = 5;

// The question: which files, and what Yes does to them.
bool askToReplace(QWidget* parent, const QString& folder, const QStringList& foreign) {
    QString names;
    for (const QString& file : foreign.mid(0, kNamedFiles))
        names += "\n    " + QDir::toNativeSeparators(file);
    if (foreign.size() > kNamedFiles)
        names += "\n    " + ExerciseSheetsDialog::tr("… and %n more", nullptr,
                                                     int(foreign.size()) - kNamedFiles);
    const QString text =
        ExerciseSheetsDialog::tr("%1 holds %2 that exercise sheets did not write:%3\n\n"
                                 "Write the sheets there anyway? Files with the same names as the "
                                 "class's files are replaced; the others are kept.")
            .arg(QDir::toNativeSeparators(folder),
                 foreign.size() == 1 ? ExerciseSheetsDialog::tr("1 file")
                                     : ExerciseSheetsDialog::tr("%1 files").arg(foreign.size()),
                 names);
    return QMessageBox::question(parent, ExerciseSheetsDialog::tr("Replace files?"), text,
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

} // namespace

ExerciseSheetsDialog::ExerciseSheetsDialog(SheetExercisePtr exercise, const QString& folder,
                                           QWidget* parent)
    : QDialog(parent), openNetwork_(std::move(exercise)), exercise_(openNetwork_),
      job_(new ClassSheetsJob(this)),
      confirmReplace_([this](const QString& folder, const QStringList& foreign) {
          return askToReplace(this, folder, foreign);
      }) {
    setObjectName("exerciseSheetsDialog");
    setWindowTitle(tr("New exercise sheets"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildForm());
    layout->addWidget(buildPreview(), 1);

    message_ = new QLabel(this);
    message_->setObjectName("sheetsMessage");
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    progress_ = new QProgressBar(this);
    progress_->setObjectName("sheetsProgress");
    progress_->setVisible(false);
    layout->addWidget(progress_);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    generate_ = buttons_->addButton(tr("&Generate"), QDialogButtonBox::AcceptRole);
    generate_->setObjectName("sheetsGenerate");
    generate_->setToolTip(
        tr("Write every student's sheet, the answer keys, the class summary, class.csv and "
           "ready-to-fill answer files into the folder"));
    openFolder_ = buttons_->addButton(tr("&Open folder"), QDialogButtonBox::ActionRole);
    openFolder_->setObjectName("sheetsOpenFolder");
    openFolder_->setEnabled(false);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(generate_, &QPushButton::clicked, this, [this] { generate(); });
    connect(openFolder_, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(outcome_.folder)); });

    connect(job_, &ClassSheetsJob::progress, this, [this](int done, int total) {
        progress_->setRange(0, total);
        progress_->setValue(done);
    });
    connect(job_, &ClassSheetsJob::finished, this, &ExerciseSheetsDialog::jobFinished);

    previewTimer_ = new QTimer(this);
    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(150);
    connect(previewTimer_, &QTimer::timeout, this, &ExerciseSheetsDialog::updatePreview);

    folder_->setText(QDir::toNativeSeparators(folder));
    showExercise();
    resize(980, 700);
    updatePreview();
}

ExerciseSheetsDialog::~ExerciseSheetsDialog() = default;

void ExerciseSheetsDialog::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    if (std::abs(scrolls_[0]->viewport()->width() - 2 - previewWidth_) > 24)
        schedulePreview();
}

QWidget* ExerciseSheetsDialog::buildForm() {
    auto* top = new QWidget(this);
    auto* columns = new QHBoxLayout(top);
    columns->setContentsMargins(0, 0, 0, 0);

    auto* form = new QFormLayout;
    auto* exerciseRow = new QHBoxLayout;
    exerciseLabel_ = new QLabel(top);
    exerciseLabel_->setObjectName("sheetsExercise");
    auto* chooseFile = new QPushButton(tr("Other file…"), top);
    chooseFile->setToolTip(tr("A network file or a maths exercise file (backprop-lab.exercise/1)"));
    auto* useOpen = new QPushButton(tr("Open network"), top);
    useOpen->setToolTip(tr("The network open in the window"));
    exerciseRow->addWidget(exerciseLabel_, 1);
    exerciseRow->addWidget(chooseFile);
    exerciseRow->addWidget(useOpen);
    form->addRow(tr("Exercise:"), exerciseRow);

    auto* studentsRow = new QHBoxLayout;
    byCount_ = new QRadioButton(tr("&Number"), top);
    byCount_->setChecked(true);
    count_ = new QSpinBox(top);
    count_->setObjectName("sheetsStudentCount");
    count_->setRange(1, io::kMaxClassSize);
    count_->setValue(24);
    byRoster_ = new QRadioButton(tr("&Roster"), top);
    roster_ = new QLineEdit(top);
    roster_->setObjectName("sheetsRoster");
    roster_->setPlaceholderText(tr("names.txt: one name a line"));
    rosterBrowse_ = new QPushButton(tr("Browse…"), top);
    studentsRow->addWidget(byCount_);
    studentsRow->addWidget(count_);
    studentsRow->addSpacing(12);
    studentsRow->addWidget(byRoster_);
    studentsRow->addWidget(roster_, 1);
    studentsRow->addWidget(rosterBrowse_);
    form->addRow(tr("Students:"), studentsRow);

    seed_ = new QLineEdit(QStringLiteral("1"), top);
    seed_->setObjectName("sheetsSeed");
    seed_->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), seed_));
    seed_->setToolTip(
        tr("The same seed and students give the same variants again (as `sheets --seed`)"));
    seed_->setMaximumWidth(seed_->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) +
                           20);
    auto* seedLabel = new QLabel(tr("Class &seed:"), top);
    seedLabel->setBuddy(seed_);
    form->addRow(seedLabel, seed_);

    auto* folderRow = new QHBoxLayout;
    folder_ = new QLineEdit(top);
    folder_->setObjectName("sheetsFolder");
    auto* folderBrowse = new QPushButton(tr("Browse…"), top);
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(folderBrowse);
    auto* folderLabel = new QLabel(tr("Output &folder:"), top);
    folderLabel->setBuddy(folder_);
    form->addRow(folderLabel, folderRow);
    columns->addLayout(form, 3);

    auto* templateBox = new QGroupBox(tr("Template"), top);
    auto* templateLayout = new QVBoxLayout(templateBox);
    templateLabel_ = new QLabel(templateBox);
    templateLabel_->setObjectName("sheetsTemplate");
    templateLabel_->setWordWrap(true);
    templateLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    templateLayout->addWidget(templateLabel_);
    templateLayout->addStretch(1);
    columns->addWidget(templateBox, 2);

    connect(chooseFile, &QPushButton::clicked, this, &ExerciseSheetsDialog::chooseExerciseFile);
    connect(useOpen, &QPushButton::clicked, this, &ExerciseSheetsDialog::useOpenNetwork);
    connect(rosterBrowse_, &QPushButton::clicked, this, &ExerciseSheetsDialog::chooseRoster);
    connect(folderBrowse, &QPushButton::clicked, this, &ExerciseSheetsDialog::chooseFolder);
    connect(byCount_, &QRadioButton::toggled, this, &ExerciseSheetsDialog::schedulePreview);
    connect(count_, &QSpinBox::valueChanged, this, &ExerciseSheetsDialog::schedulePreview);
    connect(roster_, &QLineEdit::textChanged, this, [this] {
        if (!roster_->text().isEmpty())
            byRoster_->setChecked(true);
        schedulePreview();
    });
    connect(seed_, &QLineEdit::textChanged, this, &ExerciseSheetsDialog::schedulePreview);
    return top;
}

QWidget* ExerciseSheetsDialog::buildPreview() {
    auto* box = new QGroupBox(tr("Preview: the first two students' variants"), this);
    auto* row = new QHBoxLayout(box);
    for (int k = 0; k < 2; ++k) {
        auto* column = new QVBoxLayout;
        codes_[k] = new QLabel(box);
        codes_[k]->setObjectName(QStringLiteral("sheetsPreviewCode%1").arg(k));
        codes_[k]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        images_[k] = new QLabel(box);
        images_[k]->setObjectName(QStringLiteral("sheetsPreviewImage%1").arg(k));
        images_[k]->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        images_[k]->setBackgroundRole(QPalette::Base);
        images_[k]->setAutoFillBackground(true);
        auto* scroll = new QScrollArea(box);
        scrolls_[k] = scroll;
        scroll->setWidget(images_[k]);
        scroll->setWidgetResizable(true);
        scroll->setMinimumHeight(240);
        column->addWidget(codes_[k]);
        column->addWidget(scroll, 1);
        row->addLayout(column, 1);
    }
    return box;
}

bool ExerciseSheetsDialog::setExerciseFile(const QString& path) {
    auto loaded = loadSheetExercise(path);
    if (!loaded) {
        showError(QString::fromStdString(loaded.error().message()));
        return false;
    }
    exercise_ = loaded.value();
    showExercise();
    updatePreview();
    return true;
}

void ExerciseSheetsDialog::useOpenNetwork() {
    exercise_ = openNetwork_;
    showExercise();
    updatePreview();
}

void ExerciseSheetsDialog::setStudentCount(int count) {
    byCount_->setChecked(true);
    count_->setValue(count);
    updatePreview();
}

void ExerciseSheetsDialog::setRosterFile(const QString& path) {
    roster_->setText(QDir::toNativeSeparators(path));
    byRoster_->setChecked(true);
    updatePreview();
}

void ExerciseSheetsDialog::setSeed(quint64 seed) {
    seed_->setText(QString::number(seed));
    updatePreview();
}

void ExerciseSheetsDialog::setFolder(const QString& folder) {
    folder_->setText(QDir::toNativeSeparators(folder));
}

void ExerciseSheetsDialog::chooseExerciseFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Exercise"), folder_->text(),
                                     tr("Exercises and networks (*.json);;All files (*)"));
    if (!path.isEmpty())
        setExerciseFile(path);
}

void ExerciseSheetsDialog::chooseRoster() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Roster"), folder_->text(),
                                                      tr("Rosters (*.txt *.csv);;All files (*)"));
    if (!path.isEmpty())
        setRosterFile(path);
}

void ExerciseSheetsDialog::chooseFolder() {
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Output folder"), folder_->text());
    if (!path.isEmpty())
        setFolder(path);
}

void ExerciseSheetsDialog::showExercise() {
    exerciseLabel_->setText("<b>" + exerciseTitle(*exercise_).toHtmlEscaped() + "</b>");
    QString html;
    for (const QString& line : templateSettings(*exercise_))
        html += line.toHtmlEscaped() + "<br>";
    html += "<span style='color:gray'>" +
            tr("Change them in the exercise file's \"variants\" key "
               "(docs/formats/network-format.md, exercise-format.md).")
                .toHtmlEscaped() +
            "</span>";
    templateLabel_->setText(html);
}

void ExerciseSheetsDialog::schedulePreview() {
    previewTimer_->start();
}

std::optional<QStringList> ExerciseSheetsDialog::students(bool forPreview) {
    if (byCount_->isChecked())
        return numberedStudents(count_->value());
    const QString path = QDir::fromNativeSeparators(roster_->text().trimmed());
    if (path.isEmpty()) {
        if (forPreview)
            return numberedStudents(2);
        showError(tr("Choose a roster file (one name a line), or give the number of students."));
        return std::nullopt;
    }
    auto names = readRosterFile(path);
    if (!names) {
        showError(QString::fromStdString(names.error().message()));
        return std::nullopt;
    }
    return names.value();
}

void ExerciseSheetsDialog::updatePreview() {
    previewTimer_->stop();
    previewCodes_.clear();
    for (int k = 0; k < 2; ++k) {
        codes_[k]->clear();
        images_[k]->clear();
        previews_[k] = {};
    }
    const auto seed = parseSeed(seed_->text());
    if (!seed) {
        showError(tr("The class seed is a whole number from 0 to 18446744073709551615."));
        return;
    }
    const auto names = students(true);
    if (!names)
        return;
    // As wide as the space for it (the page scrolls down), redrawn when the dialog is resized.
    previewWidth_ = std::max(kMinPreviewWidth, scrolls_[0]->viewport()->width() - 2);
    const auto previews = previewVariants(*exercise_, *names, *seed, 2, previewWidth_);
    if (!previews) {
        showError(QString::fromStdString(previews.error().message()));
        return;
    }
    for (std::size_t k = 0; k < previews.value().size() && k < 2; ++k) {
        const VariantPreview& p = previews.value()[k];
        codes_[k]->setText(QStringLiteral("<b>%1</b> &nbsp; %2")
                               .arg(p.student.toHtmlEscaped(), p.code.toHtmlEscaped()));
        previews_[k] = p.image;
        previewCodes_ << p.code;
        images_[k]->setPixmap(QPixmap::fromImage(p.image));
    }
    showInfo((names->size() == 1 ? tr("1 student") : tr("%1 students").arg(names->size())) +
             tr("; class seed %1. Each sheet is a different variant, identified by its code; the "
                "preview "
                "shows the first page of the first two.")
                 .arg(*seed));
}

bool ExerciseSheetsDialog::generate() {
    if (job_->busy())
        return false;
    const auto seed = parseSeed(seed_->text());
    if (!seed) {
        showError(tr("The class seed is a whole number from 0 to 18446744073709551615."));
        return false;
    }
    const auto names = students(false);
    if (!names)
        return false;
    if (const QString problem = exerciseProblem(*exercise_); !problem.isEmpty()) {
        showError(problem);
        return false;
    }
    const QString folder = QDir::fromNativeSeparators(folder_->text().trimmed());
    if (folder.isEmpty()) {
        showError(tr("Choose the output folder."));
        return false;
    }
    // Files that sheets did not write are replaced only when the user says so
    // (`sheets --force`); the writer refuses them otherwise.
    const QStringList foreign = io::foreignClassFiles(folder);
    if (!foreign.isEmpty() && !(confirmReplace_ && confirmReplace_(folder, foreign))) {
        showError(tr("Nothing written: %1 holds files that exercise sheets did not write. Choose "
                     "a new or empty folder, or generate again and answer Yes to replace them.")
                      .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    outcome_ = {};
    openFolder_->setEnabled(false);
    setBusy(true);
    showInfo(tr("Writing %n sheet(s) into %1 …", nullptr, int(names->size()))
                 .arg(QDir::toNativeSeparators(folder)));
    job_->start(ClassSheetsJobRequest{exercise_, *names, *seed, folder, !foreign.isEmpty()});
    return true;
}

void ExerciseSheetsDialog::reject() {
    if (job_->busy()) {
        closeWhenDone_ = true;
        showInfo(tr("Still writing the sheets: the dialog closes once they are all written."));
        return;
    }
    QDialog::reject();
}

void ExerciseSheetsDialog::jobFinished(const ClassSheetsOutcome& outcome, const QString& error) {
    setBusy(false);
    const bool close = std::exchange(closeWhenDone_, false);
    if (!error.isEmpty()) {
        showError(tr("Stopped: %1 (what was written before stays in the folder).").arg(error));
        return;
    }
    outcome_ = outcome;
    openFolder_->setEnabled(true);
    const int pdfs = int(outcome.files.filter(QStringLiteral(".pdf"), Qt::CaseInsensitive).size());
    showInfo(tr("Wrote %1 sheets, their keys and the class summary (%2 PDF files, %3 files in all) "
                "into %4.")
                 .arg(outcome.sheets)
                 .arg(pdfs)
                 .arg(outcome.files.size())
                 .arg(QDir::toNativeSeparators(outcome.folder)));
    emit generated(outcome.folder);
    if (close)
        QDialog::reject();
}

void ExerciseSheetsDialog::setBusy(bool busy) {
    progress_->setVisible(busy);
    progress_->setRange(0, 0);
    generate_->setEnabled(!busy);
}

bool ExerciseSheetsDialog::busy() const {
    return job_->busy();
}

void ExerciseSheetsDialog::showError(const QString& text) {
    message_->setText(text);
    message_->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold"));
}

void ExerciseSheetsDialog::showInfo(const QString& text) {
    message_->setText(text);
    message_->setStyleSheet({});
}

QStringList ExerciseSheetsDialog::previewCodes() const {
    return previewCodes_;
}

QImage ExerciseSheetsDialog::previewImage(int k) const {
    return k >= 0 && k < 2 ? previews_[k] : QImage();
}

QString ExerciseSheetsDialog::messageText() const {
    return message_->text();
}

} // namespace bpl::gui
