// Maths exercise files (docs/formats/exercise-format.md,
// "backprop-lab.exercise/1"): a chain-rule exercise (an expression and the
// values of its variables) or a convolution exercise (X, W, stride, padding,
// mode), each with an optional `variants` template. Loaded with validation
// (file: place: reason), saved keeping unknown keys.
#pragma once

#include "core/exercise/convolution_variant.h"
#include "core/exercise/expression_variant.h"
#include "core/maths/convolution.h"
#include "core/maths/expression.h"
#include "core/maths/expression_graph.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace bpl::io {

constexpr const char* kExerciseFormat = "backprop-lab.exercise/1";
constexpr qint64 kMaxExerciseFileBytes = 4 * 1024 * 1024;

enum class MathsExerciseKind { Chain, Convolution };

struct MathsExercise {
    MathsExerciseKind kind = MathsExerciseKind::Chain;
    QString name; // optional title
    // kind chain:
    std::string expressionText;
    std::optional<Expression> expression;
    std::vector<VariableValue> at; // in expression.variables order
    exercise::ExpressionTemplate chainTemplate;
    // kind conv:
    ConvolutionProblem convolution;
    exercise::ConvolutionTemplate convTemplate;
    bool templateGiven = false; // the file has a `variants` key
    QJsonObject original;       // the file as read: unknown keys survive a save
};

// `fileName` is only used in messages.
Result<MathsExercise> parseMathsExercise(const QByteArray& bytes, const QString& fileName);
Result<MathsExercise> loadMathsExercise(const QString& path);
// True when the file's top-level "format" is kExerciseFormat (read cheaply;
// false for anything unreadable).
bool isMathsExerciseFile(const QString& path);

QJsonObject mathsExerciseToJson(const MathsExercise& exercise);
QByteArray mathsExerciseToBytes(const MathsExercise& exercise);
Result<bool> saveMathsExercise(const MathsExercise& exercise, const QString& path);

// "chain" or "conv4x4-2x2".
std::string mathsExerciseShape(const MathsExercise& exercise);

} // namespace bpl::io
