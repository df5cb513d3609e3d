// libFuzzer target: the answers-file loader, alone and against the 3-2-1
// network of teaching-content section 1, in memory and from a file
// (fuzz_file.h; script/fuzz).
#include "fuzz_file.h"

#include "io/answers_file.h"
#include "io/network_file.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace {

const bpl::Network* sheet5() {
    static const std::optional<bpl::Network> network = []() -> std::optional<bpl::Network> {
        QFile f(QStringLiteral(BPL_SOURCE_DIR "/resources/examples/sheet5_321_sigmoid.json"));
        if (!f.open(QIODevice::ReadOnly)) return std::nullopt;
        auto parsed = bpl::io::parseNetwork(f.readAll(), QStringLiteral("sheet5.json"));
        if (!parsed) return std::nullopt;
        return parsed.value().network;
    }();
    return network ? &*network : nullptr;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const bool alone = bool(bpl::io::parseAnswers(bytes, QStringLiteral("fuzz.json")));
    const bool against = bool(bpl::io::parseAnswers(bytes, QStringLiteral("fuzz.json"), sheet5()));
    // The same bytes through the file path `check` uses.
    const auto load = [](const QString& path) { return bool(bpl::io::loadAnswers(path)); };
    bpl::fuzz::refusesSpecialFiles(load);
    const QString file = bpl::fuzz::fileHolding(bytes, "fuzz.json");
    bpl::fuzz::agree(alone, load(file));
    bpl::fuzz::agree(against, bool(bpl::io::loadAnswers(file, sheet5())));
    return 0;
}
