// Numbers as text for machines and documents, independent of the process
// locale: JSON, CSV, LaTeX, Markdown, HTML, PDF and the command line's output
// all format and parse numbers here. The C library's formatted printing and
// string-to-double parsing follow the locale that Qt sets from the user's
// (de_DE writes "0,1"); std::to_chars and std::from_chars never do. Show a number in the user's locale only in the
// window, where the widget says so.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bpl {

// x to `significantFigures` (1–17) significant figures, shortest form, exactly
// as the C locale's %g conversion writes it: "0.31", "0.0247663", "1e-07"; "-0" is "0";
// non-finite values are "nan", "inf", "-inf".
std::string numberText(double x, int significantFigures);
// The shortest text that reads back to the same double ("0.1", "3", "1e-07").
std::string shortestNumberText(double x);

// The whole of `text` as a number ("0.5", "-1e-3", "+2"; spaces around are
// ignored; no thousands separators, no decimal comma). nullopt on anything
// else. "inf" and "nan" parse; callers that need a finite value check it.
std::optional<double> parseNumber(std::string_view text);
// The same, nullopt also for non-finite values (and for 1e999, which overflows).
std::optional<double> parseFiniteNumber(std::string_view text);

// "v,v,…" into finite numbers: the one command-line number-list parser
// (--input, --target, --etas, --init). On failure `error` names the bad item
// ("'0,5x' is not a finite number"), quoting at most ~60 characters of it.
// With `anySeparator` (the window's fields): commas, semicolons or white space
// separate the numbers, empty items are skipped and "−" (U+2212) is a minus.
bool parseNumberList(std::string_view text, std::vector<double>& out, std::string& error,
                     bool anySeparator = false);

} // namespace bpl
