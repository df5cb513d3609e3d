// The core's UTF-8 std::string as a QString: one spelling for every Qt layer
// (io, render, gui, cli) instead of a local helper in each file.
#pragma once

#include "core/common/message_text.h"

#include <QString>

#include <string>

namespace bpl {

inline QString q(const std::string& s) { return QString::fromStdString(s); }

// A command-line value or typed text quoted for a message, at most
// kMaxQuotedChars characters (core/common/message_text.h): "'xml'" or
// "'AAAA…' (10000000 bytes)".
inline QString quoteForMessage(const QString& text) {
    return q(quoteExcerpt(text.toStdString(), Quote::Single));
}

} // namespace bpl
