// `backprop-lab check EXERCISE.json ANSWERS.json`: marking maths answers
// (maths-answers.md) against a maths exercise file (exercise-format.md), or
// against the variant the answers' "variant" key names, so one command checks
// every kind of exercise. The network case stays in check_command.cpp.
#pragma once

#include "core/tolerance.h"

#include <QString>

#include <optional>

namespace bpl::cli {

struct CheckExerciseRequest {
    QString exercisePath;
    QString answersPath;
    QString format = "text"; // text, json or html
    QString pdfPath;         // also write the marked solution as a PDF
    bool formatGiven = false;
    std::optional<Tolerance> tolerance; // overrides the answer file's
    int precision = 4;
};

// Exit 0 all correct, 1 any wrong or carried, 3 a bad file or variant code.
int checkMathsExerciseFiles(const CheckExerciseRequest& request);

// "Variant 3-2-1/7F3K (Ada Lovelace)" or "" when the answers name no variant.
QString variantHeader(const QString& variant, const QString& student);

} // namespace bpl::cli
