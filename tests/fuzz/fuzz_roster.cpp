// libFuzzer target: the class roster loader of `sheets --roster` (one name
// per line), in memory and from a file (fuzz_file.h; script/fuzz). An
// accepted roster has 1 … kMaxClassSize names, each giving file names that
// stay inside the class folder.
#include "fuzz_file.h"

#include "io/class_roster.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto parsed = bpl::io::parseRoster(bytes, QStringLiteral("names.txt"));
    const auto load = [](const QString& path) { return bool(bpl::io::loadRoster(path)); };
    bpl::fuzz::refusesSpecialFiles(load);
    bpl::fuzz::agree(bool(parsed), load(bpl::fuzz::fileHolding(bytes, "names.txt")));
    if (!parsed)
        return 0;
    const QStringList& names = parsed.value();
    if (names.isEmpty() || names.size() > bpl::io::kMaxClassSize)
        __builtin_trap();
    for (const QString& stem : bpl::io::classFileStems(names)) {
        if (stem.isEmpty() || stem.contains('/') || stem.contains('\\') || stem.startsWith('.'))
            __builtin_trap();
    }
    return 0;
}
