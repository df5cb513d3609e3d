#include "core/common/number_text.h"

#include "core/common/message_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace bpl {

namespace {

std::string nonFiniteText(double x) {
    if (std::isnan(x))
        return "nan";
    return x > 0 ? "inf" : "-inf";
}

std::string_view trimmed(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::string numberText(double x, int significantFigures) {
    if (!std::isfinite(x))
        return nonFiniteText(x);
    const int p = std::clamp(significantFigures, 1, 17);
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::general, p);
    std::string s(buf, r.ptr);
    if (s == "-0")
        s = "0";
    return s;
}

std::string shortestNumberText(double x) {
    if (!std::isfinite(x))
        return nonFiniteText(x);
    if (x == 0)
        return "0";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

std::optional<double> parseNumber(std::string_view text) {
    std::string_view s = trimmed(text);
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    // from_chars takes its own '-' but no '+', and never a second sign.
    if (s.empty() || s.front() == '+' || s.front() == '-')
        return std::nullopt;
    double x = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), x, std::chars_format::general);
    if (r.ptr != s.data() + s.size())
        return std::nullopt;
    if (r.ec == std::errc::result_out_of_range) {
        // Too large is an overflow (not a number we can use); too small is 0.
        const bool tiny = s.find_first_of("eE") != std::string_view::npos &&
                          s.find("e-") != std::string_view::npos;
        x = tiny ? 0.0 : HUGE_VAL;
    } else if (r.ec != std::errc()) {
        return std::nullopt;
    }
    return negative ? -x : x;
}

std::optional<double> parseFiniteNumber(std::string_view text) {
    const auto x = parseNumber(text);
    if (!x || !std::isfinite(*x))
        return std::nullopt;
    return x;
}

namespace {

// "0.5; 0.3 −0.1" → "0.5,0.3,-0.1": the window's lenient list as a comma list.
std::string commaList(std::string_view text) {
    std::string out;
    bool pending = false; // a separator seen since the last item
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending = !out.empty();
            continue;
        }
        if (pending)
            out += ',';
        pending = false;
        if (text.substr(k, 3) == "\xE2\x88\x92") { // U+2212 MINUS SIGN
            out += '-';
            k += 2;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

bool parseNumberList(std::string_view text, std::vector<double>& out, std::string& error,
                     bool anySeparator) {
    if (anySeparator) {
        const std::string commas = commaList(text);
        out.clear();
        return commas.empty() || parseNumberList(commas, out, error, false);
    }
    out.clear();
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string_view part = trimmed(text.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        const auto x = parseFiniteNumber(part);
        if (!x) {
            error = quoteExcerpt(part) + " is not a finite number";
            return false;
        }
        out.push_back(*x);
        if (comma == std::string_view::npos)
            return true;
        start = comma + 1;
    }
}

} // namespace bpl
