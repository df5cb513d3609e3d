#include "io/exercise_answers.h"

namespace bpl::io {

using namespace bpl::exercise;

exercise::NetworkTemplate networkTemplateOf(const NetworkDocument& document) {
    return document.variants ? *document.variants : defaultNetworkTemplate(document.network);
}

Result<Network> networkVariantFromCode(const Network& exercise, const NetworkTemplate& t,
                                       const std::string& code) {
    const auto parsed = parseVariantCode(code);
    if (!parsed)
        return parsed.error();
    return networkVariant(exercise, t, parsed.value());
}

Result<Network> exerciseForAnswers(const Network& exercise, const NetworkTemplate& t,
                                   const AnswerSheet& sheet) {
    if (sheet.variant.isEmpty())
        return exercise;
    return networkVariantFromCode(exercise, t, sheet.variant.toStdString());
}

Result<Network> exerciseForAnswers(const NetworkDocument& document, const AnswerSheet& sheet) {
    return exerciseForAnswers(document.network, networkTemplateOf(document), sheet);
}

Result<MathsExerciseInstance> mathsExerciseInstance(const MathsExercise& exercise,
                                                    std::optional<std::uint32_t> number,
                                                    int precision) {
    MathsExerciseInstance out;
    if (exercise.kind == MathsExerciseKind::Chain) {
        if (!exercise.expression)
            return Error{"", "expression", "no expression"};
        std::vector<VariableValue> at = exercise.at;
        if (number) {
            auto drawn = expressionVariant(*exercise.expression, exercise.at,
                                           exercise.chainTemplate, *number);
            if (!drawn)
                return drawn.error();
            at = std::move(drawn).value();
        }
        GraphOptions options;
        options.precision = precision;
        GraphResult graph = buildExpressionGraph(*exercise.expression, at, options);
        if (!graph.ok())
            return Error{"", "at", graph.error.describe()};
        out.graph = std::move(graph.graph);
        return out;
    }
    ConvolutionProblem problem = exercise.convolution;
    if (number) {
        auto drawn = convolutionVariant(exercise.convolution, exercise.convTemplate, *number);
        if (!drawn)
            return drawn.error();
        problem = std::move(drawn).value();
    }
    problem.precision = precision;
    auto computed = computeConvolution(problem);
    if (!computed)
        return computed.error();
    out.convolution = std::move(computed).value();
    return out;
}

Result<MathsExerciseInstance> mathsExerciseFromCode(const MathsExercise& exercise,
                                                    const std::string& code, int precision) {
    const auto parsed = parseVariantCode(code);
    if (!parsed)
        return parsed.error();
    if (auto e = variantShapeProblem(parsed.value(), mathsExerciseShape(exercise)))
        return *e;
    return mathsExerciseInstance(exercise, parsed.value().number, precision);
}

Result<MathsExerciseInstance> exerciseForAnswers(const MathsExercise& exercise,
                                                 const MathsAnswerSheet& sheet, int precision) {
    if (sheet.variant.isEmpty())
        return mathsExerciseInstance(exercise, std::nullopt, precision);
    return mathsExerciseFromCode(exercise, sheet.variant.toStdString(), precision);
}

Result<MathsCheckReport> checkMathsExercise(const MathsExerciseInstance& instance,
                                            const MathsAnswerSheet& sheet,
                                            const std::optional<Tolerance>& tolerance) {
    const Tolerance used = tolerance.value_or(sheet.tolerance);
    if (instance.graph) {
        const auto answers = resolveGraphAnswers(sheet, *instance.graph);
        if (!answers)
            return answers.error();
        return checkGraphAnswers(*instance.graph, answers.value(), used);
    }
    if (!instance.convolution)
        return Error{sheet.fileName.toStdString(), "", "nothing to check against"};
    const auto answers = resolveConvolutionAnswers(sheet, *instance.convolution);
    if (!answers)
        return answers.error();
    return checkConvolutionAnswers(*instance.convolution, answers.value(), used);
}

} // namespace bpl::io
