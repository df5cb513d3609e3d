// Training data files (shared/spec/training.md): plain text, one sample per
// line, the network's inputs then its target (a class index or K one-hot /
// probability columns for a softmax output, one value in [0, 1] for a sigmoid
// output with binary cross-entropy, K real values otherwise). `#` starts a
// comment; an optional header line of names is skipped; fields are separated
// by white space or commas. Every rejection names the file, the line and the
// reason. Also the shipped 8×8 digits (the built-in set `digits`).
#pragma once

#include "core/network.h"
#include "core/result.h"
#include "core/training/dataset.h"

#include <QByteArray>
#include <QString>

namespace bpl::io {

// Files larger than this are refused before reading.
constexpr qint64 kMaxTrainingDataBytes = qint64(256) * 1024 * 1024;
// The built-in data set that is shipped rather than generated.
constexpr const char* kDigitsName = "digits";

// Parses `bytes` for `network` into a data set fitted to it (targets as the
// loss takes them: one-hot columns for softmax, the 0/1 value for one sigmoid
// unit, real values otherwise). `fileName` names the file in messages and
// becomes the data set's source.
Result<Dataset> parseTrainingData(const QByteArray& bytes, const QString& fileName,
                                  const Network& network);
// Reads a regular file of at most kMaxTrainingDataBytes, then parses it.
Result<Dataset> loadTrainingData(const QString& path, const Network& network);

// The 8×8 digits (resources/data/digits.txt, embedded): 1797 samples of 64
// pixel values in [0, 1] and the class 0 … 9, fitted to `network` (64 inputs,
// 10 softmax outputs).
Result<Dataset> loadDigits(const Network& network);
// The embedded digits file as shipped (for tests and tools).
QByteArray digitsFileBytes();

} // namespace bpl::io
