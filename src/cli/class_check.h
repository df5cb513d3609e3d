// `backprop-lab check --class DIR EXERCISE [--out scores.csv] [--by-question FILE]`:
// marks every *.json answers file in DIR against the variant it names
// (io/exercise_answers.h rebuilds it) and writes the class's scores as CSV
// (docs/formats/class-scores.md). A file that cannot be read or marked is
// reported on stderr and skipped. Exit 0 when every file was marked, 1 when
// some were skipped, 3 when DIR or EXERCISE cannot be read or no file could be marked.
#pragma once

#include "core/tolerance.h"
#include "core/trace.h"

#include <QString>
#include <optional>

namespace bpl::cli {

struct ClassCheckRequest {
    QString folder;
    QString exercise;
    QString outPath;        // the per-student CSV; empty: stdout
    QString byQuestionPath; // the per-question CSV; empty: not written
    TraceOptions options;
    std::optional<Tolerance> tolerance; // overrides each file's
};

int runClassCheck(const ClassCheckRequest& request);

} // namespace bpl::cli
