#include "io/class_scores_csv.h"

#include "core/common/number_text.h"

namespace bpl::io {

namespace {

QByteArray field(const std::string& text) {
    return csvField(QString::fromStdString(text));
}
QByteArray share(double x) {
    return QByteArray::fromStdString(numberText(x, 4));
}

} // namespace

QByteArray classScoresCsv(const ClassScores& scores) {
    QByteArray out = "student,variant,file";
    for (const ClassQuestion& q : scores.questions)
        out += "," + field(q.id);
    out += ",correct,wrong,carried,missing,score\n";
    for (const ScriptScore& s : scores.scripts) {
        out += field(s.student) + "," + field(s.variant) + "," + field(s.file);
        for (QuestionMark m : s.marks)
            out += "," + QByteArray::fromStdString(questionMarkKey(m));
        out += "," + QByteArray::number(s.correct) + "," + QByteArray::number(s.wrong) + "," +
               QByteArray::number(s.carried) + "," + QByteArray::number(s.missing) + "," +
               share(s.score()) + "\n";
    }
    return out;
}

QByteArray classQuestionsCsv(const ClassScores& scores) {
    QByteArray out = "rank,question,id,symbol,step,correct,wrong,carried,missing,share_wrong\n";
    int rank = 0;
    for (int k : scores.mostMissedFirst()) {
        const ClassQuestion& q = scores.questions[k];
        const QuestionTally& t = scores.tallies[k];
        out += QByteArray::number(++rank) + "," + QByteArray::number(k + 1) + "," + field(q.id) +
               "," + field(q.symbol) + "," + field(q.group) + "," + QByteArray::number(t.correct) +
               "," + QByteArray::number(t.wrong) + "," + QByteArray::number(t.carried) + "," +
               QByteArray::number(t.missing) + "," + share(t.shareWrong()) + "\n";
    }
    return out;
}

} // namespace bpl::io
