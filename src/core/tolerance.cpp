#include "core/tolerance.h"

#include "core/common/number_text.h"
#include "core/number_format.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <string>

namespace bpl {

namespace {

// ±d.ddd × 10^exponent, the digits of the shortest decimal that reads back to x.
struct Decimal {
    bool negative = false;
    bool zero = true;
    std::string digits; // no leading zeros unless zero
    int exponent = 0;

    friend bool operator==(const Decimal& a, const Decimal& b) {
        if (a.zero || b.zero) return a.zero && b.zero;
        return a.negative == b.negative && a.digits == b.digits && a.exponent == b.exponent;
    }
};

Decimal decimalOf(double x) {
    Decimal d;
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    const std::string s(buf, r.ptr);
    size_t p = 0;
    if (p < s.size() && s[p] == '-') {
        d.negative = true;
        ++p;
    }
    const size_t e = s.find('e');
    for (; p < e; ++p) {
        if (s[p] != '.') d.digits += s[p];
    }
    d.exponent = std::stoi(s.substr(e + 1));
    d.zero = d.digits.find_first_not_of('0') == std::string::npos;
    if (d.zero) d.negative = false;
    return d;
}

// Decimal rounding to n digits, half away from zero (the sign is kept apart).
Decimal roundDecimal(Decimal d, int n) {
    if (d.zero) {
        d.digits = std::string(n, '0');
        d.exponent = 0;
        return d;
    }
    if (static_cast<int>(d.digits.size()) <= n) {
        d.digits.append(n - d.digits.size(), '0');
        return d;
    }
    const bool up = d.digits[n] >= '5';
    d.digits.resize(n);
    if (up) {
        int k = n - 1;
        while (k >= 0 && d.digits[k] == '9') d.digits[k--] = '0';
        if (k < 0) {
            d.digits.insert(d.digits.begin(), '1');
            d.digits.pop_back();
            ++d.exponent;
        } else {
            ++d.digits[k];
        }
    }
    return d;
}

std::string decimalText(const Decimal& d) {
    std::string body;
    const int n = static_cast<int>(d.digits.size());
    if (d.zero) {
        body = "0";
        if (n > 1) body += "." + std::string(n - 1, '0');
        return body;
    }
    if (d.exponent < -5 || d.exponent >= 15) {
        body = d.digits.substr(0, 1);
        if (n > 1) body += "." + d.digits.substr(1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "e%c%02d", d.exponent < 0 ? '-' : '+', std::abs(d.exponent));
        body += exp;
    } else if (d.exponent < 0) {
        body = "0." + std::string(-d.exponent - 1, '0') + d.digits;
    } else {
        const int intDigits = d.exponent + 1;
        if (n <= intDigits) {
            body = d.digits + std::string(intDigits - n, '0');
        } else {
            body = d.digits.substr(0, intDigits) + "." + d.digits.substr(intDigits);
        }
    }
    return (d.negative ? "-" : "") + body;
}

std::string ordinal(int n) {
    const int lastTwo = n % 100;
    const char* suffix = "th";
    if (lastTwo < 11 || lastTwo > 13) {
        if (n % 10 == 1) suffix = "st";
        if (n % 10 == 2) suffix = "nd";
        if (n % 10 == 3) suffix = "rd";
    }
    return std::to_string(n) + suffix;
}

std::string figures(int n) {
    return std::to_string(n) + (n == 1 ? " significant figure" : " significant figures");
}

// The exact value as shown in explanations: a few more figures than compared.
std::string exactText(double x, int n) { return formatNumber(x, std::max(6, n + 2)); }

} // namespace

std::string roundedText(double x, int significantFigures) {
    if (!std::isfinite(x)) return formatNumber(x, 6);
    return decimalText(roundDecimal(decimalOf(x), std::clamp(significantFigures, 1, 17)));
}

bool sameWhenRounded(double x, double y, int significantFigures) {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    const int n = std::clamp(significantFigures, 1, 17);
    return roundDecimal(decimalOf(x), n) == roundDecimal(decimalOf(y), n);
}

double unitInLastPlace(double x, int significantFigures) {
    if (x == 0 || !std::isfinite(x)) return 0;
    return std::pow(10.0, decimalOf(x).exponent - significantFigures + 1);
}

std::string shortestText(double x) {
    if (!std::isfinite(x)) return formatNumber(x, 6);
    if (x == 0) return "0";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, r.ptr);
}

int significantDigits(double x) {
    if (!std::isfinite(x)) return 1;
    Decimal d = decimalOf(x);
    if (d.zero) return 1;
    const auto last = d.digits.find_last_not_of('0');
    return static_cast<int>(last) + 1;
}

Tolerance Tolerance::sigFigs(int n) {
    Tolerance t;
    t.kind = Kind::SignificantFigures;
    t.significantFigures = n;
    return t;
}

Tolerance Tolerance::margin(double absolute, double relative) {
    Tolerance t;
    t.kind = Kind::AbsoluteRelative;
    t.absolute = absolute;
    t.relative = relative;
    return t;
}

bool Tolerance::matches(double given, double exact) const {
    if (!std::isfinite(given) || !std::isfinite(exact)) return false;
    const double diff = std::abs(given - exact);
    if ((given == 0 || exact == 0) && diff <= kToleranceZeroFloor) return true;
    if (kind == Kind::AbsoluteRelative) {
        return diff <= absolute + relative * std::abs(exact);
    }
    if (sameWhenRounded(given, exact, significantFigures)) return true;
    // The slack absorbs binary representation error at an exact half unit.
    return diff <= 0.5 * unitInLastPlace(exact, significantFigures) * (1 + 1e-9);
}

std::string Tolerance::shortName() const {
    if (kind == Kind::SignificantFigures) return figures(significantFigures);
    std::string s;
    if (absolute > 0) s = "absolute " + shortestText(absolute);
    if (relative > 0) s += (s.empty() ? "" : " + ") + std::string("relative ") + shortestText(relative);
    return s.empty() ? "exact (within 1e-12)" : s;
}

std::string Tolerance::describe() const {
    if (kind == Kind::AbsoluteRelative) {
        return "Tolerance: an answer is right when |answer − exact| ≤ " + shortestText(absolute) + " + " +
               shortestText(relative) + " × |exact|. A written 0 matches any exact value within 1e-12 of zero.";
    }
    const int n = significantFigures;
    const double example = 0.576885;
    const double rounded = parseNumber(roundedText(example, n)).value_or(example);
    const double below = rounded - unitInLastPlace(example, n);
    return "Tolerance: " + figures(n) + ". An answer is right when it rounds to the same " +
           figures(n) + " as the exact value, or lies within half a unit in the " + ordinal(n) +
           " significant figure of it (for the exact value 0.576885: " + roundedText(example, n + 1) +
           " and " + roundedText(example, n) + " match, " + roundedText(below, n) +
           " does not). Rounding is decimal, half away from zero (0.5765 → " + roundedText(0.5765, 3) +
           " at 3 figures). A written 0 matches any exact value within 1e-12 of zero; other small values "
           "are compared by their significant figures like any others.";
}

std::string Tolerance::explain(double given, double exact) const {
    const int n = significantFigures;
    const std::string g = shortestText(given);
    const std::string e = exactText(exact, n);
    if (!std::isfinite(given) || !std::isfinite(exact)) {
        return g + " cannot be compared with " + e;
    }
    const double diff = std::abs(given - exact);
    if (kind == Kind::AbsoluteRelative) {
        const double limit = absolute + relative * std::abs(exact);
        return "|" + g + " − " + e + "| = " + formatNumber(diff, 3) + (matches(given, exact) ? " ≤ " : " > ") +
               formatNumber(std::max(limit, kToleranceZeroFloor), 3);
    }
    if (given == exact || diff <= 1e-15 * std::abs(exact)) return g + " is the exact value";
    if (sameWhenRounded(given, exact, n)) {
        return g + " and " + e + " both round to " + roundedText(exact, n) + " (" + figures(n) + ")";
    }
    if ((given == 0 || exact == 0) && diff <= kToleranceZeroFloor) {
        return g + " and the exact value " + formatNumber(exact, 6) + " are both zero to 12 decimal places";
    }
    const double half = 0.5 * unitInLastPlace(exact, n);
    if (matches(given, exact)) {
        return g + " lies within ±" + formatNumber(half, 1) + " (half a unit in the " + ordinal(n) +
               " significant figure) of " + e;
    }
    return g + " rounds to " + roundedText(given, n) + " at " + figures(n) + ", the exact value " + e +
           " to " + roundedText(exact, n);
}

} // namespace bpl
