// libFuzzer target: the network-file loader must refuse any bytes with a
// message, never crash, hang or allocate without bound (script/fuzz).
#include "io/network_file.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto parsed = bpl::io::parseNetwork(bytes, QStringLiteral("fuzz.json"));
    if (parsed) {
        // A network the loader accepts must save and load back.
        const auto again = bpl::io::parseNetwork(bpl::io::networkToBytes(parsed.value()), QStringLiteral("again.json"));
        if (!again) __builtin_trap();
    }
    return 0;
}
