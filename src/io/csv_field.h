// One CSV text field, the one rule every CSV writer uses (class scores,
// class.csv of `sheets`, training runs): RFC 4180 quoting when needed, UTF-8,
// and text a spreadsheet would run as a formula neutralised.
#pragma once

#include <QByteArray>
#include <QString>

namespace bpl::io {

// Text that starts with '=', '+', '-', '@', a tab or a carriage return gets a
// leading single quote (OWASP's advice against CSV formula injection): a
// spreadsheet shows it as text and never runs it. A field with a comma,
// quote or line break is quoted. Numbers are written by the callers, never
// through here, so -0.5 stays a number.
QByteArray csvField(const QString& text);

} // namespace bpl::io
