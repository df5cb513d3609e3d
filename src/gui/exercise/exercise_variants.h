// The window's one door to the exercise-sheet machinery of the core, io and
// render layers (core/exercise, io/exercise_*, render/exercise_sheet): the
// shape and variant codes of an exercise, the network of a typed code (the
// same rebuild `check` uses), the template's main settings for the dialog,
// the first students' variants for its preview, the roster reader and the
// class folder writer. Views call these and never parse or draw a variant
// themselves.
#pragma once

#include "core/network.h"
#include "core/result.h"
#include "core/trace.h"
#include "io/network_file.h"

#include <QImage>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace bpl::gui {

// "3-2-1" for a network with layers of 3, 2 and 1 neurons.
QString exerciseShape(const Network& network);

// A typed code's variant of `exercise` (the network file whose `variants`
// key is the template): the code as written canonically and the network
// with the variant's numbers. Fails with a message a student understands: an
// unreadable code, a code for another shape ("code 2-2-1/7F3K is for a 2-2-1
// network; this exercise is 3-2-1"), a template that admits no variant.
struct NetworkVariantOfCode {
    QString code;
    Network network;
};
Result<NetworkVariantOfCode> networkForCode(const io::NetworkDocument& exercise,
                                            const QString& typed);

// The exercise a class's sheets are made from: the open network, or a file
// (a network file or a backprop-lab.exercise/1 file). Opaque to the dialog.
class SheetExercise;
using SheetExercisePtr = std::shared_ptr<const SheetExercise>;
// `path`: the network's file ("" when untitled); `options`: the notation of the sheets.
SheetExercisePtr exerciseFromNetwork(const io::NetworkDocument& network, const QString& name,
                                     const QString& path, const TraceOptions& options);
Result<SheetExercisePtr> loadSheetExercise(const QString& path);
QString exerciseTitle(const SheetExercise& exercise);
// The template's main settings, one "what: value" line each (ranges,
// decimals, answer precision), for showing read-only.
QStringList templateSettings(const SheetExercise& exercise);
// Why no sheet can be made from it (a bad "variants" key), "" when it can.
QString exerciseProblem(const SheetExercise& exercise);

// Who gets a sheet: N numbered students or the names of a roster file (read
// by the same function as `sheets --roster`; a bad line is an error naming
// the file and the line).
Result<QStringList> readRosterFile(const QString& path);
QStringList numberedStudents(int count);

// Student k's variant (k from 0) for a class seed: its code and a preview
// image about `width` pixels wide (the student's sheet as printed, or the
// network figure with the variant's numbers).
struct VariantPreview {
    QString student;
    QString code;
    QImage image;
};
Result<std::vector<VariantPreview>> previewVariants(const SheetExercise& exercise,
                                                    const QStringList& students, quint64 seed,
                                                    int count, int width);

// Writes the class folder (sheets, keys, summary, class.csv, answers) as
// `sheets … --out DIR` does. `progress(done, total)` may be called from the
// worker thread. The report lists the files written.
struct ClassSheetsOutcome {
    QString folder;
    QStringList files; // relative to `folder`
    int sheets = 0;
};
Result<ClassSheetsOutcome> writeClassFolder(const SheetExercisePtr& exercise,
                                            const QStringList& students, quint64 seed,
                                            const QString& folder, bool replaceForeignFiles,
                                            const std::function<void(int, int)>& progress);

} // namespace bpl::gui
