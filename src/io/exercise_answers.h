// The exercise an answer file is marked against (one home for the CLI's
// `check` and the window's Check mode): the exercise itself when the answers
// name no variant, else the variant their code names, rebuilt from the
// exercise file's template. A code for another shape is refused with a
// message naming both shapes.
#pragma once

#include "core/exercise/network_variant.h"
#include "core/maths/convolution.h"
#include "core/maths/expression_graph.h"
#include "core/maths/maths_check.h"
#include "core/network.h"
#include "core/result.h"
#include "io/answers_file.h"
#include "io/exercise_file.h"
#include "io/maths_answers.h"
#include "io/network_file.h"

#include <optional>

namespace bpl::io {

// The document's template, or the default one for its network.
exercise::NetworkTemplate networkTemplateOf(const NetworkDocument& document);

// Variant `code` ("3-2-1/7F3K") of a network exercise; Error{"", "variant", …}
// for a bad code or another shape.
Result<Network> networkVariantFromCode(const Network& exercise, const exercise::NetworkTemplate& t,
                                       const std::string& code);

// The network the sheet's answers are marked against: `exercise` when
// sheet.variant is empty, else that variant of it.
Result<Network> exerciseForAnswers(const Network& exercise, const exercise::NetworkTemplate& t,
                                   const AnswerSheet& sheet);
Result<Network> exerciseForAnswers(const NetworkDocument& document, const AnswerSheet& sheet);

// One worked maths exercise, computed: its graph or its convolution.
struct MathsExerciseInstance {
    std::optional<ExpressionGraph> graph;
    std::optional<Convolution> convolution;
};

// The exercise as written (no number) or its variant `number`, computed at
// `precision` significant figures.
Result<MathsExerciseInstance> mathsExerciseInstance(const MathsExercise& exercise,
                                                    std::optional<std::uint32_t> number,
                                                    int precision = 4);
// Variant `code` ("chain/7F3K"); refuses another shape.
Result<MathsExerciseInstance> mathsExerciseFromCode(const MathsExercise& exercise,
                                                    const std::string& code, int precision = 4);
// The instance the sheet's answers are marked against (sheet.variant or the exercise itself).
Result<MathsExerciseInstance> exerciseForAnswers(const MathsExercise& exercise,
                                                 const MathsAnswerSheet& sheet, int precision = 4);

// The sheet's answers resolved against the instance and marked (maths_check.h).
Result<MathsCheckReport>
checkMathsExercise(const MathsExerciseInstance& instance, const MathsAnswerSheet& sheet,
                   const std::optional<Tolerance>& tolerance = std::nullopt);

} // namespace bpl::io
