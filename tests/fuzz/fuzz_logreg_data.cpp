// libFuzzer target: the logistic-regression data loader, in memory and from a
// file (fuzz_file.h; script/fuzz).
#include "fuzz_file.h"

#include "io/logreg_data.h"

#include <QByteArray>
#include <QString>

#include <cmath>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto parsed = bpl::io::parseLogRegData(bytes, QStringLiteral("fuzz.txt"));
    const auto load = [](const QString& path) { return bool(bpl::io::loadLogRegData(path)); };
    bpl::fuzz::refusesSpecialFiles(load);
    bpl::fuzz::agree(bool(parsed), load(bpl::fuzz::fileHolding(bytes, "fuzz.txt")));
    if (parsed) {
        // Accepted data is finite with labels 0 or 1, as the spec requires.
        const bpl::LogRegData& d = parsed.value();
        for (Eigen::Index n = 0; n < d.size(); ++n) {
            if (!std::isfinite(d.x1[n]) || !std::isfinite(d.x2[n]) || (d.t[n] != 0.0 && d.t[n] != 1.0)) __builtin_trap();
        }
    }
    return 0;
}
