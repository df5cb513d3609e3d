// The answers a student has typed in Check mode, keyed by quantity (file
// numbering), and the core's CheckReport for them — recomputed with
// bpl::checkAnswers on every change of an answer, of the network or of the
// notation. Views read statuses, explanations and the summary from here and
// never compare numbers themselves. Loads and saves answer files
// (answers-format.md), keeping the file's unknown keys.
#pragma once

#include "core/answer_check.h"
#include "core/tolerance.h"
#include "gui/check/check_colours.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <optional>

namespace bpl::gui {

class NetworkDocument;

class CheckSession : public QObject {
    Q_OBJECT
public:
    explicit CheckSession(NetworkDocument* document, QObject* parent = nullptr);

    // The text as typed ("0,5769", "−0.8"); empty text removes the answer.
    // Output i is stored as z of the last layer, the loss as the loss.
    void setText(const QuantityRef& ref, const QString& text);
    QString text(const QuantityRef& ref) const;
    // The number read from the text (nullopt when empty or unreadable).
    std::optional<double> value(const QuantityRef& ref) const;
    EntryState state(const QuantityRef& ref) const;
    // The core's verdict, or nullptr when not answered (or unreadable).
    const AnswerResult* result(const QuantityRef& ref) const;
    // What to say about an entry: the core's explanation, or why the text is
    // not a number.
    QString explanation(const QuantityRef& ref) const;

    const CheckReport& report() const { return report_; }
    // The answers that read as numbers, in the trace's step order.
    std::vector<Answer> answers() const;
    bool isEmpty() const { return entries_.empty(); }
    int unreadableCount() const;
    // "14 of 17 right; 2 carried from δ₁⁽²⁾" (+ "; 1 not a number").
    QString summary() const;

    const Tolerance& tolerance() const { return tolerance_; }
    void setTolerance(const Tolerance& tolerance);

    void clear();
    // Everything clear() removes, to put back (Clear answers is undoable).
    struct Saved;
    std::shared_ptr<const Saved> saved() const;
    void restore(const Saved& saved);
    // Answer files: on failure the message names the file and what is wrong,
    // and the session keeps what it had.
    bool load(const QString& path, QString* error = nullptr);
    bool save(const QString& path, QString* error = nullptr);
    QString filePath() const { return filePath_; }
    bool isModified() const { return modified_; }

    // Output → z of the last layer: the key entries are stored under.
    QuantityRef canonical(const QuantityRef& ref) const;
    // The exercise sheet's variant code the answers are for ("" for the
    // exercise as opened) and the student's name: saved as the answers
    // file's "variant" and "student" keys, read back by load().
    QString variant() const { return variant_; }
    void setVariant(const QString& code);
    QString student() const { return student_; }
    void setStudent(const QString& name);

    // After load(): why the answer file's "network" key does not name the open network ("" when it does).
    QString networkMismatch() const { return mismatch_; }

signals:
    void changed(); // answers or report changed
    void loaded();  // after load(): variant() and student() are the file's

private:
    struct Entry {
        QString text;
        std::optional<double> value;
    };
    void recheck();
    void dropMissing();

    NetworkDocument* document_;
    std::map<QuantityRef, Entry> entries_;
    CheckReport report_;
    Tolerance tolerance_;
    QJsonObject original_;
    QString mismatch_; // the loaded file names another network
    QString filePath_;
    QString variant_;
    QString student_;
    bool modified_ = false;
};

struct CheckSession::Saved {
    std::map<QuantityRef, Entry> entries;
    QJsonObject original;
    QString filePath;
    bool modified = false;
};

} // namespace bpl::gui
