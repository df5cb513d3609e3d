#include "core/common/message_text.h"

#include <algorithm>

namespace bpl {

namespace {

// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for stray bytes).
std::size_t sequenceLength(unsigned char lead) {
    if (lead >= 0xF0 && lead < 0xF8)
        return 4;
    if (lead >= 0xE0)
        return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0)
        return 2;
    return 1;
}

// The first `maxChars` characters; `cut` tells whether anything was left off.
std::string head(std::string_view text, std::size_t maxChars, bool& cut) {
    std::string out;
    std::size_t chars = 0, pos = 0;
    while (pos < text.size() && chars < maxChars) {
        const unsigned char lead = static_cast<unsigned char>(text[pos]);
        const std::size_t n = std::min(sequenceLength(lead), text.size() - pos);
        if (n == 1 && (lead < 0x20 || lead == 0x7F || lead >= 0x80)) {
            out += '?';
        } else {
            out.append(text.substr(pos, n));
        }
        pos += n;
        ++chars;
    }
    cut = pos < text.size();
    return out;
}

} // namespace

std::string excerpt(std::string_view text, std::size_t maxChars) {
    bool cut = false;
    std::string out = head(text, maxChars, cut);
    return cut ? out + "…" : out;
}

std::string quoteExcerpt(std::string_view text, std::size_t maxChars, Quote quote) {
    const char* mark = quote == Quote::Single ? "'" : "\"";
    bool cut = false;
    const std::string shown = head(text, maxChars, cut);
    if (!cut)
        return mark + shown + mark;
    return mark + shown + "…" + mark + " (" + std::to_string(text.size()) + " bytes)";
}

std::string proseList(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (k > 0) out += k + 1 == items.size() ? " and " : ", ";
        out += items[k];
    }
    return out;
}

} // namespace bpl
