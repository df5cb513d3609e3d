#include "io/text_columns.h"

#include "core/common/message_text.h"

#include <charconv>

namespace bpl::io {

std::string splitFields(std::string_view line, std::vector<std::string_view>& fields,
                        std::size_t maxFields) {
    fields.clear();
    std::size_t pos = 0;
    bool afterComma = false;
    auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
    };
    while (true) {
        while (pos < line.size() && isSpace(line[pos]))
            ++pos;
        if (pos == line.size()) {
            if (afterComma)
                return "empty field after the last comma";
            return {};
        }
        if (line[pos] == ',') {
            if (fields.empty() || afterComma) {
                return "empty field (two commas in a row, or a comma at the start)";
            }
            afterComma = true;
            ++pos;
            continue;
        }
        if (fields.size() == maxFields) {
            return "more than " + std::to_string(maxFields) +
                   " columns on one line (a row has far fewer)";
        }
        const std::size_t start = pos;
        while (pos < line.size() && line[pos] != ',' && !isSpace(line[pos]))
            ++pos;
        fields.push_back(line.substr(start, pos - start));
        afterComma = false;
    }
}

bool parseNumber(std::string_view text, double& value) {
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '+' || text.front() == '-'))
            return false;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

std::string quotedField(std::string_view text) {
    return "'" + excerpt(text, 24) + "'";
}

} // namespace bpl::io
