#include "gui/check/check_session.h"

#include "core/scalar_eval.h"
#include "core/symbol_parse.h"
#include "gui/network_document.h"
#include "io/answers_file.h"

#include <QFileInfo>

namespace bpl::gui {

CheckSession::CheckSession(NetworkDocument* document, QObject* parent) : QObject(parent), document_(document) {
    connect(document_, &NetworkDocument::structureChanged, this, [this] {
        dropMissing();
        recheck();
    });
    connect(document_, &NetworkDocument::traceChanged, this, &CheckSession::recheck);
}

QuantityRef CheckSession::canonical(const QuantityRef& ref) const {
    return canonicalRef(document_->network(), ref); // the core's one rule: output i is z of the last layer
}

void CheckSession::setText(const QuantityRef& ref, const QString& text) {
    const QuantityRef key = canonical(ref);
    const QString trimmed = text.trimmed();
    auto it = entries_.find(key);
    if (trimmed.isEmpty()) {
        if (it == entries_.end()) return;
        entries_.erase(it);
    } else {
        if (it != entries_.end() && it->second.text == text) return;
        entries_[key] = Entry{text, parseTypedNumber(trimmed.toStdString())};
    }
    modified_ = true;
    recheck();
}

QString CheckSession::text(const QuantityRef& ref) const {
    const auto it = entries_.find(canonical(ref));
    return it == entries_.end() ? QString() : it->second.text;
}

std::optional<double> CheckSession::value(const QuantityRef& ref) const {
    const auto it = entries_.find(canonical(ref));
    return it == entries_.end() ? std::nullopt : it->second.value;
}

const AnswerResult* CheckSession::result(const QuantityRef& ref) const {
    if (!value(ref)) return nullptr;
    return report_.find(canonical(ref));
}

EntryState CheckSession::state(const QuantityRef& ref) const {
    const auto it = entries_.find(canonical(ref));
    if (it == entries_.end()) return EntryState::Empty;
    if (!it->second.value) return EntryState::Unreadable;
    const AnswerResult* r = report_.find(canonical(ref));
    return r ? entryState(r->status) : EntryState::Empty;
}

QString CheckSession::explanation(const QuantityRef& ref) const {
    const auto it = entries_.find(canonical(ref));
    if (it == entries_.end()) return {};
    if (!it->second.value) {
        return tr("“%1” is not a number. Type it as 0.5769, 0,5769, −0.8 or 2.49e-7.").arg(it->second.text.trimmed());
    }
    const AnswerResult* r = report_.find(canonical(ref));
    return r ? QString::fromStdString(r->explanation) : QString();
}

std::vector<Answer> CheckSession::answers() const {
    std::vector<Answer> out;
    const Trace& trace = document_->trace();
    std::vector<bool> used(entries_.size(), false);
    // Step order first (so files read like the solution), then anything left.
    for (const Step& step : trace.steps) {
        for (const ScalarFormula& f : step.scalars) {
            const auto it = entries_.find(canonical(f.ref));
            if (it == entries_.end() || !it->second.value) continue;
            const auto k = std::size_t(std::distance(entries_.begin(), it));
            if (used[k]) continue;
            used[k] = true;
            out.push_back(Answer{it->first, *it->second.value});
        }
    }
    std::size_t k = 0;
    for (const auto& [ref, entry] : entries_) {
        if (!used[k++] && entry.value) out.push_back(Answer{ref, *entry.value});
    }
    return out;
}

int CheckSession::unreadableCount() const {
    int n = 0;
    for (const auto& [ref, entry] : entries_) n += entry.value ? 0 : 1;
    return n;
}

QString CheckSession::summary() const {
    if (entries_.empty()) return tr("No answers yet");
    QString s = report_.results.empty() ? QString() : QString::fromStdString(report_.summary());
    if (const int n = unreadableCount()) {
        if (!s.isEmpty()) s += "; ";
        s += tr("%n not a number", nullptr, n);
    }
    return s;
}

void CheckSession::setTolerance(const Tolerance& tolerance) {
    tolerance_ = tolerance;
    recheck();
}

void CheckSession::setVariant(const QString& code) {
    if (variant_ == code) return;
    variant_ = code;
    if (!entries_.empty()) modified_ = true;
    emit changed();
}

void CheckSession::setStudent(const QString& name) {
    if (student_ == name) return;
    student_ = name;
    if (!entries_.empty()) modified_ = true;
    emit changed();
}

void CheckSession::clear() {
    if (entries_.empty() && filePath_.isEmpty()) return;
    entries_.clear();
    original_ = {};
    filePath_.clear();
    modified_ = false;
    recheck();
}

std::shared_ptr<const CheckSession::Saved> CheckSession::saved() const {
    return std::make_shared<const Saved>(Saved{entries_, original_, filePath_, modified_});
}

void CheckSession::restore(const Saved& saved) {
    entries_ = saved.entries;
    original_ = saved.original;
    filePath_ = saved.filePath;
    modified_ = saved.modified;
    recheck();
}

bool CheckSession::load(const QString& path, QString* error) {
    const auto read = io::loadAnswers(path, &document_->network());
    if (!read) {
        if (error) *error = QString::fromStdString(read.error().message());
        return false;
    }
    entries_.clear();
    for (const Answer& a : read.value().answers) {
        const double v = a.value;
        entries_[canonical(a.ref)] = Entry{QString::fromStdString(shortestText(v)), v};
    }
    tolerance_ = read.value().tolerance;
    original_ = read.value().original;
    mismatch_.clear();
    if (!io::answersMatchNetwork(read.value(), document_->network(), document_->filePath())) {
        mismatch_ = tr("These answers are for the network “%1”, not “%2”.")
                        .arg(read.value().network, io::answersNetworkName(document_->network(), document_->filePath()));
    }
    filePath_ = QFileInfo(path).absoluteFilePath();
    variant_ = read.value().variant;
    student_ = read.value().student;
    modified_ = false;
    recheck();
    emit loaded();
    modified_ = false; // showing the file's variant changes nothing in the answers
    return true;
}

bool CheckSession::save(const QString& path, QString* error) {
    io::AnswerSheet sheet;
    sheet.answers = answers();
    sheet.tolerance = tolerance_;
    sheet.toleranceGiven = true;
    sheet.original = original_;
    sheet.network = io::answersNetworkName(document_->network(), document_->filePath());
    sheet.variant = variant_;
    sheet.student = student_.trimmed();
    const auto saved = io::saveAnswers(sheet, path);
    if (!saved) {
        if (error) *error = QString::fromStdString(saved.error().message());
        return false;
    }
    filePath_ = QFileInfo(path).absoluteFilePath();
    modified_ = false;
    emit changed();
    return true;
}

void CheckSession::dropMissing() {
    const Trace& trace = document_->trace();
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (!trace.valueOf(it->first)) it = entries_.erase(it);
        else ++it;
    }
}

void CheckSession::recheck() {
    if (entries_.empty()) { // nothing typed: an empty report, without walking the trace
        report_ = CheckReport{};
        report_.tolerance = tolerance_;
        emit changed();
        return;
    }
    std::vector<Answer> given = answers();
    // A network edit can leave answers that name nothing (a removed neuron).
    if (io::answerProblem(given, document_->network())) {
        dropMissing();
        given = answers();
    }
    report_ = checkAnswers(document_->trace(), given, tolerance_);
    emit changed();
}

} // namespace bpl::gui
