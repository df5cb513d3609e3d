// libFuzzer target: the maths exercise loader (backprop-lab.exercise/1, with
// its `variants` template) and the maths answers loader with its variant and
// student keys, in memory and from a file (fuzz_file.h; script/fuzz).
#include "fuzz_file.h"

#include "io/exercise_file.h"
#include "io/maths_answers.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto exercise = bpl::io::parseMathsExercise(bytes, QStringLiteral("fuzz.json"));
    if (exercise) (void)bpl::io::mathsExerciseToBytes(exercise.value());
    const auto answers = bpl::io::parseMathsAnswers(bytes, QStringLiteral("fuzz.json"));
    if (answers) (void)bpl::io::mathsAnswersToBytes(answers.value());
    // The same bytes through the file paths `check`, `grad` and `sheets` use.
    const auto loadExercise = [](const QString& path) {
        return bool(bpl::io::loadMathsExercise(path));
    };
    const auto loadAnswers = [](const QString& path) {
        return bool(bpl::io::loadMathsAnswers(path));
    };
    bpl::fuzz::refusesSpecialFiles(loadExercise);
    bpl::fuzz::refusesSpecialFiles(loadAnswers);
    const QString file = bpl::fuzz::fileHolding(bytes, "fuzz.json");
    bpl::fuzz::agree(bool(exercise), loadExercise(file));
    bpl::fuzz::agree(bool(answers), loadAnswers(file));
    return 0;
}
