// The core's UTF-8 std::string as a QString: one spelling for every Qt layer
// (io, render, gui, cli) instead of a local helper in each file.
#pragma once

#include <QString>

#include <string>

namespace bpl {

inline QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace bpl
