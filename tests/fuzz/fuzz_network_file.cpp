// libFuzzer target: the network-file loader must refuse any bytes with a
// message, never crash, hang or allocate without bound, in memory and from
// a file (fuzz_file.h; script/fuzz).
#include "fuzz_file.h"

#include "io/network_file.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto parsed = bpl::io::parseNetwork(bytes, QStringLiteral("fuzz.json"));
    // The same bytes through the file path `trace` and the window use.
    const auto load = [](const QString& path) { return bool(bpl::io::loadNetwork(path)); };
    bpl::fuzz::refusesSpecialFiles(load);
    bpl::fuzz::agree(bool(parsed), load(bpl::fuzz::fileHolding(bytes, "fuzz.json")));
    if (parsed) {
        // A network the loader accepts must save and load back.
        const auto again = bpl::io::parseNetwork(bpl::io::networkToBytes(parsed.value()), QStringLiteral("again.json"));
        if (!again) __builtin_trap();
    }
    return 0;
}
