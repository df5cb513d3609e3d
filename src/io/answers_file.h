// Answer files (shared/spec/answers-format.md): a student's hand-worked values
// in file numbering (layer 0 = input, 1-based neuron indices) and the
// tolerance to check them with. Load with validation — against a network when
// one is given, so an index out of range or a δ of layer 0 is refused with the
// file, the JSON path and the reason — and save atomically, keeping unknown keys.
#pragma once

#include "core/answer_check.h"
#include "core/network.h"
#include "core/result.h"
#include "core/tolerance.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace bpl::io {

constexpr const char* kAnswersFormat = "backprop-lab.answers/1";
constexpr qint64 kMaxAnswersFileBytes = 32 * 1024 * 1024;

struct AnswerSheet {
    std::vector<Answer> answers;  // in file order
    Tolerance tolerance;          // 3 significant figures unless the file says otherwise
    bool toleranceGiven = false;  // the file has a "tolerance" object
    QString network;              // the "network" key: which network the answers are for ("" when not said)
    // The exercise-sheet keys (answers-format.md): the variant code the answers
    // are for ("3-2-1/7F3K", checked as a code when read; "" when not said) and
    // the student's name.
    QString variant;
    QString student;
    QJsonObject original;         // the file as read: unknown keys survive a save
};

// `fileName` is only used in messages. With a network, every answer must name
// a value of that network.
Result<AnswerSheet> parseAnswers(const QByteArray& bytes, const QString& fileName,
                                 const Network* network = nullptr);
Result<AnswerSheet> loadAnswers(const QString& path, const Network* network = nullptr);

// The same checks for answers built in memory (e.g. typed in Check mode):
// the first answer that names nothing in `network`, as "answers[k].index[0]: …".
std::optional<Error> answerProblem(const std::vector<Answer>& answers, const Network& network);

// {"quantity", "layer", "index"} of a reference, as in the spec (no layer for
// output, neither layer nor index for the loss).
QJsonObject answerRefToJson(const QuantityRef& ref);
// The "tolerance" object of an answer file, validated (place "tolerance…" on failure).
Result<Tolerance> toleranceFromJson(const QJsonValue& value, const QString& fileName);
// {"significant_figures": n} or {"absolute": x, "relative": y}.
QJsonObject toleranceToJson(const Tolerance& tolerance);

// What an answer file's "network" key says for this network: its name, or the
// file's name (networkPath) when it has none.
QString answersNetworkName(const Network& network, const QString& networkPath);
// True when the sheet names no network, or names this one (by its name or its file name).
bool answersMatchNetwork(const AnswerSheet& sheet, const Network& network, const QString& networkPath);

// The exercise-sheet keys of an answer file (both formats): "variant" must be
// a variant code (written back in its canonical spelling), "student" a string.
// The error's place is the key.
std::optional<Error> readSheetKeys(const QJsonObject& root, QString& variant, QString& student);
// Sets the keys, or removes them when empty.
void writeSheetKeys(QJsonObject& root, const QString& variant, const QString& student);

QJsonObject answersToJson(const AnswerSheet& sheet);
QByteArray answersToBytes(const AnswerSheet& sheet);
// Writes atomically (QSaveFile): a failed save leaves the old file intact.
Result<bool> saveAnswers(const AnswerSheet& sheet, const QString& path);

} // namespace bpl::io
