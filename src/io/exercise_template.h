// The `variants` key (the exercise template) as JSON: a network file's
// (docs/formats/network-format.md, "Exercise variants") and a maths exercise
// file's (exercise-format.md). Reading refuses unknown keys and bad values with
// the place ("variants.weights.decimals") and the reason; writing keeps the
// keys the file had and adds only those that differ from the defaults, so a
// load and save leaves a template as it was written.
#pragma once

#include "core/exercise/convolution_variant.h"
#include "core/exercise/expression_variant.h"
#include "core/exercise/network_variant.h"
#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>

namespace bpl::io {

// {"min": -1, "max": 1, "decimals": 1} or {"values": [0, 1]}; missing keys
// keep `defaults`. `place` prefixes every error place.
Result<exercise::NumberRange> numberRangeFromJson(const QJsonValue& value, const std::string& place,
                                                  const exercise::NumberRange& defaults);
QJsonObject numberRangeToJson(const exercise::NumberRange& range);

// The template of `network` (missing keys take defaultNetworkTemplate); places
// start with "variants". Also refuses what templateProblems finds.
Result<exercise::NetworkTemplate> networkTemplateFromJson(const QJsonValue& value,
                                                          const Network& network);
QJsonObject networkTemplateToJson(const exercise::NetworkTemplate& t, const Network& network,
                                  const QJsonObject& original = {});

Result<exercise::ExpressionTemplate> expressionTemplateFromJson(const QJsonValue& value,
                                                                const Expression& expression);
QJsonObject expressionTemplateToJson(const exercise::ExpressionTemplate& t,
                                     const QJsonObject& original = {});

Result<exercise::ConvolutionTemplate> convolutionTemplateFromJson(const QJsonValue& value);
QJsonObject convolutionTemplateToJson(const exercise::ConvolutionTemplate& t,
                                      const QJsonObject& original = {});

// The key order of templates for writeJson.
QStringList exerciseTemplateKeyOrder();

} // namespace bpl::io
