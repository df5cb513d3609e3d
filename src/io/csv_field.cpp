#include "io/csv_field.h"

#include <string_view>

namespace bpl::io {

QByteArray csvField(const QString& text) {
    QByteArray s = text.toUtf8();
    if (!s.isEmpty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos)
        s.prepend('\'');
    if (!s.contains(',') && !s.contains('"') && !s.contains('\n') && !s.contains('\r'))
        return s;
    s.replace("\"", "\"\"");
    return "\"" + s + "\"";
}

} // namespace bpl::io
