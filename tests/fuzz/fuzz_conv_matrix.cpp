// libFuzzer target: `conv`'s matrix reader (--input, --filter, --grad-output
// and --answers matrices: "[[1, 2], [3, 4]]" text), in memory and from a file
// read as `conv` reads it (io/safe_file.h, at most 1 MiB; fuzz_file.h;
// script/fuzz).
#include "fuzz_file.h"

#include "core/maths/convolution.h"
#include "io/safe_file.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

// conv_command.cpp's kMaxMatrixFileBytes.
constexpr qint64 kMaxMatrixFileBytes = qint64(1) << 20;

bool parses(const QByteArray& bytes) {
    Eigen::MatrixXd matrix;
    std::string error;
    return bpl::parseMatrixText(bytes.toStdString(), matrix, error);
}

bool loads(const QString& path) {
    const auto bytes = bpl::io::readRegularFile(path, kMaxMatrixFileBytes, "matrix file");
    return bytes && parses(bytes.value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    bpl::fuzz::refusesSpecialFiles(loads);
    bpl::fuzz::agree(parses(bytes), loads(bpl::fuzz::fileHolding(bytes, "matrix.txt")));
    return 0;
}
