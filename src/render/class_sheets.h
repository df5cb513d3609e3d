// A whole class's exercise sheets in one folder — what `backprop-lab sheets`
// and File → New exercise sheets… both call. From the exercise network, its
// template and a class seed (or a maths exercise file), student k gets variant
// classVariantNumbers(seed)[k] (core/exercise), and the folder gets (ISSUE13-DESIGN.md):
//   sheets/NN-name.pdf        the student's sheet
//   keys/NN-name-key.pdf      the answer key with the worked solution
//   keys/NN-name-key.json     the key as an answers file (it checks all correct)
//   answers/NN-name.json      an answers file to fill in (variant and student set)
//   class-summary.pdf         every student's name, code and key values
//   class.csv                 student, code and the files, one row per student
// Every file is written through io/safe_file (QSaveFile; devices refused), the
// folder as a whole through io/class_folder (a manifest, .backprop-lab-sheets,
// lists the files written).
#pragma once

#include "core/exercise/variant_template.h"
#include "core/network.h"
#include "core/result.h"
#include "core/trace.h"
#include "io/exercise_file.h"
#include "render/exercise_sheet.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace bpl::io {

struct ClassSheetsRequest {
    Network exercise;                   // the exercise; each student's values replace its own
    exercise::NetworkTemplate variants; // what varies (the file's template or the default)
    // A chain-rule or convolution exercise instead of the network (exercise-format.md).
    std::optional<MathsExercise> maths;
    QString title;          // on every sheet; empty: the network's name, else "Exercise"
    QString exerciseFile;   // the answers files' "network" key (e.g. "sheet5.json")
    QStringList students;   // 1 … kMaxClassSize names (io/class_roster.h)
    std::uint64_t seed = 1; // the class seed: the same seed, the same codes
    QString folder;         // created when missing (its parent must exist)
    // Files in `folder` that an earlier `sheets` run did not write are refused
    // unless this is set (sheets --force): then files of the same names are
    // replaced and the others kept (io/class_folder.h).
    bool replaceForeignFiles = false;
    TraceOptions options;   // notation and the worked solution's figures
    // Called after each student's files (done = 1 … total); returning false stops.
    std::function<bool(int done, int total)> progress;
};

struct ClassSheetEntry {
    QString student;
    QString code; // "3-2-1/7F3K"
    QString stem; // "01-ada-lovelace": the files' names
};

struct ClassSheetsReport {
    QString folder;
    std::vector<ClassSheetEntry> students;
    QStringList files; // every file written, relative to the folder
};

// The sheets of the class without writing anything (for a preview): the same
// codes and values writeClassSheets writes. Errors: no students, too many, a
// template this network cannot use, no hand-workable variant.
Result<std::vector<ExerciseSheet>> classSheets(const ClassSheetsRequest& request);

// Writes the folder: into a new folder beside it that takes its place when
// complete (io/class_folder.h), so an error or a kill leaves the old folder as
// it was and a re-run leaves no stale files of a larger class. The error names
// the file and the reason.
Result<ClassSheetsReport> writeClassSheets(const ClassSheetsRequest& request);

// The sheet's title for a request (its title, the network's name, or "Exercise").
QString classSheetTitle(const ClassSheetsRequest& request);

} // namespace bpl::io
