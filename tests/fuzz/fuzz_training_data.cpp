// libFuzzer target: the training-data loader (training.md), for a 2-input
// sigmoid network, a 3-class softmax network and a 1-8-1 regression network:
// any bytes are refused with file, line and reason or give finite data whose
// targets fit the network (script/fuzz).
#include "fuzz_file.h"

#include "core/training/dataset.h"
#include "io/network_file.h"
#include "io/training_data.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

const std::vector<bpl::Network>& networks() {
    static const std::vector<bpl::Network> all = [] {
        std::vector<bpl::Network> out;
        for (const char* name : {"circle_2441_tanh.json", "three_blobs_softmax.json", "sine_181_tanh.json"}) {
            QFile f(QStringLiteral(BPL_SOURCE_DIR "/resources/examples/") + QString::fromLatin1(name));
            if (!f.open(QIODevice::ReadOnly)) continue;
            auto parsed = bpl::io::parseNetwork(f.readAll(), QString::fromLatin1(name));
            if (parsed) out.push_back(parsed.value().network);
        }
        return out;
    }();
    return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString file = bpl::fuzz::fileHolding(bytes, "fuzz.txt");
    for (const bpl::Network& network : networks()) {
        const auto parsed = bpl::io::parseTrainingData(bytes, QStringLiteral("fuzz.txt"), network);
        const auto load = [&network](const QString& path) {
            return bool(bpl::io::loadTrainingData(path, network));
        };
        bpl::fuzz::refusesSpecialFiles(load);
        bpl::fuzz::agree(bool(parsed), load(file));
        if (!parsed) continue;
        const bpl::Dataset& d = parsed.value();
        if (!d.inputs.allFinite() || !d.targets.allFinite() || d.inputCount() != network.inputSize() ||
            d.targets.rows() != network.outputSize() || d.sampleCount() < 2) {
            __builtin_trap();
        }
    }
    return 0;
}
