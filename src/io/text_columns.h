// The plain-text number tables shared by the data files (logistic-regression
// points, training sets): fields separated by white space and/or single
// commas, numbers parsed locale-free with std::from_chars.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bpl::io {

// Splits one line (comment already removed) into fields. Returns an error
// reason ("empty field …", or more than `maxFields` fields: a 256 MiB line of
// numbers would otherwise cost 16 bytes a field), or an empty string.
std::string splitFields(std::string_view line, std::vector<std::string_view>& fields,
                        std::size_t maxFields);
// The whole field as a number (a leading '+' allowed; "nan" and "inf" parse,
// the caller refuses them), or false.
bool parseNumber(std::string_view text, double& value);
// 'text' quoted for a message, cut after 24 characters (core/common/message_text.h).
std::string quotedField(std::string_view text);

} // namespace bpl::io
