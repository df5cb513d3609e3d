// Quoting user text in messages: an error message names what was wrong but
// never echoes a whole 10 MB string back. Every loader and command quotes the
// offending text through quoteExcerpt.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bpl {

// How many characters of offending text a message quotes at most.
constexpr std::size_t kMaxQuotedChars = 60;

// `text` cut to at most `maxChars` characters (UTF-8 code points, never split)
// with "…" appended and the full length in bytes noted when it was cut:
// "AAAA…" (10000000 bytes). Control characters are shown as '?'.
std::string excerpt(std::string_view text, std::size_t maxChars = kMaxQuotedChars);
// Which quotes a message puts around the excerpt: double in file formats'
// messages ("relu"), single around command-line values and typed text ('xml').
enum class Quote { Double, Single };
// The excerpt in quotes: "\"relu\"" or "\"AAAA…\" (10000000 bytes)".
std::string quoteExcerpt(std::string_view text, std::size_t maxChars = kMaxQuotedChars,
                         Quote quote = Quote::Double);
inline std::string quoteExcerpt(std::string_view text, Quote quote) {
    return quoteExcerpt(text, kMaxQuotedChars, quote);
}
// Items joined as prose: "a", "a and b", "a, b and c".
std::string proseList(const std::vector<std::string>& items);

} // namespace bpl
