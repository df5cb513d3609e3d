// Answer files for the worked maths (docs/formats/maths-answers.md): a
// student's values for the nodes of `grad` (value or ∂f/∂node, the node named
// by its subexpression, symbol or id) and the entries of `conv` (F, ∂E/∂W,
// ∂E/∂X by 1-based index), with the same tolerance object as answers-format.md.
// Parsed first, then resolved against the graph or convolution, so a node that
// is not in the expression or an index out of range is refused with the file,
// the JSON path and the reason.
#pragma once

#include "core/maths/convolution.h"
#include "core/maths/pooling.h"
#include "core/maths/expression_graph.h"
#include "core/maths/maths_check.h"
#include "core/result.h"
#include "core/tolerance.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <vector>

namespace bpl::io {

constexpr const char* kMathsAnswersFormat = "backprop-lab.maths-answers/1";

struct MathsAnswerEntry {
    MathsQuantity quantity = MathsQuantity::NodeValue;
    QString node; // graph answers: as written (a number is an id)
    int row = -1; // convolution answers: 0-based
    int col = -1;
    double value = 0;
};

struct MathsAnswerSheet {
    QString fileName;
    std::vector<MathsAnswerEntry> entries;
    Tolerance tolerance; // 3 significant figures unless the file says otherwise
    bool toleranceGiven = false;
    // The exercise-sheet keys (maths-answers.md): the variant code the answers
    // are for ("chain/7F3K", "conv4x4-2x2/0K3M"; "" when not said), the student's name.
    QString variant;
    QString student;
    QJsonObject original; // the file as read: unknown keys survive a save
};

Result<MathsAnswerSheet> parseMathsAnswers(const QByteArray& bytes, const QString& fileName);
Result<MathsAnswerSheet> loadMathsAnswers(const QString& path);

// The sheet as JSON over its original object (unknown keys, also those of
// answers in the same position, survive), and written atomically.
QJsonObject mathsAnswersToJson(const MathsAnswerSheet& sheet);
QByteArray mathsAnswersToBytes(const MathsAnswerSheet& sheet);
Result<bool> saveMathsAnswers(const MathsAnswerSheet& sheet, const QString& path);

// The answers as references into a graph or a convolution; refuses quantities
// of the other tool, nodes not in the expression and indices out of range.
Result<std::vector<MathsAnswer>> resolveGraphAnswers(const MathsAnswerSheet& sheet,
                                                     const ExpressionGraph& graph);
Result<std::vector<MathsAnswer>> resolveConvolutionAnswers(const MathsAnswerSheet& sheet,
                                                           const Convolution& conv);
// Pooling: output (P) and grad_input (∂E/∂X) only; it has no filter.
Result<std::vector<MathsAnswer>> resolvePoolingAnswers(const MathsAnswerSheet& sheet,
                                                       const Pooling& pooling);

} // namespace bpl::io
